// sprig v2 string, encoding, default and conversion functions, with the argument
// types sprig declares (a `string` parameter rejects numbers, as Go does).

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import FoundationEssentials

enum SprigStrings {
    typealias Table = [String: TemplateFunction]

    static func unary(_ body: @escaping @Sendable (String) -> String) -> TemplateFunction {
        { values in
            try Argument.count(values, 1)
            return .string(body(try Argument.string(values[0])))
        }
    }

    static func binary(_ body: @escaping @Sendable (String, String) -> TemplateValue) -> TemplateFunction {
        { values in
            try Argument.count(values, 2)
            return body(try Argument.string(values[0]), try Argument.string(values[1]))
        }
    }

    static func register(into table: inout Table) {
        table["upper"] = unary { $0.uppercased() }
        table["lower"] = unary { $0.lowercased() }
        table["title"] = unary { mapWords($0) { $0.prefix(1).uppercased() + $0.dropFirst() } }
        table["untitle"] = unary { mapWords($0) { $0.prefix(1).lowercased() + $0.dropFirst() } }
        table["trim"] = unary { $0.trimmingWhitespace(newlines: true) }
        table["nospace"] = unary(deleteWhiteSpace)
        table["trimAll"] = binary { cutset, text in .string(text.trimming(cutset)) }
        table["trimall"] = table["trimAll"]
        table["trimPrefix"] = binary { prefix, text in .string(text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text) }
        table["trimSuffix"] = binary { suffix, text in .string(text.hasSuffix(suffix) ? String(text.dropLast(suffix.count)) : text) }
        table["contains"] = binary { part, text in .bool(part.isEmpty || text.contains(part)) }
        table["hasPrefix"] = binary { prefix, text in .bool(text.hasPrefix(prefix)) }
        table["hasSuffix"] = binary { suffix, text in .bool(text.hasSuffix(suffix)) }
        table["splitList"] = binary { separator, text in .list(split(text, separator).map { .string($0) }) }
        table["split"] = binary { separator, text in splitMap(split(text, separator)) }
        registerEditing(into: &table)
        registerEncodings(into: &table)
        registerDefaults(into: &table)
    }

    static func registerEditing(into table: inout Table) {
        table["replace"] = { values in
            try Argument.count(values, 3)
            let (old, new, text) = (try Argument.string(values[0]), try Argument.string(values[1]), try Argument.string(values[2]))
            // Go's strings.Replace: an empty `old` matches before every rune and at the end.
            guard !old.isEmpty else { return .string(new + text.unicodeScalars.map { String($0) + new }.joined()) }
            return .string(text.replacingBytes(of: old, with: new))
        }
        table["repeat"] = { values in
            try Argument.count(values, 2)
            return .string(String(repeating: try Argument.string(values[1]), count: max(0, try Argument.int(values[0]))))
        }
        table["substr"] = { values in
            try Argument.count(values, 3)
            return .string(substring(try Argument.string(values[2]), try Argument.int(values[0]), try Argument.int(values[1])))
        }
        table["trunc"] = { values in
            try Argument.count(values, 2)
            let bytes = Array(try Argument.string(values[1]).utf8)
            let count = try Argument.int(values[0])
            if count < 0 && bytes.count + count > 0 { return .string(String(decoding: bytes[(bytes.count + count)...], as: UTF8.self)) }
            if count >= 0 && bytes.count > count { return .string(String(decoding: bytes[..<count], as: UTF8.self)) }
            return .string(String(decoding: bytes, as: UTF8.self))
        }
        table["indent"] = { values in
            try Argument.count(values, 2)
            return .string(indent(try Argument.int(values[0]), try Argument.string(values[1])))
        }
        table["nindent"] = { values in
            try Argument.count(values, 2)
            return .string("\n" + indent(try Argument.int(values[0]), try Argument.string(values[1])))
        }
        table["cat"] = { values in .string(values.filter { $0 != .null }.map(\.sprigString).joined(separator: " ")) }
        table["quote"] = { values in .string(values.filter { $0 != .null }.map { GoQuote.quote($0.sprigString) }.joined(separator: " ")) }
        table["squote"] = { values in .string(values.filter { $0 != .null }.map { "'\($0.sprigString)'" }.joined(separator: " ")) }
        table["join"] = { values in
            try Argument.count(values, 2)
            return .string(stringList(values[1]).joined(separator: try Argument.string(values[0])))
        }
        table["toString"] = { values in
            try Argument.count(values, 1)
            return .string(values[0].sprigString)
        }
        table["toStrings"] = { values in
            try Argument.count(values, 1)
            return .list(stringList(values[0]).map { .string($0) })
        }
    }

