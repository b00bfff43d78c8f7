// Quick fixes that declare what a phase reads (`input X`, `secret X`) or pipe
// bytes through `toString`: the checks' fix-its, offered as code actions; applied,
// the diagnostic is gone. None inserts .bp text into a YAML blueprint.

import BlueprintLSP
import BlueprintSyntax
import KanisterYAML
import Testing

@Suite struct QuickFixTests {
    static let uri = "file:///work/fix.bp"
    static let source = """
        blueprint fixes

        action restore on StatefulSet {
          phase use: KubeTask {
            image: "busybox"
            command: ["echo", "{{ .ArtifactsIn.snap.KeyValue.path }}", "{{ .Secrets.creds.Data.user | toString }}"]
          }
        }

        """

    /// The code actions offered for the diagnostic of `code`, applied one at a time.
    func fix(_ code: String, title: String) throws {
        let client = LSPTestClient()
        client.open(Self.uri, Self.source)
        let diagnostics = try #require(client.lastDiagnostics(for: Self.uri))
        let diagnostic = try #require(diagnostics.first { $0["code"]?.stringValue == code }, "\(diagnostics)")
        let range = try #require(diagnostic["range"])
        let answer = client.request(
            "textDocument/codeAction",
            #"{"textDocument": {"uri": "\#(Self.uri)"}, "range": \#(range.printed()), "context": {"diagnostics": [\#(diagnostic.printed())]}}"#)
        let actions = answer["result"]?.arrayValue ?? []
        let action = try #require(actions.first { $0["title"]?.stringValue?.contains(title) == true }, "\(actions.map { $0["title"] })")
        #expect(action["kind"]?.stringValue == "quickfix")
        let edits = try #require(action["edit"]?["changes"]?[Self.uri]?.arrayValue)
        let fixed = LSPTestClient.apply(edits, to: Self.source)
        let replies = client.notify(
            "textDocument/didChange",
            #"{"textDocument": {"uri": "\#(Self.uri)", "version": 2}, "contentChanges": [{"text": \#(LSPTestClient.quoted(fixed))}]}"#)
        let after = try #require(LSPTestClient.diagnostics(for: Self.uri, in: replies))
        #expect(!after.contains { $0["code"]?.stringValue == code }, "\(fixed)\n\(after)")
    }

    @Test func addInput() throws { try fix("BP2010", title: "Insert 'input snap'") }

    @Test func declareSecret() throws { try fix("BP2012", title: "Insert 'secret creds'") }

    @Test func pipeThroughToString() throws {
        let client = LSPTestClient()
        let text = Self.source.replacing("restore on StatefulSet {\n", with: "restore on StatefulSet {\n  secret creds\n  input snap\n")
            .replacing(" | toString }}", with: " }}")
        client.open(Self.uri, text)
        let diagnostics = try #require(client.lastDiagnostics(for: Self.uri))
        #expect(diagnostics.contains { $0["code"]?.stringValue == "BP2056" }, "\(diagnostics)")
        let answer = client.request("textDocument/codeAction", #"{"textDocument": {"uri": "\#(Self.uri)"}, "context": {"diagnostics": []}}"#)
        let titles = (answer["result"]?.arrayValue ?? []).compactMap { $0["title"]?.stringValue }
        #expect(titles.contains("Insert '| toString' (BP2056)"), "\(titles)")
    }

    /// A YAML blueprint's syntax tree is built from YAML: no `input` line is offered for it.
    @Test func noDeclarationIsOfferedInYAML() {
        let yaml = """
            apiVersion: cr.kanister.io/v1alpha1
            kind: Blueprint
            metadata:
              name: b
            actions:
              restore:
                phases:
                - func: KubeTask
                  name: use
                  args:
                    image: busybox
                    command: ["echo", "{{ .ArtifactsIn.snap.KeyValue.path }}"]

            """
        let diagnostics = BlueprintLinter.lint(bytes: Array(yaml.utf8), path: "b.yaml")
        #expect(diagnostics.contains { $0.code.rawValue == "BP2010" }, "\(diagnostics.map(\.message))")
        #expect(diagnostics.allSatisfy { $0.fixIts.allSatisfy { !$0.replacement.contains("input") } })
    }
}
