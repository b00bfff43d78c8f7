// Spelling text as a .bp string literal: the one escaper the AST dump, the
// importer and anything else that writes .bp source share.

extension StringLiteral {
    /// `"..."` whose decoded value is exactly `text`: backslash, quote and
    /// control characters escaped (`\n`, `\t`, `\r`, `\0`, `\u{hex}`).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\0": out += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
