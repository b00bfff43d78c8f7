// Seeded property tests: random bytes (biased to the bytes that matter) and
// random token sequences from the grammar's terminals never crash or hang the
// lexer, parser, formatter or renderer, and their outputs keep their invariants.

import BlueprintSyntax
import Testing

/// Random inputs from a SplitMix64 stream.
struct InputGenerator {
    var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    /// Bytes and byte strings that steer the lexer into its corner cases.
    static let pieces: [[UInt8]] =
        [
            "\"", "\\", "#", "{", "}", "(", ")", "[", "]", "\n", "\r\n", "\r", " ", "\t", "\\(", "\\#(", "\"\"\"",
            "#\"", "\"#", ":", ",", ".", "|", "=", "-", "0", "7", "e", "ms", "h", "a", "Z", "_", "phase", "action",
            "\\u{", "\\{", "@", "$", ";",
        ].map { Array($0.utf8) } + [[0x00], [0x80], [0xC3, 0xA9], [0xE2, 0x82], [0xFF], [0xEF, 0xBB, 0xBF], [0xF0, 0x9F, 0x98, 0x80]]

    /// Terminals of the grammar, keywords included, for token soup.
    static let terminals: [String] = [
        "blueprint", "import", "let", "def", "action", "on", "input", "secret", "configmap", "output", "phase",
        "finally", "parallel", "objects", "outputs", "undo", "retry", "timeout", "unnamed", "bash", "true", "false", "null",
        "kopia", "KubeTask", "x", "mysql-blueprint", "StatefulSet", "0", "-12", "3.5", "1e-3", "10m", "1h30m",
        "500ms", "\"s\"", "\"a\\(b)c\"", "\"\\{x\\}\"", "\"\\n\"", "#\"raw\\n\"#", "\"\"\"\n  text\n  \"\"\"",
        "#\"\"\"\n  \\#(x)\n  \"\"\"#", "\"\\(f(\"x\", 1))\"", "{", "}", "(", ")", "[", "]", ":", ",", ".", "|", "=",
        "# comment", "\"unterminated", "@",
    ]

    mutating func int(below bound: Int) -> Int { Int(random.next() % UInt64(bound)) }

    mutating func bytes() -> [UInt8] {
        var out: [UInt8] = []
        let count = int(below: 120)
        for _ in 0..<count {
            if int(below: 4) == 0 {
                out.append(UInt8(truncatingIfNeeded: random.next()))
            } else {
                out += Self.pieces[int(below: Self.pieces.count)]
            }
        }
        return out
    }

    mutating func tokens() -> [UInt8] {
        var out = ""
        let count = int(below: 60)
        for _ in 0..<count {
            out += Self.terminals[int(below: Self.terminals.count)]
            out += ["", " ", " ", "\n", "\n  "][int(below: 5)]
        }
        return Array(out.utf8)
    }

    /// A valid program with a few bytes changed, dropped or duplicated.
    mutating func mutated(_ base: [UInt8]) -> [UInt8] {
        var out = base
        for _ in 0..<(1 + int(below: 4)) where !out.isEmpty {
            let at = int(below: out.count)
            switch int(below: 3) {
            case 0: out[at] = Self.pieces[int(below: Self.pieces.count)].first ?? 0
            case 1: out.remove(at: at)
            default: out.insert(out[at], at: at)
            }
        }
        return out
    }
}

