// Recursive-descent parser for Go text/template, a port of go1.19 text/template/parse:
// it accepts and rejects what Go does (the first error ends parsing, as in Go) and
// builds the value-type tree of GoTemplateAST.swift. Token navigation and the top level.

struct GoTemplateParser {
    typealias Chars = GoTemplateCharacters
    typealias Failure = GoTemplateParseError

    let source: [UInt8]
    let tokens: [GoTemplateToken]
    let lexError: GoTemplateLexError?
    let functions: Set<String>
    let templateName: String
    let options: GoTemplate.Options
    var index = 0
    /// The furthest token read so far: Go reports errors on that token's line.
    var furthestIndex = 0
    /// Variables in scope in the template being parsed (Go's `Tree.vars`).
    var vars: [String] = ["$"]
    var rangeDepth = 0
    var depth = 0
    /// Templates defined so far, and whether each has a non-empty body (Go's treeSet).
    var definedTemplates: [String: Bool] = [:]
    /// The left delimiter of the action being parsed, for "in action started at" messages.
    var actionOpening: GoTemplateToken?

    init(
        source: [UInt8], tokens: [GoTemplateToken], lexError: GoTemplateLexError?, functions: Set<String>,
        templateName: String, options: GoTemplate.Options
    ) {
        self.source = source
        self.tokens = tokens.isEmpty ? [GoTemplateToken(kind: .eof, start: 0, end: 0)] : tokens
        self.lexError = lexError
        self.functions = functions
        self.templateName = templateName
        self.options = options
    }

    /// What `textOrAction` found: a node, or the `{{end}}` / `{{else}}` closing a list.
    enum ListItem {
        case node(GoTemplateNode)
        case end(GoTemplateTag)
        case elseClause(ElseOpening)
    }

    /// `{{else}}` (tag complete) or `{{else if`/`{{else with` (tag still open, keyword pending).
    struct ElseOpening {
        var opening: GoTemplateToken
        var tag: GoTemplateTag?
        var chainedKeyword: GoTemplateTokenKind?
    }

    // MARK: - Tokens

    mutating func next() -> GoTemplateToken {
        let token = peek()
        index += 1
        return token
    }

    mutating func peek() -> GoTemplateToken {
        let clamped = min(index, tokens.count - 1)
        furthestIndex = max(furthestIndex, clamped)
        return tokens[clamped]
    }

    mutating func backup() {
        index -= 1
    }

    mutating func nextNonSpace() -> GoTemplateToken {
        var token = next()
        while token.kind == .space { token = next() }
        return token
    }

    mutating func peekNonSpace() -> GoTemplateToken {
        let token = nextNonSpace()
        backup()
        return token
    }

    /// Consumes the next non-space token, which must be of `kind`.
    mutating func expect(_ kind: GoTemplateTokenKind, _ context: String) throws(Failure) -> GoTemplateToken {
        let token = nextNonSpace()
        guard token.kind == kind else { throw unexpected(token, context) }
        return token
    }

    /// The tag from `opening` to the right delimiter just consumed.
    func closeTag(_ opening: GoTemplateToken) -> GoTemplateTag {
        let close = tokens[max(0, min(index, tokens.count) - 1)]
        return GoTemplateTag(
            range: opening.start..<max(opening.end, close.end), trimsBefore: opening.trimsBefore,
            trimsAfter: close.kind == .rightDelim && close.trimsAfter)
    }

