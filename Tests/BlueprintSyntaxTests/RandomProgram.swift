// A generator of random valid .bp programs, for the property tests: every
// construct of the grammar, with comments, blank lines, strings with escapes,
// interpolations, raw and multi-line strings, at random depths.

struct RandomProgram {
    var random: SplitMix64
    var output = ""
    /// Above zero inside a one-line string's interpolation: no line breaks there.
    var inline = 0

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    mutating func int(below bound: Int) -> Int { Int(random.next() % UInt64(bound)) }
    mutating func chance(_ percent: Int) -> Bool { int(below: 100) < percent }
    mutating func pick(_ choices: [String]) -> String { choices[int(below: choices.count)] }

    static let identifiers = ["a", "tools", "mysql-blueprint", "Secret", "x_1", "on", "phase", "retry", "undo", "objects"]
    static let names = identifiers + ["\"quoted-name\"", "\"with space\""]

    mutating func program() -> String {
        output = ""
        for _ in 0..<(1 + int(below: 5)) {
            if chance(30) { output += "# " + pick(["note", "", "TODO: x", "#"]) + "\n" }
            declaration()
            output += chance(30) ? "\n\n" : "\n"
        }
        return output
    }

    mutating func declaration() {
        switch int(below: 5) {
        case 0:
            output += "blueprint " + pick(Self.names)
            if chance(50) {
                output += " "
                map(depth: 1)
            }
        case 1: output += "import " + simpleString()
        case 2:
            output += "let " + pick(Self.identifiers) + " = "
            expression(depth: 0)
        case 3:
            output += "def " + pick(Self.identifiers)
            if chance(60) { output += "(" + (0..<int(below: 3)).map { _ in pick(Self.identifiers) }.joined(separator: ", ") + ")" }
            output += " = "
            phaseCall(clauses: true)
        default: action()
        }
    }

    mutating func action() {
        output += "action " + pick(Self.names)
        if chance(50) { output += " on " + pick(Self.names) }
        output += " {\n"
        for _ in 0..<int(below: 5) {
            output += "  "
            if chance(15) { output += "# item\n  " }
            actionItem()
            output += chance(20) ? " # trailing\n" : "\n"
        }
        output += "}"
    }

    mutating func actionItem() {
        switch int(below: 8) {
        case 0, 1, 2: phase("phase")
        case 3: output += pick(["input", "secret", "configmap"]) + " " + (0...int(below: 3)).map { _ in pick(Self.names) }.joined(separator: ", ")
        case 4:
            output += "output " + pick(Self.names)
            let shape = int(below: 3)
            if shape != 1 {
                output += " = "
                expression(depth: 1)
            }
            if shape != 0 {
                output += " "
                map(depth: 1)
            }
        case 5:
            output += "parallel {"
            for _ in 0..<int(below: 3) {
                output += "\n    "
                phase("phase")
            }
            output += "\n  }"
        case 6: phase("finally")
        default:
            output += "let " + pick(Self.identifiers) + " = "
            expression(depth: 1)
        }
    }

    mutating func phase(_ keyword: String) {
        output += keyword + " " + pick(Self.names) + ": "
        phaseCall(clauses: true)
    }

    mutating func phaseCall(clauses: Bool) {
        output += pick(["KubeTask", "ScaleWorkload", "dump", "Wait"])
        if chance(40) { arguments(depth: 1) }
        if chance(70) { body() }
        guard clauses else { return }
        for _ in 0..<int(below: 3) {
            switch int(below: 5) {
            case 0: output += " retry " + pick(["0", "3", "10"])
            case 4: output += " unnamed"
            case 1: output += " timeout " + pick(["10m", "1h30m", "500ms", "30s"])
            case 2: output += " undo " + pick(Self.names)
            default:
                output += " undo "
                if chance(50) { output += pick(Self.names) + ": " }
                output += pick(["ScaleWorkload", "KubeTask"]) + " "
                body()
            }
        }
    }

