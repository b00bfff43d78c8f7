// Go's regexp syntax (RE2) read into a pattern for Swift's Regex that matches what
// Go's would, with the capture groups' names kept apart, as Go numbers them.

/// Go's regexp syntax (RE2) for Swift's Regex: nil for what RE2 refuses among what
/// Swift accepts (lookaround, atomic groups and `(?<name>` (Go before 1.22),
/// backreferences, escapes RE2 does not know such as `\Z` or `\h`, a repetition of
/// a repetition such as `a*+` or `a**`, counts over 1000). RE2's meanings that Swift
/// spells otherwise are written Swift's way: `\d`, `\s`, `\w` and `[[:alpha:]]` are
/// ASCII; `.` is any rune but `\n` (Swift's also refuses `\r`); `(?m)$` ends a line
/// only at `\n`; `\v` is U+000B; `\pL` is `\p{L}`, `\p{Greek}` the Script property;
/// literals are `\x{…}` (a `]`, `&` or `-` in a class, a combining mark before `*`).
/// `\b` and `\B` are left to `RE2Regex`.
///
/// Left as Swift does it: `(?i)` folding (Go folds `ς` with `Σ`, Swift does not),
/// `(?m)^` after a lone `\r`, Unicode class names Swift knows and Go does not, and
/// what a group repeated by `*` or `+` that can match empty captures (`(a*)+` on
/// `aa`: Go's group 1 is `aa`, Swift's backtracking ends on an empty iteration).
enum RE2Syntax {
    struct Translation {
        /// The Swift pattern; every group in it is unnamed or non-capturing.
        var pattern: String
        /// Go's SubexpNames: "" for the whole match and for each unnamed group.
        var groupNames: [String]
        /// Whether the pattern has `\b` or `\B` (see `RE2Regex`).
        var hasWordBoundary: Bool
    }

    static func translate(_ pattern: String) -> Translation? {
        var translator = RE2Translator(Array(pattern.unicodeScalars))
        guard translator.translate() else { return nil }
        return Translation(pattern: String(translator.result), groupNames: translator.groupNames, hasWordBoundary: translator.hasWordBoundary)
    }

    /// RE2's ASCII classes, as the members of a Swift class.
    static let perlClasses: [Unicode.Scalar: String] = ["d": "0-9", "s": "\\t\\n\\f\\r ", "w": "0-9A-Za-z_"]
    static let posixClasses: [String: String] = [
        "alnum": "0-9A-Za-z", "alpha": "A-Za-z", "ascii": "\\x{0}-\\x{7F}", "blank": "\\t ", "cntrl": "\\x{0}-\\x{1F}\\x{7F}",
        "digit": "0-9", "graph": "\\x{21}-\\x{7E}", "lower": "a-z", "print": "\\x{20}-\\x{7E}",
        "punct": "\\x{21}-\\x{2F}\\x{3A}-\\x{40}\\x{5B}-\\x{60}\\x{7B}-\\x{7E}", "space": "\\t\\n\\x{B}\\f\\r ", "upper": "A-Z",
        "word": "0-9A-Za-z_", "xdigit": "0-9A-Fa-f",
    ]

    /// A literal scalar, safe anywhere in a Swift pattern.
    static func literal(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return String(scalar) }
        return "\\x{" + String(scalar.value, radix: 16) + "}"
    }
}

/// One pass over an RE2 pattern, writing the Swift pattern; each `translate…`
/// function consumes what it reads and returns false where Go's parser fails.
struct RE2Translator {
    struct Flags {
        var isDotAll = false
        var isMultiLine = false
    }

    let scalars: [Unicode.Scalar]
    var index = 0
    var result = String.UnicodeScalarView()
    var groupNames = [""]
    var flags = Flags()
    /// The flags to restore when each open group closes.
    var openGroups: [Flags] = []
    var isAfterRepetition = false
    var isAfterLazyMark = false
    var hasWordBoundary = false

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func emit(_ text: String) { result.append(contentsOf: text.unicodeScalars) }