    static func registerEncodings(into table: inout Table) {
        table["b64enc"] = unary { Data($0.utf8).base64EncodedString() }
        table["b64dec"] = unary { text in
            guard let data = Data(base64Encoded: text) else { return "illegal base64 data at input byte \(firstBadBase64Byte(text))" }
            return String(decoding: data, as: UTF8.self)
        }
        table["sha256sum"] = unary { ContentHash.sha256Hex(Array($0.utf8)) }
        table["toJson"] = { values in
            try Argument.count(values, 1)
            return .string(TemplateJSON.encode(values[0]))
        }
        table["toPrettyJson"] = { values in
            try Argument.count(values, 1)
            return .string(TemplateJSON.encode(values[0], indent: "  "))
        }
        table["atoi"] = { values in
            try Argument.count(values, 1)
            return .int(Int(try Argument.string(values[0])) ?? 0)
        }
        table["int"] = { values in
            try Argument.count(values, 1)
            return .int(Argument.castInt(values[0]))
        }
        table["int64"] = table["int"]
        table["float64"] = { values in
            try Argument.count(values, 1)
            return .float(Argument.castFloat(values[0]))
        }
    }

    static func registerDefaults(into table: inout Table) {
        table["default"] = { values in
            try Argument.atLeast(values, 1)
            guard values.count > 1, !values[1].isEmptyForSprig else { return values[0] }
            return values[1]
        }
        table["empty"] = { values in
            try Argument.count(values, 1)
            return .bool(values[0].isEmptyForSprig)
        }
        table["coalesce"] = { values in values.first { !$0.isEmptyForSprig } ?? .null }
        table["ternary"] = { values in
            try Argument.count(values, 3)
            guard case .bool(let condition) = values[2] else {
                throw TemplateFunctionError("wrong type for value; expected bool; got \(values[2].goTypeName)")
            }
            return condition ? values[0] : values[1]
        }
        table["fail"] = { values in
            try Argument.count(values, 1)
            throw TemplateFunctionError(try Argument.string(values[0]))
        }
    }

    /// strings.Split: an empty separator splits into UTF-8 sequences.
    static func split(_ text: String, _ separator: String) -> [String] {
        if separator.isEmpty { return text.map { String($0) } }
        return text.components(separatedBy: separator)
    }

    static func splitMap(_ parts: [String]) -> TemplateValue {
        var entries: [String: TemplateValue] = [:]
        for (position, part) in parts.enumerated() { entries["_\(position)"] = .string(part) }
        return .map(TemplateMap(kind: .strings, entries: entries))
    }

    static func mapWords(_ text: String, _ transform: (Substring) -> String) -> String {
        var out = ""
        var start = text.startIndex
        for index in text.indices {
            if text[index].isLetter || text[index].isNumber || text[index] == "_" || text[index] == "'" { continue }
            out += transform(text[start..<index]) + String(text[index])
            start = text.index(after: index)
        }
        return out + transform(text[start...])
    }

    static func substring(_ text: String, _ start: Int, _ end: Int) -> String {
        let bytes = Array(text.utf8)
        if start < 0 { return String(decoding: bytes[..<min(max(end, 0), bytes.count)], as: UTF8.self) }
        let from = min(start, bytes.count)
        if end < 0 || end > bytes.count { return String(decoding: bytes[from...], as: UTF8.self) }
        return String(decoding: bytes[from..<max(from, end)], as: UTF8.self)
    }

    static func indent(_ spaces: Int, _ text: String) -> String {
        let padding = String(repeating: " ", count: max(0, spaces))
        return padding + text.replacingBytes(of: "\n", with: "\n" + padding)
    }

    /// sprig's strslice: lists element by element (nil skipped), other values as one string.
    static func stringList(_ value: TemplateValue) -> [String] {
        switch value {
        case .list(let items): return items.filter { $0 != .null }.map(\.sprigString)
        case .null: return []
        default: return [value.sprigString]
        }
    }

    static func firstBadBase64Byte(_ text: String) -> Int {
        let alphabet = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (position, byte) in text.utf8.enumerated() where !alphabet.contains(byte) && byte != UInt8(ascii: "=") {
            return position
        }
        return max(0, text.utf8.count - text.utf8.count % 4)
    }

    /// goutils' DeleteWhiteSpace, which sprig's nospace is: byte by byte, each byte
    /// that is not unicode.IsSpace kept as the rune of its value (so a multi-byte
    /// character comes out as Latin-1 letters, as in Go); a text without white
    /// space is returned as it is.
    static func deleteWhiteSpace(_ text: String) -> String {
        guard text.utf8.contains(where: { (0x09...0x0D).contains($0) || $0 == 0x20 || $0 == 0x85 || $0 == 0xA0 }) else { return text }
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20, 0x85, 0xA0: continue
            default: out.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return out
    }
}
