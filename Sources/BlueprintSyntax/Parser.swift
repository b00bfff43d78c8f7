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
    var depth: Int
    /// End offset of the last consumed token.
    var lastEnd: Int

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
        let lexed = Lexer.tokenize(file.bytes)
        var parser = Parser(bytes: file.bytes, tokens: lexed.tokens)
        parser.diagnostics = lexed.diagnostics
        let syntax = parser.parseFile()
        let sorted = parser.diagnostics.enumerated().sorted {
            ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset)
        }.map(\.element)
        return ParseResult(syntax: syntax, diagnostics: sorted)
    }

    // MARK: tokens

    var current: Token { tokens[index] }
    var isAtEnd: Bool { current.kind == .endOfFile }

    func peek(_ ahead: Int = 1) -> Token {
        tokens[min(index + ahead, tokens.count - 1)]
    }

    func text(of token: Token) -> String {
        String(decoding: bytes[token.range.start..<token.range.end], as: UTF8.self)
    }

    /// True when `token` is the identifier `keyword` (keywords are contextual).
    func isKeyword(_ keyword: StaticString, _ token: Token? = nil) -> Bool {
        let token = token ?? current
        guard token.kind == .identifier, token.range.length == keyword.utf8CodeUnitCount else { return false }
        let start = token.range.start
        return keyword.withUTF8Buffer { expected in
            for offset in 0..<expected.count where bytes[start + offset] != expected[offset] { return false }
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
    mutating func expect(_ kind: TokenKind, _ context: String) -> Token? {
        if let token = consume(kind) { return token }
        reportExpected("\(kind) \(context)")
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
    mutating func reportExpected(_ what: String, code: DiagnosticCode = .expectedToken, atCurrentToken: Bool = false) {
        let found = isAtEnd ? "end of file" : describe(current)
        let range = atCurrentToken && !isAtEnd ? current.range : missingTokenRange
        report(code, "expected \(what), found \(found)", at: range)
    }

    mutating func report(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = []) {
        guard !isRecovering else { return }
        isRecovering = true
        guard diagnostics.count < Parser.maxDiagnostics else {
            if diagnostics.count == Parser.maxDiagnostics {
                diagnostics.append(.error(.tooManyErrors, "too many errors; stopping here", at: range))
            }
            index = tokens.count - 1
            return
        }
        diagnostics.append(Diagnostic(code, .error, message, at: range, notes: notes))
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
                    if token.kind == .rightBrace, stopAtClosingBrace { isRecovering = false; return }
                } else {
                    nesting -= 1
                }
            default: break
            }
            advance()
        }
        isRecovering = false
    }

    static let declarationStarts: [StaticString] = ["blueprint", "import", "let", "def", "action"]
    static let actionItemStarts: [StaticString] = [
        "input", "secret", "configmap", "output", "phase", "parallel", "finally", "let",
    ]

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
