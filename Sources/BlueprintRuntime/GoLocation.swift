// Go's time.Location for templates: UTC, the machine's zone (time.Local, from $TZ
// or /etc/localtime) and zones loaded by name from the zoneinfo files, read as Go
// reads them (TZif), so no ICU is needed.

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct GoLocation: Sendable, Equatable {
    struct Zone: Sendable, Equatable {
        var name: String
        var offset: Int
        var isDST: Bool
    }

    /// The location's name (`UTC`, `Local`, `Europe/Berlin`).
    public var name: String
    var zones: [Zone] = []
    /// Transition instants (Unix seconds, increasing) and the zone each starts.
    var transitions: [(at: Int64, zone: Int)] = []

    public static func == (a: GoLocation, b: GoLocation) -> Bool {
        a.name == b.name && a.zones == b.zones && a.transitions.map(\.at) == b.transitions.map(\.at)
            && a.transitions.map(\.zone) == b.transitions.map(\.zone)
    }

    public static let utc = GoLocation(name: "UTC")

    /// time.Local: `$TZ` unset is /etc/localtime, empty or `UTC` is UTC, `:name`
    /// and `name` a zoneinfo file or an absolute path; an unreadable zone is UTC.
    public static let local: GoLocation = {
        let variable = getenv("TZ").map { String(cString: $0) }
        guard var zone = variable else {
            guard var location = GoLocation.read(path: "/etc/localtime", name: "Local") else { return .utc }
            location.name = "Local"
            return location
        }
        if zone.hasPrefix(":") { zone.removeFirst() }
        if zone.hasPrefix("/") { return GoLocation.read(path: zone, name: zone == "/etc/localtime" ? "Local" : zone) ?? .utc }
        guard !zone.isEmpty, zone != "UTC" else { return .utc }
        return GoLocation.load(zone) ?? .utc
    }()

    /// time.LoadLocation: `` and `UTC` are UTC, `Local` is `local`, else a zoneinfo
    /// file by name (nil when there is none or the name leaves the zoneinfo tree).
    public static func load(_ name: String) -> GoLocation? {
        if name.isEmpty || name == "UTC" { return .utc }
        if name == "Local" { return .local }
        guard !name.hasPrefix("/"), !name.split(separator: "/").contains(".."), !name.contains("\\") else { return nil }
        var directories = ["/usr/share/zoneinfo/", "/usr/share/lib/zoneinfo/", "/usr/lib/locale/TZ/", "/etc/zoneinfo/"]
        if let variable = getenv("ZONEINFO").map({ String(cString: $0) }), !variable.isEmpty { directories.insert(variable + "/", at: 0) }
        for directory in directories {
            if let location = read(path: directory + name, name: name) { return location }
        }
        return nil
    }

    static func read(path: String, name: String) -> GoLocation? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let bytes = Descriptor.readAll(descriptor), bytes.count < 1 << 20 else { return nil }
        return parse(bytes, name: name)
    }

    /// A TZif file (RFC 8536): the 64-bit data of version 2 and later, else the 32-bit data.
    static func parse(_ bytes: [UInt8], name: String) -> GoLocation? {
        var reader = TZifReader(bytes: bytes)
        guard let header = reader.header() else { return nil }
        var counts = header.counts
        var timeSize = 4
        if header.version >= 2 {
            reader.skip(counts.dataSize(timeSize: 4))
            guard let second = reader.header() else { return nil }
            counts = second.counts
            timeSize = 8
        }
        var times: [Int64] = []
        for _ in 0..<counts.times {
            guard let time = timeSize == 8 ? reader.int64() : reader.int32().map(Int64.init) else { return nil }
            times.append(time)
        }
        var indexes: [Int] = []
        for _ in 0..<counts.times {
            guard let index = reader.byte(), Int(index) < counts.types else { return nil }
            indexes.append(Int(index))
        }
        var raw: [(offset: Int, isDST: Bool, nameIndex: Int)] = []
        for _ in 0..<counts.types {
            guard let offset = reader.int32(), let isDST = reader.byte(), let nameIndex = reader.byte() else { return nil }
            raw.append((Int(offset), isDST != 0, Int(nameIndex)))
        }
        guard let names = reader.take(counts.characters).map(Array.init) else { return nil }
        var zones: [Zone] = []
        for entry in raw {
            guard entry.nameIndex <= names.count else { return nil }
            let tail = names[entry.nameIndex...]
            let end = tail.firstIndex(of: 0) ?? tail.endIndex
            zones.append(Zone(name: String(decoding: tail[..<end], as: UTF8.self), offset: entry.offset, isDST: entry.isDST))
        }
        guard !zones.isEmpty else { return nil }
        return GoLocation(name: name, zones: zones, transitions: Array(zip(times, indexes)).map { (at: $0.0, zone: $0.1) })
    }

    /// The zone in effect at `seconds`: its abbreviation, offset, and the instants
    /// it starts and ends (Go's Location.lookup; after the last transition the last
    /// zone stays, where Go would follow the file's TZ rule).
    func lookup(_ seconds: Int64) -> (name: String, offset: Int, start: Int64, end: Int64) {
        guard !zones.isEmpty else { return ("UTC", 0, Int64.min, Int64.max) }
        guard let first = transitions.first, seconds >= first.at else {
            let zone = zones[firstZone()]
            return (zone.name, zone.offset, Int64.min, transitions.first?.at ?? Int64.max)
        }
        var low = 0
        var high = transitions.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if seconds < transitions[middle].at { high = middle } else { low = middle }
        }
        let zone = zones[transitions[low].zone]
        let end = low + 1 < transitions.count ? transitions[low + 1].at : Int64.max
        return (zone.name, zone.offset, transitions[low].at, end)
    }

    /// Go's lookupFirstZone: before the first transition, the first standard-time zone.
    private func firstZone() -> Int {
        if let first = transitions.first, zones[first.zone].isDST {
            for index in stride(from: first.zone - 1, through: 0, by: -1) where !zones[index].isDST { return index }
        }
        return zones.firstIndex { !$0.isDST } ?? 0
    }

    /// Go's lookupName: the offset of the zone called `abbreviation`, preferring one
    /// in effect around `seconds` (a wall-clock time read as UTC).
    func offset(named abbreviation: String, near seconds: Int64) -> Int? {
        for zone in zones where zone.name == abbreviation && lookup(seconds - Int64(zone.offset)).name == zone.name {
            return zone.offset
        }
        return zones.first { $0.name == abbreviation }?.offset
    }
}

