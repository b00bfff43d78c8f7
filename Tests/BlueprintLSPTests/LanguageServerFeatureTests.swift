// The language server's features through the scripted client: diagnostics (the
// same as the pipeline's), hover, completion, navigation, rename, symbols,
// formatting and code actions.

import BlueprintLSP
import BlueprintSema
import BlueprintSyntax
import KanisterYAML
import Testing

enum Fixture {
    static let uri = "file:///work/demo.bp"
    static let source = """
        blueprint demo

        let image = "busybox:1.36"

        action backup on StatefulSet {
          output snap {
            path: dump.output.dumpPath
          }

          phase dump: KubeTask {
            namespace: StatefulSet.Namespace
            image: image
            command: bash \"""
              kando output dumpPath "/backups/\\(StatefulSet.Name)"
              \"""
          }

          phase report: KubeTask {
            namespace: StatefulSet.Namespace
            image: image
            command: ["sh", "-c", "echo {{ .Phases.dump.Output.dumpPath }} && echo \\(dump.output.dumpPath)"]
          }
        }

        action restore on StatefulSet {
          input snap

          phase fetch: KubeTask {
            namespace: StatefulSet.Namespace
            image: image
            command: ["sh", "-c", "echo \\(snap.KeyValue.path)"]
          }
        }

        """

    /// The pipeline's own diagnostics of `text` (what `bpc lint` reports).
    static func pipelineDiagnostics(_ text: String, path: String = "/work/demo.bp") -> [Diagnostic] {
        var compilation = Compilation.load(SourceFile(path: path, text: text), identity: path, from: MemorySources(files: [:]))
        compilation.analyze()
        return compilation.reports.first?.diagnostics.inSourceOrder ?? []
    }
}

@Suite struct LanguageServerDiagnosticsTests {
    @Test func aCleanDocumentPublishesNoDiagnostics() {
        let client = LSPTestClient()
        #expect(Fixture.pipelineDiagnostics(Fixture.source).isEmpty)
        client.open(Fixture.uri, Fixture.source)
        #expect(client.lastDiagnostics(for: Fixture.uri) == [])
    }

    @Test func diagnosticsAreThePipelines() {
        let text = Fixture.source.replacingFirst("image: image\n    command: [", with: "image: imag\n    command: [")
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        let published = client.lastDiagnostics(for: Fixture.uri) ?? []
        let expected = Fixture.pipelineDiagnostics(text)
        #expect(!expected.isEmpty)
        #expect(published.compactMap { $0["code"]?.stringValue } == expected.map(\.code.rawValue))
        #expect(published.first?["message"]?.stringValue?.hasPrefix(expected.first?.message ?? "?") == true)
        #expect(published.first?["source"]?.stringValue == "bpc")
        let (line, character) = LSPTestClient.locate("imag\n", in: text)
        #expect(published.first?["range"]?["start"] == .object([("line", .int(line)), ("character", .int(character))]))
    }

    @Test func notesBecomeRelatedInformation() {
        // A phase defined twice: the second is reported with a note at the first.
        let text = Fixture.source.replacingFirst("phase report:", with: "phase dump:")
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        let diagnostics = client.lastDiagnostics(for: Fixture.uri) ?? []
        let duplicate = diagnostics.first { $0["code"]?.stringValue == "BP2005" }
        #expect(duplicate != nil)
        let related = duplicate?["relatedInformation"]?.arrayValue ?? []
        #expect(related.first?["location"]?["uri"]?.stringValue == Fixture.uri)
        #expect(related.first?["location"]?["range"]?["start"]?["line"]?.intValue == LSPTestClient.locate("phase dump:", in: text).0)
    }

