// Typed artifacts on Kanister YAML: reads of an input that the blueprint's own
// outputArtifacts produce are checked (positions at the YAML scalar), inputs no
// action produces stay open, and a misspelled key anywhere in the corpus is caught.

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

/// One `.ArtifactsIn.X.KeyValue.KEY` (or `index .ArtifactsIn.X.KeyValue "KEY"`) in a corpus file.
struct ArtifactKeyReference: Sendable, CustomTestStringConvertible {
    var file: URL
    var artifact: String
    var key: String
    /// Byte offset of KEY in the file.
    var offset: Int

    var testDescription: String { "\(file.lastPathComponent) @\(offset) \(artifact).KeyValue.\(key)" }
}

@Suite struct ArtifactLintTests {
    static let yaml = """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: typed
        actions:
          backup:
            outputArtifacts:
              dump:
                keyValue:
                  path: /backups
            phases:
            - func: KubeTask
              name: save
              args:
                image: busybox
                command: ["echo"]
          restore:
            inputArtifactNames:
            - dump
            - external
            phases:
            - func: KubeTask
              name: load
              args:
                image: busybox
                command: ["echo", "{{ .ArtifactsIn.dump.KeyValue.pth }}", "{{ .ArtifactsIn.dump.KopiaSnapshot }}", "{{ .ArtifactsIn.external.KeyValue.anything }}"]

        """

    static func lint(_ text: String) -> (SourceFile, [Diagnostic]) {
        let bytes = Array(text.utf8)
        return (SourceFile(path: "typed.yaml", bytes: bytes), BlueprintLinter.lint(bytes: bytes, path: "typed.yaml"))
    }

    @Test func producedInputsAreTypedAtYAMLPositions() throws {
        let (file, diagnostics) = Self.lint(Self.yaml)
        let described = diagnostics.map { "\(file.location(of: $0.range.start)) \($0.code) \($0.message)" }
        #expect(diagnostics.filter { $0.severity == .error }.count == 2, "\(described)")

        let key = try #require(diagnostics.first { $0.code == .unknownArtifactKey }, "\(described)")
        let keyOffset = try #require(Self.yaml.utf8.firstRange(of: "pth".utf8)).lowerBound
        #expect(key.range.start == Self.yaml.utf8.distance(from: Self.yaml.utf8.startIndex, to: keyOffset))
        #expect(key.range.length == 3)
        #expect(key.message.contains("did you mean 'path'?"), "\(key.message)")
        let note = try #require(key.notes.first?.range)
        #expect(file.location(of: note.start).line == 8, "the note is at the outputArtifacts key 'dump'")

        let snapshot = try #require(diagnostics.first { $0.code == .missingArtifactPart }, "\(described)")
        #expect(String(decoding: file.bytes[snapshot.range.start..<snapshot.range.end], as: UTF8.self) == "KopiaSnapshot")
    }

    /// YAML cannot declare a shape: an input no action outputs is read unchecked.
    @Test func unproducedInputsAreOpen() {
        let (_, diagnostics) = Self.lint(Self.yaml)
        #expect(!diagnostics.contains { $0.code == .unshapedInput })
        #expect(!diagnostics.contains { $0.message.contains("external") })
    }

    /// The import declares the shape of an unproduced input from its reads, and lints clean.
    @Test func importDeclaresUnproducedShapes() throws {
        let fixed = Self.yaml.replacingOccurrences(of: "KeyValue.pth", with: "KeyValue.path")
            .replacingOccurrences(of: "{{ .ArtifactsIn.dump.KopiaSnapshot }}", with: "{{ .ArtifactsIn.external.KopiaSnapshot }}")
        let result = BlueprintImporter.importBlueprint(Array(fixed.utf8))
        let source = try #require(result.source, "\(result.diagnostics.map(\.message))")
        #expect(source.contains("input dump, external: kopia { anything }\n"), "\(source)")
        let file = SourceFile(path: "typed.bp", text: source)
        let parsed = Parser.parse(file)
        let errors = BlueprintCompiler.check(main: Module(file: file, syntax: parsed.syntax)).filter { $0.severity == .error }
        #expect(parsed.diagnostics.isEmpty && errors.isEmpty, "\(errors.map(\.message))")
    }

    static let corpus = TestSupport.corpusBlueprints()

    static let keyReferences: [ArtifactKeyReference] = corpus.flatMap { url -> [ArtifactKeyReference] in
        guard let data = try? Data(contentsOf: url) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        let patterns = [
            /\.ArtifactsIn\.([A-Za-z0-9_-]+)\.KeyValue\.([A-Za-z_][A-Za-z0-9_]*)/,
            /index \.ArtifactsIn\.([A-Za-z0-9_-]+)\.KeyValue \\?"([A-Za-z_][A-Za-z0-9_]*)/,
        ]
        return patterns.flatMap { pattern in
            text.matches(of: pattern).filter { match in
                // Not in a YAML comment (`- s3Snap  # use it with {{ .ArtifactsIn.s3Snap... }}`).
                let lineStart = text[..<match.range.lowerBound].lastIndex(of: "\n") ?? text.startIndex
                return !text[lineStart..<match.range.lowerBound].contains("#")
            }.map { match in
                let start = match.2.startIndex.samePosition(in: text.utf8) ?? text.utf8.startIndex
                let offset = text.utf8.distance(from: text.utf8.startIndex, to: start)
                return ArtifactKeyReference(file: url, artifact: String(match.1), key: String(match.2), offset: offset)
            }
        }
    }

    @Test func corpusHasArtifactReads() {
        #expect(Self.keyReferences.count >= 40)
    }

    /// Drop the last letter of KEY: a BP2040 at KEY with "did you mean 'KEY'" when the
    /// file outputs the artifact, nothing new when it does not (the input is open).
    @Test(arguments: keyReferences)
    func misspelledArtifactKeyIsReported(_ reference: ArtifactKeyReference) throws {
        let original = try [UInt8](Data(contentsOf: reference.file))
        let keyBytes = Array(reference.key.utf8)
        #expect(Array(original[reference.offset..<(reference.offset + keyBytes.count)]) == keyBytes)
        var mutated = original
        mutated.remove(at: reference.offset + keyBytes.count - 1)
        let isProduced = original.containsBytes("\n      \(reference.artifact):")
        let before = BlueprintLinter.lint(bytes: original, path: reference.file.path)
        let after = BlueprintLinter.lint(bytes: mutated, path: reference.file.path)
        let found = after.filter { $0.code == .unknownArtifactKey }
        #expect(!before.contains { $0.code == .unknownArtifactKey })
        guard isProduced else {
            #expect(found.isEmpty, "an open input's read was checked: \(found.map(\.message))")
            return
        }
        try #require(found.count == 1, "expected one BP2040, got \(after.map { "\($0.code) \($0.message)" })")
        #expect(found[0].range.start == reference.offset)
        #expect(found[0].range.length == keyBytes.count - 1)
        #expect(found[0].message.contains("did you mean '\(reference.key)'?"), "\(found[0].message)")
        #expect(!found[0].notes.isEmpty)
    }
}

extension [UInt8] {
    /// Whether `text`'s bytes occur in the array.
    func containsBytes(_ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { self[$0..<($0 + needle.count)].elementsEqual(needle) }
    }
}
