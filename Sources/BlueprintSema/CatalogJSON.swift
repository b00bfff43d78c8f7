// A small JSON reader for the embedded catalog (CatalogData.swift): decoding it
// with JSONDecoder and JSONSerialization costs more than the checks of a large
// blueprint. Whatever this reader does not understand, or any shape the
// catalog types do not expect, makes KanisterCatalog.load use Foundation.

enum CatalogJSON {
    indirect enum Value {
        case object([(String, Value)])
        case array([Value])
        case string(String)
        case bool(Bool)
        case number
        case null

        subscript(key: String) -> Value? {
            guard case .object(let members) = self else { return nil }
            return members.last { $0.0 == key }?.1
        }

        var string: String? {
            if case .string(let text) = self { return text }
            return nil
        }

        var strings: [String]? {
            guard case .array(let items) = self else { return nil }
            var result: [String] = []
            for item in items {
                guard let text = item.string else { return nil }
                result.append(text)
            }
            return result
        }

        /// A key that may be absent or null, as `decodeIfPresent` reads it; the outer
        /// nil means a value of another type (a decoding error).
        var optionalString: String?? {
            switch self {
            case .string(let text): return .some(text)
            case .null: return .some(nil)
            default: return nil
            }
        }
    }

    /// Parses a whole JSON text; nil on anything unexpected.
    static func parse(_ text: String) -> Value? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            guard let value = reader.value() else { return nil }
            reader.skipSpace()
            return reader.index == bytes.count ? value : nil
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        mutating func skipSpace() {
            while index < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[index]) { index += 1 }
        }

        mutating func value() -> Value? {
            skipSpace()
            guard index < bytes.count else { return nil }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                var members: [(String, Value)] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    return .object(members)
                }
                while true {
                    skipSpace()
                    guard let key = string() else { return nil }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
                    index += 1
                    guard let member = value() else { return nil }
                    members.append((key, member))
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        return .object(members)
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "["):
                index += 1
                var items: [Value] = []
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    return .array(items)
                }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skipSpace()
                    guard index < bytes.count else { return nil }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        return .array(items)
                    } else {
                        return nil
                    }
                }
            case UInt8(ascii: "\""):
                return string().map(Value.string)
            case UInt8(ascii: "t"): return literal("true", .bool(true))
            case UInt8(ascii: "f"): return literal("false", .bool(false))
            case UInt8(ascii: "n"): return literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                while index < bytes.count, Array("+-.eE0123456789".utf8).contains(bytes[index]) { index += 1 }
                return index > start ? .number : nil
            default:
                return nil
            }
        }

        mutating func literal(_ word: String, _ value: Value) -> Value? {
            for byte in word.utf8 {
                guard index < bytes.count, bytes[index] == byte else { return nil }
                index += 1
            }
            return value
        }

        /// A string without escapes other than `\"`, `\\`, `\/`, `\n` and `\t`; others give nil.
        mutating func string() -> String? {
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { return nil }
            index += 1
            var start = index
            var result = ""
            while index < bytes.count {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") {
                    result += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    index += 1
                    return result
                }
                if byte < 0x20 { return nil }
                if byte == UInt8(ascii: "\\") {
                    result += String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    guard index + 1 < bytes.count else { return nil }
                    switch bytes[index + 1] {
                    case UInt8(ascii: "\""): result += "\""
                    case UInt8(ascii: "\\"): result += "\\"
                    case UInt8(ascii: "/"): result += "/"
                    case UInt8(ascii: "n"): result += "\n"
                    case UInt8(ascii: "t"): result += "\t"
                    default: return nil
                    }
                    index += 2
                    start = index
                    continue
                }
                index += 1
            }
            return nil
        }
    }

    /// The function specs as JSONDecoder decodes `[FunctionSpec]`, or nil.
    static func functionSpecs(_ text: String) -> [FunctionSpec]? {
        guard case .array(let items)? = parse(text) else { return nil }
        var specs: [FunctionSpec] = []
        for item in items {
            guard case .object = item, let name = item["name"]?.string, let versions = item["versions"]?.strings,
                case .array(let argumentItems)? = item["args"], let outputs = item["outputs"]?.strings,
                case .bool(let userOutputs)? = item["userOutputs"]
            else { return nil }
            var summary: String?
            if let value = item["summary"] {
                guard let optional = value.optionalString else { return nil }
                summary = optional
            }
            var arguments: [FunctionArgument] = []
            for argument in argumentItems {
                guard case .object = argument, let argumentName = argument["name"]?.string,
                    case .bool(let required)? = argument["required"],
                    let typeName = argument["type"]?.string, let type = ArgumentType(rawValue: typeName)
                else { return nil }
                var note: String?
                if let value = argument["note"] {
                    guard let optional = value.optionalString else { return nil }
                    note = optional
                }
                arguments.append(FunctionArgument(name: argumentName, required: required, type: type, note: note))
            }
            specs.append(
                FunctionSpec(name: name, versions: versions, args: arguments, outputs: outputs, userOutputs: userOutputs, summary: summary))
        }
        return specs
    }

    /// The sorted field names of each root of template-params.json that has fields,
    /// as `load` reads them with JSONSerialization; nil when the text is not understood.
    static func rootFields(_ text: String) -> [String: [String]]? {
        guard let object = parse(text) else { return nil }
        guard case .object(let members) = object else { return nil }
        var fields: [String: [String]] = [:]
        // Duplicate keys would need Foundation's choice; leave them to it, and a
        // missing `fields` object too.
        guard Set(members.map(\.0)).count == members.count, case .object(let roots)? = object["fields"] else { return nil }
        guard Set(roots.map(\.0)).count == roots.count else { return nil }
        for (name, value) in roots {
            guard case .object(let spec) = value else { continue }
            guard Set(spec.map(\.0)).count == spec.count else { return nil }
            guard case .object(let sub)? = value["fields"] else { continue }
            guard Set(sub.map(\.0)).count == sub.count else { return nil }
            fields[name] = sub.map(\.0).sorted()
        }
        return fields
    }
}
