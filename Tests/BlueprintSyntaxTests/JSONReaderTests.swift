// The Foundation-free JSON reader: it reads back what the writer prints, agrees
// with Foundation on strings and numbers, and rejects what RFC 8259 rejects.

import Foundation
import Testing

@testable import BlueprintSyntax

@Suite("JSON reader")
struct JSONReaderTests {
    @Test func printedValuesReadBackUnchanged() throws {
        let strings: [JSONValue] = [
            "", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "é日本😀", "{{ .Phases.a }}",
        ].map { .string($0) }
        let value = JSONValue.object([
            ("b", .array(strings)), ("a", .int(-42)), ("z", .double(2.5)), ("t", .bool(true)), ("f", .bool(false)),
            ("n", .null), ("empty", .object([])), ("list", .array([])), ("nested", .array([.array([.object([("k", .int(0))])])])),
        ])
        #expect(JSONValue.parse(value.printed()) == value)
        // Key order is kept, duplicates included; the subscript reads the last.
        let pairs = try #require(JSONValue.parse(#"{"y":1,"x":2,"y":3}"#)?.objectValue)
        #expect(pairs.map(\.0) == ["y", "x", "y"])
        #expect(JSONValue.parse(#"{"y":1,"x":2,"y":3}"#)?["y"] == .int(3))
    }

    @Test(arguments: [
        #""\u00e9\u65e5\ud83d\ude00""#, #""\/\b\f\n\r\t\"\\""#, #""plain""#, #""é""#, #""\u0000""#,
    ])
    func stringsAgreeWithFoundation(_ literal: String) throws {
        let expected = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
        #expect(JSONValue.parse(literal)?.stringValue == expected)
    }

    @Test func numbers() {
        #expect(JSONValue.parse("0") == .int(0))
        #expect(JSONValue.parse("-12") == .int(-12))
        #expect(JSONValue.parse("1.5e3") == .double(1500))
        #expect(JSONValue.parse("-0.25") == .double(-0.25))
        #expect(JSONValue.parse("1E-2") == .double(0.01))
        // Too large for Int: read as a Double, as Foundation does.
        #expect(JSONValue.parse("123456789012345678901234567890") == .double(123_456_789_012_345_678_901_234_567_890))
    }

    @Test(arguments: [
        "", " ", "{", "[1,]", "[,1]", "{\"a\"}", "{\"a\":1,}", "{a:1}", "01", "1.", ".5", "-", "1e", "+1", "tru", "nul",
        "\"abc", "\"a\u{1}b\"", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "[1] 2", "'a'",
        "NaN", "[1 2]", "{\"a\" 1}",
    ])
    func malformedInputIsRejected(_ text: String) {
        #expect(JSONValue.parse(text) == nil)
    }

    @Test func invalidUTF8IsRejected() {
        for bytes: [UInt8] in [[0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22]] {
            #expect(bytes.withUnsafeBufferPointer { JSONValue.parse(bytes: $0) } == nil)
        }
    }

    @Test func deepNestingIsRejectedNotRecursed() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(JSONValue.parse(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(JSONValue.parse(fine) != nil)
    }

    @Test func accessorsReadTheirKindOnly() {
        let value = JSONValue.parse(#"{"s":"x","b":true,"l":["a","b"],"m":["a",1]}"#)
        #expect(value?["s"]?.stringValue == "x")
        #expect(value?["s"]?.boolValue == nil)
        #expect(value?["b"]?.boolValue == true)
        #expect(value?["l"]?.stringArray == ["a", "b"])
        #expect(value?["m"]?.stringArray == nil)
        #expect(value?["missing"] == nil)
        #expect(JSONValue.parse("[1]")?["a"] == nil)
    }
}
