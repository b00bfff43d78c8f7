// time.ParseInLocation for the layouts templates use: numeric fields, month and
// day names, AM/PM, fractional seconds, numeric zones, `Z` and abbreviations.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

struct GoTimeParseError: Error {
    var message: String
}

struct GoTimeParser {
    var rest: Substring
    var year = 1, month = 1, day = 1, hour = 0, minute = 0, second = 0, nanos = 0
    var isPM: Bool?
    var offset: Int?
    var zoneName: String?

    /// Parses `value` with `layout`; without a zone in the value, the time is in `zone`.
    static func parse(_ value: String, layout: String, zone: GoLocation) throws -> GoTime {
        var parser = GoTimeParser(rest: Substring(value))
        let elements = GoTimeLayout.elements(layout)
        for (position, element) in elements.enumerated() {
            let next = position + 1 < elements.count ? elements[position + 1] : nil
            guard parser.consume(element, next: next) else {
                throw GoTimeParseError(message: "parsing time \"\(value)\" as \"\(layout)\": cannot parse \"\(parser.rest)\"")
            }
        }
        guard parser.rest.isEmpty else {
            throw GoTimeParseError(message: "parsing time \"\(value)\": extra text: \"\(parser.rest)\"")
        }
        return try parser.finish(value: value, zone: zone)
    }

    func finish(value: String, zone: GoLocation) throws -> GoTime {
        var hour = self.hour
        if let isPM {
            if isPM && hour < 12 { hour += 12 } else if !isPM && hour == 12 { hour = 0 }
        }
        guard (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day),
            hour < 24, minute < 60, second < 60
        else { throw GoTimeParseError(message: "parsing time \"\(value)\": value out of range") }
        let local = CivilTime(year: year, month: month, day: day, hour: hour, minute: minute, second: second).localSeconds
        if let offset {
            let instant = GoTime(seconds: local - Int64(offset), nanoseconds: nanos)
            if offset == 0 && zoneName == "UTC" { return instant }
            let inZone = instant.inZone(zone)
            if inZone.offset == offset { return inZone }
            return GoTime(seconds: instant.seconds, nanoseconds: nanos, offset: offset, zone: "")
        }
        if let zoneName {
            // An abbreviation the zone has (in effect then, else at all) takes its
            // offset; `GMT+h` gives h hours; any other is a zone of offset 0.
            if let known = zone.offset(named: zoneName, near: local) {
                return GoTime(seconds: local - Int64(known), nanoseconds: nanos).inZone(zone)
            }
            var offset = 0
            if zoneName.utf8.count > 3, zoneName.hasPrefix("GMT"), let hours = Int(zoneName.dropFirst(3)) { offset = hours * 3600 }
            return GoTime(seconds: local - Int64(offset), nanoseconds: nanos, offset: offset, zone: zoneName)
        }
        // Go's Date: the offset at the wall-clock time read as UTC, corrected
        // when the instant it gives lies in another zone period.
        var unix = local
        let guess = zone.lookup(unix)
        if guess.offset != 0 {
            let utc = unix - Int64(guess.offset)
            unix -= Int64(utc < guess.start || utc >= guess.end ? zone.lookup(utc).offset : guess.offset)
        }
        return GoTime(seconds: unix, nanoseconds: nanos).inZone(zone)
    }

