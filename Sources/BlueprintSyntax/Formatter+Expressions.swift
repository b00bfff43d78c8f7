// Formatting of expressions, maps, lists, arguments and string literals.

extension FormatPrinter {
    mutating func printExpr(_ expr: Expr) {
        switch expr.kind {
        case .identifier(let text): write(text)
        case .string(let literal): write(string(literal))
        case .int(let text), .float(let text), .duration(let text): write(text)
        case .bool(let value): write(value ? "true" : "false")
        case .null: write("null")
        case .bash(let literal): write("bash " + string(literal))
        case .list(let elements): printList(elements, range: expr.range)
        case .map(let entries): printMap(entries, range: expr.range)
        case .member(let base, let member):
            printExpr(base)
            write("." + name(member))
        case .index(let base, let subscriptExpr):
            printExpr(base)
            write("[")
            printExpr(subscriptExpr)
            write("]")
        case .call(let callee, let arguments):
            printExpr(callee)
            printArguments(arguments, range: SourceRange(callee.range.end, expr.range.end))
        case .pipe(let lhs, let rhs):
            printExpr(lhs)
            write(" | ")
            printExpr(rhs)
        case .parenthesized(let inner):
            write("(")
            printExpr(inner)
            write(")")
        case .error: write(source(expr.range))
        }
    }

    mutating func printEntry(_ entry: MapEntry) {
        switch entry.key {
        case .identifier(let key): write(key.text)
        case .string(let literal): write(string(literal))
        }
        write(": ")
        printExpr(entry.value)
    }

    /// `{ a: 1, b: 2 }` when the source had it on one line, else one entry a line.
    mutating func printMap(_ entries: [MapEntry], range: SourceRange) {
        printSequence(entries, range: range, open: "{", close: "}", isPadded: true, hasCommas: false, itemRange: \.range) {
            $0.printEntry($1)
        }
    }

    mutating func printList(_ elements: [Expr], range: SourceRange) {
        if let last = elements.last, case .string(let literal) = last.kind, literal.isMultiline, elements.count >= 2,
            file.lineIndex(of: range.start) == file.lineIndex(of: last.range.start),
            file.lineIndex(of: max(last.range.start, last.range.end - 1)) == file.lineIndex(of: max(range.start, range.end - 1))
        {
            // `["sh", "-c", """ ... """]`: the source hugs a final multi-line string; so does the layout.
            write("[")
            for (position, element) in elements.enumerated() {
                if position > 0 { write(", ") }
                printExpr(element)
            }
            write("]")
            lastSourceEnd = range.end
            return
        }
        printSequence(elements, range: range, open: "[", close: "]", isPadded: false, hasCommas: false, itemRange: \.range) {
            $0.printExpr($1)
        }
    }

    mutating func printArguments(_ arguments: [CallArgument], range: SourceRange) {
        // The range may run past the parentheses (over clauses and their comments).
        guard !arguments.isEmpty else { return write("()") }
        if let last = arguments.last, last.value.isMultilineString,
            file.lineIndex(of: range.start) == file.lineIndex(of: arguments[0].range.start), closesOnItsLine(last.value.range.end)
        {
            // `audit("x", bash """ ... """)`: the source hugs a final multi-line string (or a list ending in one); so does the layout.
            write("(")
            for (position, argument) in arguments.enumerated() {
                if position > 0 { write(", ") }
                printArgument(argument)
            }
            write(")")
            lastSourceEnd = max(lastSourceEnd, last.value.range.end)
            return
        }
        printSequence(arguments, range: range, open: "(", close: ")", isPadded: false, hasCommas: true, itemRange: \.range) {
            $0.printArgument($1)
        }
    }

    /// Whether the items up to the last one's start stand on the line of the
    /// opening bracket (the start of `range`) and the closing one follows the
    /// last item on the line where it ends, with no comment among them nor
    /// after them on that line (a nested sequence laid out a line an item
    /// would take it in, and the next run would not hug).
    func hugsLastItem(_ ranges: [SourceRange], in range: SourceRange) -> Bool {
        let endLine = file.lineIndex(of: max(range.start, range.end - 1))
        let lineEnd = endLine + 1 < file.lineStarts.count ? file.lineStarts[endLine + 1] : file.bytes.count
        guard let last = ranges.last, !hasComment(in: SourceRange(range.start, max(range.end, lineEnd))) else { return false }
        let line = file.lineIndex(of: range.start)
        return ranges.allSatisfy { file.lineIndex(of: $0.start) == line } && ranges.dropLast().allSatisfy { isSingleLine($0) }
            && file.lineIndex(of: max(last.start, last.end - 1)) == file.lineIndex(of: max(range.start, range.end - 1))
    }

