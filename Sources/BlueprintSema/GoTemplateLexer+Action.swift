// The inside-action states of the Go template lexer: spaces, punctuation, identifiers
// and keywords, fields and variables, quoted strings, character constants and numbers.

extension GoTemplateLexer {
    /// Scans one token inside `{{ … }}` (Go's lexInsideAction).
    mutating func lexInsideAction() -> State {
        if atRightDelim().isDelim {
            return parenDepth == 0 ? .rightDelim : fail("unclosed left paren")
        }
        guard let byte = byte(at: pos) else { return fail("unclosed action") }
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D:
            return lexSpace()
        case 0x3D:  // =
            pos += 1
            emit(.assign)
        case 0x3A:  // :
            pos += 1
            guard self.byte(at: pos) == 0x3D else { return fail("expected :=") }
            pos += 1
            emit(.declare)
        case 0x7C:  // |
            pos += 1
            emit(.pipe)
        case 0x22:  // "
            return lexQuote()
        case 0x60:  // `
            return lexRawQuote()
        case 0x24:  // $
            pos += 1
            return lexFieldOrVariable(.variable)
        case 0x27:  // '
            return lexChar()
        case 0x2E:  // .
            if let next = self.byte(at: pos + 1), !GoTemplateCharacters.isDigit(next) {
                pos += 1
                return lexFieldOrVariable(.field)
            }
            return lexNumber()
        case 0x2B, 0x2D, 0x30...0x39:  // + - digits
            return lexNumber()
        case 0x28:  // (
            pos += 1
            emit(.leftParen)
            parenDepth += 1
        case 0x29:  // )
            pos += 1
            emit(.rightParen)
            parenDepth -= 1
            if parenDepth < 0 { return fail("unexpected right paren U+0029 ')'") }
        default:
            return lexOther()
        }
        return .insideAction
    }

    /// Identifiers, other printable ASCII (`,` and friends) and unrecognized scalars.
    private mutating func lexOther() -> State {
        guard let (scalar, width) = scalar(at: pos) else { return fail("unclosed action") }
        if GoTemplateCharacters.isAlphaNumeric(scalar) { return lexIdentifier() }
        if scalar >= 0x21 && scalar <= 0x7E {
            pos += 1
            emit(.char)
            return .insideAction
        }
        pos += width
        return fail("unrecognized character in action: \(GoTemplateCharacters.describeScalar(scalar))")
    }

    /// A run of spaces; a single space before `-}}` belongs to the delimiter.
    private mutating func lexSpace() -> State {
        var count = 0
        while let byte = byte(at: pos), GoTemplateCharacters.isSpace(byte) {
            pos += 1
            count += 1
        }
        if self.byte(at: pos) == 0x2D && hasRightDelim(at: pos + 1) {
            pos -= 1
            if count == 1 { return .rightDelim }
        }
        emit(.space)
        return .insideAction
    }

    private mutating func lexIdentifier() -> State {
        while let (scalar, width) = scalar(at: pos), GoTemplateCharacters.isAlphaNumeric(scalar) {
            pos += width
        }
        guard atTerminator() else { return failBadCharacter() }
        emit(keywordKind(input[start..<pos]) ?? .identifier)
        return .insideAction
    }

    private func keywordKind(_ word: ArraySlice<UInt8>) -> GoTemplateTokenKind? {
        guard word.count >= 2 && word.count <= 8 else { return nil }
        switch String(decoding: word, as: UTF8.self) {
        case "block": return .blockKeyword
        case "break": return breakIsKeyword ? .breakKeyword : nil
        case "continue": return continueIsKeyword ? .continueKeyword : nil
        case "define": return .defineKeyword
        case "else": return .elseKeyword
        case "end": return .endKeyword
        case "if": return .ifKeyword
        case "range": return .rangeKeyword
        case "nil": return .nilKeyword
        case "template": return .templateKeyword
        case "with": return .withKeyword
        case "true", "false": return .bool
        default: return nil
        }
    }

    /// `.Name` or `$name`; the `.` or `$` is already consumed. Alone they are `.` and `$`.
    private mutating func lexFieldOrVariable(_ kind: GoTemplateTokenKind) -> State {
        if atTerminator() {
            emit(kind == .variable ? .variable : .dot)
            return .insideAction
        }
        while let (scalar, width) = scalar(at: pos), GoTemplateCharacters.isAlphaNumeric(scalar) {
            pos += width
        }
        guard atTerminator() else { return failBadCharacter() }
        emit(kind)
        return .insideAction
    }

    /// `'…'`; Go leaves checking the contents to the parser.
    private mutating func lexChar() -> State {
        lexQuoted(quote: 0x27, kind: .charConstant, unterminated: "unterminated character constant")
    }

    private mutating func lexQuote() -> State {
        lexQuoted(quote: 0x22, kind: .string, unterminated: "unterminated quoted string")
    }

    private mutating func lexQuoted(quote: UInt8, kind: GoTemplateTokenKind, unterminated: String) -> State {
        pos += 1
        while true {
            guard let byte = byte(at: pos), byte != 0x0A else { return fail(unterminated) }
            pos += 1
            if byte == 0x5C {  // backslash: the next byte may be anything but newline
                guard let escaped = self.byte(at: pos), escaped != 0x0A else { return fail(unterminated) }
                pos += 1
            } else if byte == quote {
                break
            }
        }
        emit(kind)
        return .insideAction
    }

    private mutating func lexRawQuote() -> State {
        pos += 1
        while true {
            guard let byte = byte(at: pos) else { return fail("unterminated raw quoted string") }
            pos += 1
            if byte == 0x60 { break }
        }
        emit(.rawString)
        return .insideAction
    }

    /// A number, or `a+bi` / `a-bi` which Go lexes as one complex token.
    private mutating func lexNumber() -> State {
        guard scanNumber() else { return failBadNumber() }
        if let sign = byte(at: pos), sign == 0x2B || sign == 0x2D {
            guard scanNumber(), input[pos - 1] == 0x69 else { return failBadNumber() }
            emit(.complex)
        } else {
            emit(.number)
        }
        return .insideAction
    }

    private mutating func failBadNumber() -> State {
        let text = String(decoding: input[start..<pos], as: UTF8.self)
        return fail("bad number syntax: \(GoTemplateCharacters.quote(text))")
    }

    /// Go's scanNumber: deliberately loose; strconv rejects what is wrong later.
    private mutating func scanNumber() -> Bool {
        _ = accept({ $0 == 0x2B || $0 == 0x2D })
        var digits: (UInt8) -> Bool = { GoTemplateCharacters.isDigit($0) || $0 == 0x5F }
        var isDecimal = true
        var isHex = false
        if accept({ $0 == 0x30 }) {
            if accept({ $0 == 0x78 || $0 == 0x58 }) {
                digits = { GoTemplateCharacters.isHexDigit($0) || $0 == 0x5F }
                isDecimal = false
                isHex = true
            } else if accept({ $0 == 0x6F || $0 == 0x4F }) {
                digits = { ($0 >= 0x30 && $0 <= 0x37) || $0 == 0x5F }
                isDecimal = false
            } else if accept({ $0 == 0x62 || $0 == 0x42 }) {
                digits = { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }
                isDecimal = false
            }
        }
        acceptRun(digits)
        if accept({ $0 == 0x2E }) { acceptRun(digits) }
        let hasExponent =
            (isDecimal && accept({ $0 == 0x65 || $0 == 0x45 })) || (isHex && accept({ $0 == 0x70 || $0 == 0x50 }))
        if hasExponent {
            _ = accept({ $0 == 0x2B || $0 == 0x2D })
            acceptRun({ GoTemplateCharacters.isDigit($0) || $0 == 0x5F })
        }
        _ = accept({ $0 == 0x69 })  // imaginary
        if let (scalar, width) = scalar(at: pos), GoTemplateCharacters.isAlphaNumeric(scalar) {
            pos += width
            return false
        }
        return true
    }

    private mutating func accept(_ isValid: (UInt8) -> Bool) -> Bool {
        guard let byte = byte(at: pos), isValid(byte) else { return false }
        pos += 1
        return true
    }

    private mutating func acceptRun(_ isValid: (UInt8) -> Bool) {
        while let byte = byte(at: pos), isValid(byte) { pos += 1 }
    }
}
