// The idiomatic import's one-line blocks: a phase body or an objects block
// whose items are each one line, with no comment, written as `head { a, b }`
// when that fits the line width, or when its one item's line is already over it
// (the formatter keeps a one-line body as it is).

extension ImportWriter {
    /// Joins the block written to `output` from `start` (its head line ending
    /// in `{`, one item a line, then `}`) onto one line when it qualifies.
    mutating func joinBlockOntoOneLine(from offset: Int) {
        guard isIdiomatic, offset <= output.utf8.count else { return }
        let start = output.utf8.index(output.utf8.startIndex, offsetBy: offset)
        guard let joined = ImportWriter.oneLineBlock(output[start...]) else { return }
        output.replaceSubrange(start..., with: joined)
    }

    /// `head { item, item }` of the lines of a written block, or nil.
    static func oneLineBlock(_ block: Substring) -> String? {
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
