// Round-trip tests: seeded random strings written and read back unchanged, and the real
// Kanister example blueprints read, written and read again to equivalent documents.

import Foundation
import TestSupport
import Testing

@testable import KanisterYAML

/// Pieces that trip up YAML writers: indicators, whitespace, breaks, look-alike words.
private let pieces: [String] = [
    " ", "  ", "\n", "\n\n", "\t", "\r", "\r\n", ":", ": ", "#", " #", "-", "- ", "?", "? ",
    "'", "\"", "\\", "{", "}", "[", "]", ",", "&", "*", "!", "|", ">", "%", "@", "`", "~",
    "é", "日本", "😀", "\u{85}", "\u{2028}", "\u{2029}", "\u{FEFF}", "\u{0}", "\u{7}", "\u{1B}",
    "\u{A0}", "\u{FFFD}", "0", "1", "0x1F", "1e3", ".", ".5", "_", "+", "yes", "No", "on", "null",
    "true", "---", "...", "<<", "=", "a", "b", "word", "{{ .Profile }}", "2001-12-14", "1:20",
    String(repeating: "long ", count: 30),
]

/// `YAML_ROUNDTRIP_ITERATIONS` and `YAML_ROUNDTRIP_SEED` scale or vary the random tests.
private func iterations(_ standard: Int) -> Int {
    ProcessInfo.processInfo.environment["YAML_ROUNDTRIP_ITERATIONS"].flatMap { Int($0) } ?? standard
}

private func seed(_ standard: UInt64) -> UInt64 {
    ProcessInfo.processInfo.environment["YAML_ROUNDTRIP_SEED"].flatMap { UInt64($0) } ?? standard
}

func randomString(using generator: inout SeededGenerator) -> String {
    let count = Int.random(in: 0...6, using: &generator)
    return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
}

/// Each string goes in as a value, a key, a list item, a flow item and a document.
private func document(for value: String) -> [YAMLNode] {
    let flow = YAMLNode.sequence(YAMLSequence(items: [.string(value), .string(value)], style: .flow))
    let root = YAMLNode.map(pairs: [
        YAMLPair(key: .string("v"), value: .string(value)),
        YAMLPair(key: .string(value), value: .int(1)),
        YAMLPair(key: .string("l"), value: .list([.string(value), .map(["k": .string(value)])])),
        YAMLPair(key: .string("f"), value: flow),
    ])
    return [root, .string(value)]
}

/// The byte-level analysis of ASCII text (short paths for ordinary characters,
/// spaces and flow indicators) gives what the reference scan over Unicode scalars gives.
@Test func asciiAnalysisMatchesTheScalarScan() {
    var generator = SeededGenerator(seed: seed(20_261_126))
    var asciiCases = 0
    for _ in 0..<iterations(20_000) {
        let value = randomString(using: &generator)
        if value.utf8.allSatisfy({ $0 < 0x80 }) { asciiCases += 1 }
        let fast = YAMLScalarAnalysis(value)
        let reference = YAMLScalarAnalysis(scanningScalarsOf: value)
        #expect(fast == reference, "value \(value.debugDescription)")
        if fast != reference { return }
    }
    #expect(asciiCases > 1000)
}

@Test func randomStringsRoundTrip() throws {
    var generator = SeededGenerator(seed: seed(20_240_601))
    for _ in 0..<iterations(3000) {
        let value = randomString(using: &generator)
        let documents = document(for: value)
        let bytes = try YAMLWriter.write(documents: documents)
        let text = String(decoding: bytes, as: UTF8.self)
        switch YAMLReader.parse(bytes: bytes) {
        case .success(let reread):
            let isSame = reread.count == 2 && zip(documents, reread).allSatisfy { $0.isEquivalent(to: $1) }
            #expect(isSame, "value \(value.debugDescription) wrote \(text.debugDescription)")
            // The style we predicted is the one libyaml used (it did not downgrade it).
            let predicted = YAMLStringStyle.choose(for: value, in: YAMLScalarContext())
            let used = reread.first?.mapping?["v"]?.scalar?.style
            #expect(used == predicted, "value \(value.debugDescription) wrote \(text.debugDescription)")
            if !isSame || used != predicted { return }
        case .failure(let error):
            Issue.record("value \(value.debugDescription) wrote \(text.debugDescription): \(error)")
            return
        }
    }
}

