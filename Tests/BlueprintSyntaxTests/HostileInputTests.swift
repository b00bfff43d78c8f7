// Hostile and degenerate inputs: empty files, a lone BOM, only comments, CR LF
// line ends, 10 MB lines, many siblings and deep nesting. Nothing crashes,
// nothing is quadratic, and the results are what the grammar says.

import BlueprintSyntax
import Foundation
import Testing

@Suite("Hostile inputs")
struct HostileInputTests {
    @Test func emptyFile() {
        let file = SourceFile(path: "empty.bp", bytes: [])
        #expect(Lexer.tokenize([]).tokens == [Token(kind: .endOfFile, range: SourceRange(0, 0), isAtLineStart: true)])
        let result = Parser.parse(file)
        #expect(result.syntax.declarations.isEmpty)
        #expect(result.diagnostics.isEmpty)
        #expect(ASTDumper.dump(result.syntax, file: file) == "File @1:1-1:1\n")
        #expect(SourceFormatter.format(file).text == "")
    }

    @Test func onlyByteOrderMark() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        let file = SourceFile(path: "bom.bp", bytes: bytes)
        #expect(Lexer.tokenize(bytes).tokens == [Token(kind: .endOfFile, range: SourceRange(3, 3), isAtLineStart: true)])
        #expect(Lexer.tokenize(bytes, includeTrivia: true).tokens.map(\.kind) == [.whitespace, .endOfFile])
        let result = Parser.parse(file)
        #expect(result.syntax.declarations.isEmpty && result.diagnostics.isEmpty)
        #expect(ASTDumper.dump(result.syntax, file: file) == "File @1:1-1:4\n")
        #expect(SourceFormatter.format(file).text == "")
    }

    /// A BOM before real content changes nothing but the offsets.
    @Test func byteOrderMarkBeforeContent() {
        let text = "let x = 1\n"
        let plain = parse(text)
        let withMark = SourceFile(path: "test.bp", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let result = Parser.parse(withMark)
        #expect(result.diagnostics.isEmpty)
        #expect(dumpWithoutPositions(result.syntax, file: withMark) == dumpWithoutPositions(plain.result.syntax, file: plain.file))
        #expect(SourceFormatter.format(withMark).text == text)
    }

    @Test(arguments: ["# one", "# one\n", "\n\n# a\n   # b\n\n", "#\n#\n#", "# \"not a string\n# \\(x", "\t \n \t"])
    func onlyCommentsAndBlanks(_ text: String) throws {
        let (file, result) = parse(text)
        #expect(result.syntax.declarations.isEmpty)
        #expect(result.diagnostics.isEmpty)
        let formatted = try #require(SourceFormatter.format(file).text)
        #expect(FormatterTests.comments(SourceFile(path: "f.bp", text: formatted)) == FormatterTests.comments(file))
    }

    /// CR LF line ends give the same tree, positions included, and the same diagnostics.
    @Test(arguments: FormatterTests.inputs)
    func crlfParsesLikeLF(_ path: String) throws {
        let lf = try FormatterTests.load(path)
        let crlf = try FormatterTests.load(path, crlf: true)
        let lfResult = Parser.parse(lf)
        let crlfResult = Parser.parse(crlf)
        let lfDump = ASTDumper.dump(lfResult.syntax, file: lf)
        let crlfDump = ASTDumper.dump(crlfResult.syntax, file: crlf)
        if lfDump != crlfDump {
            Issue.record("\(lf.path): CR LF changes the tree: \(Golden.firstDifference(lfDump, crlfDump))")
        }
        #expect(crlfResult.diagnostics.isEmpty == lfResult.diagnostics.isEmpty)
    }

    @Test(arguments: ParserDiagnosticTests.cases.filter { !$0.bytes.contains(0x0D) && $0.bytes.count < 1_000 })
    func crlfDiagnosticsLikeLF(_ diagnosticCase: DiagnosticCase) {
        let lf = SourceFile(path: "test.bp", bytes: diagnosticCase.bytes)
        let crlf = SourceFile(path: "test.bp", bytes: diagnosticCase.bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] })
        let shape = { (file: SourceFile) in
            Parser.parse(file).diagnostics.map { "\($0.code) \(file.location(of: $0.range.start)) \($0.message)" }
        }
        #expect(shape(crlf) == shape(lf))
    }

    // MARK: size

    static let tenMegabytes = 10_000_000

    /// A 10 MB string on one line: one token, one text segment, no diagnostic, linear time.
    @Test(.timeLimit(.minutes(1)))
    func tenMegabyteString() throws {
        let text = "let x = \"" + String(repeating: "a", count: Self.tenMegabytes) + "\"\n"
        let start = ContinuousClock.now
        let (file, result) = parse(text)
        #expect(result.diagnostics.isEmpty)
        guard case .constant(let decl) = try #require(result.syntax.declarations.first),
            case .string(let literal) = decl.value.kind
        else {
            Issue.record("not a let of a string")
            return
        }
        #expect(literal.constantText?.utf8.count == Self.tenMegabytes)
        #expect(SourceFormatter.format(file).text == text)
        #expect(ContinuousClock.now - start < .seconds(30))
    }

    @Test(.timeLimit(.minutes(1)))
    func tenMegabyteIdentifierAndComment() {
        let identifier = String(repeating: "a", count: Self.tenMegabytes)
        let (_, result) = parse("let x = " + identifier + "\n# " + identifier)
        #expect(result.diagnostics.isEmpty)
        #expect(result.syntax.declarations.count == 1)
    }

    /// 10 MB of one invalid character: one token, one diagnostic, a short rendering.
    @Test(.timeLimit(.minutes(1)))
    func tenMegabytesOfJunk() {
        let (file, result) = parse(String(repeating: "@", count: Self.tenMegabytes))
        #expect(result.diagnostics.map(\.code) == [.invalidByte])
        #expect(result.diagnostics.first?.message == "unexpected characters '@@@@@@@@@@@@@@@@@@@@@@@@...'")
        let rendered = DiagnosticRenderer().render(result.diagnostics, in: file)
        #expect(rendered.utf8.count < 1_000)
    }

    /// Junk that makes one error per token stops at the diagnostic limit.
    @Test func manyErrors() {
        let (_, result) = parse(String(repeating: "let = 1\n", count: 100_000))
        #expect(result.diagnostics.count == Parser.maxDiagnostics + 1)
        #expect(result.diagnostics.last?.code == .tooManyErrors)
    }

    @Test(.timeLimit(.minutes(1)))
    func manySiblings() {
        let list = parse("let x = [" + String(repeating: "1, ", count: 200_000) + "]\n")
        #expect(list.result.diagnostics.isEmpty)
        let interpolations = parse("let x = \"" + String(repeating: "\\(a)-", count: 50_000) + "\"\n")
        #expect(interpolations.result.diagnostics.isEmpty)
        let declarations = parse(String(repeating: "let x = 1\n", count: 50_000))
        #expect(declarations.result.syntax.declarations.count == 50_000)
        let phases = parse("action a {\n" + String(repeating: "  phase p: KubeTask { image: \"x\" } retry 1\n", count: 20_000) + "}\n")
        #expect(phases.result.diagnostics.isEmpty)
    }

    // MARK: nesting

    /// 10 000 levels of every kind of bracket: one BP1005, no stack overflow.
    @Test(arguments: ["[", "(", "{a: ", "f(", "x[", "[(", "{k: [", "\"\\("])
    func deepNesting(_ opener: String) {
        let text = "let x = " + String(repeating: opener, count: 10_000)
        let (file, result) = parse(text)
        #expect(result.diagnostics.count == 1, "\(result.diagnostics.map(\.message))")
        #expect(result.diagnostics.first?.code == .nestingTooDeep)
        _ = ASTDumper.dump(result.syntax, file: file)
        #expect(SourceFormatter.format(file).text == nil)
    }

    /// Deep nesting inside an action and a phase body, closed properly.
    @Test func deepNestingInPhaseBody() {
        let depth = 50_000
        let text =
            "action a {\n  phase p: KubeTask {\n    args: " + String(repeating: "[", count: depth)
            + String(repeating: "]", count: depth) + "\n  }\n  phase q: KubeTask {}\n}\n"
        let (_, result) = parse(text)
        #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
        guard case .action(let action) = result.syntax.declarations.first else {
            Issue.record("no action")
            return
        }
        #expect(action.items.count == 2, "recovery keeps the phase after the deep one")
    }

    /// Just below the limit everything parses, and the formatter copes.
    @Test func nestingJustBelowTheLimit() throws {
        let depth = Parser.maxDepth
        let text = "let x = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let (file, result) = parse(text)
        #expect(result.diagnostics.isEmpty)
        let formatted = try #require(SourceFormatter.format(file).text)
        #expect(formatted == text)
        let tooDeep = parse("let x = " + String(repeating: "[", count: depth + 1) + String(repeating: "]", count: depth + 1))
        #expect(tooDeep.result.diagnostics.map(\.code) == [.nestingTooDeep])
    }
}
