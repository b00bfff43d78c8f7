// Argument values for the importer: scalars by type, the bash command sugar,
// lists and maps, and whole-string templates that read better as expressions.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import FoundationEssentials

extension ImportWriter {
    func mapKey(_ node: YAMLNode) -> String {
        BPSourceText.name(node.scalar?.value ?? "")
    }

    /// `{ ... }`: one entry a line, or (idiomatic) one line when that fits at `column`.
    mutating func mapLiteral(_ pairs: [YAMLPair], column: Int = 0) -> String {
        if pairs.isEmpty { return "{}" }
        idioms.nesting += 1
        let childColumn = (indent + idioms.nesting) * 2
        let entries = pairs.map { pair in
            let key = mapKey(pair.key)
            return "\(key): \(value(pair.value, key: pair.key.scalar?.value, column: childColumn + key.utf8.count + 2))"
        }
        idioms.nesting -= 1
        if isIdiomatic, let inline = ImportIdiomState.oneLine(entries, open: "{ ", close: " }", column: column) { return inline }
        return "{\n" + entries.map { $0 + "\n" }.joined() + "}"
    }

    /// The value written for `node`: a shared value's let name (idiomatic form),
    /// else its own text, recorded for the choice of shared values.
    mutating func value(_ node: YAMLNode, key: String? = nil, column: Int = 0) -> String {
        guard isIdiomatic else { return valueText(node, column: column) }
        let ordinal = idioms.nextOrdinal()
        if let shared = idioms.sharedName(at: ordinal) { return shared }
        let usesBefore = idioms.contextUses
        let text = valueText(node, column: column)
        if idioms.isRecording {
            idioms.record(node, text: text, key: key, ordinal: ordinal, isContextFree: idioms.contextUses == usesBefore)
        }
        return text
    }

