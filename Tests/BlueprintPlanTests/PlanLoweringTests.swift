// Lowering of each construct to the plan graph: sequence, parallel groups,
// finally, data edges from expressions and raw templates, undo by name and
// inline, retry and timeout, defs and lets inlined, unused definitions dropped.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import Testing

@Suite struct PlanLoweringTests {
    static let header = "blueprint b\n"

    /// Sema compares keys as written; two that lower to one YAML key are found by the lowering.
    @Test func keysThatLowerToOneAreADuplicate() {
        let text =
            Self.header + """
                action backup on StatefulSet {
                  phase a: KubeTask { image: "x", command: ["a"], podOverride: { "d-\\(StatefulSet.Name)": 1, "d-{{ .StatefulSet.Name }}": 2 } }
                }
                """
        let (plan, diagnostics) = PlanFixtures.checkedPlan(text)
        #expect(plan == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.duplicateKey], "\(errors.map(\.message))")
        let file = SourceFile(path: "t.bp", text: text)
        #expect(errors.first.map { file.text($0.range) } == "\"d-{{ .StatefulSet.Name }}\"")
        #expect(errors.first?.notes.first.flatMap { $0.range.map { file.text($0) } } == "\"d-\\(StatefulSet.Name)\"")
    }

    @Test func phasesRunInSourceOrder() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["a"] }
                  phase b: KubeTask { image: "x", command: ["b"] }
                  phase c: KubeTask { image: "x", command: ["c"] }
                }
                """)
        #expect(graph.nodes.map(\.name) == ["a", "b", "c"])
        #expect(graph.nodes.map(\.kind) == [.phase, .phase, .phase])
        #expect(PlanFixtures.edges(graph) == ["a -> b: sequence", "b -> c: sequence"])
    }

    @Test func parallelMembersHaveNoEdgesAmongThemselves() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup {
                  phase before: KubeTask { image: "x", command: ["a"] }
                  parallel {
                    phase left: KubeTask { image: "x", command: ["l"] }
                    phase right: KubeTask { image: "x", command: ["r"] }
                  }
                  parallel {
                    phase up: KubeTask { image: "x", command: ["u"] }
                    phase down: KubeTask { image: "x", command: ["d"] }
                  }
                  phase after: KubeTask { image: "x", command: ["b"] }
                }
                """)
        #expect(graph.nodes.map(\.parallelGroup) == [nil, 0, 0, 1, 1, nil])
        #expect(
            PlanFixtures.edges(graph) == [
                "before -> left: sequence", "before -> right: sequence",
                "left -> up: sequence", "left -> down: sequence",
                "right -> up: sequence", "right -> down: sequence",
                "up -> after: sequence", "down -> after: sequence",
            ])
    }

    @Test func finallyFollowsTheLastStage() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup {
                  finally cleanup: KubeTask { image: "x", command: ["c"] }
                  phase a: KubeTask { image: "x", command: ["a"] }
                  parallel {
                    phase b: KubeTask { image: "x", command: ["b"] }
                    phase c: KubeTask { image: "x", command: ["c"] }
                  }
                }
                """)
        #expect(graph.nodes.map(\.name) == ["a", "b", "c", "cleanup"])
        #expect(graph.finallyNode?.name == "cleanup")
        #expect(
            PlanFixtures.edges(graph) == [
                "a -> b: sequence", "a -> c: sequence", "b -> cleanup: finally", "c -> cleanup: finally",
            ])
    }

    @Test func dataEdgesComeFromExpressionsAndRawTemplates() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup {
                  phase dump: KubeTask { image: "x", command: ["kando output path p", "kando output size 1"] }
                  parallel {
                    phase upload: KubeTask { image: "x", command: ["echo \\(dump.output.path)"] }
                    phase check: KubeTask { image: "x", command: ["echo {{ .Phases.dump.Output.size }}"] }
                  }
                  phase report: KubeTask { image: "x", command: ["{{ index .Phases.upload.Output \\"a-b\\" }}", "{{ $.Phases.check.Output.ok }}"] }
                  finally log: KubeTask { image: "x", command: ["{{ .Phases.report.Output.done }}"] }
                }
                """, optimized: false)
        let data = PlanFixtures.edges(graph).filter { $0.contains(": data") }
        #expect(
            data == [
                "dump -> upload: data Output.path", "dump -> check: data Output.size",
                "upload -> report: data Output.a-b", "check -> report: data Output.ok", "report -> log: data Output.done",
            ])
    }

    /// The read is written in the phase's call but lands in the undo clause of
    /// the def: the compensation reads, so the edge goes to it.
    @Test func aCompensationFromADefReadsItsPhaseThroughAParameter() {
        let graph = PlanFixtures.graph(
            Self.header + """
                def scaled(n, back) = ScaleWorkload { namespace: "ns", name: "db", kind: "statefulset", replicas: n } undo ScaleWorkload {
                  namespace: "ns", name: "db", kind: "statefulset", replicas: back
                }
                action backup {
                  phase down: scaled(0, down.output.originalReplicaCount)
                  phase work: KubeTask { image: "x", command: ["echo"] }
                }
                """, optimized: false)
        #expect(PlanFixtures.edges(graph).filter { $0.contains(": data") } == ["down -> down-undo: data Output.originalReplicaCount"])
    }

    @Test func referencesToPhasesWithDashesAreFound() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup {
                  phase "take-dump": KubeTask { image: "x", command: ["kando output path p"] }
                  phase upload: KubeTask { image: "x", command: ["echo {{ (index .Phases \\"take-dump\\").Output.path }}"] }
                }
                """)
        #expect(PlanFixtures.edges(graph) == ["take-dump -> upload: data Output.path"])
    }

    /// In a defined template `$` is the data the template is called with, not the
    /// root: no data edge; in a range body `$` is still the root.
    @Test func dollarInADefinedTemplateIsNotTheRoot() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["kando output x 1"] }
                  phase b: KubeTask { image: "x", command: ["{{ define \\"t\\" }}{{ $.Phases.a.Output.x }}{{ end }}{{ template \\"t\\" .Options }}"] }
                  phase c: KubeTask { image: "x", command: ["{{ block \\"u\\" .Options }}{{ $.Phases.a.Output.x }}{{ end }}"] }
                  phase d: KubeTask { image: "x", command: ["{{ range .Options }}{{ $.Phases.a.Output.x }}{{ end }}"] }
                }
                """, optimized: false)
        #expect(PlanFixtures.edges(graph).filter { $0.contains(": data") } == ["a -> d: data Output.x"])
    }

    @Test func inlineUndoBecomesACompensationNode() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup on StatefulSet {
                  phase down: ScaleWorkload { replicas: 0 } undo ScaleWorkload { replicas: down.output.originalReplicaCount }
                  phase lock: KubeTask { image: "x", command: ["l"] } undo release: KubeTask { image: "x", command: ["r"] }
                }
                """)
        #expect(graph.nodes.map(\.name) == ["down", "down-undo", "lock", "release"])
        #expect(graph.nodes.map(\.kind) == [.phase, .compensation, .phase, .compensation])
        #expect(graph.compensations(of: "down") == ["down-undo"])
        #expect(graph.compensations(of: "lock") == ["release"])
        #expect(
            PlanFixtures.edges(graph) == [
                "down -> lock: sequence", "down -> down-undo: data Output.originalReplicaCount",
                "down -> down-undo: rollback", "lock -> release: rollback",
            ])
        let args = graph.node(named: "down-undo")?.phase.args ?? []
        #expect(args == [KanisterEntry("replicas", .string("{{ .Phases.down.Output.originalReplicaCount }}"))])
    }

    @Test func undoByNameIsARollbackEdgeToALaterPhase() {
        let graph = PlanFixtures.graph(
            Self.header + """
                action backup {
                  phase lock: KubeTask { image: "x", command: ["l"] } undo unlock
                  phase snap: KubeTask { image: "x", command: ["s"] }
                  phase unlock: KubeTask { image: "x", command: ["u"] }
                }
                """)
        #expect(graph.nodes.map(\.kind) == [.phase, .phase, .phase])
        #expect(PlanFixtures.edges(graph) == ["lock -> snap: sequence", "lock -> unlock: rollback", "snap -> unlock: sequence"])
    }

    @Test func retryAndTimeoutAreKeptForTheRuntime() {
        let graph = PlanFixtures.graph(
            Self.header + """
                def copy(path) = KubeTask { image: "x", command: [path] } retry 3
                action backup {
                  phase a: copy("/a") timeout 1h30m
                  phase b: KubeTask { image: "x", command: ["b"] } timeout 500ms retry 0
                }
                """)
        #expect(graph.nodes.map(\.retryCount) == [3, 0])
        #expect(graph.nodes.map(\.timeoutSeconds) == [5400, 0.5])
        #expect(graph.nodes.map(\.runtimeClauseRanges.count) == [2, 2])
    }

    @Test func badRuntimeClausesAreReported() {
        let (_, diagnostics) = PlanFixtures.plan(
            Self.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["a"] } retry 1.5 timeout "soon"
                }
                """)
        #expect(diagnostics.map(\.code) == [.badRuntimeClause, .badRuntimeClause])
    }

    @Test func defsAndLetsAreInlinedAndFolded() {
        let graph = PlanFixtures.graph(
            Self.header + """
                let base = "/backups"
                let where = "\\(base)/\\(StatefulSet.Name)"
                def push(path) = KubeTask { image: "tools", command: ["push", path] }
                action backup on StatefulSet {
                  phase a: push("\\(where)/data")
                }
                """)
        let node = graph.nodes.first
        #expect(node?.phase.function == "KubeTask")
        #expect(
            node?.phase.args == [
                KanisterEntry("image", .string("tools")),
                KanisterEntry("command", .list([.string("push"), .string("/backups/{{ .StatefulSet.Name }}/data")])),
            ])
    }

    @Test func importedDefinitionsAreInlined() throws {
        let library = PlanFixtures.module(
            """
            let image = "ghcr.io/example/tools:1"
            def task(script) = KubeTask { image: image, command: ["sh", "-c", script] } retry 2
            def unused() = KubeTask { image: nowhere.at.all, command: [] }
            """, path: "lib.bp")
        let main = PlanFixtures.module(
            Self.header + """
                import "lib.bp"
                action backup {
                  phase a: task("echo \\(image)")
                }
                """)
        let table = SymbolTable(main: main, imports: [library])
        let model = SemanticChecker.check(table, main: main).model
        let (plan, diagnostics) = PlanBuilder.build(table, semantics: model, sourcePath: "test.bp")
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        let node = try #require(plan.actions.first?.graph.nodes.first)
        #expect(node.retryCount == 2)
        #expect(
            node.phase.args == [
                KanisterEntry("image", .string("ghcr.io/example/tools:1")),
                KanisterEntry("command", .list([.string("sh"), .string("-c"), .string("echo ghcr.io/example/tools:1")])),
            ])
    }

    @Test func unusedDefinitionsNeverReachThePlan() {
        let (plan, diagnostics) = PlanFixtures.plan(
            Self.header + """
                let broken = nosuchname.field
                def unusedDef() = KubeTask { image: nothing.here, command: ["x"] }
                action backup {
                  phase a: KubeTask { image: "x", command: ["a"] }
                }
                """)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(plan.actions.map { $0.graph.nodes.map(\.name) } == [["a"]])
    }

    @Test func compensationNamesMustBeFree() {
        let (_, diagnostics) = PlanFixtures.plan(
            Self.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["a"] } undo b: KubeTask { image: "x", command: ["u"] }
                  phase b: KubeTask { image: "x", command: ["b"] }
                }
                """)
        #expect(diagnostics.map(\.code) == [.duplicatePlanNode])
    }

    @Test func undoOfAnUnknownPhaseIsReported() {
        let (_, diagnostics) = PlanFixtures.plan(
            Self.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["a"] } undo nowhere
                }
                """)
        #expect(diagnostics.map(\.code) == [.undoTarget])
    }

    @Test func twoUnnamedUndosGetDistinctNames() {
        let graph = PlanFixtures.graph(
            Self.header + """
                def guarded() = KubeTask { image: "x", command: ["g"] } undo KubeTask { image: "x", command: ["u1"] }
                action backup {
                  phase a: guarded() undo KubeTask { image: "x", command: ["u2"] }
                }
                """)
        #expect(graph.nodes.map(\.name) == ["a", "a-undo", "a-undo-2"])
        #expect(graph.compensations(of: "a") == ["a-undo", "a-undo-2"])
    }

    @Test func actionFieldsAreLoweredOnce() throws {
        let (plan, _) = PlanFixtures.plan(
            Self.header + """
                action backup on StatefulSet {
                  input old
                  secret creds
                  output result { path: a.output.path }
                  phase a: KubeTask { image: "x", command: ["kando output path \\(old.KeyValue.p)"] }
                }
                """)
        let action = try #require(plan.actions.first)
        #expect(action.fields.kind == "StatefulSet")
        #expect(action.fields.inputArtifactNames == ["old"])
        #expect(action.fields.secretNames == ["creds"])
        #expect(action.fields.outputArtifacts?.first?.keyValue == [KanisterEntry("path", .string("{{ .Phases.a.Output.path }}"))])
        #expect(action.fields.phases == nil && action.fields.deferPhase == nil)
    }
}
