// YAMLWriter in pieces: a document whose root is a block mapping is cut into
// runs of root pairs and runs of one pair's entries (a blueprint's actions), each
// written by a libyaml emitter of its own on any core and joined in order.

import BlueprintSyntax
import CLibYAML

/// A document whose root is a non-empty, untagged block mapping, given pair by
/// pair: a YAMLMapping, or a model that appends its events without a tree.
protocol YAMLRootMapping {
    var pairCount: Int { get }
    /// The entry count of pair `index` when its value is a block mapping of more
    /// than one entry under a key that libyaml writes on one line (see
    /// `YAMLWriter.isSplittable`); nil otherwise.
    func splitEntryCount(ofPair index: Int) -> Int?
    /// About how many events entry `entry` of split pair `index` takes (for balance).
    func eventCount(ofEntry entry: Int, ofPair index: Int) -> Int
    /// The events of pair `index`, key and value.
    func appendPair(_ index: Int, to events: inout [yaml_event_t]) throws
    /// The key of split pair `index`.
    func appendKey(ofPair index: Int, to events: inout [yaml_event_t]) throws
    /// The events of entry `entry` of split pair `index`, key and value.
    func appendEntry(_ entry: Int, ofPair index: Int, to events: inout [yaml_event_t]) throws
}

extension YAMLWriter {
    /// A part of a document whose root is a block mapping, written by an emitter
    /// of its own as a document of its own: a run of root pairs, or a run of the
    /// entries of one root pair whose value is a block mapping, written under that
    /// pair's key.
    ///
    /// Joined in order, the pieces' bytes are what one emitter writes for the whole
    /// document, because libyaml's output at a boundary depends only on the column
    /// and the indentation flags where the previous piece ended:
    /// - A root pair starts at indent 0 in both cases. The line break (or none,
    ///   after a block scalar that ended its line) that the whole document writes
    ///   before the next root key is the one that the piece's document end writes.
    /// - An entry of a split pair starts at indent 2. A piece of entries repeats the
    ///   pair's key on its first line (a simple key: short printable ASCII, so one
    ///   line), dropped for all but the first piece. Every value ends on a column
    ///   past 2 with the indentation flag cleared (a break follows at indent 0 and
    ///   2 alike), or at column 0 after a block scalar's last line break (no break
    ///   at either indent), so the document end writes what the next entry would.
    /// - libyaml ends a stream with `...` when the document's last block scalar
    ///   keeps its trailing line breaks (`|+`); the pieces report theirs.
    enum Piece: Equatable {
        case pairs(Range<Int>)
        case entries(ofPair: Int, Range<Int>)
    }

    /// How many runs a split pair's entries are cut into: a few per core, so that
    /// runs of unequal cost still keep every core busy.
    static let runsPerSplitPair = Parallel.processorCount * 4

    /// The fewest events a run is cut to (about 64 phases): a smaller document is
    /// written by one emitter on the calling thread.
    static let minimumEventsPerRun = 4096

    /// `root` after `prefix`, its split pairs cut into at most `parts` runs each
    /// of at least `minimumEvents` events, the pieces written on all cores.
    static func write(_ root: some YAMLRootMapping, prefix: [UInt8], parts: Int, minimumEvents: Int = 1) throws -> [UInt8] {
        var bytes: [UInt8] = []
        try write(root, prefix: prefix, parts: parts, minimumEvents: minimumEvents) { bytes += $0 }
        return bytes
    }

