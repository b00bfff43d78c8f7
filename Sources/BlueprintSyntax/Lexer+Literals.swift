// Number, duration and string literals. Strings are scanned whole, including
// `\( )` interpolations; the parser decodes their contents later.

extension LexerState {
    /// INT, FLOAT or DURATION; a leading '-' was already consumed by the caller.
    mutating func lexNumber(_ start: Int) {
        let digitsStart = position
        skipDigits()
        var kind = TokenKind.int
        if peek() == UInt8(ascii: "."), isDigit(peek(1)) {
            position += 1
            skipDigits()
            kind = .float
        }
        if peek() | 0x20 == UInt8(ascii: "e"), isDigit(peek(1)) || ((peek(1) == 0x2B || peek(1) == 0x2D) && isDigit(peek(2))) {
            position += 2
            skipDigits()
            kind = .float
        }
        if isIdentifierByte(peek()) {
            if kind == .int, buffer[start] != UInt8(ascii: "-"), lexDurationUnits(from: digitsStart) {
                add(.duration, from: start)
                return
            }
            while position < end, isIdentifierByte(buffer[position]) || buffer[position] == 0x2E { position += 1 }
            report(.malformedNumber, "malformed number or duration '\(text(start))' (durations look like 30s, 10m, 1h30m, 500ms)", start, position)
            add(.invalid, from: start)
            return
        }
        add(kind, from: start)
    }

    @inline(__always) mutating func skipDigits() {
        while position < end, isDigit(buffer[position]) { position += 1 }
    }

    /// Re-reads `digits unit { digits unit }` from `from`; on success leaves position after it.
    mutating func lexDurationUnits(from: Int) -> Bool {
        var cursor = from
        var units = 0
        while cursor < end, isDigit(buffer[cursor]) {
            while cursor < end, isDigit(buffer[cursor]) { cursor += 1 }
            let unitStart = cursor
            while cursor < end, (buffer[cursor] | 0x20) >= 0x61, (buffer[cursor] | 0x20) <= 0x7A { cursor += 1 }
            let unit = String(decoding: UnsafeBufferPointer(rebasing: buffer[unitStart..<cursor]), as: UTF8.self)
            guard ["ms", "s", "m", "h"].contains(unit) else { return false }
            units += 1
        }
        if units == 0 || (cursor < end && isIdentifierByte(buffer[cursor])) { return false }
        position = cursor
        return true
    }

    func text(_ start: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
    }

    /// A string literal; `position` is at its first quote, `hashes` raw delimiters precede it.
    mutating func lexString(_ start: Int, hashes: Int) {
        let isMultiline = peek(1) == 0x22 && peek(2) == 0x22
        position += isMultiline ? 3 : 1
        var closed = scanStringBody(hashes: hashes, isMultiline: isMultiline)
        if isMultiline, !hasReportedInterpolation, let resume = multilineRecoveryPoint(start, closed: closed, hashes: hashes),
            resume >= start + hashes + 3
        {
            // Unterminated: the string ends where the code around it resumes.
            closed = false
            position = resume
        }
        if !closed, !hasReportedInterpolation {
            let what = isMultiline ? "multi-line string" : "string"
            let closer = (isMultiline ? "\"\"\"" : "\"") + String(repeating: "#", count: hashes)
            let openerLength = hashes + (isMultiline ? 3 : 1)
            report(.unterminatedString, "unterminated \(what); expected \(closer)", start, start + openerLength)
        }
        hasReportedInterpolation = false
        validateText(start)
        add(isMultiline ? .multilineString : .string, from: start)
        if !closed { tokens[tokens.count - 1].isUnterminated = true }
    }

