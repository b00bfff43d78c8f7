// The recursive-descent parser: tokens in, a SourceFileSyntax and diagnostics
// out. It recovers from errors (panic mode with named sync sets) so one run
// reports every syntax error it can find.

public struct ParseResult: Sendable {
    public var syntax: SourceFileSyntax
    public var diagnostics: [Diagnostic]
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

public struct Parser {
    let bytes: [UInt8]
    var tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// Set after an error; cleared at the next synchronization point, so one
    /// mistake does not cascade into a page of follow-up errors.
    var isRecovering = false
    /// Where the current recovery began: a list opened before it may lack
    /// its closer because of that error, so the closer is not reported.
    var recoveryStart = 0
    var depth: Int
    /// End offset of the last consumed token.
    var lastEnd: Int
    /// Where the last syntax error was reported: a second one at the same
    /// place (a missing closer after a missing expression) is not reported.
    var lastReportStart = -1
    /// Open `(`, `[` and `{` whose closer is still awaited (see `isAtListEnd`).
    var openParens = 0
    var openBrackets = 0
    var openBraces = 0
    /// The string decoder, kept between literals to reuse its storage (in a
    /// box made at the first literal, so the parser stays small to copy).
    var decoderStorage: DecoderStorage?

    /// Deeper nesting than this is reported, not recursed into.
    public static let maxDepth = 128
    /// After this many diagnostics the parser stops.
    public static let maxDiagnostics = 500

    init(bytes: [UInt8], tokens: [Token], depth: Int = 0) {
        self.bytes = bytes
        self.tokens = tokens
        self.depth = depth
        self.lastEnd = tokens.first?.range.start ?? 0
    }

    /// Parses a whole file.
    public static func parse(_ file: SourceFile) -> ParseResult {
        if let result = parseInParallel(file.bytes) { return result }
        return parseSequentially(file.bytes, lexed: Lexer.tokenize(file.bytes))
    }

    /// Parses a lexed file on one core, with error recovery.
    static func parseSequentially(_ bytes: [UInt8], lexed: LexResult) -> ParseResult {
        var parser = Parser(bytes: bytes, tokens: lexed.tokens)
        parser.diagnostics = lexed.diagnostics
        let syntax = parser.parseFile()
        return ParseResult(syntax: syntax, diagnostics: parser.diagnostics.inSourceOrder)
    }

    /// Below this many bytes a file is lexed and parsed on one core.
    static let parallelThreshold = 1_000_000

    /// Lexes and parses groups of top-level declarations on all cores, the file cut
    /// where a line starts with `action `. Neither the lexer nor the parser carries
    /// state from one clean declaration to the next, so this gives the sequential
    /// result; nil when the file is small or any group has a diagnostic (a group
    /// cut inside a string or a block has one; recovery may cross declaration
    /// boundaries, so every error is left to the sequential parse).
    static func parseInParallel(
        _ bytes: [UInt8], minimumBytes: Int = parallelThreshold, parts: Int = Parallel.processorCount
    ) -> ParseResult? {
        guard parts > 1, bytes.count >= minimumBytes else { return nil }
        let cuts = declarationCuts(bytes, parts: parts)
        guard cuts.count > 2 else { return nil }
        let groups = Parallel.map(cuts.count - 1) { group -> [Declaration]? in
            let lexed = Lexer.tokenize(bytes, range: cuts[group]..<cuts[group + 1])
            guard lexed.diagnostics.isEmpty else { return nil }
            var parser = Parser(bytes: bytes, tokens: lexed.tokens)
            let declarations = parser.parseFile().declarations
            return parser.diagnostics.isEmpty ? declarations : nil
        }
        var declarations: [Declaration] = []
        for group in groups {
            guard let group else { return nil }
            declarations += group
        }
        return ParseResult(syntax: SourceFileSyntax(declarations: declarations, range: SourceRange(0, bytes.count)), diagnostics: [])
    }

    /// Byte offsets that cut the file into about `parts` groups: 0, for each cut the
    /// offset of an `action ` that starts a line, and the end of the file.
    static func declarationCuts(_ bytes: [UInt8], parts: Int) -> [Int] {
        let keyword = Array("\naction".utf8)
        var cuts = [0]
        var offset = 0
        while cuts.count < parts {
            offset = max(offset, bytes.count * cuts.count / parts)
            guard let found = firstLine(starting: keyword, in: bytes, from: offset) else { break }
            cuts.append(found)
            offset = found + 1
        }
        return cuts + [bytes.count]
    }

