// Malformed inputs, each with its exact diagnostics (code, line:col, message,
// notes): one diagnostic per mistake, at the right place, with no cascade.

import BlueprintSyntax
import Testing

struct DiagnosticCase: Sendable, CustomTestStringConvertible {
    var name: String
    var bytes: [UInt8]
    var expected: [D]

    init(_ name: String, _ source: String, _ expected: [D]) {
        self.init(name, bytes: Array(source.utf8), expected)
    }

    init(_ name: String, bytes: [UInt8], _ expected: [D]) {
        self.name = name
        self.bytes = bytes
        self.expected = expected
    }

    var testDescription: String { name }
}

@Suite("Parser diagnostics")
struct ParserDiagnosticTests {
    static let cases: [DiagnosticCase] = [
        DiagnosticCase(
            "missing colon after phase name",
            "action a {\n  phase dump KubeTask {}\n}\n",
            [
                D("BP1001", "2:14", "expected ':' after the phase name 'dump', found 'KubeTask'")
            ]),
        DiagnosticCase(
            "missing colon after quoted phase name",
            "action a {\n  phase \"dump-all\" KubeTask {}\n}\n",
            [
                D("BP1001", "2:20", "expected ':' after the phase name 'dump-all', found 'KubeTask'")
            ]),
        DiagnosticCase(
            "missing closing brace of action at end of file",
            "action backup {\n  phase dump: KubeTask {}\n",
            [
                D("BP1008", "2:26", "expected '}' to close action 'backup', found end of file", notes: [("1:15", "action 'backup' was opened here")])
            ]),
        DiagnosticCase(
            "missing closing brace of action before the next action",
            "action backup {\n  phase dump: KubeTask {}\n\naction restore {}\n",
            [
                D("BP1008", "2:26", "expected '}' to close action 'backup', found 'action'", notes: [("1:15", "action 'backup' was opened here")])
            ]),
        DiagnosticCase(
            "missing closing brace of phase body before the next phase",
            "action a {\n  phase x: KubeTask {\n    image: \"x\"\n  phase y: KubeTask {}\n}\n",
            [
                D("BP1008", "3:15", "expected '}' to close the phase body, found 'phase'", notes: [("2:21", "the phase body was opened here")])
            ]),
        DiagnosticCase(
            "missing closing bracket of list in a body",
            "action a {\n  phase x: KubeTask {\n    command: [\"sh\", \"-c\"\n  }\n}\n",
            [
                D("BP1008", "3:25", "expected ']' to close the list, found '}'", notes: [("3:14", "the list was opened here")])
            ]),
        DiagnosticCase(
            "missing closing bracket before the next let",
            "let x = [1, 2\nlet y = 3\n",
            [
                D("BP1008", "1:14", "expected ']' to close the list, found 'let'", notes: [("1:9", "the list was opened here")])
            ]),
        DiagnosticCase(
            "missing closing parenthesis of arguments",
            "let x = option(\"a\", default: \"b\"\nlet y = 3\n",
            [
                D("BP1008", "1:33", "expected ')' to close the argument list, found 'let'", notes: [("1:15", "the argument list was opened here")])
            ]),
        DiagnosticCase(
            "missing closing parenthesis of parenthesized expression",
            "let x = (a | b\n",
            [
                D(
                    "BP1008", "1:15", "expected ')' to close the parenthesized expression, found end of file",
                    notes: [("1:9", "the parenthesized expression was opened here")])
            ]),
        DiagnosticCase(
            "missing closing bracket of index",
            "let x = a[\"k\"\nlet y = 1\n",
            [
                D("BP1008", "1:14", "expected ']' to close the index, found 'let'", notes: [("1:10", "the index was opened here")])
            ]),
        DiagnosticCase(
            "missing comma between arguments",
            "let x = f(a b)\nlet y = g(1 2, 3)\n",
            [
                D("BP1001", "1:13", "expected ',' or ')' in the argument list, found 'b'"),
                D("BP1001", "2:13", "expected ',' or ')' in the argument list, found integer 2"),
            ]),
        DiagnosticCase(
            "input shape without kopia or keys",
            "action a {\n  input dump: path\n}\n",
            [D("BP1001", "2:15", "expected 'kopia' or '{ key, ... }' after 'input dump:', found 'path'")]),
        DiagnosticCase(
            "input shape keys left open",
            "action a {\n  input dump: { path\n  phase p: KubeTask {}\n}\n",
            [
                D(
                    "BP1008", "2:21", "expected '}' to close the keys of input 'dump', found 'phase'",
                    notes: [("2:15", "the keys of input 'dump' was opened here")])
            ]),
        DiagnosticCase(
            "unexpected token at top level",
            "foo bar\nlet x = 1\n} baz\n",
            [
                D("BP1003", "1:1", "expected a declaration (blueprint, import, let, def or action), found 'foo'"),
                D("BP1003", "3:1", "expected a declaration (blueprint, import, let, def or action), found '}'"),
            ]),
        DiagnosticCase(
            "number at top level",
            "let x = 1 2\n",
            [
                D("BP1003", "1:11", "expected a declaration (blueprint, import, let, def or action), found integer 2")
            ]),
        DiagnosticCase(
            "phase outside action",
            "phase dump: KubeTask {}\n",
            [
                D("BP1003", "1:1", "expected a declaration (blueprint, import, let, def or action), found 'phase'; 'phase' belongs inside an action { ... }")
            ]),
        DiagnosticCase(
            "input outside action",
            "input backup\n",
            [
                D("BP1003", "1:1", "expected a declaration (blueprint, import, let, def or action), found 'input'; 'input' belongs inside an action { ... }")
            ]),
        DiagnosticCase(
            "junk inside action",
            "action a {\n  image: \"x\"\n  phase p: KubeTask {}\n}\n",
            [
                D("BP1006", "2:3", "expected an action item (phase, parallel, finally, input, output, secret, configmap or let), found 'image'")
            ]),
        DiagnosticCase(
            "non-phase inside parallel",
            "action a {\n  parallel {\n    phase a: KubeTask {}\n    input x\n    phase b: KubeTask {}\n  }\n}\n",
            [
                D("BP1006", "4:5", "expected a phase (a parallel group holds only phases), found 'input'")
            ]),
        DiagnosticCase(
            "missing expression after equals",
            "let x =\nlet y = 2\n",
            [
                D("BP1004", "1:8", "expected an expression, found 'let'")
            ]),
        DiagnosticCase(
            "missing name after let",
            "let = 3\n",
            [
                D("BP1007", "1:5", "expected an identifier after 'let', found '='")
            ]),
        DiagnosticCase(
            "missing equals in let",
            "let x 3\n",
            [
                D("BP1001", "1:7", "expected '=' after the name of a let, found integer 3")
            ]),
        DiagnosticCase(
            "missing callee of phase",
            "action a {\n  phase p: { image: \"x\" }\n}\n",
            [
                D("BP1007", "2:12", "expected an identifier naming a Kanister function or a def, found '{'")
            ]),
        DiagnosticCase(
            "output without value",
            "action a {\n  output snap\n}\n",
            [
                D("BP1001", "2:14", "expected '= kopia(...)' or '{ key: value }' after output 'snap', found '}'")
            ]),
        DiagnosticCase(
            "missing brace after action name",
            "action a\n  phase p: KubeTask {}\n\naction b {}\n",
            [
                D("BP1001", "1:9", "expected '{' to open the body of action 'a', found 'phase'")
            ]),
        DiagnosticCase(
            "missing value after key",
            "action a {\n  phase p: KubeTask {\n    image:\n    command: [\"x\"]\n  }\n}\n",
            [
                D("BP1004", "3:11", "expected an expression, found 'command'")
            ]),
        DiagnosticCase(
            "missing colon after key",
            "action a {\n  phase p: KubeTask {\n    image \"x\"\n  }\n}\n",
            [
                D("BP1001", "3:11", "expected ':' after the key 'image', found string \"x\"")
            ]),
        DiagnosticCase(
            "bad escape",
            "let x = \"a\\qb\"\n",
            [
                D("BP0005", "1:11", "invalid escape '\\q'; valid escapes are \\n \\t \\r \\0 \\\\ \\\" \\' \\{ \\} \\u{...} and \\( )")
            ]),
        DiagnosticCase(
            "bad unicode escapes",
            "let a = \"\\u{110000}\"\nlet b = \"\\u{}\"\nlet c = \"\\u{D800}\"\nlet d = \"\\u41\"\nlet e = \"\\u{123456789}\"\n",
            [
                D("BP0005", "1:10", "invalid unicode escape; write \\u{1F600} with 1 to 8 hex digits of a valid scalar"),
                D("BP0005", "2:10", "invalid unicode escape; write \\u{1F600} with 1 to 8 hex digits of a valid scalar"),
                D("BP0005", "3:10", "invalid unicode escape; write \\u{1F600} with 1 to 8 hex digits of a valid scalar"),
                D("BP0005", "4:10", "invalid unicode escape; write \\u{1F600} with 1 to 8 hex digits of a valid scalar"),
                D("BP0005", "5:10", "invalid unicode escape; write \\u{1F600} with 1 to 8 hex digits of a valid scalar"),
            ]),
        DiagnosticCase(
            "bad escape in raw string",
            "let x = #\"ok \\q but \\#q\"#\n",
            [
                D("BP0005", "1:21", "invalid escape '\\#q'; valid escapes are \\n \\t \\r \\0 \\\\ \\\" \\' \\{ \\} \\u{...} and \\( )")
            ]),
        DiagnosticCase(
            "unterminated string",
            "let x = \"abc\nlet y = 1\n",
            [
                D("BP0004", "1:9", "unterminated string; expected \"")
            ]),
        DiagnosticCase(
            "unterminated raw string",
            "let x = #\"abc\"\nlet y = 1\n",
            [
                D("BP0004", "1:9", "unterminated string; expected \"#")
            ]),
        DiagnosticCase(
            "unterminated multi-line string",
            "let x = \"\"\"\n  abc\n",
            [
                D("BP0004", "1:9", "unterminated multi-line string; expected \"\"\"")
            ]),
        DiagnosticCase(
            "multi-line string content on the opening line",
            "let x = \"\"\" abc\n  def\n  \"\"\"\n",
            [
                D("BP0007", "1:9", "a multi-line string must start on the line after its opening \"\"\"")
            ]),
        DiagnosticCase(
            "closing quotes not alone",
            "let x = \"\"\"\n  abc\n  def\"\"\"\n",
            [
                D("BP0007", "3:3", "the closing \"\"\" of a multi-line string must stand on a line of its own")
            ]),
        DiagnosticCase(
            "under-indented line",
            "let x = \"\"\"\n    abc\n  def\n    ghi\n    \"\"\"\n",
            [
                D("BP0007", "3:1", "this line of a multi-line string is indented less than its closing \"\"\"")
            ]),
        DiagnosticCase(
            "unterminated interpolation at end of line",
            "let x = \"a\\(b\nlet y = 1\n",
            [
                D("BP0008", "1:11", "unterminated interpolation; expected ')'")
            ]),
        DiagnosticCase(
            "unterminated interpolation with a quote inside",
            "let x = \"a\\(b\"\n",
            [
                D("BP0008", "1:11", "unterminated interpolation; expected ')'")
            ]),
        DiagnosticCase(
            "empty interpolation",
            "let x = \"a\\()b\"\n",
            [
                D("BP1004", "1:11", "expected an expression inside \\( )")
            ]),
        DiagnosticCase(
            "two expressions in an interpolation",
            "let x = \"\\(a b)\"\n",
            [
                D("BP1001", "1:14", "expected ')' to end the interpolation, found 'b'")
            ]),
        DiagnosticCase(
            "bad escape inside an interpolated string",
            "let x = \"\\(f(\"\\q\"))\"\n",
            [
                D("BP0005", "1:15", "invalid escape '\\q'; valid escapes are \\n \\t \\r \\0 \\\\ \\\" \\' \\{ \\} \\u{...} and \\( )")
            ]),
        DiagnosticCase(
            "invalid character in an interpolation",
            "let x = \"\\(a; b)\"\n",
            [
                D("BP0001", "1:13", "unexpected character ';'")
            ]),
        DiagnosticCase(
            "malformed duration",
            "action a {\n  phase p: KubeTask {} timeout 10x\n}\n",
            [
                D("BP0006", "2:32", "malformed number or duration '10x' (durations look like 30s, 10m, 1h30m, 500ms)")
            ]),
        DiagnosticCase(
            "malformed numbers",
            "let a = 1.5s\nlet b = 12ab\n",
            [
                D("BP0006", "1:9", "malformed number or duration '1.5s' (durations look like 30s, 10m, 1h30m, 500ms)"),
                D("BP0006", "2:9", "malformed number or duration '12ab' (durations look like 30s, 10m, 1h30m, 500ms)"),
            ]),
        DiagnosticCase(
            "stray minus",
            "let x = - 1\nlet y = -a\n",
            [
                D("BP0001", "1:9", "unexpected '-' (a negative number needs a digit right after '-')"),
                D("BP0001", "2:9", "unexpected '-' (a negative number needs a digit right after '-')"),
            ]),
        DiagnosticCase(
            "invalid character @",
            "let x = @y\n",
            [
                D("BP0001", "1:9", "unexpected character '@'")
            ]),
        DiagnosticCase(
            "invalid character $",
            "action a {\n  phase p: KubeTask {\n    image: $image\n  }\n}\n",
            [
                D("BP0001", "3:12", "unexpected character '$'")
            ]),
        DiagnosticCase(
            "NUL byte",
            bytes: [
                0x6C, 0x65, 0x74, 0x20, 0x78, 0x20, 0x3D, 0x20, 0x31, 0x00, 0x0A, 0x6C, 0x65, 0x74, 0x20, 0x79, 0x20, 0x3D, 0x20, 0x22, 0x61, 0x00, 0x62, 0x22,
                0x0A,
            ],
            [
                D("BP0003", "1:10", "unexpected NUL byte"),
                D("BP0003", "2:11", "NUL byte in text"),
            ]),
        DiagnosticCase(
            "invalid UTF-8 outside a string",
            bytes: [0x6C, 0x65, 0x74, 0x20, 0x78, 0x20, 0x3D, 0x20, 0xFF, 0xFE, 0x0A],
            [
                D("BP0002", "1:9", "unexpected bytes 0xFF 0xFE, which are not UTF-8")
            ]),
        DiagnosticCase(
            "invalid UTF-8 in a string",
            bytes: [0x6C, 0x65, 0x74, 0x20, 0x78, 0x20, 0x3D, 0x20, 0x22, 0x63, 0x61, 0x66, 0xE9, 0x22, 0x0A],
            [
                D("BP0002", "1:13", "byte 0xE9 is not valid UTF-8")
            ]),
        DiagnosticCase(
            "smart quotes",
            "let x = “hello”\n",
            [
                D("BP0001", "1:9", "unexpected character '“' (U+201C)"),
                D("BP0001", "1:17", "unexpected character '”' (U+201D)"),
            ]),
        DiagnosticCase(
            "three broken phases",
            "action a {\n  phase one KubeTask {}\n  phase two: KubeTask { image \"x\" }\n  phase three: KubeTask {} retry\n}\n",
            [
                D("BP1001", "2:13", "expected ':' after the phase name 'one', found 'KubeTask'"),
                D("BP1001", "3:31", "expected ':' after the key 'image', found string \"x\""),
                D("BP1004", "4:33", "expected a number of retries after 'retry', found '}'"),
            ]),
        DiagnosticCase(
            "errors in several declarations",
            "let a = \nlet b = [1,\nlet c = \"\\q\"\naction d {\n  phase e KubeTask {}\n}\n",
            [
                D("BP1004", "1:8", "expected an expression, found 'let'"),
                D("BP1008", "2:12", "expected ']' to close the list, found 'let'", notes: [("2:9", "the list was opened here")]),
                D("BP0005", "3:10", "invalid escape '\\q'; valid escapes are \\n \\t \\r \\0 \\\\ \\\" \\' \\{ \\} \\u{...} and \\( )"),
                D("BP1001", "5:11", "expected ':' after the phase name 'e', found 'KubeTask'"),
            ]),
        DiagnosticCase(
            "interpolation name",
            "action \"a\\(x)\" {}\n",
            [
                D("BP1007", "1:8", "a name cannot contain an interpolation")
            ]),
        DiagnosticCase(
            "missing name after on",
            "action a on {\n}\n",
            [
                D("BP1007", "1:13", "expected a name after 'on' (a workload kind such as StatefulSet), found '{'")
            ]),
        DiagnosticCase(
            "unknown undo form",
            "action a {\n  phase p: KubeTask {} undo\n}\n",
            [
                D("BP1007", "2:28", "expected a name after 'undo' (a later phase, or an inline Function { ... }), found '}'")
            ]),
        DiagnosticCase(
            "missing closing brace of parallel",
            "action a {\n  parallel {\n    phase a: KubeTask {}\n  finally f: KubeTask {}\n}\n",
            [
                D("BP1008", "3:25", "expected '}' to close the parallel group, found 'finally'", notes: [("2:12", "the parallel group was opened here")])
            ]),
        DiagnosticCase(
            "missing closing brace of a map",
            "action a {\n  phase p: KubeTask {\n    m: { a: 1\n  }\n}\n",
            [
                D("BP1008", "5:2", "expected '}' to close action 'a', found end of file", notes: [("1:10", "action 'a' was opened here")])
            ]),
        DiagnosticCase(
            "def without equals",
            "def f(a) KubeTask {}\n",
            [
                D("BP1001", "1:10", "expected '=' after the name of a def, found 'KubeTask'")
            ]),
        DiagnosticCase(
            "def with bad parameter",
            "def f(a, 1) = KubeTask {}\n",
            [
                D("BP1008", "1:10", "expected ')' to close the parameter list, found integer 1", notes: [("1:6", "the parameter list was opened here")])
            ]),
        DiagnosticCase(
            "import without a path",
            "import tools\n",
            [
                D("BP1001", "1:8", "expected a file path string after 'import', found 'tools'")
            ]),
        DiagnosticCase(
            "blueprint without a name",
            "blueprint {}\n",
            [
                D("BP1007", "1:11", "expected a name after 'blueprint', found '{'")
            ]),
        DiagnosticCase(
            "timeout at the end of the file",
            "action a {\n  phase p: KubeTask {} timeout",
            [
                D("BP1004", "2:31", "expected a duration after 'timeout' (such as 10m), found end of file")
            ]),
        DiagnosticCase(
            "named undo without a function",
            "action a {\n  phase p: KubeTask {} undo restore:\n}\n",
            [
                D("BP1007", "2:37", "expected an identifier naming a Kanister function or a def, found '}'")
            ]),
        DiagnosticCase(
            "outputs without commas",
            "action a {\n  phase p: KubeTask {\n    outputs [a b]\n  }\n}\n",
            [
                D("BP1008", "3:16", "expected ']' to close the outputs list, found 'b'", notes: [("3:13", "the outputs list was opened here")])
            ]),
        DiagnosticCase(
            "stray closing brackets",
            "let x = [1, 2)]\nlet y = f(1])\n",
            [
                D("BP1004", "1:14", "expected an expression, found ')'"),
                D("BP1001", "2:12", "expected ',' or ')' in the argument list, found ']'"),
            ]),
        DiagnosticCase(
            "closing brace alone",
            "}\n",
            [
                D("BP1003", "1:1", "expected a declaration (blueprint, import, let, def or action), found '}'")
            ]),
        DiagnosticCase(
            "unclosed brace at end of file with nested lists",
            "let x = {a: [1, (2",
            [
                D(
                    "BP1008", "1:19", "expected ')' to close the parenthesized expression, found end of file",
                    notes: [("1:17", "the parenthesized expression was opened here")])
            ]),
        DiagnosticCase(
            "three phases missing their colon",
            "action a {\n  phase one KubeTask {}\n  phase two KubeTask {}\n  phase three KubeTask {}\n}\n",
            [
                D("BP1001", "2:13", "expected ':' after the phase name 'one', found 'KubeTask'"),
                D("BP1001", "3:13", "expected ':' after the phase name 'two', found 'KubeTask'"),
                D("BP1001", "4:15", "expected ':' after the phase name 'three', found 'KubeTask'"),
            ]),
        DiagnosticCase(
            "four different errors, each reported once",
            "action a {\n  phase one: KubeTask {\n    image \"x\"\n  }\n  phase two: KubeTask { command: [1, 2 }\n"
                + "  phase three: KubeTask {} timeout\n}\nlet x = \n",
            [
                D("BP1001", "3:11", "expected ':' after the key 'image', found string \"x\""),
                D("BP1008", "5:40", "expected ']' to close the list, found '}'", notes: [("5:34", "the list was opened here")]),
                D("BP1004", "6:35", "expected a duration after 'timeout' (such as 10m), found '}'"),
                D("BP1004", "8:8", "expected an expression, found end of file"),
            ]),
        // Hostile nesting: one diagnostic at the 129th level, no crash, no cascade of missing closers.
        DiagnosticCase(
            "10000 nested brackets",
            "let x = " + String(repeating: "[", count: 10_000),
            [D("BP1005", "1:137", "nesting is too deep (the limit is 128 levels)")]),
        DiagnosticCase(
            "10000 nested brackets, closed",
            "let x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000),
            [D("BP1005", "1:137", "nesting is too deep (the limit is 128 levels)")]),
        DiagnosticCase(
            "5000 nested maps in a phase body",
            "action a {\n  phase p: KubeTask {\n    a: " + String(repeating: "{a: ", count: 5_000) + "1"
                + String(repeating: "}", count: 5_000) + "\n  }\n}\n",
            [D("BP1005", "3:520", "nesting is too deep (the limit is 128 levels)")]),
        DiagnosticCase(
            "200 nested parentheses and calls",
            "let x = " + String(repeating: "(", count: 200) + "x" + String(repeating: ")", count: 200)
                + "\nlet y = " + String(repeating: "f(", count: 200) + String(repeating: ")", count: 200),
            [
                D("BP1005", "1:137", "nesting is too deep (the limit is 128 levels)"),
                D("BP1005", "2:265", "nesting is too deep (the limit is 128 levels)"),
            ]),
        DiagnosticCase(
            "65 nested interpolations",
            "let x = " + nestedInterpolations(65),
            [D("BP1005", "1:202", "string interpolations are nested too deeply (limit 64)")]),
        DiagnosticCase("64 nested interpolations", "let x = " + nestedInterpolations(64), []),
    ]

