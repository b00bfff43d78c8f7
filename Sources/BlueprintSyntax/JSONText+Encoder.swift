// An Encoder that builds a JSONValue, for Codable types written as JSON without
// Foundation (plan files). Keys may come out sorted, for reproducible files.

extension JSONValue {
    /// The JSON of an Encodable value, printed as `printedUTF8()` prints a
    /// JSONValue, straight from what the encoder built; object keys sorted when
    /// `sortingKeys`.
    ///
    /// Large arrays near the top (a plan's actions) are encoded and printed on all
    /// cores, so the values must encode without shared mutable state.
    public static func encodedUTF8<T: Encodable>(_ value: T, sortingKeys: Bool) throws -> [UInt8] {
        let storage = JSONStorage()
        try BlueprintSyntax.encode(value, into: storage, codingPath: [])
        var out: [UInt8] = []
        storage.write(to: &out, indent: 0, sortingKeys: sortingKeys)
        out.append(0x0A)
        Parallel.releaseInBackground(UncheckedSendable(storage))
        return out
    }
}

/// A value being built: containers are classes so that nested containers and
/// later writes reach the same storage; scalars are kept in place.
private final class JSONStorage {
    /// An item or member: a scalar, or a value built in storage of its own.
    enum Child {
        case leaf(JSONValue)
        case node(JSONStorage)

        func write(to out: inout [UInt8], indent: Int, sortingKeys: Bool) {
            switch self {
            case .leaf(let value): value.write(to: &out, indent: indent)
            case .node(let storage): storage.write(to: &out, indent: indent, sortingKeys: sortingKeys)
            }
        }
    }

    enum Content {
        case empty
        case value(JSONValue)
        case array([Child])
        case object([(String, Child)])
    }

    var content = Content.empty

    /// Prints the value as the JSONValue it stands for would print.
    func write(to out: inout [UInt8], indent: Int, sortingKeys: Bool) {
        switch content {
        // A type that asked for no container: Foundation writes `{}` too.
        case .empty: out += "{}".utf8
        case .value(let value): value.write(to: &out, indent: indent)
        case .array(let items):
            JSONValue.writeArray(count: items.count, to: &out, indent: indent) { index, out in
                items[index].write(to: &out, indent: indent + 1, sortingKeys: sortingKeys)
            }
        case .object(let pairs):
            let ordered = sortingKeys ? pairs.sorted { $0.0 < $1.0 } : pairs
            JSONValue.writeObject(keys: ordered.map(\.0), to: &out, indent: indent) { index, out in
                ordered[index].1.write(to: &out, indent: indent + 1, sortingKeys: sortingKeys)
            }
        }
    }

    func append(_ item: Child) {
        if case .array(var items) = content {
            content = .empty
            items.append(item)
            content = .array(items)
        } else {
            content = .array([item])
        }
    }

    /// A key written twice keeps its last value, as Foundation's encoder does.
    func set(_ member: Child, forKey key: String) {
        if case .object(var pairs) = content {
            content = .empty
            pairs.removeAll { $0.0 == key }
            pairs.append((key, member))
            content = .object(pairs)
        } else {
            content = .object([(key, member)])
        }
    }

    /// A new node appended to the array, for a nested container.
    func appendNode() -> JSONStorage {
        let node = JSONStorage()
        append(.node(node))
        return node
    }

    /// A new node as the member `key`, for a nested container.
    func memberNode(_ key: String) -> JSONStorage {
        let node = JSONStorage()
        set(.node(node), forKey: key)
        return node
    }
}

