// Seeded generators for the property tests: SplitMix64, and mutants of .bp
// programs for the invariants that tie the stages together (token changes, and
// reads written on values).

import BlueprintSyntax

/// SplitMix64: a small seeded generator, so failures reproduce.
public struct SeededGenerator: RandomNumberGenerator {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Seeded mutations of a .bp program at the token level: names, strings and
/// literals swapped for others (from the program, the catalog, or values
/// Kanister treats specially), lines deleted, duplicated or moved.
public struct BlueprintMutator {
    var random: SeededGenerator

    public init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    static let identifiers = [
        "KubeTask", "KubeExec", "ScaleWorkload", "Wait", "WaitV2", "MultiContainerRun", "BackupData", "KubeOps", "PrepareData",
        "Secret", "ConfigMap", "Secrt", "StatefulSet", "Deployment", "Profile", "Options", "Object", "Data", "data", "Type",
        "KeyValue", "KopiaSnapshot", "output", "secrets", "configMaps", "name", "namespace", "nmae", "command", "podLabels",
        "podAnnotations", "timeout", "replicas", "image", "toString", "toJson", "kopia", "x",
        "Deployment", "Namespace", "PVC", "DeploymentConfig", "Phases", "ArtifactsIn", "Time", "index", "printf", "trunc",
        "quote", "KopiaSnapShot", "outputs", "objects", "podOverride", "volumes", "backgroundCommand", "outputCommand",
        "initCommand", "conditions", "anyOf", "objectReference", "condition", "kind", "apiVersion", "input", "undo", "finally",
    ]
    static let strings = [
        "\"\"", "\"a b\"", "\"true\"", "\"maybe\"", "\"1m\"", "\"1x\"", "\"-5s\"", "\"app\"", "\"a/b\"", "\"-bad-\"",
        "\"{{ .StatefulSet.Name }}\"", "\"{{ .Phases.x.Output.y }}\"", "\"{{ .ArtifactsIn.a.KeyValue.k }}\"",
        "\"{{ .Options.o }}\"", "\"{{ .Secrets.s.Data.k }}\"", "\"{{ if }}\"", "\"{{ .Profile.Location.Bucket }}\"",
        "\"\\(StatefulSet.Namespace)\"", "\"kando output k v\"",
        "\"{{ .Object.metadata.name }}\"", "\"{{ index .Options \\\"o\\\" }}\"", "\"{{ .Phases.x.Secrets.s.Data.k | toString }}\"",
        "\"{{ toJson .Profile }}\"", "\"{{ .Deployment.Name }}\"", "\"{{ .Namespace.Name }}\"", "\"{{ .ArtifactsIn.a.KopiaSnapshot }}\"",
        "\"{{ .DeferPhase.Output.k }}\"", "\"{{ .Time | toDate \\\"x\\\" }}\"", "\"{{ date \\\"2006\\\" .Time }}\"",
        "\"{{- .Options.o | quote -}}\"", "\"{{ range .Options }}{{ . }}{{ end }}\"", "\"{{ $x := 1 }}{{ $x }}\"",
        "\"{{ template \\\"t\\\" }}\"", "\"###Phase-output###: {\\\"key\\\":\\\"k\\\"}\"",
        "\"kando location push --output-name k -\"", "\"yes\"", "\" 2 \"", "\"app.kubernetes.io/name\"",
    ]
    static let literals = [
        "true", "false", "0", "3", "1.5", "null", "[]", "{}", "[\"a\"]", "{ a: \"b\" }", "10m", "-1", "1e3", "2.0", "[1]", "{ a: [] }",
    ]

    mutating func int(below bound: Int) -> Int { Int(random.next() % UInt64(max(1, bound))) }
    mutating func pick(_ choices: [String]) -> String { choices[int(below: choices.count)] }

    /// One to three mutations of `text`.
    public mutating func mutate(_ text: String) -> String {
        repeatOneToThreeTimes(text) { $0.mutateOnce($1) }
    }

    /// `once` applied one to three times, as many as the generator says.
    mutating func repeatOneToThreeTimes(_ text: String, _ once: (inout BlueprintMutator, String) -> String) -> String {
        var result = text
        for _ in 0..<(1 + int(below: 3)) { result = once(&self, result) }
        return result
    }

    mutating func mutateOnce(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let tokens = Lexer.tokenize(bytes).tokens.filter { $0.kind != .endOfFile }
        guard !tokens.isEmpty else { return text }
        func spelling(_ token: Token) -> String { String(decoding: bytes[token.range.start..<token.range.end], as: UTF8.self) }
        func replacing(_ token: Token, with replacement: String) -> String {
            String(decoding: bytes[..<token.range.start], as: UTF8.self) + replacement
                + String(decoding: bytes[token.range.end...], as: UTF8.self)
        }
        switch int(below: 8) {
        case 0, 1:
            let names = tokens.filter { $0.kind == .identifier }
            guard !names.isEmpty else { return text }
            let target = names[int(below: names.count)]
            let other = int(below: 2) == 0 ? spelling(names[int(below: names.count)]) : pick(Self.identifiers)
            return replacing(target, with: other)
        case 2, 3:
            let strings = tokens.filter { $0.kind == .string }
            guard !strings.isEmpty else { return text }
            let target = strings[int(below: strings.count)]
            let other = int(below: 2) == 0 ? spelling(strings[int(below: strings.count)]) : pick(Self.strings)
            return replacing(target, with: other)
        case 4:
            let values = tokens.indices.filter { index in
                [.int, .float, .duration, .string].contains(tokens[index].kind) || ["true", "false"].contains(spelling(tokens[index]))
            }
            guard !values.isEmpty else { return text }
            let target = values[int(below: values.count)]
            var literal = pick(Self.literals)
            // kcheck's synthetic lists (Pods, Object's) are short where Kanister's
            // have as many elements as the workload: a position past them is no finding.
            if literal == "3", Self.isIndexKey(target, in: tokens) { literal = "0" }
            return replacing(tokens[target], with: literal)
        default:
            return mutateLines(text)
        }
    }

