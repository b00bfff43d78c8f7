// Actions and control structures of the Go template parser: if/range/with with else
// and else-if, end, break/continue, define, block and template.

extension GoTemplateParser {
    /// action = control | pipeline "}}"   (the "{{" is consumed)
    mutating func action(opening: GoTemplateToken) throws(Failure) -> ListItem {
        let token = nextNonSpace()
        switch token.kind {
        case .blockKeyword: return .node(.block(try blockControl(opening: opening)))
        case .breakKeyword: return .node(.breakLoop(try loopJump(opening: opening, word: "break")))
        case .continueKeyword: return .node(.continueLoop(try loopJump(opening: opening, word: "continue")))
        case .elseKeyword: return try elseControl(opening: opening)
        case .endKeyword:
            _ = try expect(.rightDelim, "end")
            return .end(closeTag(opening))
        case .ifKeyword: return .node(.control(try parseControl(.if, opening: opening, isElseChain: false)))
        case .rangeKeyword: return .node(.control(try parseControl(.range, opening: opening, isElseChain: false)))
        case .withKeyword: return .node(.control(try parseControl(.with, opening: opening, isElseChain: false)))
        case .templateKeyword: return .node(.templateCall(try templateControl(opening: opening)))
        default: break
        }
        backup()
        let pipeline = try pipeline(context: "command", end: .rightDelim)
        return .node(.action(GoTemplateAction(tag: closeTag(opening), pipeline: pipeline)))
    }

    /// `{{break}}` / `{{continue}}`, only inside a range of the same template.
    mutating func loopJump(opening: GoTemplateToken, word: String) throws(Failure) -> GoTemplateTag {
        let token = nextNonSpace()
        guard token.kind == .rightDelim else { throw unexpected(token, "{{\(word)}}") }
        guard rangeDepth > 0 else { throw failure("{{\(word)}} outside {{range}}", at: opening.start) }
        return closeTag(opening)
    }

    /// `{{else}}`, or `{{else if` (and `{{else with` when allowed) leaving the keyword pending.
    mutating func elseControl(opening: GoTemplateToken) throws(Failure) -> ListItem {
        let peeked = peekNonSpace()
        if peeked.kind == .ifKeyword || (options.allowsElseWith && peeked.kind == .withKeyword) {
            return .elseClause(ElseOpening(opening: opening, tag: nil, chainedKeyword: peeked.kind))
        }
        _ = try expect(.rightDelim, "else")
        return .elseClause(ElseOpening(opening: opening, tag: closeTag(opening), chainedKeyword: nil))
    }

    /// control = ("if" | "range" | "with") pipeline "}}" itemList ["{{else" ...] "{{end}}"
    /// Variables declared inside go out of scope at the end.
    mutating func parseControl(
        _ kind: GoTemplateControl.Kind, opening: GoTemplateToken, isElseChain: Bool
    ) throws(Failure) -> GoTemplateControl {
        try enterNesting(at: opening.start)
        defer { leaveNesting() }
        let varsMark = vars.count
        let pipeline = try pipeline(context: kind.rawValue, end: .rightDelim)
        let openTag = closeTag(opening)
        if kind == .range { rangeDepth += 1 }
        let (body, terminator) = try itemList()
        if kind == .range { rangeDepth -= 1 }
        var elseClause: GoTemplateElse?
        let endTag: GoTemplateTag
        switch terminator {
        case .end(let tag):
            endTag = tag
        case .node:
            throw failure("internal error: item list ended by a node", at: openTag.range.lowerBound)
        case .elseClause(let clause):
            let chainKeyword: GoTemplateTokenKind? =
                kind == .if ? .ifKeyword : (kind == .with && options.allowsElseWith ? .withKeyword : nil)
            if let chainKeyword, peek().kind == chainKeyword {
                _ = next()
                let nested = try parseControl(kind, opening: clause.opening, isElseChain: true)
                elseClause = GoTemplateElse(tag: nested.open, body: [.control(nested)])
                endTag = nested.end
            } else {
                let (elseBody, elseTerminator) = try itemList()
                guard case .end(let tag) = elseTerminator else {
                    throw failure("expected end; found \(describe(elseTerminator))", at: offset(of: elseTerminator))
                }
                let elseTag = clause.tag ?? GoTemplateTag(range: clause.opening.start..<clause.opening.end)
                elseClause = GoTemplateElse(tag: elseTag, body: elseBody)
                endTag = tag
            }
        }
        vars.removeSubrange(varsMark...)
        return GoTemplateControl(
            kind: kind, open: openTag, isElseChain: isElseChain, pipeline: pipeline, body: body,
            elseClause: elseClause, end: endTag)
    }

