// The Go types of Kanister's template parameters, read from the embedded
// template-params.json: enough to tell a map from a list from a string along a
// path, so that `.Options.k.x` (a string has no field) and `index .Pods "a"` (a
// list has no string keys) are found before Go finds them at render time.

import BlueprintSyntax

/// The shape of a template parameter's value.
public indirect enum TemplateParameterType: Sendable, Equatable {
    /// A string, number or bool: no fields, no keys.
    case scalar(String)
    /// `[]T`: integer keys.
    case list(TemplateParameterType)
    /// `map[string]T`: string keys (and `.key` fields).
    case map(TemplateParameterType)
    /// A struct with these fields.
    case structure([String: TemplateParameterType])
    /// `interface{}` or a type the catalog does not spell out.
    case any

    /// The type of `.field` (or of a map key) on a value of this type; nil when Go
    /// cannot evaluate it (a field of a string or a list), `.any` when unknown.
    public func member(_ name: String) -> TemplateParameterType? {
        switch self {
        case .scalar, .list: return nil
        case .map(let value): return value
        case .structure(let fields): return fields[name] ?? .any
        case .any: return .any
        }
    }

    /// The type spelled in the catalog (`[]string`, `map[string][]byte`, `*bool`):
    /// its first word (a comment may follow), pointers ignored.
    init(spelling: String) {
        var text = spelling.utf8[...]
        let space = UInt8(ascii: " ")
        while text.first == space { text = text.dropFirst() }
        if let end = text.firstIndex(of: space) { text = text[..<end] }
        self.init(goType: text)
    }

    /// A Go type without spaces, read byte by byte: the catalog is read at every
    /// start, and String's generic splitting and prefix tests cost more there.
    private init(goType spelled: Substring.UTF8View) {
        var text = spelled
        while text.first == UInt8(ascii: "*") { text = text.dropFirst() }
        if text.elementsEqual("[]byte".utf8) {
            self = .scalar("[]byte")
        } else if text.starts(with: "[]".utf8) {
            self = .list(TemplateParameterType(goType: text.dropFirst(2)))
        } else if text.starts(with: "map[string]".utf8) {
            self = .map(TemplateParameterType(goType: text.dropFirst("map[string]".utf8.count)))
        } else if let scalar = Self.scalarNames.first(where: { text.elementsEqual($0.utf8) }) {
            self = .scalar(scalar)
        } else {
            self = .any
        }
    }

    private static let scalarNames = ["string", "bool", "int", "int64", "float64"]

    /// A field of template-params.json: a spelling, or an object with `type`,
    /// `fields` (a struct) or `value` (a map's values).
    init(catalogEntry entry: JSONValue) {
        if let spelling = entry.stringValue {
            self.init(spelling: spelling)
            return
        }
        guard entry.objectValue != nil else {
            self = .any
            return
        }
        let spelled = TemplateParameterType(spelling: entry["type"]?.stringValue ?? "")
        if let fields = entry["fields"]?.objectValue {
            var members: [String: TemplateParameterType] = [:]
            for (name, field) in fields { members[name] = TemplateParameterType(catalogEntry: field) }
            self = .structure(members)
        } else if let value = entry["value"], case .map = spelled {
            self = .map(TemplateParameterType(catalogEntry: value))
        } else {
            self = spelled
        }
    }
}

extension KanisterCatalog {
    /// The template roots of template-params.json in the file's order, with their entries.
    private static let rootEntries: [(String, JSONValue)] = JSONValue.parse(CatalogData.templateParamsJSON)?["fields"]?.objectValue ?? []

    /// The roots' names in the file's order.
    static var rootOrder: [String] { rootEntries.map(\.0) }

    /// The type of each template root.
    static let rootTypes: [String: TemplateParameterType] = {
        var types: [String: TemplateParameterType] = [:]
        for (name, entry) in rootEntries { types[name] = TemplateParameterType(catalogEntry: entry) }
        return types
    }()

    /// Follows `path` from a root; the first name Go cannot evaluate and the type
    /// it was read on, or nil when the whole path evaluates (or leaves the catalog).
    static func firstUnevaluable(_ path: [String]) -> (index: Int, on: TemplateParameterType)? {
        guard let root = path.first, var type = rootTypes[root] else { return nil }
        for (index, name) in path.enumerated().dropFirst() {
            guard let next = type.member(name) else { return (index, type) }
            if case .any = next { return nil }
            type = next
        }
        return nil
    }

    /// The type at the end of `path`, `.any` when the catalog does not say.
    public static func type(of path: [String]) -> TemplateParameterType {
        guard let root = path.first, var type = rootTypes[root] else { return .any }
        for name in path.dropFirst() {
            guard let next = type.member(name) else { return .any }
            type = next
        }
        return type
    }
}
