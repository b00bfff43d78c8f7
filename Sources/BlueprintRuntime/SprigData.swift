// sprig v2 list, dict, math, date and path functions, and the function table
// (`TemplateLibrary.kanister`) the runtime renders Kanister templates with.

import FoundationEssentials

public enum TemplateLibrary {
    /// Go builtins plus the sprig functions bpc implements; `derivePassword` fails as
    /// in Kanister's FIPS build. Names sprig has but bpc lacks fail when called.
    public static func kanister() -> [String: TemplateFunction] {
        var table: [String: TemplateFunction] = [:]
        GoBuiltins.register(into: &table)
        SprigStrings.register(into: &table)
        SprigData.register(into: &table)
        SprigRegex.register(into: &table)
        SprigDates.register(into: &table)
        table["derivePassword"] = { _ in throw TemplateFunctionError("derivePassword is disabled (FIPS)") }
        return table
    }
}

enum SprigData {
    typealias Table = [String: TemplateFunction]

    static func list(_ value: TemplateValue) throws -> [TemplateValue] {
        switch value {
        case .list(let items): return items
        case .null: return []
        default: throw TemplateFunctionError("Cannot find first on type \(value.goTypeName)")
        }
    }

    static func register(into table: inout Table) {
        registerMath(into: &table)
        registerLists(into: &table)
        registerDicts(into: &table)
        table["base"] = SprigStrings.unary(GoPath.base)
        table["dir"] = SprigStrings.unary(GoPath.dir)
        table["ext"] = SprigStrings.unary(GoPath.ext)
        table["clean"] = SprigStrings.unary(GoPath.clean)
        table["isAbs"] = { values in
            try Argument.count(values, 1)
            return .bool(try Argument.string(values[0]).hasPrefix("/"))
        }
        table["env"] = SprigStrings.unary { ProcessInfo.processInfo.environment[$0] ?? "" }
        table["typeOf"] = { values in .string(values.first?.goTypeName ?? "<nil>") }
        table["kindOf"] = { values in .string(values.first?.goKindName ?? "invalid") }
        table["kindIs"] = { values in
            try Argument.count(values, 2)
            return .bool(try Argument.string(values[0]) == values[1].goKindName)
        }
        table["typeIs"] = { values in
            try Argument.count(values, 2)
            return .bool(try Argument.string(values[0]) == values[1].goTypeName)
        }
        table["deepEqual"] = { values in
            try Argument.count(values, 2)
            return .bool(values[0] == values[1])
        }
        table["uuidv4"] = { _ in .string(UUID().uuidString.lowercased()) }
    }

    static func integers(_ body: @escaping @Sendable ([Int]) throws -> Int) -> TemplateFunction {
        { values in .int(try body(values.map(Argument.castInt))) }
    }

    static func registerMath(into table: inout Table) {
        table["add"] = integers { $0.reduce(0, &+) }
        table["mul"] = integers { $0.reduce(1, &*) }
        table["add1"] = integers { ($0.first ?? 0) &+ 1 }
        table["sub"] = integers { numbers in
            guard numbers.count == 2 else { throw TemplateFunctionError("wrong number of args: want 2 got \(numbers.count)") }
            return numbers[0] &- numbers[1]
        }
        table["div"] = integers { numbers in
            guard numbers.count == 2 else { throw TemplateFunctionError("wrong number of args: want 2 got \(numbers.count)") }
            guard numbers[1] != 0 else { throw TemplateFunctionError("runtime error: integer divide by zero") }
            return numbers[0] / numbers[1]
        }
        table["mod"] = integers { numbers in
            guard numbers.count == 2 else { throw TemplateFunctionError("wrong number of args: want 2 got \(numbers.count)") }
            guard numbers[1] != 0 else { throw TemplateFunctionError("runtime error: integer divide by zero") }
            return numbers[0] % numbers[1]
        }
        table["max"] = integers { $0.max() ?? 0 }
        table["min"] = integers { $0.min() ?? 0 }
        table["floor"] = { values in .float(Argument.castFloat(values.first ?? .null).rounded(.down)) }
        table["ceil"] = { values in .float(Argument.castFloat(values.first ?? .null).rounded(.up)) }
        table["until"] = { values in
            try Argument.count(values, 1)
            let count = try Argument.int(values[0])
            return .list(count >= 0 ? (0..<count).map { .int($0) } : stride(from: 0, to: count, by: -1).map { .int($0) })
        }
    }

