// Decoding of string literals: escapes, `\( )` interpolation (parsed by a
// nested parser over the same bytes), raw strings and multi-line indentation.

extension Parser {
    /// Decodes a `.string` or `.multilineString` token into segments.
    mutating func parseStringLiteral(_ token: Token) -> StringLiteral {
        var hashes = 0
        while bytes[token.range.start + hashes] == UInt8(ascii: "#") { hashes += 1 }
        let quoteStart = token.range.start + hashes
        let isMultiline = token.kind == .multilineString
        let quoteLength = isMultiline ? 3 : 1
        let contentStart = quoteStart + quoteLength
        var contentEnd = token.range.end - quoteLength - hashes
        let isTerminated = !token.isUnterminated && hasClosingDelimiter(token, quoteLength: quoteLength, hashes: hashes)
        if !isTerminated {
            // Reported by the lexer; what follows on the line may belong to the string.
            contentEnd = token.range.end
            beginRecovery(at: token.range.start)
        }
        let reported = diagnostics.count
        // The parser's decoder is reused: its arrays keep their capacity.
        let storage = decoderStorage ?? DecoderStorage()
        decoderStorage = storage
        var decoder = StringDecoder(hashes: hashes)
        swap(&decoder, &storage.decoder)
        decoder.hashes = hashes
        if isMultiline {
            decodeMultiline(contentStart..<max(contentStart, contentEnd), token: token, into: &decoder)
        } else {
            decodeRun(contentStart..<max(contentStart, contentEnd), into: &decoder, isMultiline: false)
        }
        decoder.flush()
        // The lexer reported an unterminated string; what its contents look like is a consequence.
        if !isTerminated, diagnostics.count > reported { diagnostics.removeSubrange(reported...) }
        // Copies of the exact size: `Array(decoder.segments[...])` would share the
        // decoder's buffer (a slice of a whole array is that array), so every
        // literal kept a buffer of the largest capacity so far and `reset()`
        // allocated another: 80 of the 122 MB a 5 MB file's parse held.
        let literal = StringLiteral(
            segments: decoder.segments.withUnsafeBufferPointer { Array($0) }, isMultiline: isMultiline, hashes: hashes,
            range: token.range, anchors: decoder.anchors.withUnsafeBufferPointer { Array($0) })
        decoder.reset()
        swap(&decoder, &storage.decoder)
        return literal
    }

    func hasClosingDelimiter(_ token: Token, quoteLength: Int, hashes: Int) -> Bool {
        let minimum = 2 * (quoteLength + hashes)
        guard token.range.length >= minimum else { return false }
        let close = token.range.end - quoteLength - hashes
        for offset in 0..<quoteLength where bytes[close + offset] != 0x22 { return false }
        for offset in 0..<hashes where bytes[close + quoteLength + offset] != UInt8(ascii: "#") { return false }
        return true
    }

    /// Multi-line layout: the opening quotes end their line, the closing ones
    /// stand alone, and the closing line's indentation is removed from each line.
    mutating func decodeMultiline(_ content: Range<Int>, token: Token, into decoder: inout StringDecoder) {
        var cursor = content.lowerBound
        while cursor < content.upperBound, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 { cursor += 1 }
        if cursor < content.upperBound, bytes[cursor] == 0x0D { cursor += 1 }
        guard cursor < content.upperBound, bytes[cursor] == 0x0A else {
            reportLiteral(
                .multilineStringLayout, "a multi-line string must start on the line after its opening \"\"\"",
                at: SourceRange(token.range.start, min(token.range.end, cursor + 1)))
            return
        }
        let bodyStart = cursor + 1
        var lastLineStart = content.upperBound
        while lastLineStart > bodyStart, bytes[lastLineStart - 1] != 0x0A { lastLineStart -= 1 }
        let indent = lastLineStart..<content.upperBound
        if !isBlank(indent) || lastLineStart < bodyStart {
            var textStart = max(bodyStart, lastLineStart)
            while bytes[textStart] == 0x20 || bytes[textStart] == 0x09 { textStart += 1 }
            reportLiteral(
                .multilineStringLayout, "the closing \"\"\" of a multi-line string must stand on a line of its own", at: SourceRange(textStart, token.range.end)
            )
            return
        }
        var lineStart = bodyStart
        while lineStart < lastLineStart {
            let lineEnd = firstByte(0x0A, from: lineStart, to: bytes.count)
            let textEnd = lineEnd > lineStart && bytes[lineEnd - 1] == 0x0D ? lineEnd - 1 : lineEnd
            lineStart = decodeMultilineLine(lineStart..<textEnd, indent: indent, contentEnd: lastLineStart, into: &decoder)
        }
    }

