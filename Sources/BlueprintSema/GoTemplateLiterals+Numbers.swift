// Number literals as go1.19 text/template's newNumber sees them: strconv.ParseUint,
// ParseInt and ParseFloat with Go's syntax (base prefixes, underscores, hex floats),
// and fmt.Sscan's scanning of complex constants such as 1+2i.

extension GoTemplateLiterals {
    /// Classifies a `.number` or `.complex` token, or returns Go's error message.
    static func classifyNumber(_ text: [UInt8], isComplexToken: Bool) -> Result<GoTemplateNumber.Kind, NumberError> {
        if isComplexToken {
            if let message = scanComplex(text) { return .failure(NumberError(message: message)) }
            return .success(.complex)
        }
        if text.last == 0x69, isValidFloat(text.dropLast()) { return .success(.imaginary) }
        if parseUnsigned(text[...]) != nil || isValidInt(text) { return .success(.integer) }
        let quoted = GoTemplateCharacters.quote(String(decoding: text, as: UTF8.self))
        if isValidFloat(text[...]) {
            let hasFloatSyntax = text.contains { [0x2E, 0x65, 0x45, 0x70, 0x50].contains($0) }
            return hasFloatSyntax ? .success(.float) : .failure(NumberError(message: "integer overflow: \(quoted)"))
        }
        return .failure(NumberError(message: "illegal number syntax: \(quoted)"))
    }

    struct NumberError: Error, Equatable {
        var message: String
    }

    /// strconv.ParseUint(s, 0, 64).
    static func parseUnsigned(_ text: ArraySlice<UInt8>) -> UInt64? {
        guard let first = text.first else { return nil }
        var base: UInt64 = 10
        var index = text.startIndex
        if first == 0x30 {
            let prefix = text.count >= 3 ? Chars.lower(text[index + 1]) : 0
            switch prefix {
            case 0x62: base = 2
            case 0x6F: base = 8
            case 0x78: base = 16
            default: base = 8
            }
            index += prefix == 0x62 || prefix == 0x6F || prefix == 0x78 ? 2 : 1
        }
        var value: UInt64 = 0
        var hasUnderscores = false
        while index < text.endIndex {
            let byte = text[index]
            index += 1
            if byte == 0x5F {
                hasUnderscores = true
                continue
            }
            let lower = Chars.lower(byte)
            let digit: UInt64
            if Chars.isDigit(byte) {
                digit = UInt64(byte - 0x30)
            } else if lower >= 0x61 && lower <= 0x7A {
                digit = UInt64(lower - 0x61 + 10)
            } else {
                return nil
            }
            guard digit < base else { return nil }
            let (product, overflowMultiply) = value.multipliedReportingOverflow(by: base)
            let (sum, overflowAdd) = product.addingReportingOverflow(digit)
            guard !overflowMultiply && !overflowAdd else { return nil }
            value = sum
        }
        if hasUnderscores && !underscoresAreValid(text) { return nil }
        return value
    }

    /// strconv.ParseInt(s, 0, 64) succeeds.
    static func isValidInt(_ text: [UInt8]) -> Bool {
        parseInt(text[...]) != nil
    }

