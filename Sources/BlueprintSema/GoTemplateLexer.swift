// Byte-level lexer for Go text/template, a port of go1.19 text/template/parse/lex.go:
// the same tokens, trim-marker rules and lexical errors. It never throws: the first
// error ends the token list with an `.error` token, as Go's lexer stops there too.

enum GoTemplateTokenKind: UInt8, Sendable {
    case error, bool, char, charConstant, comment, complex, assign, declare, eof, field, identifier
    case leftDelim, leftParen, number, pipe, rawString, rightDelim, rightParen, space, string, text, variable
    // Keywords come last, as in Go (`item.String()` prints them as `<word>`).
    case blockKeyword, breakKeyword, continueKeyword, dot, defineKeyword, elseKeyword, endKeyword
    case ifKeyword, nilKeyword, rangeKeyword, templateKeyword, withKeyword

    var isKeyword: Bool { rawValue >= GoTemplateTokenKind.blockKeyword.rawValue }

    /// Tokens that can start an operand (Go's `pipeline` switch).
    var startsOperand: Bool {
        switch self {
        case .bool, .charConstant, .complex, .dot, .field, .identifier, .number, .nilKeyword, .rawString,
            .string, .variable, .leftParen:
            return true
        default:
            return false
        }
    }
}

/// A token: kind and byte range. Delimiters include their trim marker and its space.
struct GoTemplateToken: Sendable, Equatable {
    var kind: GoTemplateTokenKind
    var start: Int
    var end: Int
    var trimsBefore = false
    var trimsAfter = false
}

struct GoTemplateLexError: Sendable, Equatable {
    var message: String
    var offset: Int
}

struct GoTemplateLexer {
    typealias Chars = GoTemplateCharacters

    let input: [UInt8]
    /// False when the function map defines `break` (Go then lexes it as an identifier).
    let breakIsKeyword: Bool
    let continueIsKeyword: Bool
    var pos = 0
    /// Start of the pending token.
    var start = 0
    var parenDepth = 0
    private(set) var tokens: [GoTemplateToken] = []
    private(set) var error: GoTemplateLexError?

    enum State { case text, leftDelim, insideAction, rightDelim, done }

    init(input: [UInt8], breakIsKeyword: Bool = true, continueIsKeyword: Bool = true) {
        self.input = input
        self.breakIsKeyword = breakIsKeyword
        self.continueIsKeyword = continueIsKeyword
        tokens.reserveCapacity(input.count / 4 + 2)
    }

    /// Lexes the whole input; the last token is `.eof` or `.error`.
    mutating func run() {
        var state = State.text
        while true {
            switch state {
            case .text: state = lexText()
            case .leftDelim: state = lexLeftDelim()
            case .insideAction: state = lexInsideAction()
            case .rightDelim: state = lexRightDelim()
            case .done: return
            }
        }
    }

    // MARK: - Helpers

    mutating func emit(_ kind: GoTemplateTokenKind) {
        tokens.append(GoTemplateToken(kind: kind, start: start, end: pos))
        start = pos
    }

    mutating func fail(_ message: String) -> State {
        tokens.append(GoTemplateToken(kind: .error, start: start, end: max(start, pos)))
        error = GoTemplateLexError(message: message, offset: start)
        return .done
    }

    func byte(at index: Int) -> UInt8? {
        index < input.count ? input[index] : nil
    }

    func hasPrefix(_ first: UInt8, _ second: UInt8, at index: Int) -> Bool {
        index + 1 < input.count && input[index] == first && input[index + 1] == second
    }

    func hasRightDelim(at index: Int) -> Bool {
        hasPrefix(0x7D, 0x7D, at: index)
    }

    /// `-` followed by an ASCII space.
    func hasLeftTrimMarker(at index: Int) -> Bool {
        index + 1 < input.count && input[index] == 0x2D && Chars.isSpace(input[index + 1])
    }

    /// An ASCII space followed by `-`.
    func hasRightTrimMarker(at index: Int) -> Bool {
        index + 1 < input.count && Chars.isSpace(input[index]) && input[index + 1] == 0x2D
    }

