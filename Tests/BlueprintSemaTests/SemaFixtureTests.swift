// Inline-expectation fixtures of the semantic checks: every file in
// Fixtures/sema/ is parsed and checked, and its diagnostics must be exactly
// the ones its expectation comments state, no more and no fewer.
//
// The convention. An expectation is a comment on a line of its own:
//
//     # ERROR [COL] CODE "regex"
//     # WARNING [COL] CODE "regex"
//     # NOTE [LINE[:COL]] "regex"
//
// An ERROR or WARNING applies to the nearest line above it that is not itself
// an expectation comment, so a run of expectation lines all describe the same
// source line. It states one diagnostic of that severity and code starting
// on that line, at column COL when a column is given (1-based, in bytes),
// whose message contains a match for the regex (Swift Regex syntax; the
// pattern runs to the last `"` of the line, so it may itself contain `"`).
// A NOTE belongs to the ERROR or WARNING expectation just above it (only
// other expectation lines may come between them): the diagnostic must carry
// exactly the notes listed, in order, each at line LINE (absolute, 1-based)
// and column COL when given; `# NOTE - "regex"` is a note without a position. A diagnostic with notes that the expectation does not
// list fails, as does any diagnostic no expectation claims, and any
// expectation no diagnostic meets. Inside a multi-line string an expectation
// line is part of the string (a shell comment to the script), which is
// harmless: the checks only look for templates and `kando` words there. It
// must be indented like the string's other lines, and since the lexer reads
// it as string content, its regex avoids backslashes (`[?]`, not `\?`).
//
// A line `# kanister VERSION` checks the fixture against that Kanister version
// (a release or main) instead of the default one.
//
// Fixtures named `valid-*.bp` hold no expectations and must check clean.
// The parser's diagnostics count too: a fixture must parse cleanly unless it
// states the parse error.

import BlueprintSema
import BlueprintSyntax
import Foundation
import Testing

/// One expected note: a line (absent for a note without a position), an optional column, a regex.
struct ExpectedNote: Sendable, CustomStringConvertible {
    var line: Int?
    var column: Int?
    var pattern: String

    var description: String {
        let place = line.map { line in column.map { "\(line):\($0)" } ?? "\(line)" } ?? "-"
        return "note \(place) \"\(pattern)\""
    }
}

/// One expected diagnostic, parsed from an expectation comment.
struct ExpectedDiagnostic: Sendable, CustomStringConvertible {
    var severity: Severity
    var code: String
    var line: Int
    var column: Int?
    var pattern: String
    var notes: [ExpectedNote] = []
    /// The line of the expectation comment itself, for failure messages.
    var commentLine: Int

    var description: String {
        let place = column.map { "\(line):\($0)" } ?? "\(line)"
        let noteText = notes.map { " [\($0)]" }.joined()
        return "\(severity.rawValue) \(code) at \(place) \"\(pattern)\"\(noteText) (stated on line \(commentLine))"
    }
}

/// A fixture's expectations, or the reasons its expectation comments are malformed.
struct FixtureExpectations {
    var diagnostics: [ExpectedDiagnostic] = []
    var problems: [String] = []

    static var directive: Regex<(Substring, Substring, Substring)> { /^\s*#\s*(ERROR|WARNING|NOTE)\b\s*(.*)$/ }
    static var diagnosticBody: Regex<(Substring, Substring?, Substring, Substring)> { /^(?:(\d+)\s+)?(BP\d{4})\s+"(.*)"\s*$/ }
    static var noteBody: Regex<(Substring, Substring?, Substring)> { /^(?:(-|\d+(?::\d+)?)\s+)?"(.*)"\s*$/ }

    init(parsing text: String) {
        var targetLine: Int?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard let match = line.wholeMatch(of: FixtureExpectations.directive) else {
                targetLine = lineNumber
                continue
            }
            let body = String(match.2)
            switch match.1 {
            case "NOTE":
                guard targetLine.map({ $0 < lineNumber - 1 }) ?? false else {
                    problems.append("line \(lineNumber): a NOTE must follow an ERROR or WARNING expectation")
                    continue
                }
                addNote(body, commentLine: lineNumber)
            default:
                let severity: Severity = match.1 == "ERROR" ? .error : .warning
                guard let target = targetLine else {
                    problems.append("line \(lineNumber): an expectation needs a source line above it")
                    continue
                }
                guard let parts = body.wholeMatch(of: FixtureExpectations.diagnosticBody) else {
                    problems.append("line \(lineNumber): expected `# \(match.1) [COL] CODE \"regex\"`, found \(line.debugDescription)")
                    continue
                }
                diagnostics.append(
                    ExpectedDiagnostic(
                        severity: severity, code: String(parts.2), line: target, column: parts.1.flatMap { Int($0) },
                        pattern: String(parts.3), commentLine: lineNumber))
            }
        }
    }

