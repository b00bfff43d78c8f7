// Secrets on command lines: a secret rendered into a command's arguments shows
// in process listings, whether it comes from a template or an interpolation;
// an assignment (`NAME=...`, `export NAME=...`, `key: ...`) keeps it off.

import BlueprintSyntax

extension SemanticChecker {
    /// `\(dump.secrets.db.Data["password"] | toString)` in a command, outside an assignment.
    mutating func checkSecretInterpolation(_ expr: Expr, linePrefix: String) {
        guard let name = secretName(expr), !SemanticChecker.isOffCommandLine(linePrefix) else { return }
        report(
            .secretInCommand, "secret value \(name) is written into a command line, where process listings show it; assign it to a variable first",
            at: expr.range, severity: .warning)
    }

    /// The path an expression reads when it reads a secret: a phase's
    /// `secrets`, the `Secrets` parameter or a declared action secret.
    func secretName(_ expr: Expr) -> String? {
        var path: [String] = []
        var current = expr
        while true {
            switch current.kind {
            case .pipe(let lhs, _): current = lhs
            case .parenthesized(let inner): current = inner
            case .member(let base, let name):
                path.insert(name.text, at: 0)
                current = base
            case .index(let base, let key):
                if case .string(let literal) = key.kind, let text = literal.constantText { path.insert(text, at: 0) }
                current = base
            case .identifier(let root):
                let dotted = ([root] + path).joined(separator: ".")
                switch table.resolve(root, in: context.action) {
                case .phase: return ["secrets", "Secrets"].contains(path.first ?? "") ? dotted : nil
                case .templateRoot("Secrets"), .secret: return dotted
                default: return nil
                }
            default: return nil
            }
        }
    }

    /// `NAME=...`, `export NAME=...` and config lines (`key = ...`, `key: ...`) keep a value off the command line.
    static func isOffCommandLine(_ line: String) -> Bool {
        var text = Substring(line)
        while let first = text.first, first == " " || first == "\t" { text = text.dropFirst() }
        if text.hasPrefix("export ") { text = text.dropFirst(7) }
        guard let separator = text.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return false }
        let name = text[..<separator].trimming(" ")
        return !name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == "." }
    }

    /// Appends `text` to the current line, which restarts after each line feed.
    static func extendLine(_ line: inout String, with text: String) {
        if let newline = text.lastIndex(of: "\n") {
            line = String(text[text.index(after: newline)...])
        } else {
            line += text
        }
    }
}
