// Lexer tests: for each input, the exact (kind, text) tokens and the exact
// diagnostics (code, range, message); plus line starts, sub-ranges and limits.

import BlueprintSyntax
import Testing

/// An expected token: its kind and its text (invalid UTF-8 shown as U+FFFD).
struct Tok: Equatable, Sendable, CustomStringConvertible {
    var kind: TokenKind
    var text: String

    static func id(_ text: String) -> Tok { Tok(kind: .identifier, text: text) }
    static func int(_ text: String) -> Tok { Tok(kind: .int, text: text) }
    static func float(_ text: String) -> Tok { Tok(kind: .float, text: text) }
    static func dur(_ text: String) -> Tok { Tok(kind: .duration, text: text) }
    static func str(_ text: String) -> Tok { Tok(kind: .string, text: text) }
    static func ml(_ text: String) -> Tok { Tok(kind: .multilineString, text: text) }
    static func ws(_ text: String) -> Tok { Tok(kind: .whitespace, text: text) }
    static func nl(_ text: String) -> Tok { Tok(kind: .newline, text: text) }
    static func comment(_ text: String) -> Tok { Tok(kind: .comment, text: text) }
    static func bad(_ text: String) -> Tok { Tok(kind: .invalid, text: text) }

    /// Punctuation, its kind taken from its text.
    static func p(_ text: String) -> Tok {
        let kinds: [String: TokenKind] = [
            "{": .leftBrace, "}": .rightBrace, "(": .leftParen, ")": .rightParen, "[": .leftBracket,
            "]": .rightBracket, ":": .colon, ",": .comma, ".": .dot, "|": .pipe, "=": .equals,
        ]
        return Tok(kind: kinds[text] ?? .invalid, text: text)
    }

    var description: String { "\(kind) \(text.debugDescription)" }
}

struct LexCase: Sendable, CustomTestStringConvertible {
    var bytes: [UInt8]
    var trivia: Bool
    var tokens: [Tok]
    var diagnostics: [D]

    init(_ source: String, trivia: Bool = false, _ tokens: [Tok], _ diagnostics: [D]) {
        self.init(bytes: Array(source.utf8), trivia: trivia, tokens, diagnostics)
    }

    init(bytes: [UInt8], trivia: Bool = false, _ tokens: [Tok], _ diagnostics: [D]) {
        self.bytes = bytes
        self.trivia = trivia
        self.tokens = tokens
        self.diagnostics = diagnostics
    }

    var testDescription: String { String(decoding: bytes, as: UTF8.self).debugDescription }
}

