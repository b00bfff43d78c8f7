// The diagnostic renderer: exact text of the human and gcc styles (source
// line, caret and tildes, tabs, clipped multi-line ranges, notes, fix-its,
// the per-file limit, colour), and a golden file of a real parse.

import BlueprintSyntax
import Foundation
import Testing

@Suite("Diagnostic renderer")
struct DiagnosticRendererTests {
    /// Line 2 starts with a tab and has one between `phase` and `x`; line 3
    /// holds a two-byte character; the file has no final line feed.
    static let file = SourceFile(
        path: "demo.bp", text: "action a {\n\tphase\tx KubeTask {}\n  image: \"caf\u{E9}\" # end\n}")

    static let missingColon = Diagnostic.error(.expectedToken, "expected ':'", at: SourceRange(18, 26))
    static let unclosed = Diagnostic(
        .unclosedDelimiter, .error, "expected '}'", at: SourceRange(9, 9),
        notes: [
            DiagnosticNote("opened here", range: SourceRange(9, 10)),
            DiagnosticNote("no range"),
            DiagnosticNote("elsewhere", range: SourceRange(0, 1), file: "other.bp"),
        ],
        fixIts: [FixIt(range: SourceRange(9, 9), replacement: "}")])
    static let spanning = Diagnostic(.expectedToken, .warning, "spans lines", at: SourceRange(11, 40))
    static let afterWideCharacter = Diagnostic.error(.invalidByte, "after e-acute", at: SourceRange(51, 53))
    static let atEnd = Diagnostic.error(.expectedExpression, "at end", at: SourceRange(file.bytes.count, file.bytes.count))

    @Test func humanStyle() {
        let text = DiagnosticRenderer().render(
            [Self.missingColon, Self.unclosed, Self.spanning, Self.afterWideCharacter, Self.atEnd], in: Self.file)
        #expect(
            text == """
                demo.bp:2:8: error[BP1001]: expected ':'
                     phase x KubeTask {}
                           ^~~~~~~~
                demo.bp:1:10: error[BP1008]: expected '}'
                    action a {
                             ^
                demo.bp:1:10: note: opened here
                    action a {
                             ^
                  note: no range
                other.bp: note: elsewhere
                  fix: replace with '}'
                demo.bp:2:1: warning[BP1001]: spans lines
                     phase x KubeTask {}
                    ^~~~~~~~~~~~~~~~~~~~
                demo.bp:3:20: error[BP0001]: after e-acute
                      image: "café" # end
                                      ^~
                demo.bp:4:2: error[BP1004]: at end
                    }
                     ^

                """)
    }

    @Test func gccStyle() {
        let text = DiagnosticRenderer(style: .gcc).render(
            [Self.missingColon, Self.unclosed, Self.spanning], in: Self.file)
        #expect(
            text == """
                demo.bp:2:8: error: expected ':' [BP1001]
                demo.bp:1:10: error: expected '}' [BP1008]
                demo.bp:1:10: note: opened here
                demo.bp: note: no range
                other.bp: note: elsewhere
                demo.bp:2:1: warning: spans lines [BP1001]

                """)
    }

    @Test func limitPerFile() {
        let diagnostics = [Self.missingColon, Self.spanning, Self.afterWideCharacter, Self.atEnd]
        let text = DiagnosticRenderer(limitPerFile: 1).render(diagnostics, in: Self.file)
        #expect(
            text == """
                demo.bp:2:8: error[BP1001]: expected ':'
                     phase x KubeTask {}
                           ^~~~~~~~
                demo.bp: and 3 more diagnostics

                """)
        let all = DiagnosticRenderer(limitPerFile: 4).render(diagnostics, in: Self.file)
        #expect(!all.contains("more diagnostics"))
    }

    @Test func colour() {
        let text = DiagnosticRenderer(useColor: true).render([Self.missingColon], in: Self.file)
        #expect(
            text == "demo.bp:2:8: \u{1B}[1;31merror\u{1B}[0m[BP1001]: expected ':'\n"
                + "     phase x KubeTask {}\n"
                + "           \u{1B}[1;32m^~~~~~~~\u{1B}[0m\n")
    }

    /// A column far to the right shows a window of the line, marked with "...".
    @Test func longLine() {
        let file = SourceFile(path: "long.bp", text: String(repeating: "x", count: 300) + " @ " + String(repeating: "y", count: 300))
        let text = DiagnosticRenderer().render([.error(.invalidByte, "far", at: SourceRange(301, 302))], in: file)
        let shown = String(repeating: "x", count: 199) + " @ " + String(repeating: "y", count: 38)
        #expect(
            text == "long.bp:1:302: error[BP0001]: far\n    ...\(shown)\n    \(String(repeating: " ", count: 203))^\n")
    }

    /// CR LF line ends are not shown, and a caret after the last character
    /// stands just past it.
    @Test func crlfLine() {
        let file = SourceFile(path: "crlf.bp", text: "let x =\r\nlet y = 1\r\n")
        let text = DiagnosticRenderer().render([.error(.expectedExpression, "crlf", at: SourceRange(7, 7))], in: file)
        #expect(text == "crlf.bp:1:8: error[BP1004]: crlf\n    let x =\n           ^\n")
    }

    /// Control bytes print as '?', one column each, so the caret lines up.
    @Test func controlBytes() {
        let file = SourceFile(path: "c.bp", bytes: Array("a\u{0}b\u{7}c @".utf8))
        let text = DiagnosticRenderer().render([.error(.invalidByte, "here", at: SourceRange(6, 7))], in: file)
        #expect(text == "c.bp:1:7: error[BP0001]: here\n    a?b?c @\n          ^\n")
    }

    @Test func noDiagnostics() {
        #expect(DiagnosticRenderer().render([], in: Self.file) == "")
        #expect(DiagnosticRenderer(style: .gcc).render([], in: Self.file) == "")
    }

    /// A real file with several errors, rendered in both styles.
    @Test(arguments: ["several_errors"])
    func golden(_ name: String) throws {
        let directory = TestPaths.fixtures.appendingPathComponent("render")
        let url = directory.appendingPathComponent(name + ".bp")
        let data = try #require(FileManager.default.contents(atPath: url.path))
        let file = SourceFile(path: name + ".bp", bytes: Array(data))
        let diagnostics = Parser.parse(file).diagnostics
        let text =
            DiagnosticRenderer().render(diagnostics, in: file)
            + "--- gcc\n" + DiagnosticRenderer(style: .gcc).render(diagnostics, in: file)
        Golden.check(text, against: directory.appendingPathComponent(name + ".txt"))
    }
}
