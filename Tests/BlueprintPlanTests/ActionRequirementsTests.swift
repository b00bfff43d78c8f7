// What an ActionSet must give an action: options read without a default (the
// option-with-default idiom and `index` reads are optional), computed reads,
// declared secrets, configmaps and inputs; rollback options of `<action>-rollback`.

import BlueprintPlan
import BlueprintSyntax
import KanisterYAML
import Testing

@Suite struct ActionRequirementsTests {
    func requirements(_ text: String, action: String = "backup") throws -> ActionRequirements {
        let analysis = BlueprintCompiler.analyze(main: PlanFixtures.module(text))
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let blueprint = try #require(analysis.blueprint)
        return ActionRequirements.of(try #require(blueprint.actions.first { $0.name == action }))
    }

    @Test func optionsWithoutADefaultAreRequired() throws {
        let found = try requirements(
            """
            blueprint b
            action backup {
              output result { where: "{{ .Options.target }}" }
              phase one: KubeTask {
                image: option("image", default: "busybox")
                command: ["echo", "{{ .Options.a }}", "{{ index .Options \\"b\\" }}", "{{ if index .Options \\"c\\" }}{{ .Options.c }}{{ end }}"]
              }
              phase two: KubeTask {
                image: "x"
                command: ["echo", "{{ if index .Options \\"c\\" }}{{ .Options.d }}{{ end }}", "{{ .Options.a }}", "{{ $.Options.e }}"]
              }
            }
            """)
        #expect(found.requiredOptions.map(\.name) == ["a", "d", "e", "target"])
        #expect(found.requiredOptions.first?.readers == ["one", "two"])
        #expect(found.requiredOptions.last?.readers == ["outputArtifacts"])
        #expect(found.optionalOptions.sorted() == ["b", "c", "image"])
        #expect(!found.readsComputedOptions)
    }

    @Test func wholeOrComputedReadsAreNoted() throws {
        let found = try requirements(
            """
            blueprint b
            action backup {
              secret creds
              configmap settings
              input previous: { path }
              phase one: KubeTask { image: "x", command: ["echo", "{{ toJson .Options }}", previous.KeyValue.path] }
            }
            """)
        #expect(found.requiredOptions.isEmpty)
        #expect(found.readsComputedOptions)
        #expect(found.secretNames == ["creds"])
        #expect(found.configMapNames == ["settings"])
        #expect(found.inputArtifactNames == ["previous"])
    }

    @Test func theRollbackActionNeedsTheOutputsItCarries() throws {
        let found = try requirements(
            """
            blueprint b
            action backup on StatefulSet {
              phase scale: ScaleWorkload { replicas: 0 } undo ScaleWorkload { replicas: scale.output.originalReplicaCount }
            }
            """, action: "backup-rollback")
        #expect(found.requiredOptions.map(\.name) == ["scale_originalReplicaCount"])
        #expect(found.requiredOptions.first?.readers == ["scale-undo"])
    }
}