@Suite("Lexer")
struct LexerTests {
    static let cases: [LexCase] = [
        LexCase(
            "mysql-blueprint",
            [.id("mysql-blueprint")],
            []),
        LexCase(
            "a-",
            [.id("a"), .bad("-")],
            [
                D("BP0001", "1:2-1:3", "unexpected '-' (a negative number needs a digit right after '-')")
            ]),
        LexCase(
            "a--b",
            [.id("a"), .bad("-"), .bad("-"), .id("b")],
            [
                D("BP0001", "1:2-1:3", "unexpected '-' (a negative number needs a digit right after '-')"),
                D("BP0001", "1:3-1:4", "unexpected '-' (a negative number needs a digit right after '-')"),
            ]),
        LexCase(
            "a-b-c x_1 _y Z9 -a",
            [.id("a-b-c"), .id("x_1"), .id("_y"), .id("Z9"), .bad("-"), .id("a")],
            [
                D("BP0001", "1:17-1:18", "unexpected '-' (a negative number needs a digit right after '-')")
            ]),
        LexCase(
            "0 42 007",
            [.int("0"), .int("42"), .int("007")],
            []),
        LexCase(
            "-7 -0 --1",
            [.int("-7"), .int("-0"), .bad("-"), .int("-1")],
            [
                D("BP0001", "1:7-1:8", "unexpected '-' (a negative number needs a digit right after '-')")
            ]),
        LexCase(
            "1.5 -2.25 0.0",
            [.float("1.5"), .float("-2.25"), .float("0.0")],
            []),
        LexCase(
            "1e3 1E-2 2.5e+10 -3e5",
            [.float("1e3"), .float("1E-2"), .float("2.5e+10"), .float("-3e5")],
            []),
        LexCase(
            "1. 1.e3 .5 1e",
            [.int("1"), .p("."), .int("1"), .p("."), .id("e3"), .p("."), .int("5"), .bad("1e")],
            [
                D("BP0006", "1:12-1:14", "malformed number or duration '1e' (durations look like 30s, 10m, 1h30m, 500ms)")
            ]),
        LexCase(
            "1.5.6",
            [.float("1.5"), .p("."), .int("6")],
            []),
        LexCase(
            "10m 1h30m 500ms 1h2m3s4ms 0s 90s",
            [.dur("10m"), .dur("1h30m"), .dur("500ms"), .dur("1h2m3s4ms"), .dur("0s"), .dur("90s")],
            []),
        LexCase(
            "10x 1m2 10s5 -10m 1.5s 10mss 1H",
            [.bad("10x"), .bad("1m2"), .bad("10s5"), .bad("-10m"), .bad("1.5s"), .bad("10mss"), .bad("1H")],
            [
                D("BP0006", "1:1-1:4", "malformed number or duration '10x' (durations look like 30s, 10m, 1h30m, 500ms)"),
                D("BP0006", "1:5-1:8", "malformed number or duration '1m2' (durations look like 30s, 10m, 1h30m, 500ms)"),
                D("BP0006", "1:9-1:13", "malformed number or duration '10s5' (durations look like 30s, 10m, 1h30m, 500ms)"),
                D("BP0006", "1:14-1:18", "malformed number or duration '-10m' (durations look like 30s, 10m, 1h30m, 500ms)"),
                D("BP0006", "1:19-1:23", "malformed number or duration '1.5s' (durations look like 30s, 10m, 1h30m, 500ms)"),
                D("BP0006", "1:24-1:29", "malformed number or duration '10mss' (durations look like 30s, 10m, 1h30m, 500ms)"),
                D("BP0006", "1:30-1:32", "malformed number or duration '1H' (durations look like 30s, 10m, 1h30m, 500ms)"),
            ]),
        LexCase(
            "3h. 12ab 10m.x",
            [.dur("3h"), .p("."), .bad("12ab"), .dur("10m"), .p("."), .id("x")],
            [
                D("BP0006", "1:5-1:9", "malformed number or duration '12ab' (durations look like 30s, 10m, 1h30m, 500ms)")
            ]),
        LexCase(
            "\"abc\" \"\" \"a\\\"b\" \"\\\\\" \"a\\nb\\t\"",
            [.str("\"abc\""), .str("\"\""), .str("\"a\\\"b\""), .str("\"\\\\\""), .str("\"a\\nb\\t\"")],
            []),
        LexCase(
            "\"x\\(y)z\"",
            [.str("\"x\\(y)z\"")],
            []),
        LexCase(
            "\"a\\(f(\"x)\", (1)))b\" c",
            [.str("\"a\\(f(\"x)\", (1)))b\""), .id("c")],
            []),
        LexCase(
            "\"\\(\"\\(\"x\")\")\" y",
            [.str("\"\\(\"\\(\"x\")\")\""), .id("y")],
            []),
        LexCase(
            "\"\\((\"(\"))\"",
            [.str("\"\\((\"(\"))\"")],
            []),
        LexCase(
            "\"{{ .X }}\" \"\\{\"",
            [.str("\"{{ .X }}\""), .str("\"\\{\"")],
            []),
        LexCase(
            "#\"a\\nb\"# ##\"q\"#\"## #\"\\#(x)\"#",
            [.str("#\"a\\nb\"#"), .str("##\"q\"#\"##"), .str("#\"\\#(x)\"#")],
            []),
        LexCase(
            "#\"x\"## y",
            [.str("#\"x\"#")],
            []),
        LexCase(
            "#\"a\"b\"#",
            [.str("#\"a\"b\"#")],
            []),
        LexCase(
            "x = \"\"\"\n  a\n  b\\\n  \"\"\" y",
            [.id("x"), .p("="), .ml("\"\"\"\n  a\n  b\\\n  \"\"\""), .id("y")],
            []),
        LexCase(
            "#\"\"\"\n  \\n \"x\" \"\"\"\n  \"\"\"# z",
            [.ml("#\"\"\"\n  \\n \"x\" \"\"\"\n  \"\"\"#"), .id("z")],
            []),
        LexCase(
            "\"\"\"\n  \\(f(\n  \"s\"))\n  \"\"\"",
            [.ml("\"\"\"\n  \\(f(\n  \"s\"))\n  \"\"\"")],
            []),
        LexCase(
            "# comment \"x\"\n#not raw\nx # trailing", trivia: true,
            [.comment("# comment \"x\""), .nl("\n"), .comment("#not raw"), .nl("\n"), .id("x"), .ws(" "), .comment("# trailing")],
            []),
        LexCase(
            "## two\n#!/bin/sh\n#\"raw\"#", trivia: true,
            [.comment("## two"), .nl("\n"), .comment("#!/bin/sh"), .nl("\n"), .str("#\"raw\"#")],
            []),
        LexCase(
            "{}()[]:,.|=",
            [.p("{"), .p("}"), .p("("), .p(")"), .p("["), .p("]"), .p(":"), .p(","), .p("."), .p("|"), .p("=")],
            []),
        LexCase(
            "a\r\nb\rc\n", trivia: true,
            [.id("a"), .nl("\r\n"), .id("b"), .nl("\r"), .id("c"), .nl("\n")],
            []),
        LexCase(
            "\u{feff}a", trivia: true,
            [.ws("\u{feff}"), .id("a")],
            []),
        LexCase(
            "a \t\u{b}\u{c}b", trivia: true,
            [.id("a"), .ws(" \t\u{b}\u{c}"), .id("b")],
            []),
        LexCase(
            "a\u{feff}",
            [.id("a"), .bad("\u{feff}")],
            [
                D("BP0001", "1:2-1:5", "unexpected character '\u{feff}' (U+FEFF)")
            ]),
        LexCase(
            bytes: [0x61, 0x00, 0x62],
            [.id("a"), .bad("\u{0}"), .id("b")],
            [
                D("BP0003", "1:2-1:3", "unexpected NUL byte")
            ]),
        LexCase(
            bytes: [0x00, 0x00, 0x00],
            [.bad("\u{0}\u{0}\u{0}")],
            [
                D("BP0003", "1:1-1:4", "unexpected NUL bytes (3)")
            ]),
        LexCase(
            bytes: [0x22, 0x78, 0x00, 0x79, 0x22, 0x20, 0x23, 0x20, 0x63, 0x00],
            [.str("\"x\u{0}y\"")],
            [
                D("BP0003", "1:3-1:4", "NUL byte in text"),
                D("BP0003", "1:10-1:11", "NUL byte in text"),
            ]),
        LexCase(
            "\u{7} \u{7f}",
            [.bad("\u{7}"), .bad("\u{7f}")],
            [
                D("BP0001", "1:1-1:2", "unexpected control character U+07"),
                D("BP0001", "1:3-1:4", "unexpected control character U+7F"),
            ]),
        LexCase(
            bytes: [0x61, 0x20, 0xFF, 0x20, 0x62],
            [.id("a"), .bad("�"), .id("b")],
            [
                D("BP0002", "1:3-1:4", "unexpected byte 0xFF, which is not UTF-8")
            ]),
        LexCase(
            bytes: [0xFF, 0xFE],
            [.bad("��")],
            [
                D("BP0002", "1:1-1:3", "unexpected bytes 0xFF 0xFE, which are not UTF-8")
            ]),
        LexCase(
            bytes: [0xC3, 0x20, 0xE2, 0x82, 0x20, 0xC0, 0x80],
            [.bad("�"), .bad("�"), .bad("��")],
            [
                D("BP0002", "1:1-1:2", "unexpected byte 0xC3, which is not UTF-8"),
                D("BP0002", "1:3-1:5", "unexpected bytes 0xE2 0x82, which are not UTF-8"),
                D("BP0002", "1:6-1:8", "unexpected bytes 0xC0 0x80, which are not UTF-8"),
            ]),
        LexCase(
            bytes: [0xED, 0xA0, 0x80],
            [.bad("���")],
            [
                D("BP0002", "1:1-1:4", "unexpected bytes 0xED 0xA0 0x80, which are not UTF-8")
            ]),
        LexCase(
            bytes: [0x22, 0xFF, 0x22, 0x20, 0x23, 0x20, 0xC3],
            [.str("\"�\"")],
            [
                D("BP0002", "1:2-1:3", "byte 0xFF is not valid UTF-8"),
                D("BP0002", "1:7-1:8", "byte 0xC3 is not valid UTF-8"),
            ]),
        LexCase(
            "\"€ ok\"",
            [.str("\"€ ok\"")],
            []),
        LexCase(
            "é",
            [.bad("é")],
            [
                D("BP0001", "1:1-1:3", "unexpected character 'é' (U+00E9)")
            ]),
        LexCase(
            "café 日本",
            [.id("caf"), .bad("é"), .bad("日本")],
            [
                D("BP0001", "1:4-1:6", "unexpected character 'é' (U+00E9)"),
                D("BP0001", "1:7-1:13", "unexpected characters '日本'"),
            ]),
        LexCase(
            "😀 \"😀\"",
            [.bad("😀"), .str("\"😀\"")],
            [
                D("BP0001", "1:1-1:5", "unexpected character '😀' (U+1F600)")
            ]),
        LexCase(
            "@$% ; @",
            [.bad("@$%"), .bad(";"), .bad("@")],
            [
                D("BP0001", "1:1-1:4", "unexpected characters '@$%'"),
                D("BP0001", "1:5-1:6", "unexpected character ';'"),
                D("BP0001", "1:7-1:8", "unexpected character '@'"),
            ]),
        LexCase(
            "\"abc",
            [.str("\"abc")],
            [
                D("BP0004", "1:1-1:2", "unterminated string; expected \"")
            ]),
        LexCase(
            "\"abc\nd",
            [.str("\"abc"), .id("d")],
            [
                D("BP0004", "1:1-1:2", "unterminated string; expected \"")
            ]),
        LexCase(
            "\"abc\\",
            [.str("\"abc\\")],
            [
                D("BP0004", "1:1-1:2", "unterminated string; expected \"")
            ]),
        LexCase(
            "\"abc\\\"",
            [.str("\"abc\\\"")],
            [
                D("BP0004", "1:1-1:2", "unterminated string; expected \"")
            ]),
        LexCase(
            "#\"abc\"",
            [.str("#\"abc\"")],
            [
                D("BP0004", "1:1-1:3", "unterminated string; expected \"#")
            ]),
        LexCase(
            "\"\"\"\n  abc",
            [.ml("\"\"\"\n  abc")],
            [
                D("BP0004", "1:1-1:4", "unterminated multi-line string; expected \"\"\"")
            ]),
        LexCase(
            "#\"\"\"\n  x\n  \"\"\"",
            [.ml("#\"\"\"\n  x\n  \"\"\"")],
            [
                D("BP0004", "1:1-1:5", "unterminated multi-line string; expected \"\"\"#")
            ]),
        LexCase(
            "\"x\\(a",
            [.str("\"x\\(a")],
            [
                D("BP0008", "1:3-1:6", "unterminated interpolation; expected ')'")
            ]),
        LexCase(
            "\"x\\(a\n)\"",
            [.str("\"x\\(a"), .p(")"), .str("\"")],
            [
                D("BP0008", "1:3-1:6", "unterminated interpolation; expected ')'"),
                D("BP0004", "2:2-2:3", "unterminated string; expected \""),
            ]),
        LexCase(
            "\"a\\(x\"",
            [.str("\"a\\(x\"")],
            [
                D("BP0008", "1:3-1:7", "unterminated interpolation; expected ')'")
            ]),
        LexCase(
            "\"a\\(\"b\"",
            [.str("\"a\\(\"b\"")],
            [
                D("BP0008", "1:3-1:8", "unterminated interpolation; expected ')'")
            ]),
        LexCase(
            "\"\"\"\n  \\(x\n  \"\"\"",
            [.ml("\"\"\"\n  \\(x\n  \"\"\"")],
            [
                D("BP0008", "2:3-3:6", "unterminated interpolation; expected ')'")
            ]),
        LexCase(
            "“x” \u{a0}",
            [.bad("“"), .id("x"), .bad("”"), .bad("\u{a0}")],
            [
                D("BP0001", "1:1-1:4", "unexpected character '“' (U+201C)"),
                D("BP0001", "1:5-1:8", "unexpected character '”' (U+201D)"),
                D("BP0001", "1:9-1:11", "unexpected character '\u{a0}' (U+00A0)"),
            ]),
        LexCase(
            "-",
            [.bad("-")],
            [
                D("BP0001", "1:1-1:2", "unexpected '-' (a negative number needs a digit right after '-')")
            ]),
        LexCase(
            "- 1",
            [.bad("-"), .int("1")],
            [
                D("BP0001", "1:1-1:2", "unexpected '-' (a negative number needs a digit right after '-')")
            ]),
    ]