@Suite("Properties")
struct PropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 0xB1DE_C0DE, 0x5EED_5EED_5EED_5EED]
    static let casesPerSeed = 400

    static let validProgram = Array(
        """
        blueprint demo { namespace: "ns" }
        let tools = option("image", default: "busybox")
        def dump(path) = KubeTask { image: tools, command: bash "echo \\(path)" }
        action backup on StatefulSet {
          input a, b
          output snap = kopia(x.output.y) { k: "v" }
          phase one: dump("/x") retry 2 timeout 10m undo two
          parallel { phase p: KubeExec { objects { s: Secret(name: n) } outputs [o] } }
          phase two: KubeTask { script: \"\"\"
            echo "\\(StatefulSet.Name)" \\{literal\\}
            \"\"\" }
          finally f: Cleanup
        }
        """.utf8)

    @Test(arguments: seeds)
    func randomBytes(seed: UInt64) {
        var generator = InputGenerator(seed: seed)
        for _ in 0..<Self.casesPerSeed { Self.check(generator.bytes()) }
    }

    @Test(arguments: seeds)
    func randomTokens(seed: UInt64) {
        var generator = InputGenerator(seed: seed)
        for _ in 0..<Self.casesPerSeed { Self.check(generator.tokens()) }
    }

    @Test(arguments: seeds)
    func mutatedPrograms(seed: UInt64) {
        var generator = InputGenerator(seed: seed)
        for _ in 0..<Self.casesPerSeed { Self.check(generator.mutated(Self.validProgram)) }
    }

    /// Random valid programs: they parse without errors, and the formatter
    /// keeps their tree and is idempotent on them.
    @Test(arguments: seeds)
    func randomPrograms(seed: UInt64) {
        var generator = RandomProgram(seed: seed)
        for _ in 0..<Self.casesPerSeed / 2 {
            let source = generator.program()
            let file = SourceFile(path: "p.bp", text: source)
            let result = Parser.parse(file)
            guard result.diagnostics.isEmpty else {
                Issue.record("generated program does not parse: \(result.diagnostics.map(\.message))\n\(source)")
                return
            }
            Self.check(file.bytes)
            guard let text = SourceFormatter.format(file).text else { continue }
            let formatted = SourceFile(path: "p.bp", text: text)
            let before = dumpWithoutPositions(result.syntax, file: file)
            let after = dumpWithoutPositions(Parser.parse(formatted).syntax, file: formatted)
            if before != after {
                Issue.record("format changed the tree: \(Golden.firstDifference(before, after))\n\(source)")
                return
            }
        }
    }

    @Test func validProgramIsValid() {
        let result = Parser.parse(SourceFile(path: "p.bp", bytes: Self.validProgram))
        #expect(result.diagnostics.isEmpty)
    }

    /// The invariants every input must keep.
    static func check(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) {
        let shown = String(decoding: bytes, as: UTF8.self).debugDescription
        checkTiling(bytes, shown, sourceLocation)
        let file = SourceFile(path: "p.bp", bytes: bytes)
        let result = Parser.parse(file)
        for diagnostic in result.diagnostics {
            let ranges = [diagnostic.range] + diagnostic.notes.compactMap(\.range)
            for range in ranges where range.start < 0 || range.end > bytes.count || range.start > range.end {
                Issue.record("diagnostic range \(range) outside the file (\(diagnostic.message)) for \(shown)", sourceLocation: sourceLocation)
            }
        }
        _ = ASTDumper.dump(result.syntax, file: file)
        _ = DiagnosticRenderer().render(result.diagnostics, in: file)
        _ = DiagnosticRenderer(style: .gcc).render(result.diagnostics, in: file)
        checkFormatter(file, hasErrors: result.hasErrors, shown, sourceLocation)
    }

    /// With trivia the tokens tile the input, then one end-of-file token at the end.
    static func checkTiling(_ bytes: [UInt8], _ shown: String, _ sourceLocation: SourceLocation) {
        let tokens = Lexer.tokenize(bytes, includeTrivia: true).tokens
        var offset = 0
        for (index, token) in tokens.enumerated() {
            let isLast = index == tokens.count - 1
            guard token.range.start == offset, (token.kind == .endOfFile) == isLast, isLast || token.range.length > 0 else {
                Issue.record("token \(index) \(token.kind) at \(token.range) breaks the tiling of \(shown)", sourceLocation: sourceLocation)
                return
            }
            offset = token.range.end
        }
        if offset != bytes.count {
            Issue.record("tokens end at \(offset), not \(bytes.count), for \(shown)", sourceLocation: sourceLocation)
        }
    }

    /// No text for a file with errors; otherwise text that parses cleanly and is a fixed point.
    static func checkFormatter(_ file: SourceFile, hasErrors: Bool, _ shown: String, _ sourceLocation: SourceLocation) {
        let formatted = SourceFormatter.format(file)
        guard let text = formatted.text else {
            if !hasErrors { Issue.record("no text for a valid file: \(shown)", sourceLocation: sourceLocation) }
            return
        }
        if hasErrors { Issue.record("text for a file with errors: \(shown)", sourceLocation: sourceLocation) }
        let again = SourceFormatter.format(SourceFile(path: "p.bp", text: text))
        if again.text == nil {
            Issue.record(
                "formatted text does not parse (\(again.diagnostics.map(\.message))) for \(shown): \(text.debugDescription)", sourceLocation: sourceLocation)
        } else if again.text != text {
            Issue.record("format is not idempotent for \(shown): \(Golden.firstDifference(text, again.text ?? ""))", sourceLocation: sourceLocation)
        }
    }
}