    /// Reads one element; false when the value does not match.
    // One case per layout element.
    mutating func consume(_ element: LayoutElement, next: LayoutElement?) -> Bool {
        switch element {
        case .literal(let text):
            guard rest.hasPrefix(text) else { return false }
            rest = rest.dropFirst(text.count)
        case .longYear:
            guard let value = digits(exactly: 4) else { return false }
            year = value
        case .year:
            guard let value = digits(exactly: 2) else { return false }
            year = value + (value >= 69 ? 1900 : 2000)
        case .longMonth, .month:
            guard let index = name(in: GoTimeLayout.months, short: element == .month) else { return false }
            month = index + 1
        case .longWeekDay, .weekDay:
            guard name(in: GoTimeLayout.weekdays, short: element == .weekDay) != nil else { return false }
        case .numMonth, .zeroMonth:
            guard let value = number(fixed: element == .zeroMonth) else { return false }
            month = value
        case .day, .underDay, .zeroDay:
            if element == .underDay, rest.first == " " { rest = rest.dropFirst() }
            guard let value = number(fixed: element == .zeroDay) else { return false }
            day = value
        case .underYearDay, .zeroYearDay:
            while rest.first == " " { rest = rest.dropFirst() }
            guard digits(upTo: 3) != nil else { return false }
        case .hour, .hour12, .zeroHour12:
            guard let value = number(fixed: element != .hour12) else { return false }
            hour = value
        case .minute, .zeroMinute:
            guard let value = number(fixed: element == .zeroMinute) else { return false }
            minute = value
        case .second, .zeroSecond:
            guard let value = number(fixed: element == .zeroSecond) else { return false }
            second = value
            if case .fraction = next {} else { readOptionalFraction() }
        case .pm(let upper):
            let text = String(rest.prefix(2))
            guard text == (upper ? "PM" : "pm") || text == (upper ? "AM" : "am") else { return false }
            isPM = text.lowercased() == "pm"
            rest = rest.dropFirst(2)
        case .zoneName:
            return readZoneName()
        case .numericZone(let iso, let colon, let seconds, let hoursOnly):
            return readNumericZone(iso: iso, colon: colon, seconds: seconds, hoursOnly: hoursOnly)
        case .fraction(let count, let isFixed, _):
            if isFixed {
                guard let first = rest.first, first == "." || first == "," else { return false }
                rest = rest.dropFirst()
                guard let value = digits(exactly: count) else { return false }
                nanos = value * Int(pow(10.0, Double(9 - min(count, 9))))
            } else {
                readOptionalFraction()
            }
        }
        return true
    }

    mutating func readOptionalFraction() {
        guard let first = rest.first, first == "." || first == ",",
            let digit = rest.dropFirst().first, digit.isASCII, digit.isNumber
        else { return }
        rest = rest.dropFirst()
        var text = ""
        while let character = rest.first, character.isASCII, character.isNumber {
            text.append(character)
            rest = rest.dropFirst()
        }
        let nine = String((text + "000000000").prefix(9))
        nanos = Int(nine) ?? 0
    }

    mutating func readZoneName() -> Bool {
        if rest.hasPrefix("UTC") {
            rest = rest.dropFirst(3)
            zoneName = "UTC"
            offset = 0
            return true
        }
        let letters = rest.prefix { $0.isASCII && $0.isUppercase }
        guard letters.count >= 3 else { return false }
        zoneName = String(letters)
        rest = rest.dropFirst(letters.count)
        return true
    }

    mutating func readNumericZone(iso: Bool, colon: Bool, seconds: Bool, hoursOnly: Bool) -> Bool {
        if iso, rest.first == "Z" {
            rest = rest.dropFirst()
            offset = 0
            zoneName = "UTC"
            return true
        }
        guard let sign = rest.first, sign == "+" || sign == "-" else { return false }
        rest = rest.dropFirst()
        guard let hours = digits(exactly: 2) else { return false }
        var total = hours * 3600
        if !hoursOnly {
            guard !colon || skip(":") else { return false }
            guard let minutes = digits(exactly: 2) else { return false }
            total += minutes * 60
        }
        if seconds {
            guard !colon || skip(":") else { return false }
            guard let value = digits(exactly: 2) else { return false }
            total += value
        }
        offset = sign == "-" ? -total : total
        return true
    }

    /// Consumes `character` if it comes next.
    mutating func skip(_ character: Character) -> Bool {
        guard rest.first == character else { return false }
        rest = rest.dropFirst()
        return true
    }

    mutating func digits(exactly count: Int) -> Int? {
        let prefix = rest.prefix(count)
        guard prefix.count == count, prefix.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        rest = rest.dropFirst(count)
        return Int(prefix)
    }

    mutating func digits(upTo count: Int) -> Int? {
        let prefix = rest.prefix(count).prefix { $0.isASCII && $0.isNumber }
        guard !prefix.isEmpty else { return nil }
        rest = rest.dropFirst(prefix.count)
        return Int(prefix)
    }

    /// Go's getnum: one or two digits, exactly two when `fixed`.
    mutating func number(fixed: Bool) -> Int? {
        let prefix = rest.prefix(2).prefix { $0.isASCII && $0.isNumber }
        guard !prefix.isEmpty, !(fixed && prefix.count < 2) else { return nil }
        rest = rest.dropFirst(prefix.count)
        return Int(prefix)
    }

    mutating func name(in names: [String], short: Bool) -> Int? {
        for (index, full) in names.enumerated() {
            let candidate = short ? String(full.prefix(3)) : full
            if rest.prefix(candidate.count).lowercased() == candidate.lowercased() {
                rest = rest.dropFirst(candidate.count)
                return index
            }
        }
        return nil
    }
}
