// `bpc actionset`: the ActionSet that runs one action of a compiled blueprint
// on Kanister, checked against what the action reads (options without a
// default, declared secrets, configmaps and input artifacts).

import BlueprintPlan
import BlueprintSyntax

/// What the command line gives for the ActionSet.
public struct ActionSetRequest: Sendable, Equatable {
    public var action: String
    public var object: ActionSetObjectReference?
    public var profile: ActionSetObjectReference?
    public var options: [String: String] = [:]
    public var secrets: [String: ActionSetObjectReference] = [:]
    public var configMaps: [String: ActionSetObjectReference] = [:]
    public var artifacts: [String: ActionSetArtifact] = [:]
    public var name: String?
    public var namespace: String?

    public init(action: String, object: ActionSetObjectReference? = nil) {
        self.action = action
        self.object = object
    }
}

/// The ActionSet for a request, or the diagnostics (at the .bp source) that say what is missing.
public enum ActionSetHandoff {
    /// Why a required option has no value, per option, for the diagnostic's note.
    public typealias Explanations = [String: String]

    /// `syntax` (the main file's tree) places diagnostics about declared names at their declaration.
    public static func make(
        _ request: ActionSetRequest, blueprint: KanisterBlueprint, plan: PlanBlueprint, syntax: SourceFileSyntax? = nil,
        explanations: Explanations = [:]
    ) -> (actionSet: KanisterActionSet?, diagnostics: [Diagnostic]) {
        guard let action = blueprint.actions.first(where: { $0.name == request.action }), let object = request.object else {
            return (nil, [])
        }
        let locator = SourceLocator(plan: plan, action: request.action, syntax: syntax)
        let requirements = ActionRequirements.of(action)
        var diagnostics: [Diagnostic] = []
        for option in requirements.requiredOptions where request.options[option.name] == nil {
            diagnostics.append(missingOption(option, action: request.action, locator: locator, why: explanations[option.name]))
        }
        if !requirements.readsComputedOptions {
            let known = Set(requirements.requiredOptions.map(\.name)).union(requirements.optionalOptions)
            for name in request.options.keys.sorted() where !known.contains(name) {
                let message = "option '\(name)' is given, but no template of action '\(request.action)' reads it"
                diagnostics.append(Diagnostic(.actionSetUnused, .warning, message, at: locator.actionRange))
            }
        }
        checkNames("secret", "--secret", declared: requirements.secretNames, given: request.secrets, request.action, locator, &diagnostics)
        checkNames(
            "configmap", "--configmap", declared: requirements.configMapNames, given: request.configMaps, request.action, locator, &diagnostics)
        checkNames(
            "input artifact", "--artifact", declared: requirements.inputArtifactNames, given: request.artifacts, request.action, locator,
            &diagnostics)
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        var spec = ActionSetAction(name: request.action, blueprint: blueprint.name, object: object)
        spec.profile = request.profile
        spec.options = request.options
        spec.secrets = request.secrets
        spec.configMaps = request.configMaps
        spec.artifacts = request.artifacts
        return (KanisterActionSet(name: request.name, namespace: request.namespace, actions: [spec]), diagnostics)
    }

    static func missingOption(
        _ option: ActionRequirements.RequiredOption, action: String, locator: SourceLocator, why: String?
    ) -> Diagnostic {
        let readers = option.readers.map { $0 == "outputArtifacts" ? "its output artifacts" : "phase '\($0)'" }
        var message = "action '\(action)' needs option '\(option.name)': \(readers.joined(separator: ", ")) read it without a default"
        message += "; give --option \(option.name)=VALUE"
        var notes = option.readers.dropFirst().map { DiagnosticNote("also read here", range: locator.range(ofPhase: $0)) }
        if let why { notes.insert(DiagnosticNote(why), at: 0) }
        return Diagnostic(.actionSetOption, .error, message, at: locator.range(ofPhase: option.readers.first ?? ""), notes: notes)
    }

    static func checkNames<Value>(
        _ noun: String, _ flag: String, declared: [String], given: [String: Value], _ action: String, _ locator: SourceLocator,
        _ diagnostics: inout [Diagnostic]
    ) {
        let example = noun == "input artifact" ? "NAME.KEY=VALUE" : "NAME=NAMESPACE/NAME"
        for name in declared where given[name] == nil {
            let message = "action '\(action)' declares \(noun) '\(name)'; give \(flag) \(example.replacingFirstName(with: name))"
            diagnostics.append(Diagnostic(.actionSetObject, .error, message, at: locator.declarations[name] ?? locator.actionRange))
        }
        for name in given.keys.sorted() where !declared.contains(name) {
            let message = "\(noun) '\(name)' is given, but action '\(action)' does not declare it (Kanister ignores it)"
            diagnostics.append(Diagnostic(.actionSetUnused, .warning, message, at: locator.actionRange))
        }
    }
}

/// Source ranges in the .bp for an action of the Kanister model (a rollback
/// action's phases are the plan's compensations, renamed or not).
struct SourceLocator {
    let actionRange: SourceRange
    let nodes: [String: SourceRange]
    /// The names the action declares (secrets, configmaps, inputs) where they are written.
    var declarations: [String: SourceRange] = [:]

    init(plan: PlanBlueprint, action: String, syntax: SourceFileSyntax? = nil) {
        let base =
            action.hasSuffix(PlanKanister.rollbackSuffix) && plan.action(named: action) == nil
            ? String(action.dropLast(PlanKanister.rollbackSuffix.count)) : action
        let planAction = plan.action(named: base)
        actionRange = planAction?.sourceRange ?? SourceRange(0, 0)
        var nodes: [String: SourceRange] = [:]
        for node in planAction?.graph.nodes ?? [] { nodes[node.name] = node.sourceRange }
        self.nodes = nodes
        for case .action(let decl) in syntax?.declarations ?? [] where decl.name.text == base {
            for item in decl.items {
                switch item {
                case .input(let list), .secret(let list), .configMap(let list):
                    for name in list.names where declarations[name.text] == nil { declarations[name.text] = name.range }
                default: break
                }
            }
        }
    }

    func range(ofPhase name: String) -> SourceRange {
        if let range = nodes[name] { return range }
        if name.hasSuffix(PlanKanister.rollbackSuffix), let range = nodes[String(name.dropLast(PlanKanister.rollbackSuffix.count))] {
            return range
        }
        return actionRange
    }
}

extension String {
    fileprivate func replacingFirstName(with name: String) -> String {
        guard let end = firstIndex(where: { $0 == "=" || $0 == "." }) else { return self }
        return name + self[end...]
    }
}

extension DiagnosticCode {
    /// An option the action reads without a default is not given.
    public static let actionSetOption = DiagnosticCode("BP1051")
    /// A secret, configmap or input artifact the action declares is not given.
    public static let actionSetObject = DiagnosticCode("BP1052")
    /// Something given that the action never reads.
    public static let actionSetUnused = DiagnosticCode("BP1053")
    /// The failed ActionSet cannot be rolled back with this blueprint.
    public static let actionSetRollback = DiagnosticCode("BP1054")
}
