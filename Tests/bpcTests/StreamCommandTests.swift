// YAML streams and content detection end to end: lint names the Blueprint in
// every format, import writes one .bp per Blueprint or refuses, run/graph pick
// one with --blueprint, compile refuses YAML in one line, stdin is told by content.

import Foundation
import TestSupport
import Testing

@Suite("bpc with YAML streams")
struct StreamCommandTests {
    static func blueprint(_ name: String, broken: Bool = false) -> String {
        """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: \(name)
        actions:
          backup:
            outputArtifacts:
              cloud:
                keyValue:
                  path: "{{ .Phases.dump.Output.\(broken ? "s3pth" : "path") }}"
            phases:
            - func: KubeTask
              name: dump
              args:
                namespace: "{{ .StatefulSet.Namespace }}"
                image: busybox
                command: [sh, -c, "kando output path /backup"]

        """
    }

    static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"
    static let twoBlueprints = "---\n" + blueprint("first") + "---\n" + configMap + "---\n" + blueprint("second", broken: true)
    static let kubectlList = """
        apiVersion: v1
        items:
        - apiVersion: cr.kanister.io/v1alpha1
          kind: Blueprint
          metadata:
            creationTimestamp: "2024-05-02T10:11:12Z"
            generation: 1
            name: only
            namespace: kanister
            resourceVersion: "48213"
            uid: 4b1d3c0e-8f7a-4c2e-9a51-2f0d6c1e7b3a
          actions:
            backup:
              phases:
              - func: KubeTask
                name: dump
                args:
                  namespace: "{{ .StatefulSet.Namespace }}"
                  image: busybox
                  command: [sh, -c, "echo hi"]
        kind: List
        metadata:
          resourceVersion: ""

        """