/// Big-endian fields of a TZif file.
private struct TZifReader {
    struct Counts {
        var utIndicators = 0, standardIndicators = 0, leaps = 0, times = 0, types = 0, characters = 0

        func dataSize(timeSize: Int) -> Int {
            times * timeSize + times + types * 6 + characters + leaps * (timeSize + 4) + standardIndicators + utIndicators
        }
    }

    let bytes: [UInt8]
    var position = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func header() -> (version: Int, counts: Counts)? {
        guard position + 44 <= bytes.count, bytes[position..<position + 4].elementsEqual("TZif".utf8) else { return nil }
        let versionByte = bytes[position + 4]
        position += 20
        var values: [Int] = []
        for _ in 0..<6 {
            guard let value = int32(), value >= 0 else { return nil }
            values.append(Int(value))
        }
        let counts = Counts(
            utIndicators: values[0], standardIndicators: values[1], leaps: values[2], times: values[3], types: values[4],
            characters: values[5])
        return (versionByte == 0 ? 1 : Int(versionByte) - 0x30, counts)
    }

    mutating func skip(_ count: Int) { position += count }

    mutating func byte() -> UInt8? {
        guard position < bytes.count else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, position + count <= bytes.count else { return nil }
        defer { position += count }
        return bytes[position..<position + count]
    }

    mutating func int32() -> Int32? {
        guard let field = take(4) else { return nil }
        return Int32(bitPattern: field.reduce(0) { $0 << 8 | UInt32($1) })
    }

    mutating func int64() -> Int64? {
        guard let field = take(8) else { return nil }
        return Int64(bitPattern: field.reduce(0) { $0 << 8 | UInt64($1) })
    }
}
