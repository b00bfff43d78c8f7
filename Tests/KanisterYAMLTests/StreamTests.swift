// Multi-document YAML and `kind: List`: every Blueprint is linted and imported,
// with positions in the original file (CRLF and a BOM too), other kinds skipped
// with a note, server-set fields left out, and a `---` in a block scalar kept.

import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

/// Small Blueprints for streams: `broken` reads an output its phase does not print.
enum StreamFixture {
    static func blueprint(_ name: String, broken: Bool = false, comment: String? = nil) -> String {
        let key = broken ? "s3pth" : "path"
        return """
            apiVersion: cr.kanister.io/v1alpha1
            kind: Blueprint
            metadata:
              name: \(name)
            \(comment.map { "# \($0)\n" } ?? "")actions:
              backup:
                outputArtifacts:
                  cloud:
                    keyValue:
                      path: "{{ .Phases.dump.Output.\(key) }}"
                phases:
                - func: KubeTask
                  name: dump
                  args:
                    namespace: "{{ .StatefulSet.Namespace }}"
                    image: busybox
                    command:
                    - sh
                    - -c
                    - kando output path /backup

            """
    }

    static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  a: b\n"
    static let actionSet = "apiVersion: cr.kanister.io/v1alpha1\nkind: ActionSet\nmetadata:\n  name: backup-x\nspec: {}\n"

    static func stream(_ documents: [String]) -> String {
        documents.map { "---\n" + $0 }.joined()
    }

    /// What the API server adds to a Blueprint's metadata, as `kubectl get -o yaml` prints it.
    static let serverMetadata = """
          annotations:
            kubectl.kubernetes.io/last-applied-configuration: |
              {"apiVersion":"cr.kanister.io/v1alpha1","kind":"Blueprint","metadata":{"annotations":{},"name":"x","namespace":"kanister"}}
          creationTimestamp: "2024-05-02T10:11:12Z"
          generation: 1
          managedFields:
          - apiVersion: cr.kanister.io/v1alpha1
            fieldsType: FieldsV1
            fieldsV1:
              f:actions:
                .: {}
                f:backup:
                  .: {}
            manager: kubectl-client-side-apply
            operation: Update
            time: "2024-05-02T10:11:12Z"
          resourceVersion: "48213"
          selfLink: /apis/cr.kanister.io/v1alpha1/namespaces/kanister/blueprints/x
          uid: 4b1d3c0e-8f7a-4c2e-9a51-2f0d6c1e7b3a

        """

    /// `text` as `kubectl get` prints it: the server's fields after `metadata:`.
    static func withServerFields(_ text: String) -> String {
        text.replacingOccurrences(of: "\nmetadata:\n", with: "\nmetadata:\n" + serverMetadata)
    }

    /// The documents as the items of a `kind: List`, as `kubectl get blueprints -o yaml` prints them.
    static func list(_ documents: [String]) -> String {
        var out = "apiVersion: v1\nitems:\n"
        for document in documents {
            let lines = document.split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != "---" }
            // Blank lines stay blank (they belong to block scalars); the first line opens the item.
            var isFirst = true
            for line in lines {
                guard !line.isEmpty else {
                    if !isFirst { out += "\n" }
                    continue
                }
                out += (isFirst ? "- " : "  ") + line + "\n"
                isFirst = false
            }
        }
        return out + "kind: List\nmetadata:\n  resourceVersion: \"\"\n"
    }
}

