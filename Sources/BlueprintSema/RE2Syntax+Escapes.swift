// RE2's escapes outside a class for Swift: `\A` `\z` `\b`, `\Q…\E`, Unicode and Perl
// classes, and the literal escapes (octal, hex, C) that classes read too, as Go's parseEscape.

extension RE2Translator {
    /// Go's Unicode category names; a script name is left to Swift to know.
    static let categories: Set<String> = [
        "Any", "C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No",
        "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S", "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs",
    ]

    /// After `\` outside a class (Go's parse loop, then parseEscape).
    mutating func translateEscape() -> Bool {
        let start = index - 1
        guard let scalar = next else { return fail(.trailingBackslash, "") }
        index += 1
        switch scalar {
        case "A", "z", "b", "B":
            if scalar == "b" || scalar == "B" { hasWordBoundary = true }
            beginOperand()
            emit("\\" + String(scalar))
        case "Q":
            // \Q...\E: literals up to `\E` or the end; none leaves the operand as it was.
            while let literal = next, !(literal == "\\" && index + 1 < scalars.count && scalars[index + 1] == "E") {
                beginOperand()
                emit(RE2Syntax.literal(literal))
                index += 1
            }
            if next != nil { index += 2 }
        case "p", "P":
            guard let text = readUnicodeClass(isNegated: scalar == "P", start: start) else { return false }
            beginOperand()
            emit(text)
        case "d", "s", "w", "D", "S", "W":
            beginOperand()
            emit(perlClass(scalar))
        default:
            guard let literal = readEscapedLiteral(scalar, start: start) else { return false }
            beginOperand()
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

    /// Go's parseEscape after the backslash (at `start`) and `first`: octal, hex, C
    /// escapes and escaped punctuation; nil for anything else (a backreference `\1`,
    /// `\q`, `\é`), with Go's error.
    mutating func readEscapedLiteral(_ first: Unicode.Scalar, start: Int) -> Unicode.Scalar? {
        func isOctal(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { ("0"..."7").contains($0) } ?? false }
        var literal: Unicode.Scalar?
        switch first {
        case "0", "1", "2", "3", "4", "5", "6", "7":
            // A single non-zero digit is a backreference, which RE2 refuses.
            guard first == "0" || isOctal(next) else { break }
            var value = first.value - 48
            for _ in 1..<3 where isOctal(next) {
                value = value * 8 + (scalars[index].value - 48)
                index += 1
            }
            literal = Unicode.Scalar(value)
        case "x":
            guard let value = readHex() else { break }
            guard let scalar = Unicode.Scalar(value) else {
                _ = fail(.surrogate, text(from: start))
                return nil
            }
            literal = scalar
        case "a": literal = "\u{07}"
        case "f": literal = "\u{0C}"
        case "n": literal = "\n"
        case "r": literal = "\r"
        case "t": literal = "\t"
        case "v": literal = "\u{0B}"
        default:
            let isWordScalar = first.properties.isAlphabetic || ("0"..."9").contains(first)
            if first.isASCII, !isWordScalar { literal = first }
        }
        if literal == nil { _ = fail(.invalidEscape, text(from: start)) }
        return literal
    }

    /// `\x41` or `\x{1F600}` after the `x`: the rune's value (a surrogate too, as Go
    /// takes it), consuming what Go's parseEscape consumes.
    mutating func readHex() -> UInt32? {
        func hexValue(_ scalar: Unicode.Scalar?) -> UInt32? { scalar.flatMap { UInt32(String($0), radix: 16) } }
        guard let first = next else { return nil }
        index += 1
        if first == "{" {
            var value: UInt32 = 0
            var digits = 0
            var isClosed = false
            while let scalar = next {
                index += 1
                if scalar == "}" {
                    isClosed = true
                    break
                }
                guard let digit = hexValue(scalar) else { return nil }
                value = value * 16 + digit
                guard value <= 0x10FFFF else { return nil }
                digits += 1
            }
            guard isClosed, digits > 0 else { return nil }
            return value
        }
        let second = next
        if second != nil { index += 1 }
        guard let high = hexValue(first), let low = hexValue(second) else { return nil }
        return high * 16 + low
    }

    /// `L`, `{Greek}` or `{^Greek}` after `\p` or `\P` (Go's parseUnicodeClass).
    mutating func readUnicodeClass(isNegated: Bool, start: Int) -> String? {
        guard let first = next else {
            _ = fail(.invalidCharRange, text(from: start))
            return nil
        }
        var name: String
        if first == "{" {
            guard let close = scalars[index...].firstIndex(of: "}") else {
                _ = fail(.invalidCharRange, String(String.UnicodeScalarView(scalars[start...])))
                return nil
            }
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
        guard Self.categories.contains(name) || isScriptName else {
            // The names Go knows differ between releases (Go 1.25 ignores case, spaces,
            // `_` and `-`), but none is empty or holds other punctuation.
            let isName =
                !name.isEmpty
                && name.unicodeScalars.allSatisfy {
                    $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || " _-&".unicodeScalars.contains($0))
                }
            _ = fail(isName ? .unicodeClassName : .invalidCharRange, text(from: start))
            return nil
        }
        if name == "Any" { return negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]" }
        // Go's scripts are Script, not Swift's default Script_Extensions (U+0301 is not Greek).
        let property = Self.categories.contains(name) ? name : "sc=" + name
        return (negated ? "\\P{" : "\\p{") + property + "}"
    }
}
