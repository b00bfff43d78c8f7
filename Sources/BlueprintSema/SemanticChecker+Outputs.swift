// Phase references and phase outputs: which phase a reference may name
// (earlier, same action), and which output keys a phase produces (fixed for
// built-in functions; declared or inferred from `kando output` otherwise).

import BlueprintSyntax

/// The output keys of a phase; open when the script may produce others.
struct OutputSet {
    var keys: Set<String>
    var isOpen: Bool
}

extension SemanticChecker {
    mutating func checkPhaseReference(_ name: String, _ part: PhaseReference.Part?, key: (String, SourceRange)?, at range: SourceRange) {
        guard let action = context.action else { return }
        guard let target = action.phase(named: name) else {
            if let other = table.actions.first(where: { $0.phase(named: name) != nil }) {
                report(
                    .crossActionPhase, "phase '\(name)' belongs to action '\(other.name)'; a phase can only read phases of its own action", at: range,
                    notes: [DiagnosticNote("'\(name)' is declared here", range: other.phase(named: name)?.decl.name.range)])
            } else {
                report(.undefinedPhase, "no phase '\(name)' in action '\(action.name)'\(Suggestions.hint(for: name, in: action.phases.map(\.name)))", at: range)
            }
            return
        }
        // Kanister renders every phase's objects before the first phase runs.
        if context.isObjects, let current = context.phase {
            report(
                .laterPhase, "the objects of phase '\(current.name)' are rendered before any phase runs; they cannot read phase '\(name)'", at: range,
                notes: [DiagnosticNote("'\(name)' is declared here", range: target.decl.name.range)])
            return
        }
        if let current = context.phase, !context.isArtifact {
            let isSelf = current.name == target.name
            let isLater = target.order > current.order || (target.isFinally && !current.isFinally)
            if isLater || (isSelf && part == .output && !context.isCompensation) {
                let what = isSelf ? "its own output" : "phase '\(name)', which runs later"
                report(
                    .laterPhase, "phase '\(current.name)' cannot read \(what)", at: range,
                    notes: [DiagnosticNote("'\(name)' is declared here", range: target.decl.name.range)])
                return
            }
            if !isSelf, let part {
                context.references.append(PhaseReference(phase: name, part: part, key: key?.0, range: range))
            }
        }
        guard let part, let (keyName, keyRange) = key else { return }
        switch part {
        case .output: checkOutputKey(keyName, keyRange, of: target)
        case .secrets, .configMaps: checkObjectName(keyName, keyRange, of: target, part: part)
        }
    }

    mutating func checkOutputKey(_ key: String, _ range: SourceRange, of phase: PhaseInfo) {
        context.usedOutputs[phase.name, default: []].insert(key)
        let cacheKey = "\(context.action?.name ?? "")\u{0}\(phase.name)"
        let outputs = outputCache[cacheKey] ?? outputSet(of: phase)
        outputCache[cacheKey] = outputs
        guard !outputs.keys.contains(key) else { return }
        let known = outputs.keys.sorted()
        if outputs.isOpen {
            if !known.isEmpty {
                report(
                    .unverifiableOutput,
                    "phase '\(phase.name)' may not produce output '\(key)' (found only \(known.joined(separator: ", ")))\(Suggestions.hint(for: key, in: known))",
                    at: range, severity: .warning)
            }
            return
        }
        let listing = known.isEmpty ? "it produces no outputs" : "it produces \(known.joined(separator: ", "))"
        report(
            .unknownOutput, "phase '\(phase.name)' has no output '\(key)'; \(listing)\(Suggestions.hint(for: key, in: known))", at: range,
            notes: [DiagnosticNote("phase '\(phase.name)' is declared here", range: phase.decl.name.range)])
    }

    mutating func checkObjectName(_ name: String, _ range: SourceRange, of phase: PhaseInfo, part: PhaseReference.Part) {
        let kind = part == .secrets ? "secret" : "configmap"
        let (expanded, _) = table.expand(phase.decl.call)
        var objects: [String] = []
        for item in expanded.items {
            guard case .objects(let block) = item else { continue }
            for entry in block.entries where objectKind(entry.value)?.lowercased() == kind {
                if let key = entry.key.constantText { objects.append(key) }
            }
        }
        guard !objects.contains(name) else { return }
        report(
            .undeclaredObject,
            "phase '\(phase.name)' has no \(kind) object '\(name)'\(Suggestions.hint(for: name, in: objects)); declare it in objects { \(name): \(kind == "secret" ? "Secret" : "ConfigMap")(...) }",
            at: range)
    }

    /// The kind of an object entry: `Secret(...)` or `{ kind: "Secret", ... }`.
    func objectKind(_ value: Expr) -> String? {
        switch value.kind {
        case .call(let callee, _):
            if case .identifier(let kind) = callee.kind { return kind }
        case .map(let entries):
            for entry in entries where entry.key.constantText == "kind" {
                if case .string(let literal) = entry.value.kind { return literal.constantText }
                if case .identifier(let kind) = entry.value.kind { return kind }
            }
        default: break
        }
        return nil
    }