    @Test(arguments: cases)
    func tokensAndDiagnostics(_ lexCase: LexCase) {
        let file = SourceFile(path: "test.bp", bytes: lexCase.bytes)
        let lexed = Lexer.tokenize(lexCase.bytes, includeTrivia: lexCase.trivia)
        let tokens = lexed.tokens.dropLast().map { Tok(kind: $0.kind, text: file.text($0.range)) }
        #expect(tokens == lexCase.tokens)
        #expect(lexed.tokens.last?.kind == .endOfFile)
        #expect(lexed.tokens.last?.range == SourceRange(lexCase.bytes.count, lexCase.bytes.count))
        expectDiagnostics(lexed.diagnostics, in: file, lexCase.diagnostics)
    }

    /// The same inputs with trivia: the ranges tile the input, and dropping
    /// the trivia gives the tokens of a run without it.
    @Test(arguments: cases)
    func triviaTilesTheInput(_ lexCase: LexCase) {
        let withTrivia = Lexer.tokenize(lexCase.bytes, includeTrivia: true)
        var offset = 0
        for token in withTrivia.tokens {
            #expect(token.range.start == offset, "gap or overlap before \(token)")
            offset = token.range.end
        }
        #expect(offset == lexCase.bytes.count)
        let plain = Lexer.tokenize(lexCase.bytes)
        #expect(withTrivia.tokens.filter { !$0.kind.isTrivia }.map(\.range) == plain.tokens.map(\.range))
        #expect(withTrivia.diagnostics == plain.diagnostics)
    }

