// Every action of the thirty real Kanister blueprints, imported and run with
// the dry-run backend: every phase and compensation renders with the template
// evaluator (unknown outputs, secrets and object fields read as placeholders).

import BlueprintPlan
import BlueprintRuntime
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct CorpusDryRunTests {
    static func plan(_ url: URL) throws -> PlanBlueprint? {
        let imported = BlueprintImporter.importBlueprint([UInt8](try Data(contentsOf: url)))
        guard let source = imported.source else { return nil }
        let file = SourceFile(path: url.path, bytes: Array(source.utf8))
        return BlueprintCompiler.analyze(main: Module(file: file, syntax: Parser.parse(file).syntax)).plan
    }

    @Test(arguments: TestSupport.corpusBlueprints())
    func everyActionRendersInADryRun(blueprint: URL) async throws {
        guard let plan = try Self.plan(blueprint) else {
            // Only a blueprint that Kanister itself refuses (a reused phase name) may fail to plan.
            let kcheck = try TestSupport.run(try TestSupport.kcheck.get(), ["validate", "-no-warn", blueprint.path])
            #expect(kcheck.output.contains("duplicated phase name"), "\(blueprint.lastPathComponent) does not plan")
            return
        }
        for action in plan.actions {
            var failures: [String] = []
            for object in ["statefulset/ns/app", "deployment/ns/app", "deploymentconfig/ns/app", "namespace/ns"] {
                let subject = try RunSubject.parse(object).get()
                let inputs = RunInputs(file: blueprint.path, action: action.name, subject: subject)
                let scheduler = RunScheduler(
                    runID: "dry", graph: RunGraph(action), executor: DryRunExecutor(), inputs: inputs, secrets: RunSecrets(),
                    journal: try RunJournal(path: nil), options: RunOptions())
                let summary = await scheduler.execute(inputs: inputs)
                if summary.status == .succeeded {
                    failures = []
                    break
                }
                failures.append("\(object): \(summary.failures.map(\.message))")
            }
            #expect(failures.isEmpty, "\(blueprint.lastPathComponent) \(action.name): \(failures)")
        }
    }
}