private let scalarStyles: [YAMLScalarStyle?] = [nil, nil, .plain, .singleQuoted, .doubleQuoted, .literal, .folded]

/// A random tree whose scalars use every style (libyaml may downgrade impossible ones).
func randomNode(depth: Int, using generator: inout SeededGenerator) -> YAMLNode {
    let pick = depth == 0 ? 0 : Int.random(in: 0...2, using: &generator)
    let style: YAMLCollectionStyle = Bool.random(using: &generator) ? .block : .flow
    let count = Int.random(in: 0...3, using: &generator)
    switch pick {
    case 1:
        let items = (0..<count).map { _ in randomNode(depth: depth - 1, using: &generator) }
        return .sequence(YAMLSequence(items: items, style: style))
    case 2:
        let pairs = (0..<count).map { _ in
            YAMLPair(
                key: randomNode(depth: 0, using: &generator), value: randomNode(depth: depth - 1, using: &generator))
        }
        return .mapping(YAMLMapping(pairs: pairs, style: style))
    default:
        let value = randomString(using: &generator)
        let scalarStyle = scalarStyles.randomElement(using: &generator) ?? nil
        return .scalar(YAMLScalar(value: value, style: scalarStyle))
    }
}

@Test func randomTreesRoundTrip() throws {
    var generator = SeededGenerator(seed: seed(7_000_001))
    for _ in 0..<iterations(1500) {
        let node = randomNode(depth: 4, using: &generator)
        let bytes = try YAMLWriter.write(node)
        let text = String(decoding: bytes, as: UTF8.self)
        let reread = YAMLReader.parse(bytes: bytes)
        let isSame = (try? reread.get()).map { $0.count == 1 && node.isEquivalent(to: $0[0]) } ?? false
        #expect(isSame, "\(node) wrote \(text.debugDescription): \(reread)")
        if !isSame { return }
    }
}

@Test func emptyNullsInFlowAndKeyPositionsStayNull() throws {
    let original = try YAMLReader.parse("{a: , ~: [x]}\n---\n? \n: v\n").get()
    let written = try YAMLWriter.write(documents: original)
    #expect(String(decoding: written, as: UTF8.self) == "{a: ~, ~: [x]}\n---\n~: v\n")
}

@Test func plainStylePreservesResolution() throws {
    let texts = ["yes", "3", "0x1F", "~", "", "1e3", "text", ".inf"]
    let node = YAMLNode.list(texts.map { .plainScalar($0) })
    let reread = try YAMLReader.parse(bytes: try YAMLWriter.write(node)).get()
    #expect(reread.first.map { node.isEquivalent(to: $0) } == true)
}

let examplesDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("shared/kanister/examples")

func exampleFiles() -> [URL] {
    let enumerator = FileManager.default.enumerator(at: examplesDirectory, includingPropertiesForKeys: nil)
    let files = (enumerator?.allObjects ?? []).compactMap { $0 as? URL }
    return files.filter { $0.pathExtension == "yaml" }.sorted { $0.path < $1.path }
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: examplesDirectory.path)))
func kanisterExamplesRoundTrip() throws {
    let files = exampleFiles()
    #expect(files.count == 30)
    for file in files {
        let bytes = try [UInt8](Data(contentsOf: file))
        let original = try YAMLReader.parse(bytes: bytes).get()
        let written = try YAMLWriter.write(documents: original)
        let reread = try YAMLReader.parse(bytes: written).get()
        let isSame = original.count == reread.count && zip(original, reread).allSatisfy { $0.isEquivalent(to: $1) }
        #expect(isSame, "\(file.path)")
        let again = try YAMLWriter.write(documents: reread)
        #expect(again == written, "writing is not idempotent for \(file.path)")
    }
}
