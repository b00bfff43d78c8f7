// Literal checks the Go template parser delegates to strconv and fmt: Unquote and
// UnquoteChar for strings and characters, ParseInt/ParseUint/ParseFloat and fmt.Sscan
// of complex numbers for numbers. Ported from go1.19 so that acceptance matches.

enum GoTemplateLiterals {
    typealias Chars = GoTemplateCharacters

    // MARK: - Strings and characters

    /// strconv.Unquote for a token the lexer produced (`"…"` or `` `…` ``); nil is `invalid syntax`.
    static func unquote(_ token: ArraySlice<UInt8>) -> String? {
        guard let quote = token.first, token.count >= 2, token.last == quote else { return nil }
        let body = token.dropFirst().dropLast()
        if quote == 0x60 {
            return String(decoding: body.filter { $0 != Chars.carriageReturn }, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(body.count)
        var index = body.startIndex
        while index < body.endIndex {
            guard body[index] != Chars.newline,
                let (value, isByte, next) = unquoteChar(body, at: index, quote: quote)
            else { return nil }
            appendValue(value, isByte: isByte, to: &out)
            index = next
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// strconv.UnquoteChar: one (possibly escaped) character at `index`. `isByte` marks
    /// `\x..` and octal escapes, which yield a raw byte rather than a code point.
    static func unquoteChar(
        _ bytes: ArraySlice<UInt8>, at index: Int, quote: UInt8
    ) -> (value: UInt32, isByte: Bool, next: Int)? {
        guard index < bytes.endIndex else { return nil }
        let first = bytes[index]
        if first == quote && (quote == 0x27 || quote == 0x22) { return nil }
        if first >= 0x80 {
            let (scalar, width) = Chars.decode(Array(bytes[index..<min(index + 4, bytes.endIndex)]), at: 0) ?? (0, 1)
            return (scalar, false, index + width)
        }
        if first != 0x5C { return (UInt32(first), false, index + 1) }
        guard index + 1 < bytes.endIndex else { return nil }
        let escape = bytes[index + 1]
        let rest = index + 2
        switch escape {
        case 0x61: return (0x07, false, rest)  // \a
        case 0x62: return (0x08, false, rest)  // \b
        case 0x66: return (0x0C, false, rest)  // \f
        case 0x6E: return (0x0A, false, rest)  // \n
        case 0x72: return (0x0D, false, rest)  // \r
        case 0x74: return (0x09, false, rest)  // \t
        case 0x76: return (0x0B, false, rest)  // \v
        case 0x5C: return (0x5C, false, rest)  // \\
        case 0x27, 0x22: return escape == quote ? (UInt32(escape), false, rest) : nil
        case 0x78, 0x75, 0x55: return unquoteHex(bytes, at: rest, escape: escape)
        case 0x30...0x37: return unquoteOctal(bytes, at: rest, first: escape)
        default: return nil
        }
    }

    private static func unquoteHex(
        _ bytes: ArraySlice<UInt8>, at index: Int, escape: UInt8
    ) -> (value: UInt32, isByte: Bool, next: Int)? {
        let count = escape == 0x78 ? 2 : escape == 0x75 ? 4 : 8
        guard index + count <= bytes.endIndex else { return nil }
        var value: UInt32 = 0
        for offset in 0..<count {
            guard let digit = hexValue(bytes[index + offset]) else { return nil }
            value = value << 4 | digit
        }
        if escape == 0x78 { return (value, true, index + count) }
        guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return nil }
        return (value, false, index + count)
    }

    private static func unquoteOctal(
        _ bytes: ArraySlice<UInt8>, at index: Int, first: UInt8
    ) -> (value: UInt32, isByte: Bool, next: Int)? {
        guard index + 2 <= bytes.endIndex else { return nil }
        var value = UInt32(first - 0x30)
        for offset in 0..<2 {
            let byte = bytes[index + offset]
            guard byte >= 0x30 && byte <= 0x37 else { return nil }
            value = value << 3 | UInt32(byte - 0x30)
        }
        return value > 255 ? nil : (value, true, index + 2)
    }

    private static func hexValue(_ byte: UInt8) -> UInt32? {
        if Chars.isDigit(byte) { return UInt32(byte - 0x30) }
        let lower = Chars.lower(byte)
        return lower >= 0x61 && lower <= 0x66 ? UInt32(lower - 0x61 + 10) : nil
    }

    private static func appendValue(_ value: UInt32, isByte: Bool, to out: inout [UInt8]) {
        if isByte || value < 0x80 {
            out.append(UInt8(truncatingIfNeeded: value))
            return
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        out.append(contentsOf: String(Character(scalar)).utf8)
    }

    /// A character constant token `'…'`: nil for `invalid syntax`, or a message.
    static func checkCharConstant(_ token: ArraySlice<UInt8>) -> String? {
        guard let (_, _, next) = unquoteChar(token, at: token.startIndex + 1, quote: 0x27) else {
            return "invalid syntax"
        }
        if next == token.endIndex - 1 && token.last == 0x27 { return nil }
        return "malformed character constant: \(String(decoding: token, as: UTF8.self))"
    }
}
