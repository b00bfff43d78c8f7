// The names of a module as an editor sees them: every definition and use of a
// let, def, phase, artifact and import, including uses inside Go templates
// (`.Phases.p.Output.k`), and the member chains hover describes.

import BlueprintSema
import BlueprintSyntax

/// What a name refers to, unique within a compilation.
public enum SymbolKey: Sendable, Hashable {
    /// A let of an action (`action` set) or of the file.
    case constant(action: String?, name: String)
    case definition(String)
    case phase(action: String, name: String)
    /// An artifact: `output X` defines it, `input X` and `.ArtifactsIn.X` use it.
    case artifact(String)
    /// An imported file, by the path written in the import.
    case importFile(String)

    public var name: String {
        switch self {
        case .constant(_, let name), .definition(let name), .phase(_, let name), .artifact(let name), .importFile(let name): name
        }
    }
}

/// One place a symbol is written.
public struct Occurrence: Sendable, Equatable {
    public var key: SymbolKey
    public var range: SourceRange
    public var isDefinition: Bool
    /// The path of the file it is in.
    public var file: String
}

/// A chain of names read from a root (`p.output.k`, `Deployment.Pods`, or a
/// template's `.Phases.p.Output.k`), each name with its range.
public struct NameChain: Sendable, Equatable {
    public var path: [String]
    public var ranges: [SourceRange]
    public var action: String?
    /// Read from the template data (`.X`) rather than a .bp expression.
    public var isTemplate: Bool
}

/// A phase call written in the file, for hover on its callee and argument names.
public struct CallSite: Sendable, Equatable {
    public var call: PhaseCall
    public var action: String?
}

public struct SymbolIndex: Sendable {
    public internal(set) var occurrences: [Occurrence] = []
    public internal(set) var chains: [NameChain] = []
    public internal(set) var calls: [CallSite] = []
    let defNames: Set<String>
    let fileLets: Set<String>

    public init(main: Module, imports: [Module]) {
        var defs: Set<String> = []
        var lets: Set<String> = []
        for module in [main] + imports {
            for declaration in module.syntax.declarations {
                if case .definition(let decl) = declaration { defs.insert(decl.name.text) }
                if case .constant(let decl) = declaration { lets.insert(decl.name.text) }
            }
        }
        defNames = defs
        fileLets = lets
        for module in [main] + imports { index(module, isMain: module.file.path == main.file.path) }
    }

    /// The occurrence whose range holds `offset` in `file` (an end counts, for a cursor after a name).
    public func occurrence(at offset: Int, in file: String) -> Occurrence? {
        occurrences.first { $0.file == file && $0.range.start <= offset && offset < $0.range.end }
            ?? occurrences.first { $0.file == file && $0.range.start <= offset && offset <= $0.range.end }
    }

    public func occurrences(of key: SymbolKey) -> [Occurrence] { occurrences.filter { $0.key == key } }

    public func definition(of key: SymbolKey) -> Occurrence? {
        occurrences.first { $0.key == key && $0.isDefinition }
    }

    /// What a module's walk knows at a point: the action and the names that shadow.
    struct Scope {
        var action: String?
        var actionLets: Set<String> = []
        var phases: Set<String> = []
        var inputs: Set<String> = []
        var parameters: Set<String> = []
        var file: String
        var isMain: Bool
    }

    mutating func index(_ module: Module, isMain: Bool) {
        let path = module.file.path
        for declaration in module.syntax.declarations {
            let scope = Scope(file: path, isMain: isMain)
            switch declaration {
            case .constant(let decl):
                add(.constant(action: nil, name: decl.name.text), decl.name.range, scope, isDefinition: true)
                walk(decl.value, scope)
            case .definition(let decl):
                add(.definition(decl.name.text), decl.name.range, scope, isDefinition: true)
                var inner = scope
                inner.parameters = Set((decl.parameters ?? []).map(\.text))
                walk(decl.call, inner)
            case .importFile(let decl):
                if let text = decl.path.constantText { add(.importFile(text), decl.path.range, scope, isDefinition: false) }
            case .action(let decl):
                indexAction(decl, scope)
            case .blueprint(let decl):
                for entry in decl.metadata ?? [] { walk(entry.value, scope) }
            case .allow, .error:
                break
            }
        }
    }

    mutating func indexAction(_ decl: ActionDecl, _ outer: Scope) {
        var scope = outer
        scope.action = decl.name.text
        var phaseDecls: [PhaseDecl] = []
        for item in decl.items {
            switch item {
            case .phase(let phase), .finally(let phase): phaseDecls.append(phase)
            case .parallel(let group): phaseDecls += group.phases
            case .constant(let decl): scope.actionLets.insert(decl.name.text)
            case .input(let list): scope.inputs.formUnion(list.names.map(\.text))
            default: break
            }
        }
        scope.phases = Set(phaseDecls.map(\.name.text))
        for item in decl.items {
            switch item {
            case .input(let list):
                for name in list.names { add(.artifact(name.text), name.range, scope, isDefinition: false) }
            case .output(let output):
                add(.artifact(output.name.text), output.name.range, scope, isDefinition: true)
                if let value = output.value { walk(value, scope) }
                for entry in output.keyValues ?? [] { walk(entry.value, scope) }
            case .phase(let phase), .finally(let phase): indexPhase(phase, scope)
            case .parallel(let group): for phase in group.phases { indexPhase(phase, scope) }
            case .constant(let letDecl):
                add(.constant(action: decl.name.text, name: letDecl.name.text), letDecl.name.range, scope, isDefinition: true)
                walk(letDecl.value, scope)
            case .secret, .configMap, .error: break
            }
        }
    }

