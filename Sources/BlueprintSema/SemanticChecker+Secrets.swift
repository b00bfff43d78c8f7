// Secrets on command lines: a secret rendered into a command's arguments shows
// in process listings, whether it comes from a template or an interpolation;
// an assignment (`NAME=...`, `export NAME=...`, `key: ...`) keeps it off.

import BlueprintSyntax

extension SemanticChecker {
    /// `\(dump.secrets.db.Data["password"] | toString)` in a command, outside an assignment.
    mutating func checkSecretInterpolation(_ expr: Expr, linePrefix: String) {
        guard let name = secretName(expr), !SemanticChecker.isOffCommandLine(linePrefix) else { return }
        reportSecretInterpolation(expr, name: name)
    }

    /// The same check for the interpolation at `segment` of `literal`; the line
    /// before it is rebuilt only when the interpolation reads a secret.
    mutating func checkSecretInterpolation(_ expr: Expr, in literal: StringLiteral, segment: Int) {
        guard let name = secretName(expr),
            !SemanticChecker.isOffCommandLine(SemanticChecker.linePrefix(of: literal, before: segment))
        else { return }
        reportSecretInterpolation(expr, name: name)
    }

    private mutating func reportSecretInterpolation(_ expr: Expr, name: String) {
        report(
            .secretInCommand, "secret value \(name) is written into a command line, where process listings show it; assign it to a variable first",
            at: expr.range, severity: .warning)
    }

    /// The path an expression reads when it reads a secret: a phase's
    /// `secrets`, the `Secrets` parameter or a declared action secret.
    mutating func secretName(_ expr: Expr) -> String? {
        // The name right after the root decides; the whole path is built only for a secret.
        var nearest: String?
        guard let root = SemanticChecker.walkChain(expr, { nearest = $0 }) else { return nil }
        let resolved = resolvedInAction(root)
        if resolved.isPhase {
            guard nearest == "secrets" || nearest == "Secrets" else { return nil }
        } else if !(resolved.templateRoot == "Secrets" || resolved.isSecret) {
            return nil
        }
        var path: [String] = []
        _ = SemanticChecker.walkChain(expr) { path.append($0) }
        return ([root] + path.reversed()).joined(separator: ".")
    }

    /// Walks a chain such as `a.b["c"].d` (through pipes and parentheses) from the
    /// outside in: `segment` gets each member name and constant key (`d`, `c`,
    /// `b`); returns the root identifier (`a`), or nil when the chain has none.
    static func walkChain(_ expr: Expr, _ segment: (String) -> Void) -> String? {
        var current = expr
        while true {
            switch current.kind {
            case .pipe(let lhs, _): current = lhs
            case .parenthesized(let inner): current = inner
            case .member(let base, let name):
                segment(name.text)
                current = base
            case .index(let base, let key):
                if case .string(let literal) = key.kind, let text = literal.constantText { segment(text) }
                current = base
            case .identifier(let root): return root
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

    /// Appends `text` to the current line, which restarts after each line feed
    /// (a line feed right after a carriage return is one Character with it, not a line feed).
    static func extendLine(_ line: inout String, with text: String) {
        if let start = lineRestart(in: text) {
            line = String(text[start...])
        } else {
            line += text
        }
    }

    /// The index after the last Character "\n" of `text`, found by a byte scan.
    static func lineRestart(in text: String) -> String.Index? {
        let utf8 = text.utf8
        var index = utf8.endIndex
        while index > utf8.startIndex {
            let previous = utf8.index(before: index)
            if utf8[previous] == 0x0A {
                // CR LF is a single grapheme, which is not equal to "\n".
                let isCRLF = previous > utf8.startIndex && utf8[utf8.index(before: previous)] == 0x0D
                if !isCRLF { return index }
            }
            index = previous
        }
        return nil
    }
}
