// The idiomatic import's layout and shared values: short maps and lists on one
// line, a list hugging its final multi-line string, and values that repeat
// (images, long strings, multi-line maps, lists and scripts) written once as lets.

import BlueprintSema
import BlueprintSyntax

/// A value written by the first pass of the idiomatic import, a candidate for a `let`.
struct ImportValueRecord: Sendable {
    /// The offset of the action's key, and the value's ordinal within the action.
    var action: Int
    var ordinal: Int
    /// How many values the text covers (itself and everything inside it).
    var size: Int
    var text: String
    var key: String?
    var isImage: Bool
    /// The value reads the action's phases or inputs: only a let of that action may hold it.
    var isLocal = false

    /// Uses of the same text share a let: across the blueprint, or within the action for a local value.
    var sharingKey: String { isLocal ? "\(action)\u{0}" + text : text }
}

/// The idiomatic import's state: two passes over the same blueprint. The first
/// records every value's text; `chooseSharedValues` picks those that repeat; the
/// second writes a let name where one of them stands.
struct ImportIdiomState: Sendable {
    static let maxLineWidth = 120

    var nesting = 0
    /// Conversions that depend on the action (phase, artifact and deferPhase references) so far.
    var contextUses = 0
    var isRecording = false
    var records: [ImportValueRecord] = []
    /// Chosen shared values: (action, ordinal) -> (let name, size of the value).
    var shared: [ValueKey: (name: String, size: Int)] = [:]
    /// `let NAME = TEXT` declarations in order of first use.
    var lets: [(name: String, text: String)] = []
    /// The action-local lets, by the offset of the action's key.
    var localLets: [Int: [(name: String, text: String)]] = [:]
    var action = 0
    var ordinal = 0
    /// Names a new let must not take: every key and name of the blueprint, roots, functions.
    var taken: Set<String> = []
    /// The def pass: phases as written (`ImportWriter+Defs`), the chosen defs and the phases that call them.
    var isRecordingPhases = false
    var phaseRecords: [ImportPhaseRecord] = []
    var phaseOrdinal = 0
    var defs: [String] = []
    var defUses: [ValueKey: ImportDefUse] = [:]
    /// Shared runs of script lines (`ImportWriter+Runs`): their lets, and the runs of each string by its text.
    var runLets: [(name: String, text: String)] = []
    var runs: [String: [ImportLineRun]] = [:]

    struct ValueKey: Hashable, Sendable {
        var action: Int
        var ordinal: Int
    }

    mutating func startAction(at offset: Int) {
        action = offset
        ordinal = 0
        phaseOrdinal = 0
    }

    mutating func nextOrdinal() -> Int {
        ordinal += 1
        return ordinal
    }

    /// The let name of a shared value at `ordinal`, skipping the ordinals inside it.
    mutating func sharedName(at ordinal: Int) -> String? {
        guard let entry = shared[ValueKey(action: action, ordinal: ordinal)] else { return nil }
        self.ordinal += entry.size - 1
        return entry.name
    }

    /// Records a written value: one whose meaning does not depend on the action
    /// may go in a top-level let, one that does in a let of its action.
    mutating func record(_ node: YAMLNode, text: String, key: String?, ordinal: Int, isContextFree: Bool) {
        // Values of the blueprint's metadata (action 0) stay where they are.
        guard action != 0, !text.isEmpty else { return }
        let size = self.ordinal - ordinal + 1
        records.append(
            ImportValueRecord(
                action: action, ordinal: ordinal, size: size, text: text, key: key, isImage: key == "image" && node.scalar != nil,
                isLocal: !isContextFree))
    }

    /// Whether a whole-string template's expression names something of the action.
    static func readsContext(_ text: String) -> Bool {
        text.hasPrefix("{{ .Phases.") || text.hasPrefix("{{ .DeferPhase.") || text.hasPrefix("{{ .ArtifactsIn.")
    }

    /// `open a, b close` when no item spans lines and the line stays within the width.
    static func oneLine(_ items: [String], open: String, close: String, column: Int) -> String? {
        guard !items.isEmpty, items.allSatisfy({ !$0.containsBytes("\n") }) else { return nil }
        let width = items.reduce(column + open.utf8.count + close.utf8.count + 2 * (items.count - 1)) { $0 + $1.utf8.count }
        guard width <= maxLineWidth else { return nil }
        return open + items.joined(separator: ", ") + close
    }

    /// `[a, b, """ ... """]`: single-line items, then a multi-line string starting on the same line.
    static func huggingLast(_ items: [String], column: Int) -> String? {
        guard items.count >= 2, let last = items.last, isMultilineLiteral(last) else { return nil }
        guard let head = oneLine(Array(items.dropLast()), open: "[", close: ", \"\"\"", column: column + 1) else { return nil }
        return String(head.dropLast(3)) + last + "]"
    }

