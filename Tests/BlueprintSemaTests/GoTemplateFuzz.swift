// Seeded generators of template-like strings for differential and property tests:
// random sequences of template fragments, and random edits of real templates.

import TestSupport

enum GoTemplateFuzz {
    /// Pieces that exercise every lexer state and parser rule when strung together.
    static let fragments: [String] = [
        "{{", "{{", "{{", "}}", "}}", "}}", "{{- ", " -}}", "{{-", "-}}", "{{/*", "*/}}", "*/ -}}", "/*", "*/",
        " ", " ", " ", "  ", "\n", "\t", "\r\n", "text", "x", "é", "😀",
        ".", ".", ".A", ".B", ".A.B", ".Phases.p.Output.k", "..", ".5", ".é",
        "$", "$x", "$y", "$i", "$e", "$x.A", "$.A", ":=", " := ", "=", " = ", ",", ", ",
        "|", " | ", "(", ")", "(", ")", "if ", "else ", "else if ", "else with ", "end", "range ", "with ",
        "define ", "template ", "block ", "break", "continue", "nil", "true", "false",
        "\"s\"", "\"a b\"", "\"\\n\"", "\"\\q\"", "\"", "`r`", "`", "'c'", "'\\''", "''", "'", "'ab'",
        "1", "42", "-1", "+2", "0x1F", "0x1p-2", "1_000", "1__0", "08", "1e3", "1e400", "1.5", "2i", "1+2i",
        "0b101", "0o17", "0x", "1x", "99999999999999999999", "-", "+",
        "print", "printf", "upper", "index", "and", "eq", "len", "toJson", "default", "foo", "dig", "seq",
        ";", "!", "#", "{", "}", "\\", "\u{01}",
    ]

    /// Template-shaped random strings: mostly `{{ … }}` with fragments inside.
    static func randomTemplates(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            var text = ""
            let actions = Int.random(in: 1...4, using: &generator)
            for _ in 0..<actions {
                if Bool.random(using: &generator) { text += "t" }
                let wellFormed = Int.random(in: 0..<4, using: &generator) != 0
                if wellFormed { text += ["{{", "{{- ", "{{ "].randomElement(using: &generator) ?? "{{" }
                for _ in 0..<Int.random(in: 0...6, using: &generator) {
                    text += fragments.randomElement(using: &generator) ?? ""
                    if Bool.random(using: &generator) { text += " " }
                }
                if wellFormed { text += ["}}", " -}}", " }}"].randomElement(using: &generator) ?? "}}" }
            }
            return text
        }
    }

    /// Random single edits (delete, insert a fragment, duplicate, swap) of real templates.
    static func mutations(of templates: [String], count: Int, seed: UInt64) -> [String] {
        guard !templates.isEmpty else { return [] }
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            var scalars = Array((templates.randomElement(using: &generator) ?? "").unicodeScalars)
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                mutate(&scalars, using: &generator)
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            return text
        }
    }

    private static func mutate(_ scalars: inout [Unicode.Scalar], using generator: inout SeededGenerator) {
        let position = Int.random(in: 0...scalars.count, using: &generator)
        switch Int.random(in: 0..<4, using: &generator) {
        case 0 where position < scalars.count:
            let end = min(scalars.count, position + Int.random(in: 1...3, using: &generator))
            scalars.removeSubrange(position..<end)
        case 1:
            let fragment = fragments.randomElement(using: &generator) ?? ""
            scalars.insert(contentsOf: fragment.unicodeScalars, at: position)
        case 2 where position < scalars.count:
            scalars.insert(scalars[position], at: position)
        default:
            if position + 1 < scalars.count { scalars.swapAt(position, position + 1) }
        }
    }
}
