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
