// The checks of the actions with per-action results kept in an
// `ActionResultCache`: an action whose text and environment are unchanged is
// not checked again; its findings move to where it now starts.

import BlueprintSyntax

/// What checking one action found (positions as they were when it was checked).
public struct ActionCheckResult: Sendable {
    var diagnostics: [Diagnostic]
    var references: [String: [PhaseReference]]
    var usedLets: Set<String>
    var usedDefs: Set<String>
}

extension SemanticChecker {
    /// Every check, as `check(_:main:kanister:)`, reusing the results of the actions
    /// `cache` holds for the environment `environment` (`ActionEnvironment.key`).
    public static func check(
        _ table: SymbolTable, main: Module, kanister: KanisterVersion = .default, cache: ActionResultCache<ActionCheckResult>,
        environment: [UInt8]
    ) -> (model: SemanticModel, diagnostics: [Diagnostic]) {
        cache.prepare(environment: environment)
        var checker = SemanticChecker(table: table, main: main, target: KanisterTarget.of(kanister))
        checker.actionCache = cache
        checker.checkFile()
        return (checker.model, checker.reported.items.inSourceOrder)
    }

    /// `checkActions` with the cache: each action not found is checked on its
    /// own copy of the checker; the results merge in action order, as the groups
    /// of `checkActions` do (a `DiagnosticList` drops what two actions both report).
    mutating func checkActionsIncrementally(_ cache: ActionResultCache<ActionCheckResult>) {
        let actions = table.actions
        let keys = actions.map { ActionEnvironment.key(of: $0.decl, in: main.file) }
        var results: [ActionCheckResult?] = keys.indices.map { index in
            guard let found = cache.lookup(keys[index]) else { return nil }
            return Self.moved(found.entry, from: found.start, to: actions[index].decl.range.start, length: keys[index].bytes.count)
        }
        var base = self
        base.reported = DiagnosticList()
        base.actionCache = nil
        let missing = results.indices.filter { results[$0] == nil }
        let computed = Parallel.map(missing.count) { position -> ActionCheckResult in
            var checker = base
            let action = actions[missing[position]]
            checker.checkAction(action)
            return ActionCheckResult(
                diagnostics: checker.reported.items, references: checker.model.phaseReferences[action.name] ?? [:],
                usedLets: checker.usedLets, usedDefs: checker.usedDefs)
        }
        let fixed = ActionEnvironment.fixedRanges(of: main)
        for (position, index) in missing.enumerated() {
            let result = computed[position]
            results[index] = result
            let span = actions[index].decl.range
            if ActionRelocation(span: span, fixed: fixed).canMove(result.diagnostics) {
                cache.store(keys[index], start: span.start, result)
            }
        }
        cache.finish()
        for (index, result) in results.enumerated() {
            guard let result else { continue }
            for diagnostic in result.diagnostics { take(diagnostic) }
            model.phaseReferences[actions[index].name] = result.references
            usedLets.formUnion(result.usedLets)
            usedDefs.formUnion(result.usedDefs)
        }
    }

    /// A cached result of an action of `length` bytes that started at `old`, moved to `new`.
    static func moved(_ result: ActionCheckResult, from old: Int, to new: Int, length: Int) -> ActionCheckResult {
        let delta = new - old
        guard delta != 0 else { return result }
        let relocation = ActionRelocation(span: SourceRange(old, old + length), fixed: [])
        var moved = result
        moved.diagnostics = result.diagnostics.map { relocation.move($0, by: delta) }
        moved.references = result.references.mapValues { references in
            references.map { reference in
                var moved = reference
                moved.range = relocation.move(reference.range, by: delta)
                moved.compensation = reference.compensation.map { relocation.move($0, by: delta) }
                return moved
            }
        }
        return moved
    }
}