    /// strconv.ParseInt(s, 0, 64): sign, base prefix (0x, 0o, 0b, leading 0), underscores.
    static func parseInt(_ text: ArraySlice<UInt8>) -> Int64? {
        guard let first = text.first else { return nil }
        let isNegative = first == 0x2D
        let digits = first == 0x2B || first == 0x2D ? text.dropFirst() : text
        guard let magnitude = parseUnsigned(digits) else { return nil }
        let cutoff = UInt64(1) << 63
        if isNegative { return magnitude <= cutoff ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude < cutoff ? Int64(magnitude) : nil
    }

    /// strconv's underscoreOK: `_` only between digits or after a base prefix.
    static func underscoresAreValid(_ text: ArraySlice<UInt8>) -> Bool {
        var saw: UInt8 = 0x5E  // '^' start, '0' digit, '_' underscore, '!' other
        var body = text
        if let first = body.first, first == 0x2D || first == 0x2B { body = body.dropFirst() }
        var isHex = false
        var index = body.startIndex
        if body.count >= 2 && body[index] == 0x30 && [0x62, 0x6F, 0x78].contains(Chars.lower(body[index + 1])) {
            index += 2
            saw = 0x30
            isHex = Chars.lower(body[body.startIndex + 1]) == 0x78
        }
        while index < body.endIndex {
            let byte = body[index]
            index += 1
            if Chars.isDigit(byte) || (isHex && Chars.isHexDigit(byte)) {
                saw = 0x30
                continue
            }
            if byte == 0x5F {
                if saw != 0x30 { return false }
                saw = 0x5F
                continue
            }
            if saw == 0x5F { return false }
            saw = 0x21
        }
        return saw != 0x5F
    }

    /// strconv.ParseFloat(s, 64) succeeds: Go's syntax (readFloat) and a finite value.
    static func isValidFloat(_ text: ArraySlice<UInt8>) -> Bool {
        guard let end = readFloat(text), end == text.endIndex else { return false }
        let digits = String(decoding: text.filter { $0 != 0x5F }, as: UTF8.self)
        guard let value = Double(digits) else { return false }
        return value.isFinite
    }

    /// strconv's readFloat: the end of a well-formed float prefix, or nil.
    private static func readFloat(_ text: ArraySlice<UInt8>) -> Int? {
        var index = text.startIndex
        guard index < text.endIndex else { return nil }
        if text[index] == 0x2B || text[index] == 0x2D { index += 1 }
        var isHex = false
        if index + 2 < text.endIndex && text[index] == 0x30 && Chars.lower(text[index + 1]) == 0x78 {
            isHex = true
            index += 2
        }
        var sawDot = false
        var sawDigits = false
        var hasUnderscores = false
        mantissa: while index < text.endIndex {
            let byte = text[index]
            switch byte {
            case 0x5F: hasUnderscores = true
            case 0x2E:
                if sawDot { break mantissa }
                sawDot = true
            case _ where Chars.isDigit(byte) || (isHex && Chars.isHexDigit(byte)): sawDigits = true
            default: break mantissa
            }
            index += 1
        }
        guard sawDigits else { return nil }
        if index < text.endIndex && Chars.lower(text[index]) == (isHex ? 0x70 : 0x65) {
            index += 1
            guard index < text.endIndex else { return nil }
            if text[index] == 0x2B || text[index] == 0x2D { index += 1 }
            guard index < text.endIndex && Chars.isDigit(text[index]) else { return nil }
            while index < text.endIndex && (Chars.isDigit(text[index]) || text[index] == 0x5F) {
                if text[index] == 0x5F { hasUnderscores = true }
                index += 1
            }
        } else if isHex {
            return nil
        }
        if hasUnderscores && !underscoresAreValid(text[text.startIndex..<index]) { return nil }
        return index
    }

    /// fmt.Sscan into a complex128: two float tokens, a sign between them, a final `i`.
    /// Returns Go's error message, or nil when the constant is fine.
    private static func scanComplex(_ text: [UInt8]) -> String? {
        var scanner = ComplexScanner(bytes: text)
        let real = scanner.floatToken()
        guard scanner.accept([0x2B, 0x2D]) else { return "syntax error scanning complex number" }
        let imaginary = [text[scanner.index - 1]] + scanner.floatToken()
        guard scanner.accept([0x69]) else { return "syntax error scanning complex number" }
        for part in [real, imaginary] where !convertFloat(part) {
            let quoted = GoTemplateCharacters.quote(String(decoding: part, as: UTF8.self))
            return "strconv.ParseFloat: parsing \(quoted): invalid syntax"
        }
        return nil
    }

    /// fmt's convertFloat: ParseFloat, except decimal mantissas with a `p` exponent.
    private static func convertFloat(_ text: [UInt8]) -> Bool {
        let hasX = text.contains { $0 == 0x78 || $0 == 0x58 }
        if let p = text.firstIndex(of: 0x70), !hasX {
            let exponent = text[(p + 1)...]
            let exponentDigits = exponent.first == 0x2B || exponent.first == 0x2D ? exponent.dropFirst() : exponent
            return isValidFloat(text[..<p]) && !exponentDigits.isEmpty && exponentDigits.allSatisfy(Chars.isDigit)
                && exponentDigits.count < 19
        }
        return isValidFloat(text[...])
    }

    /// The subset of fmt's scanner that complexTokens uses.
    private struct ComplexScanner {
        let bytes: [UInt8]
        var index = 0

        mutating func accept(_ set: [UInt8]) -> Bool {
            guard index < bytes.count, set.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        /// fmt's floatToken.
        mutating func floatToken() -> [UInt8] {
            let start = index
            if accept([0x6E, 0x4E]) && accept([0x61, 0x41]) && accept([0x6E, 0x4E]) {
                return Array(bytes[start..<index])
            }
            _ = accept([0x2B, 0x2D])
            if accept([0x69, 0x49]) && accept([0x6E, 0x4E]) && accept([0x66, 0x46]) {
                return Array(bytes[start..<index])
            }
            var digits = Array("0123456789_".utf8)
            var exponent = Array("eEpP".utf8)
            if accept([0x30]) && accept([0x78, 0x58]) {
                digits = Array("0123456789aAbBcCdDeEfF_".utf8)
                exponent = Array("pP".utf8)
            }
            while accept(digits) {}
            if accept([0x2E]) { while accept(digits) {} }
            if accept(exponent) {
                _ = accept([0x2B, 0x2D])
                while accept(Array("0123456789_".utf8)) {}
            }
            return Array(bytes[start..<index])
        }
    }
}

/// Go's integer syntax, for every target that reads Go or YAML integers.
public enum GoInteger {
    /// strconv.ParseInt(text, 0, 64): `-42`, `0x1F`, `0o17`, `017`, `0b101`, `1_000`.
    public static func parse(_ text: String) -> Int64? {
        GoTemplateLiterals.parseInt(Array(text.utf8)[...])
    }
}
