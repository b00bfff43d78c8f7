// The JSON writer without Foundation: what it prints, Foundation's decoder reads
// back as the same values (escapes, numbers, nesting, large arrays cut among cores).

import Foundation
import Testing

@testable import BlueprintSyntax

private struct Sample: Codable, Equatable {
    struct Inner: Codable, Equatable {
        var name: String
        var tiny: Int8
        var huge: UInt32
        var ratio: Float
        var flags: [Bool]
    }

    var text: String
    var count: Int
    var seconds: Double
    var missing: String?
    var present: Int?
    var inners: [Inner]
    var table: [String: [Int]]
    var nested: [[String]]
}

/// Text with every kind of character JSON must escape or pass through.
private let awkward = [
    "", "plain", "quote \" and backslash \\", "line\nbreak\r\ttab", "\u{0}\u{1}\u{1F}\u{7F}", "\u{8}\u{C}",
    "line separator \u{2028} paragraph \u{2029}", "é日本😀", "slash / stays", "{{ .Phases.a.Output.b }}",
]

@Suite("JSON text")
struct JSONTextTests {
    @Test func stringsReadBackUnchanged() throws {
        for text in awkward {
            let printed = JSONValue.array([.string(text)]).printedUTF8()
            let decoded = try JSONDecoder().decode([String].self, from: Data(printed))
            #expect(decoded == [text], "\(text.debugDescription) printed \(String(decoding: printed, as: UTF8.self))")
        }
    }

    @Test func encodedValuesReadBackUnchanged() throws {
        // 100 inner values: an array large enough to be encoded and printed on all cores.
        let inners = (0..<100).map { index in
            Sample.Inner(
                name: awkward[index % awkward.count], tiny: Int8(truncatingIfNeeded: index - 50), huge: UInt32.max - UInt32(index),
                ratio: Float(index) / 4, flags: [index % 2 == 0, index % 3 == 0])
        }
        let sample = Sample(
            text: "top", count: -7, seconds: 1.5e-3, missing: nil, present: 3, inners: inners,
            table: ["b": [2], "a": [1, 1], "é": []], nested: [[], ["x"], awkward])
        let printed = try JSONValue.encodedUTF8(sample, sortingKeys: true)
        #expect(try JSONDecoder().decode(Sample.self, from: Data(printed)) == sample)
        // Sorted keys, no key for a nil optional, and the same bytes every time.
        let text = String(decoding: printed, as: UTF8.self)
        #expect(!text.contains("\"missing\""))
        let keys = ["\"count\"", "\"inners\"", "\"nested\"", "\"present\"", "\"seconds\"", "\"table\"", "\"text\""]
        let offsets = keys.compactMap { text.range(of: $0)?.lowerBound }
        #expect(offsets.count == keys.count && offsets == offsets.sorted())
        #expect(try JSONValue.encodedUTF8(sample, sortingKeys: true) == printed)
    }

    @Test func valuesJSONCannotHoldAreErrors() {
        #expect(throws: EncodingError.self) { try JSONValue.encodedUTF8([Double.infinity], sortingKeys: false) }
        #expect(throws: EncodingError.self) { try JSONValue.encodedUTF8([Float.nan], sortingKeys: false) }
        #expect(throws: EncodingError.self) { try JSONValue.encodedUTF8([UInt64.max], sortingKeys: false) }
    }
}
