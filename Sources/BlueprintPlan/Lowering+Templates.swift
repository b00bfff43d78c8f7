// Expressions to Go template pipelines: references become field chains
// (`dump.output.key` is `.Phases.dump.Output.key`), indexing becomes `index`,
// calls and pipes become commands.

import BlueprintSema
import BlueprintSyntax

/// A Go template operand under construction.
enum GoTerm {
    /// A field chain such as `.StatefulSet.Namespace`.
    case chain(String)
    /// `index BASE KEY...`
    case index(base: String, keys: [String])
    /// A command with arguments, `f a b`, or a pipeline.
    case command(String)
    /// A literal or other self-delimiting operand.
    case atom(String)

    /// As an argument of a command.
    var operand: String {
        switch self {
        case .chain(let text), .atom(let text): text
        case .index(let base, let keys): "(index \(base) \(keys.joined(separator: " ")))"
        case .command(let text): "(\(text))"
        }
    }

    /// As a whole pipeline.
    var pipeline: String {
        switch self {
        case .chain(let text), .atom(let text), .command(let text): text
        case .index(let base, let keys): "index \(base) \(keys.joined(separator: " "))"
        }
    }
}

extension Lowering {
    /// The Go pipeline for `expr`, or nil after reporting why there is none.
    mutating func pipeline(_ expr: Expr) -> String? {
        term(expr)?.pipeline
    }

    mutating func term(_ expr: Expr) -> GoTerm? {
        switch expr.kind {
        case .identifier(let name): return resolveRoot(name, expr, resolve(name))
        case .member(let base, let member): return memberTerm(base, member)
        case .index(let base, let key):
            guard let baseTerm = term(base), let keyTerm = term(key) else { return nil }
            if case .index(let inner, let keys) = baseTerm { return .index(base: inner, keys: keys + [keyTerm.operand]) }
            return .index(base: baseTerm.operand, keys: [keyTerm.operand])
        case .call(let callee, let arguments): return callTerm(callee, arguments, expr)
        case .pipe(let lhs, let rhs):
            guard let left = term(lhs) else { return nil }
            let right: GoTerm?
            if case .identifier(let name) = rhs.kind {
                right = functionName(name, rhs).map { .command($0) }
            } else {
                right = term(rhs)
            }
            guard let right else { return nil }
            return .command("\(left.pipeline) | \(right.pipeline)")
        case .parenthesized(let inner):
            return term(inner).map { .command($0.pipeline) }
        case .string:
            guard let text = constantString(expr) else {
                report(.notAnOperand, "a string with templates cannot be an operand; use a constant string", at: expr.range)
                return nil
            }
            return .atom(goQuote(text))
        case .int(let text), .float(let text): return .atom(text)
        case .duration(let text): return .atom(goQuote(text))
        case .bool(let value): return .atom(value ? "true" : "false")
        case .null: return .atom("nil")
        case .bash, .list, .map:
            report(.notAnOperand, "a list, map or command cannot be used inside a template", at: expr.range)
            return nil
        case .error: return nil
        }
    }

    /// The term of identifier `expr`, `name`, which resolves to `symbol`.
    mutating func resolveRoot(_ name: String, _ expr: Expr, _ symbol: Symbol) -> GoTerm? {
        switch symbol {
        case .constant(let decl):
            return withLet(decl, fallback: nil) { $0.term(decl.value) }
        case .phase(let phase):
            report(.badReference, "phase '\(name)' is not a value; use \(name).output.KEY", at: expr.range)
            _ = phase
            return nil
        case .inputArtifact: return field(".ArtifactsIn", name)
        case .secret: return field(".Secrets", name)
        case .configMap: return field(".ConfigMaps", name)
        case .templateRoot: return .chain(".\(name)")
        case .templateFunction: return .command(name)
        case .unknown:
            report(.unknownName, "unknown name '\(name)'", at: expr.range)
            return nil
        }
    }

    /// `base.member`; phase references map to `.Phases.P.Output` and friends.
    mutating func memberTerm(_ base: Expr, _ member: Name) -> GoTerm? {
        guard case .identifier(let root) = base.kind else { return Self.memberTerm(of: term(base), member) }
        // A phase of the action, or the named compensation being lowered (its own objects).
        let symbol = resolve(root)
        if case .phase(let phase) = symbol {
            return phaseMember(phase.isFinally ? ".DeferPhase" : field(".Phases", root).operand, member)
        }
        if root == compensationName { return phaseMember(field(".Phases", root).operand, member) }
        if case .templateRoot = symbol, !member.isQuoted, isGoIdentifier(member.text) {
            // `resolveRoot` would give `.chain(".\(root)")`: spell the chain at once.
            return .chain(FastText.concat(".", root, ".", member.text))
        }
        return Self.memberTerm(of: resolveRoot(root, base, symbol), member)
    }

