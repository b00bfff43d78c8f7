// Property tests over seeded random input: the lexer and parser terminate without
// crashing, tokens are ordered and only trimmed white space falls between them, and
// every node range lies inside the template.

import TestSupport
import Testing

@testable import BlueprintSema

@Suite("Go template properties")
struct GoTemplatePropertyTests {
    static func inputs(seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let alphabet = Array("{}{}-  \n\t.$:=|()\"'`\\/*,aZ_0159eEpPxi+é😀\u{01}")
        let noise = (0..<300).map { _ in
            String(
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                    alphabet.randomElement(using: &generator) ?? "x"
                })
        }
        return noise + GoTemplateFuzz.randomTemplates(count: 300, seed: seed)
    }

    @Test(arguments: [UInt64(101), 102, 103, 104])
    func tokensAreOrderedAndGapsAreTrimmedSpace(seed: UInt64) {
        for text in Self.inputs(seed: seed) {
            let bytes = Array(text.utf8)
            var lexer = GoTemplateLexer(input: bytes)
            lexer.run()
            let tokens = lexer.tokens
            #expect(tokens.last?.kind == .eof || tokens.last?.kind == .error, "\(text.debugDescription)")
            #expect((tokens.last?.kind == .error) == (lexer.error != nil))
            var position = 0
            for token in tokens {
                #expect(token.start <= token.end && token.end <= bytes.count, "\(text.debugDescription)")
                #expect(token.start >= position, "overlap in \(text.debugDescription)")
                // Trimmed white space; before a failed comment also its `{{` or `{{- `.
                let gap = bytes[min(position, token.start)..<token.start]
                let allowed: (UInt8) -> Bool = { byte in
                    GoTemplateCharacters.isSpace(byte) || (token.kind == .error && (byte == 0x7B || byte == 0x2D))
                }
                #expect(gap.allSatisfy(allowed), "\(text.debugDescription) gap \(gap)")
                position = max(position, token.end)
            }
        }
    }

    @Test(arguments: [UInt64(201), 202, 203, 204])
    func parserTerminatesAndRangesAreInside(seed: UInt64) {
        for text in Self.inputs(seed: seed) {
            let length = text.utf8.count
            switch GoTemplate.parse(text) {
            case .success(let tree):
                for node in tree.nodes {
                    #expect(node.range.lowerBound >= 0 && node.range.upperBound <= length)
                }
                let references = tree.references()
                #expect(references.fields.allSatisfy { $0.range.upperBound <= length })
            case .failure(let error):
                #expect(error.offset >= 0 && error.offset <= length)
                #expect(error.line >= 1)
            }
        }
    }
}
