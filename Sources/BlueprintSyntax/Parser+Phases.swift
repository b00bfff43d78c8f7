// Phases: heads, calls, bodies (arguments, objects, outputs) and clauses.

extension Parser {
    /// PhaseDecl = "phase" Name ":" PhaseCall ;  FinallyDecl = "finally" Name ":" PhaseCall ;
    /// `keyword` is the current token's text.
    mutating func parsePhase(_ keyword: StaticString) -> PhaseDecl {
        let start = advance().range.start
        let name = parseName("after '\(keyword)'")
        expect(.colon, "after the phase name '\(name.text)'")
        let call = parsePhaseCall(allowClauses: true)
        return PhaseDecl(name: name, call: call, range: SourceRange(start, lastEnd))
    }

    /// PhaseCall = IDENT [ ArgumentList ] [ PhaseBody ] { PhaseClause } ;
    /// Inline compensations take no clauses (`allowClauses: false`), so a
    /// following `undo` or `retry` belongs to the enclosing phase.
    mutating func parsePhaseCall(allowClauses: Bool) -> PhaseCall {
        let start = current.range.start
        let callee = parseIdentifierName("naming a Kanister function or a def")
        var arguments: [CallArgument]?
        if current.kind == .leftParen, !current.isAtLineStart {
            arguments = parseArgumentList()
        }
        var body: PhaseBody?
        if current.kind == .leftBrace { body = parsePhaseBody() }
        var clauses: [PhaseClause] = []
        while allowClauses, let clause = parsePhaseClause() {
            clauses.append(clause)
        }
        return PhaseCall(callee: callee, arguments: arguments, body: body, clauses: clauses, range: SourceRange(start, lastEnd))
    }

    /// PhaseBody = "{" { BodyItem [ "," ] } "}" ;
    /// BodyItem = ObjectsBlock | OutputsDecl | MapEntry ;
    mutating func parsePhaseBody() -> PhaseBody {
        let open = advance()
        noteOpened(open)
        var items: [BodyItem] = []
        while !isAtListEnd(.rightBrace) {
            endRecoveryAtLineStart()
            let before = index
            if isKeyword("objects"), peek().kind == .leftBrace {
                let start = advance().range.start
                let entries = parseMapEntries()
                items.append(.objects(ObjectsBlock(entries: entries, range: SourceRange(start, lastEnd))))
            } else if isKeyword("outputs"), peek().kind == .leftBracket {
                items.append(.outputs(parseOutputsDecl()))
            } else if let entry = parseMapEntry() {
                items.append(.argument(entry))
            }
            _ = consume(.comma)
            if index == before { advance() }
            endRecoveryAtLineStart()
        }
        closeDelimiter(.rightBrace, opened: open, "the phase body")
        return PhaseBody(items: items, range: SourceRange(open.range.start, lastEnd))
    }

    /// OutputsDecl = "outputs" "[" [ Name { "," Name } [ "," ] ] "]" ;
    mutating func parseOutputsDecl() -> OutputsDecl {
        let start = advance().range.start
        let open = advance()
        noteOpened(open)
        var names: [Name] = []
        while current.kind == .identifier || current.kind == .string {
            names.append(parseName("in outputs"))
            if consume(.comma) == nil { break }
        }
        closeDelimiter(.rightBracket, opened: open, "the outputs list")
        return OutputsDecl(names: names, range: SourceRange(start, lastEnd))
    }

    /// PhaseClause = UndoClause | "retry" INT | "timeout" DURATION | "when" Expr ;
    /// Returns nil, consuming nothing, when no clause follows.
    mutating func parsePhaseClause() -> PhaseClause? {
        let start = current.range.start
        if isKeyword("when") {
            advance()
            let condition: Expr
            if current.kind == .colon || current.kind.isCloserOrSeparator {
                reportExpected("a condition after 'when' (such as eq(Options.mode, \"full\"))", code: .expectedExpression)
                condition = Expr(.error, range: missingTokenRange)
            } else {
                condition = parseExpression()
            }
            return .when(condition, range: SourceRange(start, lastEnd))
        }
        if isKeyword("unnamed"), peek().kind != .colon {
            advance()
            return .unnamed(range: SourceRange(start, lastEnd))
        }
        if isKeyword("retry") || isKeyword("timeout") {
            let keyword = advance()
            let value: Expr
            if current.kind == .colon || current.kind.isCloserOrSeparator {
                let what = isKeyword("retry", keyword) ? "a number of retries after 'retry'" : "a duration after 'timeout' (such as 10m)"
                reportExpected(what, code: .expectedExpression)
                value = Expr(.error, range: missingTokenRange)
            } else {
                value = parsePrimary()
            }
            let range = SourceRange(start, lastEnd)
            return isKeyword("retry", keyword) ? .retry(count: value, range: range) : .timeout(value, range: range)
        }
        guard isKeyword("undo") else { return nil }
        advance()
        // UndoClause = "undo" ( Name | Name ":" PhaseCall | IDENT [ ArgumentList ] PhaseBody ) ;
        if current.kind == .identifier, peek().kind == .leftBrace || (peek().kind == .leftParen && !peek().isAtLineStart) {
            let call = parsePhaseCall(allowClauses: false)
            return .undoInline(name: nil, call: call, range: SourceRange(start, lastEnd))
        }
        let name = parseName("after 'undo' (a later phase, or an inline Function { ... })")
        if consume(.colon) != nil {
            let call = parsePhaseCall(allowClauses: false)
            return .undoInline(name: name, call: call, range: SourceRange(start, lastEnd))
        }
        return .undoReference(name, range: SourceRange(start, lastEnd))
    }
}
