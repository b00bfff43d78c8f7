// Printing values as Go does: fmt's %v (what a template action prints), float
// formatting with shortest digits, and strconv.Quote.

import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension TemplateValue {
    /// fmt.Sprint of the value; a nil at the top level prints `<no value>` in a template.
    public var printed: String { printed(topLevel: true) }

    func printed(topLevel: Bool) -> String {
        switch self {
        case .null: return topLevel ? "<no value>" : "<nil>"
        case .bool(let value): return value ? "true" : "false"
        case .int(let value): return String(value)
        case .float(let value): return GoNumberFormat.general(value)
        case .string(let value): return value
        case .bytes(let value): return "[" + value.map { String($0) }.joined(separator: " ") + "]"
        case .list(let items): return "[" + items.map { $0.printed(topLevel: false) }.joined(separator: " ") + "]"
        case .map(let map):
            if let text = placeholderText { return text }
            if map.kind.isRecord {
                return "{" + map.orderedKeys.map { (map.entries[$0] ?? .null).printed(topLevel: false) }.joined(separator: " ") + "}"
            }
            let pairs = map.orderedKeys.map { "\($0):\((map.entries[$0] ?? .null).printed(topLevel: false))" }
            return "map[" + pairs.joined(separator: " ") + "]"
        case .time(let time): return time.goDescription
        }
    }

    /// sprig's strval: strings as they are, bytes as text, everything else as %v.
    var sprigString: String {
        switch self {
        case .string(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .null: "<nil>"
        default: printed(topLevel: false)
        }
    }
}

enum GoNumberFormat {
    /// The shortest decimal digits that read back as `value` (no sign), and the
    /// position of the decimal point relative to them (`1.5` is "15", 1).
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], point: Int) {
        let text = "\(Swift.abs(value))"
        let parts = text.split(separator: "e", maxSplits: 1)
        let mantissa = parts.first.map(String.init) ?? "0"
        let exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let whole = Array((pieces.first ?? "0").utf8)
        let fraction = pieces.count > 1 ? Array(pieces[1].utf8) : []
        var digits = whole + fraction
        var point = whole.count + exponent
        while digits.first == UInt8(ascii: "0") && digits.count > 1 {
            digits.removeFirst()
            point -= 1
        }
        while digits.last == UInt8(ascii: "0") && digits.count > 1 { digits.removeLast() }
        if digits == [UInt8(ascii: "0")] { point = 1 }
        return (digits, point)
    }

    /// %v of a float64: strconv's 'g' with the shortest digits, in exponent form
    /// when the exponent is below -4 or at least 6 (`1e+06`, `1.5e-05`).
    static func general(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Inf" : "+Inf" }
        let (digits, point) = shortestDigits(value)
        let exponent = point - 1
        let sign = value.sign == .minus ? "-" : ""
        if exponent < -4 || exponent >= 6 { return sign + scientific(digits, exponent) }
        return sign + plain(digits, point)
    }

    /// `d.ddde±XX`.
    static func scientific(_ digits: [UInt8], _ exponent: Int, minimumExponentDigits: Int = 2) -> String {
        var text = String(decoding: digits.prefix(1), as: UTF8.self)
        if digits.count > 1 { text += "." + String(decoding: digits.dropFirst(), as: UTF8.self) }
        let magnitude = String(Swift.abs(exponent))
        let padded = String(repeating: "0", count: max(0, minimumExponentDigits - magnitude.count)) + magnitude
        return text + "e" + (exponent < 0 ? "-" : "+") + padded
    }

    static func plain(_ digits: [UInt8], _ point: Int) -> String {
        let text = String(decoding: digits, as: UTF8.self)
        if point <= 0 { return "0." + String(repeating: "0", count: -point) + text }
        if point >= digits.count { return text + String(repeating: "0", count: point - digits.count) }
        let split = text.index(text.startIndex, offsetBy: point)
        return text[..<split] + "." + text[split...]
    }

    /// encoding/json's float64: plain digits, exponent form below 1e-6 or from 1e21 (`1e-7`, `1e+21`).
    static func json(_ value: Double) -> String {
        let (digits, point) = shortestDigits(value)
        let sign = value.sign == .minus && value != 0 ? "-" : ""
        let magnitude = Swift.abs(value)
        if magnitude != 0 && (magnitude < 1e-6 || magnitude >= 1e21) {
            return sign + scientific(digits, point - 1, minimumExponentDigits: 1)
        }
        return sign + plain(digits, point)
    }

    /// %f / %e with a precision, through C's printf, which rounds as Go does.
    static func fixed(_ value: Double, precision: Int, style: Character) -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        let format = "%.\(min(max(precision, 0), 100))\(style)"
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, format, $0) }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
