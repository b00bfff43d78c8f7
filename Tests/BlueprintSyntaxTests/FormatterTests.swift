// The formatter: idempotent over the samples and the parser fixtures (also
// with CR LF line ends), keeps every comment and every decoded string, and
// gives no text for a file with syntax errors.

import BlueprintSyntax
import Foundation
import Testing

@Suite("Formatter")
struct FormatterTests {
    /// Samples/*.bp and the parser golden inputs, by path.
    static let samples = TestPaths.files(in: TestPaths.samples, ext: "bp").map(\.path)
    static let fixtures = TestPaths.files(in: TestPaths.fixtures.appendingPathComponent("parse"), ext: "bp").map(\.path)
    static let inputs = samples + fixtures

    static func load(_ path: String, crlf: Bool = false) throws -> SourceFile {
        let data = try #require(FileManager.default.contents(atPath: path), "cannot read \(path)")
        var bytes = Array(data)
        if crlf { bytes = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] } }
        return SourceFile(path: URL(fileURLWithPath: path).lastPathComponent, bytes: bytes)
    }

    /// The samples may still be being written, but there must be some: an
    /// empty directory must not make the tests below pass vacuously.
    @Test func samplesArePresent() {
        #expect(!Self.samples.isEmpty, "no Samples/*.bp under \(TestPaths.samples.path)")
        #expect(Self.fixtures.count >= 15)
    }

    @Test(arguments: inputs, [false, true])
    func idempotent(_ path: String, crlf: Bool) throws {
        let file = try Self.load(path, crlf: crlf)
        let first = SourceFormatter.format(file)
        let text = try #require(first.text, "\(file.path) does not parse: \(first.diagnostics.map(\.message))")
        let second = SourceFormatter.format(SourceFile(path: file.path, text: text))
        let again = try #require(second.text, "formatted \(file.path) does not parse: \(second.diagnostics.map(\.message))\n\(text)")
        if again != text {
            Issue.record("format is not idempotent for \(file.path): \(Golden.firstDifference(text, again))")
        }
        #expect(!text.contains("\r"), "formatted text keeps a CR")
    }

    /// Every comment comes through, in order, with its text (trailing blanks aside).
    @Test(arguments: inputs)
    func commentsSurvive(_ path: String) throws {
        let file = try Self.load(path)
        let text = try #require(SourceFormatter.format(file).text)
        let formatted = SourceFile(path: file.path, text: text)
        #expect(Self.comments(formatted) == Self.comments(file))
    }

    /// The tree without positions is the same: names, structure and every
    /// decoded string (multi-line strings are re-indented, not changed).
    @Test(arguments: inputs, [false, true])
    func treeAndStringsSurvive(_ path: String, crlf: Bool) throws {
        let file = try Self.load(path, crlf: crlf)
        let text = try #require(SourceFormatter.format(file).text)
        let formatted = SourceFile(path: file.path, text: text)
        let before = dumpWithoutPositions(Parser.parse(file).syntax, file: file)
        let after = dumpWithoutPositions(Parser.parse(formatted).syntax, file: formatted)
        if before != after {
            Issue.record("\(file.path): the tree changed: \(Golden.firstDifference(before, after))")
        }
    }

    static func comments(_ file: SourceFile) -> [String] {
        Lexer.tokenize(file.bytes, includeTrivia: true).tokens.filter { $0.kind == .comment }.map { token in
            var text = file.text(token.range)
            while let last = text.unicodeScalars.last, last == " " || last == "\t" { text.unicodeScalars.removeLast() }
            return text
        }
    }

    /// Every malformed input of the diagnostics table: no text, the diagnostics instead.
    @Test(arguments: ParserDiagnosticTests.cases.filter { !$0.expected.isEmpty })
    func syntaxErrorsGiveNoText(_ diagnosticCase: DiagnosticCase) {
        let file = SourceFile(path: "test.bp", bytes: diagnosticCase.bytes)
        let result = SourceFormatter.format(file)
        #expect(result.text == nil)
        #expect(result.diagnostics == Parser.parse(file).diagnostics)
    }

    @Test func canonicalLayout() throws {
        let source = """
            # header
            blueprint   demo{namespace:"ns"}
            let   a=[1,2 ,3]   # trailing
            action   backup   on   StatefulSet{
            phase dump:KubeTask{image:"x",command:bash "echo"}retry 2
            }
            """
        let text = try #require(SourceFormatter.format(SourceFile(path: "t.bp", text: source)).text)
        #expect(
            text == """
                # header
                blueprint demo { namespace: "ns" }

                let a = [1, 2, 3] # trailing

                action backup on StatefulSet {
                  phase dump: KubeTask { image: "x", command: bash "echo" } retry 2
                }

                """)
    }

    @Test func whenClauseLayout() throws {
        let source = "action a {\nphase p:KubeTask{image:\"x\"}when   eq( Options.m ,\"y\" )retry 1\n}\n"
        let text = try #require(SourceFormatter.format(SourceFile(path: "t.bp", text: source)).text)
        #expect(text == "action a {\n  phase p: KubeTask { image: \"x\" } when eq(Options.m, \"y\") retry 1\n}\n")
    }

    @Test(arguments: ["", "\u{FEFF}", "\n\n", "# only a comment\n", "# one\n\n# two"])
    func trivialFiles(_ source: String) throws {
        let file = SourceFile(path: "t.bp", text: source)
        let text = try #require(SourceFormatter.format(file).text)
        #expect(Self.comments(SourceFile(path: "t.bp", text: text)) == Self.comments(file))
        #expect(SourceFormatter.format(SourceFile(path: "t.bp", text: text)).text == text)
    }
}

@Suite("Formatter hugging a final multi-line string")
struct FormatterHugTests {
    static let source = """
        action a {
          phase p: KubeTask {
            command: ["sh",   "-c", \"\"\"
                  echo hi
                  \"\"\"]
            other: [
              "sh"
              \"\"\"
                x
                \"\"\"
            ]
          }
        }

        """

    @Test func listHuggingItsLastStringStaysHuggedAndReindented() throws {
        let text = try #require(SourceFormatter.format(SourceFile(path: "hug.bp", text: Self.source)).text)
        #expect(text.contains("    command: [\"sh\", \"-c\", \"\"\"\n      echo hi\n      \"\"\"]\n"), "\(text)")
        // A list that does not start its last string on the opening line keeps one item a line.
        #expect(text.contains("    other: [\n      \"sh\"\n"), "\(text)")
        #expect(SourceFormatter.format(SourceFile(path: "hug.bp", text: text)).text == text)
    }
}
