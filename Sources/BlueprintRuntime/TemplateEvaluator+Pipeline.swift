// Pipelines, commands and operands: field chains on maps and structs with
// missingkey=error, variables, literals, function calls (`and`/`or` short-circuit).

import BlueprintSema
import BlueprintSyntax

extension TemplateExecution {
    func evalPipeline(_ pipeline: GoTemplatePipeline, dot: TemplateValue) throws -> TemplateValue {
        var value: TemplateValue?
        for command in pipeline.commands {
            value = try evalCommand(command, dot: dot, final: value)
        }
        let result = value ?? .null
        for variable in pipeline.declarations {
            try bind(variable.name, result, isAssignment: pipeline.isAssignment)
        }
        return result
    }

    func evalCommand(_ command: GoTemplateCommand, dot: TemplateValue, final: TemplateValue?) throws -> TemplateValue {
        guard let first = command.operands.first else { throw failure("empty command", at: command.range) }
        let arguments = Array(command.operands.dropFirst())
        switch first {
        case .field(let field):
            return try evalFields(dot, field.names, arguments: arguments, final: final, dot: dot, at: field.range)
        case .chain(let chain):
            let base = try evalOperand(chain.base, dot: dot)
            return try evalFields(base, chain.fields, arguments: arguments, final: final, dot: dot, at: chain.range)
        case .variable(let variable):
            let value = try lookupVariable(variable.name, at: variable.range)
            if variable.fields.isEmpty {
                try requireNoArguments(arguments, final, at: variable.range)
                return value
            }
            return try evalFields(value, variable.fields, arguments: arguments, final: final, dot: dot, at: variable.range)
        case .identifier(let identifier):
            return try callFunction(identifier, arguments: arguments, final: final, dot: dot, at: command.range)
        case .nilValue(let range):
            throw failure("nil is not a command", at: range)
        default:
            try requireNoArguments(arguments, final, at: first.range)
            return try evalOperand(first, dot: dot)
        }
    }

    func requireNoArguments(_ arguments: [GoTemplateOperand], _ final: TemplateValue?, at range: Range<Int>) throws {
        guard arguments.isEmpty, final == nil else {
            let name = String(decoding: source[range.clamped(to: 0..<source.count)], as: UTF8.self)
            throw failure("can't give argument to non-function \(name)", at: range)
        }
    }

    /// An operand used as a value (an argument, or a command of its own).
    func evalOperand(_ operand: GoTemplateOperand, dot: TemplateValue) throws -> TemplateValue {
        switch operand {
        case .dot: return dot
        case .nilValue: return .null
        case .bool(let literal): return .bool(literal.value)
        case .string(let literal): return .string(literal.value)
        case .number(let number): return try numberValue(number)
        case .field(let field): return try evalFields(dot, field.names, arguments: [], final: nil, dot: dot, at: field.range)
        case .variable(let variable):
            let value = try lookupVariable(variable.name, at: variable.range)
            return try evalFields(value, variable.fields, arguments: [], final: nil, dot: dot, at: variable.range)
        case .identifier(let identifier):
            return try callFunction(identifier, arguments: [], final: nil, dot: dot, at: identifier.range)
        case .chain(let chain):
            if case .nilValue = chain.base { throw failure("indirection through explicit nil", at: chain.range) }
            let base = try evalOperand(chain.base, dot: dot)
            return try evalFields(base, chain.fields, arguments: [], final: nil, dot: dot, at: chain.range)
        case .parenthesized(let group):
            return try evalPipeline(group.pipeline, dot: dot)
        }
    }

    func numberValue(_ number: GoTemplateNumber) throws -> TemplateValue {
        let text = number.text.replacingBytes(of: "_", with: "")
        switch number.kind {
        case .integer:
            if let value = GoInteger.parse(text).flatMap({ Int(exactly: $0) }) { return .int(value) }
            throw failure("number \(number.text) does not fit an int", at: number.range)
        case .float:
            if let value = Double(text) { return .float(value) }
            throw failure("bad number \(number.text)", at: number.range)
        case .character:
            guard let scalar = GoNumberParsing.character(number.text) else { throw failure("bad character \(number.text)", at: number.range) }
            return .int(Int(scalar))
        case .imaginary, .complex:
            throw failure("complex numbers are not supported", at: number.range)
        }
    }

