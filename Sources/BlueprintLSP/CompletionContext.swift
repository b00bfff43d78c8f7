// Where the cursor is, for completion: read from the bytes and tokens around it
// rather than the AST, so an unfinished phase (an open brace, a missing value)
// still has a context.

import BlueprintSyntax

struct CompletionContext {
    enum Block: Equatable {
        case topLevel
        case actionBody
        /// Inside `Callee { ... }`, with the argument names already given.
        case phaseBody(callee: String, given: Set<String>)
        case other
    }

    /// The identifier characters just before the cursor.
    var prefix = ""
    /// `a.b.` before the prefix, as names (empty when there is no dot or in a template).
    var chain: [String] = []
    var isInString = false
    var isInTemplate = false
    /// In a template after `.A.B.`: ["A", "B"]; `[]` after a lone `.`; nil when no dot precedes the prefix.
    var templatePath: [String]?
    var isInInterpolation = false
    var isAfterPhaseColon = false
    /// After a phase's call on its line (`phase x: F { ... } `, `... retry 3 `):
    /// where a clause goes. The clauses already on the line.
    var isAtClause = false
    var clausesGiven: Set<String> = []
    var block = Block.topLevel
    /// The cursor starts an item (an argument, a phase, a declaration) rather than a value.
    var isAtItemStart = false
    var actionName: String?

    init(file: SourceFile, offset rawOffset: Int) {
        let bytes = file.bytes
        let offset = min(max(0, rawOffset), bytes.count)
        let lineStart = file.lineStarts[file.lineIndex(of: offset)]
        var wordStart = offset
        while wordStart > lineStart, CompletionContext.isWordByte(bytes[wordStart - 1]) { wordStart -= 1 }
        prefix = file.text(SourceRange(wordStart, offset))
        let (names, isRootedAtDot) = CompletionContext.dottedNames(before: wordStart, lineStart: lineStart, bytes: bytes)
        let tokens = Lexer.tokenize(bytes).tokens
        let before = CompletionContext.tokens(before: wordStart, in: tokens)
        let previous = Array(tokens[0..<before])
        (block, actionName) = CompletionContext.block(enclosing: previous, all: tokens, file: file)
        if let token = tokens[safe: before], token.kind == .string || token.kind == .multilineString, token.range.start < offset,
            offset < token.range.end || token.isUnterminated
        {
            isInString = true
            let text = Array(bytes[token.range.start..<offset])
            isInTemplate = CompletionContext.lastIndex(of: "{{", in: text) ?? -1 > CompletionContext.lastIndex(of: "}}", in: text) ?? -1
            isInInterpolation = CompletionContext.isInsideInterpolation(text)
            if isInTemplate, wordStart > 0, bytes[wordStart - 1] == UInt8(ascii: ".") { templatePath = isRootedAtDot ? names : nil }
            if isInTemplate, templatePath == nil, isRootedAtDot { templatePath = [] }
            if isInInterpolation, !isRootedAtDot { chain = names }
            return
        }
        if !isRootedAtDot { chain = names }
        isAfterPhaseColon = CompletionContext.followsPhaseColon(previous, file: file)
        let last = previous.last
        isAtItemStart =
            last.map { token in
                [.leftBrace, .rightBrace, .comma].contains(token.kind) || file.lineIndex(of: token.range.end) < file.lineIndex(of: wordStart)
            } ?? true
        if let last, [.colon, .equals, .pipe, .leftParen, .leftBracket].contains(last.kind) { isAtItemStart = false }
        if block == .actionBody, let given = CompletionContext.clausesOnLine(previous, before: wordStart, file: file) {
            isAtClause = true
            clausesGiven = given
        }
    }

