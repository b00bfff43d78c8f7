// The idiomatic import's defs: phases of one function whose written bodies are
// the same but for one or two arguments become `def NAME(p) = Function { ... }`
// and `phase x: NAME(value)`, where that saves lines.

import BlueprintSema
import BlueprintSyntax

/// A phase as written by the idiomatic import's phase pass.
struct ImportPhaseRecord: Sendable {
    var key: ImportIdiomState.ValueKey
    var function: String
    /// Body items in order: `objects`, `outputs` or an argument key, and the item's text (indentation removed).
    var items: [(key: String, text: String)]
    /// Lines the phase takes as written.
    var lines: Int
    /// The action's local let names, which a def at the top level cannot read.
    var localNames: Set<String>
}

/// A def the import may write: the phases it serves, its parameters (argument keys), name and text.
struct ImportDefChoice: Sendable {
    var saving: Int
    var group: [ImportPhaseRecord]
    var parameters: [String]
    var name: String
    var text: String
}

/// A phase written as a call of a chosen def.
struct ImportDefUse: Sendable {
    var name: String
    /// The argument keys whose values are the call's arguments, in parameter order.
    var parameters: [String]
}

extension ImportIdiomState {
    /// Picks defs, the group saving most lines first; each phase joins at most one.
    /// A def is made of the phases of one cluster (one function, one item
    /// sequence), so a cluster's best def is kept until a def is taken from it.
    /// A plan reads `taken` only through the name its function's next def gets,
    /// and a later name is never shorter, so a plan made under an older name
    /// saves at least as much as a fresh one would: only a stale winner is
    /// re-planned before it is taken (lazy greedy: the same choices as
    /// re-planning every cluster of the function after each def of it).
    mutating func chooseDefs(_ records: [ImportPhaseRecord], taken: inout Set<String>) {
        var clusters: [String: [ImportPhaseRecord]] = [:]
        for record in records where record.lines >= 3 {
            clusters[([record.function] + record.items.map(\.key)).joined(separator: "\u{0}"), default: []].append(record)
        }
        var planned: [String: (name: String?, best: ImportDefChoice?)] = [:]
        while true {
            // In the order of their first phases, so that ties go to the earlier group.
            let ordered = clusters.filter { $0.value.count >= 2 }.sorted {
                ($0.value[0].key.action, $0.value[0].key.ordinal) < ($1.value[0].key.action, $1.value[0].key.ordinal)
            }
            var best: (cluster: String, choice: ImportDefChoice)?
            for (key, cluster) in ordered {
                if planned[key] == nil {
                    planned[key] = (Self.defName(cluster[0].function, taken: taken), bestDef(in: cluster, taken: taken))
                }
                if let choice = planned[key]?.best, choice.saving > best?.choice.saving ?? 0 { best = (key, choice) }
            }
            guard let best, let cluster = clusters[best.cluster] else { return }
            let name = Self.defName(cluster[0].function, taken: taken)
            if planned[best.cluster]?.name != name {
                planned[best.cluster] = (name, bestDef(in: cluster, taken: taken))
                continue
            }
            let choice = best.choice
            taken.insert(choice.name)
            defs.append(choice.text)
            var used = Set<ValueKey>()
            for record in choice.group {
                used.insert(record.key)
                defUses[record.key] = ImportDefUse(name: choice.name, parameters: choice.parameters)
            }
            clusters[best.cluster]?.removeAll { used.contains($0.key) }
            planned[best.cluster] = nil
        }
    }

    /// The group of one cluster's phases and the parameters whose def saves most
    /// lines (at least two); of two saving as much, the one found first.
    func bestDef(in cluster: [ImportPhaseRecord], taken: Set<String>) -> ImportDefChoice? {
        var best: ImportDefChoice?
        let keys = cluster[0].items.map(\.key)
        let candidates = keys.indices.filter { keys[$0] != "objects" && keys[$0] != "outputs" }
        // Fewer parameters first: of two defs saving as much, the one with fewer wins.
        var parameterSets: [[Int]] = [[]] + candidates.map { [$0] }
        for first in candidates {
            for second in candidates where second > first { parameterSets.append([first, second]) }
        }
        // Each item text as a number, hashed once rather than once per parameter set.
        var numbers: [String: Int] = [:]
        let itemNumbers = cluster.map { record in
            record.items.map { item in
                if let number = numbers[item.text] { return number }
                numbers[item.text] = numbers.count
                return numbers.count - 1
            }
        }
        for parameterSet in parameterSets where parameterSet.count < keys.count {
            // The phases whose items other than the parameters are the same.
            var groups: [[Int]: [ImportPhaseRecord]] = [:]
            var order: [[Int]] = []
            for (record, items) in zip(cluster, itemNumbers) {
                let shared = items.indices.filter { !parameterSet.contains($0) }.map { items[$0] }
                if groups[shared] == nil { order.append(shared) }
                groups[shared, default: []].append(record)
            }
            for shared in order {
                guard let group = groups[shared], group.count >= 2,
                    let plan = defPlan(group, parameterIndices: parameterSet, taken: taken)
                else { continue }
                if plan.saving >= 2, plan.saving > best?.saving ?? 0 {
                    best = ImportDefChoice(saving: plan.saving, group: group, parameters: plan.parameters, name: plan.name, text: plan.text)
                }
            }
        }
        return best
    }

