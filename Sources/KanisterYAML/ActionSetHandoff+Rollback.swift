// `bpc actionset --rollback-of`: from a failed ActionSet, the ActionSet for
// `<action>-rollback`, its options copied from the outputs of the phases that
// completed (`X_k` is output k of phase X), and which compensations will run.

import BlueprintPlan
import BlueprintSyntax

/// The outcome of a rollback hand-off.
public struct RollbackHandoff: Sendable {
    public var actionSet: KanisterActionSet?
    /// Problems in the .bp (options nothing can supply).
    public var sourceDiagnostics: [Diagnostic] = []
    /// Problems in the failed ActionSet document.
    public var documentDiagnostics: [Diagnostic] = []
    /// What will run, for standard error.
    public var report: [String] = []
}

extension ActionSetHandoff {
    /// The rollback ActionSet for every action of `failed` that did not complete;
    /// `overrides` (options, secrets, configmaps, profile, object, name, namespace)
    /// take precedence over what the failed ActionSet had.
    public static func rollback(
        of failed: ActionSetDocument, overrides: ActionSetRequest, blueprint: KanisterBlueprint, plan: PlanBlueprint,
        syntax: SourceFileSyntax? = nil
    ) -> RollbackHandoff {
        var result = RollbackHandoff()
        let what = failed.name.map { "ActionSet '\($0)'" } ?? "the ActionSet"
        switch failed.state {
        case "failed": break
        case nil:
            result.documentDiagnostics.append(
                .error(.actionSetRollback, "\(what) has no status; give it as 'kubectl get actionset NAME -o yaml' prints it", at: SourceRange(0, 0)))
            return result
        case let state?:
            let reason = state == "complete" ? "it completed, so there is nothing to roll back" : "it is \(state); wait until it has failed"
            result.documentDiagnostics.append(.error(.actionSetRollback, "\(what) is not failed: \(reason)", at: SourceRange(0, 0)))
            return result
        }
        var actions: [ActionSetAction] = []
        for status in failed.actions {
            guard let spec = rollbackSpec(status, what: what, overrides: overrides, blueprint: blueprint, plan: plan, syntax: syntax, &result)
            else { continue }
            actions.append(spec)
        }
        if actions.isEmpty, !result.documentDiagnostics.contains(where: { $0.severity == .error }), result.sourceDiagnostics.isEmpty {
            result.documentDiagnostics.append(.error(.actionSetRollback, "\(what) has no action with compensations to run", at: SourceRange(0, 0)))
        }
        let hasErrors = (result.sourceDiagnostics + result.documentDiagnostics).contains { $0.severity == .error }
        if !hasErrors, !actions.isEmpty {
            result.actionSet = KanisterActionSet(name: overrides.name, namespace: overrides.namespace ?? failed.namespace, actions: actions)
        }
        return result
    }

    static func rollbackSpec(
        _ status: ActionSetActionStatus, what: String, overrides: ActionSetRequest, blueprint: KanisterBlueprint, plan: PlanBlueprint,
        syntax: SourceFileSyntax?, _ result: inout RollbackHandoff
    ) -> ActionSetAction? {
        let name = status.spec.name
        if !status.spec.blueprint.isEmpty, status.spec.blueprint != blueprint.name {
            let message = "action '\(name)' of \(what) ran blueprint '\(status.spec.blueprint)', not '\(blueprint.name)'"
            result.documentDiagnostics.append(.error(.actionSetRollback, message, at: status.range))
            return nil
        }
        guard let planAction = plan.action(named: name) else {
            result.documentDiagnostics.append(.error(.actionSetRollback, "blueprint '\(blueprint.name)' has no action '\(name)'", at: status.range))
            return nil
        }
        let rollbackName = name + PlanKanister.rollbackSuffix
        guard let rollbackAction = blueprint.actions.first(where: { $0.name == rollbackName }) else {
            result.report.append("\(name): no compensations, nothing to undo")
            return nil
        }
        if !status.phases.isEmpty, status.phases.allSatisfy({ $0.state == "complete" }) {
            result.report.append("\(name): every phase completed, nothing to undo")
            return nil
        }
        let states = Dictionary(status.phases.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var options = status.spec.options
        var explanations: Explanations = [:]
        for option in ActionRequirements.of(rollbackAction).requiredOptions where options[option.name] == nil {
            guard let (phase, key) = outputOption(option.name, phases: planAction.graph.forwardNodes.map(\.name)) else { continue }
            guard let phaseStatus = states[phase], phaseStatus.state == "complete" else {
                explanations[option.name] = "phase '\(phase)' did not complete in \(what) (state: \(states[phase]?.state ?? "absent"))"
                continue
            }
            if let value = phaseStatus.output[key] {
                options[option.name] = value
            } else if phaseStatus.structuredKeys.contains(key) {
                explanations[option.name] = "output '\(key)' of phase '\(phase)' is a map or a list; an option carries text only"
            } else if planAction.graph.node(named: phase)?.condition != nil {
                explanations[option.name] =
                    "phase '\(phase)' completed without output '\(key)'; if its 'when' was false, its compensation is skipped "
                    + "too and any value will do"
            } else {
                explanations[option.name] = "phase '\(phase)' completed without output '\(key)'"
            }
        }
        options.merge(overrides.options) { _, given in given }
        var request = ActionSetRequest(action: rollbackName, object: overrides.object ?? status.spec.object)
        request.options = options
        request.profile = overrides.profile ?? status.spec.profile
        request.secrets = overrides.secrets.isEmpty ? status.spec.secrets : overrides.secrets
        request.configMaps = overrides.configMaps.isEmpty ? status.spec.configMaps : overrides.configMaps
        request.artifacts = overrides.artifacts.isEmpty ? status.spec.artifacts : overrides.artifacts
        let made = make(request, blueprint: blueprint, plan: plan, syntax: syntax, explanations: explanations)
        // Options the main action had are carried over whether or not the rollback reads them.
        result.sourceDiagnostics += made.diagnostics.filter { $0.code != .actionSetUnused || !$0.message.hasPrefix("option") }
        result.report += compensationReport(planAction, rollback: rollbackAction, states: states)
        return made.actionSet?.actions.first
    }

    /// `X_k` read as output `k` of phase `X` (the longest phase name that fits).
    static func outputOption(_ option: String, phases: [String]) -> (phase: String, key: String)? {
        let candidates = phases.filter { option.hasPrefix($0 + "_") && option.count > $0.count + 1 }
        guard let phase = candidates.max(by: { $0.count < $1.count }) else { return nil }
        return (phase, String(option.dropFirst(phase.count + 1)))
    }

    /// The rollback action's phases in the order they run, each with what it undoes and how that went.
    static func compensationReport(_ action: PlanAction, rollback: KanisterAction, states: [String: ActionSetPhaseStatus]) -> [String] {
        let present = Set((rollback.phases ?? []).map(\.name))
        var lines = ["\(rollback.name) will run these compensations, in order:"]
        for step in PlanSchedule(action.graph).compensationOrder {
            guard let node = action.graph.node(named: step.compensation) else { continue }
            let renamed = node.kind == .compensation ? node.name : node.name + PlanKanister.rollbackSuffix
            guard present.contains(renamed) else { continue }
            let undone = step.undoes.map { phase -> String in
                let state = states[phase]?.state ?? "absent"
                return state == "complete" ? "\(phase) (complete)" : "\(phase) (\(state): it never completed, so this must be safe to run)"
            }
            lines.append("  \(renamed): undoes \(undone.joined(separator: ", "))")
        }
        return lines
    }
}
