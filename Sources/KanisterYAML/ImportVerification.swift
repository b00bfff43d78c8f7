// The idiomatic import's safety net: its .bp must compile to the very bytes the
// literal form compiles to (or fail with the same errors); else the literal form
// is written, with a warning.

import BlueprintSyntax

extension DiagnosticCode {
    /// The idiomatic form of an import did not compile like the literal form.
    public static let idiomFallback = DiagnosticCode("BP4010")
}

enum ImportVerification {
    static func choose(idiomatic: ImportResult, literal: ImportResult) -> ImportResult {
        guard let literalText = literal.source else { return literal }
        guard let idiomaticText = idiomatic.source else { return fallback(literal, "it does not parse") }
        if idiomaticText == literalText { return idiomatic }
        let expected = BlueprintCompiler.compile(SourceFile(path: "import.bp", text: literalText))
        let actual = BlueprintCompiler.compile(SourceFile(path: "import.bp", text: idiomaticText))
        if let expectedYAML = expected.yaml {
            return actual.yaml == expectedYAML ? idiomatic : fallback(literal, "it compiles to different YAML")
        }
        // The original has real problems: the idiomatic form must report the same ones.
        let (found, wanted) = (errors(actual.diagnostics), errors(expected.diagnostics))
        guard found != wanted || actual.yaml != nil else { return idiomatic }
        let first = found.first { !wanted.contains($0) } ?? wanted.first { !found.contains($0) } ?? "no error"
        return fallback(literal, "it reports other errors (\(first))")
    }

    static func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map { "\($0.code.rawValue) \($0.message)" }
    }

    static func fallback(_ literal: ImportResult, _ reason: String) -> ImportResult {
        var result = literal
        let message = "internal error: the idiomatic form of this blueprint was not written because \(reason); wrote the literal form"
        result.diagnostics.append(Diagnostic(.idiomFallback, .warning, message, at: SourceRange(0, 0)))
        return result
    }
}
