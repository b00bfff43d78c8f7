// The plan as Kanister can say it: each action's phases in source order
// (parallel groups written sequentially), retry and timeout dropped (named in
// the header), and the compensations in a companion `<action>-rollback` action.

import BlueprintSema
import BlueprintSyntax

public enum PlanKanister {
    public static let rollbackSuffix = "-rollback"

    /// The Kanister model of `plan`, with a rollback action after each action that has compensations;
    /// `conditions` is how the target Kanister says a phase's `when`.
    public static func blueprint(
        from plan: PlanBlueprint, conditions: PhaseConditionStyle = .commandWrapper
    ) -> (blueprint: KanisterBlueprint, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // Loops over indices read the actions in place (closures over the elements
        // and key paths copy every action).
        var hasCompensations = false
        var actionNames = Set<String>(minimumCapacity: plan.actions.count)
        for index in plan.actions.indices {
            hasCompensations = hasCompensations || plan.actions[index].graph.hasRollbackEdges
            actionNames.insert(plan.actions[index].fields.name)
        }
        // Only a rollback action needs the names taken (and only compensations make one).
        var taken = hasCompensations ? forwardNames(plan) : []
        var actions: [KanisterAction] = []
        var notes = runtimeOnlyNote(plan)
        // The main actions are made on all cores.
        let groups = Parallel.mapGroups(
            plan.actions.count, minimumWeight: Parallel.minimumPhasesPerGroup,
            weight: { plan.actions[$0].graph.nodes.count },
            transform: { range in range.map { index in mainAction(plan.actions[index], conditions: conditions) } })
        for (index, main) in groups.joined().enumerated() {
            actions.append(main)
            guard hasCompensations else { continue }
            if let rollback = rollbackAction(
                plan.actions[index], conditions: conditions, taken: &taken, actionNames: actionNames, &diagnostics)
            {
                actions.append(rollback.action)
                notes += rollback.note
            }
        }
        var blueprint = KanisterBlueprint(name: plan.name, metadata: plan.metadata, actions: actions, sourcePath: plan.sourcePath)
        blueprint.notes = notes
        blueprint.annotateDeclaredOutputs()
        return (blueprint, diagnostics)
    }

    /// The names of the forward nodes of every action.
    static func forwardNames(_ plan: PlanBlueprint) -> Set<String> {
        var names: Set<String> = []
        for action in plan.actions {
            let nodes = action.graph.nodes
            for index in nodes.indices where nodes[index].isForward { names.insert(nodes[index].name) }
        }
        return names
    }

    static func mainAction(_ action: PlanAction, conditions: PhaseConditionStyle = .commandWrapper) -> KanisterAction {
        var result = action.fields
        let nodes = action.graph.nodes
        let phases = nodes.indices.filter { nodes[$0].kind == .phase }.map { PhaseCondition.wrapped(nodes[$0], style: conditions) }
        if !phases.isEmpty { result.phases = phases }
        result.deferPhase = action.graph.finallyNode.map { PhaseCondition.wrapped($0, style: conditions) }
        return result
    }

    /// `retry` and `timeout` are what `bpc run` does with a phase; Kanister has
    /// neither. Writing them as intended is not a mistake, so the YAML says in its
    /// header which phases have them rather than a warning on every compile.
    static func runtimeOnlyNote(_ plan: PlanBlueprint) -> [String] {
        var phases: [String] = []
        var seen: Set<String> = []
        for action in plan.actions {
            for node in action.graph.nodes where !node.runtimeClauseRanges.isEmpty && seen.insert(node.name).inserted {
                phases.append(node.name)
            }
        }
        guard !phases.isEmpty else { return [] }
        return [
            "retry and timeout apply to 'bpc run' only (phases \(phases.joined(separator: ", "))); Kanister runs each phase once, without a time limit."
        ]
    }