    mutating func addNote(_ body: String, commentLine: Int) {
        guard !diagnostics.isEmpty else {
            problems.append("line \(commentLine): a NOTE must follow an ERROR or WARNING expectation")
            return
        }
        guard let parts = body.wholeMatch(of: FixtureExpectations.noteBody) else {
            problems.append("line \(commentLine): expected `# NOTE [LINE[:COL]] \"regex\"`, found \(body.debugDescription)")
            return
        }
        var note = ExpectedNote(line: nil, column: nil, pattern: String(parts.2))
        if let place = parts.1, place != "-" {
            let numbers = place.split(separator: ":").compactMap { Int($0) }
            note.line = numbers.first
            note.column = numbers.count > 1 ? numbers[1] : nil
        } else if parts.1 == nil {
            problems.append("line \(commentLine): a NOTE needs a line (or `-` for a note without a position)")
            return
        }
        diagnostics[diagnostics.count - 1].notes.append(note)
    }
}

/// Fixture paths, found from this file's path (no bundle resources).
enum SemaFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sema")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".bp") }.sorted()
    }()

    static func text(_ name: String) throws -> String {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        return String(decoding: data, as: UTF8.self)
    }

    /// Parser diagnostics followed by the semantic checker's, as the fixture is checked.
    static func diagnostics(of name: String, text: String) -> (file: SourceFile, diagnostics: [Diagnostic]) {
        let file = SourceFile(path: name, text: text)
        let parsed = Parser.parse(file)
        let module = Module(file: file, syntax: parsed.syntax)
        let checked = SemanticChecker.check(SymbolTable(main: module), main: module, kanister: kanister(in: text))
        return (file, parsed.diagnostics + checked.diagnostics)
    }

    /// The version a `# kanister VERSION` line names, else the default.
    static func kanister(in text: String) -> KanisterVersion {
        for line in text.split(separator: "\n") {
            guard let match = line.wholeMatch(of: /#\s*kanister\s+(\S+)\s*/) else { continue }
            return KanisterVersion(parsing: String(match.1)) ?? .default
        }
        return .default
    }
}

/// Matching of actual diagnostics against expectations.
enum FixtureMatcher {
    static func regex(_ pattern: String) -> Regex<AnyRegexOutput>? {
        try? Regex(pattern)
    }

    static func matches(_ diagnostic: Diagnostic, _ expected: ExpectedDiagnostic, in file: SourceFile) -> Bool {
        let place = file.location(of: diagnostic.range.start)
        guard diagnostic.severity == expected.severity, diagnostic.code.rawValue == expected.code,
            place.line == expected.line, expected.column.map({ $0 == place.column }) ?? true,
            let pattern = regex(expected.pattern), diagnostic.message.contains(pattern),
            diagnostic.notes.count == expected.notes.count
        else { return false }
        for (note, want) in zip(diagnostic.notes, expected.notes) {
            guard let notePattern = regex(want.pattern), note.message.contains(notePattern) else { return false }
            let notePlace = note.range.map { file.location(of: $0.start) }
            guard notePlace?.line == want.line else { return false }
            if let column = want.column, notePlace?.column != column { return false }
        }
        return true
    }

    /// How an actual diagnostic reads in a failure message: enough to write its expectation.
    static func describe(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        let place = file.location(of: diagnostic.range.start)
        let notes = diagnostic.notes.map { note in
            " [note \(note.range.map { file.location(of: $0.start).description } ?? "-") \(note.message.debugDescription)]"
        }
        return "\(place) \(diagnostic.severity.rawValue) \(diagnostic.code) \(diagnostic.message.debugDescription)\(notes.joined())"
    }
}