    @Test func utf16PositionsAfterNonASCIIText() {
        // é is one UTF-16 unit (two bytes), 😀 two units (four bytes).
        let text = "blueprint demo\nlet x = \"é😀\" + nope\n"
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        let diagnostics = client.lastDiagnostics(for: Fixture.uri) ?? []
        #expect(!diagnostics.isEmpty)
        let expected = Fixture.pipelineDiagnostics(text)
        let document = TextDocument(uri: Fixture.uri, version: 1, languageID: "bp", text: Array(text.utf8))
        for (published, diagnostic) in zip(diagnostics, expected) {
            let start = document.position(of: diagnostic.range.start)
            #expect(published["range"]?["start"]?["character"]?.intValue == start.character)
            // The character count is in UTF-16 units: the bytes before it minus the extra bytes of é (1) and 😀 (2).
            let line = text.split(separator: "\n")[start.line]
            let prefixBytes = diagnostic.range.start - document.file.lineStarts[start.line]
            let prefix = String(decoding: Array(line.utf8)[0..<prefixBytes], as: UTF8.self)
            #expect(start.character == prefix.utf16.count)
        }
    }

    @Test func positionConversionRoundTrips() {
        let text = "a😀b\né\n\r\nx"
        let document = TextDocument(uri: "file:///x.bp", version: 0, languageID: "bp", text: Array(text.utf8))
        #expect(document.offset(of: LSPPosition(line: 0, character: 1)) == 1)
        #expect(document.offset(of: LSPPosition(line: 0, character: 3)) == 5)
        #expect(document.offset(of: LSPPosition(line: 0, character: 4)) == 6)
        // Past the end of a line: the line's end, not the next line.
        #expect(document.offset(of: LSPPosition(line: 1, character: 40)) == 9)
        #expect(document.position(of: 5) == LSPPosition(line: 0, character: 3))
        #expect(document.position(of: 9) == LSPPosition(line: 1, character: 1))
        #expect(document.offset(of: LSPPosition(line: 3, character: 0)) == 12)
        #expect(document.offset(of: LSPPosition(line: 99, character: 0)) == text.utf8.count)
    }

    @Test func incrementalEditsIntroduceAndFixAnError() {
        let client = LSPTestClient()
        client.open(Fixture.uri, Fixture.source)
        // "image: image" in the first phase -> "image: imagex".
        let (line, character) = LSPTestClient.locate("image: image", in: Fixture.source, shift: "image: image".utf16.count)
        let broken = client.change(Fixture.uri, version: 2, from: (line, character), to: (line, character), "x")
        let diagnostics = LSPTestClient.diagnostics(for: Fixture.uri, in: broken) ?? []
        #expect(diagnostics.map { $0["code"]?.stringValue } == ["BP2020"])
        #expect(diagnostics.first?["message"]?.stringValue?.contains("imagex") == true)
        let fixed = client.change(Fixture.uri, version: 3, from: (line, character), to: (line, character + 1), "")
        #expect(LSPTestClient.diagnostics(for: Fixture.uri, in: fixed) == [])
    }