    /// Field, key and pipe reads, and values to read them on: literals, function
    /// results, parenthesized chains (Go refuses a read on some of them).
    static let reads = [
        ".x", ".Name", "[\"k\"]", "[0]", "[1].y", ".output", ".output.k", " | upper", " | toJson", " | quote", " | len", " | b64enc",
        " | trunc(3)", "[StatefulSet.Name]", " | len | upper", " | toString",
    ]
    static let readValues = [
        "upper(\"x\")", "option(\"o\")", "dict(\"a\", 1)", "list(1, 2)", "(StatefulSet.Name)", "(StatefulSet.Name | toJson)",
        "toJson(Object)", "\"s\"", "3", "(1)", "printf(\"%d\", 1)", "default(\"a\", Options.x)", "(StatefulSet)", "Object.spec",
        "split(\"/\", \"a/b\")", "(\"x\" | upper)", "StatefulSet", "StatefulSet.Pods", "Options", "keys(Options)",
        "first(StatefulSet.Pods)", "add(1, 2)", "true", "1.5", "list(1, \"a\")", "coalesce(Options.x, \"d\")",
    ]

    /// One to three mutations that end a value with a field, key or pipe read, or
    /// put a value to read on (`upper("x").y`, `(x | toJson)["k"]`) in its place.
    public mutating func mutateReads(_ text: String) -> String {
        repeatOneToThreeTimes(text) { $0.mutateReadOnce($1) }
    }

    mutating func mutateReadOnce(_ text: String) -> String {
        let bytes = Array(text.utf8)
        let tokens = Lexer.tokenize(bytes).tokens.filter { ![.whitespace, .comment].contains($0.kind) }
        // A token that ends a value: the next token closes or separates. Not a
        // computed index key, which kcheck's synthetic Object reads as a list
        // position (a map in Kanister), so it would refuse what Kanister accepts.
        let ends = tokens.indices.filter { index in
            [.identifier, .int, .float, .string, .rightParen, .rightBracket].contains(tokens[index].kind) && index + 1 < tokens.count
                && [.comma, .rightBracket, .rightBrace, .rightParen, .newline].contains(tokens[index + 1].kind)
                && (index == 0 || tokens[index - 1].kind != .leftBracket || tokens[index + 1].kind != .rightBracket)
        }
        guard !ends.isEmpty else { return text }
        let targetIndex = ends[int(below: ends.count)]
        let target = tokens[targetIndex]
        var read = int(below: 4) == 0 ? "" : pick(Self.reads)
        // kcheck's synthetic Object and PodOverride read a computed key as a list
        // position (Kanister's are maps), so such a read is left out.
        if read.hasPrefix("[StatefulSet"),
            Self.chainRoot(before: targetIndex, in: tokens, bytes: bytes).map({ ["Object", "PodOverride"].contains($0) }) == true
        {
            read = ".x"
        }
        let replacesValue = target.kind != .rightParen && target.kind != .rightBracket && int(below: 2) == 0
        let value = replacesValue ? pick(Self.readValues) : ""
        if value.hasPrefix("Object"), read.hasPrefix("[StatefulSet") { read = ".x" }
        let head = String(decoding: bytes[..<(replacesValue ? target.range.start : target.range.end)], as: UTF8.self)
        return head + value + read + String(decoding: bytes[target.range.end...], as: UTF8.self)
    }

    /// True when the token at `index` is all of an index key: `[` before it, `]` after.
    static func isIndexKey(_ index: Int, in tokens: [Token]) -> Bool {
        let significant = { (position: Int) in ![.whitespace, .comment, .newline].contains(tokens[position].kind) }
        let before = (0..<index).reversed().first(where: significant)
        let after = (index + 1..<tokens.count).first(where: significant)
        return before.map { tokens[$0].kind == .leftBracket } == true && after.map { tokens[$0].kind == .rightBracket } == true
    }

    /// The first name of the chain (`Object.spec["a"]`) that ends at token `index`.
    static func chainRoot(before index: Int, in tokens: [Token], bytes: [UInt8]) -> String? {
        var start = index
        while start > 0, [.identifier, .dot, .string, .int, .leftBracket, .rightBracket].contains(tokens[start - 1].kind) { start -= 1 }
        guard let first = tokens[start...index].first(where: { $0.kind == .identifier }) else { return nil }
        return String(decoding: bytes[first.range.start..<first.range.end], as: UTF8.self)
    }

    /// Deletes, duplicates or moves a line.
    mutating func mutateLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count > 2 else { return text }
        let index = int(below: lines.count)
        switch int(below: 3) {
        case 0: lines.remove(at: index)
        case 1: lines.insert(lines[index], at: index)
        default:
            let line = lines.remove(at: index)
            lines.insert(line, at: int(below: lines.count))
        }
        return lines.joined(separator: "\n")
    }
}
