// The lexer: UTF-8 bytes in, tokens and diagnostics out. It never fails: bytes
// it cannot use become `.invalid` tokens with a diagnostic, and lexing goes on.

public struct LexResult: Sendable {
    public var tokens: [Token]
    public var diagnostics: [Diagnostic]
}

public enum Lexer {
    /// Tokenizes `bytes[range]`. With `includeTrivia`, whitespace, line ends and
    /// comments are tokens too, and the token ranges tile the input exactly.
    /// With `stopAtClosingParen`, lexing ends after the `)` that closes an
    /// implicit open parenthesis (the end of a `\( )` interpolation).
    public static func tokenize(
        _ bytes: [UInt8], range: Range<Int>? = nil, includeTrivia: Bool = false, stopAtClosingParen: Bool = false
    ) -> LexResult {
        let bounds = range ?? 0..<bytes.count
        return bytes.withUnsafeBufferPointer { buffer in
            var state = LexerState(buffer: buffer, position: bounds.lowerBound, end: bounds.upperBound)
            state.includeTrivia = includeTrivia
            state.stopAtClosingParen = stopAtClosingParen
            state.run()
            return LexResult(tokens: state.tokens, diagnostics: state.diagnostics)
        }
    }
}

struct LexerState {
    let buffer: UnsafeBufferPointer<UInt8>
    var position: Int
    let end: Int
    var includeTrivia = false
    var tokens: [Token] = []
    var diagnostics: [Diagnostic] = []
    var sawNewline = true
    var interpolationDepth = 0
    /// Set when an unterminated interpolation was reported inside the current string.
    var hasReportedInterpolation = false
    var stopAtClosingParen = false
    var parenDepth = 0
    static let maxInterpolationDepth = 64

    init(buffer: UnsafeBufferPointer<UInt8>, position: Int, end: Int) {
        self.buffer = buffer
        self.position = position
        self.end = end
    }

    @inline(__always) func peek(_ ahead: Int = 0) -> UInt8 {
        let index = position + ahead
        return index < end ? buffer[index] : 0
    }

