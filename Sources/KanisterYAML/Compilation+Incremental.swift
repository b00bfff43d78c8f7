// The pipeline's diagnostics with per-action results reused between runs (the
// language server re-checks a document on every edit): the same diagnostics as
// `analyze`, without the plan and the Kanister model.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax

/// The checks' and the plan's per-action results of one document, kept between analyses.
public final class AnalysisCache: @unchecked Sendable {
    public let checks = ActionResultCache<ActionCheckResult>()
    public let plan = ActionResultCache<ActionPlanResult>()

    public init() {}
}

extension BlueprintCompiler {
    /// The diagnostics of `analyze(main:imports:kanister:)`, in its order, reusing
    /// what `cache` holds for actions whose text and environment are unchanged.
    public static func diagnostics(main: Module, imports: [Module] = [], kanister: KanisterVersion = .default, cache: AnalysisCache)
        -> [Diagnostic]
    {
        let environment = ActionEnvironment.key(main: main, imports: imports, kanister: kanister)
        let table = SymbolTable(main: main, imports: imports)
        let (model, checkDiagnostics) = SemanticChecker.check(
            table, main: main, kanister: kanister, cache: cache.checks, environment: environment)
        guard !checkDiagnostics.contains(where: { $0.severity == .error }) else { return checkDiagnostics }
        let planDiagnostics = PlanBuilder.diagnostics(
            table, semantics: model, main: main, conditions: .commandWrapper, cache: cache.plan, environment: environment)
        return checkDiagnostics + planDiagnostics
    }
}

extension Compilation {
    /// `analyze(kanister:allowing:)` for the diagnostics alone (`plan` and
    /// `blueprint` stay nil), reusing the per-action results in `cache`.
    public mutating func analyzeDiagnostics(
        kanister: KanisterVersion = .default, allowing allowed: Set<String> = [], cache: AnalysisCache
    ) {
        guard !isAnalyzed else { return }
        isAnalyzed = true
        defer { dropAllowedWarnings(allowed) }
        guard let main, !hasErrors else { return }
        for diagnostic in BlueprintCompiler.diagnostics(main: main, imports: imports, kanister: kanister, cache: cache) {
            append(diagnostic, to: main.file)
        }
    }
}
