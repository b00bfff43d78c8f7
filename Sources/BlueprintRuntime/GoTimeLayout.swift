// Go's reference-time layouts ("2006-01-02T15:04:05Z07:00"): splitting a layout
// into elements as time.nextStdChunk does, formatting a GoTime, and parsing.

import FoundationEssentials

enum LayoutElement: Equatable {
    case literal(String)
    case longMonth, month, numMonth, zeroMonth
    case longWeekDay, weekDay
    case day, underDay, zeroDay, underYearDay, zeroYearDay
    case hour, hour12, zeroHour12, minute, zeroMinute, second, zeroSecond
    case longYear, year
    case pm(upper: Bool)
    case zoneName
    /// Numeric zones: `iso` writes `Z` for UTC; `colon` separates; `seconds` adds seconds; `hoursOnly` is `-07`.
    case numericZone(iso: Bool, colon: Bool, seconds: Bool, hoursOnly: Bool)
    /// `.000` (fixed digits) or `.999` (trailing zeros trimmed); `separator` is `.` or `,`.
    case fraction(digits: Int, isFixed: Bool, separator: Character)
}

enum GoTimeLayout {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    static let weekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    /// The layout as elements, like repeated calls of Go's nextStdChunk.
    static func elements(_ layout: String) -> [LayoutElement] {
        let bytes = Array(layout.utf8)
        var result: [LayoutElement] = []
        var literalStart = 0
        var index = 0
        while index < bytes.count {
            guard let (element, length) = element(in: bytes, at: index) else {
                index += 1
                continue
            }
            if literalStart < index { result.append(.literal(String(decoding: bytes[literalStart..<index], as: UTF8.self))) }
            result.append(element)
            index += length
            literalStart = index
        }
        if literalStart < bytes.count { result.append(.literal(String(decoding: bytes[literalStart...], as: UTF8.self))) }
        return result
    }

    // The dispatch table of layout elements (longer than 60 lines by nature).
    static func element(in b: [UInt8], at i: Int) -> (LayoutElement, Int)? {
        func has(_ text: String, at offset: Int = i) -> Bool {
            let pattern = Array(text.utf8)
            return offset + pattern.count <= b.count && Array(b[offset..<offset + pattern.count]) == pattern
        }
        func startsLower(_ offset: Int) -> Bool { offset < b.count && b[offset] >= 0x61 && b[offset] <= 0x7A }
        func isDigit(_ offset: Int) -> Bool { offset < b.count && b[offset] >= 0x30 && b[offset] <= 0x39 }
        switch b[i] {
        case UInt8(ascii: "J"):
            if has("January") { return (.longMonth, 7) }
            if has("Jan"), !startsLower(i + 3) { return (.month, 3) }
        case UInt8(ascii: "M"):
            if has("Monday") { return (.longWeekDay, 6) }
            if has("Mon"), !startsLower(i + 3) { return (.weekDay, 3) }
            if has("MST") { return (.zoneName, 3) }
        case UInt8(ascii: "0"):
            if i + 1 < b.count, (0x31...0x36).contains(b[i + 1]) {
                let table: [LayoutElement] = [.zeroMonth, .zeroDay, .zeroHour12, .zeroMinute, .zeroSecond, .year]
                return (table[Int(b[i + 1] - 0x31)], 2)
            }
            if has("002") { return (.zeroYearDay, 3) }
        case UInt8(ascii: "1"):
            return has("15") ? (.hour, 2) : (.numMonth, 1)
        case UInt8(ascii: "2"):
            return has("2006") ? (.longYear, 4) : (.day, 1)
        case UInt8(ascii: "_"):
            if has("_2") { return has("_2006") ? nil : (.underDay, 2) }
            if has("__2") { return (.underYearDay, 3) }
        case UInt8(ascii: "3"): return (.hour12, 1)
        case UInt8(ascii: "4"): return (.minute, 1)
        case UInt8(ascii: "5"): return (.second, 1)
        case UInt8(ascii: "P"): if has("PM") { return (.pm(upper: true), 2) }
        case UInt8(ascii: "p"): if has("pm") { return (.pm(upper: false), 2) }
        case UInt8(ascii: "-"), UInt8(ascii: "Z"):
            let iso = b[i] == UInt8(ascii: "Z")
            let mark = iso ? "Z" : "-"
            if has(mark + "070000") { return (.numericZone(iso: iso, colon: false, seconds: true, hoursOnly: false), 7) }
            if has(mark + "07:00:00") { return (.numericZone(iso: iso, colon: true, seconds: true, hoursOnly: false), 9) }
            if has(mark + "0700") { return (.numericZone(iso: iso, colon: false, seconds: false, hoursOnly: false), 5) }
            if has(mark + "07:00") { return (.numericZone(iso: iso, colon: true, seconds: false, hoursOnly: false), 6) }
            if has(mark + "07") { return (.numericZone(iso: iso, colon: false, seconds: false, hoursOnly: true), 3) }
        case UInt8(ascii: "."), UInt8(ascii: ","):
            guard i + 1 < b.count, b[i + 1] == UInt8(ascii: "0") || b[i + 1] == UInt8(ascii: "9") else { return nil }
            var end = i + 1
            while end < b.count, b[end] == b[i + 1] { end += 1 }
            guard !isDigit(end) else { return nil }
            let separator: Character = b[i] == UInt8(ascii: ".") ? "." : ","
            return (.fraction(digits: end - i - 1, isFixed: b[i + 1] == UInt8(ascii: "0"), separator: separator), end - i)
        default:
            return nil
        }
        return nil
    }

