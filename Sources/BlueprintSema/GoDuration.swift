// Go's time.ParseDuration, ported byte for byte (units ns, us, µs, μs, ms, s,
// m, h; a sign; fractions; "0" alone), with Go's error messages.

public enum GoDuration {
    /// Nanoseconds per unit, as Go's `unitMap`.
    static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "\u{B5}s": 1_000, "\u{3BC}s": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// The duration in nanoseconds, or Go's error message.
    public static func parse(_ text: String) -> Result<Int64, GoDurationError> {
        let bytes = Array(text.utf8)
        let invalid = GoDurationError(message: "time: invalid duration " + quote(text))
        var index = 0
        var isNegative = false
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            isNegative = first == UInt8(ascii: "-")
            index = 1
        }
        if bytes.count - index == 1, bytes[index] == UInt8(ascii: "0") { return .success(0) }
        if index == bytes.count { return .failure(invalid) }
        var total: UInt64 = 0
        let limit: UInt64 = 1 << 63
        while index < bytes.count {
            guard isDigitOrDot(bytes[index]) else { return .failure(invalid) }
            let integerStart = index
            guard let whole = leadingInt(bytes, &index) else { return .failure(invalid) }
            let hasWhole = index != integerStart
            var fraction: UInt64 = 0
            var scale = 1.0
            var hasFraction = false
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                let fractionStart = index
                (fraction, scale) = leadingFraction(bytes, &index)
                hasFraction = index != fractionStart
            }
            guard hasWhole || hasFraction else { return .failure(invalid) }
            let unitStart = index
            while index < bytes.count, !isDigitOrDot(bytes[index]) { index += 1 }
            guard index > unitStart else {
                return .failure(GoDurationError(message: "time: missing unit in duration " + quote(text)))
            }
            let unitText = String(decoding: bytes[unitStart..<index], as: UTF8.self)
            guard let unit = units[unitText] else {
                let message = "time: unknown unit " + quote(unitText) + " in duration " + quote(text)
                return .failure(GoDurationError(message: message))
            }
            if whole > limit / unit { return .failure(invalid) }
            var value = whole * unit
            if fraction > 0 {
                // Go converts with float64 here; the product is at most 3.6e12 (one hour).
                value += UInt64(Double(fraction) * (Double(unit) / scale))
                if value > limit { return .failure(invalid) }
            }
            total += value
            if total > limit { return .failure(invalid) }
        }
        if isNegative { return .success(total == limit ? Int64.min : -Int64(total)) }
        if total > limit - 1 { return .failure(invalid) }
        return .success(Int64(total))
    }

    /// The time package's own quote: `"` and `\` escaped, other bytes below
    /// 0x20 or above 0x7F written as `\xHH`.
    static func quote(_ text: String) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var out: [UInt8] = [UInt8(ascii: "\"")]
        for byte in text.utf8 {
            if byte >= 0x80 || byte < 0x20 {
                out += [UInt8(ascii: "\\"), UInt8(ascii: "x"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            } else {
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { out.append(UInt8(ascii: "\\")) }
                out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }

    static func isDigitOrDot(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// Go's leadingInt: the digits at `index` (moved past them), nil on overflow.
    static func leadingInt(_ bytes: [UInt8], _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            if value > (1 << 63) / 10 { return nil }
            value = value * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
            if value > 1 << 63 { return nil }
            index += 1
        }
        return value
    }

    /// Go's leadingFraction: digits past the point, the first ones that fit, and their scale.
    static func leadingFraction(_ bytes: [UInt8], _ index: inout Int) -> (UInt64, Double) {
        var value: UInt64 = 0
        var scale = 1.0
        var overflowed = false
        while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) {
            defer { index += 1 }
            if overflowed { continue }
            if value > ((1 << 63) - 1) / 10 {
                overflowed = true
                continue
            }
            let next = value * 10 + UInt64(bytes[index] - UInt8(ascii: "0"))
            if next > 1 << 63 {
                overflowed = true
                continue
            }
            value = next
            scale *= 10
        }
        return (value, scale)
    }
}

/// Why Go's time.ParseDuration rejects a text, in Go's words.
public struct GoDurationError: Error, Equatable, Sendable {
    public var message: String
}