    /// The bytes of `write(root, prefix:, parts:)` handed to `sink` in order, each
    /// piece as soon as the pieces before it are written: `sink` is called on any
    /// thread, one call at a time. The first error, of a piece or of `sink`, ends
    /// the output and is thrown.
    static func write(
        _ root: some YAMLRootMapping, prefix: [UInt8], parts: Int, minimumEvents: Int = 1,
        to sink: (ArraySlice<UInt8>) throws -> Void
    ) throws {
        try sink(prefix[...])
        let pieces = pieces(of: root, parts: parts, minimumEvents: minimumEvents)
        var failure: (any Error)?
        var isOpenEnded = false
        Parallel.forEachInOrder(
            pieces.count, { index in Result { try write(pieces[index], of: root) } },
            consume: { _, written in
                guard failure == nil else { return }
                do {
                    let piece = try written.get()
                    try sink(piece.bytes)
                    if let keepsBreaks = piece.lastBlockScalarKeepsBreaks { isOpenEnded = keepsBreaks }
                } catch {
                    failure = error
                }
            })
        if let failure { throw failure }
        // What libyaml writes at the end of a stream whose last block scalar keeps its breaks.
        if isOpenEnded { try sink(Array("...\n".utf8)[...]) }
    }

    /// The pieces of `root`: runs of unsplit pairs, and each split pair cut into at
    /// most `parts` runs of about equal event count, each of at least
    /// `minimumEvents` (a pair that makes one run is written with its neighbours).
    static func pieces(of root: some YAMLRootMapping, parts: Int, minimumEvents: Int = 1) -> [Piece] {
        var pieces: [Piece] = []
        var start = 0
        for index in 0..<root.pairCount {
            guard let count = root.splitEntryCount(ofPair: index) else { continue }
            let runs = Parallel.ranges(count, parts: parts, minimumWeight: minimumEvents) {
                root.eventCount(ofEntry: $0, ofPair: index)
            }
            guard runs.count > 1 else { continue }
            if start < index { pieces.append(.pairs(start..<index)) }
            pieces += runs.map { .entries(ofPair: index, $0) }
            start = index + 1
        }
        if start < root.pairCount { pieces.append(.pairs(start..<root.pairCount)) }
        return pieces
    }

    /// Whether a pair whose value is `value` may be written in runs of entries: an
    /// untagged key that libyaml writes as a one-line simple key, and a block
    /// mapping of more than one entry.
    static func isSplittable(key: YAMLScalar, value: YAMLMapping) -> Bool {
        key.tag == nil && isOneLineKey(key.value) && value.style == .block && value.tag == nil && value.pairs.count > 1
    }

    /// Text that libyaml writes as a simple key on one line: printable ASCII, at
    /// most 128 bytes.
    static func isOneLineKey(_ text: String) -> Bool {
        text.utf8.count <= 128 && text.utf8.allSatisfy { (0x20...0x7E).contains($0) }
    }

    /// One piece as a document of its own, entries emitted as they are prepared;
    /// its bytes and, when it has block scalars, whether the last one keeps its
    /// trailing line breaks.
    static func write(_ piece: Piece, of root: some YAMLRootMapping) throws -> (
        bytes: ArraySlice<UInt8>, lastBlockScalarKeepsBreaks: Bool?
    ) {
        let emitter = try YAMLEventEmitter()
        var events: [yaml_event_t] = []
        defer { YAMLEventEmitter.discard(&events) }
        try YAMLEventEmitter.append(.streamStart, to: &events)
        try YAMLEventEmitter.append(.documentStart(isImplicit: true), to: &events)
        try YAMLEventEmitter.append(.mappingStart(tag: nil, style: .block), to: &events)
        // The document start is processed now (the mapping start waits for its
        // first entries), and no scalar yet: 1 stays until a block scalar comes.
        try emitter.emit(prepared: &events)
        emitter.openEnded = 1
        switch piece {
        case .pairs(let range):
            for index in range {
                try root.appendPair(index, to: &events)
                try emitter.emit(prepared: &events)
            }
        case .entries(let index, let range):
            try root.appendKey(ofPair: index, to: &events)
            try YAMLEventEmitter.append(.mappingStart(tag: nil, style: .block), to: &events)
            for entry in range {
                try root.appendEntry(entry, ofPair: index, to: &events)
                try emitter.emit(prepared: &events)
            }
            try YAMLEventEmitter.append(.mappingEnd, to: &events)
        }
        try YAMLEventEmitter.append(.mappingEnd, to: &events)
        // Every scalar is processed once the root mapping ends.
        try emitter.emit(prepared: &events)
        let blockScalarState = emitter.openEnded
        try YAMLEventEmitter.append(.documentEnd(isImplicit: true), to: &events)
        try emitter.emit(prepared: &events)
        let keepsBreaks = blockScalarState == 1 ? nil : blockScalarState == 2
        let bytes = emitter.bytes
        if case .entries(_, let range) = piece, range.lowerBound > 0, let lineEnd = bytes.firstIndex(of: 0x0A) {
            return (bytes[(lineEnd + 1)...], keepsBreaks)
        }
        return (bytes[...], keepsBreaks)
    }
}

