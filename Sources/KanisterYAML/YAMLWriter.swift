// YAMLWriter: writes YAMLNode documents through libyaml's emitter, choosing scalar styles
// so that strings read back as the same strings, with an optional `#` header comment.

import BlueprintSyntax
import CLibYAML

public enum YAMLWriter {
    /// One document, preceded by `headerComment` as `# ` lines.
    public static func write(_ node: YAMLNode, headerComment: String? = nil) throws -> [UInt8] {
        try write(documents: [node], headerComment: headerComment)
    }

    /// Several documents (the second and later start with `---`).
    ///
    /// The events of large subtrees (the nodes `splitDepth` levels down, such as
    /// a blueprint's actions) are prepared on all cores, style analysis included,
    /// and handed to the one libyaml emitter in document order.
    public static func write(documents: [YAMLNode], headerComment: String? = nil) throws -> [UInt8] {
        let emitter = try YAMLEventEmitter(prefix: commentLines(headerComment))
        try emitter.emit(.streamStart)
        for document in documents {
            try emitter.emit(.documentStart(isImplicit: true))
            var units: [WriteUnit] = []
            collectUnits(document, in: YAMLScalarContext(isRoot: true), depth: splitDepth, into: &units)
            var failure: (any Error)?
            Parallel.pipeline(
                units.count,
                produce: { index in Result { try prepare(units[index]) } },
                consume: { _, prepared in
                    switch prepared {
                    case .success(var events) where failure == nil:
                        do { try emitter.emit(prepared: &events) } catch { failure = error }
                    case .success(var events): YAMLEventEmitter.discard(&events)
                    case .failure(let error): failure = failure ?? error
                    }
                })
            if let failure { throw failure }
            try emitter.emit(.documentEnd(isImplicit: true))
        }
        try emitter.emit(.streamEnd)
        return emitter.bytes
    }

    /// How many levels of collections are opened before subtrees become units.
    static let splitDepth = 2

    /// A piece of a document that is prepared on its own: a collection's start or
    /// end event, or a whole subtree.
    enum WriteUnit {
        case event(YAMLEmitEvent)
        case subtree(YAMLNode, YAMLScalarContext)
    }

    /// The units of `node` in document order: collections are opened `depth` levels down.
    static func collectUnits(_ node: YAMLNode, in context: YAMLScalarContext, depth: Int, into units: inout [WriteUnit]) {
        guard depth > 0 else { return units.append(.subtree(node, context)) }
        switch node {
        case .scalar:
            units.append(.subtree(node, context))
        case .sequence(let sequence):
            let (start, inner) = sequenceStart(sequence, in: context)
            units.append(.event(start))
            for item in sequence.items { collectUnits(item, in: inner, depth: depth - 1, into: &units) }
            units.append(.event(.sequenceEnd))
        case .mapping(let mapping):
            let (start, isFlow) = mappingStart(mapping, in: context)
            units.append(.event(start))
            for pair in mapping.pairs {
                collectUnits(pair.key, in: YAMLScalarContext(isFlow: isFlow, isKey: true), depth: depth - 1, into: &units)
                collectUnits(pair.value, in: YAMLScalarContext(isFlow: isFlow, isKey: false), depth: depth - 1, into: &units)
            }
            units.append(.event(.mappingEnd))
        }
    }

    /// The libyaml events of one unit.
    static func prepare(_ unit: WriteUnit) throws -> [yaml_event_t] {
        switch unit {
        case .event(let event): return try YAMLEventEmitter.prepare([event])
        case .subtree(let node, let context):
            var events: [yaml_event_t] = []
            events.reserveCapacity(eventCount(of: node))
            do {
                try appendEvents(of: node, in: context, to: &events)
            } catch {
                YAMLEventEmitter.discard(&events)
                throw error
            }
            return events
        }
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

    /// A sequence's start event and its items' context (empty ones are written `[]`).
    static func sequenceStart(_ sequence: YAMLSequence, in context: YAMLScalarContext) -> (YAMLEmitEvent, YAMLScalarContext) {
        let isFlow = context.isFlow || sequence.style == .flow || sequence.items.isEmpty
        return (.sequenceStart(tag: sequence.tag, style: isFlow ? .flow : .block), YAMLScalarContext(isFlow: isFlow, isKey: false))
    }

    /// A mapping's start event and whether it is written in flow style (empty ones are `{}`).
    static func mappingStart(_ mapping: YAMLMapping, in context: YAMLScalarContext) -> (YAMLEmitEvent, Bool) {
        let isFlow = context.isFlow || mapping.style == .flow || mapping.pairs.isEmpty
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
