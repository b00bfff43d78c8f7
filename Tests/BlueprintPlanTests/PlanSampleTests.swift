// Every sample: its plan dump and rollback actions against a golden file, its
// YAML (rollback actions included) through kcheck validate, its DOT through
// Graphviz, and its plan artifact through a JSON round trip.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct PlanSampleTests {
    static let samples = PlanFixtures.samples()

    @Test func samplesArePresent() {
        #expect(Self.samples.count >= 8)
    }

    /// The plan of a sample; the test fails when it has errors.
    func plan(of url: URL) throws -> (plan: PlanBlueprint, module: Module) {
        let module = try PlanFixtures.sampleModule(url)
        let analysis = BlueprintCompiler.analyze(main: module)
        let (plan, diagnostics) = (analysis.plan, analysis.diagnostics)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        return (try #require(plan), module)
    }

    @Test(arguments: samples)
    func planDumpMatchesGolden(_ url: URL) throws {
        let (plan, module) = try plan(of: url)
        var text = PlanText.dump(plan)
        let (blueprint, diagnostics) = PlanKanister.blueprint(from: plan)
        let companions = blueprint.actions.filter { $0.name.hasSuffix(PlanKanister.rollbackSuffix) }
        text += "\nYAML build\n"
        for action in companions {
            text += "  action \(action.name): " + (action.phases ?? []).map(\.name).joined(separator: ", ") + "\n"
        }
        text += blueprint.notes.map { "  # \($0)\n" }.joined()
        for diagnostic in diagnostics {
            let position = module.file.location(of: diagnostic.range.start)
            text += "  \(position): \(diagnostic.severity.rawValue)[\(diagnostic.code)]: \(diagnostic.message)\n"
        }
        let name = url.deletingPathExtension().lastPathComponent
        PlanGolden.check(text, against: PlanFixtures.directory.appendingPathComponent("samples/\(name).plan.txt"))
    }

    @Test(arguments: samples)
    func yamlWithRollbackActionsValidates(_ url: URL) throws {
        let kcheck = try TestSupport.kcheck.get()
        let (plan, _) = try plan(of: url)
        let (blueprint, diagnostics) = PlanKanister.blueprint(from: plan)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let yaml = try BlueprintEmitter.emit(blueprint)
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try TestSupport.run(kcheck, ["validate", output.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        let rollbackCount = plan.actions.filter { action in action.graph.edges.contains { $0.kind == .rollback } }.count
        let companions = blueprint.actions.filter { $0.name.hasSuffix(PlanKanister.rollbackSuffix) }
        #expect(companions.count == rollbackCount)
    }

    @Test(arguments: samples)
    func graphvizRendersTheDOT(_ url: URL) throws {
        let (plan, _) = try plan(of: url)
        var graphs = [PlanGraphRenderer.dot(plan, actions: plan.actions)]
        graphs += plan.actions.map { PlanGraphRenderer.dot(plan, actions: [$0]) }
        for dot in graphs {
            let result = try TestSupport.run("/usr/bin/env", ["dot", "-Tsvg"], input: Data(dot.utf8))
            #expect(result.status == 0, "dot -Tsvg failed (install graphviz: bash .ci/deps.sh): \(result.errors)\n\(dot)")
            #expect(result.errors.isEmpty, "Graphviz warnings: \(result.errors)")
            #expect(result.output.contains("<svg"))
        }
    }

    @Test(arguments: samples)
    func planArtifactRoundTrips(_ url: URL) throws {
        let (plan, module) = try plan(of: url)
        let artifact = PlanArtifact(sourcePath: module.file.path, sourceBytes: module.file.bytes, plan: plan)
        let bytes = try PlanCodec.encode(artifact)
        let (decoded, diagnostics) = PlanCodec.decode(bytes)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(decoded == artifact)
        #expect(decoded?.isCompiled(from: module.file.bytes) == true)
        #expect(try PlanCodec.encode(try #require(decoded)) == bytes, "encoding is not reproducible")
    }
}
