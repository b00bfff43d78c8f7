// A small JSON value, its pretty printer and an Encoder that builds it: the one
// JSON writer of the tools (diagnostic formats, plan files), no Foundation.

/// A JSON value whose objects keep their keys in insertion order.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// A finite number that is not an integer (or came as a Double).
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An optional integer: `null` when absent.
    static func number(_ value: Int?) -> JSONValue {
        value.map { .int($0) } ?? .null
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.map(\.0) == b.map(\.0) && a.map(\.1) == b.map(\.1)
        default: return false
        }
    }

    /// The text of the value, indented by two spaces per level, ending with a newline.
    public func printed() -> String {
        String(decoding: printedUTF8(), as: UTF8.self)
    }

    /// `printed()` as UTF-8 bytes.
    public func printedUTF8() -> [UInt8] {
        var out: [UInt8] = []
        write(to: &out, indent: 0)
        out.append(0x0A)
        return out
    }

    /// An array worth cutting among the cores: many items near the top (a plan's
    /// actions), where every item is a large value.
    static func isLargeArray(_ count: Int, depth: Int) -> Bool {
        count >= 64 && cutsArrays(atDepth: depth)
    }

    /// Whether an array this deep may be cut among the cores (if it is large).
    static func cutsArrays(atDepth depth: Int) -> Bool {
        depth <= 4 && Parallel.processorCount > 1
    }

    private static func newline(_ out: inout [UInt8], indent: Int) {
        out.append(0x0A)
        out.append(contentsOf: repeatElement(0x20, count: 2 * indent))
    }

    func write(to out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out += "null".utf8
        case .bool(let value): out += (value ? "true" : "false").utf8
        case .int(let value): out += String(value).utf8
        case .double(let value): out += (value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : "\(value)").utf8
        case .string(let value): JSONValue.writeString(value, to: &out)
        case .array(let items):
            JSONValue.writeArray(count: items.count, to: &out, indent: indent) { index, out in
                items[index].write(to: &out, indent: indent + 1)
            }
        case .object(let pairs):
            JSONValue.writeObject(keys: pairs.map(\.0), to: &out, indent: indent) { index, out in
                pairs[index].1.write(to: &out, indent: indent + 1)
            }
        }
    }

    /// `[` items `]` over lines at `indent`; `writeItem(index, &out)` writes one
    /// item (one level deeper). The items of a large array are printed on all
    /// cores, then joined, so `writeItem` must only read shared state.
    static func writeArray(
        count: Int, to out: inout [UInt8], indent: Int, _ writeItem: (Int, inout [UInt8]) -> Void
    ) {
        guard count > 0 else {
            out += "[]".utf8
            return
        }
        out.append(0x5B)
        let printed: [[UInt8]]? =
            isLargeArray(count, depth: indent)
            ? Parallel.map(count) { index in
                var text: [UInt8] = []
                writeItem(index, &text)
                return text
            } : nil
        for index in 0..<count {
            newline(&out, indent: indent + 1)
            if let printed { out += printed[index] } else { writeItem(index, &out) }
            if index + 1 < count { out.append(0x2C) }
        }
        newline(&out, indent: indent)
        out.append(0x5D)
    }

    /// `{` `"key": value` lines `}` at `indent`; `writeValue(index, &out)` writes
    /// the value of `keys[index]` (one level deeper).
    static func writeObject(keys: [String], to out: inout [UInt8], indent: Int, _ writeValue: (Int, inout [UInt8]) -> Void) {
        guard !keys.isEmpty else {
            out += "{}".utf8
            return
        }
        out.append(0x7B)
        for (index, key) in keys.enumerated() {
            newline(&out, indent: indent + 1)
            writeString(key, to: &out)
            out += ": ".utf8
            writeValue(index, &out)
            if index + 1 < keys.count { out.append(0x2C) }
        }
        newline(&out, indent: indent)
        out.append(0x7D)
    }

    /// A JSON string literal (RFC 8259): quotes, backslashes, control characters,
    /// DEL and U+2028/U+2029 escaped; everything else as UTF-8.
    static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(0x22)
        var value = value
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                let escape: String
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x08: escape = "\\b"
                case 0x0C: escape = "\\f"
                case 0x00..<0x20, 0x7F:
                    let hex = String(byte, radix: 16, uppercase: true)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                default: continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                out += escape.utf8
                start = byte == 0xE2 ? index + 3 : index + 1
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
        }
        out.append(0x22)
    }
}