@Suite struct StreamLintTests {
    /// Lines (1-based) where `needle` occurs in `text`.
    static func lines(of needle: String, in text: String) -> [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains(needle) }.map { $0.offset + 1 }
    }

    @Test(arguments: [1, 2, 10])
    func everyBlueprintOfAStreamIsChecked(count: Int) {
        // Every other Blueprint is broken: each is reported, at its own line.
        let names = (0..<count).map { "bp-\($0)" }
        let text = StreamFixture.stream(names.enumerated().map { StreamFixture.blueprint($0.element, broken: $0.offset % 2 == 1 || count == 1) })
        let file = SourceFile(path: "stream.yaml", text: text)
        let analysis = BlueprintLinter.analyze(file)
        #expect(analysis.documents.count == count)
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        let expectedLines = Self.lines(of: "s3pth", in: text)
        #expect(errors.count == expectedLines.count, "\(errors.map(\.message))")
        #expect(errors.map { file.location(of: $0.range.start).line } == expectedLines)
        if count > 1 {
            let broken = names.enumerated().filter { $0.offset % 2 == 1 }.map { "Blueprint '\($0.element)'" }
            #expect(errors.map(\.document) == broken)
        } else {
            #expect(errors.allSatisfy { $0.document == nil })
        }
    }

    @Test func theSecondBlueprintIsNotIgnored() {
        let text = StreamFixture.stream([StreamFixture.blueprint("a"), StreamFixture.blueprint("b", broken: true)])
        let diagnostics = BlueprintLinter.lint(bytes: Array(text.utf8), path: "two.yaml")
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.document == "Blueprint 'b'")
        #expect(error?.message.contains("s3pth") == true)
    }

    @Test func otherKindsAreSkippedWithOneNoteEach() {
        let text = StreamFixture.stream([StreamFixture.configMap, StreamFixture.blueprint("a", broken: true), StreamFixture.actionSet])
        let file = SourceFile(path: "mixed.yaml", text: text)
        let diagnostics = BlueprintLinter.analyze(file).diagnostics
        let notes = diagnostics.filter { $0.code == .skippedObject }
        #expect(notes.map(\.severity) == [.note, .note])
        #expect(notes.map(\.document) == ["ConfigMap 'settings'", "ActionSet 'backup-x'"])
        #expect(notes.map { file.text($0.range) } == ["ConfigMap", "ActionSet"])
        #expect(diagnostics.filter { $0.severity == .error }.count == 1)
        // In file order: the ConfigMap's note, the Blueprint's error, the ActionSet's note.
        #expect(diagnostics.map(\.code.rawValue).first == "BP4007" && diagnostics.last?.code == .skippedObject)
    }

    @Test func aFileWithoutAnyBlueprintIsStillAnError() {
        let text = StreamFixture.stream([StreamFixture.configMap, StreamFixture.actionSet])
        let diagnostics = BlueprintLinter.lint(bytes: Array(text.utf8), path: "none.yaml")
        #expect(diagnostics.map(\.code) == [.notBlueprint])
        #expect(diagnostics.first?.message.contains("kind: ConfigMap") == true)
    }

    @Test func theItemsOfAListAreChecked() {
        let text = StreamFixture.list([
            StreamFixture.withServerFields(StreamFixture.blueprint("a")),
            StreamFixture.withServerFields(StreamFixture.blueprint("b", broken: true)),
        ])
        let file = SourceFile(path: "list.yaml", text: text)
        let analysis = BlueprintLinter.analyze(file)
        #expect(analysis.documents.map(\.object.name) == ["a", "b"])
        let errors = analysis.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1, "\(analysis.diagnostics.map(\.message))")
        #expect(errors.map { file.location(of: $0.range.start).line } == Self.lines(of: "s3pth", in: text))
        #expect(errors.first?.document == "Blueprint 'b'")
        // The server's fields are not a problem for lint.
        #expect(analysis.diagnostics.filter { $0.severity == .warning }.isEmpty, "\(analysis.diagnostics.map(\.message))")
    }

    @Test func crlfAndAByteOrderMarkKeepPositions() {
        let text = StreamFixture.stream([StreamFixture.blueprint("a"), StreamFixture.blueprint("b", broken: true)])
        let plain = SourceFile(path: "lf.yaml", text: text)
        let crlf = SourceFile(path: "crlf.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        let expected = BlueprintLinter.analyze(plain).diagnostics.map { "\(plain.location(of: $0.range.start)) \($0.code)" }
        let found = BlueprintLinter.analyze(crlf).diagnostics.map { "\(crlf.location(of: $0.range.start)) \($0.code)" }
        #expect(!expected.isEmpty)
        #expect(found == expected)
        #expect(BlueprintLinter.analyze(crlf).documents.count == 2)
    }

    @Test func aSeparatorInsideABlockScalarDoesNotSplit() throws {
        let script = "        - |\n          echo start\n          ---\n          kando output path /backup\n"
        let text = StreamFixture.blueprint("a").replacingOccurrences(of: "        - kando output path /backup\n", with: script)
        #expect(text.contains("\n          ---\n"))
        let stream = try KanisterStream.read(bytes: Array(text.utf8)).get()
        #expect(stream.objects.count == 1)
        #expect(BlueprintLinter.lint(bytes: Array(text.utf8), path: "block.yaml").filter { $0.severity == .error }.isEmpty)
        let source = try #require(BlueprintImporter.importBlueprint(Array(text.utf8)).source)
        #expect(source.contains("---"))
    }

    @Test func blueprintsBeforeABrokenDocumentAreStillChecked() {
        let text = StreamFixture.stream([StreamFixture.blueprint("a", broken: true), "a: [b\nc: d\n", StreamFixture.blueprint("c")])
        let file = SourceFile(path: "cut.yaml", text: text)
        let diagnostics = BlueprintLinter.analyze(file).diagnostics
        #expect(diagnostics.map(\.code.rawValue) == ["BP2009", "BP4001"], "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.document == "Blueprint 'a'")
        #expect(diagnostics.first.map { file.location(of: $0.range.start).line } == Self.lines(of: "s3pth", in: text).first)
    }

    @Test func emptyDocumentsAreNotObjects() throws {
        let text = "---\n---\n" + StreamFixture.blueprint("a") + "---\n...\n"
        let stream = try KanisterStream.read(bytes: Array(text.utf8)).get()
        #expect(stream.objects.count == 1 && !stream.namesObjects)
    }
}