    /// The clause keywords given on the cursor's line when the cursor follows a
    /// phase's call there: the line is `phase NAME: CALLEE [( ... )] [{ ... }]`,
    /// and the token before the cursor ends the call or a clause (`retry 3`,
    /// `timeout 10m`, `unnamed`). Nil elsewhere. Only what follows the call
    /// counts as a clause, so a phase or def named `retry` is not one.
    static func clausesOnLine(_ previous: [Token], before offset: Int, file: SourceFile) -> Set<String>? {
        guard let last = previous.last, file.lineIndex(of: last.range.end) == file.lineIndex(of: offset) else { return nil }
        let first = firstTokenOfLine(previous.count - 1, previous)
        let text = { (index: Int) in file.text(previous[index].range) }
        // `phase NAME : CALLEE`, then the call's groups.
        let callee = first + 3
        guard ["phase", "finally"].contains(text(first)), callee < previous.count, previous[first + 2].kind == .colon,
            previous[callee].kind == .identifier
        else { return nil }
        var index = callee + 1
        var depth = 0
        while index < previous.count {
            let kind = previous[index].kind
            if kind == .leftParen || kind == .leftBrace {
                depth += 1
            } else if kind == .rightParen || kind == .rightBrace {
                depth -= 1
            } else if depth == 0 {
                break
            }
            index += 1
        }
        // Inside the call's parentheses or body: not a clause.
        guard depth == 0 else { return nil }
        let clauses = previous[index...]
        let lastText = text(previous.count - 1)
        let before = previous.count >= 2 ? text(previous.count - 2) : ""
        // An inline undo's body or a condition's call closed: a clause may follow.
        let open = clauses.reduce(0) { depth, token in
            depth + ([.leftParen, .leftBrace].contains(token.kind) ? 1 : [.rightParen, .rightBrace].contains(token.kind) ? -1 : 0)
        }
        let endsClause =
            clauses.isEmpty || (last.kind == .int && before == "retry") || (last.kind == .duration && before == "timeout")
            || (last.kind == .identifier && lastText == "unnamed") || (open == 0 && [.rightParen, .rightBrace].contains(last.kind))
        guard endsClause else { return nil }
        let keywords: Set<String> = ["retry", "timeout", "when", "unnamed"]
        return Set(clauses.filter { $0.kind == .identifier }.map { file.text($0.range) }.filter { keywords.contains($0) })
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "_") || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
    }

    /// The names of `a.b.` ending at `end` (which follows a dot), and whether the
    /// chain starts with a dot (a template's `.A.B.`).
    static func dottedNames(before end: Int, lineStart: Int, bytes: [UInt8]) -> ([String], Bool) {
        var names: [String] = []
        var position = end
        while position > lineStart, bytes[position - 1] == UInt8(ascii: ".") {
            var start = position - 1
            while start > lineStart, isWordByte(bytes[start - 1]) { start -= 1 }
            if start == position - 1 { return (names.reversed(), true) }
            names.append(String(decoding: bytes[start..<(position - 1)], as: UTF8.self))
            position = start
        }
        return (names.reversed(), false)
    }

    /// The index of the first token that does not end before `offset` (tokens.count if none).
    static func tokens(before offset: Int, in tokens: [Token]) -> Int {
        var low = 0
        var high = tokens.count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].range.end <= offset && tokens[mid].kind != .endOfFile { low = mid + 1 } else { high = mid }
        }
        return low
    }

    static func lastIndex(of needle: String, in text: [UInt8]) -> Int? {
        let pattern = Array(needle.utf8)
        guard text.count >= pattern.count else { return nil }
        for start in stride(from: text.count - pattern.count, through: 0, by: -1) where Array(text[start..<(start + pattern.count)]) == pattern {
            return start
        }
        return nil
    }

    /// True when the last `\(` of a string's text before the cursor is still open.
    static func isInsideInterpolation(_ text: [UInt8]) -> Bool {
        guard var index = lastIndex(of: "\\(", in: text) else { return false }
        var depth = 1
        index += 2
        while index < text.count {
            if text[index] == UInt8(ascii: "(") { depth += 1 }
            if text[index] == UInt8(ascii: ")") { depth -= 1 }
            if depth == 0 { return false }
            index += 1
        }
        return true
    }

    /// `phase NAME:`, `finally NAME:`, `undo` or `undo NAME:` just before the cursor.
    static func followsPhaseColon(_ previous: [Token], file: SourceFile) -> Bool {
        let count = previous.count
        let text = { (index: Int) -> String in index >= 0 && index < count ? file.text(previous[index].range) : "" }
        if count >= 1, previous[count - 1].kind == .identifier, text(count - 1) == "undo" { return true }
        guard count >= 3, previous[count - 1].kind == .colon, previous[count - 2].kind == .identifier else { return false }
        return ["phase", "finally", "undo"].contains(text(count - 3))
    }

    /// The innermost open brace before the cursor, what it belongs to, and the action around it.
    static func block(enclosing previous: [Token], all tokens: [Token], file: SourceFile) -> (Block, String?) {
        var stack: [Int] = []
        for (index, token) in previous.enumerated() {
            if token.kind == .leftBrace { stack.append(index) }
            if token.kind == .rightBrace, !stack.isEmpty { stack.removeLast() }
        }
        var actionName: String?
        if let outer = stack.first {
            let first = firstTokenOfLine(outer, previous)
            if file.text(previous[first].range) == "action", first + 1 < previous.count { actionName = file.text(previous[first + 1].range) }
        }
        guard let brace = stack.last else { return (.topLevel, actionName) }
        let lineFirst = file.text(previous[firstTokenOfLine(brace, previous)].range)
        if lineFirst == "action" || lineFirst == "parallel" { return (.actionBody, actionName) }
        var owner = brace - 1
        if owner >= 0, previous[owner].kind == .rightParen {
            var depth = 0
            while owner >= 0 {
                if previous[owner].kind == .rightParen { depth += 1 }
                if previous[owner].kind == .leftParen { depth -= 1 }
                if depth == 0 { break }
                owner -= 1
            }
            owner -= 1
        }
        guard owner >= 0, previous[owner].kind == .identifier else { return (.other, actionName) }
        let callee = file.text(previous[owner].range)
        let isCall = owner >= 1 && (previous[owner - 1].kind == .colon || file.text(previous[owner - 1].range) == "undo")
        guard isCall || BlueprintFacts.catalog.function(callee) != nil else { return (.other, actionName) }
        return (.phaseBody(callee: callee, given: givenArguments(after: brace, in: tokens, file: file)), actionName)
    }

    static func firstTokenOfLine(_ index: Int, _ tokens: [Token]) -> Int {
        var first = index
        while first > 0, !tokens[first].isAtLineStart { first -= 1 }
        return first
    }

    /// The names given as `name:` (or `objects {`, `outputs [`) directly inside the body opened at `brace`.
    static func givenArguments(after brace: Int, in tokens: [Token], file: SourceFile) -> Set<String> {
        var given: Set<String> = []
        var depth = 0
        var index = brace + 1
        while index < tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .leftBrace, .leftParen, .leftBracket: depth += 1
            case .rightBrace, .rightParen, .rightBracket:
                depth -= 1
                if depth < 0 { return given }
            case .identifier where depth == 0:
                let text = file.text(token.range)
                let next = tokens[safe: index + 1]?.kind
                if next == .colon || (text == "objects" && next == .leftBrace) || (text == "outputs" && next == .leftBracket) {
                    given.insert(text)
                } else if token.isAtLineStart, ["phase", "finally", "action", "parallel"].contains(text) {
                    return given
                }
            default: break
            }
            index += 1
        }
        return given
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}