    static func registerLists(into table: inout Table) {
        table["list"] = { .list($0) }
        table["tuple"] = table["list"]
        table["first"] = { values in try list(values.first ?? .null).first ?? .null }
        table["last"] = { values in try list(values.first ?? .null).last ?? .null }
        table["rest"] = { values in .list(Array(try list(values.first ?? .null).dropFirst())) }
        table["initial"] = { values in .list(Array(try list(values.first ?? .null).dropLast())) }
        table["reverse"] = { values in .list(try list(values.first ?? .null).reversed()) }
        table["append"] = { values in
            try Argument.count(values, 2)
            return .list(try list(values[0]) + [values[1]])
        }
        table["push"] = table["append"]
        table["prepend"] = { values in
            try Argument.count(values, 2)
            return .list([values[1]] + (try list(values[0])))
        }
        table["concat"] = { values in .list(try values.flatMap { try list($0) }) }
        table["has"] = { values in
            try Argument.count(values, 2)
            return .bool(try list(values[1]).contains(values[0]))
        }
        table["uniq"] = { values in
            var seen: [TemplateValue] = []
            for item in try list(values.first ?? .null) where !seen.contains(item) { seen.append(item) }
            return .list(seen)
        }
        table["compact"] = { values in .list(try list(values.first ?? .null).filter { !$0.isEmptyForSprig }) }
        table["without"] = { values in
            try Argument.atLeast(values, 1)
            let removed = values.dropFirst()
            return .list(try list(values[0]).filter { !removed.contains($0) })
        }
        table["sortAlpha"] = { values in
            let sorted = SprigStrings.stringList(values.first ?? .null).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            return .list(sorted.map { .string($0) })
        }
        table["slice"] = { values in
            try Argument.atLeast(values, 1)
            let items = try list(values[0])
            let start = values.count > 1 ? Argument.castInt(values[1]) : 0
            let end = values.count > 2 ? Argument.castInt(values[2]) : items.count
            guard start >= 0, start <= end, end <= items.count else { throw TemplateFunctionError("slice bounds out of range [\(start):\(end)]") }
            return .list(Array(items[start..<end]))
        }
    }

    static func dictionary(_ value: TemplateValue) throws -> TemplateMap {
        guard case .map(let map) = value, !map.kind.isRecord else {
            throw TemplateFunctionError("wrong type for value; expected map[string]interface {}; got \(value.goTypeName)")
        }
        return map
    }

    static func registerDicts(into table: inout Table) {
        table["dict"] = { values in
            var entries: [String: TemplateValue] = [:]
            for index in stride(from: 0, to: values.count, by: 2) {
                entries[values[index].sprigString] = index + 1 < values.count ? values[index + 1] : .string("")
            }
            return .object(entries)
        }
        table["hasKey"] = { values in
            try Argument.count(values, 2)
            return .bool(try dictionary(values[0]).entries[try Argument.string(values[1])] != nil)
        }
        table["keys"] = { values in .list(try values.flatMap { try dictionary($0).entries.keys.map { TemplateValue.string($0) } }) }
        table["values"] = { values in
            try Argument.count(values, 1)
            let map = try dictionary(values[0])
            return .list(map.entries.keys.sorted().compactMap { map.entries[$0] })
        }
        table["pluck"] = { values in
            try Argument.atLeast(values, 1)
            let key = try Argument.string(values[0])
            return .list(try values.dropFirst().compactMap { try dictionary($0).entries[key] })
        }
        table["set"] = { values in
            try Argument.count(values, 3)
            var map = try dictionary(values[0])
            map.entries[try Argument.string(values[1])] = values[2]
            return .map(map)
        }
        table["unset"] = { values in
            try Argument.count(values, 2)
            var map = try dictionary(values[0])
            map.entries[try Argument.string(values[1])] = nil
            return .map(map)
        }
        table["pick"] = { values in
            try Argument.atLeast(values, 1)
            let map = try dictionary(values[0])
            let names = Set(values.dropFirst().map(\.sprigString))
            return .map(TemplateMap(kind: map.kind, entries: map.entries.filter { names.contains($0.key) }))
        }
        table["omit"] = { values in
            try Argument.atLeast(values, 1)
            let map = try dictionary(values[0])
            let names = Set(values.dropFirst().map(\.sprigString))
            return .map(TemplateMap(kind: map.kind, entries: map.entries.filter { !names.contains($0.key) }))
        }
    }
}

enum SprigDates {
    /// sprig's formatDate: times, and integers as Unix seconds; anything else is now.
    static func time(_ value: TemplateValue) -> GoTime {
        switch value {
        case .time(let time): return time
        case .int(let seconds): return GoTime(seconds: Int64(seconds))
        default: return GoTime.now()
        }
    }

    static func register(into table: inout [String: TemplateFunction]) {
        table["now"] = { _ in .time(GoTime.now()) }
        table["date"] = { values in
            try Argument.count(values, 2)
            return .string(GoTimeLayout.format(time(values[1]).inLocalZone(), layout: try Argument.string(values[0])))
        }
        table["htmlDate"] = { values in
            try Argument.count(values, 1)
            return .string(GoTimeLayout.format(time(values[0]).inLocalZone(), layout: "2006-01-02"))
        }
        table["dateInZone"] = { values in
            try Argument.count(values, 3)
            let zone = GoLocation.load(try Argument.string(values[2])) ?? .utc
            return .string(GoTimeLayout.format(time(values[1]).inZone(zone), layout: try Argument.string(values[0])))
        }
        table["date_in_zone"] = table["dateInZone"]
        table["toDate"] = { values in
            try Argument.count(values, 2)
            let parsed = try? GoTimeParser.parse(try Argument.string(values[1]), layout: try Argument.string(values[0]), zone: .local)
            return .time(parsed ?? GoTime.zero)
        }
        table["unixEpoch"] = { values in
            try Argument.count(values, 1)
            guard case .time(let time) = values[0] else {
                throw TemplateFunctionError("wrong type for value; expected time.Time; got \(values[0].goTypeName)")
            }
            return .string(String(time.seconds))
        }
    }
}