    /// Whether a right delimiter, possibly trim-marked, starts at `pos`.
    func atRightDelim() -> (isDelim: Bool, trims: Bool) {
        if hasRightTrimMarker(at: pos) && hasRightDelim(at: pos + 2) { return (true, true) }
        return (hasRightDelim(at: pos), false)
    }

    /// Whether the next scalar may end an identifier, field or variable.
    func atTerminator() -> Bool {
        guard let byte = byte(at: pos) else { return true }
        if Chars.isSpace(byte) { return true }
        switch byte {
        case 0x2E, 0x2C, 0x7C, 0x3A, 0x29, 0x28: return true  // . , | : ) (
        default: return hasRightDelim(at: pos)
        }
    }

    func scalar(at index: Int) -> (scalar: UInt32, width: Int)? {
        Chars.decode(input, at: index)
    }

    mutating func failBadCharacter() -> State {
        let scalar = scalar(at: pos)?.scalar ?? 0
        return fail("bad character \(Chars.describeScalar(scalar))")
    }

    // MARK: - Text and delimiters

    /// Scans text up to the next `{{`, trimming trailing space when it is `{{- `.
    mutating func lexText() -> State {
        if let delim = indexOfLeftDelim(from: pos) {
            var textEnd = delim
            if hasLeftTrimMarker(at: delim + 2) {
                while textEnd > start && Chars.isSpace(input[textEnd - 1]) { textEnd -= 1 }
            }
            if textEnd > start {
                tokens.append(GoTemplateToken(kind: .text, start: start, end: textEnd))
            }
            pos = delim
            start = delim
            return .leftDelim
        }
        pos = input.count
        if pos > start { emit(.text) }
        emit(.eof)
        return .done
    }

    private func indexOfLeftDelim(from index: Int) -> Int? {
        input.withUnsafeBufferPointer { buffer -> Int? in
            var index = index
            let last = buffer.count - 1
            while index < last {
                if buffer[index] == 0x7B && buffer[index + 1] == 0x7B { return index }
                index += 1
            }
            return nil
        }
    }

    /// Scans `{{` or `{{- `, or a whole comment when `/*` follows.
    mutating func lexLeftDelim() -> State {
        let delimStart = pos
        pos += 2
        let trims = hasLeftTrimMarker(at: pos)
        let afterMarker = trims ? 2 : 0
        if hasPrefix(0x2F, 0x2A, at: pos + afterMarker) {  // "/*"
            pos += afterMarker
            start = pos
            return lexComment(delimStart: delimStart, trimsBefore: trims)
        }
        pos += afterMarker
        tokens.append(GoTemplateToken(kind: .leftDelim, start: delimStart, end: pos, trimsBefore: trims))
        start = pos
        parenDepth = 0
        return .insideAction
    }

    /// Scans `/* … */` and the closing delimiter right after it.
    mutating func lexComment(delimStart: Int, trimsBefore: Bool) -> State {
        pos += 2
        var close: Int?
        var index = pos
        while index + 1 < input.count {
            if input[index] == 0x2A && input[index + 1] == 0x2F {
                close = index
                break
            }
            index += 1
        }
        guard let close else { return fail("unclosed comment") }
        pos = close + 2
        let (isDelim, trimsAfter) = atRightDelim()
        guard isDelim else { return fail("comment ends before closing delimiter") }
        pos += trimsAfter ? 4 : 2
        tokens.append(
            GoTemplateToken(
                kind: .comment, start: delimStart, end: pos, trimsBefore: trimsBefore, trimsAfter: trimsAfter))
        if trimsAfter { skipLeadingSpace() }
        start = pos
        return .text
    }

    /// Scans `}}` or ` -}}`.
    mutating func lexRightDelim() -> State {
        let trims = hasRightTrimMarker(at: pos)
        let delimStart = pos
        pos += trims ? 4 : 2
        tokens.append(GoTemplateToken(kind: .rightDelim, start: delimStart, end: pos, trimsAfter: trims))
        if trims { skipLeadingSpace() }
        start = pos
        return .text
    }

    private mutating func skipLeadingSpace() {
        while pos < input.count && Chars.isSpace(input[pos]) { pos += 1 }
    }
}
