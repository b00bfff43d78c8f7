// A large Kanister YAML file read on every core: the top-level `actions`
// mapping is cut at the lines where its keys start, each part is parsed by its
// own libyaml parser, and the parts are joined into the one document a serial
// parse gives, marks included. The cut is made only where it cannot change
// what the YAML means, and every part must then parse on its own: any doubt
// (several documents, other line breaks, a byte order mark, an alias to
// another part, a limit, any error) returns nil and the caller parses serially,
// so errors and their positions always come from the serial parse.

import BlueprintSyntax

enum YAMLSplitRead {
    /// Below this size one parser is faster than starting others.
    static let minimumBytes = 1 << 20

    /// The single document of `bytes`, read in `parts` pieces at once; nil when
    /// the input is small, or cannot be cut safely, or a piece does not parse.
    static func parse(
        bytes: [UInt8], limits: YAMLReaderLimits, parts: Int = Parallel.processorCount, minimumBytes: Int = minimumBytes
    ) -> YAMLDocument? {
        guard parts > 1, bytes.count >= minimumBytes, let layout = Layout.find(in: bytes) else { return nil }
        let cuts = layout.cuts(parts: parts)
        // Piece 0 is the header (up to and with the `actions:` line), then the
        // parts of the actions mapping, then the rest of the root mapping.
        // A part followed by another ends with a sentinel key `~:` where the
        // next part's first key starts, so that the collections it closes end
        // where the serial parse ends them (at that key, not at the part's end);
        // the sentinel pair is then dropped.
        var pieces: [(range: Range<Int>, line: Int, depth: Int, sentinel: Bool)] = [(0..<layout.actionsStart, 0, limits.maxDepth, false)]
        for (index, cut) in cuts.enumerated() {
            let next = index + 1 < cuts.count
            pieces.append((cut.offset..<(next ? cuts[index + 1].offset : layout.actionsEnd), cut.line, limits.maxDepth - 1, next))
        }
        if layout.actionsEnd < bytes.count { pieces.append((layout.actionsEnd..<bytes.count, layout.tailLine, limits.maxDepth, false)) }
        // A byte order mark where a piece starts would be skipped there, and is
        // an error anywhere but at the start of the whole input.
        guard !pieces.dropFirst().contains(where: { bytes[$0.range].starts(with: [0xEF, 0xBB, 0xBF]) }) else { return nil }
        let sentinel = [UInt8](repeating: 0x20, count: layout.indent) + Array("~:\n".utf8)
        let parsed = Parallel.map(pieces.count) { index -> (root: YAMLMapping, nodes: Int)? in
            let piece = pieces[index]
            guard
                var part = parseMapping(
                    Array(bytes[piece.range]) + (piece.sentinel ? sentinel : []), origin: (piece.range.lowerBound, piece.line),
                    limits: YAMLReaderLimits(maxNodes: limits.maxNodes, maxDepth: piece.depth))
            else { return nil }
            if piece.sentinel {
                guard let last = part.root.pairs.popLast(), let key = last.key.scalar, key.value == "~", key.style == .plain,
                    key.start.offset == piece.range.upperBound + layout.indent
                else { return nil }
                part.nodes -= 2
            }
            return part
        }
        guard parsed.allSatisfy({ $0 != nil }), parsed.reduce(0, { $0 + $1!.nodes }) + pieces.count <= limits.maxNodes,
            var root = parsed.first??.root, let last = root.pairs.last, last.key.scalar?.value == "actions",
            last.key.scalar?.style == .plain, let empty = last.value.scalar, empty.value.isEmpty, empty.tag == nil
        else { return nil }
        let actionParts = parsed[1...cuts.count].map { $0!.root }
        let actions = YAMLMapping(
            pairs: actionParts.flatMap(\.pairs), style: .block, tag: nil, start: actionParts[0].start, end: actionParts[actionParts.count - 1].end)
        root.pairs[root.pairs.count - 1].value = .mapping(actions)
        root.end = actions.end
        if parsed.count > cuts.count + 1, let tail = parsed[parsed.count - 1]?.root {
            root.pairs += tail.pairs
            root.end = tail.end
        }
        return YAMLDocument(root: .mapping(root), span: 0..<bytes.count)
    }

    /// Parses one piece: exactly one document whose root is an untagged block
    /// mapping, with the nodes it counts; nil otherwise.
    static func parseMapping(
        _ bytes: [UInt8], origin: (offset: Int, line: Int), limits: YAMLReaderLimits
    ) -> (root: YAMLMapping, nodes: Int)? {
        // The whole input's encoding, not one guessed from the piece's first bytes.
        guard let (result, builder) = YAMLParseSession.parse(bytes, limits: limits, origin: origin, forcingUTF8: true),
            case .success(let documents) = result, documents.count == 1,
            let root = documents[0].mapping, root.style == .block, root.tag == nil
        else { return nil }
        return (root, builder.totalNodes)
    }