    mutating func valueText(_ node: YAMLNode, column: Int) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.resolved == .string, !isWritingMetadata, let expression = expression(for: scalar.value) {
                if ImportIdiomState.readsContext(scalar.value) { idioms.contextUses += 1 }
                return expression
            }
            if isIdiomatic, scalar.resolved == .string, !isWritingMetadata, let interpolated = interpolatedLiteral(scalar.value) {
                return interpolated
            }
            return BPSourceText.scalar(scalar, indent: indent)
        case .sequence(let sequence):
            if let script = bashScript(sequence) {
                if isIdiomatic, let interpolated = interpolatedLiteral(script), interpolated.hasPrefix("\"") || interpolated.hasPrefix("#") {
                    return "bash " + interpolated
                }
                return "bash " + BPSourceText.literal(script, indent: indent)
            }
            idioms.nesting += 1
            let childColumn = (indent + idioms.nesting) * 2
            let items = sequence.items.map { value($0, column: childColumn) }
            idioms.nesting -= 1
            if isIdiomatic {
                if let inline = ImportIdiomState.oneLine(items, open: "[", close: "]", column: column) { return inline }
                if let hugged = ImportIdiomState.huggingLast(items, column: column) { return hugged }
                // `[{ ... }]`: a list of one multi-line map hugs it.
                if items.count == 1, sequence.items[0].mapping != nil, items[0].hasPrefix("{\n") { return "[" + items[0] + "]" }
            } else if items.allSatisfy({ !$0.containsBytes("\n") }), items.reduce(0, { $0 + $1.count + 2 }) <= 80 {
                return "[" + items.joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { $0 + "\n" }.joined() + "]"
        case .mapping(let mapping):
            return mapLiteral(mapping.pairs, column: column)
        }
    }

    /// The script of `["bash", "-o", "errexit", "-o", "pipefail", "-c", script]`, exact text only.
    func bashScript(_ sequence: YAMLSequence) -> String? {
        let preamble = TemplateIdioms.bashPreamble
        guard sequence.items.count == preamble.count + 1 else { return nil }
        let scalars = sequence.items.compactMap(\.scalar)
        guard scalars.count == sequence.items.count, scalars.allSatisfy({ $0.resolved == .string }) else { return nil }
        guard zip(scalars, preamble).allSatisfy({ $0.value == $1 }) else { return nil }
        return scalars[preamble.count].value
    }

    /// An expression whose compiled template is exactly `text`, if there is one.
    func expression(for text: String) -> String? {
        if let shared = sharedOptions[text] { return shared }
        if let option = optionExpression(text) { return option }
        guard let chain = fieldChain(text) else { return nil }
        let root = chain[0]
        if root == "Phases", chain.count >= 3, referablePhases.contains(chain[1]), BPSourceText.isIdentifier(chain[1]),
            let member = ["Output": "output", "Secrets": "secrets", "ConfigMaps": "configmaps"][chain[2]]
        {
            return ([chain[1], member] + chain[3...]).joined(separator: ".")
        }
        if root == "DeferPhase", chain.count >= 2, chain[1] == "Output", let name = deferPhaseName,
            BPSourceText.isIdentifier(name), isWritingArtifacts
        {
            return ([name, "output"] + chain[2...]).joined(separator: ".")
        }
        if root == "ArtifactsIn", chain.count >= 2, inputNames.contains(chain[1]), !referablePhasesOrLocals(chain[1]) {
            return chain[1...].joined(separator: ".")
        }
        guard KanisterCatalog.shared.templateRoots.contains(root), !actionNames.contains(root) else { return nil }
        return chain.joined(separator: ".")
    }

    func referablePhasesOrLocals(_ name: String) -> Bool {
        actionNames.subtracting(inputNames).contains(name)
    }

    /// `{{ .A.B.C }}` with single spaces, each part a Go identifier.
    func fieldChain(_ text: String) -> [String]? {
        guard text.hasPrefix("{{ ."), text.hasSuffix(" }}"), text.count > 7 else { return nil }
        let inner = text.dropFirst(4).dropLast(3)
        let parts = inner.utf8.split(separator: 0x2E, omittingEmptySubsequences: false).map { String(Substring($0)) }
        guard parts.allSatisfy({ isGoFieldName($0) }) else { return nil }
        return parts
    }

    func isGoFieldName(_ text: String) -> Bool {
        guard let first = text.utf8.first, BPSourceText.isLetter(first) else { return false }
        return text.utf8.allSatisfy { BPSourceText.isLetter($0) || BPSourceText.isDigitByte($0) }
    }

    /// The corpus's option-with-default idiom, recognised only when the
    /// compiler would spell it identically.
    func optionExpression(_ text: String) -> String? {
        let prefix = "{{if index .Options \""
        guard text.hasPrefix(prefix), let close = text.dropFirst(prefix.count).firstIndex(of: "\"") else { return nil }
        let name = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<close])
        let elseMarker = " {{else -}} "
        guard let elseOffset = text.firstUTF8Offset(of: elseMarker), text.hasSuffix(" {{- end}}") else { return nil }
        let fallbackStart = text.utf8.index(text.startIndex, offsetBy: elseOffset + elseMarker.utf8.count)
        let fallbackEnd = text.index(text.endIndex, offsetBy: -" {{- end}}".count)
        guard fallbackStart <= fallbackEnd else { return nil }
        let fallback = String(text[fallbackStart..<fallbackEnd])
        guard !fallback.containsTemplateOpen, !fallback.containsBytes("\n"), fallback.trimmingWhitespace() == fallback,
            TemplateIdioms.optionWithDefault(name: name, fallback: fallback) == text
        else { return nil }
        return "option(\(BPSourceText.quoted(name)), default: \(BPSourceText.literal(fallback, indent: 0)))"
    }
}

