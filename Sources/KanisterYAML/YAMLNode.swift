// The YAML document model: value-type nodes that keep styles, tags and libyaml marks,
// so that documents round-trip losslessly and every node can be located in its source.

/// A position as libyaml reports it: `line` and `column` are 0-based (column counts
/// characters), `offset` is the 0-based byte offset into the UTF-8 input.
public struct YAMLMark: Sendable, Equatable, Hashable {
    public var offset: Int
    public var line: Int
    public var column: Int

    public init(offset: Int, line: Int, column: Int) {
        self.offset = offset
        self.line = line
        self.column = column
    }

    /// The mark of constructed nodes that never came from a source.
    public static let zero = YAMLMark(offset: 0, line: 0, column: 0)
}

/// How a scalar is (or was) written.
public enum YAMLScalarStyle: Sendable, Equatable, Hashable {
    case plain, singleQuoted, doubleQuoted, literal, folded
}

/// How a sequence or mapping is (or was) written.
public enum YAMLCollectionStyle: Sendable, Equatable, Hashable {
    case block, flow
}

/// A scalar. `style == nil` means "a string: the writer picks the simplest style
/// that reads back as the same string"; `.plain` means the text is written plain
/// as is, so that it resolves like YAML 1.1 plain text (int, bool, null, ...).
public struct YAMLScalar: Sendable, Equatable {
    public var value: String
    public var style: YAMLScalarStyle?
    /// The resolved tag (e.g. `tag:yaml.org,2002:str`) when one was written, else nil.
    public var tag: String?
    public var start: YAMLMark
    public var end: YAMLMark

    public init(
        value: String, style: YAMLScalarStyle? = nil, tag: String? = nil,
        start: YAMLMark = .zero, end: YAMLMark = .zero
    ) {
        self.value = value
        self.style = style
        self.tag = tag
        self.start = start
        self.end = end
    }
}

/// One key/value entry of a mapping.
public struct YAMLPair: Sendable, Equatable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A sequence with its items in order.
public struct YAMLSequence: Sendable, Equatable {
    public var items: [YAMLNode]
    public var style: YAMLCollectionStyle
    public var tag: String?
    public var start: YAMLMark
    public var end: YAMLMark

    public init(
        items: [YAMLNode], style: YAMLCollectionStyle = .block, tag: String? = nil,
        start: YAMLMark = .zero, end: YAMLMark = .zero
    ) {
        self.items = items
        self.style = style
        self.tag = tag
        self.start = start
        self.end = end
    }
}

/// A mapping with its pairs in source order; duplicate keys are kept so that callers
/// can diagnose them.
public struct YAMLMapping: Sendable, Equatable {
    public var pairs: [YAMLPair]
    public var style: YAMLCollectionStyle
    public var tag: String?
    public var start: YAMLMark
    public var end: YAMLMark

    public init(
        pairs: [YAMLPair], style: YAMLCollectionStyle = .block, tag: String? = nil,
        start: YAMLMark = .zero, end: YAMLMark = .zero
    ) {
        self.pairs = pairs
        self.style = style
        self.tag = tag
        self.start = start
        self.end = end
    }

    /// The value of the first pair whose key is a scalar with this text.
    public subscript(key: String) -> YAMLNode? {
        pairs.first { $0.key.scalar?.value == key }?.value
    }
}

/// A YAML node.
public indirect enum YAMLNode: Sendable, Equatable {
    case scalar(YAMLScalar)
    case sequence(YAMLSequence)
    case mapping(YAMLMapping)
}

extension YAMLNode {
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = self { return scalar }
        return nil
    }

    public var sequence: YAMLSequence? {
        if case .sequence(let sequence) = self { return sequence }
        return nil
    }

    public var mapping: YAMLMapping? {
        if case .mapping(let mapping) = self { return mapping }
        return nil
    }

    public var start: YAMLMark {
        switch self {
        case .scalar(let node): return node.start
        case .sequence(let node): return node.start
        case .mapping(let node): return node.start
        }
    }

    public var end: YAMLMark {
        switch self {
        case .scalar(let node): return node.end
        case .sequence(let node): return node.end
        case .mapping(let node): return node.end
        }
    }

    public var tag: String? {
        switch self {
        case .scalar(let node): return node.tag
        case .sequence(let node): return node.tag
        case .mapping(let node): return node.tag
        }
    }

    /// True for an untagged plain `~`, `null`, `Null`, `NULL` or empty scalar.
    public var isNullScalar: Bool { scalar?.isNull ?? false }
}