    mutating func indexPhase(_ phase: PhaseDecl, _ scope: Scope) {
        if let action = scope.action { add(.phase(action: action, name: phase.name.text), phase.name.range, scope, isDefinition: true) }
        walk(phase.call, scope)
    }

    mutating func add(_ key: SymbolKey, _ range: SourceRange, _ scope: Scope, isDefinition: Bool) {
        occurrences.append(Occurrence(key: key, range: range, isDefinition: isDefinition, file: scope.file))
    }

    /// The symbol a root identifier names in `scope`, as Sema resolves it.
    func resolve(_ name: String, _ scope: Scope) -> SymbolKey? {
        if scope.parameters.contains(name) { return nil }
        if let action = scope.action, scope.actionLets.contains(name) { return .constant(action: action, name: name) }
        if fileLets.contains(name) { return .constant(action: nil, name: name) }
        if let action = scope.action, scope.phases.contains(name) { return .phase(action: action, name: name) }
        if scope.inputs.contains(name) { return .artifact(name) }
        return nil
    }

    mutating func walk(_ call: PhaseCall, _ scope: Scope) {
        if scope.isMain { calls.append(CallSite(call: call, action: scope.action)) }
        if defNames.contains(call.callee.text) { add(.definition(call.callee.text), call.callee.range, scope, isDefinition: false) }
        for argument in call.arguments ?? [] { walk(argument.value, scope) }
        for item in call.body?.items ?? [] {
            switch item {
            case .argument(let entry): walk(entry, scope)
            case .objects(let block): for entry in block.entries { walk(entry, scope) }
            case .outputs: break
            }
        }
        for clause in call.clauses {
            switch clause {
            case .undoReference(let name, _):
                if let action = scope.action { add(.phase(action: action, name: name.text), name.range, scope, isDefinition: false) }
            case .undoInline(let name, let inner, _):
                if let name, let action = scope.action { add(.phase(action: action, name: name.text), name.range, scope, isDefinition: true) }
                walk(inner, scope)
            case .retry(let expr, _), .timeout(let expr, _), .when(let expr, _): walk(expr, scope)
            case .unnamed: break
            }
        }
    }

    mutating func walk(_ entry: MapEntry, _ scope: Scope) {
        if case .string(let literal) = entry.key { walk(literal, scope) }
        walk(entry.value, scope)
    }

    mutating func walk(_ expr: Expr, _ scope: Scope) {
        switch expr.kind {
        case .identifier(let name):
            if let key = resolve(name, scope) { add(key, expr.range, scope, isDefinition: false) }
            record(chainOf: expr, scope)
        case .member:
            record(chainOf: expr, scope)
            if let root = SymbolIndex.chainRoot(expr) { walk(root, scope) }
        case .string(let literal), .bash(let literal): walk(literal, scope)
        case .list(let items): for item in items { walk(item, scope) }
        case .map(let entries): for entry in entries { walk(entry, scope) }
        case .index(let base, let key):
            walk(base, scope)
            walk(key, scope)
        case .call(let callee, let arguments):
            walk(callee, scope)
            for argument in arguments { walk(argument.value, scope) }
        case .pipe(let lhs, let rhs):
            walk(lhs, scope)
            walk(rhs, scope)
        case .parenthesized(let inner): walk(inner, scope)
        case .int, .float, .duration, .bool, .null, .error: break
        }
    }

    /// The expression a member chain starts from, when it is not an identifier (those are recorded by `record`).
    static func chainRoot(_ expr: Expr) -> Expr? {
        var current = expr
        while case .member(let base, _) = current.kind { current = base }
        if case .identifier = current.kind { return nil }
        return current
    }

    /// Records `a.b.c` (an identifier root, member names after it) and the root's symbol.
    mutating func record(chainOf expr: Expr, _ scope: Scope) {
        var names: [(String, SourceRange)] = []
        var current = expr
        while case .member(let base, let name) = current.kind {
            names.append((name.text, name.range))
            current = base
        }
        guard case .identifier(let root) = current.kind else { return }
        if !names.isEmpty, let key = resolve(root, scope) { add(key, current.range, scope, isDefinition: false) }
        names.append((root, current.range))
        names.reverse()
        guard scope.isMain else { return }
        chains.append(NameChain(path: names.map(\.0), ranges: names.map(\.1), action: scope.action, isTemplate: false))
    }
}
