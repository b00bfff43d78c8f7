// The shape of an argument value as Kanister will decode it: literal kinds,
// with lets followed; any other expression renders to a string.

import BlueprintSyntax

enum ValueShape {
    /// A string; its text when it is a literal without interpolation.
    case string(String?)
    /// An expression that renders to a string at run time.
    case scalar
    /// A number, with its source text.
    case int(String)
    case float(String)
    case bool(Bool)
    case null, list, map, unknown

    init(_ expr: Expr, table: SymbolTable, action: ActionInfo?, depth: Int = 0) {
        self.init(expr, depth: depth) { table.resolve($0, in: action) }
    }

    /// The shape with root names resolved by `resolve` (lets are followed).
    init(_ expr: Expr, depth: Int = 0, resolve: (String) -> Symbol) {
        switch expr.kind {
        case .string(let literal): self = .string(literal.constantText)
        case .int(let text): self = .int(text)
        case .float(let text): self = .float(text)
        case .duration(let text): self = .string(text)
        case .bool(let value): self = .bool(value)
        case .null: self = .null
        case .bash, .list: self = .list
        case .map: self = .map
        case .parenthesized(let inner): self = ValueShape(inner, depth: depth, resolve: resolve)
        case .identifier(let name):
            if depth < 32, case .constant(let decl) = resolve(name) {
                self = ValueShape(decl.value, depth: depth + 1, resolve: resolve)
            } else {
                self = .scalar
            }
        case .error: self = .unknown
        default: self = .scalar
        }
    }

    var spelling: String {
        switch self {
        case .string, .scalar: "a string"
        case .int: "an integer"
        case .float: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .list: "a list"
        case .map: "a map"
        case .unknown: "a value"
        }
    }
}