    /// `output`, `secrets` or `configmaps` of the phase spelled `prefix`.
    mutating func phaseMember(_ prefix: String, _ member: Name) -> GoTerm? {
        switch member.text {
        case "output", "Output": return .chain(FastText.concat(prefix, ".Output"))
        case "secrets", "Secrets": return .chain(FastText.concat(prefix, ".Secrets"))
        case "configmaps", "configMaps", "ConfigMaps": return .chain(FastText.concat(prefix, ".ConfigMaps"))
        default:
            report(.badReference, "a phase has output, secrets and configmaps; '\(member.text)' is none of them", at: member.range)
            return nil
        }
    }

    /// `member` of a base that is no phase, read from its term (nil after a
    /// diagnostic). Static: a method call on `self` with a mutating argument
    /// would copy the whole lowering for every member read.
    static func memberTerm(of baseTerm: GoTerm?, _ member: Name) -> GoTerm? {
        guard let baseTerm else { return nil }
        if isGoIdentifier(member.text), !member.isQuoted {
            switch baseTerm {
            case .chain(let text): return .chain(FastText.concat(text, ".", member.text))
            default: return .atom("\(baseTerm.operand).\(member.text)")
            }
        }
        let key = goQuote(member.text)
        if case .index(let inner, let keys) = baseTerm { return .index(base: inner, keys: keys + [key]) }
        return .index(base: baseTerm.operand, keys: [key])
    }

    mutating func callTerm(_ callee: Expr, _ arguments: [CallArgument], _ expr: Expr) -> GoTerm? {
        guard case .identifier(let name) = callee.kind else {
            report(.notAnOperand, "only template functions can be called", at: callee.range)
            return nil
        }
        if name == "option" {
            guard arguments.count == 1, let key = constantString(arguments[0].value) else {
                report(.badOption, "option(name) takes one constant string here (a default only works as a whole value)", at: expr.range)
                return nil
            }
            return isGoIdentifier(key) ? .chain(".Options.\(key)") : .index(base: ".Options", keys: [goQuote(key)])
        }
        guard let function = functionName(name, callee) else { return nil }
        var parts = [function]
        for argument in arguments {
            if let label = argument.label {
                report(.notAnOperand, "template functions take no labelled arguments ('\(label.text):')", at: label.range)
            }
            guard let operand = term(argument.value)?.operand else { return nil }
            parts.append(operand)
        }
        return .command(parts.joined(separator: " "))
    }

    /// A template function name, or nil after a diagnostic.
    mutating func functionName(_ name: String, _ expr: Expr) -> String? {
        if TemplateFunctions.kanister.contains(name) { return name }
        report(.unknownName, "unknown template function '\(name)'", at: expr.range)
        return nil
    }

    /// `base.name`, or `(index base "name")` when the name is no Go identifier.
    func field(_ base: String, _ name: String) -> GoTerm {
        isGoIdentifier(name) ? .chain(FastText.concat(base, ".", name)) : .index(base: base, keys: [goQuote(name)])
    }
}

/// True for names Go's template field syntax accepts after a dot.
func isGoIdentifier(_ text: String) -> Bool {
    if let answer = asciiGoIdentifier(text) { return answer }
    return unicodeGoIdentifier(text)
}

/// `isGoIdentifier` decided byte by byte: among ASCII scalars exactly the letters
/// are alphabetic and the digits numeric. Nil when a non-ASCII byte comes
/// before the answer is known.
func asciiGoIdentifier(_ text: String) -> Bool? {
    var text = text
    return text.withUTF8 { bytes -> Bool? in
        guard !bytes.isEmpty else { return false }
        for (position, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "_"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9") where position > 0: continue
            case 0x80...: return nil
            default: return false
            }
        }
        return true
    }
}

/// `isGoIdentifier` by Unicode properties.
func unicodeGoIdentifier(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
    return text.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }
}

/// A Go double-quoted string literal.
func goQuote(_ text: String) -> String { GoQuote.quote(text) }
