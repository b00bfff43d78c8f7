// Go's time.Time as templates use it: an instant (Unix seconds and nanoseconds)
// with a zone offset and abbreviation, civil-date arithmetic, and Time.String().

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct GoTime: Sendable, Equatable {
    public var seconds: Int64
    public var nanoseconds: Int
    /// Seconds east of UTC, and the zone's abbreviation (`UTC`, `CET`, `+0100`).
    public var offset: Int
    public var zone: String

    public init(seconds: Int64, nanoseconds: Int = 0, offset: Int = 0, zone: String = "UTC") {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
        self.offset = offset
        self.zone = zone
    }

    /// Go's zero Time: January 1, year 1, 00:00:00 UTC.
    public static let zero = GoTime(seconds: -62_135_596_800)

    public var isZero: Bool { seconds == GoTime.zero.seconds && nanoseconds == 0 }

    public static func now() -> GoTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return GoTime(seconds: Int64(spec.tv_sec), nanoseconds: Int(spec.tv_nsec)).inLocalZone()
    }

    /// The same instant in the machine's zone (Go's time.Local).
    public func inLocalZone() -> GoTime { inZone(.local) }

    /// The same instant in `location` (Go's Time.In).
    public func inZone(_ location: GoLocation) -> GoTime {
        let zone = location.lookup(seconds)
        return GoTime(seconds: seconds, nanoseconds: nanoseconds, offset: zone.offset, zone: zone.name.isEmpty ? GoTime.numericZone(zone.offset) : zone.name)
    }

    static func numericZone(_ offset: Int) -> String {
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return sign + pad(minutes / 60, 2) + pad(minutes % 60, 2)
    }

    /// The wall clock in the time's own zone.
    var civil: CivilTime { CivilTime(localSeconds: seconds + Int64(offset)) }

    /// Time.Format with a Go reference-time layout.
    public func format(_ layout: String) -> String { GoTimeLayout.format(self, layout: layout) }

    /// Time.String(): `2006-01-02 15:04:05.999999999 -0700 MST`.
    public var goDescription: String {
        GoTimeLayout.format(self, layout: "2006-01-02 15:04:05.999999999 -0700 MST")
    }
}

/// A broken-down wall-clock time.
struct CivilTime: Equatable {
    var year: Int
    var month: Int
    var day: Int
    var hour: Int
    var minute: Int
    var second: Int

    init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    init(localSeconds: Int64) {
        let days = Int(floorDivide(localSeconds, 86_400))
        let rest = Int(localSeconds - Int64(days) * 86_400)
        let (year, month, day) = CivilTime.civil(fromDays: days)
        self.init(year: year, month: month, day: day, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
    }

    /// Seconds since the epoch of this wall-clock time read as UTC.
    var localSeconds: Int64 {
        Int64(CivilTime.days(year: year, month: month, day: day)) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    /// 0 is Sunday.
    var weekday: Int {
        let days = CivilTime.days(year: year, month: month, day: day)
        return ((days % 7) + 11) % 7
    }

    var yearDay: Int { CivilTime.days(year: year, month: month, day: day) - CivilTime.days(year: year, month: 1, day: 1) + 1 }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shifted = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shifted + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(fromDays days: Int) -> (Int, Int, Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shifted + 2) / 5 + 1
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
}

func pad(_ value: Int, _ width: Int, with filler: Character = "0") -> String {
    let digits = String(abs(value))
    let padding = String(repeating: filler, count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + padding + digits
}
