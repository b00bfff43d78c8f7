// The compile pipeline without I/O: parsed modules in, the plan or Kanister
// YAML bytes out, with every diagnostic of the passes (checks, plan, YAML build).

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax

public enum BlueprintCompiler {
    /// What the passes made of a module: the plan and the Kanister model (both
    /// nil when any pass reported an error) and every diagnostic.
    public struct Analysis {
        public var plan: PlanBlueprint?
        public var blueprint: KanisterBlueprint?
        public var diagnostics: [Diagnostic]
    }

    /// Every pass after parsing, for every command alike: the checks, the
    /// optimized plan, and the Kanister model with its rollback actions
    /// (runtime-only attributes dropped with a warning). A pass runs only when
    /// the ones before it reported no error. The phases are checked against
    /// the functions of Kanister `kanister`.
    public static func analyze(main: Module, imports: [Module] = [], kanister: KanisterVersion = .default) -> Analysis {
        let table = SymbolTable(main: main, imports: imports)
        let (model, checkDiagnostics) = SemanticChecker.check(table, main: main, kanister: kanister)
        guard !checkDiagnostics.contains(where: { $0.severity == .error }) else { return Analysis(diagnostics: checkDiagnostics) }
        let (plan, planDiagnostics) = PlanBuilder.build(table, semantics: model, sourcePath: main.file.path)
        Parallel.releaseInBackground((consume table, consume model))
        let diagnostics = checkDiagnostics + planDiagnostics
        guard !planDiagnostics.contains(where: { $0.severity == .error }) else {
            Parallel.releaseInBackground(consume plan)
            return Analysis(diagnostics: diagnostics)
        }
        // Released Kanister has no per-phase condition: commands are wrapped (see PhaseCondition).
        let conditions: PhaseConditionStyle = .commandWrapper
        let (blueprint, problems) = PlanKanister.blueprint(from: plan, conditions: conditions)
        guard !problems.contains(where: { $0.severity == .error }) else {
            Parallel.releaseInBackground(consume plan)
            return Analysis(diagnostics: diagnostics + problems)
        }
        return Analysis(plan: plan, blueprint: blueprint, diagnostics: diagnostics + problems)
    }

    /// The semantic checks alone, for the syntax tree `BlueprintLinter` builds
    /// from Kanister YAML (which is not lowered again).
    public static func check(main: Module, imports: [Module] = [], kanister: KanisterVersion = .default) -> [Diagnostic] {
        SemanticChecker.check(SymbolTable(main: main, imports: imports), main: main, kanister: kanister).diagnostics
    }

    /// Parses, lowers and emits one self-contained source (no imports); for
    /// tests, benchmarks and tools. The intermediates are freed in the background
    /// once the YAML is ready, not while it is being made.
    public static func compile(_ file: SourceFile) -> (yaml: [UInt8]?, diagnostics: [Diagnostic]) {
        Parallel.deferringReleases { compileNow(file) }
    }

    static func compileNow(_ file: SourceFile) -> (yaml: [UInt8]?, diagnostics: [Diagnostic]) {
        let parsed = Parser.parse(file)
        guard !parsed.hasErrors else { return (nil, parsed.diagnostics) }
        let parseDiagnostics = parsed.diagnostics
        let analysis = analyze(main: Module(file: file, syntax: parsed.syntax))
        let diagnostics = analysis.diagnostics
        Parallel.releaseInBackground((consume parsed, analysis.plan))
        guard let blueprint = analysis.blueprint else { return (nil, parseDiagnostics + diagnostics) }
        do {
            return (try BlueprintEmitter.emit(blueprint), parseDiagnostics + diagnostics)
        } catch {
            let failure = Diagnostic.error(.emitFailed, "internal error: libyaml could not emit: \(error)", at: SourceRange(0, 0))
            return (nil, parseDiagnostics + diagnostics + [failure])
        }
    }
}

extension DiagnosticCode {
    public static let emitFailed = DiagnosticCode("BP4006")
}