    func outputSet(of phase: PhaseInfo) -> OutputSet {
        let (expanded, _) = table.expand(phase.decl.call)
        guard let function = target.function(expanded.function.text) else {
            return OutputSet(keys: [], isOpen: true)
        }
        guard function.userOutputs else { return OutputSet(keys: Set(function.outputs), isOpen: false) }
        var declared: Set<String> = []
        var hasDeclaration = false
        var scripts = ""
        for item in expanded.items {
            switch item {
            case .outputs(let decl):
                hasDeclaration = true
                declared.formUnion(decl.names.map(\.text))
            case .argument(let entry):
                collectText(entry.value, into: &scripts)
            case .objects:
                break
            }
        }
        let inferred = OutputInference.keys(in: scripts)
        let keys = declared.union(inferred.keys).union(function.outputs)
        return OutputSet(keys: keys, isOpen: !hasDeclaration && (inferred.isDynamic || inferred.keys.isEmpty))
    }

    /// The literal text of every string in a value (lets followed), one per line.
    func collectText(_ expr: Expr, into text: inout String, depth: Int = 0) {
        switch expr.kind {
        case .string(let literal), .bash(let literal):
            for segment in literal.segments {
                switch segment {
                case .text(let part, _), .literalText(let part, _): text += part
                case .interpolation: text += "\u{1}"
                }
            }
            text += "\n"
        case .list(let elements): for element in elements { collectText(element, into: &text, depth: depth) }
        case .map(let entries): for entry in entries { collectText(entry.value, into: &text, depth: depth) }
        case .identifier(let name):
            if depth < 32, case .constant(let decl) = table.resolve(name, in: context.action) {
                collectText(decl.value, into: &text, depth: depth + 1)
            }
        default: break
        }
    }
}

/// Output keys a script sets: `kando output KEY VALUE`, `--output-name KEY`,
/// and `kando location push` without a name (its default, `kandoOutput`).
public enum OutputInference {
    public static func keys(in script: String) -> (keys: Set<String>, isDynamic: Bool) {
        var keys: Set<String> = []
        var isDynamic = false
        for words in wordsPerLine(script) {
            for (index, word) in words.enumerated() {
                var key: String?
                if word == "output", index > 0, words[index - 1] == "kando", index + 1 < words.count {
                    key = words[index + 1]
                } else if word == "--output-name" || word == "-o", index + 1 < words.count, words.prefix(index).contains("kando") {
                    key = words[index + 1]
                } else if word.hasPrefix("--output-name=") {
                    key = String(word.dropFirst("--output-name=".count))
                } else if word == "push", index > 1, words[index - 1] == "location", words[index - 2] == "kando",
                    !words.contains(where: { $0 == "--output-name" || $0 == "-o" || $0.hasPrefix("--output-name=") })
                {
                    keys.insert("kandoOutput")
                }
                guard let raw = key else { continue }
                let trimmed = raw.trimming("\"'")
                if trimmed.isEmpty || trimmed.contains("$") || trimmed.containsTemplateOpen || trimmed.contains("\u{1}")
                    || !trimmed.utf8.allSatisfy(isKeyByte)
                {
                    isDynamic = true
                } else {
                    keys.insert(trimmed)
                }
            }
        }
        return (keys, isDynamic)
    }

    /// `_`, an ASCII letter or digit: what an output key is made of (no Unicode tables needed).
    static func isKeyByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z"))
    }

    /// The words (split at spaces and tabs) of each line (split at line feeds, `;`, `|` and `&`).
    static func wordsPerLine(_ script: String) -> [[String]] {
        if let lines = asciiWordsPerLine(script) { return lines }
        return script.split(whereSeparator: { $0 == "\n" || $0 == ";" || $0 == "|" || $0 == "&" }).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
    }

    /// `wordsPerLine` by a byte scan, for ASCII without carriage returns, where every
    /// byte is a Character; nil for other text. Lines without words are left out.
    static func asciiWordsPerLine(_ script: String) -> [[String]]? {
        var text = script
        return text.withUTF8 { bytes -> [[String]]? in
            var lines: [[String]] = []
            var words: [String] = []
            var wordStart: Int?
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                guard byte < 0x80, byte != 0x0D else { return nil }
                let endsLine = byte == 0x0A || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "&")
                let endsWord = endsLine || byte == 0x20 || byte == 0x09
                if endsWord {
                    if let start = wordStart {
                        words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        wordStart = nil
                    }
                    if endsLine, !words.isEmpty {
                        lines.append(words)
                        words.removeAll(keepingCapacity: true)
                    }
                } else if wordStart == nil {
                    wordStart = index
                }
            }
            return lines
        }
    }
}
