// The machine formats of the diagnostic renderer: exact gcc lines, golden JSON
// and SARIF documents (Fixtures/formats), escaping, UTF-16 columns, several files.

import Foundation
import Testing

@testable import BlueprintSyntax

@Suite("Diagnostic formats")
struct DiagnosticFormatTests {
    /// Line 1 holds a two-byte character before the error, line 2 a four-byte
    /// emoji (two UTF-16 code units), so byte and UTF-16 columns differ.
    static let file = SourceFile(path: "t.bp", text: "let s = \"\u{E9}\" + y\nlet \u{1F642} = z\n")
    static let unknown = Diagnostic(
        DiagnosticCode("BP3002"), .error, "unknown name 'y'", at: SourceRange(15, 16),
        notes: [DiagnosticNote("did you mean 's'?", range: SourceRange(4, 5))],
        fixIts: [FixIt(range: SourceRange(15, 16), replacement: "s")])
    static let oddName = Diagnostic(DiagnosticCode("BP1007"), .warning, "odd name", at: SourceRange(21, 25))
    static let remark = Diagnostic(
        DiagnosticCode("BP3010"), .note, "z is fine", at: SourceRange(28, 29),
        notes: [DiagnosticNote("elsewhere", range: SourceRange(3, 9), file: "other.bp"), DiagnosticNote("no place")])
    static let reports = [DiagnosticReport(file: file, diagnostics: [unknown, oddName, remark])]
    static let tool = DiagnosticTool(
        version: "0.1.0", informationUri: "https://example.com/bpc",
        ruleDescriptions: [DiagnosticCode("BP3002"): "Unknown name."])
    static let formats = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/formats")

    func render(_ style: DiagnosticRenderer.Style, _ reports: [DiagnosticReport] = Self.reports, failures: [String] = []) -> String {
        DiagnosticRenderer(style: style, tool: Self.tool).render(reports, failures: failures)
    }