    /// Where the actions mapping is and where it may be cut.
    struct Layout {
        /// The first byte after the `actions:` line, and its 0-based line.
        var actionsStart = 0
        var actionsStartLine = 0
        /// The start of the first root-level line after the actions (or the end).
        var actionsEnd = 0
        /// The 0-based line of `actionsEnd`.
        var tailLine = 0
        /// The indentation of the actions mapping's keys.
        var indent = 0
        /// The lines where a key of the actions mapping starts, after the first.
        var keyLines: [(offset: Int, line: Int)] = []

        /// The parts' starts: the first at `actionsStart`, the others at key
        /// lines about equally far apart in bytes.
        func cuts(parts: Int) -> [(offset: Int, line: Int)] {
            var result: [(offset: Int, line: Int)] = [(actionsStart, actionsStartLine)]
            let size = actionsEnd - actionsStart
            var next = 0
            for part in 1..<parts {
                let target = actionsStart + size * part / parts
                while next < keyLines.count, keyLines[next].offset < target { next += 1 }
                guard next < keyLines.count else { break }
                if keyLines[next].offset > result[result.count - 1].offset { result.append(keyLines[next]) }
            }
            return result
        }

        /// The layout of a single-document Blueprint whose root mapping has an
        /// `actions:` line (at column 0, nothing after the colon) followed by a
        /// block mapping indented by spaces; nil for anything else. A key line is
        /// at the mapping's indentation and starts with none of `# - ? :`; the
        /// mapping ends at the first line at column 0 that is not a comment.
        static func find(in bytes: [UInt8]) -> Layout? {
            bytes.withUnsafeBufferPointer { text -> Layout? in
                guard !text.starts(with: [0xEF, 0xBB, 0xBF]), !containsOtherLineBreaks(text) else { return nil }
                var layout = Layout()
                var phase = 0  // 0: before `actions:`, 1: in the actions mapping, 2: after it
                var indent = -1
                var line = 0
                var start = 0
                while start < text.count {
                    let end = UTF8Scan.firstIndex(of: 0x0A, in: text, from: start) ?? text.count
                    defer {
                        start = end + 1
                        line += 1
                    }
                    // A document marker or directive anywhere: not one plain document.
                    if end - start >= 3, isMarker(text, at: start) { return nil }
                    if phase == 0 {
                        if isActionsLine(text, start, end) {
                            phase = 1
                            layout.actionsStart = min(end + 1, text.count)
                            layout.actionsStartLine = line + 1
                        }
                        continue
                    }
                    guard phase == 1 else { continue }
                    var column = start
                    while column < end, text[column] == 0x20 { column += 1 }
                    if column == end || text[column] == 0x23 { continue }  // blank or a comment
                    if text[column] == 0x09 { return nil }
                    let width = column - start
                    if width == 0 {
                        phase = 2
                        layout.actionsEnd = start
                        layout.tailLine = line
                        continue
                    }
                    if indent < 0 {
                        // The first key: it sets the indentation, and is not a cut.
                        guard !isNotKey(text[column]) else { return nil }
                        indent = width
                    } else if width == indent, !isNotKey(text[column]) {
                        layout.keyLines.append((start, line))
                    } else if width < indent {
                        return nil
                    }
                }
                guard phase > 0, indent > 0 else { return nil }
                layout.indent = indent
                if phase == 1 {
                    layout.actionsEnd = text.count
                    layout.tailLine = line
                }
                return layout
            }
        }

        static let actionsKey: [UInt8] = Array("actions:".utf8)

        /// `actions:` with nothing after it but spaces.
        static func isActionsLine(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
            guard end - start >= actionsKey.count else { return false }
            for index in actionsKey.indices where text[start + index] != actionsKey[index] { return false }
            return (start + actionsKey.count..<end).allSatisfy { text[$0] == 0x20 }
        }

        /// `---`, `...` or `%` at the start of a line.
        static func isMarker(_ text: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
            let first = text[start]
            if first == 0x25 { return true }
            return (first == 0x2D || first == 0x2E) && text[start + 1] == first && text[start + 2] == first
        }

        /// Lines of the mapping that do not start a key of it: a comment, a
        /// sequence item, an explicit key or value.
        static func isNotKey(_ byte: UInt8) -> Bool {
            byte == 0x23 || byte == 0x2D || byte == 0x3F || byte == 0x3A
        }

        /// A line break other than LF (CR, NEL, LS, PS): libyaml counts lines by
        /// them too, and the parts' lines are counted by LF only.
        static func containsOtherLineBreaks(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
            if UTF8Scan.firstIndex(of: 0x0D, in: text, from: 0) != nil { return true }
            var from = 0
            while let index = UTF8Scan.firstIndex(of: 0xC2, in: text, from: from) {
                if index + 1 < text.count, text[index + 1] == 0x85 { return true }
                from = index + 1
            }
            from = 0
            while let index = UTF8Scan.firstIndex(of: 0xE2, in: text, from: from) {
                if index + 2 < text.count, text[index + 1] == 0x80, text[index + 2] == 0xA8 || text[index + 2] == 0xA9 { return true }
                from = index + 1
            }
            return false
        }
    }
}
