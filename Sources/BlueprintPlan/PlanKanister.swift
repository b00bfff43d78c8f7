// The plan as Kanister can say it: each action's phases in source order
// (parallel groups written sequentially), retry and timeout dropped with a
// warning, and the compensations in a companion `<action>-rollback` action.

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
        var clauseCount = 0
        for index in plan.actions.indices {
            hasCompensations = hasCompensations || plan.actions[index].graph.hasRollbackEdges
            actionNames.insert(plan.actions[index].fields.name)
            clauseCount += plan.actions[index].graph.runtimeClauseCount
        }
        // Only a rollback action needs the names taken (and only compensations make one).
        var taken = hasCompensations ? forwardNames(plan) : []
        var actions: [KanisterAction] = []
        var notes: [String] = []
        // The main actions are made on all cores, each group saying a clause once;
        // the merge says it once overall, where a sequential run would.
        let groups = Parallel.mapGroups(
            plan.actions.count, weight: { plan.actions[$0].graph.nodes.count },
            transform: { range in
                var warned = Set<SourceRange>()
                return range.map { index in
                    var problems: [Diagnostic] = []
                    return (mainAction(plan.actions[index], conditions: conditions, warnedClauses: &warned, &problems), problems)
                }
            })
        var warnedClauses = Set<SourceRange>(minimumCapacity: clauseCount)
        for (index, (main, problems)) in groups.joined().enumerated() {
            actions.append(main)
            diagnostics += problems.filter { warnedClauses.insert($0.range).inserted }
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

    static func mainAction(
        _ action: PlanAction, conditions: PhaseConditionStyle = .commandWrapper, warnedClauses: inout Set<SourceRange>,
        _ diagnostics: inout [Diagnostic]
    ) -> KanisterAction {
        var result = action.fields
        let nodes = action.graph.nodes
        let phases = nodes.indices.filter { nodes[$0].kind == .phase }.map { PhaseCondition.wrapped(nodes[$0], style: conditions) }
        if !phases.isEmpty { result.phases = phases }
        result.deferPhase = action.graph.finallyNode.map { PhaseCondition.wrapped($0, style: conditions) }
        for index in nodes.indices {
            // A def's clause is shared by every phase that uses the def: say it once.
            for range in nodes[index].runtimeClauseRanges where warnedClauses.insert(range).inserted {
                let message = "Kanister ignores retry and timeout; they apply to 'bpc run' only"
                diagnostics.append(Diagnostic(.runtimeOnly, .warning, message, at: range))
            }
        }
        return result
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
        result.inputArtifactNames = action.fields.inputArtifactNames
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