    @Test func lintChecksTheSecondBlueprintAndNamesIt() throws {
        let scratch = try Scratch()
        try scratch.write("two.yaml", Self.twoBlueprints)
        let gcc = try scratch.bpc("lint", "--format", "gcc", "two.yaml")
        #expect(gcc.status == 1)
        let lines = gcc.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.contains(": error: ") && $0.contains("(in Blueprint 'second')") }, "\(gcc.output)")
        #expect(lines.contains { $0.contains(": note: skipped: kind ConfigMap") && $0.contains("(in ConfigMap 'settings')") }, "\(gcc.output)")
        #expect(!gcc.output.contains("Blueprint 'first'"))

        let json = try scratch.bpc("lint", "--format", "json", "two.yaml")
        let document = try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any]
        let files = document?["files"] as? [[String: Any]]
        let diagnostics = files?.first?["diagnostics"] as? [[String: Any]] ?? []
        #expect(diagnostics.contains { $0["severity"] as? String == "error" && $0["document"] as? String == "Blueprint 'second'" })

        let sarif = try scratch.bpc("lint", "--format", "sarif", "two.yaml")
        #expect(sarif.output.contains("\"logicalLocations\""))
        #expect(sarif.output.contains("\"name\": \"Blueprint 'second'\"") || sarif.output.contains("\"name\":\"Blueprint 'second'\""))
    }

    @Test func lintReadsStandardInputByContent() throws {
        let scratch = try Scratch()
        let named = try scratch.bpc("lint", "--format", "gcc", "--stdin-filename", "buffer", "-", input: Self.twoBlueprints)
        #expect(named.status == 1)
        #expect(named.output.contains("buffer:") && named.output.contains("(in Blueprint 'second')"), "\(named.output)")
        #expect(!named.output.contains("BP0001") && !named.output.contains("BP1"), "lexer errors: \(named.output)")
        let clean = try scratch.bpc("lint", "-", input: Self.blueprint("a"))
        #expect(clean.status == 0, "\(clean.errors)")
        // A file without an extension holding .bp is .bp.
        try scratch.write("source", CLIFixture.clean)
        #expect(try scratch.bpc("lint", "source").status == 0)
        try scratch.write("yaml-without-extension", Self.blueprint("a", broken: true))
        let yaml = try scratch.bpc("lint", "--format", "gcc", "yaml-without-extension")
        #expect(yaml.status == 1 && yaml.output.contains("s3pth") && !yaml.output.contains("BP0"), "\(yaml.output)")
    }

    @Test func lintChecksTheItemsOfAList() throws {
        let scratch = try Scratch()
        try scratch.write("list.yaml", Self.kubectlList.replacingOccurrences(of: "echo hi", with: "kando output x {{ .Phases.nope.Output.y }}"))
        let result = try scratch.bpc("lint", "--format", "gcc", "list.yaml")
        #expect(result.status == 1)
        #expect(result.output.contains("(in Blueprint 'only')"), "\(result.output)")
    }

    @Test func importWritesOneFilePerBlueprintIntoADirectory() throws {
        let scratch = try Scratch()
        try scratch.write("two.yaml", Self.twoBlueprints.replacingOccurrences(of: "s3pth", with: "path"))
        let result = try scratch.bpc("import", "two.yaml", "-o", "out/")
        #expect(result.status == 0, "\(result.errors)")
        #expect(scratch.read("out/first.bp")?.contains("blueprint first") == true)
        #expect(scratch.read("out/second.bp")?.contains("blueprint second") == true)
        #expect(result.errors.contains("skipped: kind ConfigMap"))
    }

    @Test func importOfSeveralRefusesAFileOrStandardOutput() throws {
        let scratch = try Scratch()
        try scratch.write("two.yaml", Self.twoBlueprints.replacingOccurrences(of: "s3pth", with: "path"))
        for arguments in [["import", "two.yaml"], ["import", "two.yaml", "-o", "one.bp"]] {
            let result = try BPCBinary.run(arguments, in: scratch.url)
            #expect(result.status == 2)
            #expect(result.output.isEmpty)
            #expect(result.errors.contains("holds 2 Blueprints ('first', 'second')"), "\(result.errors)")
        }
        #expect(!scratch.exists("one.bp"))
        let one = try scratch.bpc("import", "two.yaml", "--blueprint", "second")
        #expect(one.status == 0 && one.output.hasPrefix("blueprint second"), "\(one.errors)")
        let unknown = try scratch.bpc("import", "two.yaml", "--blueprint", "third")
        #expect(unknown.status == 2 && unknown.errors.contains("'first', 'second'"))
    }

    @Test func importLeavesServerFieldsOutAndSaysSoInOneLine() throws {
        let scratch = try Scratch()
        let result = try scratch.bpc("import", "-", input: Self.kubectlList)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("blueprint only") && result.output.contains("namespace"))
        #expect(!result.output.contains("uid") && !result.output.contains("resourceVersion"))
        let lines = result.errors.split(separator: "\n")
        #expect(lines.count == 1, "\(result.errors)")
        #expect(lines.first?.contains("metadata.uid") == true && lines.first?.contains("--keep-server-fields") == true)
        let kept = try scratch.bpc("import", "--keep-server-fields", "-", input: Self.kubectlList)
        #expect(kept.status == 0 && kept.output.contains("uid") && kept.errors.isEmpty, "\(kept.errors)")
    }

    @Test func runAndGraphChooseWithBlueprint() throws {
        let scratch = try Scratch()
        try scratch.write("two.yaml", Self.twoBlueprints.replacingOccurrences(of: "s3pth", with: "path"))
        let run = ["run", "two.yaml", "--action", "backup", "--object", "statefulset/db/pg", "--backend", "dry-run"]
        let ambiguous = try BPCBinary.run(run, in: scratch.url)
        #expect(ambiguous.status == 2)
        #expect(ambiguous.errors.contains("--blueprint") && ambiguous.errors.contains("'first', 'second'"), "\(ambiguous.errors)")
        let chosen = try BPCBinary.run(
            ["run", "two.yaml", "--action", "backup", "--object", "statefulset/db/pg", "--blueprint", "second"], in: scratch.url)
        #expect(chosen.status == 0, "\(chosen.errors)")
        // The journal records the choice, for --resume and rollback.
        let runs = scratch.url.appendingPathComponent(".bpc/runs")
        let journals = (try? FileManager.default.contentsOfDirectory(atPath: runs.path)) ?? []
        #expect(journals.count == 1)
        let journal = journals.first.flatMap { scratch.read(".bpc/runs/" + $0) } ?? ""
        #expect(journal.contains("\"blueprint\":\"second\"") || journal.contains("\"blueprint\": \"second\""), "\(journal.prefix(400))")
        let graph = try scratch.bpc("graph", "two.yaml", "--blueprint", "first")
        #expect(graph.status == 0 && graph.output.contains("digraph"), "\(graph.errors)")
        let plan = try scratch.bpc("plan", "two.yaml")
        #expect(plan.status == 2)
    }

    @Test func compileRefusesYAMLInOneLine() throws {
        let scratch = try Scratch()
        try scratch.write("one.yaml", Self.blueprint("a"))
        try scratch.write("two.yaml", Self.twoBlueprints)
        for name in ["one.yaml", "two.yaml"] {
            let before = scratch.read(name)
            let result = try scratch.bpc("compile", name)
            #expect(result.status == 2)
            #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
            #expect(result.errors.contains("bpc import \(name)"), "\(result.errors)")
            #expect(scratch.read(name) == before)
        }
        let stdin = try scratch.bpc("compile", "-", input: Self.blueprint("a"))
        #expect(stdin.status == 2 && stdin.errors.contains("Kanister YAML"))
        let graph = try scratch.bpc("graph", "one.yaml")
        #expect(graph.status == 0, "\(graph.errors)")
    }

    @Test(arguments: [["fmt"], ["fmt", "--check"], ["parse"]])
    func formatAndParseRefuseYAMLInOneLineAndGoOn(_ command: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("one.yaml", Self.blueprint("a"))
        try scratch.write("fine.bp", "blueprint b\n")
        let before = scratch.read("one.yaml")
        let result = try scratch.bpc(command + ["one.yaml", "fine.bp"])
        #expect(result.status == 2)
        #expect(result.errors.split(separator: "\n").count == 1, "\(result.errors)")
        #expect(result.errors.contains("Kanister YAML") && result.errors.contains("bpc import one.yaml"), "\(result.errors)")
        #expect(scratch.read("one.yaml") == before)
        // The .bp after it is still handled.
        #expect(try scratch.bpc(command + ["fine.bp"]).status == 0)
    }
}
