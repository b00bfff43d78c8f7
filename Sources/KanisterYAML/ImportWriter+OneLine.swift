// The idiomatic import's one-line blocks: a phase body or an objects block
// whose items are each one line, with no comment, written as `head { a, b }`
// when that fits the line width, or when its one item's line is already over it
// (the formatter keeps a one-line body as it is); and a phase body whose
// last argument is a multi-line string, written `head { a, b, c: """` ... `""" }`.

import FoundationEssentials

extension ImportWriter {
    /// Joins the block written to `output` from `start` (its head line ending
    /// in `{`, one item a line, then `}`) onto one line when it qualifies.
    @discardableResult
    mutating func joinBlockOntoOneLine(from offset: Int) -> Bool {
        guard isIdiomatic, offset <= output.utf8.count else { return false }
        let start = output.utf8.index(output.utf8.startIndex, offsetBy: offset)
        guard let joined = ImportWriter.oneLineBlock(output[start...]) else { return false }
        output.replaceSubrange(start..., with: joined)
        return true
    }

    /// `head { item, item }` of the lines of a written block, or nil.
    static func oneLineBlock(_ block: Substring) -> String? {
        mayJoinOntoOneLine(block) ? joinedOntoOneLine(block) : nil
    }

    /// False when `block` surely does not join: it is ASCII without a carriage
    /// return (so its lines are its byte lines), it has two items or more, and
    /// joined it would be wider than the line width. One pass over the bytes, for
    /// the phases with long scripts that `joinedOntoOneLine` would split into
    /// lines only to find them too wide (a fifth of an import's time).
    static func mayJoinOntoOneLine(_ block: Substring) -> Bool {
        var newlines = 0
        var indent = 0
        var isInIndent = true
        var isPlain = true
        for byte in block.utf8 {
            if byte == 0x0A {
                newlines += 1
                isInIndent = false
            } else if byte == 0x20 {
                if isInIndent { indent += 1 }
            } else {
                isInIndent = false
                if byte >= 0x80 || byte == 0x0D { isPlain = false }
            }
        }
        // Lines: the head, the items, the closing brace (then the final line end).
        let items = newlines - 2
        guard isPlain, items >= 2 else { return true }
        // The joined text drops each line end and each item's indent (indent + 2),
        // the closing line (indent + 1), and adds " " and ", " between the parts.
        let joinedWidth = block.utf8.count - (items + 1) * (indent + 1) - 1
        return joinedWidth <= ImportIdiomState.maxLineWidth
    }

    /// `oneLineBlock` without the quick refusal.
    static func joinedOntoOneLine(_ block: Substring) -> String? {
        // A copy of the block: searches in a substring of the whole output would
        // index all of it (UTF-16 breadcrumbs) each time, quadratic over an import.
        let block = String(block)
        var lines = block.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.last == "" else { return nil }
        lines.removeLast()
        guard lines.count >= 3, let head = lines.first, head.hasSuffix(" {"), let close = lines.last else { return nil }
        let indent = head.prefix { $0 == " " }.count
        guard close == Substring(String(repeating: " ", count: indent) + "}") else { return nil }
        let itemIndent = String(repeating: " ", count: indent + 2)
        var items: [Substring] = []
        for line in lines.dropFirst().dropLast() {
            // One item a line: at the item indent, not a closing or continuation line, no comment or multi-line string.
            guard line.hasPrefix(itemIndent), let first = line.dropFirst(itemIndent.count).first,
                first != " ", first != "}", first != "]", first != "#", first != "\"",
                !line.contains("#"), !line.contains("\"\"\""), !line.hasSuffix("{"), !line.hasSuffix("["), !line.hasSuffix(",")
            else { return nil }
            items.append(line.dropFirst(itemIndent.count))
        }
        let text = String(head) + " " + items.joined(separator: ", ") + " }"
        // A lone item whose line is already over the width (a long object reference) joins anyway.
        let isLoneLongItem = items.count == 1 && indent + 2 + items[0].utf8.count > ImportIdiomState.maxLineWidth
        guard text.utf8.count <= ImportIdiomState.maxLineWidth || isLoneLongItem else { return nil }
        return text + "\n"
    }
}

extension ImportWriter {
    /// Rewrites the phase written from `start` (head, `items`, closing brace)
    /// as `head { a, b, key: """` ... `""" }` when every item but the last is
    /// one line, the last is a multi-line string and the first line fits the width.
    mutating func hugPhaseBody(from start: Int, items: [(key: String, range: Range<Int>)]) {
        guard isIdiomatic, let last = items.last, start <= output.utf8.count, last.range.upperBound <= output.utf8.count else { return }
        // The phase's bytes only (offsets stay the output's): a copy of all of it per phase is quadratic.
        let bytes = Array(output.utf8.dropFirst(start))
        func text(_ range: Range<Int>) -> String { String(decoding: bytes[(range.lowerBound - start)..<(range.upperBound - start)], as: UTF8.self) }
        let itemIndent = String(repeating: " ", count: (indent + 1) * 2)
        var singles: [String] = []
        for item in items.dropLast() {
            let line = text(item.range)
            guard line.hasPrefix(itemIndent), line.utf8.filter({ $0 == 0x0A }).count == 1, !line.contains("#") else { return }
            singles.append(String(line.dropFirst(itemIndent.count).dropLast()))
        }
        let lastText = text(last.range)
        guard lastText.hasPrefix(itemIndent), let firstLineEnd = lastText.firstIndex(of: "\n") else { return }
        let firstLine = lastText[lastText.index(lastText.startIndex, offsetBy: itemIndent.count)..<firstLineEnd]
        guard firstLine.hasSuffix("\"\"\"") else { return }
        // The last line closes the string and nothing else (not a list hugging it).
        let body = lastText.dropLast()
        let closing = body[(body.lastIndex(of: "\n").map(body.index(after:)) ?? body.startIndex)...].drop { $0 == " " }
        guard closing.hasPrefix("\"\"\""), closing.dropFirst(3).allSatisfy({ $0 == "#" }) else { return }
        let headEnd = start + (bytes.firstIndex(of: 0x0A) ?? bytes.count)
        let head = text(start..<headEnd)
        let closingLine = Array((String(repeating: "  ", count: indent) + "}\n").utf8)
        guard head.hasSuffix(" {"), bytes[(last.range.upperBound - start)...].elementsEqual(closingLine) else { return }
        let opening = head + " " + (singles + [String(firstLine)]).joined(separator: ", ")
        guard opening.utf8.count <= ImportIdiomState.maxLineWidth else { return }
        let rest = lastText[lastText.index(after: firstLineEnd)...].dropLast()
        output.replaceSubrange(output.utf8.index(output.utf8.startIndex, offsetBy: start)..., with: opening + "\n" + rest + " }\n")
    }
}