    /// The def of `group` with the items at `parameterIndices` as parameters, and the lines it saves.
    func defPlan(
        _ group: [ImportPhaseRecord], parameterIndices: [Int], taken: Set<String>
    ) -> (saving: Int, parameters: [String], name: String, text: String)? {
        let first = group[0]
        // A multi-line value can only be the last argument (the call hugs it).
        var indices = parameterIndices
        let multiline = indices.filter { index in group.contains { Self.argumentValue(of: $0.items[index]).containsBytes("\n") } }
        guard multiline.count <= 1 else { return nil }
        if let last = multiline.first {
            guard group.allSatisfy({ Self.isHuggable(Self.argumentValue(of: $0.items[last])) }) else { return nil }
            indices.removeAll { $0 == last }
            indices.append(last)
        }
        let sharedText = first.items.indices.filter { !indices.contains($0) }.map { first.items[$0].text }.joined(separator: "\n")
        let readNames = group.reduce(into: Set<String>()) { $0.formUnion($1.localNames) }
        guard !readNames.contains(where: { Self.containsWord($0, in: sharedText) }) else { return nil }
        var parameters: [String] = []
        for index in indices {
            let name = ImportIdiomState.camelCase(first.items[index].key)
            guard BPSourceText.isLetName(name), !parameters.contains(name), !Self.containsWord(name, in: sharedText),
                !KanisterCatalog.shared.templateRoots.contains(name), !TemplateFunctions.kanister.contains(name)
            else { return nil }
            parameters.append(name)
        }
        guard let name = Self.defName(first.function, taken: taken) else { return nil }
        var body: [String] = []
        for (index, item) in first.items.enumerated() {
            if let position = indices.firstIndex(of: index) {
                body.append("\(item.key): \(parameters[position])")
            } else {
                body.append(item.text)
            }
        }
        let head = "def \(name)(\(parameters.joined(separator: ", "))) = \(first.function) {"
        var text = ([head] + body.map { Self.indented($0) } + ["}"]).joined(separator: "\n") + "\n"
        if let joined = ImportWriter.oneLineBlock(Substring(text)) { text = joined }
        let defLines = Self.lineCount(text) - 1
        var uses = 0
        for record in group {
            let call = Self.callText(record, "x", parameters: indices.map { record.items[$0].key }, name: name)
            uses += Self.lineCount(call)
        }
        let before = group.reduce(0) { $0 + $1.lines }
        return (before - uses - defLines, indices.map { first.items[$0].key }, name, text)
    }

    /// `name(value, ...)` for a phase's items whose keys are `parameters`.
    static func callText(_ record: ImportPhaseRecord, _ head: String, parameters: [String], name: String) -> String {
        let arguments = parameters.compactMap { key in record.items.first { $0.key == key }.map { argumentValue(of: $0) } }
        return "\(head)\(name)(\(arguments.joined(separator: ", ")))"
    }

    /// The value of an argument item `key: value`.
    static func argumentValue(of item: (key: String, text: String)) -> String {
        String(item.text.dropFirst(item.key.count + 2))
    }

    /// A multi-line value the formatter keeps on the call's lines: a string, or a list hugging one.
    static func isHuggable(_ value: String) -> Bool {
        let text = value.hasPrefix("bash ") ? value.dropFirst(5) : value[...]
        if isMultilineLiteral(text) { return true }
        // Up to the first line end (not a split of the whole text into lines).
        guard text.hasPrefix("[") else { return false }
        let firstLine = text[..<(text.firstIndex(of: "\n") ?? text.endIndex)]
        return firstLine.hasSuffix("\"\"\"") && !firstLine.hasSuffix("[\"\"\"") && text.hasSuffix("]")
    }

    static func defName(_ function: String, taken: Set<String>) -> String? {
        let base = function.prefix(1).lowercased() + function.dropFirst()
        for suffix in [""] + (2..<100).map(String.init) where BPSourceText.isLetName(base + suffix) && !taken.contains(base + suffix) {
            return base + suffix
        }
        return nil
    }

