// The plan's diagnostics alone, for the language server: each action lowered
// and optimized on its own copy of the lowering, its findings kept in an
// `ActionResultCache` and reused while its text and environment are unchanged.

import BlueprintSema
import BlueprintSyntax

/// What lowering and optimizing one action reported (positions as they were then).
public struct ActionPlanResult: Sendable {
    var lowering: [Diagnostic]
    var optimizer: [Diagnostic]
    /// The action lowered; kept only while it is computed (rollback actions need it), never cached.
    var action: PlanAction?
    var forwardNames: [String]
}

extension PlanBuilder {
    /// Exactly the diagnostics of `build` followed by those of `PlanKanister.blueprint`
    /// (with `conditions`), reusing the actions `cache` holds for `environment`.
    public static func diagnostics(
        _ table: SymbolTable, semantics: SemanticModel, main: Module, conditions: PhaseConditionStyle = .commandWrapper,
        cache: ActionResultCache<ActionPlanResult>, environment: [UInt8]
    ) -> [Diagnostic] {
        cache.prepare(environment: environment)
        var lowering = Lowering(table: table)
        _ = lowering.lowerMetadata()
        let base = lowering
        let infos = table.actions
        let keys = infos.map { ActionEnvironment.key(of: $0.decl, in: main.file) }
        var results: [ActionPlanResult?] = keys.indices.map { index in
            guard let found = cache.lookup(keys[index]) else { return nil }
            let relocation = ActionRelocation(span: SourceRange(found.start, found.start + keys[index].bytes.count), fixed: [])
            let delta = infos[index].decl.range.start - found.start
            var result = found.entry
            result.lowering = result.lowering.map { relocation.move($0, by: delta) }
            result.optimizer = result.optimizer.map { relocation.move($0, by: delta) }
            return result
        }
        let missing = results.indices.filter { results[$0] == nil }
        let computed = Parallel.map(missing.count) { position -> ActionPlanResult in
            var lowering = base
            let (actions, problems) = lowering.planActions([infos[missing[position]]], semantics: semantics)
            let names = actions[0].graph.nodes.filter(\.isForward).map(\.name)
            return ActionPlanResult(lowering: lowering.diagnostics, optimizer: problems, action: actions[0], forwardNames: names)
        }
        let fixed = ActionEnvironment.fixedRanges(of: main)
        for (position, index) in missing.enumerated() {
            let result = computed[position]
            results[index] = result
            let span = infos[index].decl.range
            let hasRollback = result.action?.graph.hasRollbackEdges ?? false
            if !hasRollback, ActionRelocation(span: span, fixed: fixed).canMove(result.lowering + result.optimizer) {
                var kept = result
                kept.action = nil
                cache.store(keys[index], start: span.start, kept)
            }
        }
        cache.finish()
        let all = results.compactMap { $0 }
        for result in all { lowering.merge(result.lowering) }
        var diagnostics = lowering.diagnostics + all.flatMap(\.optimizer)
        // PlanKanister.blueprint: only rollback actions report, and only actions
        // with compensations (never cached) make one.
        let rollbacks = all.compactMap { $0.action }.filter { $0.graph.hasRollbackEdges }
        guard !diagnostics.contains(where: { $0.severity == .error }), !rollbacks.isEmpty else { return diagnostics }
        var taken = Set(all.flatMap(\.forwardNames))
        let actionNames = Set(infos.map(\.name))
        for action in rollbacks {
            _ = PlanKanister.rollbackAction(action, conditions: conditions, taken: &taken, actionNames: actionNames, &diagnostics)
        }
        return diagnostics
    }
}

extension Lowering {
    mutating func merge(_ diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { reported.append(diagnostic) }
    }
}