    /// `<action>-rollback`: the compensations in the order they run, their
    /// templates rewritten for an action where the main phases do not exist.
    static func rollbackAction(
        _ action: PlanAction, conditions: PhaseConditionStyle = .commandWrapper, taken: inout Set<String>, actionNames: Set<String>,
        _ diagnostics: inout [Diagnostic]
    ) -> (action: KanisterAction, note: [String])? {
        let graph = action.graph
        // Without rollback edges there is nothing to compensate.
        guard graph.hasRollbackEdges else { return nil }
        let steps = PlanSchedule.compensationOrder(graph, order: PlanSchedule.topologicalOrder(graph))
        guard !steps.isEmpty else { return nil }
        let name = action.name + rollbackSuffix
        guard !actionNames.contains(name) else {
            let message = "action '\(action.name)' has compensations, which go to an action named '\(name)'; that name is taken"
            diagnostics.append(Diagnostic(.rollbackAction, .error, message, at: action.sourceRange))
            return nil
        }
        let mainPhases = Dictionary(graph.forwardNodes.map { ($0.name, $0.phase) }, uniquingKeysWith: { first, _ in first })
        var phases: [KanisterPhase] = []
        var options: [String] = []
        for step in steps {
            guard let node = graph.node(named: step.compensation) else { continue }
            let renamed = node.kind == .compensation ? node.name : node.name + rollbackSuffix
            guard !taken.contains(renamed) else {
                let message = "the rollback action '\(name)' needs a phase named '\(renamed)', but the blueprint already has one"
                diagnostics.append(Diagnostic(.rollbackName, .error, message, at: node.sourceRange))
                continue
            }
            var rewrite = RollbackRewrite(mainPhases: mainPhases, original: node.name, renamed: renamed)
            guard let phase = rewrite.rewrite(PhaseCondition.wrapped(node, style: conditions)) else {
                let message =
                    "compensation '\(node.name)' is left out of action '\(name)': "
                    + rewrite.problems.joined(separator: "; ") + "; 'bpc run' still runs it"
                diagnostics.append(Diagnostic(.rollbackValue, .warning, message, at: node.sourceRange))
                continue
            }
            taken.insert(renamed)
            phases.append(phase)
            options += rewrite.options.filter { !options.contains($0) }
        }
        guard !phases.isEmpty else { return nil }
        var result = KanisterAction(name: name, kind: action.fields.kind)
        result.inputArtifactNames = RollbackRewrite.artifactsRead(by: phases, from: action.fields.inputArtifactNames)
        result.secretNames = action.fields.secretNames
        result.configMapNames = action.fields.configMapNames
        result.phases = phases
        return (result, note(for: action.name, rollback: name, options: options))
    }

    /// The header lines that tell an operator how to run a rollback action.
    static func note(for action: String, rollback: String, options: [String]) -> [String] {
        var lines = ["\(rollback) undoes a failed \(action): its compensations, latest first. Run it as an"]
        if options.isEmpty {
            lines.append("  ActionSet on the failed one's object and input artifacts.")
        } else {
            lines.append("  ActionSet on the failed one's object and input artifacts, with these options")
            lines.append("  (PHASE_KEY is output KEY of phase PHASE, from the failed ActionSet's status):")
            lines.append("  " + options.joined(separator: ", "))
        }
        return lines
    }
}

extension RollbackRewrite {
    /// The input artifacts the rollback phases read, of those the main action
    /// declares (so `bpc lint` of the YAML has none unused, BP2102); all of them
    /// when a template reads `.ArtifactsIn` in a way that names none (`index
    /// .ArtifactsIn $name`, a template that does not parse). Nil for none.
    static func artifactsRead(by phases: [KanisterPhase], from declared: [String]?) -> [String]? {
        guard let declared, !declared.isEmpty else { return declared }
        var read: Set<String> = []
        var readsUnnamed = false
        for phase in phases {
            phase.forEachTemplateString { text in
                guard !readsUnnamed, text.contains("ArtifactsIn") else { return }
                guard let tree = GoTemplate.parse(text).tree else {
                    readsUnnamed = true
                    return
                }
                for reference in tree.rootReferences where reference.path.first == "ArtifactsIn" {
                    if reference.path.count > 1 { read.insert(reference.path[1]) } else { readsUnnamed = true }
                }
            }
        }
        if readsUnnamed { return declared }
        let kept = declared.filter(read.contains)
        return kept.isEmpty ? nil : kept
    }
}