    static func format(_ time: GoTime, layout: String) -> String {
        let civil = time.civil
        var out = ""
        for element in elements(layout) {
            out += format(element, time, civil)
        }
        return out
    }

    // One case per layout element.
    static func format(_ element: LayoutElement, _ time: GoTime, _ c: CivilTime) -> String {
        switch element {
        case .literal(let text): return text
        case .longMonth: return months[c.month - 1]
        case .month: return String(months[c.month - 1].prefix(3))
        case .numMonth: return String(c.month)
        case .zeroMonth: return pad(c.month, 2)
        case .longWeekDay: return weekdays[c.weekday]
        case .weekDay: return String(weekdays[c.weekday].prefix(3))
        case .day: return String(c.day)
        case .underDay: return pad(c.day, 2, with: " ")
        case .zeroDay: return pad(c.day, 2)
        case .underYearDay: return pad(c.yearDay, 3, with: " ")
        case .zeroYearDay: return pad(c.yearDay, 3)
        case .hour: return pad(c.hour, 2)
        case .hour12: return String(c.hour % 12 == 0 ? 12 : c.hour % 12)
        case .zeroHour12: return pad(c.hour % 12 == 0 ? 12 : c.hour % 12, 2)
        case .minute: return String(c.minute)
        case .zeroMinute: return pad(c.minute, 2)
        case .second: return String(c.second)
        case .zeroSecond: return pad(c.second, 2)
        case .longYear: return pad(c.year, 4)
        case .year: return pad(c.year % 100, 2)
        case .pm(let upper): return c.hour >= 12 ? (upper ? "PM" : "pm") : (upper ? "AM" : "am")
        case .zoneName: return time.zone.isEmpty ? GoTime.numericZone(time.offset) : time.zone
        case .numericZone(let iso, let colon, let seconds, let hoursOnly):
            if iso && time.offset == 0 { return "Z" }
            let magnitude = abs(time.offset)
            var text = (time.offset < 0 ? "-" : "+") + pad(magnitude / 3600, 2)
            if !hoursOnly { text += (colon ? ":" : "") + pad(magnitude / 60 % 60, 2) }
            if seconds { text += (colon ? ":" : "") + pad(magnitude % 60, 2) }
            return text
        case .fraction(let digits, let isFixed, let separator):
            var text = String(pad(time.nanoseconds, 9).prefix(digits))
            if !isFixed {
                while text.hasSuffix("0") { text.removeLast() }
                if text.isEmpty { return "" }
            }
            return String(separator) + text
        }
    }
}
