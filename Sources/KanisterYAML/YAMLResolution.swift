// Resolution of plain scalars as kubectl's sigs.k8s.io/yaml (go-yaml v2, YAML 1.1) does:
// which plain texts are bools, ints, floats or null rather than strings.

/// The kind a scalar resolves to.
public enum YAMLResolved: Sendable, Equatable, Hashable {
    case string, int, float, bool, null
}

/// The core tags libyaml reports for `!!str`, `!!int`, ... (after `!!` expansion).
public enum YAMLTag {
    public static let string = "tag:yaml.org,2002:str"
    public static let int = "tag:yaml.org,2002:int"
    public static let float = "tag:yaml.org,2002:float"
    public static let bool = "tag:yaml.org,2002:bool"
    public static let null = "tag:yaml.org,2002:null"
}

extension YAMLResolved {
    private static let trueWords: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
    ]
    private static let falseWords: Set<String> = [
        "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
    ]
    static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]
    private static let floatWords: Set<String> = [
        ".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF",
        "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
    ]

    /// Resolves plain (unquoted, untagged) text the way go-yaml v2 does. Numbers that
    /// are syntactically ints or floats count as such even when out of range.
    public static func resolvePlain(_ text: String) -> YAMLResolved {
        var text = text
        return text.withUTF8 { resolvePlain(utf8: $0) }
    }

    static func resolvePlain(utf8 bytes: UnsafeBufferPointer<UInt8>) -> YAMLResolved {
        guard let first = bytes.first else { return .null }
        // Every bool, null and special float word has at most 5 bytes and starts with
        // one of these; the sets are only consulted for such short texts.
        if bytes.count <= 5, mayStartWord(first), let kind = wordKind(bytes) { return kind }
        if first == UInt8(ascii: ".") { return isFloatSyntax(Array(bytes)) ? .float : .string }
        guard isDigit(first) || first == UInt8(ascii: "+") || first == UInt8(ascii: "-") else {
            return .string
        }
        let digits = bytes.filter { $0 != UInt8(ascii: "_") }
        if isIntegerSyntax(digits) { return .int }
        if isFloatSyntax(digits) { return .float }
        return .string
    }

    /// The kind of a bool, null or special float word, compared byte by byte
    /// (no hashing: most texts checked here are short mapping keys).
    private static func wordKind(_ bytes: UnsafeBufferPointer<UInt8>) -> YAMLResolved? {
        for (word, kind) in wordsByLength[bytes.count] where bytes.elementsEqual(word) { return kind }
        return nil
    }

    /// Every word of the sets above with its kind, by byte length (0...5).
    private static let wordsByLength: [[([UInt8], YAMLResolved)]] = {
        var table = [[([UInt8], YAMLResolved)]](repeating: [], count: 6)
        let kinds: [(Set<String>, YAMLResolved)] = [
            (trueWords, .bool), (falseWords, .bool), (nullWords, .null), (floatWords, .float),
        ]
        for (words, kind) in kinds {
            for word in words.sorted() { table[word.utf8.count].append((Array(word.utf8), kind)) }
        }
        return table
    }()

    /// The first letters of the bool, null and special float words.
    private static func mayStartWord(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"),
            UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"),
            UInt8(ascii: "~"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default: return false
        }
    }

    /// The boolean a plain text stands for, if it is one of the YAML 1.1 bool words.
    public static func boolValue(ofPlain text: String) -> Bool? {
        if trueWords.contains(text) { return true }
        if falseWords.contains(text) { return false }
        return nil
    }

    /// Go's `strconv.ParseInt(s, 0, 64)` syntax: sign, then `0x`/`0o`/`0b` prefixes,
    /// a leading `0` for octal, else decimal.
    static func isIntegerSyntax(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, isSign(bytes[index]) { index += 1 }
        guard index < bytes.count else { return false }
        var base = 10
        if bytes[index] == UInt8(ascii: "0") {
            let prefixBase = bytes.count - index >= 3 ? radix(ofPrefix: bytes[index + 1]) : nil
            base = prefixBase ?? 8
            index += prefixBase == nil ? 1 : 2
        }
        return bytes[index...].allSatisfy { digitValue($0) < base }
    }

    /// go-yaml's float pattern `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isFloatSyntax(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, isSign(bytes[index]) { index += 1 }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits(bytes, &index) > 0 else { return false }
        } else {
            guard skipDigits(bytes, &index) > 0 else { return false }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                _ = skipDigits(bytes, &index)
            }
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, isSign(bytes[index]) { index += 1 }
            guard skipDigits(bytes, &index) > 0 else { return false }
        }
        return index == bytes.count
    }

    private static func skipDigits(_ bytes: [UInt8], _ index: inout Int) -> Int {
        let start = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        return index - start
    }

    private static func radix(ofPrefix byte: UInt8) -> Int? {
        switch byte | 0x20 {
        case UInt8(ascii: "b"): return 2
        case UInt8(ascii: "o"): return 8
        case UInt8(ascii: "x"): return 16
        default: return nil
        }
    }

    private static func digitValue(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(byte - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(byte - UInt8(ascii: "A")) + 10
        default: return Int.max
        }
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isSign(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
    }
}

extension YAMLScalar {
    /// What this scalar means: a known core tag wins, quoted and block styles and
    /// auto-styled strings are strings, plain text resolves per YAML 1.1.
    public var resolved: YAMLResolved {
        switch tag {
        case YAMLTag.string: return .string
        case YAMLTag.int: return .int
        case YAMLTag.float: return .float
        case YAMLTag.bool: return .bool
        case YAMLTag.null: return .null
        case .some: return .string
        case .none: return style == .plain ? YAMLResolved.resolvePlain(value) : .string
        }
    }

    /// True for an untagged plain `~`, `null`, `Null`, `NULL` or empty scalar.
    public var isNull: Bool {
        tag == nil && style == .plain && YAMLResolved.nullWords.contains(value)
    }

    /// The boolean of a plain bool word (`yes`, `off`, `True`, ...), else nil.
    public var boolValue: Bool? {
        resolved == .bool ? YAMLResolved.boolValue(ofPlain: value) : nil
    }
}
