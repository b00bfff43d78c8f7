// The compile pipeline without I/O: parsed modules in, the plan or Kanister
// YAML bytes out, with every diagnostic of the passes (checks, plan, YAML build).

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax

public enum BlueprintCompiler {
    /// Checks the main module (with its imports' definitions) and builds its
    /// optimized plan; nil when there are errors.
    public static func plan(main: Module, imports: [Module] = []) -> (plan: PlanBlueprint?, diagnostics: [Diagnostic]) {
        let table = SymbolTable(main: main, imports: imports)
        let (model, checkDiagnostics) = SemanticChecker.check(table, main: main, isStrict: false)
        guard !checkDiagnostics.contains(where: { $0.severity == .error }) else { return (nil, checkDiagnostics) }
        let (plan, diagnostics) = PlanBuilder.build(table, semantics: model, sourcePath: main.file.path)
        Parallel.releaseInBackground((consume table, consume model))
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : plan, checkDiagnostics + diagnostics)
    }

    /// Lowers the main module to the Kanister model through its plan (rollback
    /// actions added, runtime-only attributes dropped with a warning).
    public static func lower(main: Module, imports: [Module] = []) -> (blueprint: KanisterBlueprint?, diagnostics: [Diagnostic]) {
        let (plan, diagnostics) = self.plan(main: main, imports: imports)
        guard let plan else { return (nil, diagnostics) }
        let (blueprint, problems) = PlanKanister.blueprint(from: plan)
        Parallel.releaseInBackground(consume plan)
        let failed = problems.contains { $0.severity == .error }
        return (failed ? nil : blueprint, diagnostics + problems)
    }

    /// The semantic checks alone (for `bpc lint`).
    public static func check(main: Module, imports: [Module] = []) -> [Diagnostic] {
        SemanticChecker.check(SymbolTable(main: main, imports: imports), main: main).diagnostics
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
        let (blueprint, diagnostics) = lower(main: Module(file: file, syntax: parsed.syntax))
        Parallel.releaseInBackground(consume parsed)
        guard let blueprint else { return (nil, parseDiagnostics + diagnostics) }
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