/// A YAMLNode document's root mapping.
extension YAMLMapping: YAMLRootMapping {
    var pairCount: Int { pairs.count }

    func splitEntryCount(ofPair index: Int) -> Int? {
        guard case .scalar(let key) = pairs[index].key, case .mapping(let value) = pairs[index].value,
            YAMLWriter.isSplittable(key: key, value: value)
        else { return nil }
        return value.pairs.count
    }

    func eventCount(ofEntry entry: Int, ofPair index: Int) -> Int {
        guard case .mapping(let value) = pairs[index].value else { return 1 }
        return YAMLWriter.eventCount(of: value.pairs[entry].key) + YAMLWriter.eventCount(of: value.pairs[entry].value)
    }

    func appendPair(_ index: Int, to events: inout [yaml_event_t]) throws {
        try YAMLWriter.appendEvents(of: pairs[index].key, in: .blockKey, to: &events)
        try YAMLWriter.appendEvents(of: pairs[index].value, in: .blockValue, to: &events)
    }

    func appendKey(ofPair index: Int, to events: inout [yaml_event_t]) throws {
        try YAMLWriter.appendEvents(of: pairs[index].key, in: .blockKey, to: &events)
    }

    func appendEntry(_ entry: Int, ofPair index: Int, to events: inout [yaml_event_t]) throws {
        guard case .mapping(let value) = pairs[index].value else { return }
        try YAMLWriter.appendEvents(of: value.pairs[entry].key, in: .blockKey, to: &events)
        try YAMLWriter.appendEvents(of: value.pairs[entry].value, in: .blockValue, to: &events)
    }
}

extension YAMLScalarContext {
    static let blockKey = YAMLScalarContext(isFlow: false, isKey: true)
    static let blockValue = YAMLScalarContext(isFlow: false, isKey: false)
}

/// Events of a model written without a YAMLNode tree, all in block context: the
/// events `appendEvents` makes for the equivalent tree of block collections.
extension YAMLWriter {
    static func appendKey(_ text: String, to events: inout [yaml_event_t]) throws {
        try YAMLEventEmitter.append(scalarEvent(.string(text), in: .blockKey), to: &events)
    }

    static func appendValue(_ scalar: YAMLScalar, to events: inout [yaml_event_t]) throws {
        try YAMLEventEmitter.append(scalarEvent(scalar, in: .blockValue), to: &events)
    }

    /// A block mapping (`{}` when `count` is 0) whose `count` keys and values `entries` appends.
    static func appendMapping(
        count: Int, to events: inout [yaml_event_t], _ entries: (inout [yaml_event_t]) throws -> Void
    ) throws {
        let isFlow = isFlow(.block, isEmpty: count == 0, in: .blockValue)
        try YAMLEventEmitter.append(.mappingStart(tag: nil, style: isFlow ? .flow : .block), to: &events)
        try entries(&events)
        try YAMLEventEmitter.append(.mappingEnd, to: &events)
    }

    /// A block sequence (`[]` when `count` is 0) whose `count` items `items` appends.
    static func appendSequence(
        count: Int, to events: inout [yaml_event_t], _ items: (inout [yaml_event_t]) throws -> Void
    ) throws {
        let isFlow = isFlow(.block, isEmpty: count == 0, in: .blockValue)
        try YAMLEventEmitter.append(.sequenceStart(tag: nil, style: isFlow ? .flow : .block), to: &events)
        try items(&events)
        try YAMLEventEmitter.append(.sequenceEnd, to: &events)
    }
}
