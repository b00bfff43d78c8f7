// Go's readings of scalar text that Kanister's argument decoding goes through:
// strconv.ParseBool, strconv.Atoi, and a float64 printed as WeakDecode prints it.

public enum GoBool {
    /// strconv.ParseBool: nil for any text Go rejects.
    public static func parse(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }
}

extension GoInteger {
    /// strconv.Atoi: an optional sign and decimal digits (no spaces, no
    /// underscores, no base prefix), within Int64.
    public static func atoi(_ text: String) -> Int64? {
        var digits = text.utf8[...]
        var isNegative = false
        if let sign = digits.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            isNegative = sign == UInt8(ascii: "-")
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty else { return nil }
        var magnitude: UInt64 = 0
        for byte in digits {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            let (times, overflow) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times.addingReportingOverflow(UInt64(byte - UInt8(ascii: "0")))
            guard !overflow, !carry else { return nil }
            magnitude = sum
        }
        if isNegative { return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }
}

public enum GoFloat {
    /// The text of a float64 as WeakDecode writes it into a string
    /// (strconv.FormatFloat(f, 'f', -1, 64): shortest digits, never an exponent).
    public static func formatted(_ text: String) -> String? {
        guard let value = Double(text), value.isFinite else { return nil }
        // Swift's description has the same shortest digits, sometimes with an exponent.
        var description = value.description
        var isNegative = false
        if description.hasPrefix("-") {
            isNegative = true
            description.removeFirst()
        }
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(description[description.index(after: e)...]) ?? 0
            description = String(description[..<e])
        }
        let parts = description.split(separator: ".", omittingEmptySubsequences: false)
        let whole = parts.first.map(String.init) ?? ""
        let fraction = parts.count > 1 ? String(parts[1]) : ""
        var digits = whole + fraction
        var point = whole.count + exponent
        while point < 1 {
            digits = "0" + digits
            point += 1
        }
        while digits.count < point { digits += "0" }
        var integerPart = String(digits.prefix(point))
        var fractionPart = String(digits.dropFirst(point))
        while fractionPart.hasSuffix("0") { fractionPart.removeLast() }
        while integerPart.count > 1, integerPart.hasPrefix("0") { integerPart.removeFirst() }
        let body = fractionPart.isEmpty ? integerPart : integerPart + "." + fractionPart
        return (isNegative ? "-" : "") + body
    }
}
