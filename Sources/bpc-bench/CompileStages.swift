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

/// The process's CPU time (user and system, every thread) so far, in seconds.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let user = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
    return user + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
}

/// Wall and CPU seconds of `body`; CPU counts every thread, so CPU over wall
/// tells how many cores the stage kept busy.
func wallAndCPU(_ body: () -> Void) -> (wall: Double, cpu: Double) {
    Parallel.waitForBackgroundReleases()
    let cpu = processCPUSeconds()
    let wall = seconds(body)
    return (wall, processCPUSeconds() - cpu)
}

func printCompileStages(_ file: SourceFile, renderingDiagnostics: Bool = false) {
    var syntax: SourceFileSyntax?
    let parse = wallAndCPU { syntax = Parser.parse(file).syntax }
    guard let syntax else { return }
    let module = Module(file: file, syntax: syntax)
    var table: SymbolTable?
    let index = wallAndCPU { table = SymbolTable(main: module) }
    guard let table else { return }
    var model: SemanticModel?
    var diagnostics: [Diagnostic] = []
    let check = wallAndCPU {
        let result = SemanticChecker.check(table, main: module)
        model = result.model
        diagnostics = result.diagnostics
    }
    guard let model else { return }
    var plan: PlanBlueprint?
    let build = wallAndCPU {
        let result = PlanBuilder.build(table, semantics: model, sourcePath: file.path)
        plan = result.plan
        diagnostics += result.diagnostics
    }
    guard let plan else { return }
    var blueprint: KanisterBlueprint?
    let kanister = wallAndCPU {
        let result = PlanKanister.blueprint(from: plan)
        blueprint = result.blueprint
        diagnostics += result.diagnostics
    }
    guard let blueprint else { return }
    let write = wallAndCPU { _ = try? BlueprintEmitter.emit(blueprint) }
    // The same YAML by one emitter: what the pieces written on all cores save.
    let serialWrite = wallAndCPU { _ = try? BlueprintEmitter.emit(blueprint, parts: 1) }
    var stages = [
        ("parse", parse), ("index", index), ("check", check), ("plan", build), ("kanister model", kanister),
        ("YAML write", write), ("(YAML write by one emitter", serialWrite),
    ]
    if renderingDiagnostics {
        var text = ""
        stages.append(("rendering \(diagnostics.count) diagnostics", wallAndCPU { text = DiagnosticRenderer().render(diagnostics, in: file) }))
        _ = text
    }
    print(
        "compile stages, wall (CPU): "
            + stages.map { "\($0.0) \(String(format: "%.3f (%.3f)", $0.1.wall, $0.1.cpu)) s\($0.0.hasPrefix("(") ? ")" : "")" }.joined(separator: ", "))
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