    mutating func translate() -> Bool {
        while let scalar = next {
            index += 1
            let isRepetition = "*+?{".unicodeScalars.contains(scalar)
            if isRepetition {
                guard translateRepetition(scalar) else { return false }
                continue
            }
            isAfterRepetition = false
            isAfterLazyMark = false
            switch scalar {
            case "\\": guard translateEscape() else { return false }
            case "[": guard translateClass() else { return false }
            case "(": guard translateGroup() else { return false }
            case ")":
                guard let outer = openGroups.popLast() else { return false }
                flags = outer
                emit(")")
            case ".": emit(flags.isDotAll ? "(?s:.)" : "[^\\n]")
            case "$": emit(flags.isMultiLine ? "(?=\\n|\\z)" : "\\z")
            case "^", "|": result.append(scalar)
            default: emit(RE2Syntax.literal(scalar))
            }
        }
        return openGroups.isEmpty
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` and a lazy `?` after one; any other `{` is a literal.
    mutating func translateRepetition(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "?", isAfterRepetition, !isAfterLazyMark {
            isAfterLazyMark = true
            result.append("?")
            return true
        }
        if scalar == "{" {
            guard let counts = readCounts() else {
                emit(RE2Syntax.literal("{"))
                isAfterRepetition = false
                isAfterLazyMark = false
                return true
            }
            guard counts.minimum <= 1000, (counts.maximum ?? 0) <= 1000, counts.minimum <= (counts.maximum ?? Int.max) else { return false }
            emit("{\(counts.minimum)" + (counts.hasComma ? "," + (counts.maximum.map(String.init) ?? "") : "") + "}")
        } else {
            result.append(scalar)
        }
        if isAfterRepetition { return false }
        isAfterRepetition = true
        isAfterLazyMark = false
        return true
    }

    /// `n}`, `n,}` or `n,m}` after a `{` (Go's parseRepeat), consumed; nil leaves the index.
    mutating func readCounts() -> (minimum: Int, maximum: Int?, hasComma: Bool)? {
        var position = index
        func number() -> Int? {
            let start = position
            var value = 0
            while position < scalars.count, ("0"..."9").contains(scalars[position]) {
                value = min(value * 10 + Int(scalars[position].value - 48), 100_000)
                position += 1
            }
            return position > start ? value : nil
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        var hasComma = false
        if position < scalars.count, scalars[position] == "," {
            position += 1
            hasComma = true
            maximum = number()
        }
        guard position < scalars.count, scalars[position] == "}" else { return nil }
        index = position + 1
        return (minimum, maximum, hasComma)
    }

    /// After `(`: a capture, `(?P<name>`, a non-capturing group or flags `(?i)` `(?s-m:`.
    mutating func translateGroup() -> Bool {
        guard next == "?" else {
            groupNames.append("")
            openGroups.append(flags)
            emit("(")
            return true
        }
        index += 1
        if next == "P", index + 1 < scalars.count, scalars[index + 1] == "<" {
            guard let close = scalars[index...].firstIndex(of: ">") else { return false }
            let name = scalars[(index + 2)..<close]
            // Go 1.19's isValidCaptureName: [A-Za-z0-9_]+.
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) })
            else { return false }
            groupNames.append(String(String.UnicodeScalarView(name)))
            index = close + 1
            openGroups.append(flags)
            emit("(")
            return true
        }
        return translateFlags()
    }

    /// Go's parsePerlFlags after `(?`: `[imsU]*(-[imsU]+)?` then `)` or `:`.
    mutating func translateFlags() -> Bool {
        var updated = flags
        var text = ""
        var isNegated = false
        var hasFlag = false
        while let scalar = next {
            index += 1
            switch scalar {
            case "i", "m", "s", "U":
                if scalar == "s" { updated.isDotAll = !isNegated }
                if scalar == "m" { updated.isMultiLine = !isNegated }
                text.unicodeScalars.append(scalar)
                hasFlag = true
            case "-":
                guard !isNegated else { return false }
                isNegated = true
                hasFlag = false
                text += "-"
            case ":", ")":
                guard !isNegated || hasFlag else { return false }
                if scalar == ":" {
                    openGroups.append(flags)
                    emit("(?\(text):")
                } else {
                    emit(text.isEmpty ? "" : "(?\(text))")
                }
                flags = updated
                return true
            default:
                return false
            }
        }
        return false
    }
}

extension RE2Translator {
    /// Go's Unicode category names; a script name is left to Swift to know.
    static let categories: Set<String> = [
        "Any", "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    ]

    /// After `\` outside a class (Go's parse loop, then parseEscape).
    mutating func translateEscape() -> Bool {
        guard let scalar = next else { return false }
        index += 1
        switch scalar {
        case "A", "z", "b", "B":
            if scalar == "b" || scalar == "B" { hasWordBoundary = true }
            emit("\\" + String(scalar))
        case "Q":
            // \Q...\E: literals up to `\E` or the end.
            while let literal = next, !(literal == "\\" && index + 1 < scalars.count && scalars[index + 1] == "E") {
                emit(RE2Syntax.literal(literal))
                index += 1
            }
            if next != nil { index += 2 }
        case "p", "P":
            guard let text = readUnicodeClass(isNegated: scalar == "P") else { return false }
            emit(text)
        case "d", "s", "w", "D", "S", "W":
            emit(perlClass(scalar))
        default:
            guard let literal = readEscapedLiteral(scalar) else { return false }
            emit(RE2Syntax.literal(literal))
        }
        return true
    }

    /// `[0-9]`, `[^\t\n\f\r ]`, ... for `\d`, `\S`, ...: one Swift class.
    func perlClass(_ letter: Unicode.Scalar) -> String {
        let lower = Unicode.Scalar(UInt8(letter.value | 0x20))
        let members = RE2Syntax.perlClasses[lower] ?? ""
        return letter == lower ? "[" + members + "]" : "[^" + members + "]"
    }

    /// Go's parseEscape after the backslash and `first`: octal, hex, C escapes and
    /// escaped punctuation; nil for anything else (a backreference `\1`, `\q`, `\é`).
    mutating func readEscapedLiteral(_ first: Unicode.Scalar) -> Unicode.Scalar? {
        func isOctal(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { ("0"..."7").contains($0) } ?? false }
        switch first {
        case "0", "1", "2", "3", "4", "5", "6", "7":
            // A single non-zero digit is a backreference, which RE2 refuses.
            guard first == "0" || isOctal(next) else { return nil }
            var value = first.value - 48
            for _ in 1..<3 where isOctal(next) {
                value = value * 8 + (scalars[index].value - 48)
                index += 1
            }
            return Unicode.Scalar(value)
        case "x": return readHex()
        case "a": return "\u{07}"
        case "f": return "\u{0C}"
        case "n": return "\n"
        case "r": return "\r"
        case "t": return "\t"
        case "v": return "\u{0B}"
        default:
            let isWordScalar = first.properties.isAlphabetic || ("0"..."9").contains(first)
            return first.isASCII && !isWordScalar ? first : nil
        }
    }

    /// `\x41` or `\x{1F600}` after the `x`.
    mutating func readHex() -> Unicode.Scalar? {
        func hexValue(_ scalar: Unicode.Scalar?) -> UInt32? { scalar.flatMap { UInt32(String($0), radix: 16) } }
        if next == "{" {
            index += 1
            var value: UInt32 = 0
            var digits = 0
            while let scalar = next, scalar != "}" {
                guard let digit = hexValue(scalar), value <= 0x10FFFF else { return nil }
                value = value * 16 + digit
                digits += 1
                index += 1
            }
            guard next == "}", digits > 0, value <= 0x10FFFF else { return nil }
            index += 1
            return Unicode.Scalar(value)
        }
        guard let high = hexValue(next), index + 1 < scalars.count, let low = hexValue(scalars[index + 1]) else { return nil }
        index += 2
        return Unicode.Scalar(high * 16 + low)
    }

    /// `L`, `{Greek}` or `{^Greek}` after `\p` or `\P` (Go's parseUnicodeClass).
    mutating func readUnicodeClass(isNegated: Bool) -> String? {
        guard let first = next else { return nil }
        var name: String
        if first == "{" {
            guard let close = scalars[index...].firstIndex(of: "}") else { return nil }
            name = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            index = close + 1
        } else {
            name = String(first)
            index += 1
        }
        var negated = isNegated
        if name.hasPrefix("^") {
            negated.toggle()
            name.removeFirst()
        }
        let isScriptName =
            name.first?.isUppercase == true && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_") }
        guard Self.categories.contains(name) || isScriptName else { return nil }
        if name == "Any" { return negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]" }
        // Go's scripts are Script, not Swift's default Script_Extensions (U+0301 is not Greek).
        let property = Self.categories.contains(name) ? name : "sc=" + name
        return (negated ? "\\P{" : "\\p{") + property + "}"
    }
}
