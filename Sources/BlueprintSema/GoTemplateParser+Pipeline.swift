// Pipelines of the Go template parser: declarations, commands, operands and terms,
// with Go's checks (undefined functions and variables, literals, non-executable stages).

extension GoTemplateParser {
    /// pipeline = [declarations] command { "|" command }, up to `end` (consumed).
    mutating func pipeline(context: String, end: GoTemplateTokenKind) throws(Failure) -> GoTemplatePipeline {
        let first = peekNonSpace()
        var isAssignment = false
        let declarations = try declarations(context: context, isAssignment: &isAssignment)
        var commands: [GoTemplateCommand] = []
        while true {
            let token = nextNonSpace()
            if token.kind == end {
                try checkPipeline(commands, context: context, at: token.start)
                let last = commands.last?.range.upperBound ?? declarations.last?.range.upperBound ?? first.start
                return GoTemplatePipeline(
                    declarations: declarations, isAssignment: isAssignment, commands: commands,
                    range: first.start..<max(first.start, last))
            }
            guard token.kind.startsOperand else { throw unexpected(token, context) }
            backup()
            commands.append(try command())
        }
    }

    /// declarations = variable (":=" | "=")  |  variable "," variable (":=" | "=")   (range only)
    mutating func declarations(context: String, isAssignment: inout Bool) throws(Failure) -> [GoTemplateVariable] {
        var declared: [GoTemplateVariable] = []
        while peekNonSpace().kind == .variable {
            let variableIndex = index
            let variable = next()
            let following = peekNonSpace()
            let name = text(variable)
            let node = GoTemplateVariable(name: name, range: variable.start..<variable.end)
            if following.kind == .assign || following.kind == .declare {
                isAssignment = following.kind == .assign
                _ = nextNonSpace()
                declared.append(node)
                vars.append(name)
                return declared
            }
            guard following.kind == .char && text(following) == "," else {
                index = variableIndex
                return declared
            }
            _ = nextNonSpace()
            declared.append(node)
            vars.append(name)
            guard context == "range" && declared.count < 2 else {
                throw failure("too many declarations in \(context)", at: following.start)
            }
            let after = peekNonSpace()
            switch after.kind {
            case .variable, .rightDelim, .rightParen: continue
            default: throw failure("range can only initialize variables", at: after.start)
            }
        }
        return declared
    }

    /// Go's checkPipeline: a value is required, and only the first command may be a literal.
    func checkPipeline(_ commands: [GoTemplateCommand], context: String, at offset: Int) throws(Failure) {
        guard !commands.isEmpty else { throw failure("missing value for \(context)", at: offset) }
        for (position, command) in commands.enumerated().dropFirst() {
            switch command.operands.first {
            case .bool, .dot, .nilValue, .number, .string:
                throw failure("non executable command in pipeline stage \(position + 1)", at: command.range.lowerBound)
            default:
                continue
            }
        }
    }

    /// command = operand { space operand }, ended by "|" (consumed), "}}" or ")" (not consumed).
    mutating func command() throws(Failure) -> GoTemplateCommand {
        let first = peekNonSpace()
        var operands: [GoTemplateOperand] = []
        operandLoop: while true {
            _ = peekNonSpace()
            if let operand = try operand() { operands.append(operand) }
            let token = next()
            switch token.kind {
            case .space:
                continue operandLoop
            case .rightDelim, .rightParen:
                backup()
            case .pipe:
                break
            default:
                throw unexpected(token, "operand")
            }
            break operandLoop
        }
        guard let last = operands.last else { throw failure("empty command", at: first.start) }
        return GoTemplateCommand(operands: operands, range: first.start..<last.range.upperBound)
    }

    /// operand = term { .Field }
    mutating func operand() throws(Failure) -> GoTemplateOperand? {
        guard let term = try term() else { return nil }
        guard peek().kind == .field else { return term }
        var names: [String] = []
        var ranges: [Range<Int>] = []
        while peek().kind == .field {
            let field = next()
            names.append(text((field.start + 1)..<field.end))
            ranges.append(field.start..<field.end)
        }
        let range = term.range.lowerBound..<(ranges.last?.upperBound ?? term.range.upperBound)
        switch term {
        case .field(var field):
            field.names += names
            field.nameRanges += ranges
            field.range = range
            return .field(field)
        case .variable(var variable):
            variable.fields += names
            variable.fieldRanges += ranges
            variable.range = range
            return .variable(variable)
        case .bool, .string, .number, .nilValue, .dot:
            let spelled = Chars.quote(text(term.range))
            throw failure("unexpected . after term \(spelled)", at: ranges.first?.lowerBound ?? range.lowerBound)
        case .identifier, .chain, .parenthesized:
            return .chain(GoTemplateChain(base: term, fields: names, fieldRanges: ranges, range: range))
        }
    }

    /// term = literal | function | "." | .Field | $var | "(" pipeline ")"; nil if none follows.
    mutating func term() throws(Failure) -> GoTemplateOperand? {
        let token = nextNonSpace()
        let range = token.start..<token.end
        switch token.kind {
        case .identifier:
            let name = text(token)
            guard functions.contains(name) else {
                throw failure(
                    "function \(Chars.quote(name)) not defined", at: token.start,
                    hint: TemplateFunctions.unavailabilityHint(for: name))
            }
            return .identifier(GoTemplateIdentifier(name: name, range: range))
        case .dot:
            return .dot(range)
        case .nilKeyword:
            return .nilValue(range)
        case .variable:
            let name = text(token)
            guard vars.contains(name) else { throw failure("undefined variable \(Chars.quote(name))", at: token.start) }
            return .variable(GoTemplateVariable(name: name, range: range))
        case .field:
            let name = text((token.start + 1)..<token.end)
            return .field(GoTemplateField(names: [name], nameRanges: [range], range: range))
        case .bool:
            return .bool(GoTemplateBool(value: text(token) == "true", range: range))
        case .charConstant, .complex, .number:
            return .number(try number(token))
        case .leftParen:
            try enterNesting(at: token.start)
            defer { leaveNesting() }
            let pipeline = try pipeline(context: "parenthesized pipeline", end: .rightParen)
            let close = tokens[min(index, tokens.count) - 1]
            return .parenthesized(GoTemplateParenthesized(pipeline: pipeline, range: token.start..<close.end))
        case .string, .rawString:
            return .string(try stringLiteral(token))
        default:
            backup()
            return nil
        }
    }

    /// Go's newNumber: character constants, integers, floats, imaginary and complex numbers.
    func number(_ token: GoTemplateToken) throws(Failure) -> GoTemplateNumber {
        let spelled = source[token.start..<token.end]
        let range = token.start..<token.end
        if token.kind == .charConstant {
            if let message = GoTemplateLiterals.checkCharConstant(spelled) {
                throw failure(message, at: token.start)
            }
            return GoTemplateNumber(text: text(token), kind: .character, range: range)
        }
        switch GoTemplateLiterals.classifyNumber(Array(spelled), isComplexToken: token.kind == .complex) {
        case .success(let kind):
            return GoTemplateNumber(text: text(token), kind: kind, range: range)
        case .failure(let error):
            throw failure(error.message, at: token.start)
        }
    }
}
