// The writing in pieces (a root mapping's pairs and runs of a split pair's entries,
// each through its own libyaml emitter) gives the bytes that one emitter writes.

import BlueprintSema
import BlueprintSyntax
import Foundation
import TestSupport
import Testing

@testable import KanisterYAML

/// A block mapping of `count` entries with random keys and values; the values use
/// every scalar style, block scalars with kept trailing breaks (`|+`) included.
private func randomEntries(_ count: Int, using generator: inout SeededGenerator) -> YAMLNode {
    let pairs = (0..<count).map { index -> YAMLPair in
        let key: YAMLNode = Bool.random(using: &generator) ? .string("entry\(index)") : randomNode(depth: 0, using: &generator)
        let value: YAMLNode
        switch Int.random(in: 0...3, using: &generator) {
        case 0: value = .scalar(YAMLScalar(value: randomString(using: &generator) + "\n\n", style: .literal))
        case 1: value = .map(pairs: [YAMLPair(key: .string("run"), value: randomNode(depth: 2, using: &generator))])
        default: value = randomNode(depth: 3, using: &generator)
        }
        return YAMLPair(key: key, value: value)
    }
    return .mapping(YAMLMapping(pairs: pairs, style: .block))
}

/// A root block mapping with pairs of every kind: scalars, nested trees, and
/// block mappings that are split (under simple keys) or not.
private func randomDocument(using generator: inout SeededGenerator) -> YAMLNode {
    let pairs = (0..<Int.random(in: 1...5, using: &generator)).map { _ -> YAMLPair in
        switch Int.random(in: 0...3, using: &generator) {
        case 0: return YAMLPair(key: .string("actions"), value: randomEntries(Int.random(in: 2...12, using: &generator), using: &generator))
        case 1:
            let key = randomNode(depth: 0, using: &generator)
            return YAMLPair(key: key, value: randomEntries(Int.random(in: 0...6, using: &generator), using: &generator))
        default: return YAMLPair(key: randomNode(depth: 0, using: &generator), value: randomNode(depth: 3, using: &generator))
        }
    }
    return .mapping(YAMLMapping(pairs: pairs, style: .block))
}

/// Whether writing `node` in pieces cuts some split pair after its first entry.
private func cutsEntries(_ node: YAMLNode, parts: Int) -> Bool {
    guard case .mapping(let root) = node else { return false }
    return YAMLWriter.pieces(of: root, parts: parts).contains { if case .entries(_, let range) = $0 { range.lowerBound > 0 } else { false } }
}

@Test func piecesJoinToWhatOneEmitterWrites() throws {
    var generator = SeededGenerator(seed: 20_261_126)
    let prefix = Array("# header\n".utf8)
    var cut = 0
    var openEnded = 0
    for _ in 0..<1500 {
        let document = randomDocument(using: &generator)
        let whole = try YAMLWriter.writeWithOneEmitter(documents: [document], prefix: prefix)
        if whole.suffix(4) == Array("...\n".utf8) { openEnded += 1 }
        for parts in [1, 2, 3, 16] {
            if cutsEntries(document, parts: parts) { cut += 1 }
            let pieces = try YAMLWriter.write(document, prefix: prefix, parts: parts)
            #expect(pieces == whole, "\(document)\nwhole: \(String(decoding: whole, as: UTF8.self).debugDescription)")
            if pieces != whole { return }
        }
    }
    // The random documents take the paths that matter.
    #expect(cut > 1000)
    #expect(openEnded > 100)
}

@Test(.enabled(if: FileManager.default.fileExists(atPath: examplesDirectory.path)))
func kanisterExamplesWriteTheSameInPieces() throws {
    var cut = 0
    for file in exampleFiles() {
        let documents = try YAMLReader.parse(bytes: try [UInt8](Data(contentsOf: file))).get()
        for document in documents {
            let whole = try YAMLWriter.writeWithOneEmitter(documents: [document], prefix: [])
            for parts in [1, 2, 5, 100] {
                if cutsEntries(document, parts: parts) { cut += 1 }
                #expect(try YAMLWriter.write(document, prefix: [], parts: parts) == whole, "\(file.path), \(parts) parts")
            }
        }
    }
    #expect(cut >= 30)
}

/// Blueprints written straight from the model: the same bytes whatever the runs
/// of actions, and the same bytes again when the YAML is read back (styles kept)
/// and written by one emitter.
@Test func blueprintsWriteTheSameInAnyPieces() throws {
    let samples = try TestSupport.samples().map { SourceFile(path: $0.lastPathComponent, text: try String(contentsOf: $0, encoding: .utf8)) }
    let large = LargeCompileTests.header + (0..<40).map(LargeCompileTests.action).joined()
    var split = 0
    for file in samples + [SourceFile(path: "large.bp", text: large)] {
        let parsed = Parser.parse(file)
        let blueprint = try #require(BlueprintCompiler.analyze(main: Module(file: file, syntax: parsed.syntax)).blueprint, "\(file.path)")
        if blueprint.actions.count > 1 { split += 1 }
        let reference = try BlueprintEmitter.emit(blueprint, parts: 1)
        for parts in [2, 3, 100] {
            #expect(try BlueprintEmitter.emit(blueprint, parts: parts) == reference, "\(file.path), \(parts) parts")
        }
        // As compile writes it: a sample is too small to be cut, so one emitter writes it.
        #expect(try BlueprintEmitter.emit(blueprint) == reference, "\(file.path)")
        let pieces = YAMLWriter.pieces(
            of: BlueprintEmitter.Document(blueprint: blueprint), parts: YAMLWriter.runsPerSplitPair,
            minimumEvents: YAMLWriter.minimumEventsPerRun)
        if file.path != "large.bp" { #expect(pieces.count == 1, "\(file.path)") }
        let headerEnd = try #require(reference.firstRange(of: Array("\napiVersion:".utf8))).lowerBound + 1
        let reread = try YAMLReader.parse(bytes: reference).get()
        let rewritten = try YAMLWriter.writeWithOneEmitter(documents: reread, prefix: Array(reference[..<headerEnd]))
        #expect(rewritten == reference, "\(file.path)")
    }
    #expect(split >= 3)
}
