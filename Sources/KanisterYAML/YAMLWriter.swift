// YAMLWriter: writes YAMLNode documents through libyaml's emitter, choosing scalar styles
// so that strings read back as the same strings, with an optional `#` header comment.

public enum YAMLWriter {
    /// One document, preceded by `headerComment` as `# ` lines.
    public static func write(_ node: YAMLNode, headerComment: String? = nil) throws -> [UInt8] {
        try write(documents: [node], headerComment: headerComment)
    }

    /// Several documents (the second and later start with `---`).
    public static func write(documents: [YAMLNode], headerComment: String? = nil) throws -> [UInt8] {
        let emitter = try YAMLEventEmitter()
        try emitter.emit(.streamStart)
        for document in documents {
            try emitter.emit(.documentStart(isImplicit: true))
            try emitNode(document, to: emitter, in: YAMLScalarContext(isRoot: true))
            try emitter.emit(.documentEnd(isImplicit: true))
        }
        try emitter.emit(.streamEnd)
        return commentLines(headerComment) + emitter.bytes
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

    /// Emits a node and its children; `context` says whether it sits in flow or key position.
    static func emitNode(_ node: YAMLNode, to emitter: YAMLEventEmitter, in context: YAMLScalarContext) throws {
        switch node {
        case .scalar(let scalar):
            try emitter.emit(scalarEvent(scalar, in: context))
        case .sequence(let sequence):
            let isFlow = context.isFlow || sequence.style == .flow || sequence.items.isEmpty
            let inner = YAMLScalarContext(isFlow: isFlow, isKey: false)
            try emitter.emit(.sequenceStart(tag: sequence.tag, style: isFlow ? .flow : .block))
            for item in sequence.items {
                try emitNode(item, to: emitter, in: inner)
            }
            try emitter.emit(.sequenceEnd)
        case .mapping(let mapping):
            let isFlow = context.isFlow || mapping.style == .flow || mapping.pairs.isEmpty
            try emitter.emit(.mappingStart(tag: mapping.tag, style: isFlow ? .flow : .block))
            for pair in mapping.pairs {
                try emitNode(pair.key, to: emitter, in: YAMLScalarContext(isFlow: isFlow, isKey: true))
                try emitNode(pair.value, to: emitter, in: YAMLScalarContext(isFlow: isFlow, isKey: false))
            }
            try emitter.emit(.mappingEnd)
        }
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