    /// Whether `)` follows `offset` on its line (after blanks and a comma).
    func closesOnItsLine(_ offset: Int) -> Bool {
        var position = offset
        while position < file.bytes.count, [0x20, 0x09, UInt8(ascii: ",")].contains(file.bytes[position]) { position += 1 }
        return position < file.bytes.count && file.bytes[position] == UInt8(ascii: ")")
    }

    /// The one layout of bracketed items: `open close` when empty, inline when
    /// the source had them on one line, else one item a line with comments kept.
    mutating func printSequence<Item>(
        _ items: [Item], range: SourceRange, open: String, close: String, isPadded: Bool, hasCommas: Bool,
        itemRange: (Item) -> SourceRange, printItem: (inout FormatPrinter, Item) -> Void
    ) {
        if items.isEmpty, !hasComment(in: range) {
            write(open + close)
            return
        }
        if isSingleLine(range) || hugsLastItem(items.map(itemRange), in: range) {
            // One line, or (as the source has it) one line up to a last item that spans lines: `[{ ... }]`, `{ a: 1, b: """ ... """ }`.
            write(isPadded ? open + " " : open)
            for (position, item) in items.enumerated() {
                if position > 0 { write(", ") }
                printItem(&self, item)
            }
            write(isPadded ? " " + close : close)
            return
        }
        write(open)
        endLine(after: range.start + 1)
        indent += 1
        for (position, item) in items.enumerated() {
            emitLeading(before: itemRange(item).start)
            startLine()
            printItem(&self, item)
            if hasCommas, position < items.count - 1 { write(",") }
            endLine(after: itemRange(item).end)
        }
        indent -= 1
        emitInnerTrailing(before: range.end)
        startLine()
        write(close)
        lastSourceEnd = range.end
    }

    mutating func printArgument(_ argument: CallArgument) {
        if let label = argument.label { write(label.text + ": ") }
        printExpr(argument.value)
    }

    /// A literal's source text; a multi-line one is re-indented one level
    /// deeper than the current line, which leaves its decoded bytes unchanged.
    /// Lines that start inside an interpolation are code, not content, and
    /// are kept as they are.
    func string(_ literal: StringLiteral) -> String {
        let text = source(literal.range)
        guard literal.isMultiline else { return text }
        var lines: [Range<Int>] = []
        var lineStart = literal.range.start
        for offset in literal.range.start..<literal.range.end where file.bytes[offset] == 0x0A {
            lines.append(lineStart..<offset)
            lineStart = offset + 1
        }
        lines.append(lineStart..<literal.range.end)
        guard lines.count >= 2 else { return text }
        let code = interpolationSpans(literal)
        func lineText(_ range: Range<Int>) -> Substring {
            let end = range.upperBound > range.lowerBound && file.bytes[range.upperBound - 1] == 0x0D ? range.upperBound - 1 : range.upperBound
            return Substring(source(SourceRange(range.lowerBound, end)))
        }
        let closing = lineText(lines[lines.count - 1])
        let oldIndent = closing.prefix { $0 == " " || $0 == "\t" }
        let newIndent = String(repeating: "  ", count: indent + 1)
        var result = String(lineText(lines[0]).reversed().drop { $0 == " " || $0 == "\t" }.reversed()) + "\n"
        for range in lines[1..<(lines.count - 1)] {
            let line = lineText(range)
            if code.contains(where: { $0.lowerBound < range.lowerBound && range.lowerBound < $0.upperBound }) {
                result += line + "\n"
                continue
            }
            let rest = line.hasPrefix(oldIndent) ? line.dropFirst(oldIndent.count) : ""
            result += rest.isEmpty ? "\n" : newIndent + rest + "\n"
        }
        return result + newIndent + closing.dropFirst(oldIndent.count)
    }

    /// The source spans `\( ... )` of a literal's interpolations, scanned as the lexer does.
    func interpolationSpans(_ literal: StringLiteral) -> [Range<Int>] {
        file.bytes.withUnsafeBufferPointer { buffer in
            var spans: [Range<Int>] = []
            let quotes = literal.isMultiline ? 3 : 1
            var state = LexerState(buffer: buffer, position: literal.range.start + literal.hashes + quotes, end: literal.range.end)
            while state.position < state.end {
                guard buffer[state.position] == 0x5C, state.hasHashes(at: state.position + 1, count: literal.hashes) else {
                    state.position += 1
                    continue
                }
                let start = state.position
                state.position += 1 + literal.hashes
                if state.peek() == UInt8(ascii: "(") {
                    state.position += 1
                    _ = state.scanInterpolation(isMultiline: literal.isMultiline)
                    spans.append(start..<state.position)
                } else {
                    state.position += 1
                }
            }
            return spans
        }
    }
}

extension Expr {
    /// A multi-line string literal, bare or after `bash`, or a list ending in one.
    var isMultilineString: Bool {
        switch kind {
        case .string(let literal), .bash(let literal): literal.isMultiline
        case .list(let elements): elements.last?.isMultilineString ?? false
        default: false
        }
    }
}
