// Lint on the real blueprints: no false positives (the only errors are the
// duplicate phase names kcheck reports too), and a misspelled phase-output
// key in any of them is reported at its exact line and column with the
// right "did you mean".

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

/// A duplicate phase name as a set: the name and the two actions that use it.
struct DuplicatePhase: Hashable, CustomStringConvertible {
    var name: String
    var actions: [String]

    init(name: String, _ first: String, _ second: String) {
        self.name = name
        actions = [first, second].sorted()
    }

    var description: String { "'\(name)' in \(actions.joined(separator: " and "))" }
}

/// One `{{ .Phases.X.Output.KEY }}` reference in a corpus file.
struct OutputReference: Sendable, CustomTestStringConvertible {
    var file: URL
    var phase: String
    var key: String
    /// Byte offset of KEY in the file.
    var offset: Int

    var testDescription: String { "\(file.lastPathComponent) @\(offset) .Phases.\(phase).Output.\(key)" }
}

@Suite struct CorpusLintTests {
    static let corpus = TestSupport.corpusBlueprints()

    static func lint(_ bytes: [UInt8], _ url: URL) -> [Diagnostic] {
        BlueprintLinter.lint(bytes: bytes, path: url.path)
    }

    @Test func corpusIsPresent() {
        #expect(Self.corpus.count >= 30)
    }