    /// True when `range` holds only spaces and tabs.
    func isBlank(_ range: Range<Int>) -> Bool {
        var cursor = range.lowerBound
        while cursor < range.upperBound {
            if bytes[cursor] != 0x20 && bytes[cursor] != 0x09 { return false }
            cursor += 1
        }
        return true
    }

    /// True when the bytes at `start` begin with the bytes of `prefix`, all before `end`.
    func hasPrefix(_ prefix: Range<Int>, at start: Int, before end: Int) -> Bool {
        guard prefix.count <= end - start else { return false }
        var offset = 0
        while offset < prefix.count {
            if bytes[start + offset] != bytes[prefix.lowerBound + offset] { return false }
            offset += 1
        }
        return true
    }

    /// The offset of the first `byte` in `start..<end`, or `end`.
    func firstByte(_ byte: UInt8, from start: Int, to end: Int) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var cursor = start
            while cursor < end, buffer[cursor] != byte { cursor += 1 }
            return cursor
        }
    }

    /// One content line: strips `indent`, decodes it, appends the line feed.
    /// Returns the offset where the next line starts.
    mutating func decodeMultilineLine(_ line: Range<Int>, indent: Range<Int>, contentEnd: Int, into decoder: inout StringDecoder) -> Int {
        var start = line.lowerBound
        if hasPrefix(indent, at: line.lowerBound, before: line.upperBound) {
            start += indent.count
        } else if !isBlank(line) {
            reportLiteral(
                .multilineStringLayout, "this line of a multi-line string is indented less than its closing \"\"\"",
                at: SourceRange(line.lowerBound, line.upperBound))
        } else {
            start = line.upperBound
        }
        var textEnd = line.upperBound
        var resume = decodeRun(start..<textEnd, into: &decoder, isMultiline: true, limit: contentEnd)
        while resume > textEnd {
            // An interpolation ran over the line end: go on after it, to the end of its line.
            let next = firstByte(0x0A, from: resume, to: contentEnd)
            textEnd = next > resume && bytes[next - 1] == 0x0D ? next - 1 : next
            resume = decodeRun(resume..<textEnd, into: &decoder, isMultiline: true, limit: contentEnd)
        }
        let lineFeed = firstByte(0x0A, from: textEnd, to: contentEnd)
        if decoder.joinsNextLine {
            decoder.joinsNextLine = false
        } else if lineFeed < contentEnd {
            // The line end (LF or CR LF) decodes to one line feed.
            decoder.append(0x0A, at: textEnd)
            decoder.bufferEnd = lineFeed + 1
        }
        return min(lineFeed + 1, contentEnd)
    }

    /// Decodes text, escapes and interpolations in `run`. Returns where it
    /// stopped (past `run.upperBound` when an interpolation ran over it).
    @discardableResult
    mutating func decodeRun(_ run: Range<Int>, into decoder: inout StringDecoder, isMultiline: Bool, limit: Int? = nil) -> Int {
        var cursor = run.lowerBound
        while cursor < run.upperBound {
            let backslash = firstByte(0x5C, from: cursor, to: run.upperBound)
            if backslash > cursor {
                bytes.withUnsafeBufferPointer { decoder.append(contentsOf: $0, from: cursor, to: backslash) }
                cursor = backslash
                continue
            }
            guard hasHashes(at: cursor + 1, count: decoder.hashes, before: run.upperBound) else {
                decoder.append(0x5C, at: cursor)
                cursor += 1
                continue
            }
            let escapeStart = cursor
            cursor += 1 + decoder.hashes
            guard cursor < run.upperBound else {
                if isMultiline { decoder.joinsNextLine = true } else { reportEscape(escapeStart, cursor) }
                return cursor
            }
            if bytes[cursor] == UInt8(ascii: "(") {
                cursor = parseInterpolation(from: cursor + 1, limit: limit ?? run.upperBound, into: &decoder)
                continue
            }
            cursor = decodeEscape(at: cursor, escapeStart: escapeStart, end: run.upperBound, into: &decoder)
        }
        return cursor
    }

    func hasHashes(at index: Int, count: Int, before end: Int) -> Bool {
        guard index + count <= end else { return false }
        for offset in 0..<count where bytes[index + offset] != UInt8(ascii: "#") { return false }
        return true
    }

    /// The byte a one-character escape (`\n`, `\"`, ...) stands for, or nil.
    func simpleEscape(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "t"): 0x09
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "0"): 0
        case 0x5C, 0x22, 0x27: byte
        default: nil
        }
    }

    /// One escape after the backslash (and hashes); returns the offset after it.
    mutating func decodeEscape(at cursor: Int, escapeStart: Int, end: Int, into decoder: inout StringDecoder) -> Int {
        let byte = bytes[cursor]
        if let value = simpleEscape(byte) {
            decoder.append(value, at: escapeStart)
            return cursor + 1
        }
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") {
            decoder.appendLiteral(byte, range: SourceRange(escapeStart, cursor + 1))
            return cursor + 1
        }
        if byte == UInt8(ascii: "u") {
            guard cursor + 1 < end, bytes[cursor + 1] == UInt8(ascii: "{") else {
                reportLiteral(
                    .invalidEscape, "invalid unicode escape; write \\u{1F600} with 1 to 8 hex digits of a valid scalar",
                    at: SourceRange(escapeStart, cursor + 1))
                return cursor + 1
            }
            var close = cursor + 2
            while close < end, close - cursor < 12, bytes[close] != UInt8(ascii: "}") { close += 1 }
            let digits = String(decoding: bytes[(cursor + 2)..<min(close, end)], as: UTF8.self)
            if close < end, bytes[close] == UInt8(ascii: "}"), !digits.isEmpty, digits.count <= 8,
                let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value)
            {
                for unit in String(scalar).utf8 { decoder.append(unit, at: escapeStart) }
                return close + 1
            }
            reportLiteral(
                .invalidEscape, "invalid unicode escape; write \\u{1F600} with 1 to 8 hex digits of a valid scalar",
                at: SourceRange(escapeStart, min(close + 1, end)))
            return min(close + 1, end)
        }
        reportEscape(escapeStart, cursor + 1)
        return cursor + 1
    }

    mutating func reportEscape(_ start: Int, _ end: Int) {
        let shown = String(decoding: bytes[start..<min(end, bytes.count)], as: UTF8.self)
        reportLiteral(
            .invalidEscape, "invalid escape '\(shown)'; valid escapes are \\n \\t \\r \\0 \\\\ \\\" \\' \\{ \\} \\u{...} and \\( )", at: SourceRange(start, end)
        )
    }

    /// Parses `expr )` starting at `start` with a nested parser over the same
    /// bytes; returns the offset after the closing parenthesis.
    mutating func parseInterpolation(from start: Int, limit: Int, into decoder: inout StringDecoder) -> Int {
        var lexed = Lexer.tokenize(bytes, range: start..<limit, stopAtClosingParen: true)
        let closeIndex = closingParenIndex(in: lexed.tokens)
        let closeToken = lexed.tokens[closeIndex]
        // The tokens before the `)`, then the end (in place: no copy).
        var inner = lexed.tokens
        lexed.tokens = []
        inner.removeSubrange(closeIndex...)
        inner.append(Token(kind: .endOfFile, range: SourceRange(closeToken.range.start, closeToken.range.start)))
        var nested = Parser(bytes: bytes, tokens: inner, depth: depth)
        let expr: Expr
        if inner.count == 1 {
            expr = Expr(.error, range: SourceRange(start, start))
            reportLiteral(.expectedExpression, "expected an expression inside \\( )", at: SourceRange(start - 2, start + 1))
        } else {
            expr = nested.parseExpression()
            if !nested.isAtEnd { nested.reportExpected("')' to end the interpolation") }
        }
        // The outer lexer saw this code as string text: report the bytes that start no
        // token and malformed numbers (NUL and non-UTF-8 bytes were reported as text).
        if !lexed.diagnostics.isEmpty {
            diagnostics += lexed.diagnostics.filter {
                ($0.code == .invalidByte || $0.code == .malformedNumber) && $0.range.start < closeToken.range.start
            }
        }
        if !nested.diagnostics.isEmpty { diagnostics += nested.diagnostics }
        decoder.appendInterpolation(expr)
        return closeToken.kind == .rightParen ? closeToken.range.end : limit
    }

    /// The index of the `)` that closes an interpolation (one is open before
    /// the first token), or of the last token when none does.
    func closingParenIndex(in tokens: [Token]) -> Int {
        var depthCount = 1
        for position in tokens.indices {
            if tokens[position].kind == .leftParen { depthCount += 1 }
            if tokens[position].kind == .rightParen {
                depthCount -= 1
                if depthCount == 0 { return position }
            }
        }
        return tokens.count - 1
    }
}

