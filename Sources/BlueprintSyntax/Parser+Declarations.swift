// Top-level declarations and actions: blueprint, import, let, def, action and
// the items of an action body.

extension Parser {
    /// File = { Declaration } EOF ;
    mutating func parseFile() -> SourceFileSyntax {
        var declarations: [Declaration] = []
        while !isAtEnd {
            let before = index
            declarations.append(parseDeclaration())
            if index == before { advance() }
        }
        return SourceFileSyntax(declarations: declarations, range: SourceRange(0, bytes.count))
    }

    /// Declaration = BlueprintDecl | ImportDecl | AllowDecl | LetDecl | DefDecl | ActionDecl ;
    mutating func parseDeclaration() -> Declaration {
        endRecoveryAtLineStart()
        let start = current.range.start
        if isKeyword("blueprint") { return .blueprint(parseBlueprint()) }
        if isKeyword("import") { return .importFile(parseImport()) }
        if isKeyword("allow") { return .allow(parseAllow()) }
        if isKeyword("let") { return .constant(parseLet()) }
        if isKeyword("def") { return .definition(parseDef()) }
        if isKeyword("action") { return .action(parseAction()) }
        var hint: String?
        if Parser.actionItemStarts.contains(where: { isKeyword($0) }) {
            hint = "'\(text(of: current))' belongs inside an action { ... }"
        }
        reportExpected(
            "a declaration (blueprint, import, let, def or action)", code: .expectedDeclaration,
            atCurrentToken: true, hint: hint)
        advance()
        synchronize(to: Parser.declarationStarts, stopAtClosingBrace: false)
        return .error(SourceRange(start, lastEnd))
    }

    /// BlueprintDecl = "blueprint" Name [ MapLiteral ] ;
    mutating func parseBlueprint() -> BlueprintDecl {
        let start = advance().range.start
        let name = parseName("after 'blueprint'")
        var metadata: [MapEntry]?
        if current.kind == .leftBrace { metadata = parseMapEntries() }
        return BlueprintDecl(name: name, metadata: metadata, range: SourceRange(start, lastEnd))
    }

    /// ImportDecl = "import" STRING ;
    mutating func parseImport() -> ImportDecl {
        let start = advance().range.start
        let path: StringLiteral
        if current.kind == .string || current.kind == .multilineString {
            path = parseStringLiteral(advance())
        } else {
            reportExpected("a file path string after 'import'")
            path = StringLiteral(segments: [], isMultiline: false, hashes: 0, range: missingTokenRange)
        }
        return ImportDecl(path: path, range: SourceRange(start, lastEnd))
    }

    /// AllowDecl = "allow" IDENT { "," IDENT } ;
    mutating func parseAllow() -> AllowDecl {
        let start = advance().range.start
        var codes = [parseIdentifierName("after 'allow' (a diagnostic code such as BP3010)")]
        while consume(.comma) != nil {
            codes.append(parseIdentifierName("after ','"))
        }
        return AllowDecl(codes: codes.filter { !$0.text.isEmpty }, range: SourceRange(start, lastEnd))
    }

    /// LetDecl = "let" IDENT "=" Expr ;
    mutating func parseLet() -> LetDecl {
        let start = advance().range.start
        let name = parseIdentifierName("after 'let'")
        expect(.equals, "after the name of a let")
        let value = parseExpression()
        return LetDecl(name: name, value: value, range: SourceRange(start, lastEnd))
    }

    /// DefDecl = "def" IDENT [ ParamList ] "=" PhaseCall ;
    /// ParamList = "(" [ IDENT { "," IDENT } [ "," ] ] ")" ;
    mutating func parseDef() -> DefDecl {
        let start = advance().range.start
        let name = parseIdentifierName("after 'def'")
        var parameters: [Name]?
        if let open = consume(.leftParen) {
            noteOpened(open)
            var list: [Name] = []
            while current.kind == .identifier {
                list.append(parseIdentifierName("as a parameter name"))
                if consume(.comma) == nil { break }
            }
            closeDelimiter(.rightParen, opened: open, "the parameter list")
            parameters = list
        }
        expect(.equals, "after the name of a def")
        let call = parsePhaseCall(allowClauses: true)
        return DefDecl(name: name, parameters: parameters, call: call, range: SourceRange(start, lastEnd))
    }

