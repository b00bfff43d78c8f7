// The parser target's properties: the lexer tiles the input, diagnostics lie in
// it, and a file that parses formats to a fixed point that parses cleanly.

import BlueprintSyntax

extension FuzzChecks {
    static func checkParser(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
        // The lexer never fails and, with trivia, its tokens tile the input.
        let lexed = Lexer.tokenize(bytes, includeTrivia: true)
        var offset = 0
        for token in lexed.tokens where token.kind != .endOfFile {
            guard token.range.start == offset, token.range.end > token.range.start else {
                failures.fail("lexer: token \(token.kind) at \(token.range) does not continue at \(offset)")
                break
            }
            offset = token.range.end
        }
        failures.expect(offset == bytes.count, "lexer: the tokens end at \(offset), not at the input's end \(bytes.count)")
        failures.expectInBounds(lexed.diagnostics, count: bytes.count, "lexer")
        // The formatter parses once; its diagnostics are the parser's.
        let file = SourceFile(path: "fuzz.bp", bytes: bytes)
        let first = SourceFormatter.format(file)
        failures.expectInBounds(first.diagnostics, count: bytes.count, "parser")
        let parses = !first.diagnostics.contains { $0.severity == .error }
        guard let formatted = first.text else {
            failures.expect(!parses, "formatter: no output for a file that parses")
            return
        }
        failures.expect(parses, "formatter: output for a file that does not parse")
        let second = SourceFormatter.format(SourceFile(path: "formatted.bp", text: formatted))
        let errors = second.diagnostics.filter { $0.severity == .error }
        failures.expect(errors.isEmpty, "formatter: its output does not parse: \(describe(errors))\n\(formatted)")
        if let again = second.text {
            failures.expect(again == formatted, "formatter: format(format(x)) != format(x)\n--- once\n\(formatted)--- twice\n\(again)")
        }
    }

    static func describe(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map { "\($0.code) \($0.range) \($0.message)" }.joined(separator: "; ")
    }
}
