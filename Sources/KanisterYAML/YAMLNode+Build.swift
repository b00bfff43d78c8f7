// Convenience constructors for YAMLNode (strings, ints, bools, null, maps, lists) and
// value comparison that ignores styles and marks.

extension YAMLNode {
    /// A string; the writer picks a style that reads back as this exact string.
    public static func string(_ value: String) -> YAMLNode {
        .scalar(YAMLScalar(value: value))
    }

    /// Plain text written as is: it resolves per YAML 1.1 (`"3"` is an int, `"yes"` a bool).
    public static func plainScalar(_ text: String) -> YAMLNode {
        .scalar(YAMLScalar(value: text, style: .plain))
    }

    public static func int(_ value: Int) -> YAMLNode {
        .plainScalar(String(value))
    }

    public static func bool(_ value: Bool) -> YAMLNode {
        .plainScalar(value ? "true" : "false")
    }

    /// A float written so that YAML 1.1 readers resolve it as a float.
    public static func float(_ value: Double) -> YAMLNode {
        if value.isNaN { return .plainScalar(".nan") }
        if value.isInfinite { return .plainScalar(value < 0 ? "-.inf" : ".inf") }
        return .plainScalar(value.description)
    }

    public static var null: YAMLNode { .plainScalar("null") }

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
