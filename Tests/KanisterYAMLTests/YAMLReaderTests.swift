// Tests for YAMLReader: node marks, styles and tags, errors with positions, aliases,
// and the limits that stop alias bombs and deep nesting.

import Foundation
import Testing

@testable import KanisterYAML

private func parseOne(_ text: String) throws -> YAMLNode {
    let documents = try YAMLReader.parse(text).get()
    try #require(documents.count == 1)
    return documents[0]
}

private func parseError(_ text: String, limits: YAMLReaderLimits = .standard) -> YAMLError? {
    if case .failure(let error) = YAMLReader.parse(text, limits: limits) { return error }
    return nil
}

@Test func marksOfNodes() throws {
    let root = try parseOne("a: 1\nb:\n  - x\n  - 'y z'\n")
    let mapping = try #require(root.mapping)
    #expect(mapping.start == YAMLMark(offset: 0, line: 0, column: 0))
    let value = try #require(mapping["a"]?.scalar)
    #expect(value.start == YAMLMark(offset: 3, line: 0, column: 3))
    #expect(value.end == YAMLMark(offset: 4, line: 0, column: 4))
    let list = try #require(mapping["b"]?.sequence)
    #expect(list.start == YAMLMark(offset: 10, line: 2, column: 2))
    let quoted = try #require(list.items[1].scalar)
    #expect(quoted.value == "y z")
    #expect(quoted.style == .singleQuoted)
    #expect(quoted.start == YAMLMark(offset: 18, line: 3, column: 4))
    #expect(quoted.end == YAMLMark(offset: 23, line: 3, column: 9))
    #expect(mapping.pairs[1].key.start == YAMLMark(offset: 5, line: 1, column: 0))
}

@Test func marksCountBytesAfterMultibyteCharacters() throws {
    // "é" and "ü" are two bytes each; libyaml's columns count characters.
    let root = try parseOne("é: ü\nb: [x, y]\n")
    let mapping = try #require(root.mapping)
    #expect(mapping.pairs[0].value.start == YAMLMark(offset: 4, line: 0, column: 3))
    let flow = try #require(mapping["b"]?.sequence)
    #expect(flow.style == .flow)
    #expect(flow.start == YAMLMark(offset: 10, line: 1, column: 3))
    #expect(flow.items[1].start == YAMLMark(offset: 14, line: 1, column: 7))
    #expect(flow.end == YAMLMark(offset: 16, line: 1, column: 9))
}

@Test func marksSkipByteOrderMark() throws {
    let documents = try YAMLReader.parse(bytes: [0xEF, 0xBB, 0xBF] + Array("k: v\n".utf8)).get()
    let value = try #require(documents.first?.mapping?["k"])
    #expect(value.start == YAMLMark(offset: 6, line: 0, column: 3))
}

@Test func stylesTagsAndDuplicatesAreKept() throws {
    let root = try parseOne("a: |\n  x\nb: >-\n  y\nc: !!str 3\nd: \"q\"\na: again\n")
    let mapping = try #require(root.mapping)
    #expect(mapping.pairs.map { $0.key.scalar?.value } == ["a", "b", "c", "d", "a"])
    #expect(
        mapping.pairs[0].value.scalar
            == YAMLScalar(
                value: "x\n", style: .literal, start: mapping.pairs[0].value.start, end: mapping.pairs[0].value.end))
    #expect(mapping.pairs[1].value.scalar?.style == .folded)
    #expect(mapping.pairs[2].value.tag == YAMLTag.string)
    #expect(mapping.pairs[2].value.scalar?.resolved == .string)
    #expect(mapping.pairs[3].value.scalar?.style == .doubleQuoted)
    #expect(mapping["a"]?.scalar?.value == "x\n")
}

@Test func multipleDocumentsAndEmptyInput() throws {
    let documents = try YAMLReader.parse("a: 1\n---\n- b\n---\n").get()
    #expect(documents.count == 3)
    #expect(documents[1].sequence?.items.first?.scalar?.value == "b")
    #expect(documents[2].isNullScalar)
    #expect(try YAMLReader.parse("").get().isEmpty)
    #expect(try YAMLReader.parse("# only a comment\n").get().isEmpty)
}

