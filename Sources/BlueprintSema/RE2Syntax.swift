// Go's regexp syntax (RE2): the parse Go's regexp.Compile does, refused where Go
// refuses it (with Go's error), and a pattern for Swift's Regex that matches what
// Go's would, with the capture groups' names kept apart, as Go numbers them.

/// Go's regexp syntax (RE2) for Swift's Regex: nil for what RE2 refuses among what
/// Swift accepts (lookaround, atomic groups, backreferences, escapes RE2 does not
/// know such as `\Z` or `\h`, a repetition of a repetition such as `a*+` or `a**`,
/// counts over 1000), and for what both refuse (`a(`, `*a`). RE2's meanings that Swift
/// spells otherwise are written Swift's way: `\d`, `\s`, `\w` and `[[:alpha:]]` are
/// ASCII; `.` is any rune but `\n` (Swift's also refuses `\r`); `(?m)$` ends a line
/// only at `\n`; `\v` is U+000B; `\pL` is `\p{L}`, `\p{Greek}` the Script property;
/// literals are `\x{…}` (a `]`, `&` or `-` in a class, a combining mark before `*`).
/// `\b` and `\B` are left to `RE2Regex`. `(?<name>re)` is a named group, as in Go
/// 1.22 and later (every Kanister release bpc knows is built with one).
///
/// Left as Swift does it: `(?i)` folding (Go folds `ς` with `Σ`, Swift does not),
/// `(?m)^` after a lone `\r`, Unicode class names Swift knows and Go does not, and
/// what a group repeated by `*` or `+` that can match empty captures (`(a*)+` on
/// `aa`: Go's group 1 is `aa`, Swift's backtracking ends on an empty iteration).
/// Not checked: Go's limits on nesting depth (1000) and on the size of the compiled
/// program, which no pattern written by hand reaches.
public enum RE2Syntax {
    public struct Translation: Sendable {
        /// The Swift pattern; every group in it is unnamed or non-capturing.
        public var pattern: String
        /// Go's SubexpNames: "" for the whole match and for each unnamed group.
        public var groupNames: [String]
        /// Whether the pattern has `\b` or `\B` (see `RE2Regex`).
        public var hasWordBoundary: Bool
    }

    /// Why Go's regexp/syntax refuses a pattern: its ErrorCode and the part of the
    /// pattern it names (`Error.Expr`).
    public struct Failure: Sendable, Equatable {
        public var code: Code
        public var expression: String

        public enum Code: Sendable, Equatable {
            case invalidCharClass, invalidCharRange, invalidEscape, invalidNamedCapture, invalidPerlOp, invalidRepeatOp
            case invalidRepeatSize, missingBracket, missingParen, missingRepeatArgument, trailingBackslash, unexpectedParen
            /// `\p{Name}` of a name Go's tables may lack: Go refuses it as invalidCharRange,
            /// but which names it knows depends on the Go release (Go 1.25 takes `\p{letter}`).
            case unicodeClassName
            /// `\x{D800}`: Go takes a surrogate as a rune no text has; Swift has no such scalar.
            case surrogate

            /// Go's text for the code (regexp/syntax's ErrorCode.String).
            public var text: String {
                switch self {
                case .invalidCharClass: "invalid character class"
                case .invalidCharRange, .unicodeClassName: "invalid character class range"
                case .invalidEscape: "invalid escape sequence"
                case .invalidNamedCapture: "invalid named capture"
                case .invalidPerlOp: "invalid or unsupported Perl syntax"
                case .invalidRepeatOp: "invalid nested repetition operator"
                case .invalidRepeatSize: "invalid repeat count"
                case .missingBracket: "missing closing ]"
                case .missingParen: "missing closing )"
                case .missingRepeatArgument: "missing argument to repetition operator"
                case .trailingBackslash: "trailing backslash at end of expression"
                case .unexpectedParen: "unexpected )"
                case .surrogate: "surrogate code point"
                }
            }
        }

        /// Whether every Go that builds a Kanister release refuses the pattern; not
        /// so for a Unicode class name or a surrogate, which only the runtime refuses.
        public var isRefusedByGo: Bool { code != .unicodeClassName && code != .surrogate }

        /// Go's message: `error parsing regexp: missing closing ): `a(``.
        public var message: String { "error parsing regexp: \(code.text): `\(expression)`" }
    }

    public static func translate(_ pattern: String) -> Translation? {
        var translator = RE2Translator(Array(pattern.unicodeScalars))
        guard translator.translate() else { return nil }
        return Translation(pattern: String(translator.result), groupNames: translator.groupNames, hasWordBoundary: translator.hasWordBoundary)
    }

