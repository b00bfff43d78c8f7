// Character classes and text helpers shared by the Go template lexer and parser:
// UTF-8 decoding, Go's isSpace/isAlphaNumeric, and Go's %q / %#U formatting for messages.

enum GoTemplateCharacters {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let newline: UInt8 = 0x0A
    static let carriageReturn: UInt8 = 0x0D

    /// Go's lexer `isSpace`: only ASCII space, tab, CR and LF.
    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == newline || byte == carriageReturn
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte >= 0x30 && byte <= 0x39
    }

    @inline(__always)
    static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (lower(byte) >= 0x61 && lower(byte) <= 0x66)
    }

    /// Go's `lower` trick from strconv: ASCII letters to lower case (other bytes garbled harmlessly).
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte | 0x20
    }

    /// `_`, a Unicode letter (Lu, Ll, Lt, Lm, Lo) or a decimal digit (Nd), as Go's lexer.
    static func isAlphaNumeric(_ scalar: UInt32) -> Bool {
        if scalar < 0x80 {
            let byte = UInt8(scalar)
            return byte == 0x5F || isDigit(byte) || (lower(byte) >= 0x61 && lower(byte) <= 0x7A)
        }
        guard let value = Unicode.Scalar(scalar) else { return false }
        switch value.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber:
            return true
        default:
            return false
        }
    }

    /// Decodes the scalar starting at `index` (the input is valid UTF-8); nil at the end.
    @inline(__always)
    static func decode(_ bytes: [UInt8], at index: Int) -> (scalar: UInt32, width: Int)? {
        guard index < bytes.count else { return nil }
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        return decodeMultiByte(bytes, at: index, lead: lead)
    }

    private static func decodeMultiByte(_ bytes: [UInt8], at index: Int, lead: UInt8) -> (scalar: UInt32, width: Int) {
        let width: Int
        var scalar: UInt32
        if lead >= 0xF0 {
            width = 4
            scalar = UInt32(lead & 0x07)
        } else if lead >= 0xE0 {
            width = 3
            scalar = UInt32(lead & 0x0F)
        } else {
            width = 2
            scalar = UInt32(lead & 0x1F)
        }
        guard index + width <= bytes.count else { return (0xFFFD, 1) }
        for offset in 1..<width {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return (0xFFFD, 1) }
            scalar = scalar << 6 | UInt32(byte & 0x3F)
        }
        return (scalar, width)
    }

    /// Go's `unicode.IsSpace`, used where Go trims with `bytes.TrimSpace`.
    static func isWhiteSpaceOnly(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace }
    }

    /// Go's `strconv.IsPrint`, approximately: letters, marks, numbers, punctuation, symbols, ASCII space.
    static func isPrint(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == " " { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber,
            .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
            .initialPunctuation, .finalPunctuation, .otherPunctuation,
            .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Go's `%#U`: `U+0041 'A'`, or `U+0001` for unprintable scalars.
    static func describeScalar(_ scalar: UInt32) -> String {
        var hex = String(scalar, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        if let value = Unicode.Scalar(scalar), isPrint(value) {
            return "U+\(hex) '\(Character(value))'"
        }
        return "U+\(hex)"
    }

    /// Go's `%q` (strconv.Quote) for messages.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            out += escape(scalar)
        }
        return out + "\""
    }

    /// Go's `%.10q…` used when a token in a message is longer than ten bytes.
    static func quoteTruncated(_ text: String) -> String {
        if text.utf8.count <= 10 { return quote(text) }
        let prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(10)))
        return quote(prefix) + "..."
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\u{07}": return "\\a"
        case "\u{08}": return "\\b"
        case "\u{0C}": return "\\f"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case "\u{0B}": return "\\v"
        default: break
        }
        if isPrint(scalar) { return String(Character(scalar)) }
        let value = scalar.value
        let (prefix, digits) = value < 0x80 ? ("\\x", 2) : value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
        var hex = String(value, radix: 16)
        while hex.count < digits { hex = "0" + hex }
        return prefix + hex
    }
}
