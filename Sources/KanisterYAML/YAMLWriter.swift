// YAMLWriter: writes YAMLNode documents through libyaml's emitter, choosing scalar styles
// so that strings read back as the same strings, with an optional `#` header comment.

import BlueprintSyntax
import CLibYAML

public enum YAMLWriter {
    /// One document, preceded by `headerComment` as `# ` lines.
    ///
    /// A block mapping at the root is written in pieces on all cores (see `Piece`).
    public static func write(_ node: YAMLNode, headerComment: String? = nil) throws -> [UInt8] {
        try write(node, prefix: commentLines(headerComment), parts: runsPerSplitPair, minimumEvents: minimumEventsPerRun)
    }

    /// `node` after `prefix`, with split pairs cut into at most `parts` pieces.
    static func write(_ node: YAMLNode, prefix: [UInt8], parts: Int, minimumEvents: Int = 1) throws -> [UInt8] {
        guard case .mapping(let root) = node, root.style == .block, root.tag == nil, !root.pairs.isEmpty else {
            return try writeWithOneEmitter(documents: [node], prefix: prefix)
        }
        return try write(root, prefix: prefix, parts: parts, minimumEvents: minimumEvents)
    }

    /// Several documents (the second and later start with `---`).
    public static func write(documents: [YAMLNode], headerComment: String? = nil) throws -> [UInt8] {
        if documents.count == 1 { return try write(documents[0], headerComment: headerComment) }
        return try writeWithOneEmitter(documents: documents, prefix: commentLines(headerComment))
    }

    /// The whole stream through one libyaml emitter: the reference that the
    /// writing in pieces must equal byte for byte.
    static func writeWithOneEmitter(documents: [YAMLNode], prefix: [UInt8]) throws -> [UInt8] {
        let emitter = try YAMLEventEmitter(prefix: prefix)
        var events: [yaml_event_t] = []
        defer { YAMLEventEmitter.discard(&events) }
        try YAMLEventEmitter.append(.streamStart, to: &events)
        for document in documents {
            try YAMLEventEmitter.append(.documentStart(isImplicit: true), to: &events)
            try appendEvents(of: document, in: YAMLScalarContext(isRoot: true), to: &events)
            try YAMLEventEmitter.append(.documentEnd(isImplicit: true), to: &events)
            try emitter.emit(prepared: &events)
        }
        try YAMLEventEmitter.append(.streamEnd, to: &events)
        try emitter.emit(prepared: &events)
        return emitter.bytes
    }

    /// `# line` for each line of the comment (`#` alone for empty lines).
    static func commentLines(_ comment: String?) -> [UInt8] {
        guard let comment else { return [] }
        var bytes: [UInt8] = []
        for line in comment.split(separator: "\n", omittingEmptySubsequences: false) {
            bytes += line.isEmpty ? Array("#\n".utf8) : Array("# \(line)\n".utf8)
        }
        return bytes
    }

    /// How many events `node` is written as.
    static func eventCount(of node: YAMLNode) -> Int {
        switch node {
        case .scalar: return 1
        case .sequence(let sequence): return sequence.items.reduce(2) { $0 + eventCount(of: $1) }
        case .mapping(let mapping):
            return mapping.pairs.reduce(2) { $0 + eventCount(of: $1.key) + eventCount(of: $1.value) }
        }
    }

    /// Appends the events of a node and its children; `context` says whether it
    /// sits in flow or key position.
    static func appendEvents(of node: YAMLNode, in context: YAMLScalarContext, to events: inout [yaml_event_t]) throws {
        switch node {
        case .scalar(let scalar):
            try YAMLEventEmitter.append(scalarEvent(scalar, in: context), to: &events)
        case .sequence(let sequence):
            let (start, inner) = sequenceStart(sequence, in: context)
            try YAMLEventEmitter.append(start, to: &events)
            for item in sequence.items {
                try appendEvents(of: item, in: inner, to: &events)
            }
            try YAMLEventEmitter.append(.sequenceEnd, to: &events)
        case .mapping(let mapping):
            let (start, isFlow) = mappingStart(mapping, in: context)
            try YAMLEventEmitter.append(start, to: &events)
            for pair in mapping.pairs {
                try appendEvents(of: pair.key, in: YAMLScalarContext(isFlow: isFlow, isKey: true), to: &events)
                try appendEvents(of: pair.value, in: YAMLScalarContext(isFlow: isFlow, isKey: false), to: &events)
            }
            try YAMLEventEmitter.append(.mappingEnd, to: &events)
        }
    }

    /// Whether a collection is written in flow style: inside a flow collection, when
    /// asked for, or when empty (`[]`, `{}`).
    static func isFlow(_ style: YAMLCollectionStyle, isEmpty: Bool, in context: YAMLScalarContext) -> Bool {
        context.isFlow || style == .flow || isEmpty
    }

    /// A sequence's start event and its items' context.
    static func sequenceStart(_ sequence: YAMLSequence, in context: YAMLScalarContext) -> (YAMLEmitEvent, YAMLScalarContext) {
        let isFlow = isFlow(sequence.style, isEmpty: sequence.items.isEmpty, in: context)
        return (.sequenceStart(tag: sequence.tag, style: isFlow ? .flow : .block), YAMLScalarContext(isFlow: isFlow, isKey: false))
    }

    /// A mapping's start event and whether it is written in flow style.
    static func mappingStart(_ mapping: YAMLMapping, in context: YAMLScalarContext) -> (YAMLEmitEvent, Bool) {
        let isFlow = isFlow(mapping.style, isEmpty: mapping.pairs.isEmpty, in: context)
        return (.mappingStart(tag: mapping.tag, style: isFlow ? .flow : .block), isFlow)
    }

    /// The event for a scalar. libyaml cannot write an empty plain scalar in flow or key
    /// position (it would quote it, turning null into ""), and as a document it would
    /// vanish, so that null is written `~`.
    static func scalarEvent(_ scalar: YAMLScalar, in context: YAMLScalarContext) -> YAMLEmitEvent {
        guard let style = scalar.style else {
            let style = YAMLStringStyle.choose(for: scalar.value, in: context)
            return .scalar(value: scalar.value, tag: scalar.tag, style: style)
        }
        if style == .plain && scalar.value.isEmpty && scalar.tag == nil
            && (context.isFlow || context.isKey || context.isRoot)
        {
            return .scalar(value: "~", tag: nil, style: .plain)
        }
        return .scalar(value: scalar.value, tag: scalar.tag, style: style)
    }
}
