// The idiomatic import's shared script lines: a run of three or more lines that
// several multi-line strings hold verbatim becomes a top-level `let` (without its
// last line feed), interpolated on a line of its own where each string had it.

import BlueprintSyntax
import Foundation

/// A run of lines of a string that a shared `let` holds.
struct ImportLineRun: Sendable {
    var firstLine: Int
    var lineCount: Int
    var name: String
}

extension ImportIdiomState {
    /// Picks runs of lines shared by the multi-line strings `texts`, the run
    /// saving most lines first, while one saves at least two lines: `n` uses of
    /// `L` lines take `n` lines and a let of `L + 2`.
    mutating func chooseRuns(_ texts: [String], taken: inout Set<String>) {
        var seen: Set<String> = []
        let strings = texts.filter { $0.containsBytes("\n") && !$0.contains("\u{E000}") && seen.insert($0).inserted }
        let lines = strings.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast().map { $0 } }
        var used = lines.map { [Bool](repeating: false, count: $0.count) }
        while true {
            var best: (saving: Int, length: Int, uses: [(string: Int, line: Int)])?
            let longest = lines.map(\.count).max() ?? 0
            for length in stride(from: longest, through: 3, by: -1) {
                var occurrences: [[String]: [(string: Int, line: Int)]] = [:]
                for (string, stringLines) in lines.enumerated() where stringLines.count > length {
                    var lastEnd = -1
                    for line in 0...(stringLines.count - length) where !used[string][line..<(line + length)].contains(true) {
                        let run = Array(stringLines[line..<(line + length)])
                        guard line >= lastEnd || occurrences[run]?.last?.string != string else { continue }
                        guard run.contains(where: { !$0.allSatisfy { $0 == " " || $0 == "\t" } }), Self.isBalanced(run) else { continue }
                        occurrences[run, default: []].append((string, line))
                        if occurrences[run]?.last?.string == string { lastEnd = line + length }
                    }
                }
                for uses in occurrences.values where uses.count >= 2 {
                    let saving = uses.count * (length - 1) - (length + 2)
                    if saving >= 2, saving > best?.saving ?? 1 { best = (saving, length, uses) }
                }
            }
            guard let chosen = best, let first = chosen.uses.first else { return }
            let runLines = Array(lines[first.string][first.line..<(first.line + chosen.length)])
            guard let name = Self.runName(runLines, taken: taken) else { return }
            taken.insert(name)
            runLets.append((name, runLines.joined(separator: "\n")))
            for use in chosen.uses {
                for line in use.line..<(use.line + chosen.length) { used[use.string][line] = true }
                runs[strings[use.string], default: []].append(ImportLineRun(firstLine: use.line, lineCount: chosen.length, name: name))
            }
        }
    }

    /// Whether a run closes every block it opens and no other (shell `if`/`fi`,
    /// `case`/`esac`, `do`/`done`, braces at a line's end and start), so that a
    /// let never holds half of a block.
    static func isBalanced(_ lines: [String]) -> Bool {
        var depth = 0
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            let first = trimmed.prefix { $0 != " " && $0 != ";" }
            if ["fi", "esac", "done", "}", "};", "},"].contains(first) || first.hasPrefix("}") {
                depth -= 1
                if depth < 0 { return false }
            }
            if ["else", "elif", "then"].contains(first), depth == 0 { return false }
            if ["if", "case", "while", "for", "until"].contains(first) || trimmed.hasSuffix("{") { depth += 1 }
        }
        return depth == 0
    }

    /// `hostScript` for a run starting `host=...`: the first word of its first line that has one.
    static func runName(_ lines: [String], taken: Set<String>) -> String? {
        let words = lines.lazy.map { line in
            line.drop { !($0.isASCII && $0.isLetter) }.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
        }
        let word = words.first { $0.count >= 3 }.map { camelCase(String($0.lowercased())) } ?? "shared"
        let base = word + "Script"
        for suffix in [""] + (2..<100).map(String.init) where BPSourceText.isLetName(base + suffix) && !taken.contains(base + suffix) {
            return base + suffix
        }
        return nil
    }

    /// The byte ranges of `text`'s shared runs, each without its last line feed, with the let's name.
    func runSpans(of text: String) -> [(range: Range<String.UTF8View.Index>, name: String)] {
        guard let chosen = runs[text] else { return [] }
        var lineStarts: [String.UTF8View.Index] = [text.utf8.startIndex]
        for index in text.utf8.indices where text.utf8[index] == 0x0A { lineStarts.append(text.utf8.index(after: index)) }
        return chosen.sorted { $0.firstLine < $1.firstLine }.compactMap { run in
            let endLine = run.firstLine + run.lineCount
            guard endLine < lineStarts.count else { return nil }
            return (lineStarts[run.firstLine]..<text.utf8.index(before: lineStarts[endLine]), run.name)
        }
    }
}

extension ImportWriter {
    /// Writes a `let` for every shared run of lines.
    mutating func writeRunLets() {
        guard isIdiomatic, !idioms.runLets.isEmpty else { return }
        output += "\n"
        for (name, text) in idioms.runLets {
            let spelled = interpolatedLiteral(text) ?? BPSourceText.literal(text, indent: indent)
            line("let \(name) = \(spelled)")
        }
    }

    /// The multi-line strings of the actions, candidates for shared runs.
    func multilineStrings(_ root: YAMLMapping) -> [String] {
        var texts: [String] = []
        for pair in root["actions"]?.mapping?.pairs ?? [] {
            visitScalars(pair.value) { text in
                if text.containsBytes("\n") { texts.append(text) }
            }
        }
        return texts
    }
}