    /// define = "{{define" string "}}" itemList "{{end}}"   (the keyword is consumed)
    mutating func parseDefinition(opening: GoTemplateToken) throws(Failure) -> GoTemplateDefine {
        let context = "define clause"
        let nameToken = nextNonSpace()
        guard nameToken.kind == .string || nameToken.kind == .rawString else {
            throw unexpected(nameToken, context)
        }
        let name = try stringLiteral(nameToken)
        _ = try expect(.rightDelim, context)
        let openTag = closeTag(opening)
        let (body, endTag) = try separateTemplateBody(context: context, at: opening.start)
        try addTemplate(name.value, isEmpty: isEmpty(body), at: opening.start)
        return GoTemplateDefine(open: openTag, name: name, body: body, end: endTag)
    }

    /// block = "{{block" string pipeline "}}" itemList "{{end}}"
    mutating func blockControl(opening: GoTemplateToken) throws(Failure) -> GoTemplateBlock {
        let context = "block clause"
        let nameToken = nextNonSpace()
        let name = try templateName(nameToken, context: context)
        let pipeline = try pipeline(context: context, end: .rightDelim)
        let openTag = closeTag(opening)
        let (body, endTag) = try separateTemplateBody(context: context, at: opening.start)
        try addTemplate(name.value, isEmpty: isEmpty(body), at: opening.start)
        return GoTemplateBlock(open: openTag, name: name, pipeline: pipeline, body: body, end: endTag)
    }

    /// template = "{{template" string [pipeline] "}}"
    mutating func templateControl(opening: GoTemplateToken) throws(Failure) -> GoTemplateCall {
        let context = "template clause"
        let nameToken = nextNonSpace()
        let name = try templateName(nameToken, context: context)
        var pipeline: GoTemplatePipeline?
        if nextNonSpace().kind != .rightDelim {
            backup()
            pipeline = try self.pipeline(context: context, end: .rightDelim)
        }
        return GoTemplateCall(tag: closeTag(opening), name: name, pipeline: pipeline)
    }

    /// The body of a define or block: a template of its own, with only `$` in scope
    /// and outside any range.
    mutating func separateTemplateBody(
        context: String, at start: Int
    ) throws(Failure) -> (body: [GoTemplateNode], end: GoTemplateTag) {
        try enterNesting(at: start)
        defer { leaveNesting() }
        let savedVars = vars
        let savedRangeDepth = rangeDepth
        vars = ["$"]
        rangeDepth = 0
        let (body, terminator) = try itemList()
        guard case .end(let endTag) = terminator else {
            throw failure("unexpected \(describe(terminator)) in \(context)", at: offset(of: terminator))
        }
        vars = savedVars
        rangeDepth = savedRangeDepth
        return (body, endTag)
    }

    func templateName(_ token: GoTemplateToken, context: String) throws(Failure) -> GoTemplateStringLiteral {
        guard token.kind == .string || token.kind == .rawString else { throw unexpected(token, context) }
        return try stringLiteral(token)
    }

    func stringLiteral(_ token: GoTemplateToken) throws(Failure) -> GoTemplateStringLiteral {
        guard let value = GoTemplateLiterals.unquote(source[token.start..<token.end]) else {
            throw failure("invalid syntax", at: token.start)
        }
        return GoTemplateStringLiteral(value: value, isRaw: token.kind == .rawString, range: token.start..<token.end)
    }
}
