// Where compile time goes: each stage of BlueprintCompiler timed on its own.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML

func seconds(_ body: () -> Void) -> Double {
    Parallel.waitForBackgroundReleases()
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

func printCompileStages(_ file: SourceFile, renderingDiagnostics: Bool = false) {
    var syntax: SourceFileSyntax?
    let parse = seconds { syntax = Parser.parse(file).syntax }
    guard let syntax else { return }
    let module = Module(file: file, syntax: syntax)
    var table: SymbolTable?
    let index = seconds { table = SymbolTable(main: module) }
    guard let table else { return }
    var model: SemanticModel?
    var diagnostics: [Diagnostic] = []
    let check = seconds {
        let result = SemanticChecker.check(table, main: module)
        model = result.model
        diagnostics = result.diagnostics
    }
    guard let model else { return }
    var plan: PlanBlueprint?
    let build = seconds {
        let result = PlanBuilder.build(table, semantics: model, sourcePath: file.path)
        plan = result.plan
        diagnostics += result.diagnostics
    }
    guard let plan else { return }
    var blueprint: KanisterBlueprint?
    let kanister = seconds {
        let result = PlanKanister.blueprint(from: plan)
        blueprint = result.blueprint
        diagnostics += result.diagnostics
    }
    guard let blueprint else { return }
    let write = seconds { _ = try? BlueprintEmitter.emit(blueprint) }
    var stages = [
        ("parse", parse), ("index", index), ("check", check), ("plan", build), ("kanister model", kanister),
        ("YAML write", write),
    ]
    if renderingDiagnostics {
        var text = ""
        stages.append(("rendering \(diagnostics.count) diagnostics", seconds { text = DiagnosticRenderer().render(diagnostics, in: file) }))
        _ = text
    }
    print("compile stages: " + stages.map { "\($0.0) \(String(format: "%.3f", $0.1)) s" }.joined(separator: ", "))
}

/// `bpc-bench stages-upto N FILE.bp`: runs the first N compile stages of FILE
/// (1 parse, 2 index, 3 check, 4 plan, 5 kanister model, 6 YAML write, 7
/// rendering the diagnostics) untimed, so that an instruction counter run on
/// N and N-1 (`valgrind --tool=callgrind`) gives one stage's instructions on
/// every thread. With a `.yaml` file: 1 YAML read and syntax, 2 checks
/// (`BlueprintLinter.lint`), 3 rendering.
func runStages(upTo last: Int, path: String) {
    guard let data = FileManager.default.contents(atPath: path) else {
        print("cannot read \(path)")
        return
    }
    let file = SourceFile(path: path, bytes: Array(data))
    if path.hasSuffix(".yaml") {
        guard last >= 2 else {
            _ = YAMLReader.parse(bytes: file.bytes)
            return
        }
        let diagnostics = BlueprintLinter.lint(bytes: file.bytes, path: path)
        if last >= 3 { _ = DiagnosticRenderer().render(diagnostics, in: file) }
        return
    }
    let parsed = Parser.parse(file)
    guard last >= 2 else { return }
    let module = Module(file: file, syntax: parsed.syntax)
    let table = SymbolTable(main: module)
    guard last >= 3 else { return }
    let checked = SemanticChecker.check(table, main: module)
    var diagnostics = checked.diagnostics
    guard last >= 4 else { return }
    let built = PlanBuilder.build(table, semantics: checked.model, sourcePath: file.path)
    diagnostics += built.diagnostics
    guard last >= 5 else { return }
    let kanister = PlanKanister.blueprint(from: built.plan)
    diagnostics += kanister.diagnostics
    guard last >= 6 else { return }
    _ = try? BlueprintEmitter.emit(kanister.blueprint)
    guard last >= 7 else { return }
    _ = DiagnosticRenderer().render(diagnostics, in: file)
}
