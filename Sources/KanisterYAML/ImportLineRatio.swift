// The measure of issue 15's line ratio: lines of code (non-blank, not only a
// comment) of an imported .bp against those of its YAML; comments are found
// as each language finds them (YAMLComments, the .bp lexer), so a `#` line of
// a script counts on both sides.

import BlueprintSyntax

public enum ImportLineRatio {
    /// Lines of a YAML document with a byte that is neither blank nor part of a comment.
    public static func codeLines(yaml bytes: [UInt8]) -> Int {
        guard case .success(let documents) = YAMLReader.parse(bytes: bytes, limits: .standard) else { return 0 }
        var comments: [SourceRange] = []
        for document in documents { comments += YAMLComments.find(in: bytes, document: document) }
        return codeLines(bytes, comments: comments)
    }

    /// Lines of .bp source with a byte that is neither blank nor part of a comment.
    public static func codeLines(bp bytes: [UInt8]) -> Int {
        let tokens = Lexer.tokenize(bytes, includeTrivia: true).tokens
        return codeLines(bytes, comments: tokens.filter { $0.kind == .comment }.map(\.range))
    }

    static func codeLines(_ bytes: [UInt8], comments: [SourceRange]) -> Int {
        var inComment = [Bool](repeating: false, count: bytes.count)
        for range in comments where range.start >= 0 && range.end <= bytes.count {
            for offset in range.start..<range.end { inComment[offset] = true }
        }
        var count = 0
        var lineHasCode = false
        for (offset, byte) in bytes.enumerated() {
            if byte == 0x0A {
                if lineHasCode { count += 1 }
                lineHasCode = false
            } else if !inComment[offset], byte != 0x20, byte != 0x09, byte != 0x0D {
                lineHasCode = true
            }
        }
        return count + (lineHasCode ? 1 : 0)
    }
}