@Test func aliasesAreExpanded() throws {
    let root = try parseOne("base: &b {x: 1, y: [2]}\ncopy: *b\nname: &n hi\nagain: *n\n")
    let mapping = try #require(root.mapping)
    let base = try #require(mapping["base"])
    let copy = try #require(mapping["copy"])
    #expect(base == copy)
    #expect(mapping["again"]?.scalar?.value == "hi")
}

struct ErrorCase: Sendable, CustomTestStringConvertible {
    var input: String
    var line: Int
    var column: Int
    var message: String
    var testDescription: String { input.debugDescription }
}

private let errorCases: [ErrorCase] = [
    .init(input: "a: b: c\n", line: 1, column: 5, message: "mapping values are not allowed in this context"),
    .init(input: "a: [1, 2\nb: 3\n", line: 2, column: 2, message: "did not find expected ',' or ']'"),
    .init(input: "a: 'open\n", line: 2, column: 1, message: "found unexpected end of stream"),
    .init(input: "a: 1\n\tb: 2\n", line: 2, column: 1, message: "found a tab character that violates indentation"),
    .init(input: "- a\nb: c\n", line: 2, column: 1, message: "did not find expected '-' indicator"),
    .init(input: "x: *nope\n", line: 1, column: 4, message: "unknown or recursive alias '*nope'"),
    .init(input: "a: &r [*r]\n", line: 1, column: 8, message: "unknown or recursive alias '*r'"),
    .init(input: "a: {b: 1\n", line: 2, column: 1, message: "did not find expected ',' or '}'"),
    .init(input: "k: \"\\q\"\n", line: 1, column: 5, message: "found unknown escape character"),
]

@Test(arguments: errorCases)
func errorsHavePositions(_ testCase: ErrorCase) throws {
    let error = try #require(parseError(testCase.input))
    #expect(error.message.contains(testCase.message), "\(error.message)")
    #expect(error.line == testCase.line)
    #expect(error.column == testCase.column)
    #expect(error.description.hasPrefix("\(testCase.line):\(testCase.column): "))
}

@Test func invalidUTF8ReportsByteOffset() throws {
    let bytes = Array("a: ok\nb: ".utf8) + [0xFF] + Array("\n".utf8)
    guard case .failure(let error) = YAMLReader.parse(bytes: bytes) else {
        Issue.record("expected an error")
        return
    }
    #expect(error.offset == 9)
    #expect(error.line == 2)
    #expect(error.column == 4)
    #expect(error.message.contains("UTF-8"))
}

/// The classic "billion laughs": 9 levels of 9 aliases each, about 4e8 nodes.
private let billionLaughs: String = {
    var lines = ["a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    for level in 1...9 {
        let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",")
        lines.append("a\(level): &a\(level) [\(refs)]")
    }
    return lines.joined(separator: "\n") + "\n"
}()

@Test(.timeLimit(.minutes(1)))
func billionLaughsIsAnErrorNotAnOutOfMemory() throws {
    let clock = ContinuousClock()
    let start = clock.now
    let error = try #require(parseError(billionLaughs))
    #expect(clock.now - start < .seconds(5))
    #expect(error.message.contains("more than 1000000 nodes"))
    #expect(error.line > 1)
}

@Test func nodeLimitIsConfigurable() throws {
    let limits = YAMLReaderLimits(maxNodes: 10, maxDepth: 512)
    #expect(parseError("[1, 2, 3, 4, 5, 6, 7, 8]", limits: limits) == nil)
    let error = try #require(parseError("[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]", limits: limits))
    #expect(error.column == 29)
}

@Test func deepNestingIsAnError() throws {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = try #require(parseError(deep))
    #expect(error.message.contains("deeper than 512"))
    #expect(error.line == 1 && error.column == 513)
    let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(parseError(ok) == nil)
}

@Test func aliasesCannotExceedTheDepthLimit() throws {
    let limits = YAMLReaderLimits(maxNodes: 1000, maxDepth: 4)
    #expect(parseError("a: &x [[1]]\nb: [*x]\n", limits: limits) == nil)
    let error = try #require(parseError("a: &x [[[1]]]\nb: [*x]\n", limits: limits))
    #expect(error.line == 2 && error.column == 5)
}