@Suite struct InputLanguageTests {
    struct Case: Sendable, CustomStringConvertible {
        var path: String
        var text: String
        var language: InputLanguage
        var description: String { "\(path): \(text.prefix(20))" }
    }

    static let cases: [Case] = [
        Case(path: "a.bp", text: "apiVersion: v1\n", language: .blueprintSource),
        Case(path: "a.yaml", text: "blueprint x {}\n", language: .kanisterYAML),
        Case(path: "a.YML", text: "", language: .kanisterYAML),
        Case(path: "a.json", text: "{}", language: .planArtifact),
        Case(path: "<stdin>", text: "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\n", language: .kanisterYAML),
        Case(path: "<stdin>", text: "\u{FEFF}# a comment\r\n\r\nkind: Blueprint\r\n", language: .kanisterYAML),
        Case(path: "<stdin>", text: "---\napiVersion: v1\n", language: .kanisterYAML),
        Case(path: "<stdin>", text: "%YAML 1.1\n---\n", language: .kanisterYAML),
        Case(path: "<stdin>", text: "- a\n", language: .kanisterYAML),
        Case(path: "<stdin>", text: "\"kind\": Blueprint\n", language: .kanisterYAML),
        Case(path: "<stdin>", text: "{\"kind\": \"Blueprint\"}", language: .kanisterYAML),
        Case(path: "<stdin>", text: "{\"format\": \"bpc-plan\", \"formatVersion\": 1}", language: .planArtifact),
        Case(path: "blueprint", text: "# header\nblueprint demo {}\n", language: .blueprintSource),
        Case(path: "dir.d/file", text: "import \"lib.bp\"\nlet x = 1\n", language: .blueprintSource),
        Case(path: "x.txt", text: "action backup on StatefulSet {\n}\n", language: .blueprintSource),
        Case(path: "<stdin>", text: "", language: .blueprintSource),
        Case(path: "<stdin>", text: "let x = \"a: b\"\n", language: .blueprintSource),
        Case(path: "<stdin>", text: "-x\n", language: .blueprintSource),
    ]

    @Test(arguments: cases)
    func detects(_ testCase: Case) {
        #expect(InputLanguage.detect(path: testCase.path, bytes: Array(testCase.text.utf8)) == testCase.language)
    }
}
