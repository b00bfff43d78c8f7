// Phases the YAML leaves unnamed (Kanister's name is optional): import gives
// them a readable .bp name and the `unnamed` clause, compile leaves the name
// out again, and Sema refuses reads that Kanister could not resolve.

import BlueprintSyntax
import KanisterYAML
import Testing

@Suite struct UnnamedPhaseTests {
    static let yaml = """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: b
        actions:
          backup:
            outputArtifacts:
              result:
                keyValue:
                  done: '{{ .DeferPhase.Output.done }}'
            phases:
            - func: KubeTask
              args:
                image: busybox
                command: [echo, one]
            - func: KubeTask
              name: kubeTask
              args:
                image: busybox
                command: [echo, two]
            - func: KubeTask
              args:
                image: busybox
                command: [echo, three]
            deferPhase:
              func: KubeTask
              args:
                image: busybox
                command: [sh, -c, 'kando output done yes']

        """

    /// The phases of the `backup` action of compiled `yaml`, and its deferPhase, as mappings.
    static func phases(ofCompiled yaml: String) throws -> (phases: [YAMLMapping], deferPhase: YAMLMapping?) {
        let documents = try YAMLReader.parse(yaml).get()
        let action = try #require(documents.first?.mapping?["actions"]?.mapping?["backup"]?.mapping)
        let phases = action["phases"]?.sequence?.items.compactMap { $0.mapping } ?? []
        return (phases, action["deferPhase"]?.mapping)
    }

    @Test(arguments: [false, true]) func importNamesThemAndCompileLeavesTheNamesOut(literal: Bool) throws {
        let imported = BlueprintImporter.importBlueprint(Array(Self.yaml.utf8), literal: literal)
        let source = try #require(imported.source, "\(imported.diagnostics.map(\.message))")
        #expect(!source.contains("\"\":"))
        // Named after the function, unique beside the phase that is called kubeTask.
        #expect(source.contains("phase kubeTask2: KubeTask"))
        #expect(source.contains("phase kubeTask3: KubeTask"))
        #expect(source.contains("finally kubeTask4: KubeTask"))
        #expect(source.components(separatedBy: " unnamed\n").count == 4)
        // The deferPhase's output is read by the readable name (written back as .DeferPhase).
        #expect(source.contains("kubeTask4.output.done"))

        let compiled = BlueprintCompiler.compile(SourceFile(path: "import.bp", text: source))
        #expect(!compiled.diagnostics.contains { $0.severity == .error }, "\(compiled.diagnostics.map(\.message))")
        let yaml = String(decoding: try #require(compiled.yaml), as: UTF8.self)
        let (phases, deferPhase) = try Self.phases(ofCompiled: yaml)
        #expect(phases.map { $0["name"]?.scalar?.value } == [nil, "kubeTask", nil])
        #expect(deferPhase != nil && deferPhase?["name"] == nil)
        #expect(yaml.contains("'{{ .DeferPhase.Output.done }}'") || yaml.contains("\"{{ .DeferPhase.Output.done }}\""))
        // Imported again, the compiled YAML compiles to itself.
        let again = try #require(BlueprintImporter.importBlueprint(Array(yaml.utf8), literal: literal).source)
        #expect(!again.contains("\"\":"))
        #expect(BlueprintCompiler.compile(SourceFile(path: "import.bp", text: again)).yaml.map { String(decoding: $0, as: UTF8.self) } == yaml)
    }

    func diagnostics(_ text: String) -> [Diagnostic] {
        BlueprintCompiler.compile(SourceFile(path: "u.bp", text: text)).diagnostics
    }

    @Test func readingAnUnnamedPhaseIsAnErrorAtTheRead() throws {
        let text = """
            blueprint u
            action a {
              phase p: KubeTask { image: "x", command: ["sh", "-c", "kando output k v"] } unnamed
              phase q: KubeTask { image: "x", command: ["echo", p.output.k, "{{ .Phases.p.Output.k }}"] }
            }
            """
        let found = diagnostics(text).filter { $0.code == .unnamedPhaseRead }
        #expect(found.count == 2)
        let read = try #require(text.range(of: "p.output.k"))
        #expect(found.contains { $0.range.start == text.utf8.distance(from: text.startIndex, to: read.lowerBound) })
        #expect(found.allSatisfy { $0.notes.first?.message == "'p' is declared here" })
    }

    @Test func theFinallyPhaseStaysReadableFromOutputArtifacts() {
        let text = """
            blueprint u
            action a {
              phase p: KubeTask { image: "x", command: ["echo"] } unnamed
              finally f: KubeTask { image: "x", command: ["sh", "-c", "kando output z v"] } unnamed
              output o { z: f.output.z }
            }
            """
        #expect(diagnostics(text).filter { $0.severity == .error }.isEmpty)
    }

    @Test func unnamedInADefIsRefusedWhereItIsWritten() throws {
        let text = """
            blueprint u
            def d = KubeTask { image: "x", command: ["echo"] } unnamed
            action a {
              phase p: d
            }
            """
        let found = diagnostics(text).filter { $0.code == .badClause }
        #expect(found.count == 1)
        let clause = try #require(text.range(of: "unnamed"))
        #expect(found.first?.range.start == text.utf8.distance(from: text.startIndex, to: clause.lowerBound))
    }

    @Test func theClauseFormatsAndParsesBack() {
        let text = "blueprint u\n\naction a {\n  phase p: KubeTask { image: \"x\", command: [\"echo\"] }   unnamed\n}\n"
        let formatted = SourceFormatter.format(SourceFile(path: "u.bp", text: text)).text
        #expect(formatted?.contains("command: [\"echo\"] } unnamed\n") == true)
        // A phase may still be called unnamed.
        let named = "blueprint u\naction a {\n  phase unnamed: KubeTask { image: \"x\", command: [\"echo\"] }\n}\n"
        #expect(diagnostics(named).filter { $0.severity == .error }.isEmpty)
    }
}
