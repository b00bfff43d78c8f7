// JSON for template values: encoding as Go's encoding/json does (sorted map keys,
// struct fields in order, HTML-safe escapes, []byte as base64) and decoding as
// kcheck does (integers as int, other numbers as float64, objects as dynamic maps).

import BlueprintSema
import FoundationEssentials

public enum TemplateJSON {
    public struct DecodeError: Error, CustomStringConvertible {
        public var description: String
    }

    /// json.Marshal, or json.MarshalIndent with `indent` per level.
    public static func encode(_ value: TemplateValue, indent: String? = nil) -> String {
        var out = ""
        write(value, into: &out, indent: indent, depth: 0)
        return out
    }

    static func write(_ value: TemplateValue, into out: inout String, indent: String?, depth: Int) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .float(let number): out += number.isFinite ? GoNumberFormat.json(number) : "null"
        case .string(let text): out += quote(text)
        case .bytes(let bytes): out += quote(Data(bytes).base64EncodedString())
        case .time(let time): out += quote(GoTimeLayout.format(time, layout: "2006-01-02T15:04:05.999999999Z07:00"))
        case .list(let items):
            writeContainer("[", "]", items.map { (nil, $0) }, into: &out, indent: indent, depth: depth)
        case .map(let map):
            if let text = value.placeholderText {
                out += quote(text)
                return
            }
            let pairs = map.orderedKeys.map { (Optional($0), map.entries[$0] ?? .null) }
            writeContainer("{", "}", pairs, into: &out, indent: indent, depth: depth)
        }
    }

    static func writeContainer(
        _ open: String, _ close: String, _ items: [(String?, TemplateValue)], into out: inout String, indent: String?, depth: Int
    ) {
        out += open
        guard !items.isEmpty else {
            out += close
            return
        }
        for (position, (key, item)) in items.enumerated() {
            if position > 0 { out += "," }
            if let indent { out += "\n" + String(repeating: indent, count: depth + 1) }
            if let key { out += quote(key) + (indent == nil ? ":" : ": ") }
            write(item, into: &out, indent: indent, depth: depth + 1)
        }
        if let indent { out += "\n" + String(repeating: indent, count: depth) }
        out += close
    }

    /// A JSON string literal with Go's escapes (`<`, `>`, `&`, U+2028, U+2029 as \u).
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<", ">", "&", "\u{2028}", "\u{2029}":
                out += "\\u" + GoQuote.hex(scalar.value, 4)
            default:
                if scalar.value < 0x20 {
                    out += "\\u" + GoQuote.hex(scalar.value, 4)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// Decodes JSON text: objects become dynamic maps, integers that fit become
    /// `.int`, every other number `.float`.
    public static func decode(_ text: String) throws -> TemplateValue {
        var reader = JSONReader(bytes: Array(text.utf8))
        reader.skipSpace()
        let value = try reader.readValue(depth: 0)
        reader.skipSpace()
        guard reader.index == reader.bytes.count else { throw reader.failure("trailing characters") }
        return value
    }
}

/// A small recursive-descent JSON reader.
struct JSONReader {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func failure(_ message: String) -> TemplateJSON.DecodeError {
        TemplateJSON.DecodeError(description: "invalid JSON at byte \(index): \(message)")
    }

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    mutating func readValue(depth: Int) throws -> TemplateValue {
        guard depth < 512 else { throw failure("nesting too deep") }
        guard index < bytes.count else { throw failure("unexpected end") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try readObject(depth: depth)
        case UInt8(ascii: "["): return try readArray(depth: depth)
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): return try readWord("true", .bool(true))
        case UInt8(ascii: "f"): return try readWord("false", .bool(false))
        case UInt8(ascii: "n"): return try readWord("null", .null)
        default: return try readNumber()
        }
    }

    mutating func readWord(_ word: String, _ value: TemplateValue) throws -> TemplateValue {
        let pattern = Array(word.utf8)
        guard index + pattern.count <= bytes.count, Array(bytes[index..<index + pattern.count]) == pattern else {
            throw failure("expected \(word)")
        }
        index += pattern.count
        return value
    }

    mutating func readObject(depth: Int) throws -> TemplateValue {
        index += 1
        var entries: [String: TemplateValue] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object(entries)
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw failure("expected a key") }
            let key = try readString()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected ':'") }
            index += 1
            skipSpace()
            entries[key] = try readValue(depth: depth + 1)
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated object") }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "}") { return .object(entries) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { throw failure("expected ',' or '}'") }
        }
    }

    mutating func readArray(depth: Int) throws -> TemplateValue {
        index += 1
        var items: [TemplateValue] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .list(items)
        }
        while true {
            skipSpace()
            items.append(try readValue(depth: depth + 1))
            skipSpace()
            guard index < bytes.count else { throw failure("unterminated array") }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "]") { return .list(items) }
            guard bytes[index - 1] == UInt8(ascii: ",") else { throw failure("expected ',' or ']'") }
        }
    }

    mutating func readString() throws -> String {
        index += 1
        var out: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                continue
            }
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "u"): out += Array(String(try readUnicodeEscape()).utf8)
            default: out.append(escape)
            }
        }
        throw failure("unterminated string")
    }

    mutating func readHex4() throws -> UInt32 {
        guard index + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16) else {
            throw failure("bad \\u escape")
        }
        index += 4
        return value
    }

    mutating func readUnicodeEscape() throws -> Character {
        let high = try readHex4()
        if (0xD800..<0xDC00).contains(high), index + 6 <= bytes.count, bytes[index] == UInt8(ascii: "\\"),
            bytes[index + 1] == UInt8(ascii: "u")
        {
            index += 2
            let low = try readHex4()
            let combined = 0x10000 + ((high - 0xD800) << 10) + (low &- 0xDC00)
            return Character(Unicode.Scalar(combined) ?? "\u{FFFD}")
        }
        return Character(Unicode.Scalar(high) ?? "\u{FFFD}")
    }

    mutating func readNumber() throws -> TemplateValue {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !text.isEmpty else { throw failure("unexpected character") }
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }), let integer = Int(text) { return .int(integer) }
        guard let number = Double(text) else { throw failure("bad number \(text)") }
        return .float(number)
    }
}