    static func nestedInterpolations(_ depth: Int) -> String {
        var source = "x"
        for _ in 0..<depth { source = "\"\\(" + source + ")\"" }
        return source
    }

    @Test(arguments: cases)
    func exactDiagnostics(_ diagnosticCase: DiagnosticCase) {
        let file = SourceFile(path: "test.bp", bytes: diagnosticCase.bytes)
        let result = Parser.parse(file)
        expectDiagnostics(result.diagnostics, in: file, diagnosticCase.expected)
        #expect(result.hasErrors == !diagnosticCase.expected.isEmpty)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.range.start >= 0 && diagnostic.range.end <= file.bytes.count)
            for note in diagnostic.notes {
                #expect(note.range.map { $0.start >= 0 && $0.end <= file.bytes.count } ?? true)
            }
        }
    }

    @Test func enoughCases() {
        #expect(Self.cases.count >= 35)
    }

    /// Past `Parser.maxDiagnostics` the parser stops with one BP1010.
    @Test func tooManyErrors() {
        let source = String(repeating: "action a {\n  phase p KubeTask {}\n}\n", count: 600)
        let (file, result) = parse(source)
        #expect(result.diagnostics.count == Parser.maxDiagnostics + 1)
        let last = result.diagnostics[result.diagnostics.count - 1]
        #expect(D(last, in: file) == D("BP1010", "1502:11", "too many errors; stopping here"))
    }
}