    @Test func lineStartFlags() {
        let source = "a b\n  c # x\n\n# y\nd \"e\nf\""
        let lexed = Lexer.tokenize(Array(source.utf8))
        let file = SourceFile(path: "test.bp", text: source)
        let flags = lexed.tokens.map { "\(file.text($0.range)):\($0.isAtLineStart)" }
        #expect(flags == ["a:true", "b:false", "c:true", "d:true", "\"e:false", "f:true", "\":false", ":false"])
    }

    @Test func unterminatedFlag() {
        let source = "\"ok\" \"open\n#\"raw\"#\n\"\"\"\n  x\n"
        let lexed = Lexer.tokenize(Array(source.utf8))
        #expect(lexed.tokens.map(\.isUnterminated) == [false, true, false, true, false])
    }

    @Test func subrange() {
        let bytes = Array("let x = [a, b] # c".utf8)
        let lexed = Lexer.tokenize(bytes, range: 8..<14)
        let file = SourceFile(path: "test.bp", bytes: bytes)
        #expect(lexed.tokens.map { file.text($0.range) } == ["[", "a", ",", "b", "]", ""])
        #expect(lexed.tokens.last?.range == SourceRange(14, 14))
        // A BOM is skipped at offset 0 only, not at the start of a sub-range.
        let bom: [UInt8] = [0x61, 0xEF, 0xBB, 0xBF]
        #expect(Lexer.tokenize(bom, range: 1..<4).diagnostics.map(\.code) == [.invalidByte])
    }

