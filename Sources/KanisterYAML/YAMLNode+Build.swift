// Convenience constructors for YAMLScalar and YAMLNode (strings, ints, bools, null,
// maps, lists) and value comparison that ignores styles and marks.

extension YAMLScalar {
    /// A string; the writer picks a style that reads back as this exact string.
    public static func string(_ value: String) -> YAMLScalar {
        YAMLScalar(value: value)
    }

    /// Plain text written as is: it resolves per YAML 1.1 (`"3"` is an int, `"yes"` a bool).
    public static func plain(_ text: String) -> YAMLScalar {
        YAMLScalar(value: text, style: .plain)
    }

    public static func int(_ value: Int) -> YAMLScalar {
        .plain(String(value))
    }

    public static func bool(_ value: Bool) -> YAMLScalar {
        .plain(value ? "true" : "false")
    }

    /// A float written so that YAML 1.1 readers resolve it as a float.
    public static func float(_ value: Double) -> YAMLScalar {
        if value.isNaN { return .plain(".nan") }
        if value.isInfinite { return .plain(value < 0 ? "-.inf" : ".inf") }
        return .plain(value.description)
    }

    public static var null: YAMLScalar { .plain("null") }
}

extension YAMLNode {
    /// A string; the writer picks a style that reads back as this exact string.
    public static func string(_ value: String) -> YAMLNode { .scalar(.string(value)) }

    /// Plain text written as is: it resolves per YAML 1.1 (`"3"` is an int, `"yes"` a bool).
    public static func plainScalar(_ text: String) -> YAMLNode { .scalar(.plain(text)) }

    public static func int(_ value: Int) -> YAMLNode { .scalar(.int(value)) }

    public static func bool(_ value: Bool) -> YAMLNode { .scalar(.bool(value)) }

    /// A float written so that YAML 1.1 readers resolve it as a float.
    public static func float(_ value: Double) -> YAMLNode { .scalar(.float(value)) }

    public static var null: YAMLNode { .scalar(.null) }

    /// A block mapping with string keys, in the given order (duplicates kept).
    public static func map(_ pairs: KeyValuePairs<String, YAMLNode>) -> YAMLNode {
        .mapping(YAMLMapping(pairs: pairs.map { YAMLPair(key: .string($0.key), value: $0.value) }))
    }

    /// A block mapping from explicit pairs.
    public static func map(pairs: [YAMLPair]) -> YAMLNode {
        .mapping(YAMLMapping(pairs: pairs))
    }

    /// A block sequence.
    public static func list(_ items: [YAMLNode]) -> YAMLNode {
        .sequence(YAMLSequence(items: items))
    }
}

extension YAMLNode {
    /// Same structure, same scalar text and same resolved scalar kinds; styles, marks,
    /// spelled-out core tags and the spelling of nulls (`~`, `null`, empty) are ignored.
    public func isEquivalent(to other: YAMLNode) -> Bool {
        switch (self, other) {
        case (.scalar(let lhs), .scalar(let rhs)):
            let kind = lhs.resolved
            return kind == rhs.resolved && (kind == .null || lhs.value == rhs.value)
        case (.sequence(let lhs), .sequence(let rhs)):
            return lhs.items.count == rhs.items.count
                && zip(lhs.items, rhs.items).allSatisfy { $0.isEquivalent(to: $1) }
        case (.mapping(let lhs), .mapping(let rhs)):
            return lhs.pairs.count == rhs.pairs.count
                && zip(lhs.pairs, rhs.pairs).allSatisfy {
                    $0.key.isEquivalent(to: $1.key) && $0.value.isEquivalent(to: $1.value)
                }
        default:
            return false
        }
    }
}
