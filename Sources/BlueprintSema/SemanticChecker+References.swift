// Checks of references, outside strings (`dump.output.key`) and inside Go
// templates (`{{ .Phases.dump.Output.key }}`), which are held to the same rules.

import BlueprintSyntax

extension SemanticChecker {
    mutating func checkKey(_ key: MapKey) {
        if case .string(let literal) = key { checkString(literal) }
    }

    mutating func checkExpression(_ expr: Expr) {
        switch expr.kind {
        case .identifier(let name): checkRoot(name, expr.range, path: [])
        case .member, .index:
            if case .index(let base, let key) = expr.kind { checkIndexKey(key, of: base) }
            checkChain(expr)
        case .string(let literal), .bash(let literal): checkString(literal)
        case .list(let elements): for element in elements { checkExpression(element) }
        case .map(let entries):
            for entry in entries {
                checkKey(entry.key)
                checkExpression(entry.value)
            }
        case .call(let callee, let arguments):
            checkCall(callee, arguments, isPiped: false)
        case .pipe(let lhs, let rhs):
            checkFunctionInput(lhs)
            if case .identifier(let name) = rhs.kind {
                if !TemplateFunctions.kanister.contains(name) {
                    reportUnknownTemplateFunction(name, at: rhs.range)
                } else {
                    checkArity(name, arguments: 1, at: rhs.range)
                }
            } else if case .call(let callee, let arguments) = rhs.kind {
                checkCall(callee, arguments, isPiped: true)
            } else {
                checkExpression(rhs)
            }
        case .parenthesized(let inner): checkExpression(inner)
        case .null:
            report(.nullValue, "a null value makes Kanister's argument renderer panic; leave the key out instead", at: expr.range)
        case .int(let text):
            // YAML readers type a plain integer past 64 bits as a float, so it would not read back as written.
            if Int64(text) == nil, text.drop(while: { $0 == "-" || $0 == "+" }).allSatisfy(\.isASCII) {
                report(.integerOutOfRange, "integer \(text) does not fit in 64 bits; write it as a string", at: expr.range)
            }
        case .float, .duration, .bool, .error: break
        }
    }

    /// `f(a, b)`, or `x | f(a, b)` (`isPiped`: x is the last argument). A call names
    /// a template function (or option/kopia), never a value.
    mutating func checkCall(_ callee: Expr, _ arguments: [CallArgument], isPiped: Bool) {
        if case .identifier(let name) = callee.kind {
            if name != "option", name != "kopia" {
                if !TemplateFunctions.kanister.contains(name) {
                    reportUnknownTemplateFunction(name, at: callee.range)
                } else if !checkArity(name, arguments: arguments.count + (isPiped ? 1 : 0), at: callee.range) {
                    for (position, argument) in arguments.enumerated() {
                        guard let kind = SemanticChecker.constantKind(of: argument.value),
                            let problem = TemplateFunctions.constantProblem(name, position: position, kind: kind)
                        else { continue }
                        reportBadCall(problem, at: argument.value.range)
                    }
                }
            }
        } else {
            checkExpression(callee)
        }
        for argument in arguments { checkFunctionInput(argument.value) }
    }

    mutating func reportUnknownTemplateFunction(_ name: String, at range: SourceRange) {
        let hint = Suggestions.hint(for: name, in: Array(TemplateFunctions.kanister))
        report(.unknownTemplateFunction, "unknown template function '\(name)'\(hint)", at: range)
    }

    /// `x[key]` with a constant key: one Go's `index` refuses for any collection, or
    /// an integer for a collection Kanister's parameter types say is a map.
    mutating func checkIndexKey(_ key: Expr, of base: Expr) {
        guard let kind = SemanticChecker.constantKind(of: key) else { return }
        if let problem = TemplateFunctions.constantProblem("index", position: 1, kind: kind) {
            reportBadCall(problem, at: key.range)
        } else if kind.isInteger {
            checkIntegerIndex(of: base, key: key)
            if let path = templatePath(of: base), case .map = KanisterCatalog.type(of: path) {
                reportBadCall(SemanticChecker.integerKeyProblem("." + path.joined(separator: ".")), at: key.range)
            }
        }
    }