extension ImportWriter {
    /// Declares a `let` for every option idiom the blueprint repeats, named after
    /// the option when that name cannot be mistaken for anything else.
    mutating func writeSharedOptions(_ root: YAMLMapping) {
        // The root's pairs in order, the actions' pairs in place of theirs: groups
        // of them are searched on all cores and merged in order.
        var pairs: [YAMLPair] = []
        var taken = Set(KanisterCatalog.shared.templateRoots).union(TemplateFunctions.kanister).union(["option", "kopia", "bash"])
        for pair in root.pairs {
            if let actions = pair.value.mapping, pair.key.scalar?.value == "actions" {
                taken.insert("actions")
                pairs += actions.pairs
            } else {
                pairs.append(pair)
            }
        }
        let found = Parallel.mapGroups(
            pairs.count, minimumWeight: ImportWriter.minimumBytesPerGroup,
            weight: { pairs[$0].value.end.offset - pairs[$0].key.start.offset },
            transform: { range in
                var counts: [String: Int] = [:]
                var order: [String] = []
                var names: Set<String> = []
                for pair in pairs[range] {
                    visitScalars(pair.value) { text in
                        // An idiom seen before is one: count it without matching it again.
                        if let count = counts[text] {
                            counts[text] = count + 1
                            return
                        }
                        guard optionExpression(text) != nil else { return }
                        order.append(text)
                        counts[text] = 1
                    }
                    visitDeclaredNames(of: pair) { names.insert($0) }
                }
                return (counts, order, names)
            })
        var counts: [String: Int] = [:]
        var order: [String] = []
        for (groupCounts, groupOrder, names) in found {
            order += groupOrder.filter { counts[$0] == nil }
            counts.merge(groupCounts, uniquingKeysWith: +)
            taken.formUnion(names)
        }
        var lets: [String] = []
        defer { idioms.taken = taken }
        for text in order where counts[text, default: 0] >= 2 {
            guard let expression = optionExpression(text), let name = optionName(text), BPSourceText.isLetName(name), !taken.contains(name) else { continue }
            taken.insert(name)
            sharedOptions[text] = name
            lets.append("let \(name) = \(expression)")
        }
        guard !lets.isEmpty else { return }
        output += "\n"
        for text in lets { line(text) }
    }

    func optionName(_ text: String) -> String? {
        let prefix = "{{if index .Options \""
        guard let close = text.dropFirst(prefix.count).firstIndex(of: "\"") else { return nil }
        return String(text[text.index(text.startIndex, offsetBy: prefix.count)..<close])
    }

    func visitScalars(_ node: YAMLNode, _ visit: (String) -> Void) {
        switch node {
        case .scalar(let scalar): visit(scalar.value)
        case .sequence(let sequence): for item in sequence.items { visitScalars(item, visit) }
        case .mapping(let mapping): for pair in mapping.pairs { visitScalars(pair.value, visit) }
        }
    }

    /// The names an expression can read, which a let must not shadow: the
    /// action's, its artifacts', secrets', configmaps', phases' and objects';
    /// argument keys are not in scope and do not count.
    func visitDeclaredNames(of pair: YAMLPair, _ visit: (String) -> Void) {
        if let key = pair.key.scalar?.value { visit(key) }
        guard let action = pair.value.mapping else { return }
        for key in ["inputArtifactNames", "secretNames", "configMapNames"] {
            for item in action[key]?.sequence?.items ?? [] { if let name = item.scalar?.value { visit(name) } }
        }
        for artifact in action["outputArtifacts"]?.mapping?.pairs ?? [] { if let name = artifact.key.scalar?.value { visit(name) } }
        let phases = (action["phases"]?.sequence?.items ?? []) + [action["deferPhase"]].compactMap { $0 }
        for phase in phases.compactMap(\.mapping) {
            if let name = phase["name"]?.scalar?.value { visit(name) }
            for object in phase["objects"]?.mapping?.pairs ?? [] { if let name = object.key.scalar?.value { visit(name) } }
        }
    }
}