    mutating func body() {
        let multiline = inline == 0 && chance(60)
        output += multiline ? " {\n" : " { "
        for index in 0..<int(below: 5) {
            if index > 0 { output += multiline ? (chance(30) ? ",\n" : "\n") : ", " }
            if multiline { output += "      " }
            switch int(below: 6) {
            case 0:
                output += "objects "
                map(depth: 2)
            case 1: output += "outputs [" + (0..<int(below: 3)).map { _ in pick(Self.names) }.joined(separator: ", ") + "]"
            default:
                output += chance(80) ? pick(Self.identifiers) : string(depth: 2)
                output += ": "
                expression(depth: 1)
            }
        }
        output += multiline ? "\n    }" : " }"
    }

    mutating func expression(depth: Int) {
        postfix(depth: depth)
        while chance(15) {
            output += " | "
            postfix(depth: depth + 1)
        }
    }

    mutating func postfix(depth: Int) {
        primary(depth: depth)
        while chance(20) {
            switch int(below: 3) {
            case 0: output += "." + pick(Self.names)
            case 1:
                output += "["
                expression(depth: depth + 1)
                output += "]"
            default: arguments(depth: depth + 1)
            }
        }
    }

    mutating func arguments(depth: Int) {
        output += "("
        for index in 0..<int(below: 3) {
            if index > 0 { output += ", " }
            if chance(40) { output += pick(Self.identifiers) + ": " }
            expression(depth: depth + 1)
        }
        output += ")"
    }

    mutating func primary(depth: Int) {
        let leaf = depth >= 3
        switch int(below: leaf ? 6 : 10) {
        case 0: output += pick(Self.identifiers)
        case 1: output += pick(["0", "-7", "42", "1.5", "-2.5e3", "10m", "1h30m", "500ms"])
        case 2: output += pick(["true", "false", "null"])
        case 3, 4: output += string(depth: depth)
        case 5: output += "bash " + string(depth: depth)
        case 6:
            output += "["
            let multiline = inline == 0 && chance(30)
            for index in 0..<int(below: 4) {
                // A `[` or `(` after a space on the same line would continue the previous element.
                if index > 0 { output += multiline ? ",\n        " : ", " }
                expression(depth: depth + 1)
            }
            output += "]"
        case 7: map(depth: depth + 1)
        default:
            output += "("
            expression(depth: depth + 1)
            output += ")"
        }
    }

    mutating func map(depth: Int) {
        let multiline = inline == 0 && chance(40)
        output += multiline ? "{\n" : "{ "
        for index in 0..<int(below: 4) {
            if index > 0 { output += multiline ? "\n" : ", " }
            if multiline { output += "        " }
            output += chance(60) ? pick(Self.identifiers) : string(depth: depth + 1)
            output += ": "
            expression(depth: depth + 1)
        }
        output += multiline ? "\n      }" : " }"
    }

    mutating func simpleString() -> String {
        pick(["\"\"", "\"plain\"", "\"a\\tb\\n\"", "\"\\u{E9}\\u{1F600}\"", "\"{{ .X }}\"", "\"\\{not\\}\"", "\"caf\u{E9}\""])
    }

    /// A string; its interpolations are generated into a nested buffer.
    mutating func string(depth: Int) -> String {
        let saved = output
        defer { output = saved }
        switch int(below: depth >= 3 ? 3 : inline > 0 ? 4 : 6) {
        case 0, 1: return simpleString()
        case 2: return pick(["#\"raw \\n \"q\"\"#", "##\"a \"# b\"##", "#\"\\#n\\#{\"#"])
        case 3:
            output = ""
            inline += 1
            expression(depth: depth + 1)
            inline -= 1
            return "\"pre \\(" + output + ") post\""
        case 4:
            output = ""
            expression(depth: depth + 1)
            let interpolation = output.contains("\"\"\"") ? "x" : output
            let indent = pick(["", "  ", "    ", "\t"])
            let lines = ["echo \\(" + interpolation + ")", "", "  kept indent", "# not a comment", "joined \\", "end"]
            let chosen = lines.filter { _ in chance(70) }
            return "\"\"\"\n" + chosen.map { $0.isEmpty ? "" : indent + $0 }.joined(separator: "\n")
                + (chosen.isEmpty ? "" : "\n") + indent + "\"\"\""
        default:
            return "#\"\"\"\n  raw \\n \\#(x)\n  \"\"\"#"
        }
    }
}