    @Test func incrementalEditAfterAnEmojiLandsOnTheRightCharacter() {
        let text = "blueprint demo\n# 😀 a\nlet x = 1\n"
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        // Replace "a" after the emoji (character 5 in UTF-16: '#', ' ', 2 units, ' ').
        client.change(Fixture.uri, version: 2, from: (1, 5), to: (1, 6), "bé")
        // Then break line 2 to check the text is what the client believes.
        let replies = client.change(Fixture.uri, version: 3, from: (2, 8), to: (2, 9), "y")
        let diagnostics = LSPTestClient.diagnostics(for: Fixture.uri, in: replies) ?? []
        let expected = Fixture.pipelineDiagnostics("blueprint demo\n# 😀 bé\nlet x = y\n")
        #expect(diagnostics.compactMap { $0["code"]?.stringValue } == expected.map(\.code.rawValue))
        #expect(!expected.isEmpty)
        let format = client.request(
            "textDocument/formatting", #"{"textDocument": {"uri": "\#(Fixture.uri)"}, "options": {"tabSize": 2, "insertSpaces": true}}"#)
        #expect(format["error"] == nil)
    }

    @Test func aFullChangeReplacesTheText() {
        let client = LSPTestClient()
        client.open(Fixture.uri, Fixture.source)
        let replies = client.notify(
            "textDocument/didChange",
            #"{"textDocument": {"uri": "\#(Fixture.uri)", "version": 2}, "contentChanges": [{"text": "blueprint x\nlet a = b\n"}]}"#)
        // `b` is never read (the let is unused): only the warning.
        #expect(LSPTestClient.diagnostics(for: Fixture.uri, in: replies)?.map { $0["code"]?.stringValue } == ["BP2103"])
        #expect(replies.last?["params"]?["version"]?.intValue == 2)
    }

    /// The codes of the errors among diagnostics.
    static func errorCodes(_ diagnostics: [JSONValue]?) -> [String?]? {
        diagnostics?.filter { $0["severity"] == .int(1) }.map { $0["code"]?.stringValue }
    }

    @Test func aChangeToAnImportRechecksTheImporter() {
        let main = """
            blueprint demo
            import "lib.bp"
            action backup on StatefulSet {
              phase p: KubeTask {
                image: shared
                command: ["true"]
              }
            }

            """
        let libURI = "file:///work/lib.bp"
        // On disk the library lacks `shared`; the open buffer has it and wins.
        let client = LSPTestClient(disk: ["/work/lib.bp": "let other = 1\n"])
        client.open(Fixture.uri, main)
        #expect(Self.errorCodes(client.lastDiagnostics(for: Fixture.uri)) == ["BP2020"])
        client.open(libURI, "let shared = 1\n")
        #expect(client.lastDiagnostics(for: Fixture.uri)?.filter { $0["severity"] == .int(1) } == [])
        // Editing the library re-checks the main file.
        let replies = client.change(libURI, version: 2, from: (0, 4), to: (0, 10), "renamed")
        #expect(Self.errorCodes(LSPTestClient.diagnostics(for: Fixture.uri, in: replies)) == ["BP2020"])
        // Closing it falls back to the disk.
        let closed = client.notify("textDocument/didClose", #"{"textDocument": {"uri": "\#(libURI)"}}"#)
        #expect(LSPTestClient.diagnostics(for: libURI, in: closed) == [])
        #expect(Self.errorCodes(LSPTestClient.diagnostics(for: Fixture.uri, in: closed)) == ["BP2020"])
    }

    @Test func otherYAMLIsLeftAlone() {
        let client = LSPTestClient()
        let uri = "file:///work/deployment.yaml"
        client.open(uri, "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n", language: "yaml")
        #expect(client.lastDiagnostics(for: uri) == [])
        client.open("file:///work/broken.yaml", "a: [\n", language: "yaml")
        #expect(client.lastDiagnostics(for: "file:///work/broken.yaml")?.count == 1)
    }

    @Test func kanisterYAMLIsLinted() {
        let yaml = """
            apiVersion: cr.kanister.io/v1alpha1
            kind: Blueprint
            metadata:
              name: demo
            actions:
              backup:
                phases:
                - func: KubeTaskk
                  name: dump
                  args:
                    namespace: ns
                    image: busybox
                    command: ["true"]

            """
        let client = LSPTestClient()
        let uri = "file:///work/demo.yaml"
        client.open(uri, yaml, language: "yaml")
        let diagnostics = client.lastDiagnostics(for: uri) ?? []
        #expect(
            diagnostics.compactMap { $0["code"]?.stringValue }
                == BlueprintLinter.lint(bytes: Array(yaml.utf8), path: "/work/demo.yaml").inSourceOrder.map(\.code.rawValue))
        #expect(diagnostics.first?["code"]?.stringValue == "BP2001")
        #expect(diagnostics.first?["range"]?["start"]?["line"]?.intValue == 7)
    }
}

extension String {
    func replacingFirst(_ needle: String, with replacement: String) -> String {
        guard let range = range(of: needle) else {
            Issue.record("'\(needle)' not in the text")
            return self
        }
        return String(self[..<range.lowerBound]) + replacement + String(self[range.upperBound...])
    }
}