    /// `.A.B.C` on `receiver`; arguments are only valid for a method, which maps lack.
    func evalFields(
        _ receiver: TemplateValue, _ names: [String], arguments: [GoTemplateOperand], final: TemplateValue?,
        dot: TemplateValue, at range: Range<Int>
    ) throws -> TemplateValue {
        var value = receiver
        for (position, name) in names.enumerated() {
            let isLast = position == names.count - 1
            if isLast, !arguments.isEmpty || final != nil {
                if case .map(let map) = value, !map.kind.isRecord {
                    throw failure("\(name) is not a method but has arguments", at: range)
                }
                throw failure("can't evaluate field \(name) in type \(value.goTypeName)", at: range)
            }
            value = try field(name, of: value, at: range)
        }
        return value
    }

    func field(_ name: String, of value: TemplateValue, at range: Range<Int>) throws -> TemplateValue {
        switch value {
        case .map(let map):
            if let found = map.lookup(name) { return found }
            if let what = map.withheld[name] { throw failure(TemplateMap.withheldMessage(what), at: range) }
            if map.kind.isRecord { throw failure("can't evaluate field \(name) in type \(map.kind.goTypeName)", at: range) }
            throw failure("map has no entry for key \(GoQuote.quote(name))", at: range)
        case .null:
            throw failure("nil pointer evaluating interface {}.\(name)", at: range)
        default:
            throw failure("can't evaluate field \(name) in type \(value.goTypeName)", at: range)
        }
    }

    func callFunction(
        _ identifier: GoTemplateIdentifier, arguments: [GoTemplateOperand], final: TemplateValue?, dot: TemplateValue,
        at range: Range<Int>
    ) throws -> TemplateValue {
        let name = identifier.name
        if name == "and" || name == "or" {
            return try evalShortCircuit(isAnd: name == "and", arguments, final: final, dot: dot, at: range)
        }
        guard let function = evaluator.functions[name] else {
            if evaluator.knownFunctions.contains(name) {
                throw failure("error calling \(name): function \(GoQuote.quote(name)) is not supported by bpc's template engine", at: range)
            }
            throw failure("function \(GoQuote.quote(name)) not defined", at: range)
        }
        var values = try arguments.map { try evalOperand($0, dot: dot) }
        if let final { values.append(final) }
        do {
            return try function(values)
        } catch let error as TemplateFunctionError {
            throw failure("error calling \(name): \(error.message)", at: range)
        }
    }

    /// Go 1.18+ `and`/`or`: arguments are evaluated until the result is known.
    func evalShortCircuit(
        isAnd: Bool, _ arguments: [GoTemplateOperand], final: TemplateValue?, dot: TemplateValue, at range: Range<Int>
    ) throws -> TemplateValue {
        let count = arguments.count + (final == nil ? 0 : 1)
        guard count >= 1 else { throw failure("wrong number of args for \(isAnd ? "and" : "or"): want at least 1 got 0", at: range) }
        var value = TemplateValue.null
        for position in 0..<count {
            value = position < arguments.count ? try evalOperand(arguments[position], dot: dot) : final ?? .null
            if value.isTruthy != isAnd { return value }
        }
        return value
    }
}

enum GoNumberParsing {
    /// A character constant such as `'a'` or `'\n'`.
    static func character(_ text: String) -> UInt32? {
        let body = text.dropFirst().dropLast()
        if body.count == 1, let scalar = body.unicodeScalars.first { return scalar.value }
        let escapes: [String: UInt32] = ["\\n": 10, "\\t": 9, "\\r": 13, "\\\\": 92, "\\'": 39, "\\a": 7, "\\b": 8, "\\f": 12, "\\v": 11, "\\0": 0]
        if let value = escapes[String(body)] { return value }
        if body.hasPrefix("\\x") || body.hasPrefix("\\u") || body.hasPrefix("\\U") { return UInt32(body.dropFirst(2), radix: 16) }
        if body.unicodeScalars.count == 1 { return body.unicodeScalars.first?.value }
        return nil
    }
}
