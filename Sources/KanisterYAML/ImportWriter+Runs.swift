// The idiomatic import's shared script lines: a run of three or more lines that
// several multi-line strings hold verbatim becomes a top-level `let` (without its
// last line feed), interpolated on a line of its own where each string had it.

import BlueprintSyntax
import FoundationEssentials

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
    static let maxRunSearchLines = 20_000

    mutating func chooseRuns(_ texts: [String], taken: inout Set<String>) {
        var seen: Set<String> = []
        let strings = texts.filter { $0.containsBytes("\n") && !$0.contains("\u{E000}") && seen.insert($0).inserted }
        let lines = strings.map { $0.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
        // The search grows with lines times run length squared: very large blueprints keep their scripts whole.
        guard lines.reduce(0, { $0 + $1.count }) <= Self.maxRunSearchLines else { return }
        // Lines as numbers; only lines that occur twice or more can be in a shared run.
        var numbers: [String: Int] = [:]
        var ids: [[Int]] = []
        for string in lines {
            ids.append(
                string.map { line in
                    if let number = numbers[line] { return number }
                    numbers[line] = numbers.count
                    return numbers.count - 1
                })
        }
        var counts = [Int](repeating: 0, count: numbers.count)
        for string in ids { for id in string { counts[id] += 1 } }
        // A line that runs kando stays in its phase's command: the checks infer the
        // phase's outputs from its own `kando output` lines, not from a let's.
        for (line, id) in numbers where line.contains("kando") { counts[id] = 0 }
        var used = lines.map { [Bool](repeating: false, count: $0.count) }
        while true {
            // How many lines from each position on are free and repeated: a window longer than that cannot be shared.
            let free = ids.indices.map { string in
                var lengths = [Int](repeating: 0, count: ids[string].count + 1)
                for line in ids[string].indices.reversed() where counts[ids[string][line]] >= 2 && !used[string][line] {
                    lengths[line] = lengths[line + 1] + 1
                }
                return lengths
            }
            let longest = free.map { $0.max() ?? 0 }.max() ?? 0
            var best: (saving: Int, length: Int, uses: [(string: Int, line: Int)])?
            var length = longest
            while length >= 3 {
                var occurrences: [[Int]: [(string: Int, line: Int)]] = [:]
                for string in ids.indices where ids[string].count > length {
                    var lastEnd: [[Int]: Int] = [:]
                    for line in 0...(ids[string].count - length) where free[string][line] >= length {
                        let window = Array(ids[string][line..<(line + length)])
                        // Uses of a run within one string do not overlap.
                        if let end = lastEnd[window], line < end { continue }
                        lastEnd[window] = line + length
                        occurrences[window, default: []].append((string, line))
                    }
                }
                for uses in occurrences.values where uses.count >= 2 {
                    let saving = uses.count * (length - 1) - (length + 2)
                    guard saving >= 2, let first = uses.first else { continue }
                    // Ties go to the run used first (not to the dictionary's order).
                    if let best, let bestFirst = best.uses.first,
                        saving < best.saving || (saving == best.saving && (bestFirst.string, bestFirst.line) <= (first.string, first.line))
                    {
                        continue
                    }
                    let run = Array(lines[first.string][first.line..<(first.line + length)])
                    if run.contains(where: { !$0.allSatisfy { $0 == " " || $0 == "\t" } }), Self.isBalanced(run) { best = (saving, length, uses) }
                }
                length -= 1
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
            let trimmed = line.trimmingWhitespace()
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
