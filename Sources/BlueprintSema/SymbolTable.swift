// Name resolution: the declarations of a blueprint (and of the files it
// imports) indexed by name, and the rule for what an identifier refers to.

import BlueprintSyntax

/// One parsed file: the main file or one it imports.
public struct Module: Sendable {
    public var file: SourceFile
    public var syntax: SourceFileSyntax
    /// True for a module built from Kanister YAML, which cannot declare the
    /// shape of an input artifact: an input no action produces is left open
    /// (unchecked) instead of being an error (see `ArtifactTypes`).
    public var leavesUnproducedInputsOpen: Bool

    public init(file: SourceFile, syntax: SourceFileSyntax, leavesUnproducedInputsOpen: Bool = false) {
        self.file = file
        self.syntax = syntax
        self.leavesUnproducedInputsOpen = leavesUnproducedInputsOpen
    }
}

public struct PhaseInfo: Sendable, Equatable {
    public var decl: PhaseDecl
    /// Position in the action's execution order (source order; finally last).
    public var order: Int
    public var isFinally: Bool
    /// Index of the `parallel` group holding the phase, if any.
    public var parallelGroup: Int?
    public var name: String { decl.name.text }
}

public struct ActionInfo: Sendable, Equatable {
    public var decl: ActionDecl
    public var phases: [PhaseInfo]
    public var lets: [String: LetDecl]
    public var inputs: [Name]
    /// The declared shapes of inputs (`input dump: { path }`).
    public var inputShapes: [InputShape] = []
    public var secrets: [Name]
    public var configMaps: [Name]
    public var outputs: [OutputDecl]
    /// Phase name to index in `phases` (the first phase of that name).
    var phaseIndex: [String: Int] = [:]
    public var name: String { decl.name.text }

    public func phase(named name: String) -> PhaseInfo? { phaseIndex[name].map { phases[$0] } }
    public var finallyPhase: PhaseInfo? { phases.first { $0.isFinally } }
    /// The first finally phase named `name`. The index puts finally phases after
    /// every other phase, so only that tail is searched (not every phase per reference).
    public func finallyPhase(named name: String) -> PhaseInfo? {
        var start = phases.endIndex
        while start > phases.startIndex, phases[start - 1].isFinally { start -= 1 }
        return phases[start...].first { $0.name == name }
    }
    public var mainPhases: [PhaseInfo] { phases.filter { !$0.isFinally } }
}

/// What an identifier at the root of an expression refers to.
public enum Symbol: Sendable, Equatable {
    case constant(LetDecl)
    case phase(PhaseInfo)
    case inputArtifact(Name)
    case secret(Name)
    case configMap(Name)
    case templateRoot(String)
    case templateFunction(String)
    case unknown
}

public struct SymbolTable: Sendable {
    public var blueprint: BlueprintDecl?
    public var lets: [String: LetDecl] = [:]
    public var defs: [String: DefDecl] = [:]
    public var actions: [ActionInfo] = []
    /// The output artifacts of the module and its imports, which type the inputs.
    public var artifacts = ArtifactTypes()

    /// Indexes the main module; imported modules contribute their lets and defs.
    public init(main: Module, imports: [Module] = []) {
        for module in imports { indexDefinitions(module.syntax) }
        artifacts = ArtifactTypes(main: main, imports: imports)
        indexDefinitions(main.syntax)
        for declaration in main.syntax.declarations {
            switch declaration {
            case .blueprint(let decl): if blueprint == nil { blueprint = decl }
            case .action(let decl): actions.append(SymbolTable.indexAction(decl))
            default: break
            }
        }
    }

    mutating func indexDefinitions(_ syntax: SourceFileSyntax) {
        for declaration in syntax.declarations {
            switch declaration {
            case .constant(let decl): if lets[decl.name.text] == nil { lets[decl.name.text] = decl }
            case .definition(let decl): if defs[decl.name.text] == nil { defs[decl.name.text] = decl }
            default: break
            }
        }
    }

    static func indexAction(_ decl: ActionDecl) -> ActionInfo {
        var info = ActionInfo(decl: decl, phases: [], lets: [:], inputs: [], secrets: [], configMaps: [], outputs: [])
        var finallyPhases: [PhaseDecl] = []
        var group = 0
        for item in decl.items {
            switch item {
            case .phase(let phase):
                info.phases.append(PhaseInfo(decl: phase, order: info.phases.count, isFinally: false))
            case .parallel(let parallel):
                for phase in parallel.phases {
                    info.phases.append(PhaseInfo(decl: phase, order: info.phases.count, isFinally: false, parallelGroup: group))
                }
                group += 1
            case .finally(let phase): finallyPhases.append(phase)
            case .input(let list):
                info.inputs += list.names
                info.inputShapes += list.shapes
            case .secret(let list): info.secrets += list.names
            case .configMap(let list): info.configMaps += list.names
            case .output(let output): info.outputs.append(output)
            case .constant(let letDecl): if info.lets[letDecl.name.text] == nil { info.lets[letDecl.name.text] = letDecl }
            case .error: break
            }
        }
        for phase in finallyPhases {
            info.phases.append(PhaseInfo(decl: phase, order: info.phases.count, isFinally: true))
        }
        for (index, phase) in info.phases.enumerated() where info.phaseIndex[phase.name] == nil {
            info.phaseIndex[phase.name] = index
        }
        return info
    }

    /// Resolves a root identifier: action lets, file lets, phases of the
    /// action, its declared artifacts, secrets and configmaps, then template
    /// parameters and template functions.
    public func resolve(_ name: String, in action: ActionInfo?) -> Symbol {
        if let action {
            if let decl = action.lets[name] { return .constant(decl) }
        }
        if let decl = lets[name] { return .constant(decl) }
        if let action {
            if let phase = action.phase(named: name) { return .phase(phase) }
            if let input = action.inputs.first(where: { $0.text == name }) { return .inputArtifact(input) }
            if let secret = action.secrets.first(where: { $0.text == name }) { return .secret(secret) }
            if let configMap = action.configMaps.first(where: { $0.text == name }) { return .configMap(configMap) }
        }
        if KanisterCatalog.shared.templateRootSet.contains(name) { return .templateRoot(name) }
        if TemplateFunctions.kanister.contains(name) { return .templateFunction(name) }
        return .unknown
    }

    /// Every name visible at `action`, for "did you mean" suggestions.
    public func visibleNames(in action: ActionInfo?) -> [String] {
        var names = Array(lets.keys) + KanisterCatalog.shared.templateRoots
        if let action {
            names += Array(action.lets.keys) + action.phases.map(\.name)
            names += (action.inputs + action.secrets + action.configMaps).map(\.text)
        }
        return names
    }
}
