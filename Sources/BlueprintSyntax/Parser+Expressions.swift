// Expressions: pipelines, postfix chains (member, index, call), primaries,
// list and map literals, argument lists.

extension Parser {
    /// Expr = Postfix { "|" Postfix } ;
    /// Every recursion (brackets, parentheses, interpolations) comes back
    /// here, so this is where one level of nesting is counted.
    mutating func parseExpression() -> Expr {
        guard enterNesting() else { return Expr(.error, range: current.range) }
        defer { depth -= 1 }
        var lhs = parsePostfix()
        while current.kind == .pipe {
            advance()
            let rhs = parsePostfix()
            lhs = Expr(.pipe(lhs, rhs), range: lhs.range.union(rhs.range))
        }
        return lhs
    }

    /// Postfix = Primary { "." Name | "[" Expr "]" | ArgumentList } ;
    /// `[` and `(` continue an expression only on the same line.
    mutating func parsePostfix() -> Expr {
        var expr = parsePrimary()
        while true {
            let start = expr.range.start
            if current.kind == .dot {
                advance()
                // `StatefulSet.` being typed above `image: ...`: the next line's key is not the name.
                let isNameMissing = current.isAtLineStart && peek().kind == .colon
                if isNameMissing { reportExpected("a name after '.'", code: .expectedName) }
                let name = isNameMissing ? Name("", range: missingTokenRange) : parseName("after '.'")
                expr = Expr(.member(expr, name), range: SourceRange(start, lastEnd))
            } else if current.kind == .leftBracket, !current.isAtLineStart {
                let open = advance()
                noteOpened(open)
                let subscriptExpr = parseExpression()
                closeDelimiter(.rightBracket, opened: open, "the index")
                expr = Expr(.index(expr, subscriptExpr), range: SourceRange(start, lastEnd))
            } else if current.kind == .leftParen, !current.isAtLineStart {
                let arguments = parseArgumentList()
                expr = Expr(.call(expr, arguments), range: SourceRange(start, lastEnd))
            } else {
                return expr
            }
        }
    }

    /// Primary = IDENT | "bash" StringLit | StringLit | INT | FLOAT | DURATION
    ///         | "true" | "false" | "null" | ListLiteral | MapLiteral | "(" Expr ")" ;
    mutating func parsePrimary() -> Expr {
        let token = current
        let isKey = (token.kind == .identifier || token.kind == .string) && peek().kind == .colon
        if token.isAtLineStart, isAtTopLevelKeyword || isAtActionItemStart || isKey {
            // The next item (`let x =`, `phase p:`, `key:`) starts here: the expression is missing.
            reportExpected("an expression", code: .expectedExpression)
            return Expr(.error, range: missingTokenRange)
        }
        switch token.kind {
        case .identifier:
            advance()
            if isKeyword("true", token) { return Expr(.bool(true), range: token.range) }
            if isKeyword("false", token) { return Expr(.bool(false), range: token.range) }
            if isKeyword("null", token) { return Expr(.null, range: token.range) }
            if isKeyword("bash", token), current.kind == .string || current.kind == .multilineString, !current.isAtLineStart {
                let literal = parseStringLiteral(advance())
                return Expr(.bash(literal), range: SourceRange(token.range.start, lastEnd))
            }
            return Expr(.identifier(text(of: token)), range: token.range)
        case .string, .multilineString:
            advance()
            return Expr(.string(parseStringLiteral(token)), range: token.range)
        case .int, .float, .duration:
            advance()
            let literal = text(of: token)
            let kind: ExprKind = token.kind == .int ? .int(literal) : token.kind == .float ? .float(literal) : .duration(literal)
            return Expr(kind, range: token.range)
        case .leftBracket:
            return parseList()
        case .leftBrace:
            let start = token.range.start
            let entries = parseMapEntries()
            return Expr(.map(entries), range: SourceRange(start, lastEnd))
        case .leftParen:
            noteOpened(advance())
            let inner = parseExpression()
            closeDelimiter(.rightParen, opened: token, "the parenthesized expression")
            return Expr(.parenthesized(inner), range: SourceRange(token.range.start, lastEnd))
        default:
            reportExpected("an expression", code: .expectedExpression, atCurrentToken: !token.isAtLineStart)
            if !token.kind.isCloserOrSeparator, !token.isAtLineStart {
                advance()
            }
            return Expr(.error, range: token.range)
        }
    }

    /// ListLiteral = "[" [ Expr { [ "," ] Expr } [ "," ] ] "]" ;
    mutating func parseList() -> Expr {
        let open = current
        noteOpened(advance())
        var elements: [Expr] = []
        while !isAtListEnd(.rightBracket) {
            let before = index
            elements.append(parseExpression())
            _ = consume(.comma)
            if index == before { advance() }
        }
        closeDelimiter(.rightBracket, opened: open, "the list")
        return Expr(.list(elements), range: SourceRange(open.range.start, lastEnd))
    }

    /// MapLiteral = "{" { MapEntry [ "," ] } "}" ;
    mutating func parseMapEntries() -> [MapEntry] {
        let open = current
        noteOpened(advance())
        var entries: [MapEntry] = []
        while !isAtListEnd(.rightBrace) {
            let before = index
            if let entry = parseMapEntry() { entries.append(entry) }
            _ = consume(.comma)
            if index == before { advance() }
        }
        closeDelimiter(.rightBrace, opened: open, "the map")
        return entries
    }

    /// MapEntry = MapKey ":" Expr ;  MapKey = IDENT | StringLit ;
    mutating func parseMapEntry() -> MapEntry? {
        let start = current.range.start
        let key: MapKey
        switch current.kind {
        case .identifier:
            let token = advance()
            key = .identifier(Name(text(of: token), range: token.range))
        case .string, .multilineString:
            key = .string(parseStringLiteral(advance()))
        default:
            reportExpected("a key (an identifier or a string) followed by ':'", atCurrentToken: true)
            return nil
        }
        if expect(.colon, "after the key '\(key.constantText ?? "...")'") == nil, current.isAtLineStart || current.kind == .rightBrace {
            return MapEntry(key: key, value: Expr(.error, range: missingTokenRange), range: SourceRange(start, lastEnd))
        }
        let value = parseExpression()
        return MapEntry(key: key, value: value, range: SourceRange(start, lastEnd))
    }

    /// ArgumentList = "(" [ CallArgument { "," CallArgument } [ "," ] ] ")" ;
    /// CallArgument = [ IDENT ":" ] Expr ;
    mutating func parseArgumentList() -> [CallArgument] {
        let open = current
        noteOpened(advance())
        var arguments: [CallArgument] = []
        while !isAtListEnd(.rightParen) {
            let before = index
            let start = current.range.start
            var label: Name?
            if current.kind == .identifier, peek().kind == .colon {
                let token = advance()
                label = Name(text(of: token), range: token.range)
                advance()
            }
            let value = parseExpression()
            arguments.append(CallArgument(label: label, value: value, range: SourceRange(start, lastEnd)))
            if consume(.comma) == nil, current.kind != .rightParen {
                if !isAtListEnd(.rightParen), !current.isAtLineStart {
                    reportExpected("',' or ')' in the argument list")
                    skipToCloser(.rightParen)
                }
                break
            }
            if index == before { advance() }
        }
        closeDelimiter(.rightParen, opened: open, "the argument list")
        return arguments
    }
}