    /// ActionDecl = "action" Name [ "on" Name ] "{" { ActionItem } "}" ;
    mutating func parseAction() -> ActionDecl {
        let start = advance().range.start
        let name = parseName("after 'action'")
        var kind: Name?
        if isKeyword("on") {
            advance()
            kind = parseName("after 'on' (a workload kind such as StatefulSet)")
        }
        var items: [ActionItem] = []
        if let open = expect(.leftBrace, "to open the body of action '\(name.text)'") {
            noteOpened(open)
            while current.kind != .rightBrace, !isAtEnd, !isAtTopLevelKeyword {
                let before = index
                items.append(parseActionItem())
                if index == before { advance() }
                endRecoveryAtLineStart()
            }
            closeDelimiter(.rightBrace, opened: open, "action '\(name.text)'")
        } else {
            synchronize(to: Parser.declarationStarts, stopAtClosingBrace: false)
        }
        return ActionDecl(name: name, kind: kind, items: items, range: SourceRange(start, lastEnd))
    }

    /// ActionItem = InputDecl | SecretDecl | ConfigMapDecl | OutputDecl
    ///            | PhaseDecl | ParallelGroup | FinallyDecl | LetDecl ;
    mutating func parseActionItem() -> ActionItem {
        endRecoveryAtLineStart()
        let start = current.range.start
        if isKeyword("input") { return .input(parseInputList()) }
        if isKeyword("secret") { return .secret(parseNameList("secret")) }
        if isKeyword("configmap") { return .configMap(parseNameList("configmap")) }
        if isKeyword("output") { return .output(parseOutput()) }
        if isKeyword("phase") { return .phase(parsePhase("phase")) }
        if isKeyword("finally") { return .finally(parsePhase("finally")) }
        if isKeyword("parallel") { return .parallel(parseParallel()) }
        if isKeyword("let") { return .constant(parseLet()) }
        reportExpected(
            "an action item (phase, parallel, finally, input, output, secret, configmap or let)",
            code: .expectedActionItem, atCurrentToken: true)
        advance()
        synchronize(to: Parser.actionItemStarts + Parser.declarationStarts, stopAtClosingBrace: true)
        return .error(SourceRange(start, lastEnd))
    }

    /// InputDecl = "input" Name { "," Name } ;  (also "secret" and "configmap")
    /// `keyword` is the current token's text.
    mutating func parseNameList(_ keyword: StaticString) -> NameList {
        let start = advance().range.start
        var names = [parseName("after '\(keyword)'")]
        while consume(.comma) != nil {
            names.append(parseName("after ','"))
        }
        return NameList(names: names, range: SourceRange(start, lastEnd))
    }

    /// InputDecl = "input" InputName { "," InputName } ;
    /// InputName = Name [ ":" InputShape ] ;
    mutating func parseInputList() -> NameList {
        let start = advance().range.start
        var names: [Name] = []
        var shapes: [InputShape] = []
        repeat {
            let name = parseName(names.isEmpty ? "after 'input'" : "after ','")
            names.append(name)
            if current.kind == .colon { shapes.append(parseInputShape(of: name)) }
        } while consume(.comma) != nil
        return NameList(names: names, shapes: shapes, range: SourceRange(start, lastEnd))
    }

    /// InputShape = "kopia" [ KeyList ] | KeyList ;
    /// KeyList = "{" [ Name { "," Name } [ "," ] ] "}" ;
    mutating func parseInputShape(of name: Name) -> InputShape {
        let start = advance().range.start
        var kopia: SourceRange?
        if isKeyword("kopia") { kopia = advance().range }
        var keys: [Name]?
        if current.kind == .leftBrace {
            let open = current
            noteOpened(advance())
            var list: [Name] = []
            while !isAtListEnd(.rightBrace) {
                let before = index
                list.append(parseName("in the keys of input '\(name.text)'"))
                _ = consume(.comma)
                if index == before { advance() }
            }
            closeDelimiter(.rightBrace, opened: open, "the keys of input '\(name.text)'")
            keys = list
        }
        if kopia == nil, keys == nil {
            reportExpected("'kopia' or '{ key, ... }' after 'input \(name.text):'")
        }
        return InputShape(name: name, kopia: kopia, keys: keys, range: SourceRange(start, lastEnd))
    }

    /// OutputDecl = "output" Name [ "=" Expr ] [ MapLiteral ] ;
    mutating func parseOutput() -> OutputDecl {
        let start = advance().range.start
        let name = parseName("after 'output'")
        var value: Expr?
        if consume(.equals) != nil { value = parseExpression() }
        var keyValues: [MapEntry]?
        if current.kind == .leftBrace { keyValues = parseMapEntries() }
        if value == nil, keyValues == nil {
            reportExpected("'= kopia(...)' or '{ key: value }' after output '\(name.text)'")
        }
        return OutputDecl(name: name, value: value, keyValues: keyValues, range: SourceRange(start, lastEnd))
    }

