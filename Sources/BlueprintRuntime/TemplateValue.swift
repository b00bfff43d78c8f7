// The values a Go template sees, as the runtime models Kanister's data: strings,
// numbers, booleans, byte strings, lists, maps (dynamic, string-valued or structs),
// times and nil, with Go's truthiness and type names.

/// A Go value as text/template handles it.
public indirect enum TemplateValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    /// `[]byte`, such as a Secret's `Data` values.
    case bytes([UInt8])
    case list([TemplateValue])
    case map(TemplateMap)
    case time(GoTime)

    /// Go's notion of "true" for `if`, `and`, `or`, `not`, `with`.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let value): value
        case .int(let value): value != 0
        case .float(let value): value != 0
        case .string(let value): !value.isEmpty
        case .bytes(let value): !value.isEmpty
        case .list(let value): !value.isEmpty
        case .map(let value): value.kind.isRecord || !value.entries.isEmpty
        case .time: true
        }
    }

    /// sprig's `empty`: like falsy, but a struct is never empty and a zero time is.
    public var isEmptyForSprig: Bool {
        if case .time(let time) = self { return time.isZero }
        return !isTruthy
    }

    /// The Go type name, as `printf "%T"` and error messages spell it.
    public var goTypeName: String {
        switch self {
        case .null: "<nil>"
        case .bool: "bool"
        case .int: "int"
        case .float: "float64"
        case .string: "string"
        case .bytes: "[]uint8"
        case .list: "[]interface {}"
        case .map(let map): map.kind.goTypeName
        case .time: "time.Time"
        }
    }

    /// reflect.Kind names, for sprig's `kindOf`.
    public var goKindName: String {
        switch self {
        case .null: "invalid"
        case .bool: "bool"
        case .int: "int"
        case .float: "float64"
        case .string: "string"
        case .bytes, .list: "slice"
        case .map(let map): map.kind.isRecord ? "struct" : "map"
        case .time: "struct"
        }
    }

    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return placeholderText
    }

    /// `<PATH>` for a dry run's placeholder.
    var placeholderText: String? {
        if case .map(let map) = self, case .placeholder(let path) = map.kind { return "<\(path)>" }
        return nil
    }

    /// A string map (`map[string]string`) built from pairs.
    public static func strings(_ pairs: [String: String]) -> TemplateValue {
        .map(TemplateMap(kind: .strings, entries: pairs.mapValues { .string($0) }))
    }

    /// A dynamic map (`map[string]interface{}`).
    public static func object(_ entries: [String: TemplateValue]) -> TemplateValue {
        .map(TemplateMap(kind: .object, entries: entries))
    }

    /// A struct with fields in declaration order.
    public static func record(_ typeName: String, _ fields: [(String, TemplateValue)]) -> TemplateValue {
        .map(TemplateMap(record: typeName, fields: fields))
    }
}

/// A map or struct. Dynamic maps give nil for a missing `index` key, string maps
/// give "", structs have a fixed set of fields.
public struct TemplateMap: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// `map[string]interface{}`.
        case object
        /// `map[string]string`.
        case strings
        /// `map[string][]byte`.
        case byteStrings
        /// A Go struct, by type name; `keys` holds the field order.
        case record(String)
        /// A dry run's unknown value: prints as `<PATH>`; any key or index reads as
        /// another placeholder (`<PATH.key>`).
        case placeholder(String)

        public var isRecord: Bool {
            if case .record = self { return true }
            return false
        }

        public var goTypeName: String {
            switch self {
            case .object: "map[string]interface {}"
            case .strings: "map[string]string"
            case .byteStrings: "map[string][]uint8"
            case .record(let name): name
            case .placeholder: "map[string]interface {}"
            }
        }

        /// What `index` gives for a missing key.
        var zeroElement: TemplateValue {
            switch self {
            case .strings: .string("")
            case .byteStrings: .bytes([])
            case .object, .record: .null
            case .placeholder: .null
            }
        }
    }

    public var kind: Kind
    public var entries: [String: TemplateValue]
    /// Field order of a struct; empty for maps (printed in sorted key order).
    public var keys: [String]
    /// Keys whose value exists but may not be read (a phase output that held a
    /// secret, which the journal keeps only masked): reading one is an error. The
    /// value says what it is ("output 'k' of phase 'p'").
    public var withheld: [String: String] = [:]

    /// Why the withheld value `what` cannot be read.
    static func withheldMessage(_ what: String) -> String {
        "\(what) held a secret value, which the journal keeps only masked (******), "
            + "so a resumed run or a rollback cannot read it; start the action again with 'bpc run', or do this step by hand"
    }

    public init(kind: Kind, entries: [String: TemplateValue]) {
        self.kind = kind
        self.entries = entries
        self.keys = []
    }

    public init(record typeName: String, fields: [(String, TemplateValue)]) {
        self.kind = .record(typeName)
        self.keys = fields.map(\.0)
        var entries: [String: TemplateValue] = [:]
        for (key, value) in fields { entries[key] = value }
        self.entries = entries
    }

    /// Keys in the order Go prints and ranges over them: field order, else sorted.
    public var orderedKeys: [String] { kind.isRecord ? keys : entries.keys.sorted() }

    /// The value at `key`; a placeholder map makes one up.
    func lookup(_ key: String) -> TemplateValue? {
        if let value = entries[key] { return value }
        if case .placeholder(let path) = kind { return .map(TemplateMap(kind: .placeholder("\(path).\(key)"), entries: [:])) }
        return nil
    }

    public subscript(key: String) -> TemplateValue? {
        get { entries[key] }
        set {
            if kind.isRecord, entries[key] == nil, newValue != nil { keys.append(key) }
            entries[key] = newValue
        }
    }
}
