// The explanation of every diagnostic code (`bpc explain`, hover in an editor):
// parsed from the diagnostics section of Grammar/REFERENCE.md, which
// ExplanationData.swift embeds verbatim so the binary needs no file beside it.

import BlueprintSyntax

/// One code's entry of the reference: a title, the Markdown text and its examples.
public struct DiagnosticExplanation: Sendable, Equatable {
    /// A fenced code block of the entry: its language (`bp`, `yaml`, `text`) and text.
    public struct Example: Sendable, Equatable {
        public var language: String
        public var code: String
    }

    public var code: DiagnosticCode
    /// The heading's words after the code ("unterminated string").
    public var title: String
    /// The whole entry as Markdown, heading included.
    public var markdown: String
    /// The fenced blocks in order: the failing example first, then its fix.
    public var examples: [Example]

    /// The failing example (the first block).
    public var failingExample: Example? { examples.first }
    /// The fixed example (the second block).
    public var fixedExample: Example? { examples.count > 1 ? examples[1] : nil }

    /// The entry as plain text for a terminal: the heading without its `#`s.
    public var text: String {
        let body = markdown.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? ""
        return "\(code): \(title)\n\(body)"
    }
}

public enum DiagnosticExplanations {
    /// Every entry, in the reference's order.
    public static let all: [DiagnosticExplanation] = parse(ExplanationData.diagnosticsMarkdown)

    private static let byCode: [String: DiagnosticExplanation] = Dictionary(
        all.map { ($0.code.rawValue, $0) }, uniquingKeysWith: { first, _ in first })

    /// The entry of `code`, or nil for a code the reference does not know.
    public static func entry(for code: DiagnosticCode) -> DiagnosticExplanation? {
        byCode[code.rawValue]
    }

    /// The code a user typed: `BP2009`, `bp2009` and `2009` are the same; nil
    /// when the text cannot be a code at all.
    public static func code(fromUserText text: String) -> DiagnosticCode? {
        var digits = Substring(text.uppercased())
        if digits.hasPrefix("BP") { digits = digits.dropFirst(2) }
        guard digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return DiagnosticCode("BP" + digits)
    }

    /// Known codes near `text` (one digit off, or by edit distance), for "did you mean".
    public static func suggestions(for text: String) -> [DiagnosticCode] {
        let typed = text.uppercased().hasPrefix("BP") ? text.uppercased() : "BP" + text.uppercased()
        let codes = all.map(\.code.rawValue)
        // One digit off, nearest first: a difference in a later digit, then a smaller one.
        let typedNumber = Int(typed.dropFirst(2)) ?? 0
        let nearby = codes.compactMap { candidate -> (code: String, place: Int, distance: Int)? in
            let differences = zip(candidate, typed).enumerated().filter { $0.element.0 != $0.element.1 }
            guard candidate.count == typed.count, differences.count == 1, let place = differences.first?.offset else { return nil }
            return (candidate, -place, abs((Int(candidate.dropFirst(2)) ?? 0) - typedNumber))
        }
        if !nearby.isEmpty {
            return nearby.sorted { ($0.place, $0.distance, $0.code) < ($1.place, $1.distance, $1.code) }.prefix(3).map { DiagnosticCode($0.code) }
        }
        return Suggestions.closest(to: typed, in: codes).map { [DiagnosticCode($0)] } ?? []
    }

    /// Splits the section into entries at each `### BPnnnn: title` heading; a
    /// `##` heading ends an entry without starting one. Lines in fenced blocks
    /// are never headings (a `.bp` comment starts with `#`).
    static func parse(_ markdown: String) -> [DiagnosticExplanation] {
        var entries: [DiagnosticExplanation] = []
        var heading: (code: String, title: String)?
        var lines: [Substring] = []
        func finish() {
            guard let current = heading else { return }
            while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
            let text = lines.joined(separator: "\n")
            entries.append(
                DiagnosticExplanation(
                    code: DiagnosticCode(current.code), title: current.title, markdown: text, examples: examples(in: lines)))
        }
        var isInFence = false
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { isInFence.toggle() }
            if isInFence || line.hasPrefix("```") {
                if heading != nil { lines.append(line) }
            } else if line.hasPrefix("### BP") {
                finish()
                let words = line.dropFirst(4)
                let code = words.prefix { $0 != ":" && $0 != " " }
                let title = words.dropFirst(code.count).drop { $0 == ":" || $0 == " " }
                heading = (String(code), String(title))
                lines = [line]
            } else if line.hasPrefix("## ") || line.hasPrefix("# ") {
                finish()
                heading = nil
                lines = []
            } else if heading != nil {
                lines.append(line)
            }
        }
        finish()
        return entries
    }

    /// The fenced blocks (```LANG ... ```) among `lines`.
    static func examples(in lines: [Substring]) -> [DiagnosticExplanation.Example] {
        var examples: [DiagnosticExplanation.Example] = []
        var open: (language: String, lines: [Substring])?
        for line in lines {
            if line.hasPrefix("```") {
                if let block = open {
                    examples.append(.init(language: block.language, code: block.lines.joined(separator: "\n") + "\n"))
                    open = nil
                } else {
                    open = (String(line.dropFirst(3).prefix { $0 != " " }), [])
                }
            } else if open != nil {
                open?.lines.append(line)
            }
        }
        return examples
    }
}
