// Phase references and phase outputs: which phase a reference may name
// (earlier, same action), and which output keys a phase produces (fixed for
// built-in functions; declared or inferred from `kando output` otherwise).

import BlueprintSyntax

/// The output keys of a phase; open when the script may produce others.
extension DiagnosticCode {
    public static let unprintedOutput = DiagnosticCode("BP2066")
    public static let unnamedPhaseRead = DiagnosticCode("BP2083")
}

struct OutputSet {
    var keys: Set<String>
    var isOpen: Bool
    /// The keys come from a script (a userOutputs function without `outputs [..]`).
    var isFromScript = false
    /// Keys a MultiContainerRun writes from a command whose log Kanister never
    /// reads (initCommand, backgroundCommand), with that command's range.
    var uncollected: [String: (argument: String, range: SourceRange)] = [:]
    /// The keys the collected command prints literally, and whether it also
    /// prints computed ones (both as `OutputInference.keys` reads them).
    var printed: Set<String> = []
    var printsComputedKeys = false
}

extension SemanticChecker {
    /// `rest` is the path after the key (`Data.k` after a secret's name).
    mutating func checkPhaseReference(
        _ name: String, _ part: PhaseReference.Part?, key: (String, SourceRange)?, at range: SourceRange, rest: ArraySlice<(String, SourceRange)> = []
    ) {
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
        // Kanister keeps a phase's outputs under its YAML name; an unnamed one has none
        // (the finally phase's are read as .DeferPhase, which needs no name).
        if target.decl.call.isUnnamed, !target.isFinally {
            report(
                .unnamedPhaseRead, "phase '\(name)' is 'unnamed': the YAML gives it no name, so no template can read its outputs; remove 'unnamed'",
                at: range, notes: [DiagnosticNote("'\(name)' is declared here", range: target.decl.name.range)])
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
            // What a phase reads of itself is no edge; what its compensation reads is.
            if !isSelf || context.isCompensation, let part {
                context.references.append(
                    PhaseReference(phase: name, part: part, key: key?.0, range: range, compensation: context.compensationClause))
            }
        }
        if part == .output, context.phase?.name != target.name {
            context.outputReads.append(
                OutputRead(
                    target: target.name, key: key?.0, range: range, reader: context.isArtifact ? nil : context.phase?.name,
                    isCommand: context.isCommand, isCondition: context.isCondition))
        }
        guard let part, let (keyName, keyRange) = key else { return }
        switch part {
        case .output:
            checkOutputKey(keyName, keyRange, of: target)
            if let read = rest.first { reportValueRead(read, on: "output '\(keyName)' of phase '\(name)'", kind: "a string or a number") }
        case .secrets, .configMaps: checkObjectName(keyName, keyRange, of: target, part: part, rest: rest)
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
        var listing = known.isEmpty ? "it produces no outputs" : "it produces \(known.joined(separator: ", "))"
        if known.isEmpty, outputs.isFromScript {
            listing += " (its command has no `kando output` line; declare outputs [\(key)] if a program it runs writes one)"
        }
        var notes = [DiagnosticNote("phase '\(phase.name)' is declared here", range: phase.decl.name.range)]
        if let (argument, command) = outputs.uncollected[key] {
            notes.append(
                DiagnosticNote(
                    "'\(key)' is written by \(argument), whose log Kanister never reads; only outputCommand's output lines become outputs", range: command))
        }
        report(.unknownOutput, "phase '\(phase.name)' has no output '\(key)'; \(listing)\(Suggestions.hint(for: key, in: known))", at: range, notes: notes)
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

    /// The output keys of a phase, by the rules of `OutputInference`.
    func outputSet(of phase: PhaseInfo) -> OutputSet {
        let expanded = expansion(of: phase)
        guard let function = target.function(expanded.function.text) else {
            return OutputSet(keys: [], isOpen: true)
        }
        guard function.userOutputs else { return OutputSet(keys: Set(function.outputs), isOpen: false) }
        let collected = OutputInference.collectedArgument(of: function.name)
        var declared: Set<String> = []
        var hasDeclaration = false
        var script = ""
        var uncollected: [(argument: String, text: String, range: SourceRange)] = []
        for item in expanded.items {
            switch item {
            case .outputs(let decl):
                hasDeclaration = true
                declared.formUnion(decl.names.map(\.text))
            case .argument(let entry):
                let name = entry.key.constantText ?? ""
                if name == collected {
                    collectText(entry.value, into: &script)
                } else if OutputInference.uncollectedArguments(of: function.name).contains(name) {
                    var text = ""
                    collectText(entry.value, into: &text)
                    uncollected.append((name, text, entry.value.range))
                }
            case .objects:
                break
            }
        }
        let inferred = OutputInference.keys(in: script)
        var outputs = OutputSet(
            keys: declared.union(inferred.keys).union(function.outputs), isOpen: !hasDeclaration && inferred.isDynamic,
            isFromScript: !hasDeclaration)
        outputs.printed = inferred.keys
        outputs.printsComputedKeys = inferred.isDynamic
        for (argument, text, range) in uncollected {
            for key in OutputInference.keys(in: text).keys where !outputs.keys.contains(key) { outputs.uncollected[key] = (argument, range) }
        }
        return outputs
    }

    /// `outputs [..]` names keys a program the command runs writes. A command that
    /// prints literal keys and no computed one has, to Kanister's checks
    /// (kcheck's model), exactly those outputs: a declared key it does not print
    /// is refused wherever it is read, so it is an error where it is declared.
    mutating func checkDeclaredOutputs(_ phase: PhaseInfo, _ call: ExpandedCall) {
        guard call.items.contains(where: { if case .outputs = $0 { true } else { false } }) else { return }
        let outputs = outputSet(of: phase)
        guard !outputs.printed.isEmpty, !outputs.printsComputedKeys else { return }
        for case .outputs(let decl) in call.items {
            for name in decl.names where !outputs.printed.contains(name.text) {
                let printed = outputs.printed.sorted().joined(separator: ", ")
                report(
                    .unprintedOutput,
                    "phase '\(phase.name)' declares output '\(name.text)', but its command prints only \(printed) with kando output; Kanister's checks take those as all its outputs: print '\(name.text)' there too",
                    at: name.range)
            }
        }
    }

    /// The text an interpolation splices when it is constant: a string without
    /// interpolations of its own, or a let (or def argument, once expanded) holding one.
    func interpolatedText(_ expr: Expr, depth: Int) -> String? {
        guard depth < 32 else { return nil }
        switch expr.kind {
        case .string(let literal): return literal.constantText
        case .parenthesized(let inner): return interpolatedText(inner, depth: depth + 1)
        case .identifier(let name):
            guard case .constant(let decl) = table.resolve(name, in: context.action) else { return nil }
            return interpolatedText(decl.value, depth: depth + 1)
        default: return nil
        }
    }

    /// The literal text of every string in a value (lets followed), one per line.
    func collectText(_ expr: Expr, into text: inout String, depth: Int = 0) {
        switch expr.kind {
        case .string(let literal), .bash(let literal):
            for segment in literal.segments {
                switch segment {
                case .text(let part, _), .literalText(let part, _): text += part
                case .interpolation(let inner): text += interpolatedText(inner, depth: depth) ?? "\u{1}"
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

/// The output keys of a phase, as Kanister collects them (output-protocol.md) and
/// kcheck's `computeOutputs` counts them:
///
/// * A function with fixed outputs (functions.json `outputs`, `userOutputs` false)
///   produces exactly those keys.
/// * A `userOutputs` function produces the keys its collected command prints as
///   `###Phase-output###:` lines: `command` of KubeTask, KubeExec, KubeExecAll and
///   PrepareData; `outputCommand` only of MultiContainerRun (the log of its output
///   container; `initCommand` and `backgroundCommand` are never collected).
/// * In that command, a key is inferred from `kando output KEY VALUE`, from
///   `kando location push ... --output-name KEY` (`-o KEY`; `kandoOutput` without
///   one) and from a raw `###Phase-output###: {"key":"KEY",...}` line.
/// * `outputs [a, b]` declares keys (for programs the command runs) and closes the set.
/// * A key that is not literal (`kando output "$KEY"`, an interpolation, a raw
///   marker whose key cannot be read) leaves the set open: reading another key is
///   warning BP2107. Otherwise the set is closed, and reading a key outside it,
///   including any key of a phase that produces none, is error BP2009.
/// * A function the catalog lacks is open (BP2001 reports it).
public enum OutputInference {
    /// The argument whose command's log Kanister reads for outputs.
    public static func collectedArgument(of function: String) -> String {
        function == "MultiContainerRun" ? "outputCommand" : "command"
    }

    /// Arguments holding commands whose log Kanister never reads.
    static func uncollectedArguments(of function: String) -> [String] {
        function == "MultiContainerRun" ? ["initCommand", "backgroundCommand"] : []
    }

    public static func keys(in script: String) -> (keys: Set<String>, isDynamic: Bool) {
        var keys: Set<String> = []
        var isDynamic = false
        // Byte searches first: a script without the marker's or `kando`'s bytes has
        // no marker and no `kando` word, whatever its characters.
        if script.containsBytes(rawMarker), script.contains(rawMarker) {
            let raw = rawMarkerKeys(in: script)
            keys = raw.keys
            isDynamic = raw.isDynamic
        }
        guard script.containsBytes("kando") else { return (keys, isDynamic) }
        for words in asciiWordsPerLine(script, kandoLinesOnly: true) ?? wordsPerLine(script) {
            var found: [String] = []
            for (index, word) in words.enumerated() where word == "output" && index > 0 && words[index - 1] == "kando" && index + 1 < words.count {
                found.append(words[index + 1])
            }
            // The first `kando location push` of a command and the first output name after
            // it, as kcheck reads them (a later push in the same command is its argument).
            if let push = words.indices.first(where: { $0 > 1 && words[$0] == "push" && words[$0 - 1] == "location" && words[$0 - 2] == "kando" }) {
                let rest = words[(push + 1)...]
                if let name = rest.indices.first(where: { ["--output-name", "-o"].contains(rest[$0]) || rest[$0].hasPrefix("--output-name=") }) {
                    if rest[name].hasPrefix("--output-name=") {
                        found.append(String(rest[name].dropFirst("--output-name=".count)))
                    } else if name + 1 < words.count {
                        found.append(words[name + 1])
                    }
                } else {
                    keys.insert("kandoOutput")
                }
            }
            for raw in found {
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

    static let rawMarker = "###Phase-output###:"

    /// Keys of raw `###Phase-output###: {"key":"K"` lines (quotes may be escaped
    /// with `\\`, keys are `[A-Za-z0-9_.-]+`, as kcheck reads them); dynamic when
    /// some marker is not followed by such a key.
    static func rawMarkerKeys(in script: String) -> (keys: Set<String>, isDynamic: Bool) {
        let bytes = Array(script.utf8)
        let marker = Array(rawMarker.utf8)
        var keys: Set<String> = []
        var isDynamic = false
        var index = 0
        while index + marker.count <= bytes.count {
            guard bytes[index] == marker[0], bytes[index..<(index + marker.count)].elementsEqual(marker) else {
                index += 1
                continue
            }
            index += marker.count
            if let key = rawKey(bytes, at: index) { keys.insert(key) } else { isDynamic = true }
        }
        return (keys, isDynamic)
    }

    /// `\s*{\s*\\?"key\\?"\s*:\s*\\?"KEY\\?"` from `start`: KEY, or nil.
    static func rawKey(_ bytes: [UInt8], at start: Int) -> String? {
        var cursor = start
        func skipSpaces() {
            while cursor < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[cursor]) { cursor += 1 }
        }
        func expect(_ text: String) -> Bool {
            for byte in text.utf8 {
                guard cursor < bytes.count, bytes[cursor] == byte else { return false }
                cursor += 1
            }
            return true
        }
        func quote() -> Bool {
            if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\\") { cursor += 1 }
            return expect("\"")
        }
        skipSpaces()
        guard expect("{") else { return nil }
        skipSpaces()
        guard quote(), expect("key"), quote() else { return nil }
        skipSpaces()
        guard expect(":") else { return nil }
        skipSpaces()
        guard quote() else { return nil }
        let keyStart = cursor
        while cursor < bytes.count, isKeyByte(bytes[cursor]) || bytes[cursor] == UInt8(ascii: ".") || bytes[cursor] == UInt8(ascii: "-") {
            cursor += 1
        }
        let key = String(decoding: bytes[keyStart..<cursor], as: UTF8.self)
        guard !key.isEmpty, quote() else { return nil }
        return key
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
    /// byte is a Character; nil for other text. Lines without words are left out,
    /// and so are lines without the bytes `kando` when `kandoLinesOnly` is set
    /// (only those can hold a `kando` word; their words are never made into Strings).
    static func asciiWordsPerLine(_ script: String, kandoLinesOnly: Bool = false) -> [[String]]? {
        var text = script
        return text.withUTF8 { bytes -> [[String]]? in
            var lines: [[String]] = []
            var words: [String] = []
            var wordStart: Int?
            // The line being split and whether it is kept (it holds `kando`).
            var lineStart = 0
            var keepsLine = !kandoLinesOnly
            let kando = Array("kando".utf8)
            for index in 0...bytes.count {
                let byte = index < bytes.count ? bytes[index] : UInt8(ascii: "\n")
                guard byte < 0x80, byte != 0x0D else { return nil }
                let endsLine = byte == 0x0A || byte == UInt8(ascii: ";") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: "&")
                if kandoLinesOnly, index == lineStart {
                    // Find the line's end first and keep the line only if it holds `kando`.
                    var end = index
                    while end < bytes.count {
                        let next = bytes[end]
                        if next == 0x0A || next == UInt8(ascii: ";") || next == UInt8(ascii: "|") || next == UInt8(ascii: "&") { break }
                        end += 1
                    }
                    keepsLine = kando.withUnsafeBufferPointer {
                        UTF8Scan.contains(UnsafeBufferPointer(rebasing: bytes[index..<end]), $0)
                    }
                }
                if endsLine { lineStart = index + 1 }
                guard keepsLine else { continue }
                let endsWord = endsLine || byte == 0x20 || byte == 0x09
                if endsWord {
                    if let start = wordStart {
                        words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                        wordStart = nil
                    }
                    if endsLine, !words.isEmpty {
                        lines.append(words)
                        words = []  // `lines` holds the buffer: keeping its capacity would allocate a copy
                    }
                } else if wordStart == nil {
                    wordStart = index
                }
            }
            return lines
        }
    }
}
