// The importer's scans by bytes give what the scans by Characters they replaced
// give: the one-line blocks' quick refusal (`mayJoinOntoOneLine`) never refuses
// a block that the full join accepts, and `dedented` is `dedentedByCharacters`,
// on generated text with CR LF, combining marks and tabs among the lines.

import TestSupport
import Testing

@testable import KanisterYAML

@Suite struct ImportByteScanTests {
    /// A written block: a head line ending in ` {`, item lines at two more spaces,
    /// the closing brace; items of random widths, sometimes a line the join refuses
    /// (a comment, a multi-line string, an opening bracket), sometimes bytes
    /// outside ASCII or a carriage return.
    static func block(_ random: inout SeededGenerator) -> String {
        let indent = String(repeating: " ", count: 2 * Int.random(in: 0...3, using: &random))
        var text = indent + "phase p\(Int.random(in: 0...99, using: &random)): KubeTask {\n"
        let words = ["image: tools", "namespace: StatefulSet.Namespace", "pod: \"x\"", "a: 1", "é: \"ü\"", "c: [1, 2]"]
        for _ in 0..<Int.random(in: 0...6, using: &random) {
            var item = words.randomElement(using: &random)!
            if Bool.random(using: &random) { item += String(repeating: "x", count: Int.random(in: 0...60, using: &random)) }
            switch Int.random(in: 0..<20, using: &random) {
            case 0: item += " # note"
            case 1: item += " ["
            case 2: item += "\r"
            case 3: item = "  " + item
            default: break
            }
            text += indent + "  " + item + "\n"
        }
        if Int.random(in: 0..<10, using: &random) > 0 { text += indent + "}\n" }
        return text
    }

    @Test func theQuickRefusalNeverRefusesAJoin() {
        var random = SeededGenerator(seed: 2026)
        var joined = 0
        var refused = 0
        for _ in 0..<20_000 {
            let text = Substring(ImportByteScanTests.block(&random))
            let full = ImportWriter.joinedOntoOneLine(text)
            let quick = ImportWriter.mayJoinOntoOneLine(text)
            if let full {
                joined += 1
                #expect(quick, "refused a block that joins: \(text.debugDescription) -> \(full.debugDescription)")
            }
            if !quick { refused += 1 }
            #expect(ImportWriter.oneLineBlock(text) == full)
        }
        // Both outcomes occur, so the property is exercised.
        #expect(joined > 1000 && refused > 1000, "joined \(joined), refused quickly \(refused)")
    }

    @Test func aLongScriptIsRefusedQuickly() {
        let script = (0..<200).map { "      echo line \($0)" }.joined(separator: "\n")
        let text = "phase dump: KubeTask {\n  image: tools\n  command: bash \"\"\"\n\(script)\n    \"\"\"\n}\n"
        #expect(!ImportWriter.mayJoinOntoOneLine(Substring(text)))
        #expect(ImportWriter.oneLineBlock(Substring(text)) == nil)
        let short = "phase dump: KubeTask {\n  image: tools\n  namespace: ns\n}\n"
        #expect(ImportWriter.oneLineBlock(Substring(short)) == "phase dump: KubeTask { image: tools, namespace: ns }\n")
    }

    /// Lines of spaces, tabs, words, a combining acute accent, CR, CR LF.
    static func lines(_ random: inout SeededGenerator) -> String {
        let pieces = [" ", "  ", "\t", "echo", "é", "e\u{301}", "\u{301}", "\r", "#", "x y"]
        var text = ""
        for _ in 0..<Int.random(in: 0...8, using: &random) {
            text += String(repeating: " ", count: Int.random(in: 0...6, using: &random))
            for _ in 0..<Int.random(in: 0...4, using: &random) { text += pieces.randomElement(using: &random)! }
            text += Int.random(in: 0..<8, using: &random) == 0 ? "\r\n" : "\n"
        }
        if Bool.random(using: &random) { text += "tail" }
        return text
    }

    @Test func dedentedByBytesIsDedentedByCharacters() {
        var random = SeededGenerator(seed: 4)
        for _ in 0..<20_000 {
            let text = ImportByteScanTests.lines(&random)
            let indent = Int.random(in: 0...4, using: &random)
            #expect(
                ImportIdiomState.dedented(Array(text.utf8)[...], by: indent) == ImportIdiomState.dedentedByCharacters(text, by: indent),
                "\(text.debugDescription) by \(indent)")
        }
    }

    @Test func piecesBetweenAMarker() {
        let marker = "\u{E000}"
        #expect(ImportWriter.pieces(of: "a\u{E000}b\u{E000}\u{E000}c", between: marker) == ["a", "b", "", "c"])
        #expect(ImportWriter.pieces(of: "", between: marker) == [""])
        #expect(ImportWriter.pieces(of: "\u{E000}", between: marker) == ["", ""])
        #expect(ImportWriter.holds("x\u{E000}y", marker) && !ImportWriter.holds("x\u{E001}y", marker))
    }
}
