// The formatter: one canonical layout for .bp files. Comments are kept (own-line
// and trailing), string literals keep their exact decoded bytes, and layout
// choices (inline or one item per line) follow the source, so it is idempotent.

public enum SourceFormatter {
    /// The canonical text of `file`, or nil with the diagnostics when it does not parse.
    public static func format(_ file: SourceFile) -> (text: String?, diagnostics: [Diagnostic]) {
        let result = Parser.parse(file)
        guard !result.hasErrors else { return (nil, result.diagnostics) }
        let comments = Lexer.tokenize(file.bytes, includeTrivia: true).tokens.filter { $0.kind == .comment }
        var printer = FormatPrinter(file: file, comments: comments.map(\.range))
        printer.printFile(result.syntax)
        let diagnostics = result.diagnostics
        Parallel.releaseInBackground(consume result)
        return (printer.output, diagnostics)
    }
}

struct FormatPrinter {
    let file: SourceFile
    let comments: [SourceRange]
    var nextComment = 0
    var output = ""
    var indent = 0
    /// End offset of the source node printed last, for trailing comments and blank lines.
    var lastSourceEnd = 0

    init(file: SourceFile, comments: [SourceRange]) {
        self.file = file
        self.comments = comments
    }

    // MARK: layout primitives

    func isSingleLine(_ range: SourceRange) -> Bool {
        file.lineIndex(of: range.start) == file.lineIndex(of: max(range.start, range.end - 1))
    }

    func source(_ range: SourceRange) -> String { file.text(range) }

    mutating func write(_ text: String) { output += text }

    mutating func startLine() { output += String(repeating: "  ", count: indent) }

    /// Ends the current line, attaching a comment that followed `sourceEnd` on its source line.
    mutating func endLine(after sourceEnd: Int) {
        lastSourceEnd = max(lastSourceEnd, sourceEnd)
        if nextComment < comments.count {
            let comment = comments[nextComment]
            if comment.start >= sourceEnd, file.lineIndex(of: comment.start) == file.lineIndex(of: max(0, sourceEnd - 1)), sourceEnd > 0 {
                output += " " + commentText(comment)
                nextComment += 1
            }
        }
        output += "\n"
    }

    func commentText(_ range: SourceRange) -> String {
        var text = source(range)
        while let last = text.unicodeScalars.last, last == " " || last == "\t" { text.unicodeScalars.removeLast() }
        return text
    }

    /// Prints own-line comments that start before `offset`, then a blank line
    /// if the source had one before the item at `offset`.
    mutating func emitLeading(before offset: Int, allowBlank: Bool = true) {
        while nextComment < comments.count, comments[nextComment].start < offset {
            let comment = comments[nextComment]
            if allowBlank, hasBlankLine(from: lastSourceEnd, to: comment.start), !output.hasSuffix("{\n"), !output.isEmpty,
                !output.hasSuffix("\n\n")
            {
                output += "\n"
            }
            startLine()
            output += commentText(comment) + "\n"
            lastSourceEnd = comment.end
            nextComment += 1
        }
        if allowBlank, hasBlankLine(from: lastSourceEnd, to: offset), !output.hasSuffix("{\n"), !output.isEmpty,
            !output.hasSuffix("\n\n")
        {
            output += "\n"
        }
    }

    /// True when a line with nothing but whitespace lies strictly between the two offsets.
    func hasBlankLine(from start: Int, to end: Int) -> Bool {
        guard start < end else { return false }
        let first = file.lineIndex(of: start)
        let last = file.lineIndex(of: end)
        guard last - first >= 2 else { return false }
        for line in (first + 1)..<last where file.lineBytes(line).allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
            return true
        }
        return false
    }

    /// Comments left before a closing brace at `offset` stay inside the block.
    mutating func emitInnerTrailing(before offset: Int) {
        indent += 1
        emitLeading(before: offset, allowBlank: false)
        indent -= 1
    }

    // MARK: file and declarations

    mutating func printFile(_ syntax: SourceFileSyntax) {
        for (position, declaration) in syntax.declarations.enumerated() {
            let range = declaration.range
            if position > 0, !output.hasSuffix("\n\n"), needsBlankLine(syntax.declarations[position - 1], declaration) {
                output += "\n"
            }
            emitLeading(before: range.start)
            printDeclaration(declaration)
        }
        emitLeading(before: Int.max)
    }

    func needsBlankLine(_ previous: Declaration, _ next: Declaration) -> Bool {
        switch (previous, next) {
        case (.constant, .constant), (.importFile, .importFile), (.allow, .allow): return false
        default: return true
        }
    }

    mutating func printDeclaration(_ declaration: Declaration) {
        switch declaration {
        case .blueprint(let decl):
            startLine()
            write("blueprint \(name(decl.name))")
            if let metadata = decl.metadata {
                write(" ")
                printMap(metadata, range: SourceRange(decl.name.range.end, decl.range.end))
            }
            endLine(after: decl.range.end)
        case .importFile(let decl):
            startLine()
            write("import \(string(decl.path))")
            endLine(after: decl.range.end)
        case .allow(let decl):
            startLine()
            write("allow " + decl.codes.map(\.text).joined(separator: ", "))
            endLine(after: decl.range.end)
        case .constant(let decl):
            printLet(decl)
        case .definition(let decl):
            startLine()
            let parameters = decl.parameters.map { "(" + $0.map(\.text).joined(separator: ", ") + ")" } ?? ""
            write("def \(decl.name.text)\(parameters) = ")
            printPhaseCall(decl.call)
            endLine(after: decl.range.end)
        case .action(let decl):
            printAction(decl)
        case .error(let range):
            startLine()
            write(source(range))
            endLine(after: range.end)
        }
    }

    mutating func printLet(_ decl: LetDecl) {
        startLine()
        write("let \(decl.name.text) = ")
        printExpr(decl.value)
        endLine(after: decl.range.end)
    }

    func name(_ name: Name) -> String { name.isQuoted ? source(name.range) : name.text }
}