    @Test func stopsAtTheClosingParenthesisOfAnInterpolation() {
        let bytes = Array("\"\\(f(x) | g)tail \\(y)\"".utf8)
        let lexed = Lexer.tokenize(bytes, range: 3..<bytes.count, stopAtClosingParen: true)
        let file = SourceFile(path: "test.bp", bytes: bytes)
        #expect(lexed.tokens.map { file.text($0.range) } == ["f", "(", "x", ")", "|", "g", ")", ""])
        #expect(lexed.tokens.last?.range.start == 12)
    }

    /// 64 nested interpolations are fine; the 65th is one BP1005, not a crash.
    @Test(arguments: [(64, 0), (65, 1), (2_000, 1)])
    func interpolationNestingLimit(depth: Int, errors: Int) {
        var source = "x"
        for _ in 0..<depth { source = "\"\\(" + source + ")\"" }
        let lexed = Lexer.tokenize(Array(source.utf8))
        #expect(lexed.diagnostics.count == errors)
        if errors > 0 {
            let first = lexed.diagnostics[0]
            #expect(first.code == .nestingTooDeep)
            #expect(first.message == "string interpolations are nested too deeply (limit 64)")
            #expect(first.range.start == 64 * 3 + 1)
        }
        #expect(lexed.tokens.count == 2)
    }
}
