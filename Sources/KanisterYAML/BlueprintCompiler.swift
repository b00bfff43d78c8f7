// The compile pipeline without I/O: parsed modules in, Kanister YAML bytes
// out, with every diagnostic of the passes (name resolution, lowering).

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax

public enum BlueprintCompiler {
    /// Lowers the main module (with its imports' definitions) to the Kanister model.
    public static func lower(main: Module, imports: [Module] = []) -> (blueprint: KanisterBlueprint?, diagnostics: [Diagnostic]) {
        let table = SymbolTable(main: main, imports: imports)
        let checked = SemanticChecker.check(table, main: main)
        guard !checked.diagnostics.contains(where: { $0.severity == .error }) else { return (nil, checked.diagnostics) }
        let (blueprint, diagnostics) = Lowering.lower(table, sourcePath: main.file.path)
        let failed = diagnostics.contains { $0.severity == .error }
        return (failed ? nil : blueprint, checked.diagnostics + diagnostics)
    }

    /// The semantic checks alone (for `bpc lint`).
    public static func check(main: Module, imports: [Module] = []) -> [Diagnostic] {
        SemanticChecker.check(SymbolTable(main: main, imports: imports), main: main).diagnostics
    }

    /// Parses, lowers and emits one self-contained source (no imports); for
    /// tests, benchmarks and tools.
    public static func compile(_ file: SourceFile) -> (yaml: [UInt8]?, diagnostics: [Diagnostic]) {
        let parsed = Parser.parse(file)
        guard !parsed.hasErrors else { return (nil, parsed.diagnostics) }
        let (blueprint, diagnostics) = lower(main: Module(file: file, syntax: parsed.syntax))
        guard let blueprint else { return (nil, parsed.diagnostics + diagnostics) }
        do {
            return (try BlueprintEmitter.emit(blueprint), parsed.diagnostics + diagnostics)
        } catch {
            let failure = Diagnostic.error(.emitFailed, "internal error: libyaml could not emit: \(error)", at: SourceRange(0, 0))
            return (nil, parsed.diagnostics + diagnostics + [failure])
        }
    }
}

extension DiagnosticCode {
    public static let emitFailed = DiagnosticCode("BP4006")
}