    static func indented(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    static func lineCount(_ text: String) -> Int { lineCount(bytes: text.utf8) }

    static func lineCount(bytes: some Sequence<UInt8>) -> Int { bytes.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) } }

    /// The lines of written text `bytes` up to its last line end, each without
    /// its first `indent` characters when they are spaces, joined by line ends.
    /// Byte by byte; a CR LF (one Character, so not a line end of a split by
    /// Characters) or a line whose indent a combining mark might follow is
    /// done by Characters, as it was throughout (a twentieth of an import).
    static func dedented(_ bytes: ArraySlice<UInt8>, by indent: Int) -> String {
        var previous: UInt8 = 0
        for byte in bytes {
            if previous == 0x0D, byte == 0x0A { return dedentedByCharacters(String(decoding: bytes, as: UTF8.self), by: indent) }
            previous = byte
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var lineStart = bytes.startIndex
        var isFirst = true
        while let lineEnd = bytes[lineStart...].firstIndex(of: 0x0A) {
            let line = bytes[lineStart..<lineEnd]
            if !isFirst { result.append(0x0A) }
            isFirst = false
            let head = line.prefix(indent)
            if !head.allSatisfy({ $0 == 0x20 }) {
                result += line
            } else if line.count > indent, line[line.startIndex + indent] >= 0x80 {
                result += Array(dedentedByCharacters(String(decoding: line, as: UTF8.self) + "\n", by: indent).utf8)
            } else {
                result += line.dropFirst(indent)
            }
            lineStart = lineEnd + 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// `dedented` by Characters.
    static func dedentedByCharacters(_ text: String, by indent: Int) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        return lines.map { line in line.prefix(indent).allSatisfy { $0 == " " } ? line.dropFirst(indent) : line }.joined(separator: "\n")
    }

    /// Whether `word` occurs in `text` as an identifier of its own.
    static func containsWord(_ word: String, in text: String) -> Bool {
        let bytes = Array(text.utf8)
        let needle = Array(word.utf8)
        guard !needle.isEmpty, bytes.count >= needle.count else { return false }
        func isNamePart(_ byte: UInt8) -> Bool { BPSourceText.isLetter(byte) || BPSourceText.isDigitByte(byte) || byte == UInt8(ascii: "-") }
        for start in 0...(bytes.count - needle.count) where bytes[start..<(start + needle.count)].elementsEqual(needle) {
            let before = start == 0 ? nil : bytes[start - 1]
            let after = start + needle.count < bytes.count ? bytes[start + needle.count] : nil
            if !(before.map(isNamePart) ?? false), !(after.map(isNamePart) ?? false) { return true }
        }
        return false
    }
}

extension ImportWriter {
    /// Writes the chosen defs.
    mutating func writeDefs() {
        guard isIdiomatic, !idioms.defs.isEmpty else { return }
        for text in idioms.defs {
            output += "\n" + text
        }
    }

    /// After a phase was written from `start` (its items at `items`): records
    /// it for the choice of defs, or replaces it by the call of its chosen def.
    mutating func finishPhase(from start: Int, keyword: String, name: String, function: String, items: [(key: String, range: Range<Int>)], hasComments: Bool) {
        guard isIdiomatic, !hasComments, start <= output.utf8.count else { return }
        // A phase the layout joins onto one line has nothing to save.
        guard ImportWriter.oneLineBlock(output[output.utf8.index(output.utf8.startIndex, offsetBy: start)...]) == nil else { return }
        let key = ImportIdiomState.ValueKey(action: idioms.action, ordinal: idioms.phaseOrdinal)
        let itemIndent = (indent + 1) * 2
        // The phase's bytes only (offsets stay the output's): a copy of all of it per phase is quadratic.
        let bytes = Array(output.utf8.dropFirst(start))
        let texts = items.map { item in
            (key: item.key, text: ImportIdiomState.dedented(bytes[(item.range.lowerBound - start)..<(item.range.upperBound - start)], by: itemIndent))
        }
        let record = ImportPhaseRecord(
            key: key, function: function, items: texts, lines: ImportIdiomState.lineCount(bytes: bytes) - 1,
            localNames: Set((idioms.localLets[idioms.action] ?? []).map(\.name)))
        if idioms.isRecordingPhases { idioms.phaseRecords.append(record) }
        guard let use = idioms.defUses[key] else { return }
        let head = String(repeating: "  ", count: indent) + "\(keyword) \(BPSourceText.name(name)): "
        let call = ImportIdiomState.callText(record, head, parameters: use.parameters, name: use.name)
        output.replaceSubrange(output.utf8.index(output.utf8.startIndex, offsetBy: start)..., with: call + "\n")
    }
}
