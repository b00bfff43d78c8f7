// Output keys a source declares but its commands do not print survive
// compilation in a metadata annotation: `bpc lint` of the YAML and `bpc import`
// see them, so lint of compiled YAML stays clean and import gives them back.

import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct DeclaredOutputsTests {
    static let source = """
        blueprint declared { annotations: { team: "db" } }

        action backup {
          phase dump: KubeTask {
            image: "busybox"
            command: ["bash", "-c", "./backup.sh"]
            outputs [id]
          }
          phase use: KubeTask { image: "busybox", command: ["echo", "\\(dump.output.id)"] }
        }

        """

    @Test func declaredKeysSurviveCompileLintAndImport() throws {
        let compiled = BlueprintCompiler.compile(SourceFile(path: "declared.bp", text: Self.source))
        let yaml = try #require(compiled.yaml, "\(compiled.diagnostics.map(\.message))")
        let text = String(decoding: yaml, as: UTF8.self)
        // The key the command does not print is carried, after the user's annotations.
        #expect(text.contains("team: db\n    bpc/declared-outputs: '{\"backup\":{\"dump\":[\"id\"]}}'"), "\(text)")
        #expect(BlueprintLinter.lint(bytes: yaml, path: "declared.yaml").filter { $0.severity == .error }.isEmpty)
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let validate = try TestSupport.run(try TestSupport.kcheck.get(), ["validate", "-no-warn", output.path])
        #expect(validate.status == 0, "\(validate.output)")

        let imported = try #require(BlueprintImporter.importBlueprint(yaml).source)
        #expect(imported.contains("outputs [id]") && !imported.contains("declared-outputs") && imported.contains("team: \"db\""), "\(imported)")
        let again = BlueprintCompiler.compile(SourceFile(path: "declared.bp", text: imported))
        #expect(again.yaml.map { PipelineInvariantTests.body($0) } == PipelineInvariantTests.body(yaml))
    }

    /// Without the annotation the YAML says nothing of `id`: reading it is an error there.
    @Test func aKeyNeitherPrintedNorDeclaredIsAnErrorInYAML() throws {
        let compiled = BlueprintCompiler.compile(SourceFile(path: "declared.bp", text: Self.source))
        let yaml = String(decoding: try #require(compiled.yaml), as: UTF8.self)
        let stripped = yaml.split(separator: "\n").filter { !$0.contains("bpc/declared-outputs") }.joined(separator: "\n")
        let errors = BlueprintLinter.lint(bytes: Array(stripped.utf8), path: "stripped.yaml").filter { $0.severity == .error }
        #expect(errors.map(\.code.rawValue) == ["BP2009"], "\(errors.map(\.message))")
    }
}
