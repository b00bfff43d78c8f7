// Inlining of `def` phase templates: parameters are replaced by the argument
// expressions of the use site (an AST rewrite), and bodies are merged. Sema
// checks the expanded call; the lowering emits it.

import BlueprintSyntax

/// A phase call with every def expanded: the Kanister function, the argument
/// items (def body first, use-site items override by key) and the clauses.
public struct ExpandedCall: Sendable {
    public var function: Name
    public var items: [BodyItem]
    public var clauses: [PhaseClause]
    /// The defs expanded, outermost first.
    public var defs: [String]
}

/// Codes of def expansion (reported by Sema).
extension DiagnosticCode {
    public static let defCycle = DiagnosticCode("BP2026")
    public static let defArguments = DiagnosticCode("BP2027")
    public static let functionArguments = DiagnosticCode("BP2028")
}

extension SymbolTable {
    static let maxDefDepth = 16

    /// Expands `call`; problems with def arguments come back as diagnostics.
    public func expand(_ call: PhaseCall) -> (call: ExpandedCall, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let expanded = expand(call, stack: [], diagnostics: &diagnostics)
        return (expanded, diagnostics)
    }

    /// `stack` holds the defs being expanded, outermost first.
    func expand(_ call: PhaseCall, stack: [String], diagnostics: inout [Diagnostic]) -> ExpandedCall {
        guard let def = defs[call.callee.text] else {
            // An unknown name is reported as such (with the closest def), not as a misused function.
            if let arguments = call.arguments, !arguments.isEmpty, KanisterTarget.isFunctionInAnyVersion(call.callee.text) {
                diagnostics.append(
                    .error(
                        .functionArguments, "'\(call.callee.text)' is a Kanister function: give its arguments in { ... }, not ( ... )", at: call.callee.range))
            }
            // Labelled arguments in ( ... ) are checked as the body they should be, so
            // the function's required arguments are not also reported missing.
            let labelled: [BodyItem] = (call.arguments ?? []).compactMap { argument in
                argument.label.map { .argument(MapEntry(key: .identifier($0), value: argument.value, range: argument.range)) }
            }
            return ExpandedCall(function: call.callee, items: labelled + (call.body?.items ?? []), clauses: call.clauses, defs: [])
        }
        // No function: the checks report the cycle, not an unknown function named after a def.
        let nothing = ExpandedCall(function: Name("", range: call.callee.range), items: [], clauses: [], defs: [])
        if let start = stack.firstIndex(of: def.name.text) {
            let chain = (stack[start...] + [def.name.text]).joined(separator: " -> ")
            diagnostics.append(.error(.defCycle, "def '\(def.name.text)' expands into itself: \(chain)", at: call.callee.range))
            return nothing
        }
        guard stack.count < SymbolTable.maxDefDepth else {
            diagnostics.append(.error(.defCycle, "defs nest more than \(SymbolTable.maxDefDepth) deep at '\(def.name.text)'", at: call.callee.range))
            return nothing
        }
        let substitutions = bindArguments(call, to: def, diagnostics: &diagnostics)
        var expanded = expand(def.call.substituting(substitutions), stack: stack + [def.name.text], diagnostics: &diagnostics)
        expanded.defs.insert(def.name.text, at: 0)
        for item in call.body?.items ?? [] {
            if case .argument(let entry) = item, let key = entry.key.constantText,
                let existing = expanded.items.firstIndex(where: { $0.argumentKey == key })
            {
                expanded.items[existing] = item
            } else {
                expanded.items.append(item)
            }
        }
        expanded.clauses += call.clauses
        return expanded
    }