    /// Where an unterminated multi-line string opened at `start` should end so
    /// that the code after it is read as code, or nil when the string is well
    /// closed. It is unterminated when the scan reached the end of the input, or
    /// stopped at a `"""` that is not alone on its line but ends it (the opener
    /// of another string: a well-formed closer stands on a line of its own) and is
    /// indented no deeper than the opening line. It then ends before the first
    /// line after its opening line that is indented no deeper than that line
    /// (the enclosing block goes on there), else where the scan stopped.
    mutating func multilineRecoveryPoint(_ start: Int, closed: Bool, hashes: Int) -> Int? {
        let openerIndent = indentation(ofLineAt: start)
        var stop = position
        if closed {
            let closer = position - 3 - hashes
            let closerLine = lineStart(of: closer)
            let isAlone = buffer[closerLine..<closer].allSatisfy { $0 == 0x20 || $0 == 0x09 }
            var after = position
            while after < end, buffer[after] == 0x20 || buffer[after] == 0x09 { after += 1 }
            let endsLine = after == end || buffer[after] == 0x0A || buffer[after] == 0x0D
            // A closer on the opening line itself closes a one-line string.
            guard !isAlone, endsLine, closerLine > lineStart(of: start), indentation(ofLineAt: closer) <= openerIndent else { return nil }
            stop = closerLine
        }
        var line = lineEnd(from: start)
        while line < stop {
            let next = line + (buffer[line] == 0x0D && line + 1 < end && buffer[line + 1] == 0x0A ? 2 : 1)
            guard next < stop else { break }
            var text = next
            while text < stop, buffer[text] == 0x20 || buffer[text] == 0x09 { text += 1 }
            let isBlank = text == stop || buffer[text] == 0x0A || buffer[text] == 0x0D
            if !isBlank, text - next <= openerIndent { return line }
            line = lineEnd(from: next)
        }
        return closed ? lineEndBefore(stop) : nil
    }

    /// The offset of the first byte of the line holding `offset`.
    func lineStart(of offset: Int) -> Int {
        var cursor = offset
        while cursor > 0, buffer[cursor - 1] != 0x0A, buffer[cursor - 1] != 0x0D { cursor -= 1 }
        return cursor
    }

    /// The offset of the CR or LF that ends the line holding `offset`, or the end.
    func lineEnd(from offset: Int) -> Int {
        var cursor = offset
        while cursor < end, buffer[cursor] != 0x0A, buffer[cursor] != 0x0D { cursor += 1 }
        return cursor
    }

    /// The end of the line before the one starting at `lineStart` (its line break).
    func lineEndBefore(_ lineStart: Int) -> Int {
        var cursor = lineStart
        while cursor > 0, buffer[cursor - 1] == 0x0A || buffer[cursor - 1] == 0x0D { cursor -= 1 }
        return cursor
    }

    /// The number of spaces and tabs that start the line holding `offset`.
    func indentation(ofLineAt offset: Int) -> Int {
        var cursor = lineStart(of: offset)
        let first = cursor
        while cursor < end, buffer[cursor] == 0x20 || buffer[cursor] == 0x09 { cursor += 1 }
        return cursor - first
    }

    /// Scans to just past the closing delimiter. Returns false at a line end
    /// (single-line strings) or the end of input, leaving `position` there.
    mutating func scanStringBody(hashes: Int, isMultiline: Bool) -> Bool {
        while position < end {
            position = skipStringText(from: position)
            guard position < end else { break }
            let byte = buffer[position]
            if byte == 0x22, closesString(hashes: hashes, isMultiline: isMultiline) {
                position += (isMultiline ? 3 : 1) + hashes
                return true
            }
            if (byte == 0x0A || byte == 0x0D) && !isMultiline { return false }
            if byte == 0x5C, hasHashes(at: position + 1, count: hashes) {
                position += 1 + hashes
                if peek() == UInt8(ascii: "(") {
                    position += 1
                    if !scanInterpolation(isMultiline: isMultiline) { return false }
                } else if position < end, buffer[position] != 0x0A || isMultiline {
                    position += 1
                }
                continue
            }
            position += 1
        }
        return false
    }

    /// The offset of the first `"`, `\`, CR or LF at or after `start` (and
    /// before `end`), or `end`. Checks eight bytes at a time.
    @inline(__always) func skipStringText(from start: Int) -> Int {
        UTF8Scan.firstIndex(
            in: buffer, from: start, to: end,
            mayStop: { word in
                UTF8Scan.matches(0x22, in: word) || UTF8Scan.matches(0x5C, in: word)
                    || UTF8Scan.matches(0x0A, in: word) || UTF8Scan.matches(0x0D, in: word)
            },
            isStop: isStringSpecial)
    }

    @inline(__always) func hasHashes(at index: Int, count: Int) -> Bool {
        var cursor = 0
        while cursor < count {
            if index + cursor >= end || buffer[index + cursor] != UInt8(ascii: "#") { return false }
            cursor += 1
        }
        return true
    }

    @inline(__always) func closesString(hashes: Int, isMultiline: Bool) -> Bool {
        if isMultiline, !(peek(1) == 0x22 && peek(2) == 0x22) { return false }
        return hasHashes(at: position + (isMultiline ? 3 : 1), count: hashes)
    }