    /// Why Go's regexp.Compile refuses `pattern`, or nil when it compiles it.
    public static func failure(_ pattern: String) -> Failure? {
        var translator = RE2Translator(Array(pattern.unicodeScalars))
        guard !translator.translate() else { return nil }
        return translator.failure ?? Failure(code: .missingParen, expression: pattern)
    }

    /// Go's panic text for a pattern regexp.MustCompile refuses, as sprig's regex
    /// functions report it: "regexp: Compile(`a(`): error parsing regexp: ...".
    public static func compileProblem(_ pattern: String) -> String? {
        guard let failure = failure(pattern), failure.isRefusedByGo else { return nil }
        // Go's regexp.quote: strconv.CanBackquote, else strconv.Quote.
        let canBackquote = !pattern.unicodeScalars.contains { $0 == "`" || $0 == "\u{7F}" || $0 == "\u{FEFF}" || ($0.value < 0x20 && $0 != "\t") }
        let quoted = canBackquote ? "`" + pattern + "`" : GoQuote.quote(pattern)
        return "regexp: Compile(\(quoted)): \(failure.message)"
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
/// function consumes what it reads and returns false where Go's parser fails,
/// with Go's error in `failure`.
struct RE2Translator {
    struct Flags {
        var isDotAll = false
        var isMultiLine = false
    }

    /// A group not yet closed: the flags to restore and what its enclosing group had.
    struct OpenGroup {
        var flags: Flags
        var finishedProduct: Int
    }

    let scalars: [Unicode.Scalar]
    var index = 0
    var result = String.UnicodeScalarView()
    var groupNames = [""]
    var flags = Flags()
    var openGroups: [OpenGroup] = []
    var isAfterRepetition = false
    var isAfterLazyMark = false
    /// Where the last repetition operator starts (Go's lastRepeat).
    var repetitionStart = 0
    var hasWordBoundary = false
    var failure: RE2Syntax.Failure?
    /// What a repetition would repeat: nil at the start, after `(` and `|` (Go's
    /// missing argument); else the largest product of the `{n,m}` counts on a path
    /// into it (Go's repeatIsValid refuses a product over 1000).
    var operand: Int?
    /// The largest product of the operands of the current group before `operand`.
    var finishedProduct = 1

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    var next: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    mutating func emit(_ text: String) { result.append(contentsOf: text.unicodeScalars) }

    /// The pattern's text from `start` to the index.
    func text(from start: Int) -> String { String(String.UnicodeScalarView(scalars[min(start, index)..<index])) }

    /// Records Go's error (the first one) and returns false.
    mutating func fail(_ code: RE2Syntax.Failure.Code, _ expression: String) -> Bool {
        if failure == nil { failure = RE2Syntax.Failure(code: code, expression: expression) }
        return false
    }

    /// A new operand, which the next repetition repeats.
    mutating func beginOperand(_ product: Int = 1) {
        if let operand { finishedProduct = max(finishedProduct, operand) }
        operand = product
    }

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
                guard let outer = openGroups.popLast() else { return fail(.unexpectedParen, String(String.UnicodeScalarView(scalars))) }
                flags = outer.flags
                let group = max(finishedProduct, operand ?? 1)
                finishedProduct = outer.finishedProduct
                operand = group
                emit(")")
            case "|":
                finishedProduct = max(finishedProduct, operand ?? 1)
                operand = nil
                result.append(scalar)
            case ".":
                beginOperand()
                emit(flags.isDotAll ? "(?s:.)" : "[^\\n]")
            case "$":
                beginOperand()
                emit(flags.isMultiLine ? "(?=\\n|\\z)" : "\\z")
            case "^":
                beginOperand()
                result.append(scalar)
            default:
                beginOperand()
                emit(RE2Syntax.literal(scalar))
            }
        }
        guard openGroups.isEmpty else { return fail(.missingParen, String(String.UnicodeScalarView(scalars))) }
        return true
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` and a lazy `?` after one; any other `{` is a literal.
    mutating func translateRepetition(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "?", isAfterRepetition, !isAfterLazyMark {
            isAfterLazyMark = true
            result.append("?")
            return true
        }
        let start = index - 1
        var product = operand ?? 1
        if scalar == "{" {
            guard let counts = readCounts() else {
                beginOperand()
                emit(RE2Syntax.literal("{"))
                isAfterRepetition = false
                isAfterLazyMark = false
                return true
            }
            guard counts.minimum <= 1000, (counts.maximum ?? 0) <= 1000, counts.minimum <= (counts.maximum ?? Int.max) else {
                return fail(.invalidRepeatSize, text(from: start))
            }
            emit("{\(counts.minimum)" + (counts.hasComma ? "," + (counts.maximum.map(String.init) ?? "") : "") + "}")
            // Go's repeatIsValid: the counts multiply down every path of `{n,m}` repetitions;
            // `{0}` ends a path, `{0,}` counts as 1.
            let count = counts.maximum ?? counts.minimum
            product = counts.maximum == 0 ? 1 : min(max(count, 1) * product, 1_000_000)
            if isAfterRepetition { return fail(.invalidRepeatOp, operatorText(from: repetitionStart)) }
            guard operand != nil else { return fail(.missingRepeatArgument, operatorText(from: start)) }
            if counts.minimum >= 2 || (counts.maximum ?? 0) >= 2, product > 1000 { return fail(.invalidRepeatSize, operatorText(from: start)) }
        } else {
            result.append(scalar)
            if isAfterRepetition { return fail(.invalidRepeatOp, operatorText(from: repetitionStart)) }
            guard operand != nil else { return fail(.missingRepeatArgument, operatorText(from: start)) }
        }
        operand = product
        repetitionStart = start
        isAfterRepetition = true
        isAfterLazyMark = false
        return true
    }

    /// The text of repetition operators from `start` to the index, with the lazy `?`
    /// after the last one (Go's parser takes it with its operator).
    func operatorText(from start: Int) -> String {
        String(String.UnicodeScalarView(scalars[start..<(next == "?" ? index + 1 : index)]))
    }

    /// `n}`, `n,}` or `n,m}` after a `{` (Go's parseRepeat: no leading zeros), consumed;
    /// nil leaves the index.
    mutating func readCounts() -> (minimum: Int, maximum: Int?, hasComma: Bool)? {
        var position = index
        func number() -> Int? {
            let start = position
            var value = 0
            while position < scalars.count, ("0"..."9").contains(scalars[position]) {
                value = min(value * 10 + Int(scalars[position].value - 48), 100_000)
                position += 1
            }
            // Go's parseInt takes no `01`.
            if position - start > 1, scalars[start] == "0" { return nil }
            return position > start ? value : nil
        }
        guard let minimum = number() else { return nil }
        var maximum: Int? = minimum
        var hasComma = false
        if position < scalars.count, scalars[position] == "," {
            position += 1
            hasComma = true
            if position < scalars.count, scalars[position] == "}" {
                maximum = nil
            } else {
                guard let number = number() else { return nil }
                maximum = number
            }
        }
        guard position < scalars.count, scalars[position] == "}" else { return nil }
        index = position + 1
        return (minimum, maximum, hasComma)
    }

    /// After `(`: a capture, `(?P<name>` or `(?<name>`, a non-capturing group or flags `(?i)` `(?s-m:`.
    mutating func translateGroup() -> Bool {
        let start = index - 1
        guard next == "?" else {
            openGroup()
            groupNames.append("")
            return true
        }
        index += 1
        let isNamed = (next == "P" && index + 2 < scalars.count && scalars[index + 1] == "<") || (next == "<" && index + 1 < scalars.count)
        if isNamed {
            guard let close = scalars[index...].firstIndex(of: ">") else {
                return fail(.invalidNamedCapture, String(String.UnicodeScalarView(scalars[start...])))
            }
            let name = scalars[(next == "P" ? index + 2 : index + 1)..<close]
            index = close + 1
            // Go's isValidCaptureName: [A-Za-z0-9_]+.
            guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0)) })
            else { return fail(.invalidNamedCapture, text(from: start)) }
            openGroup()
            groupNames.append(String(String.UnicodeScalarView(name)))
            return true
        }
        return translateFlags(start: start)
    }

    /// A group opens: what came before it is an operand no repetition takes any more.
    mutating func openGroup(_ prefix: String = "(") {
        if let operand { finishedProduct = max(finishedProduct, operand) }
        openGroups.append(OpenGroup(flags: flags, finishedProduct: finishedProduct))
        finishedProduct = 1
        operand = nil
        emit(prefix)
    }

    /// Go's parsePerlFlags after `(?`: `[imsU]*(-[imsU]+)?` then `)` or `:`.
    mutating func translateFlags(start: Int) -> Bool {
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
                guard !isNegated else { return fail(.invalidPerlOp, self.text(from: start)) }
                isNegated = true
                hasFlag = false
                text += "-"
            case ":", ")":
                guard !isNegated || hasFlag else { return fail(.invalidPerlOp, self.text(from: start)) }
                if scalar == ":" {
                    openGroup("(?\(text):")
                } else {
                    // Flags alone: no operand, and the one before stays the one a repetition takes.
                    emit(text.isEmpty ? "" : "(?\(text))")
                }
                flags = updated
                return true
            default:
                return fail(.invalidPerlOp, self.text(from: start))
            }
        }
        return fail(.invalidPerlOp, self.text(from: start))
    }
}
