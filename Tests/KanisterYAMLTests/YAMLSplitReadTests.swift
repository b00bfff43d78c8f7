// YAMLSplitRead must give what one parser gives, marks included, or nothing:
// on the real blueprints, on inputs made to tempt a wrong cut, and on random
// line edits of the real blueprints (the property that ties the two reads).

import Foundation
import TestSupport
import Testing

@testable import KanisterYAML

/// The split read of `text` in `parts` pieces, checked against the serial read:
/// equal when it answers, and no answer where the serial read fails.
@discardableResult
private func checkSplit(_ bytes: [UInt8], parts: Int, limits: YAMLReaderLimits = .standard, _ comment: Comment? = nil) -> Bool {
    let serial = YAMLReader.parseSerially(bytes: bytes, limits: limits)
    guard let split = YAMLSplitRead.parse(bytes: bytes, limits: limits, parts: parts, minimumBytes: 0) else { return false }
    #expect(serial.error == nil, comment)
    #expect(serial.documents.count == 1, comment)
    if let document = serial.documents.first {
        // Compared outside #expect, which would print both trees in full.
        let difference = firstDifference(split.root, document.root)
        let sameSpan = split.span == document.span
        #expect(difference == nil, "\(comment ?? ""): \(difference ?? "")")
        #expect(sameSpan, comment)
    }
    return true
}

/// Where two trees first differ, as a path and the two values there; nil when equal.
private func firstDifference(_ a: YAMLNode, _ b: YAMLNode, _ path: String = "") -> String? {
    if a.start != b.start || a.end != b.end { return "\(path): marks \(a.start)-\(a.end) vs \(b.start)-\(b.end)" }
    if a.tag != b.tag { return "\(path): tag \(a.tag ?? "-") vs \(b.tag ?? "-")" }
    switch (a, b) {
    case (.scalar(let x), .scalar(let y)):
        return x == y
            ? nil : "\(path): scalar \(x.value.debugDescription) \(String(describing: x.style)) vs \(y.value.debugDescription) \(String(describing: y.style))"
    case (.sequence(let x), .sequence(let y)):
        if x.items.count != y.items.count || x.style != y.style { return "\(path): sequence of \(x.items.count) vs \(y.items.count)" }
        for (index, (p, q)) in zip(x.items, y.items).enumerated() {
            if let found = firstDifference(p, q, "\(path)[\(index)]") { return found }
        }
        return nil
    case (.mapping(let x), .mapping(let y)):
        if x.pairs.count != y.pairs.count || x.style != y.style { return "\(path): mapping of \(x.pairs.count) vs \(y.pairs.count)" }
        for (p, q) in zip(x.pairs, y.pairs) {
            let name = "\(path).\(p.key.scalar?.value ?? "?")"
            if let found = firstDifference(p.key, q.key, name + "(key)") ?? firstDifference(p.value, q.value, name) { return found }
        }
        return nil
    default: return "\(path): kinds differ"
    }
}

private func text(_ lines: String...) -> [UInt8] { Array(lines.joined(separator: "\n").utf8) }

@Suite struct YAMLSplitReadTests {
    @Test func theRealBlueprintsReadTheSameInEveryNumberOfParts() throws {
        var answered = 0
        for url in TestSupport.corpusBlueprints() {
            let bytes = [UInt8](try Data(contentsOf: url))
            for parts in 2...5 where checkSplit(bytes, parts: parts, "\(url.lastPathComponent) in \(parts) parts") { answered += 1 }
        }
        // Most real blueprints have the shape the split read takes.
        #expect(answered >= 60)
    }

    @Test func aLargeBlueprintIsReadInParts() throws {
        var lines = ["apiVersion: cr.kanister.io/v1alpha1", "kind: Blueprint", "metadata:", "  name: big", "actions:"]
        for index in 0..<20_000 {
            lines += [
                "  a\(index):", "    phases:", "    - func: KubeTask", "      name: p\(index)", "      args:", "        command: [\"echo\", \"ü\(index)\"]",
            ]
        }
        let bytes = Array((lines.joined(separator: "\n") + "\n").utf8)
        #expect(bytes.count > YAMLSplitRead.minimumBytes)
        let document = try #require(YAMLSplitRead.parse(bytes: bytes, limits: .standard, parts: 4))
        let (serial, error) = YAMLReader.parseSerially(bytes: bytes, limits: .standard)
        #expect(error == nil)
        let serialRoot = try #require(serial.first?.root)
        let difference = firstDifference(document.root, serialRoot)
        #expect(difference == nil, "\(difference ?? "")")
        // The reader takes this path for large files.
        let readerRoot = try #require(YAMLReader.parseDocumentsUntilError(bytes: bytes).documents.first?.root)
        let readerDifference = firstDifference(readerRoot, serialRoot)
        #expect(readerDifference == nil, "\(readerDifference ?? "")")
    }