    /// Scans `expr)` after `\(`, skipping nested parentheses and strings.
    /// On failure it reports once, for the innermost interpolation, and sets
    /// `hasReportedInterpolation` so the enclosing string is not reported again.
    mutating func scanInterpolation(isMultiline: Bool) -> Bool {
        let open = position - 2
        guard interpolationDepth < LexerState.maxInterpolationDepth else {
            report(.nestingTooDeep, "string interpolations are nested too deeply (limit \(LexerState.maxInterpolationDepth))", open, position)
            hasReportedInterpolation = true
            position = end
            return false
        }
        interpolationDepth += 1
        defer { interpolationDepth -= 1 }
        var depth = 1
        while position < end {
            let byte = buffer[position]
            switch byte {
            case UInt8(ascii: "("):
                depth += 1
                position += 1
            case UInt8(ascii: ")"):
                depth -= 1
                position += 1
                if depth == 0 { return true }
            case 0x0A where !isMultiline, 0x0D where !isMultiline:
                reportUnterminatedInterpolation(open)
                return false
            case UInt8(ascii: "\""), UInt8(ascii: "#"):
                var hashes = 0
                while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
                guard peek(hashes) == 0x22 else {
                    position += max(1, hashes)
                    continue
                }
                position += hashes
                let nestedMultiline = peek(1) == 0x22 && peek(2) == 0x22
                position += nestedMultiline ? 3 : 1
                if !scanStringBody(hashes: hashes, isMultiline: nestedMultiline) {
                    reportUnterminatedInterpolation(open)
                    return false
                }
            default:
                position += 1
            }
        }
        reportUnterminatedInterpolation(open)
        return false
    }

    mutating func reportUnterminatedInterpolation(_ open: Int) {
        guard !hasReportedInterpolation else { return }
        hasReportedInterpolation = true
        report(.unterminatedInterpolation, "unterminated interpolation; expected ')'", open, position)
    }
}

extension LexerState {
    /// Reports NUL bytes and invalid UTF-8 inside a string or comment token
    /// (outside them, such bytes are `.invalid` tokens already).
    mutating func validateText(_ start: Int) {
        var cursor = start
        while cursor < position {
            cursor = skipPlainText(from: cursor)
            guard cursor < position else { return }
            let byte = buffer[cursor]
            if byte != 0, byte < 0x80 {
                cursor += 1
                continue
            }
            if byte == 0 {
                report(.nulByte, "NUL byte in text", cursor, cursor + 1)
                cursor += 1
                continue
            }
            let length = validUTF8Length(at: cursor)
            if length == 0 {
                report(.invalidUTF8, "byte 0x\(hex(UInt32(byte))) is not valid UTF-8", cursor, cursor + 1)
                cursor += 1
            } else {
                cursor += length
            }
        }
    }

    /// The offset of the first byte at or after `start` (and before `position`)
    /// that is NUL or not ASCII, or `position`. Checks eight bytes at a time.
    @inline(__always) func skipPlainText(from start: Int) -> Int {
        UTF8Scan.firstIndex(
            in: buffer, from: start, to: position,
            // A high bit is set in some byte exactly when one is 0 or at least 0x80.
            mayStop: { ($0 | ($0 &- 0x0101_0101_0101_0101)) & 0x8080_8080_8080_8080 != 0 },
            isStop: { $0 == 0 || $0 >= 0x80 })
    }

    /// The length of a well-formed UTF-8 sequence at `index`, or 0.
    func validUTF8Length(at index: Int) -> Int {
        let lead = buffer[index]
        let length = utf8Length(lead)
        guard length > 1, index + length <= position else { return 0 }
        for offset in 1..<length where buffer[index + offset] & 0xC0 != 0x80 { return 0 }
        let second = buffer[index + 1]
        if lead == 0xE0, second < 0xA0 { return 0 }
        if lead == 0xED, second > 0x9F { return 0 }
        if lead == 0xF0, second < 0x90 { return 0 }
        if lead == 0xF4, second > 0x8F { return 0 }
        return length
    }
}

/// `"`, `\`, CR or LF: the bytes `scanStringBody` looks at; all others are text.
@inline(__always) func isStringSpecial(_ byte: UInt8) -> Bool {
    // Bit n of the mask is set for byte n: 0x0A, 0x0D and 0x22.
    byte == 0x5C || (byte < 64 && (UInt64(0x4_0000_2400) >> UInt64(byte)) & 1 != 0)
}