    /// Pairs the use site's arguments (positional, then labelled) with the def's parameters.
    func bindArguments(_ call: PhaseCall, to def: DefDecl, diagnostics: inout [Diagnostic]) -> [String: Expr] {
        let parameters = def.parameters ?? []
        var bound: [String: Expr] = [:]
        var position = 0
        for argument in call.arguments ?? [] {
            if let label = argument.label {
                guard parameters.contains(where: { $0.text == label.text }) else {
                    diagnostics.append(.error(.defArguments, "def '\(def.name.text)' has no parameter '\(label.text)'", at: label.range))
                    continue
                }
                bound[label.text] = argument.value
            } else if position < parameters.count {
                bound[parameters[position].text] = argument.value
                position += 1
            } else {
                diagnostics.append(.error(.defArguments, "too many arguments: def '\(def.name.text)' takes \(parameters.count)", at: argument.range))
            }
        }
        for parameter in parameters where bound[parameter.text] == nil {
            diagnostics.append(.error(.defArguments, "missing argument '\(parameter.text)' for def '\(def.name.text)'", at: call.callee.range))
            bound[parameter.text] = Expr(.error, range: call.callee.range)
        }
        return bound
    }
}

extension BodyItem {
    public var argumentKey: String? {
        if case .argument(let entry) = self { return entry.key.constantText }
        return nil
    }
}

extension PhaseCall {
    public func substituting(_ map: [String: Expr]) -> PhaseCall {
        var copy = self
        copy.arguments = arguments?.map { $0.substituting(map) }
        copy.body = body.map { body in
            var result = body
            result.items = body.items.map { item in
                switch item {
                case .argument(let entry): .argument(entry.substituting(map))
                case .objects(let block):
                    .objects(block.substituting(map))
                case .outputs: item
                }
            }
            return result
        }
        copy.clauses = clauses.map { clause in
            switch clause {
            case .undoInline(let name, let call, let range): .undoInline(name: name, call: call.substituting(map), range: range)
            case .retry(let count, let range): .retry(count: count.substituting(map), range: range)
            case .timeout(let value, let range): .timeout(value.substituting(map), range: range)
            case .when(let condition, let range): .when(condition.substituting(map), range: range)
            case .undoReference, .unnamed: clause
            }
        }
        return copy
    }
}

extension ObjectsBlock {
    public func substituting(_ map: [String: Expr]) -> ObjectsBlock {
        var copy = self
        copy.entries = entries.map { $0.substituting(map) }
        return copy
    }
}

extension CallArgument {
    public func substituting(_ map: [String: Expr]) -> CallArgument {
        var copy = self
        copy.value = value.substituting(map)
        return copy
    }
}

extension MapEntry {
    public func substituting(_ map: [String: Expr]) -> MapEntry {
        var copy = self
        if case .string(let literal) = key { copy.key = .string(literal.substituting(map)) }
        copy.value = value.substituting(map)
        return copy
    }
}

extension StringLiteral {
    public func substituting(_ map: [String: Expr]) -> StringLiteral {
        var copy = self
        copy.segments = segments.map { segment in
            if case .interpolation(let expr) = segment { return .interpolation(expr.substituting(map)) }
            return segment
        }
        return copy
    }
}

extension Expr {
    /// Replaces root identifiers named in `map` (member names are not roots).
    public func substituting(_ map: [String: Expr]) -> Expr {
        guard !map.isEmpty else { return self }
        let kind: ExprKind
        switch self.kind {
        case .identifier(let name):
            return map[name] ?? self
        case .string(let literal): kind = .string(literal.substituting(map))
        case .bash(let literal): kind = .bash(literal.substituting(map))
        case .list(let elements): kind = .list(elements.map { $0.substituting(map) })
        case .map(let entries): kind = .map(entries.map { $0.substituting(map) })
        case .member(let base, let name): kind = .member(base.substituting(map), name)
        case .index(let base, let key): kind = .index(base.substituting(map), key.substituting(map))
        case .call(let callee, let arguments):
            // The callee names a function, never a parameter.
            let newCallee = if case .identifier = callee.kind { callee } else { callee.substituting(map) }
            kind = .call(newCallee, arguments.map { $0.substituting(map) })
        case .pipe(let lhs, let rhs): kind = .pipe(lhs.substituting(map), rhs.substituting(map))
        case .parenthesized(let inner): kind = .parenthesized(inner.substituting(map))
        case .int, .float, .duration, .bool, .null, .error: return self
        }
        return Expr(kind, range: range)
    }
}
