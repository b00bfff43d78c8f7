// `JSONValue.parse(_:at:)`: one member of a document parsed alone gives what the
// whole document's parse has at that path, past strings with brackets, escapes,
// numbers and literals it only skips; a missing path or a broken way to it is nil.

import Testing

@testable import BlueprintSyntax

@Suite struct JSONPathReadTests {
    static let document = #"""
        { "description": "a } and ] and \" and \\ in a string { [",
          "n": -1.5e3, "t": true, "z": null, "list": [1, [2, {"a": "]"}], "x"],
          "versions": { "0.1": {"added": ["A", "B"], "removed": []},
                        "0.2": {"added": [], "note": "{\"nested\": [1,2]}"},
                        "0.1": {"added": ["last wins"]} },
          "empty": {}, "tail": "end" }
        """#

    @Test(arguments: [
        ["description"], ["n"], ["t"], ["z"], ["list"], ["versions"], ["versions", "0.1"], ["versions", "0.2"],
        ["versions", "0.2", "note"], ["versions", "0.1", "added"], ["empty"], ["tail"],
    ])
    func memberAgreesWithTheWholeParse(_ path: [String]) throws {
        var whole = try #require(JSONValue.parse(Self.document))
        for key in path { whole = try #require(whole[key]) }
        #expect(JSONValue.parse(Self.document, at: path) == whole)
    }

    @Test(arguments: [
        ["nope"], ["versions", "0.3"], ["n", "x"], ["list", "a"], ["empty", "a"], ["versions", "0.2", "added", "x"],
    ])
    func missingPathsAreNil(_ path: [String]) {
        #expect(JSONValue.parse(Self.document, at: path) == nil)
    }

    @Test func brokenDocumentsAreNil() {
        for text in [#"{"a": 1"#, #"{"a" 1}"#, #"{"a": "unterminated}"#, #"{"b": [1, 2}"#, #"["a"]"#, "", #"{"a": {"b": 1,}}"#] {
            #expect(JSONValue.parse(text, at: ["a", "b"]) == nil, "\(text)")
        }
        #expect(JSONValue.parse(#"{"x": [1, 2], "a": {"b": 7}}"#, at: ["a", "b"]) == .int(7))
        #expect(JSONValue.parse(#"{"a": 1}"#, at: []) == .object([("a", .int(1))]))
    }
}