    /// A template function called with a number of arguments it does not take fails when rendered.
    /// Reports it and returns true when the count is wrong.
    @discardableResult
    mutating func checkArity(_ name: String, arguments count: Int, at range: SourceRange) -> Bool {
        guard let problem = TemplateFunctions.arityProblem(name, arguments: count) else { return false }
        reportBadCall(problem, at: range)
        return true
    }

    /// The Go constant a literal argument lowers to, if it is one.
    static func constantKind(of expr: Expr) -> TemplateFunctions.ConstantKind? {
        switch expr.kind {
        case .string(let literal): literal.constantText == nil ? nil : .string
        case .duration: .string
        case .int(let text): text.hasPrefix("-") ? .negativeInteger : .integer
        case .float(let text): TemplateFunctions.ConstantKind(floatText: text)
        case .bool: .bool
        case .null: .null
        case .parenthesized(let inner): constantKind(of: inner)
        default: nil
        }
    }

    mutating func reportBadCall(_ problem: String, at range: SourceRange) {
        report(.templateCall, "Go's template engine refuses this when it renders: \(problem)", at: range)
    }

    /// The text of a key that lowers to a constant string: a string without
    /// interpolations, or a duration (`x[10m]` is `index .x "10m"`).
    static func constantKeyText(_ key: Expr) -> String? {
        switch key.kind {
        case .string(let literal): literal.constantText
        case .duration(let text): text
        default: nil
        }
    }

    /// The template parameter path an expression reads (`Options`, `StatefulSet.Pods`,
    /// `dump.secrets.s.Data`, `Object["a"].b`), or nil when it does not start at
    /// a template root, a phase's objects or the action's secrets and configmaps.
    func templatePath(of expr: Expr, depth: Int = 0) -> [String]? {
        guard depth < SemanticChecker.maxLetDepth else { return nil }
        switch expr.kind {
        case .identifier(let name):
            switch table.resolve(name, in: context.action) {
            case .templateRoot(let root): return [root]
            case .constant(let decl): return templatePath(of: decl.value, depth: depth + 1)
            case .secret(let secret): return ["Secrets", secret.text]
            case .configMap(let configMap): return ["ConfigMaps", configMap.text]
            default: return nil
            }
        case .member(let base, let field):
            // `dump.secrets.s`: the phase's objects as `.Phases.dump.Secrets.s`.
            if case .member(let phaseExpr, let part) = base.kind, case .identifier(let name) = phaseExpr.kind,
                case .phase(let phase) = table.resolve(name, in: context.action),
                let kind = SemanticChecker.phaseParts[part.text], kind != .output
            {
                return ["Phases", phase.name, kind == .secrets ? "Secrets" : "ConfigMaps", field.text]
            }
            return templatePath(of: base, depth: depth + 1).map { $0 + [field.text] }
        case .index(let base, let key):
            guard let text = SemanticChecker.constantKeyText(key) else { return nil }
            return templatePath(of: base, depth: depth + 1).map { $0 + [text] }
        case .parenthesized(let inner): return templatePath(of: inner, depth: depth + 1)
        default: return nil
        }
    }

    /// `a.b["c"].d`: the root identifier and the constant path after it.
    mutating func checkChain(_ expr: Expr) {
        // `StatefulSet.Name`, the most common chain: no path array.
        if case .member(let base, let field) = expr.kind, case .identifier(let name) = base.kind {
            let resolved = resolvedInAction(name)
            if let root = resolved.templateRoot, let info = resolved.rootInfo, info.kind == .other {
                checkOtherTemplateRoot(root, base.range, field: (field.text, field.range), info: info)
            } else {
                checkRoot(name, base.range, path: [(field.text, field.range)])
            }
            return
        }
        // Collected from the outside in, then reversed.
        var path: [(String, SourceRange)] = []
        // The read nearest the root so far, as written (a computed key as `[...]`).
        var innermost: (String, SourceRange)?
        var current = expr
        while true {
            switch current.kind {
            case .member(let base, let name):
                path.append((name.text, name.range))
                innermost = (name.text, name.range)
                current = base
            case .index(let base, let key):
                checkExpression(key)
                let text = SemanticChecker.constantKeyText(key)
                if let text {
                    path.append((text, key.range))
                } else {
                    path.removeAll()
                }
                if case .int(let number) = key.kind { innermost = (number, key.range) } else { innermost = (text ?? "[...]", key.range) }
                current = base
            case .identifier(let name):
                path.reverse()
                checkRoot(name, current.range, path: path)
                return
            case .parenthesized(let inner) where SemanticChecker.isChain(inner):
                // `(StatefulSet.Name).x` reads what `StatefulSet.Name.x` reads.
                current = inner
            default:
                checkExpression(current)
                if let innermost { checkValueRead(current, read: innermost) }
                return
            }
        }
    }