    @Test func gccLines() {
        #expect(
            render(.gcc) == """
                t.bp:1:16: error: unknown name 'y' [BP3002]
                t.bp:1:5: note: did you mean 's'?
                t.bp:2:5: warning: odd name [BP1007]
                t.bp:2:12: note: z is fine [BP3010]
                other.bp: note: elsewhere
                t.bp: note: no place

                """)
    }

    @Test func humanOfSeveralFilesIsEachFileInTurn() {
        let other = SourceFile(path: "u.bp", text: "x\n")
        let reports = Self.reports + [DiagnosticReport(file: other, diagnostics: [.error(DiagnosticCode("BP1004"), "bad", at: SourceRange(0, 1))])]
        let renderer = DiagnosticRenderer(style: .human, limitPerFile: 1)
        #expect(
            renderer.render(reports, failures: ["ignored"]) == """
                t.bp:1:16: error[BP3002]: unknown name 'y'
                    let s = "\u{E9}" + y
                                  ^
                t.bp:1:5: note: did you mean 's'?
                    let s = "\u{E9}" + y
                        ^
                  fix: replace with 's'
                t.bp: and 2 more diagnostics
                u.bp:1:1: error[BP1004]: bad
                    x
                    ^

                """)
    }

    @Test func jsonGolden() {
        Golden.check(render(.json, failures: ["missing.bp: no such file"]), against: Self.formats.appendingPathComponent("diagnostics.json"))
    }

    @Test func sarifGolden() {
        Golden.check(render(.sarif, failures: ["missing.bp: no such file"]), against: Self.formats.appendingPathComponent("diagnostics.sarif"))
    }

    @Test func perFileRenderingOfMachineStylesIsADocument() {
        let renderer = DiagnosticRenderer(style: .json, tool: Self.tool)
        #expect(renderer.render([Self.unknown, Self.oddName, Self.remark], in: Self.file) == render(.json))
        #expect(renderer.render(Self.unknown, in: Self.file) == render(.json, [DiagnosticReport(file: Self.file, diagnostics: [Self.unknown])]))
    }

    @Test func jsonEscapesStrings() throws {
        let message = "q\"b\\n\nt\tc\u{01}d\u{7F}e\u{E9}\u{1F642}\u{2028}"
        let file = SourceFile(path: "dir/a \"b\".bp", text: "x")
        let text = render(.json, [DiagnosticReport(file: file, diagnostics: [.error(DiagnosticCode("BP1"), message, at: SourceRange(0, 1))])])
        #expect(text.contains(#""message": "q\"b\\n\nt\tc\u0001d\u007Fe\#u{E9}\#u{1F642}\u2028""#))
        #expect(text.contains(#""path": "dir/a \"b\".bp""#))
        let decoded = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        let files = decoded?["files"] as? [[String: Any]]
        let diagnostics = files?.first?["diagnostics"] as? [[String: Any]]
        #expect(diagnostics?.first?["message"] as? String == message)
        #expect(files?.first?["path"] as? String == "dir/a \"b\".bp")
    }

    @Test func emptyRunIsAValidDocument() throws {
        let json = render(.json, [])
        #expect(json.contains(#""files": []"#))
        #expect(json.contains(#""errors": 0"#))
        let sarif = render(.sarif, [])
        #expect(sarif.contains(#""results": []"#))
        #expect(sarif.contains(#""executionSuccessful": true"#))
        _ = try JSONSerialization.jsonObject(with: Data(sarif.utf8))
    }

    /// One run and one document for all files; a note into another file of the
    /// run gets that file's lines and columns; rules are listed once, sorted.
    @Test func severalFilesShareOneDocument() throws {
        let other = SourceFile(path: "lib/u.bp", text: "ab\ncd\n")
        let pointing = Diagnostic(
            DiagnosticCode("BP3002"), .error, "again", at: SourceRange(4, 5),
            notes: [DiagnosticNote("see t", range: SourceRange(15, 16), file: "t.bp")])
        let reports = Self.reports + [DiagnosticReport(file: other, diagnostics: [pointing])]
        let json = try decode(render(.json, reports))
        let files = json["files"] as? [[String: Any]] ?? []
        #expect(files.map { $0["path"] as? String } == ["t.bp", "lib/u.bp"])
        let note = ((files.last?["diagnostics"] as? [[String: Any]])?.first?["notes"] as? [[String: Any]])?.first
        #expect(note?["path"] as? String == "t.bp")
        #expect(note?["line"] as? Int == 1)
        #expect(note?["column"] as? Int == 16)
        let sarif = try decode(render(.sarif, reports))
        let runs = sarif["runs"] as? [[String: Any]] ?? []
        #expect(runs.count == 1)
        let results = runs.first?["results"] as? [[String: Any]] ?? []
        #expect(results.map { $0["ruleId"] as? String } == ["BP3002", "BP1007", "BP3010", "BP3002"])
        let driver = (runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        let rules = driver?["rules"] as? [[String: Any]] ?? []
        #expect(rules.map { $0["id"] as? String } == ["BP1007", "BP3002", "BP3010"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [1, 0, 2, 1])
    }

    @Test(arguments: [
        ("a.bp", "a.bp"), ("dir/sub/a.yaml", "dir/sub/a.yaml"), ("a b/<c>.bp", "a%20b/%3Cc%3E.bp"),
        ("/abs/x.bp", "/abs/x.bp"), ("caf\u{E9}.bp", "caf%C3%A9.bp"), ("c:x.bp", "c%3Ax.bp"),
    ])
    func sarifURIs(path: String, uri: String) {
        #expect(DiagnosticRenderer.uriReference(path) == uri)
    }

    @Test func utf16ColumnsAndClampedRanges() {
        let at = RangePositions(SourceRange(21, 25), in: Self.file)
        #expect((at.line, at.column, at.endColumn, at.utf16Column, at.utf16EndColumn) == (2, 5, 9, 5, 7))
        let past = RangePositions(SourceRange(100, 120), in: Self.file)
        #expect((past.offset, past.length) == (Self.file.bytes.count, 0))
        #expect((past.line, past.column) == (3, 1))
    }

    private func decode(_ text: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
    }
}
