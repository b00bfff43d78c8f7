// Object typing and exact phase outputs on Kanister YAML linted directly: the
// checks run over YAMLSyntaxBuilder's tree and report at the YAML scalar; the
// corpus is mutated (a secret's Data, an object's kind) to hold them to that.

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct YAMLObjectLintTests {
    static let blueprint = """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: objects
        actions:
          backup:
            secretNames: [creds]
            phases:
              - func: KubeTask
                name: dump
                objects:
                  s1:
                    kind: Secrt
                    name: x
                  s2:
                    kind: Secret
                    nmae: x
                  cfg:
                    kind: ConfigMap
                    name: c
                args:
                  image: busybox
                  command: ["sh", "-c", "./dump.sh"]
              - func: MultiContainerRun
                name: mcr
                args:
                  backgroundImage: busybox
                  backgroundCommand: ["sh", "-c", "kando output bg 1"]
                  outputImage: busybox
                  outputCommand: ["sh", "-c", "kando output fg 1"]
              - func: KubeTask
                name: use
                args:
                  image: busybox
                  command:
                    - sh
                    - -c
                    - |
                      A="{{ .Phases.dump.Secrets.s2.data.k }}"
                      B="{{ .Phases.dump.Output.path }}"
                      C="{{ .Phases.dump.Secrets.cfg.Data.x }}"
                      D="{{ index .Phases.dump.Secrets.s2 "k" }}"
                      E="{{ .ConfigMaps.creds.Data.x }}"
                      F="{{ .Phases.mcr.Output.bg }}{{ .Phases.mcr.Output.fg }}"

        """

    struct Expected: Sendable, CustomStringConvertible {
        var code: DiagnosticCode
        /// The text the diagnostic's range covers, and which of its occurrences (0-based).
        var text: String
        var occurrence = 0
        var fix: String?
        var description: String { "\(code) at '\(text)'" }
    }

    static let expected: [Expected] = [
        Expected(code: .unknownObjectKind, text: "Secrt", fix: "Secret"),
        Expected(code: .unknownObjectField, text: "nmae", fix: "name"),
        Expected(code: .unknownObjectMember, text: "data", occurrence: 0, fix: "Data"),
        Expected(code: .unknownOutput, text: "path"),
        Expected(code: .undeclaredObject, text: "cfg", occurrence: 1),
        Expected(code: .objectKeyWithoutData, text: "k", occurrence: 1),
        Expected(code: .undeclaredSecret, text: "creds", occurrence: 1),
        Expected(code: .unknownOutput, text: "bg", occurrence: 1),
    ]

    /// The byte offset of the `occurrence`-th `text` in the blueprint that is a whole word.
    static func offset(of text: String, occurrence: Int) -> Int? {
        let bytes = Array(blueprint.utf8)
        let needle = Array(text.utf8)
        var seen = 0
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            let before = start > 0 ? bytes[start - 1] : 0x20
            let after = start + needle.count < bytes.count ? bytes[start + needle.count] : 0x20
            let isWordByte = { (byte: UInt8) in byte == UInt8(ascii: "_") || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
            guard !isWordByte(before), !isWordByte(after) else { continue }
            if seen == occurrence { return start }
            seen += 1
        }
        return nil
    }

    @Test func eachProblemIsReportedAtItsScalar() throws {
        let diagnostics = BlueprintLinter.lint(bytes: Array(Self.blueprint.utf8), path: "objects.yaml")
        let file = SourceFile(path: "objects.yaml", bytes: Array(Self.blueprint.utf8))
        let described = diagnostics.map { "\(file.location(of: $0.range.start)) \($0.code) \($0.message)" }
        for expectation in Self.expected {
            let start = try #require(Self.offset(of: expectation.text, occurrence: expectation.occurrence))
            let found = diagnostics.filter { $0.code == expectation.code && $0.range.start == start }
            #expect(found.count == 1, "\(expectation) at \(file.location(of: start)): \(described)")
            guard let diagnostic = found.first else { continue }
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.range.length == expectation.text.utf8.count, "\(expectation)")
            if let fix = expectation.fix {
                #expect(diagnostic.fixIts == [FixIt(range: diagnostic.range, replacement: fix)], "\(expectation)")
            }
        }
        #expect(diagnostics.filter { $0.severity == .error }.count == Self.expected.count, "\(described)")
    }

    @Test func backgroundKeyHasANoteAtTheBackgroundCommand() throws {
        let diagnostics = BlueprintLinter.lint(bytes: Array(Self.blueprint.utf8), path: "objects.yaml")
        let error = try #require(diagnostics.first { $0.code == .unknownOutput && $0.message.contains("'bg'") })
        let note = try #require(error.notes.last)
        #expect(note.message.contains("backgroundCommand"))
        let command = try #require(Self.offset(of: "[\"sh\", \"-c\", \"kando output bg 1\"]", occurrence: 0))
        #expect(note.range?.start == command)
    }

    @Test func keyWithoutDataHasAnInsertingFixIt() throws {
        let diagnostics = BlueprintLinter.lint(bytes: Array(Self.blueprint.utf8), path: "objects.yaml")
        let error = try #require(diagnostics.first { $0.code == .objectKeyWithoutData })
        // `index .Phases.dump.Secrets.s2 "k"`: `.Data` goes right after `s2`.
        let name = try #require(Self.offset(of: "s2", occurrence: 2))
        #expect(error.fixIts == [FixIt(range: SourceRange(name + 2, name + 2), replacement: ".Data")])
    }

    static let corpus = TestSupport.corpusBlueprints()

    /// Every `.Secrets.NAME.Data` of the corpus, with the offset of `Data`.
    static let dataReads: [CorpusEdit] = corpus.flatMap { url -> [CorpusEdit] in
        guard let data = try? Data(contentsOf: url) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.matches(of: /\.Secrets\.[A-Za-z0-9_-]+\.(Data)\b/).compactMap { match in
            guard let start = match.1.startIndex.samePosition(in: text.utf8) else { return nil }
            return CorpusEdit(file: url, offset: text.utf8.distance(from: text.utf8.startIndex, to: start), old: "Data", new: "data")
        }
    }

    /// Every `kind: Secret` of the corpus's phase objects, with the offset of `Secret`.
    static let objectKinds: [CorpusEdit] = corpus.flatMap { url -> [CorpusEdit] in
        guard let data = try? Data(contentsOf: url) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.matches(of: /kind: (Secret)\n/).compactMap { match in
            guard let start = match.1.startIndex.samePosition(in: text.utf8) else { return nil }
            return CorpusEdit(file: url, offset: text.utf8.distance(from: text.utf8.startIndex, to: start), old: "Secret", new: "Secrt")
        }
    }

    @Test func corpusHasSecretReads() {
        #expect(Self.dataReads.count >= 30)
        #expect(Self.objectKinds.count >= 20)
    }

    /// `Data` → `data` in a corpus template: one new BP2054 at it, suggesting `Data`.
    @Test(arguments: dataReads)
    func misspelledDataIsReportedAtTheField(_ edit: CorpusEdit) throws {
        try Self.expectOneError(.unknownObjectMember, for: edit, mentioning: "did you mean 'Data'?")
    }

    /// `kind: Secret` → `kind: Secrt` in a corpus object: one new BP2050 at the kind (reads of it become BP2011).
    @Test(arguments: objectKinds)
    func misspelledKindIsReportedAtTheScalar(_ edit: CorpusEdit) throws {
        try Self.expectOneError(.unknownObjectKind, for: edit, mentioning: "did you mean 'Secret'?", allowing: [.undeclaredObject])
    }

    static func expectOneError(_ code: DiagnosticCode, for edit: CorpusEdit, mentioning text: String, allowing: Set<DiagnosticCode> = []) throws {
        let original = try [UInt8](Data(contentsOf: edit.file))
        #expect(Array(original[edit.offset..<(edit.offset + edit.old.utf8.count)]) == Array(edit.old.utf8))
        var mutated = original
        mutated.replaceSubrange(edit.offset..<(edit.offset + edit.old.utf8.count), with: Array(edit.new.utf8))
        let file = SourceFile(path: edit.file.path, bytes: mutated)
        let before = BlueprintLinter.lint(bytes: original, path: edit.file.path).filter { $0.severity == .error }
        let after = BlueprintLinter.lint(bytes: mutated, path: edit.file.path).filter { $0.severity == .error }
        let described = after.map { "\(file.location(of: $0.range.start)) \($0.code) \($0.message)" }
        let found = after.filter { $0.code == code }
        try #require(found.count == 1, "expected one \(code) at \(file.location(of: edit.offset)): \(described)")
        #expect(found[0].range == SourceRange(edit.offset, edit.offset + edit.new.utf8.count))
        #expect(found[0].message.contains(text), "\(found[0].message)")
        let others = after.filter { $0.code != code && !allowing.contains($0.code) }
        #expect(others.count == before.count, "the edit caused other errors: \(described)")
    }
}

/// One edit of a corpus file: `old` at `offset` becomes `new`.
struct CorpusEdit: Sendable, CustomTestStringConvertible {
    var file: URL
    var offset: Int
    var old: String
    var new: String
    var testDescription: String { "\(file.lastPathComponent)@\(offset) \(old)→\(new)" }
}