    /// An identifier, or fields and keys read on one (in parentheses too).
    static func isChain(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .identifier: true
        case .member(let base, _), .index(let base, _), .parenthesized(let base): isChain(base)
        default: false
        }
    }

    /// A field or key read (`part`) straight on a value that has none, which Go's
    /// template engine refuses (when it parses or when it renders): a literal
    /// (`"-f".yaml`, `3[0]`), or the result of a function that returns a string,
    /// number or bool (`upper(x).y`, `(x | toJson)["k"]`, `option("a").b`).
    mutating func checkValueRead(_ base: Expr, read part: (String, SourceRange)) {
        var value = base
        while case .parenthesized(let inner) = value.kind { value = inner }
        if let kind = SemanticChecker.memberlessKind(of: value) {
            report(.noMembers, SemanticChecker.memberlessMessage(nil, kind: kind, value: value, part: part.0), at: part.1)
            return
        }
        guard let function = SemanticChecker.resultFunction(of: value) else { return }
        if function == "option" {
            report(.noMembers, "an option is a string, which has no field or key '\(part.0)'; Go's template engine refuses the read", at: part.1)
        } else if TemplateFunctions.scalarResults.contains(function) {
            reportBadCall(TemplateFunctions.resultFieldProblem(function, field: part.0), at: part.1)
        }
    }

    /// The function whose result `value` is: `f(...)`, or the last stage of a
    /// pipe (`x | upper`, `x | printf("%s")`); nil for any other value.
    static func resultFunction(of value: Expr) -> String? {
        let callee: Expr
        switch value.kind {
        case .call(let function, _): callee = function
        case .pipe(_, let last):
            if case .call(let function, _) = last.kind { callee = function } else { callee = last }
        default: return nil
        }
        guard case .identifier(let function) = callee.kind else { return nil }
        return function
    }

    /// `table.resolve(name, in: context.action)`, remembered for the rest of the action.
    mutating func resolveInAction(_ name: String) -> Symbol {
        resolvedInAction(name).symbol
    }

    /// What `name` resolves to in the current action, with the template root's facts.
    mutating func resolvedInAction(_ name: String) -> ResolvedName {
        if let last = context.lastResolved, context.lastName == name { return last }
        let resolved: ResolvedName
        if let known = context.resolved[name] {
            resolved = known
        } else {
            let symbol = table.resolve(name, in: context.action)
            var rootInfo: TemplateRootInfo?
            if case .templateRoot(let root) = symbol { rootInfo = KanisterCatalog.rootInfo[root] }
            resolved = ResolvedName(symbol: symbol, rootInfo: rootInfo)
            context.resolved[name] = resolved
        }
        context.lastName = name
        context.lastResolved = resolved
        return resolved
    }

    /// A root identifier with the path that follows it.
    mutating func checkRoot(_ name: String, _ range: SourceRange, path: [(String, SourceRange)]) {
        let resolved = resolvedInAction(name)
        if let root = resolved.templateRoot, let info = resolved.rootInfo {
            checkTemplatePath(root: root, range, rest: path[...], info: info)
            return
        }
        switch resolved.symbol {
        case .constant(let decl):
            // The flags remember, for this action's lookups, what is already in the sets.
            if !resolved.isInUsedLets {
                usedLets.insert(name)
                resolved.isInUsedLets = true
            }
            // A read through the let (`img.field`) is checked on the let's value.
            if !path.isEmpty { checkLetRead(name, decl, path: path) }
            // A let that reads no phase is checked once per action; one that
            // does is checked at every use, which records the use's data edges.
            guard !resolved.isInPhaseFreeLets, path.isEmpty, !letStack.contains(name), letStack.count < SemanticChecker.maxLetDepth else { return }
            var key = context.action?.name ?? ""
            key.append("\u{0}")
            key.append(name)
            if !phaseFreeLets.contains(key) {
                let referencesBefore = context.references.count
                letStack.append(name)
                checkExpression(decl.value)
                letStack.removeLast()
                if context.references.count == referencesBefore {
                    phaseFreeLets.insert(key)
                    resolved.isInPhaseFreeLets = true
                }
            } else {
                resolved.isInPhaseFreeLets = true
            }
        case .phase(let phase):
            guard let part = path.first else { return }
            guard let kind = SemanticChecker.phaseParts[part.0] else {
                report(
                    .badReferencePart,
                    "a phase has output, secrets and configmaps; '\(part.0)' is none of them\(Suggestions.hint(for: part.0, in: ["output", "secrets", "configmaps"]))",
                    at: part.1)
                return
            }
            checkPhaseReference(phase.name, kind, key: path.dropFirst().first, at: range, rest: path.dropFirst(2))
        case .inputArtifact(let input):
            context.usedInputs.insert(input.text)
            checkArtifactRead(input.text, path: path[...])
        case .templateRoot(let root):
            checkTemplatePath(root: root, range, rest: path[...])
        case .templateFunction(let function):
            // A function named without a call (`toJson`, `toJson.a`) is called with no arguments.
            if !checkArity(function, arguments: 0, at: range), let (field, fieldRange) = path.first,
                TemplateFunctions.scalarResults.contains(function)
            {
                reportBadCall(TemplateFunctions.resultFieldProblem(function, field: field), at: fieldRange)
            }
        case .secret:
            checkActionObject(name, range, kind: .secret, rest: path[...])
        case .configMap:
            checkActionObject(name, range, kind: .configMap, rest: path[...])
        case .unknown where name == context.compensation?.name:
            checkOwnObjects(path, at: range)
        case .unknown:
            // `other.output.key` names a phase: of another action, or of none.
            let kind = path.first.flatMap { SemanticChecker.phaseParts[$0.0] }
            if kind != nil || table.actions.contains(where: { $0.phase(named: name) != nil }) {
                checkPhaseReference(name, kind, key: kind == nil ? nil : path.dropFirst().first, at: range, rest: path.dropFirst(2))
                return
            }
            let candidates = table.visibleNames(in: context.action)
            // The fix-it replaces the name when the range spells exactly it.
            let near = Suggestions.closest(to: name, in: candidates)
            let fixIts = near.map { range.length == name.utf8.count ? [FixIt(range: range, replacement: $0)] : [] } ?? []
            report(.unknownIdentifier, "unknown name '\(name)'\(Suggestions.hint(for: name, in: candidates))", at: range, fixIts: fixIts)
        }
    }

    /// The parts of a phase an expression can read: `dump.output.key`, `dump.secrets.name`.
    static let phaseParts: [String: PhaseReference.Part] = [
        "output": .output, "Output": .output, "secrets": .secrets, "Secrets": .secrets,
        "configmaps": .configMaps, "configMaps": .configMaps, "ConfigMaps": .configMaps,
    ]
}

extension SemanticChecker {
    /// `name.secrets.s` inside the named compensation `name`: its own objects, rendered before it runs.
    mutating func checkOwnObjects(_ path: [(String, SourceRange)], at range: SourceRange) {
        guard let (name, call) = context.compensation, let part = path.first else { return }
        let kinds: [String: String] = [
            "secrets": "secret", "Secrets": "secret", "configmaps": "configmap", "configMaps": "configmap", "ConfigMaps": "configmap",
        ]
        guard let kind = kinds[part.0] else {
            report(.badReferencePart, "compensation '\(name)' can read its own secrets and configmaps; '\(part.0)' is neither", at: part.1)
            return
        }
        guard let (objectName, objectRange) = path.dropFirst().first else { return }
        checkObjectRead(
            objectName, objectRange, in: fetchedObjects(of: call), kind: kind == "secret" ? .secret : .configMap, owner: (name, "compensation"),
            rest: path.dropFirst(2))
    }
}