    func text(_ token: GoTemplateToken) -> String {
        String(decoding: source[token.start..<token.end], as: UTF8.self)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: source[range], as: UTF8.self)
    }

    // MARK: - Errors

    func failure(_ message: String, at offset: Int, hint: String? = nil) -> Failure {
        let clamped = min(max(0, offset), source.count)
        let furthest = tokens[min(furthestIndex, tokens.count - 1)]
        let lineOffset = furthest.kind == .rightDelim ? furthest.end - 1 : furthest.start
        return Failure(
            message: message, offset: clamped, line: line(at: lineOffset), templateName: templateName, hint: hint)
    }

    func line(at offset: Int) -> Int {
        var line = 1
        for byte in source[0..<min(max(0, offset), source.count)] where byte == Chars.newline { line += 1 }
        return line
    }

    /// Go's `unexpected`: a lexer error is reported as itself, anything else as out of place.
    func unexpected(_ token: GoTemplateToken, _ context: String) -> Failure {
        guard token.kind == .error else {
            return failure("unexpected \(describe(token)) in \(context)", at: token.start)
        }
        let message = lexError?.message ?? "unexpected error"
        var extra = ""
        if let opening = actionOpening {
            let actionLine = line(at: opening.start)
            if actionLine != line(at: token.start) {
                let suffix = message.hasSuffix(" action") ? "" : " in action"
                extra = "\(suffix) started at \(templateName):\(actionLine)"
            }
        }
        return failure(message + extra, at: token.start)
    }

    /// Go's `item.String()`.
    func describe(_ token: GoTemplateToken) -> String {
        switch token.kind {
        case .eof: return "EOF"
        case .error: return lexError?.message ?? ""
        case .leftDelim: return "\"{{\""
        case .rightDelim: return "\"}}\""
        default:
            let value = text(token)
            return token.kind.isKeyword ? "<\(value)>" : Chars.quoteTruncated(value)
        }
    }

    func offset(of item: ListItem) -> Int {
        switch item {
        case .node(let node): return node.range.lowerBound
        case .end(let tag): return tag.range.lowerBound
        case .elseClause(let clause): return clause.opening.start
        }
    }

    func describe(_ item: ListItem) -> String {
        switch item {
        case .node: return "node"
        case .end: return "{{end}}"
        case .elseClause: return "{{else}}"
        }
    }

    mutating func enterNesting(at offset: Int) throws(Failure) {
        depth += 1
        if depth > options.maxNestingDepth {
            throw failure("nesting deeper than \(options.maxNestingDepth) levels", at: offset)
        }
    }

    mutating func leaveNesting() {
        depth -= 1
    }

    // MARK: - Top level

    /// template = { text | comment | action | define }  (Go's `parse`, runs to EOF).
    mutating func parseTemplate() throws(Failure) -> GoTemplateTree {
        var nodes: [GoTemplateNode] = []
        var firstContent: Int?
        while peek().kind != .eof {
            if peek().kind == .leftDelim {
                let delimIndex = index
                let delim = next()
                if nextNonSpace().kind == .defineKeyword {
                    nodes.append(.define(try parseDefinition(opening: delim)))
                    continue
                }
                index = delimIndex
            }
            switch try textOrAction() {
            case .node(let node):
                nodes.append(node)
                if firstContent == nil && !isEmpty([node]) { firstContent = node.range.lowerBound }
            case .end(let tag):
                throw failure("unexpected {{end}}", at: tag.range.lowerBound)
            case .elseClause(let opening):
                throw failure("unexpected {{else}}", at: opening.opening.start)
            }
        }
        try addTemplate(templateName, isEmpty: firstContent == nil, at: firstContent ?? 0)
        return GoTemplateTree(name: templateName, nodes: nodes, range: 0..<source.count)
    }

    /// itemList = { textOrAction }, ended by `{{end}}` or `{{else}}`, returned separately.
    mutating func itemList() throws(Failure) -> (nodes: [GoTemplateNode], terminator: ListItem) {
        var nodes: [GoTemplateNode] = []
        while peekNonSpace().kind != .eof {
            let item = try textOrAction()
            guard case .node(let node) = item else { return (nodes, item) }
            nodes.append(node)
        }
        let eof = peek()
        throw failure("unexpected EOF", at: eof.start)
    }

    /// textOrAction = text | comment | "{{" action
    mutating func textOrAction() throws(Failure) -> ListItem {
        let token = nextNonSpace()
        switch token.kind {
        case .text:
            return .node(.text(GoTemplateText(range: token.start..<token.end, value: text(token))))
        case .comment:
            let body = text((token.start + (token.trimsBefore ? 6 : 4))..<(token.end - (token.trimsAfter ? 6 : 4)))
            let tag = GoTemplateTag(
                range: token.start..<token.end, trimsBefore: token.trimsBefore, trimsAfter: token.trimsAfter)
            return .node(.comment(GoTemplateComment(tag: tag, text: body)))
        case .leftDelim:
            actionOpening = token
            defer { actionOpening = nil }
            return try action(opening: token)
        default:
            throw unexpected(token, "input")
        }
    }

    /// Go's IsEmptyTree on a list: only white-space text and comments.
    func isEmpty(_ nodes: [GoTemplateNode]) -> Bool {
        nodes.allSatisfy { node in
            switch node {
            case .comment, .define: return true
            case .text(let text): return Chars.isWhiteSpaceOnly(text.value)
            default: return false
            }
        }
    }

    /// Go's `Tree.add`: a second non-empty definition of a name is an error.
    mutating func addTemplate(_ name: String, isEmpty: Bool, at offset: Int) throws(Failure) {
        if let hasContent = definedTemplates[name], hasContent {
            guard isEmpty else {
                throw failure("template: multiple definition of template \(Chars.quote(name))", at: offset)
            }
            return
        }
        definedTemplates[name] = !isEmpty
    }
}
