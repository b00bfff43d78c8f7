// Go's strconv.Quote: a double-quoted Go string literal, as the compiler writes
// string operands into templates and the runtime prints them (`quote`, `%q`).

public enum GoQuote {
    /// strconv.Quote: a double-quoted Go string literal.
    public static func quote(_ text: String) -> String {
        quoteASCII(text) ?? quoteScalars(text)
    }

    /// `quote`, one Unicode scalar at a time: the reference, and the path of text past ASCII.
    static func quoteScalars(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\x" + hex(scalar.value, 2)
                } else if scalar.value >= 0x80 && !isPrintable(scalar) {
                    out += scalar.value > 0xFFFF ? "\\U" + hex(scalar.value, 8) : "\\u" + hex(scalar.value, 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// `quote` of ASCII text, escaped byte by byte into one buffer; nil when the
    /// text has a byte past ASCII (a printable scalar or not: the scalar loop decides).
    static func quoteASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var escapes = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                if byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { escapes += 1 }
            }
            // Each escape takes at most 4 bytes (`\x1f`), the quotes 2.
            return String(unsafeUninitializedCapacity: bytes.count + 3 * escapes + 2) { out in
                var end = 0
                func put(_ byte: UInt8) {
                    out[end] = byte
                    end += 1
                }
                put(UInt8(ascii: "\""))
                for byte in bytes {
                    switch byte {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"):
                        put(UInt8(ascii: "\\"))
                        put(byte)
                    case 0x07...0x0D:
                        // \a \b \t \n \v \f \r
                        put(UInt8(ascii: "\\"))
                        put(shortEscapes[Int(byte - 0x07)])
                    case 0..<0x20, 0x7F:
                        put(UInt8(ascii: "\\"))
                        put(UInt8(ascii: "x"))
                        put(hexDigits[Int(byte >> 4)])
                        put(hexDigits[Int(byte & 0xF)])
                    default: put(byte)
                    }
                }
                put(UInt8(ascii: "\""))
                return end
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
    private static let shortEscapes = Array("abtnvfr".utf8)

    public static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator: false
        case .spaceSeparator: scalar == " "
        default: true
        }
    }

    public static func hex(_ value: UInt32, _ width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