@Suite("Semantic check fixtures")
struct SemaFixtureTests {
    @Test(arguments: SemaFixtures.names)
    func fixture(_ name: String) throws {
        let text = try SemaFixtures.text(name)
        let expectations = FixtureExpectations(parsing: text)
        for problem in expectations.problems { Issue.record("\(name): \(problem)") }
        for expected in expectations.diagnostics {
            if FixtureMatcher.regex(expected.pattern) == nil { Issue.record("\(name): bad regex in \(expected)") }
            for note in expected.notes where FixtureMatcher.regex(note.pattern) == nil {
                Issue.record("\(name): bad regex in \(note)")
            }
        }
        if name.hasPrefix("valid-") {
            #expect(expectations.diagnostics.isEmpty, "\(name): a valid-* fixture states no diagnostics")
        } else {
            #expect(!expectations.diagnostics.isEmpty, "\(name): an error fixture states at least one diagnostic")
        }

        let (file, actual) = SemaFixtures.diagnostics(of: name, text: text)
        var unmatched = actual
        for expected in expectations.diagnostics {
            if let index = unmatched.firstIndex(where: { FixtureMatcher.matches($0, expected, in: file) }) {
                unmatched.remove(at: index)
            } else {
                let near = actual.filter { file.location(of: $0.range.start).line == expected.line }
                    .map { FixtureMatcher.describe($0, in: file) }
                let hint = near.isEmpty ? "no diagnostic on that line" : "on that line: " + near.joined(separator: "; ")
                Issue.record("\(name): missing \(expected); \(hint)")
            }
        }
        for diagnostic in unmatched {
            Issue.record("\(name): unexpected \(FixtureMatcher.describe(diagnostic, in: file))")
        }
    }

    /// The expectation convention itself: targets, columns, notes, malformed comments.
    @Test func expectationCommentsParse() {
        let text = """
            # ERROR BP2001 "no line above"
            line two
            # ERROR 12 BP2009 "no output 'x'"
            # NOTE 4:9 "declared here"
            # NOTE - "no position"
              # WARNING BP2103 "let "a" is never used"
            line seven
            # NOTE 3 "the line of a note is absolute"
            # ERROR junk
            """
        let parsed = FixtureExpectations(parsing: text)
        // Line 1 has no source line above it; line 8's NOTE follows a source
        // line, not an expectation; line 9 is malformed.
        #expect(parsed.problems.map { $0.prefix(7) } == ["line 1:", "line 8:", "line 9:"], "\(parsed.problems)")
        #expect(parsed.diagnostics.count == 2)
        guard parsed.diagnostics.count == 2 else { return }
        let (first, second) = (parsed.diagnostics[0], parsed.diagnostics[1])
        #expect(first.severity == .error && first.code == "BP2009" && first.line == 2 && first.column == 12)
        #expect(first.pattern == "no output 'x'")
        #expect(first.notes.map(\.line) == [4, nil] && first.notes.map(\.column) == [9, nil])
        #expect(first.notes.map(\.pattern) == ["declared here", "no position"])
        #expect(second.severity == .warning && second.code == "BP2103" && second.line == 2 && second.column == nil)
        #expect(second.pattern == #"let "a" is never used"#)
        #expect(second.notes.isEmpty)
    }

    /// Every code of the checker (and of def expansion) has a fixture, and there are enough cases.
    @Test func everyCodeHasAFixture() throws {
        var stated: [String: Int] = [:]
        for name in SemaFixtures.names {
            let expectations = FixtureExpectations(parsing: try SemaFixtures.text(name))
            for code in Set(expectations.diagnostics.map(\.code)) { stated[code, default: 0] += 1 }
        }
        let codes: [DiagnosticCode] = [
            .unknownFunction, .missingArgument, .unsupportedArgument, .argumentType, .duplicatePhase,
            .undefinedPhase, .laterPhase, .crossActionPhase, .unknownOutput, .undeclaredArtifact,
            .undeclaredObject, .undeclaredSecret, .unpopulatedParameter, .unknownTemplateFunction,
            .malformedTemplate, .duplicateFinally, .badUndo, .parallelDataEdge, .semanticCycle,
            .unknownIdentifier, .duplicateDefinition, .unknownTemplateParameter, .missingBlueprintDecl,
            .badClause, .deferPhaseOutside, .defCycle, .defArguments, .functionArguments, .badReferencePart,
            .unusedOutput, .unusedInput, .unusedLet, .unusedDef, .secretInCommand, .unverifiableOutput,
            .nullValue, .weakConversion, .commandWords, .duplicateKey, .podMetadata, .badDuration, .waitConditions,
            .unknownMetadataField, .badMetadataValue,
            .unknownObjectKind, .unfetchedObject, .unknownObjectField, .missingObjectName, .unknownObjectMember, .objectKeyWithoutData,
            .printedBytes, .badObjectReference,
            .unknownArtifactKey, .missingArtifactPart, .unknownArtifactField, .unshapedInput, .shapeMismatch,
            .functionNotInVersion, .argumentNotInVersion, .templateCall, .unprintedOutput,
        ]
        for code in codes {
            #expect(stated[code.rawValue, default: 0] > 0, "no fixture states \(code)")
        }
        #expect(SemaFixtures.names.count >= 55, "only \(SemaFixtures.names.count) fixtures")
        #expect(SemaFixtures.names.filter { $0.hasPrefix("valid-") }.count >= 5)
    }
}
