// `when` in the Kanister YAML: the command wrapper and its guarded items, the
// rollback action's copy of the condition, kcheck validate, and the import of
// the YAML compiling back to the same blueprint (kcheck equal).

import BlueprintPlan
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct ConditionalYAMLTests {
    static let fixture = GoldenTests.fixtures.appendingPathComponent("compile/when.bp")

    func compile() throws -> (KanisterBlueprint, [UInt8]) {
        let file = SourceFile(path: "when.bp", bytes: try [UInt8](Data(contentsOf: Self.fixture)))
        let result = BlueprintCompiler.compile(file)
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        var compilation = Compilation.load(file, identity: "when.bp", from: NoFiles())
        compilation.analyze()
        return (try #require(compilation.blueprint), try #require(result.yaml))
    }

    static let guardOpen = #"{{ if eq .Options.mode "full" }}"#
    static let guardTrimmed = #"{{ if eq .Options.mode "full" -}} "#

    @Test func theCommandRunsUnderTheWrapper() throws {
        let (blueprint, _) = try compile()
        let backup = try #require(blueprint.actions.first { $0.name == "backup" })
        let dump = try #require(backup.phases?.first { $0.name == "dump" })
        guard case .list(let command)? = dump.args.first(where: { $0.key == "command" })?.value else {
            Issue.record("no command list")
            return
        }
        #expect(
            Array(command.prefix(4)) == [
                .string("sh"), .string("-c"), .string(PhaseCondition.script), .string(Self.guardOpen + "true{{ else }}false{{ end }}"),
            ])
        #expect(Array(command[4..<10]) == ["bash", "-o", "errexit", "-o", "pipefail", "-c"].map { KanisterValue.string($0) })
        #expect(command.last == .string(Self.guardTrimmed + "kando output path /dump/{{ .StatefulSet.Name }}\n{{ end }}"))
        // Arguments other than the command are left as they are.
        #expect(dump.args.first { $0.key == "image" }?.value == .string("busybox"))
        let both = try #require(backup.phases?.first { $0.name == "both" })
        for key in ["backgroundCommand", "outputCommand"] {
            guard case .list(let wrapped)? = both.args.first(where: { $0.key == key })?.value else {
                Issue.record("\(key) is not wrapped")
                continue
            }
            #expect(wrapped.first == .string("sh") && wrapped.count >= 5)
        }
        #expect(backup.deferPhase?.args.first { $0.key == "command" }?.value.strings.first == "sh")
    }

    @Test func theCompensationKeepsItsPhasesCondition() throws {
        let (blueprint, _) = try compile()
        let rollback = try #require(blueprint.actions.first { $0.name == "backup-rollback" })
        let undo = try #require(rollback.phases?.first)
        #expect(undo.name == "dump-undo")
        let strings = undo.args.first { $0.key == "command" }?.value.strings ?? []
        #expect(strings.prefix(4).last == Self.guardOpen + "true{{ else }}false{{ end }}")
        #expect(strings.last == Self.guardTrimmed + "{{ .Options.dump_path }} {{- end }}")
    }

    @Test func theYAMLValidatesAndImportsBackToTheSameBlueprint() throws {
        let (_, yaml) = try compile()
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let kcheck = try TestSupport.kcheck.get()
        let validated = try TestSupport.run(kcheck, ["validate", output.path])
        #expect(validated.status == 0, "\(validated.output)\(validated.errors)")
        let imported = BlueprintImporter.importBlueprint(yaml)
        let source = try #require(imported.source, "\(imported.diagnostics.map(\.message))")
        let again = BlueprintCompiler.compile(SourceFile(path: "imported.bp", text: source))
        let yamlAgain = try #require(again.yaml, "\(again.diagnostics.map(\.message))")
        let second = try TestSupport.temporaryFile(yamlAgain, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: second) }
        let equal = try TestSupport.run(kcheck, ["equal", output.path, second.path])
        #expect(equal.status == 0, "\(equal.output)\(equal.errors)")
    }

    @Test func aPlanCarriesTheCondition() throws {
        let file = SourceFile(path: "when.bp", bytes: try [UInt8](Data(contentsOf: Self.fixture)))
        var compilation = Compilation.load(file, identity: "when.bp", from: NoFiles())
        compilation.analyze()
        let plan = try #require(compilation.plan)
        let verify = try #require(plan.action(named: "backup")?.graph.node(named: "verify"))
        #expect(verify.condition == #"and (eq .Options.mode "full") (not (eq .Options.verify "no"))"#)
        #expect(PlanText.describe(verify).hasSuffix(#"when and (eq .Options.mode "full") (not (eq .Options.verify "no"))"#))
        let bytes = try PlanCodec.encode(PlanArtifact(sourcePath: "when.bp", sourceBytes: file.bytes, plan: plan))
        let decoded = try #require(PlanCodec.decode(bytes).artifact)
        #expect(decoded.plan == plan)
    }
}

struct NoFiles: SourceProvider {
    struct Missing: Error {}
    func read(_ path: String) throws -> SourceFile { throw Missing() }
    func identity(of path: String) -> String { path }
}
