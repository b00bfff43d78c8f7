// Go's text/template builtins (index, len, not, eq, ne, lt, le, gt, ge, print,
// printf, println, html, urlquery) and the argument checks every function shares.

import BlueprintSema
import FoundationEssentials

/// Argument conversions as Go's text/template applies them to typed parameters.
enum Argument {
    static func count(_ values: [TemplateValue], _ expected: Int) throws {
        guard values.count == expected else {
            throw TemplateFunctionError("wrong number of args: want \(expected) got \(values.count)")
        }
    }

    static func atLeast(_ values: [TemplateValue], _ minimum: Int) throws {
        guard values.count >= minimum else {
            throw TemplateFunctionError("wrong number of args: want at least \(minimum) got \(values.count)")
        }
    }

    static func string(_ value: TemplateValue) throws -> String {
        guard let text = value.stringValue else {
            throw TemplateFunctionError("wrong type for value; expected string; got \(value.goTypeName)")
        }
        return text
    }

    static func int(_ value: TemplateValue) throws -> Int {
        guard case .int(let number) = value else {
            throw TemplateFunctionError("wrong type for value; expected int; got \(value.goTypeName)")
        }
        return number
    }

    /// spf13/cast's ToInt64 as sprig uses it: strings are parsed (0 on failure), floats truncated.
    static func castInt(_ value: TemplateValue) -> Int {
        switch value {
        case .int(let number): return number
        case .float(let number): return number.isFinite ? Int(clamping: Int64(exactly: number.rounded(.towardZero)) ?? 0) : 0
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text): return GoInteger.parse(text).flatMap { Int(exactly: $0) } ?? 0
        default: return 0
        }
    }

    static func castFloat(_ value: TemplateValue) -> Double {
        switch value {
        case .int(let number): return Double(number)
        case .float(let number): return number
        case .bool(let flag): return flag ? 1 : 0
        case .string(let text): return Double(text) ?? 0
        default: return 0
        }
    }
}

enum GoBuiltins {
    static func register(into table: inout [String: TemplateFunction]) {
        table["index"] = { try index($0) }
        table["len"] = { values in
            try Argument.count(values, 1)
            switch values[0] {
            case .string(let text): return .int(text.utf8.count)
            case .bytes(let bytes): return .int(bytes.count)
            case .list(let items): return .int(items.count)
            case .map(let map) where !map.kind.isRecord: return .int(map.entries.count)
            default: throw TemplateFunctionError("len of type \(values[0].goTypeName)")
            }
        }
        table["not"] = { values in
            try Argument.count(values, 1)
            return .bool(!values[0].isTruthy)
        }
        table["eq"] = { values in
            try Argument.atLeast(values, 2)
            for other in values.dropFirst() where try equal(values[0], other) { return .bool(true) }
            return .bool(false)
        }
        table["ne"] = { values in
            try Argument.count(values, 2)
            return .bool(!(try equal(values[0], values[1])))
        }
        table["lt"] = { try compare($0) { $0 < 0 } }
        table["le"] = { try compare($0) { $0 <= 0 } }
        table["gt"] = { try compare($0) { $0 > 0 } }
        table["ge"] = { try compare($0) { $0 >= 0 } }
        table["print"] = { .string(GoPrintf.sprint($0)) }
        table["println"] = { .string(GoPrintf.sprintln($0)) }
        table["printf"] = { values in
            try Argument.atLeast(values, 1)
            return .string(GoPrintf.sprintf(try Argument.string(values[0]), Array(values.dropFirst())))
        }
        table["html"] = { .string(htmlEscape(GoPrintf.sprint($0))) }
        table["urlquery"] = { values in
            let text = GoPrintf.sprint(values)
            return .string(queryEscape(text))
        }
    }

    static func index(_ values: [TemplateValue]) throws -> TemplateValue {
        try Argument.atLeast(values, 1)
        var item = values[0]
        for key in values.dropFirst() {
            switch (item, key) {
            case (.null, _):
                throw TemplateFunctionError("index of untyped nil")
            case (.list(let items), .int(let position)):
                guard items.indices.contains(position) else { throw TemplateFunctionError("index out of range: \(position)") }
                item = items[position]
            case (.bytes(let bytes), .int(let position)):
                guard bytes.indices.contains(position) else { throw TemplateFunctionError("index out of range: \(position)") }
                item = .int(Int(bytes[position]))
            case (.string(let text), .int(let position)):
                let bytes = Array(text.utf8)
                guard bytes.indices.contains(position) else { throw TemplateFunctionError("index out of range: \(position)") }
                item = .int(Int(bytes[position]))
            case (.map(let map), _) where value(item, isPlaceholder: true):
                item = map.lookup(key.printed(topLevel: false)) ?? .null
            case (.map(let map), .string(let name)) where !map.kind.isRecord:
                if let what = map.withheld[name] { throw TemplateFunctionError(TemplateMap.withheldMessage(what)) }
                item = map.lookup(name) ?? map.kind.zeroElement
            case (.list, _), (.bytes, _), (.string, _):
                throw TemplateFunctionError("cannot index slice/array with type \(key.goTypeName)")
            case (.map(let map), _) where !map.kind.isRecord:
                throw TemplateFunctionError("value has type \(key.goTypeName); should be string")
            default:
                throw TemplateFunctionError("can't index item of type \(item.goTypeName)")
            }
        }
        return item
    }

    static func value(_ value: TemplateValue, isPlaceholder: Bool) -> Bool { (value.placeholderText != nil) == isPlaceholder }

    /// go1.19 `eq` on two values: basic kinds compare, int and float do not mix.
    static func equal(_ left: TemplateValue, _ right: TemplateValue) throws -> Bool {
        switch (left, right) {
        case (.null, .null): return true
        case (.null, _), (_, .null): return false
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.list, _), (.map, _), (.bytes, _), (_, .list), (_, .map), (_, .bytes):
            throw TemplateFunctionError("non-comparable type \(left.goTypeName): \(right.goTypeName)")
        case (.time(let a), .time(let b)): return a == b
        default: throw TemplateFunctionError("incompatible types for comparison")
        }
    }

    static func compare(_ values: [TemplateValue], _ test: (Int) -> Bool) throws -> TemplateValue {
        try Argument.count(values, 2)
        let order: Int
        switch (values[0], values[1]) {
        case (.int(let a), .int(let b)): order = a < b ? -1 : a == b ? 0 : 1
        case (.float(let a), .float(let b)): order = a < b ? -1 : a == b ? 0 : 1
        case (.string(let a), .string(let b)): order = Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) ? -1 : a == b ? 0 : 1
        case (.int, _), (.float, _), (.string, _): throw TemplateFunctionError("incompatible types for comparison")
        default: throw TemplateFunctionError("invalid type for comparison")
        }
        return .bool(test(order))
    }

    /// Go's url.QueryEscape: ASCII letters, digits and `-_.~` kept, space as `+`,
    /// every other byte as `%XX`.
    static func queryEscape(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.append(byte)
            case UInt8(ascii: " "): out.append(UInt8(ascii: "+"))
            default: out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func htmlEscape(_ text: String) -> String {
        var out = ""
        for character in text.unicodeScalars {
            switch character {
            case "\"": out += "&#34;"
            case "'": out += "&#39;"
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\0": out += "\u{FFFD}"
            default: out.unicodeScalars.append(character)
            }
        }
        return out
    }
}
