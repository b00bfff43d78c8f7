// What Kanister cannot say: compensations go to a companion `<action>-rollback`
// action in reverse order, their templates rewritten (outputs of the main
// action's phases become options, secrets take the object along), and the
// result still passes kcheck.

import BlueprintPlan
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct RollbackTests {
    static let fixture = PlanFixtures.directory.appendingPathComponent("rollback/several-undos.bp")

    func compile(_ text: String) -> (blueprint: KanisterBlueprint?, diagnostics: [Diagnostic]) {
        let analysis = BlueprintCompiler.analyze(main: PlanFixtures.module(text))
        return (analysis.blueprint, analysis.diagnostics)
    }

    @Test func compensationsRunInReverseOrder() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let (blueprint, diagnostics) = compile(text)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let actions = try #require(blueprint?.actions)
        #expect(actions.map(\.name) == ["backup", "backup-rollback"])
        #expect(actions[0].phases?.map(\.name) == ["quiesce", "lock", "snapshot", "flush", "unlock"])
        #expect(actions[0].deferPhase?.name == "record")
        let rollback = actions[1]
        #expect(rollback.phases?.map(\.name) == ["unlock-rollback", "dropSnapshot", "quiesce-undo"])
        #expect(rollback.kind == "StatefulSet")
        #expect(rollback.deferPhase == nil && rollback.outputArtifacts == nil)
    }

    @Test func templatesAreRewrittenForTheRollbackAction() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let rollback = try #require(compile(text).blueprint?.actions.last?.phases)
        let undo = try #require(rollback.last)
        #expect(undo.args.last == KanisterEntry("replicas", .string("{{ .Options.quiesce_originalReplicaCount }}")))
        let drop = try #require(rollback.first { $0.name == "dropSnapshot" })
        #expect(drop.objects.map(\.name) == ["creds"])
        guard case .list(let command) = drop.args.last?.value, case .string(let script) = command.last else {
            Issue.record("no script")
            return
        }
        #expect(script.contains(#"{{ index .Phases.dropSnapshot.Secrets.creds.Data "token" | toString }}"#))
        #expect(script.contains("{{ .Options.snapshot_id }}"))
        #expect(!script.contains(".Phases.snapshot"))
    }

    @Test func theHeaderTellsWhichOptionsToPass() throws {
        let text = try String(contentsOf: Self.fixture, encoding: .utf8)
        let notes = try #require(compile(text).blueprint?.notes)
        #expect(notes.first == "backup-rollback undoes a failed backup: its compensations, latest first. Run it as an")
        #expect(notes.last == "  snapshot_id, quiesce_originalReplicaCount")
    }

    @Test func theRollbackActionPassesKCheck() throws {
        let kcheck = try TestSupport.kcheck.get()
        let file = SourceFile(path: "several-undos.bp", bytes: try [UInt8](Data(contentsOf: Self.fixture)))
        let compiled = BlueprintCompiler.compile(file)
        let yaml = try #require(compiled.yaml, "\(compiled.diagnostics.map(\.message))")
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try TestSupport.run(kcheck, ["validate", "-strict", output.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
    }

    struct RewriteCase: Sendable, CustomStringConvertible {
        var template: String
        var expected: String
        var description: String { template }
    }

    static let rewrites: [RewriteCase] = [
        RewriteCase(template: "{{ .Phases.a.Output.k }}", expected: "{{ .Options.a_k }}"),
        RewriteCase(template: "{{ .Phases.a.Output.k | quote }}", expected: "{{ .Options.a_k | quote }}"),
        RewriteCase(template: #"{{ index .Phases.a.Output "k-2" }}"#, expected: #"{{ index .Options "a_k-2" }}"#),
        RewriteCase(template: #"{{ index .Phases "a" "Output" "k" }}"#, expected: #"{{ index .Options "a_k" }}"#),
        RewriteCase(template: #"{{ (index .Phases "take-dump").Output.path }}"#, expected: #"{{ (index .Options "take-dump_path") }}"#),
        RewriteCase(template: "{{ $.Phases.a.Output.k }}", expected: "{{ $.Options.a_k }}"),
        RewriteCase(
            template: #"{{ with .Options.x }}{{ index $.Phases.a.Output "k" }}{{ .Phases }}{{ end }}"#,
            expected: #"{{ with .Options.x }}{{ index $.Options "a_k" }}{{ .Phases }}{{ end }}"#),
        RewriteCase(
            template: "{{ range .Phases.a.Output.k }}{{ .Phases.a.Output.k }}{{ end }}",
            expected: "{{ range .Options.a_k }}{{ .Phases.a.Output.k }}{{ end }}"),
        RewriteCase(template: "{{ if .Phases.a.Output.k }}x{{ end }}", expected: "{{ if .Options.a_k }}x{{ end }}"),
        RewriteCase(template: "plain {{ .Options.other }}", expected: "plain {{ .Options.other }}"),
    ]

    @Test(arguments: rewrites)
    func outputReferencesBecomeOptions(_ testCase: RewriteCase) throws {
        let (plan, _) = PlanFixtures.plan(
            PlanLoweringTests.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["kando output k 1"] }
                  phase "take-dump": KubeTask { image: "x", command: ["kando output path p"] }
                  phase b: KubeTask { image: "x", command: ["b"] } undo KubeTask { image: "x", command: [\(goString(testCase.template))] }
                }
                """)
        let (blueprint, diagnostics) = PlanKanister.blueprint(from: plan)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let phase = try #require(blueprint.actions.last?.phases?.first)
        #expect(phase.name == "b-undo")
        #expect(phase.args.last?.value == .list([.string(testCase.expected)]))
    }

    func goString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    @Test func aCompensationThatCannotGetItsValuesIsLeftOut() throws {
        let (plan, _) = PlanFixtures.plan(
            PlanLoweringTests.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["kando output k 1"] } undo KubeTask { image: "x", command: ["{{ toJson .Phases.a.Output }}"] }
                  phase b: KubeTask { image: "x", command: ["b"] } undo KubeTask { image: "x", command: ["{{ .DeferPhase.Output.x }}"] }
                  phase c: KubeTask { image: "x", command: ["c"] } undo KubeTask { image: "x", command: ["{{ .Phases.a.Output.k }}"] }
                  finally f: KubeTask { image: "x", command: ["kando output x 1"] }
                }
                """)
        let (blueprint, diagnostics) = PlanKanister.blueprint(from: plan)
        #expect(diagnostics.map(\.code) == [.rollbackValue, .rollbackValue])
        #expect(
            diagnostics.map(\.message) == [
                "compensation 'b-undo' is left out of action 'backup-rollback': it reads the finally phase (.DeferPhase); 'bpc run' still runs it",
                "compensation 'a-undo' is left out of action 'backup-rollback': it reads 'a' as a whole, not one output, secret or configmap; 'bpc run' still runs it",
            ])
        #expect(blueprint.actions.last?.phases?.map(\.name) == ["c-undo"])
    }

    @Test func rollbackNamesMustBeFree() {
        let (plan, _) = PlanFixtures.plan(
            PlanLoweringTests.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["a"] } undo b
                  phase b: KubeTask { image: "x", command: ["b"] }
                }
                action other {
                  phase "b-rollback": KubeTask { image: "x", command: ["o"] }
                }
                action "other-rollback" {
                  phase z: KubeTask { image: "x", command: ["z"] }
                }
                """)
        var (_, diagnostics) = PlanKanister.blueprint(from: plan)
        #expect(diagnostics.map(\.code) == [.rollbackName])
        var renamed = plan
        renamed.actions[1].graph = PlanGraph(
            nodes: renamed.actions[1].graph.nodes, edges: [PlanEdge(from: "b-rollback", to: "b-rollback", kind: .rollback)])
        (_, diagnostics) = PlanKanister.blueprint(from: renamed)
        #expect(diagnostics.map(\.code).contains(.rollbackAction))
    }
}