    /// Lint errors are exactly kcheck's duplicated phase names, each pair of actions matched.
    @Test(arguments: corpus)
    func lintReportsOnlyWhatKCheckReports(_ url: URL) throws {
        let bytes = try [UInt8](Data(contentsOf: url))
        let file = SourceFile(path: url.path, bytes: bytes)
        let errors = Self.lint(bytes, url).filter { $0.severity == .error }
        for error in errors where error.code != .duplicatePhase {
            Issue.record("false positive: \(file.location(of: error.range.start)) \(error.code) \(error.message)")
        }
        let ours = errors.filter { $0.code == .duplicatePhase }.compactMap { duplicate($0, in: file) }
        #expect(ours.count == errors.filter { $0.code == .duplicatePhase }.count, "a BP2005 error could not be read")

        let kcheck = try TestSupport.kcheck.get()
        let result = try TestSupport.run(kcheck, ["validate", "-no-warn", url.path])
        let theirs = result.output.split(separator: "\n").compactMap { kcheckDuplicate(String($0)) }
        #expect(
            ours.sorted { $0.description < $1.description } == theirs.sorted { $0.description < $1.description },
            "bpc lint and kcheck disagree on duplicate phase names\nkcheck: \(result.output)")
    }

    /// The comparison is not vacuous: the corpus has real duplicates, and both tools find all of them.
    @Test func bothToolsFindTheCorpusDuplicates() throws {
        let kcheck = try TestSupport.kcheck.get()
        let result = try TestSupport.run(kcheck, ["validate", "-no-warn"] + Self.corpus.map(\.path))
        let theirs = result.output.split(separator: "\n").compactMap { kcheckDuplicate(String($0)) }
        var ours: [DuplicatePhase] = []
        for url in Self.corpus {
            let bytes = try [UInt8](Data(contentsOf: url))
            let file = SourceFile(path: url.path, bytes: bytes)
            ours += Self.lint(bytes, url).filter { $0.code == .duplicatePhase }.compactMap { duplicate($0, in: file) }
        }
        #expect(theirs.count >= 3, "kcheck output: \(result.output)")
        #expect(ours.sorted { $0.description < $1.description } == theirs.sorted { $0.description < $1.description })
    }

    /// The phase name and both actions of a BP2005 error: its own action from
    /// its line, the other from the note ("in action 'x'" or "in this action").
    func duplicate(_ error: Diagnostic, in file: SourceFile) -> DuplicatePhase? {
        guard let name = error.message.firstMatch(of: /phase name '([^']+)' is used twice/)?.1,
            let note = error.notes.first, let own = actionName(at: error.range.start, in: file)
        else { return nil }
        let other = note.message.firstMatch(of: /in action '([^']+)'/).map { String($0.1) } ?? own
        return DuplicatePhase(name: String(name), own, other)
    }

    /// The action whose key (two spaces in, under `actions:`) is the last one above `offset`.
    func actionName(at offset: Int, in file: SourceFile) -> String? {
        let lineIndex = file.lineIndex(of: offset)
        var inActions = false
        var action: String?
        for index in 0...lineIndex {
            let line = String(decoding: file.lineBytes(index), as: UTF8.self)
            if line.hasPrefix("actions:") {
                inActions = true
            } else if let first = line.first, first != " ", first != "#" {
                inActions = false
            } else if inActions, let match = line.wholeMatch(of: #/  ([^ #][^:]*):[ \t]*/#) {
                action = String(match.1)
            }
        }
        return action
    }

    /// `FILE: act/phase: duplicated phase name: phase "x" is also the name of phase other/x; ...`
    func kcheckDuplicate(_ line: String) -> DuplicatePhase? {
        let pattern = /: ([^\/: ]+)\/[^:]+: duplicated phase name: \w+ "([^"]+)" is also the name of \w+ ([^\/ ]+)\//
        guard let match = line.firstMatch(of: pattern) else { return nil }
        return DuplicatePhase(name: String(match.2), String(match.1), String(match.3))
    }

    /// The corpus has real phase-output references for the mutation test to work on.
    @Test func corpusHasOutputReferences() {
        #expect(Self.outputReferences.count >= 50)
        #expect(Set(Self.outputReferences.map(\.file)).count >= 20)
    }

    static let outputReferences: [OutputReference] = corpus.flatMap { url -> [OutputReference] in
        guard let data = try? Data(contentsOf: url) else { return [] }
        let text = String(decoding: data, as: UTF8.self)
        return text.matches(of: /\.Phases\.([A-Za-z0-9_-]+)\.Output\.([A-Za-z_][A-Za-z0-9_]*)/).map { match in
            let offset = text.utf8.distance(from: text.utf8.startIndex, to: match.2.startIndex.samePosition(in: text.utf8) ?? text.utf8.startIndex)
            return OutputReference(file: url, phase: String(match.1), key: String(match.2), offset: offset)
        }
    }

    /// Drop one letter of KEY (the last) and lint: one new BP2009 at KEY with "did you mean 'KEY'".
    @Test(arguments: outputReferences)
    func misspelledOutputIsReportedAtTheKey(_ reference: OutputReference) throws {
        let original = try [UInt8](Data(contentsOf: reference.file))
        let keyBytes = Array(reference.key.utf8)
        #expect(Array(original[reference.offset..<(reference.offset + keyBytes.count)]) == keyBytes)
        var mutated = original
        mutated.remove(at: reference.offset + keyBytes.count - 1)
        let misspelled = String(reference.key.dropLast())
        let file = SourceFile(path: reference.file.path, bytes: mutated)
        let expected = file.location(of: reference.offset)

        let before = Self.lint(original, reference.file).filter { $0.code == .unknownOutput }
        #expect(before.isEmpty, "the original already has BP2009: \(before.map(\.message))")
        let after = Self.lint(mutated, reference.file)
        let found = after.filter { $0.code == .unknownOutput }
        let described = after.filter { $0.code != .duplicatePhase }
            .map { "\(file.location(of: $0.range.start)) \($0.severity.rawValue) \($0.code) \($0.message)" }
        try #require(found.count == 1, "expected one BP2009 at \(expected), got: \(described)")
        let error = found[0]
        #expect(error.severity == .error)
        #expect(file.location(of: error.range.start) == expected)
        #expect(error.range.length == misspelled.utf8.count)
        #expect(error.message.contains("has no output '\(misspelled)'"), "\(error.message)")
        #expect(error.message.contains("did you mean '\(reference.key)'?"), "\(error.message)")
        #expect(error.message.contains("phase '\(reference.phase)'"), "\(error.message)")
        let newErrors = after.filter { $0.severity == .error && $0.code != .unknownOutput }.count
        let oldErrors = Self.lint(original, reference.file).filter { $0.severity == .error }.count
        #expect(newErrors == oldErrors, "the misspelling caused other errors: \(described)")
    }
}