    /// The offset just after the first `\n` at or after `start` that begins `pattern`
    /// followed by a space or a tab.
    static func firstLine(starting pattern: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + pattern.count < bytes.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern),
                bytes[index + pattern.count] == UInt8(ascii: " ") || bytes[index + pattern.count] == UInt8(ascii: "\t")
            {
                return index + 1
            }
            index += 1
        }
        return nil
    }

    // MARK: tokens

    var current: Token { tokens[index] }
    var isAtEnd: Bool { current.kind == .endOfFile }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    func text(of token: Token) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[token.range.start..<token.range.end]), as: UTF8.self)
        }
    }

    /// True when `token` is the identifier `keyword` (keywords are contextual).
    @inline(__always) func isKeyword(_ keyword: StaticString) -> Bool {
        isKeyword(keyword, current)
    }

    /// True when `token` is the identifier `keyword`.
    @inline(__always) func isKeyword(_ keyword: StaticString, _ token: Token) -> Bool {
        token.kind == .identifier && token.range.length == keyword.utf8CodeUnitCount
            && hasBytes(of: keyword, at: token.range.start)
    }

    /// True when the bytes at `start` spell `keyword` (which fits before the end).
    func hasBytes(of keyword: StaticString, at start: Int) -> Bool {
        let expected = keyword.utf8Start
        return bytes.withUnsafeBufferPointer { buffer in
            for offset in 0..<keyword.utf8CodeUnitCount where buffer[start + offset] != expected[offset] { return false }
            return true
        }
    }

    @discardableResult
    mutating func advance() -> Token {
        let token = current
        if token.kind != .endOfFile {
            index += 1
            lastEnd = token.range.end
        }
        return token
    }

    mutating func consume(_ kind: TokenKind) -> Token? {
        current.kind == kind ? advance() : nil
    }

    /// Consumes `kind` or reports "expected KIND CONTEXT" and synthesizes nothing.
    @discardableResult
    mutating func expect(_ kind: TokenKind, _ context: @autoclosure () -> String) -> Token? {
        if let token = consume(kind) { return token }
        reportExpected("\(kind) \(context())")
        return nil
    }

    // MARK: diagnostics

    /// Where a missing token is reported: at the next token on the same line,
    /// otherwise just after the previous token.
    var missingTokenRange: SourceRange {
        if current.isAtLineStart || isAtEnd, index > 0 {
            return SourceRange(lastEnd, lastEnd)
        }
        return current.range
    }

    /// Reports a missing `what`. With `atCurrentToken`, the caret goes under the
    /// token found instead (for junk where an item should start).
    /// An `.invalid` token was reported by the lexer already, so finding one
    /// only starts recovery. `hint` follows the message after "; ".
    mutating func reportExpected(
        _ what: String, code: DiagnosticCode = .expectedToken, atCurrentToken: Bool = false, hint: String? = nil
    ) {
        guard current.kind != .invalid else {
            beginRecovery(at: current.range.start)
            return
        }
        let found = isAtEnd ? "end of file" : describe(current)
        let range = atCurrentToken && !isAtEnd ? current.range : missingTokenRange
        report(code, "expected \(what), found \(found)" + (hint.map { "; \($0)" } ?? ""), at: range)
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = []) {
        guard !isRecovering, range.start != lastReportStart else {
            beginRecovery(at: range.start)
            return
        }
        beginRecovery(at: range.start)
        lastReportStart = range.start
        guard diagnostics.count < Parser.maxDiagnostics else {
            if diagnostics.count == Parser.maxDiagnostics {
                diagnostics.append(.error(.tooManyErrors, "too many errors; stopping here", at: range))
            }
            index = tokens.count - 1
            return
        }
        diagnostics.append(Diagnostic(code, .error, message, at: range, notes: notes))
    }

    /// A problem inside a string literal (escape, layout): reported whether or
    /// not the parser is recovering, and without starting recovery.
    mutating func reportLiteral(_ code: DiagnosticCode, _ message: String, at range: SourceRange) {
        if diagnostics.count < Parser.maxDiagnostics {
            diagnostics.append(.error(code, message, at: range))
        } else if diagnostics.count == Parser.maxDiagnostics {
            diagnostics.append(.error(.tooManyErrors, "too many errors; stopping here", at: range))
        }
    }

    /// Enters panic mode (errors are not reported until it ends).
    mutating func beginRecovery(at offset: Int) {
        if !isRecovering { recoveryStart = offset }
        isRecovering = true
    }

    /// Panic mode ends where a new line starts an item.
    mutating func endRecoveryAtLineStart() {
        if current.isAtLineStart, !isAtEnd { isRecovering = false }
    }

    func describe(_ token: Token) -> String {
        switch token.kind {
        case .identifier: return "'\(text(of: token))'"
        case .string, .multilineString, .int, .float, .duration, .invalid:
            let shown = text(of: token)
            return shown.utf8.count <= 24 ? "\(token.kind) \(shown)" : "\(token.kind)"
        default: return token.kind.description
        }
    }

    // MARK: recovery

    /// Skips tokens to the next line that starts with one of `keywords`, or to a
    /// `}` that closes the enclosing block, keeping braces balanced.
    mutating func synchronize(to keywords: [StaticString], stopAtClosingBrace: Bool) {
        var nesting = 0
        while !isAtEnd {
            let token = current
            if nesting == 0, token.isAtLineStart, keywords.contains(where: { isKeyword($0, token) }) { break }
            switch token.kind {
            case .leftBrace, .leftBracket, .leftParen: nesting += 1
            case .rightBrace, .rightBracket, .rightParen:
                if nesting == 0 {
                    if token.kind == .rightBrace, stopAtClosingBrace {
                        isRecovering = false
                        return
                    }
                } else {
                    nesting -= 1
                }
            default: break
            }
            advance()
        }
        isRecovering = false
    }

    static let declarationStarts: [StaticString] = ["blueprint", "import", "allow", "let", "def", "action"]
    static let actionItemStarts: [StaticString] = [
        "input", "secret", "configmap", "output", "phase", "parallel", "finally", "let",
    ]

    // MARK: delimiters

    /// Records that `token`, just consumed, opens a delimited list.
    mutating func noteOpened(_ token: Token) {
        switch token.kind {
        case .leftParen: openParens += 1
        case .leftBracket: openBrackets += 1
        case .leftBrace: openBraces += 1
        default: break
        }
    }

    /// A closer that some construct still open is waiting for.
    var isAtAwaitedCloser: Bool {
        switch current.kind {
        case .rightParen: openParens > 0
        case .rightBracket: openBrackets > 0
        case .rightBrace: openBraces > 0
        default: false
        }
    }

    /// Where a delimited list (map, list, arguments, phase body) stops: its own
    /// closer, a closer an enclosing list awaits, the end of the file, or a
    /// line that starts a declaration or an action item, which means the
    /// closer is missing.
    func isAtListEnd(_ closer: TokenKind) -> Bool {
        current.kind == closer || isAtEnd || isAtAwaitedCloser || isAtTopLevelKeyword || isAtActionItemStart
    }

    /// `let NAME =`, `phase NAME:` or `finally NAME:` at the start of a line:
    /// no expression or map entry can start that way.
    var isAtActionItemStart: Bool {
        guard current.isAtLineStart, peek().kind == .identifier || peek().kind == .string else { return false }
        if isKeyword("let") { return peek().kind == .identifier && peek(2).kind == .equals }
        return (isKeyword("phase") || isKeyword("finally")) && peek(2).kind == .colon
    }

    /// Skips junk up to the `closer` of the current list (not consuming it),
    /// keeping nested delimiters balanced and stopping where the list ends.
    mutating func skipToCloser(_ closer: TokenKind) {
        var nesting = 0
        while !isAtEnd {
            if nesting == 0, isAtListEnd(closer) || current.isAtLineStart { return }
            switch current.kind {
            case .leftBrace, .leftBracket, .leftParen: nesting += 1
            case .rightBrace, .rightBracket, .rightParen: if nesting > 0 { nesting -= 1 }
            default: break
            }
            advance()
        }
    }

    /// Enters one level of nesting; reports and returns false past the limit.
    mutating func enterNesting() -> Bool {
        if depth >= Parser.maxDepth {
            report(.nestingTooDeep, "nesting is too deep (the limit is \(Parser.maxDepth) levels)", at: current.range)
            skipBalancedRemainder()
            return false
        }
        depth += 1
        return true
    }

    /// After a nesting error: skips to the end of the innermost open bracket.
    mutating func skipBalancedRemainder() {
        var nesting = 1
        while !isAtEnd, nesting > 0 {
            switch current.kind {
            case .leftBrace, .leftBracket, .leftParen: nesting += 1
            case .rightBrace, .rightBracket, .rightParen: nesting -= 1
            default: break
            }
            if nesting > 0 { advance() }
        }
    }
}