    /// ParallelGroup = "parallel" "{" { PhaseDecl } "}" ;
    /// Another action item indented no deeper than `parallel` ends a group
    /// that lacks its `}`; indented deeper, it is out of place inside it.
    mutating func parseParallel() -> ParallelGroup {
        let start = advance().range.start
        var phases: [PhaseDecl] = []
        if let open = expect(.leftBrace, "after 'parallel'") {
            noteOpened(open)
            while current.kind != .rightBrace, !isAtEnd, !isAtTopLevelKeyword,
                !(isAtItemAfterParallel && column(of: current.range.start) <= column(of: start))
            {
                endRecoveryAtLineStart()
                let before = index
                if isKeyword("phase") {
                    phases.append(parsePhase("phase"))
                } else {
                    reportExpected(
                        "a phase (a parallel group holds only phases)", code: .expectedActionItem, atCurrentToken: true)
                    advance()
                    synchronize(to: ["phase"], stopAtClosingBrace: true)
                }
                if index == before { advance() }
                endRecoveryAtLineStart()
            }
            closeDelimiter(.rightBrace, opened: open, "the parallel group")
        }
        return ParallelGroup(phases: phases, range: SourceRange(start, lastEnd))
    }

    /// A declaration other than `let` at the start of a line (`action NAME`,
    /// `def NAME`, `blueprint NAME`, `import "path"`): a sign that the
    /// enclosing action lacks its closing brace.
    var isAtTopLevelKeyword: Bool {
        guard current.isAtLineStart else { return false }
        let next = peek().kind
        if isKeyword("action") || isKeyword("blueprint") { return next == .identifier || next == .string }
        if isKeyword("def") || isKeyword("allow") { return next == .identifier }
        if isKeyword("import") { return next == .string }
        return false
    }

    /// The 1-based byte column of `offset`, for indentation hints in recovery.
    func column(of offset: Int) -> Int {
        var lineStart = offset
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        return offset - lineStart + 1
    }

    /// An action item other than a phase at the start of a line (`finally x:`,
    /// `let x =`, ...): a parallel group lacking its closing brace ends there.
    var isAtItemAfterParallel: Bool {
        guard current.isAtLineStart, !isKeyword("phase") else { return false }
        return isAtActionItemStart
            || (["input", "secret", "configmap", "output"] as [StaticString]).contains { isKeyword($0) }
    }

    // MARK: names

    /// Name = IDENT | STRING ;
    mutating func parseName(_ context: @autoclosure () -> String) -> Name {
        if current.kind == .identifier {
            let token = advance()
            return Name(text(of: token), range: token.range)
        }
        if current.kind == .string {
            let token = advance()
            let literal = parseStringLiteral(token)
            if literal.constantText == nil {
                reportLiteral(.expectedName, "a name cannot contain an interpolation", at: token.range)
            }
            return Name(literal.constantText ?? "", range: token.range, isQuoted: true)
        }
        reportExpected("a name \(context())", code: .expectedName)
        return Name("", range: missingTokenRange)
    }

    mutating func parseIdentifierName(_ context: @autoclosure () -> String) -> Name {
        if current.kind == .identifier {
            let token = advance()
            return Name(text(of: token), range: token.range)
        }
        reportExpected("an identifier \(context())", code: .expectedName)
        return Name("", range: missingTokenRange)
    }

    /// Consumes the closing delimiter or reports it missing, with a note at the opener.
    /// A missing closer is not reported when an error inside the list may be
    /// its cause (the parser is recovering from it), or when the parser is
    /// recovering on the same line or at the end of the file.
    mutating func closeDelimiter(_ kind: TokenKind, opened: Token, _ what: @autoclosure () -> String) {
        switch opened.kind {
        case .leftParen: openParens -= 1
        case .leftBracket: openBrackets -= 1
        case .leftBrace: openBraces -= 1
        default: break
        }
        if consume(kind) != nil { return }
        if isRecovering, recoveryStart >= opened.range.start { return }
        let what = what()
        let note = DiagnosticNote("\(what) was opened here", range: opened.range)
        let found = isAtEnd ? "end of file" : describe(current)
        endRecoveryAtLineStart()
        report(.unclosedDelimiter, "expected \(kind) to close \(what), found \(found)", at: missingTokenRange, notes: [note])
    }
}