    mutating func run() {
        if position == 0, end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
            position = 3
            addTrivia(.whitespace, from: 0)
        }
        tokens.reserveCapacity(stopAtClosingParen ? 16 : max(16, (end - position) / 8))
        if stopAtClosingParen {
            while position < end, parenDepth >= 0 { lexToken() }
        } else {
            while position < end { lexToken() }
        }
        tokens.append(Token(kind: .endOfFile, range: SourceRange(position, position), isAtLineStart: sawNewline))
    }

    /// Adds a token that is not trivia, ending at `position`.
    @inline(__always) mutating func add(_ kind: TokenKind, from start: Int) {
        tokens.append(Token(kind: kind, range: SourceRange(start, position), isAtLineStart: sawNewline))
        sawNewline = false
    }

    /// Adds whitespace, a line end or a comment, ending at `position`: a token
    /// only with `includeTrivia`.
    @inline(__always) mutating func addTrivia(_ kind: TokenKind, from start: Int) {
        if kind == .newline { sawNewline = true }
        if includeTrivia { tokens.append(Token(kind: kind, range: SourceRange(start, position))) }
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, _ start: Int, _ stop: Int) {
        diagnostics.append(.error(code, message, at: SourceRange(start, stop)))
    }

    /// The main switch: one token per call; always consumes at least one byte.
    mutating func lexToken() {
        let start = position
        let byte = buffer[position]
        switch byte {
        case 0x20, 0x09, 0x0C, 0x0B:
            position += 1
            while position < end, case let next = buffer[position], next == 0x20 || next == 0x09 || next == 0x0C || next == 0x0B {
                position += 1
            }
            addTrivia(.whitespace, from: start)
        case 0x0A:
            position += 1
            addTrivia(.newline, from: start)
        case 0x0D:
            position += peek(1) == 0x0A ? 2 : 1
            addTrivia(.newline, from: start)
        case UInt8(ascii: "#"):
            lexHashOrComment(start)
        case UInt8(ascii: "\""):
            lexString(start, hashes: 0)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"):
            lexIdentifier(start)
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            lexNumber(start)
        case UInt8(ascii: "-"):
            if isDigit(peek(1)) {
                position += 1
                lexNumber(start)
            } else {
                position += 1
                report(.invalidByte, "unexpected '-' (a negative number needs a digit right after '-')", start, position)
                add(.invalid, from: start)
            }
        case UInt8(ascii: "{"): single(.leftBrace)
        case UInt8(ascii: "}"): single(.rightBrace)
        case UInt8(ascii: "("):
            parenDepth += 1
            single(.leftParen)
        case UInt8(ascii: ")"):
            parenDepth -= 1
            single(.rightParen)
        case UInt8(ascii: "["): single(.leftBracket)
        case UInt8(ascii: "]"): single(.rightBracket)
        case UInt8(ascii: ":"): single(.colon)
        case UInt8(ascii: ","): single(.comma)
        case UInt8(ascii: "."): single(.dot)
        case UInt8(ascii: "|"): single(.pipe)
        case UInt8(ascii: "="): single(.equals)
        default:
            lexInvalid(start)
        }
    }

    @inline(__always) mutating func single(_ kind: TokenKind) {
        let start = position
        position += 1
        add(kind, from: start)
    }

    mutating func lexIdentifier(_ start: Int) {
        var cursor = position + 1
        while cursor < end {
            let next = buffer[cursor]
            if isIdentifierByte(next) {
                cursor += 1
            } else if next == UInt8(ascii: "-"), cursor + 1 < end, isIdentifierByte(buffer[cursor + 1]) {
                cursor += 2
            } else {
                break
            }
        }
        position = cursor
        add(.identifier, from: start)
    }

    /// `#` followed by `"` opens a raw string; otherwise a comment to the end of the line.
    mutating func lexHashOrComment(_ start: Int) {
        var hashes = 0
        while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
        if peek(hashes) == UInt8(ascii: "\"") {
            position += hashes
            lexString(start, hashes: hashes)
            return
        }
        while position < end, buffer[position] != 0x0A, buffer[position] != 0x0D { position += 1 }
        validateText(start)
        addTrivia(.comment, from: start)
    }

    /// Bytes that start no token: one `.invalid` token and one diagnostic for a
    /// run of them of the same class (characters, NUL bytes, bytes that are not UTF-8).
    mutating func lexInvalid(_ start: Int) {
        let first = invalidCharacter(at: start)
        position = start + first.length
        var count = 1
        while position < end, startsNoToken(buffer[position]), first.kind != .control {
            let next = invalidCharacter(at: position)
            guard next.kind == first.kind else { break }
            position += next.length
            count += 1
        }
        let message: String
        switch first.kind {
        case .nul:
            message = count == 1 ? "unexpected NUL byte" : "unexpected NUL bytes (\(count))"
        case .control:
            message = "unexpected control character U+\(hex(UInt32(buffer[start])))"
        case .notUTF8:
            let bytes = (start..<min(position, start + 4)).map { "0x" + hex(UInt32(buffer[$0])) }
            let shown = bytes.joined(separator: " ") + (position - start > 4 ? " ..." : "")
            message =
                count == 1 && first.length == 1
                ? "unexpected byte \(shown), which is not UTF-8" : "unexpected bytes \(shown), which are not UTF-8"
        case .character:
            var shown = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
            if shown.count > 24 { shown = String(shown.prefix(24)) + "..." }
            if count > 1 {
                message = "unexpected characters '\(shown)'"
            } else if let scalar = shown.unicodeScalars.first, scalar.value >= 0x80 {
                // The code point tells look-alikes apart (U+201C is not '"', U+00A0 is not ' ').
                let digits = String(scalar.value, radix: 16, uppercase: true)
                message = "unexpected character '\(shown)' (U+\(String(repeating: "0", count: max(0, 4 - digits.count)))\(digits))"
            } else {
                message = "unexpected character '\(shown)'"
            }
        }
        let code: DiagnosticCode = first.kind == .nul ? .nulByte : first.kind == .notUTF8 ? .invalidUTF8 : .invalidByte
        report(code, message, start, position)
        add(.invalid, from: start)
    }

    enum InvalidKind { case nul, control, notUTF8, character }

    /// The class and length of the character at `index`, which starts no token.
    func invalidCharacter(at index: Int) -> (kind: InvalidKind, length: Int) {
        let byte = buffer[index]
        if byte == 0 { return (.nul, 1) }
        if byte < 0x20 || byte == 0x7F { return (.control, 1) }
        if byte < 0x80 { return (.character, 1) }
        let length = utf8Length(byte)
        var stop = index + 1
        while stop < end, stop - index < length, buffer[stop] & 0xC0 == 0x80 { stop += 1 }
        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[index..<stop]), as: UTF8.self)
        return (text.unicodeScalars.first == "\u{FFFD}" ? .notUTF8 : .character, stop - index)
    }
}

/// True for a byte that `lexToken` sends to `lexInvalid`.
@inline(__always) func startsNoToken(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x20, 0x09, 0x0C, 0x0B, 0x0A, 0x0D, UInt8(ascii: "#"), UInt8(ascii: "\""), UInt8(ascii: "-"),
        UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["),
        UInt8(ascii: "]"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "|"),
        UInt8(ascii: "="):
        return false
    default:
        return !isIdentifierByte(byte)
    }
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

/// A letter, a digit or `_`.
@inline(__always) func isIdentifierByte(_ byte: UInt8) -> Bool {
    // Bit n of the first mask is set for byte n (digits), of the second for byte 64 + n (letters, '_').
    let mask: UInt64 = byte < 64 ? 0x03FF_0000_0000_0000 : 0x07FF_FFFE_87FF_FFFE
    return byte < 128 && (mask >> UInt64(byte & 63)) & 1 != 0
}

/// The length of the UTF-8 sequence a lead byte announces (1 for bad lead bytes).
@inline(__always) func utf8Length(_ byte: UInt8) -> Int {
    if byte < 0xC2 { return 1 }
    if byte < 0xE0 { return 2 }
    if byte < 0xF0 { return 3 }
    if byte < 0xF5 { return 4 }
    return 1
}

func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 2 - digits.count)) + digits
}
