// The Foundation-free string edits: replacement byte for byte, and white-space
// trimming that agrees with Foundation's CharacterSet.

import BlueprintSyntax
import Foundation
import Testing

@Suite struct StringEditingTests {
    @Test(arguments: [
        ("hello", "l", "L", "heLLo"), ("aaa", "aa", "b", "ba"), ("x", "", "y", "x"), ("", "a", "b", ""), ("abc", "abcd", "z", "abc"),
        ("s3cr3t and s3cr3t", "s3cr3t", "******", "****** and ******"), ("e\u{301}e", "e", "E", "E\u{301}E"), ("a\"\"\"b", "\"\"\"", "\\\"\"\"", "a\\\"\"\"b"),
    ])
    func replacesEveryOccurrence(_ text: String, _ target: String, _ replacement: String, _ expected: String) {
        #expect(text.replacingBytes(of: target, with: replacement) == expected)
        #expect(Substring(text).replacingBytes(of: target, with: replacement) == expected)
    }

    @Test func longTextsAreReplacedThrough() {
        let text = String(repeating: "ab-", count: 10_000)
        #expect(text.replacingBytes(of: "-", with: "") == String(repeating: "ab", count: 10_000))
    }

    @Test func trimmingAgreesWithCharacterSet() {
        let samples = [
            " \t x \t ", "\u{00A0}\u{3000}y\u{2028}\n", "\r\n\u{85}z\u{2029}", "", "   ", "\u{1680}\u{2000}b\u{205F}",
            "\u{0B}\u{0C}c",
        ]
        for sample in samples {
            #expect(sample.trimmingWhitespace() == sample.trimmingCharacters(in: .whitespaces), "\(sample.unicodeScalars.map(\.value))")
            #expect(
                sample.trimmingWhitespace(newlines: true) == sample.trimmingCharacters(in: .whitespacesAndNewlines),
                "\(sample.unicodeScalars.map(\.value))")
        }
        // Where they differ, Unicode (and Go's unicode.IsSpace) decides: the zero
        // width space is a format character, which Foundation on Linux trims.
        #expect("\u{200B}a\u{200B}".trimmingWhitespace(newlines: true) == "\u{200B}a\u{200B}")
    }
}