/// The encoder a value writes itself through, into `storage`.
private struct JSONValueEncoder: Encoder {
    let storage: JSONStorage
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = storage.content {} else { storage.content = .object([]) }
        return KeyedEncodingContainer(KeyedContainer<Key>(storage: storage, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = storage.content {} else { storage.content = .array([]) }
        return UnkeyedContainer(storage: storage, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(storage: storage, codingPath: codingPath)
    }
}

/// The JSON of `value` when it is a scalar (a string, a bool, any integer or
/// float); nil for anything else. Integer and float types other than Int and
/// Double must be caught here: their own `encode(to:)` would come back through
/// a single-value container, endlessly.
private func scalar<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws -> JSONValue? {
    switch value {
    case let text as String: return .string(text)
    case let flag as Bool: return .bool(flag)
    case let number as Int: return .int(number)
    case let number as any BinaryInteger:
        guard let exact = Int(exactly: number) else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(number) does not fit an Int"))
        }
        return .int(exact)
    case let number as any BinaryFloatingPoint:
        let double = Double(number)
        guard double.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "JSON has no \(double)"))
        }
        return .double(double)
    default: return nil
    }
}

/// Writes `value` into `storage` (the root, or a single-value container's node).
private func encode<T: Encodable>(_ value: T, into storage: JSONStorage, codingPath: [any CodingKey]) throws {
    if let scalar = try scalar(value, codingPath: codingPath) {
        storage.content = .value(scalar)
        return
    }
    try encodeComposite(value, into: storage, codingPath: codingPath)
}

/// An item or member for `value`: a scalar in place, anything else in a node.
private func child<T: Encodable>(for value: T, codingPath: [any CodingKey]) throws -> JSONStorage.Child {
    if let scalar = try scalar(value, codingPath: codingPath) { return .leaf(scalar) }
    let node = JSONStorage()
    try encodeComposite(value, into: node, codingPath: codingPath)
    return .node(node)
}

/// A value that is not a scalar, through its own `encode(to:)`; a large array
/// near the top is encoded on all cores.
private func encodeComposite<T: Encodable>(_ value: T, into storage: JSONStorage, codingPath: [any CodingKey]) throws {
    // Only near the top is a value tried as an array (the cast boxes every item).
    if JSONValue.cutsArrays(atDepth: codingPath.count), let items = value as? [any Encodable],
        JSONValue.isLargeArray(items.count, depth: codingPath.count)
    {
        let children = Parallel.map(items.count) { index in
            Result { try child(for: items[index], codingPath: codingPath + [PathKey(index)]) }
        }
        storage.content = .array(try children.map { try $0.get() })
    } else {
        try value.encode(to: JSONValueEncoder(storage: storage, codingPath: codingPath))
    }
}

/// A value handed to another thread that only ever reads or frees it.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let storage: JSONStorage
    var codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { storage.set(.leaf(.null), forKey: key.stringValue) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        storage.set(try child(for: value, codingPath: codingPath + [key]), forKey: key.stringValue)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        JSONValueEncoder(storage: storage.memberNode(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        JSONValueEncoder(storage: storage.memberNode(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        JSONValueEncoder(storage: storage.memberNode("super"), codingPath: codingPath + [PathKey("super")])
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        JSONValueEncoder(storage: storage.memberNode(key.stringValue), codingPath: codingPath + [key])
    }
}

/// A coding-path element: an array index, or a name a container did not give.
private struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(_ index: Int) {
        stringValue = "\(index)"
        intValue = index
    }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(intValue) }
}

private struct UnkeyedContainer: UnkeyedEncodingContainer {
    let storage: JSONStorage
    var codingPath: [any CodingKey]
    var count: Int {
        if case .array(let items) = storage.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws { storage.append(.leaf(.null)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        let index = count
        storage.append(try child(for: value, codingPath: codingPath + [PathKey(index)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let index = count
        return JSONValueEncoder(storage: storage.appendNode(), codingPath: codingPath + [PathKey(index)]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let index = count
        return JSONValueEncoder(storage: storage.appendNode(), codingPath: codingPath + [PathKey(index)]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        let index = count
        return JSONValueEncoder(storage: storage.appendNode(), codingPath: codingPath + [PathKey(index)])
    }
}

private struct SingleValueContainer: SingleValueEncodingContainer {
    let storage: JSONStorage
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { storage.content = .value(.null) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try BlueprintSyntax.encode(value, into: storage, codingPath: codingPath)
    }
}