/// A parser's string decoder between literals.
final class DecoderStorage {
    var decoder = StringDecoder(hashes: 0)
}

/// Accumulates decoded bytes into segments.
struct StringDecoder {
    var hashes: Int
    var segments: [StringSegment] = []
    var buffer: [UInt8] = []
    var bufferStart = -1
    var bufferEnd = -1
    var joinsNextLine = false
    var anchors: [StringAnchor] = []

    init(hashes: Int) { self.hashes = hashes }

    /// Empties the decoder for the next literal, keeping the arrays' capacity.
    mutating func reset() {
        segments.removeAll(keepingCapacity: true)
        buffer.removeAll(keepingCapacity: true)
        anchors.removeAll(keepingCapacity: true)
        bufferStart = -1
        bufferEnd = -1
        joinsNextLine = false
    }

    mutating func append(_ byte: UInt8, at offset: Int) {
        if bufferStart < 0 { bufferStart = offset }
        if buffer.isEmpty || offset != bufferEnd {
            anchors.append(StringAnchor(segment: segments.count, textOffset: buffer.count, sourceOffset: offset))
        }
        buffer.append(byte)
        bufferEnd = offset + 1
    }

    /// Appends the source bytes `start..<end` (not empty) as they are, as
    /// `append(_:at:)` would one by one.
    mutating func append(contentsOf source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
        if bufferStart < 0 { bufferStart = start }
        if buffer.isEmpty || start != bufferEnd {
            anchors.append(StringAnchor(segment: segments.count, textOffset: buffer.count, sourceOffset: start))
        }
        buffer.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
        bufferEnd = end
    }

    mutating func appendLiteral(_ byte: UInt8, range: SourceRange) {
        flush()
        segments.append(.literalText(String(decoding: [byte], as: UTF8.self), range))
    }

    mutating func appendInterpolation(_ expr: Expr) {
        flush()
        segments.append(.interpolation(expr))
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        segments.append(.text(String(decoding: buffer, as: UTF8.self), SourceRange(bufferStart, bufferEnd)))
        buffer.removeAll(keepingCapacity: true)
        bufferStart = -1
    }
}