    static func isMultilineLiteral(_ text: some StringProtocol) -> Bool {
        text.drop { $0 == "#" }.hasPrefix("\"\"\"\n")
    }
}

extension ImportIdiomState {
    /// Picks the values worth a let, largest first: a multi-line value used
    /// often enough to save lines, an image used twice, a long single-line
    /// string used three times. A use inside a chosen value does not count.
    mutating func chooseSharedValues(_ records: [ImportValueRecord], taken: inout Set<String>) {
        var byText: [String: [Int]] = [:]
        var order: [String] = []
        for (index, record) in records.enumerated() {
            if byText[record.sharingKey] == nil { order.append(record.sharingKey) }
            byText[record.sharingKey, default: []].append(index)
        }
        // Each text's line count once, not on every comparison of the sort.
        let candidates = order.filter { (byText[$0]?.count ?? 0) >= 2 }
            .map { (text: $0, lines: ImportIdiomState.lineCount($0)) }
            .sorted { $0.lines != $1.lines ? $0.lines > $1.lines : $0.text.utf8.count > $1.text.utf8.count }
            .map(\.text)
        var covered: [Int: [Range<Int>]] = [:]
        var chosen: [(first: Int, name: String, text: String)] = []
        for sharingKey in candidates {
            let uses = (byText[sharingKey] ?? []).filter { index in
                let record = records[index]
                return !(covered[record.action] ?? []).contains { $0.contains(record.ordinal) }
            }
            let first = records[uses.first ?? 0]
            let text = first.text
            let lines = Self.lineCount(text)
            let isWorthIt: Bool
            if lines > 1 {
                isWorthIt = uses.count * (lines - 1) > lines
            } else if first.isImage {
                isWorthIt = uses.count >= 2
            } else {
                isWorthIt = uses.count >= 3 && text.utf8.count >= 40 && !BPSourceText.isIdentifier(text)
            }
            guard isWorthIt, let name = Self.letName(for: first, taken: taken) else { continue }
            taken.insert(name)
            for index in uses {
                let record = records[index]
                covered[record.action, default: []].append(record.ordinal..<(record.ordinal + record.size))
                shared[ValueKey(action: record.action, ordinal: record.ordinal)] = (name, record.size)
            }
            chosen.append((uses.first ?? 0, name, text))
        }
        for declaration in chosen.sorted(by: { $0.first < $1.first }) {
            let record = records[declaration.first]
            if record.isLocal {
                localLets[record.action, default: []].append((declaration.name, declaration.text))
            } else {
                lets.append((declaration.name, declaration.text))
            }
        }
    }

    /// A camel-case name from an image's repository or the value's key, free in `taken`.
    static func letName(for record: ImportValueRecord, taken: Set<String>) -> String? {
        var base = camelCase(record.key ?? "value")
        if record.isImage, let image = imageName(record.text) { base = camelCase(image) }
        if base.isEmpty || !BPSourceText.isLetter(base.utf8.first ?? 0) { base = "value" + base }
        let suffixes = record.isImage ? ["", "Image"] + (2..<100).map { "Image\($0)" } : [""] + (2..<100).map { String($0) }
        for suffix in suffixes where BPSourceText.isLetName(base + suffix) && !taken.contains(base + suffix) {
            return base + suffix
        }
        return nil
    }

    /// `kanister-tools` of `"ghcr.io/kanisterio/kanister-tools:0.117.0"`.
    static func imageName(_ literal: String) -> String? {
        guard literal.hasPrefix("\""), literal.hasSuffix("\""), literal.utf8.count > 2 else { return nil }
        let reference = literal.dropFirst().dropLast()
        let path = reference.split(separator: "/").last.map(String.init) ?? ""
        let name = path.split(separator: "@").first.flatMap { $0.split(separator: ":").first }.map(String.init) ?? ""
        return name.isEmpty ? nil : name
    }

    /// `backup-artifact_prefix` -> `backupArtifactPrefix`; letters and digits only.
    static func camelCase(_ text: String) -> String {
        let words = text.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        var result = ""
        for (index, word) in words.enumerated() {
            result += index == 0 ? word.prefix(1).lowercased() + word.dropFirst() : word.prefix(1).uppercased() + word.dropFirst()
        }
        return result
    }
}

extension ImportWriter {
    /// Writes a `let` for every shared value chosen by the first pass.
    mutating func writeSharedValues() {
        guard isIdiomatic, !idioms.lets.isEmpty else { return }
        output += "\n"
        for declaration in idioms.lets { line("let \(declaration.name) = \(declaration.text)") }
    }

    /// Writes the lets of the action starting at `offset` that hold values reading its phases or inputs.
    mutating func writeLocalLets(ofActionAt offset: Int) {
        guard isIdiomatic else { return }
        for declaration in idioms.localLets[offset] ?? [] { line("let \(declaration.name) = \(declaration.text)") }
    }
}