    @Test func cutsThatWouldChangeTheMeaningAreRefusedOrHarmless() {
        let cases: [[UInt8]] = [
            // A quoted scalar whose second line looks like a key of the actions.
            text("kind: Blueprint", "actions:", "  a:", "    x: \"one", "  b: two\"", "  c:", "    y: 1", ""),
            text("kind: Blueprint", "actions:", "  a:", "    x: 'one", "  b: two'", "  c: 3", ""),
            // A flow mapping over several lines.
            text("kind: Blueprint", "actions:", "  a: {x: 1,", "  b: 2}", "  c: 3", ""),
            // A sequence at the key's indentation belongs to the key before it.
            text("kind: Blueprint", "actions:", "  a:", "  - x", "  - y", "  b: 1", "  c:", "  - z", ""),
            // Explicit keys and values.
            text("kind: Blueprint", "actions:", "  ? a", "  : 1", "  ? b", "  : 2", "  c: 3", ""),
            // An alias to an anchor in the header, and anchors within a part.
            text("kind: &k Blueprint", "actions:", "  a: *k", "  b: &m {x: 1}", "  c: *m", ""),
            text("kind: Blueprint", "actions:", "  a: &m {x: 1}", "  b: 2", "  c: *m", ""),
            // Block scalars, comments at column 0, a tail, no final line break.
            text(
                "kind: Blueprint", "actions:", "  a:", "    s: |", "      line", "", "      more", "# a comment", "  b: >-", "    folded", "  c: 1", "# end",
                "metadata:", "  name: x"),
            text("kind: Blueprint", "actions:", "", "  # first", "  a: 1", "  b: 2", "  c: 3"),
            // Plain scalars continued on the next line (deeper).
            text("kind: Blueprint", "actions:", "  a: one", "    two", "  b: three", "  c: 4", ""),
            // A plain line at the key's indentation that is no key.
            text("kind: Blueprint", "actions:", "  a: 1", "  junk", "  c: 3", ""),
            // Document markers and directives.
            text("kind: Blueprint", "actions:", "  a: 1", "  b: 2", "---", "kind: Blueprint", ""),
            text("kind: Blueprint", "actions:", "  a: 1", "  b: 2", "...", ""),
            // Actions that are not a block mapping.
            text("kind: Blueprint", "actions:", "  - a", "  - b", ""),
            text("kind: Blueprint", "actions:", "  !!map", "  a: 1", "  b: 2", ""),
            // Tags on parts.
            text("kind: Blueprint", "actions:", "  a: !!str 1", "  b: !custom {x: 1}", "  c: 3", ""),
            // Multi-byte characters before and after the cuts.
            text("kind: Blüeprint", "metadata: {name: \"ñ\"}", "actions:", "  ä: \"ö\"", "  b: 日本", "  c: \"😀\"", "tail: é", ""),
            // Duplicate keys at every level, and a second actions key in the tail.
            text("kind: Blueprint", "actions:", "  a: 1", "  a: 2", "  b: 3", "actions:", "  z: 1", ""),
            // Tabs and other line breaks.
            text("kind: Blueprint", "actions:", "  a: 1", "\tb: 2", "  c: 3", ""),
            Array("kind: Blueprint\r\nactions:\r\n  a: 1\r\n  b: 2\r\n  c: 3\r\n".utf8),
            Array("kind: Blueprint\nactions:\n  a: \"x\u{2028}y\"\n  b: 2\n  c: 3\n".utf8),
            // A piece that starts with a byte order mark: a UTF-16 one would make
            // a parser that guesses the encoding read the tail as UTF-16.
            Array("kind: Blueprint\nactions:\n  a: 1\n  b: 2\n".utf8) + [0xFE, 0xFF, 0x00, 0x6B, 0x00, 0x3A, 0x00, 0x20, 0x00, 0x31, 0x00, 0x0A],
            Array("kind: Blueprint\nactions:\n  a: 1\n  b: 2\n".utf8) + [0xEF, 0xBB, 0xBF] + Array("tail: 1\n".utf8),
        ]
        for (index, bytes) in cases.enumerated() {
            for parts in 2...4 { checkSplit(bytes, parts: parts, "case \(index) in \(parts) parts") }
        }
        // The shapes the split read must take: a tail, comments, block scalars.
        #expect(checkSplit(cases[7], parts: 3))
        #expect(checkSplit(cases[8], parts: 3))
        #expect(checkSplit(cases[16], parts: 3))
        // And the ones it must refuse: a cut inside a quote or a flow mapping, an alias across parts.
        #expect(!checkSplit(cases[0], parts: 3))
        #expect(!checkSplit(cases[2], parts: 3))
        #expect(!checkSplit(cases[5], parts: 3))
    }

    @Test func limitsHoldAsInOneRead() {
        let deep = text("kind: Blueprint", "actions:", "  a:", "    b:", "      c:", "        d: 1", "  e: 1", "  f: 1", "")
        for depth in 2...7 {
            for parts in 2...3 { checkSplit(deep, parts: parts, limits: YAMLReaderLimits(maxDepth: depth), "depth \(depth)") }
        }
        for nodes in [5, 10, 14, 15, 16, 17, 18, 20, 30] {
            for parts in 2...3 { checkSplit(deep, parts: parts, limits: YAMLReaderLimits(maxNodes: nodes), "nodes \(nodes)") }
        }
    }

    /// Random line edits of the real blueprints (drop, repeat, indent, unindent,
    /// a quote or a bracket added): whatever the split read answers is what the
    /// serial read gives.
    @Test func randomEditsOfRealBlueprintsReadTheSame() throws {
        var random = SeededGenerator(seed: 0x5EED)
        let files = try TestSupport.corpusBlueprints().map { [UInt8](try Data(contentsOf: $0)) }
        var answered = 0
        for round in 0..<600 {
            var lines = String(decoding: files[round % files.count], as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0...(random.next() % 3) {
                let at = Int(random.next() % UInt64(lines.count))
                switch random.next() % 7 {
                case 0: lines.remove(at: at)
                case 1: lines.insert(lines[at], at: at)
                case 2: lines[at] = "  " + lines[at]
                case 3: lines[at] = String(lines[at].dropFirst(min(2, lines[at].prefix { $0 == " " }.count)))
                case 4: lines[at] += "\""
                case 5: lines[at] += " {"
                default: lines[at] = "# " + lines[at]
                }
                if lines.isEmpty { lines = [""] }
            }
            if checkSplit(Array(lines.joined(separator: "\n").utf8), parts: 2 + round % 3, "round \(round)") { answered += 1 }
        }
        #expect(answered > 100)
    }
}
