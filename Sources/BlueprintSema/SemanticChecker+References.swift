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
        case .member, .index: checkChain(expr)
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
                } else if !checkArity(name, arguments: 1, at: rhs.range) {
                    checkArgumentKind(lhs, of: name, position: 0, isPiped: true)
                }
            } else if case .call(let callee, let arguments) = rhs.kind {
                if checkCall(callee, arguments, isPiped: true), case .identifier(let name) = callee.kind {
                    checkArgumentKind(lhs, of: name, position: arguments.count, isPiped: true)
                    checkComparison(name, arguments.map(\.value) + [lhs], at: callee.range)
                }
            } else {
                // `x | "s"`, `x | 1`: Go's parser refuses a value as a later stage.
                report(.templateCall, "a stage of a pipe after the first must be a template function, which the value piped in is given to", at: rhs.range)
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
    /// a template function (or option/kopia), never a value. True when it calls a
    /// template function with as many arguments as it takes.
    @discardableResult
    mutating func checkCall(_ callee: Expr, _ arguments: [CallArgument], isPiped: Bool) -> Bool {
        var isWellFormed = false
        if case .identifier(let name) = callee.kind {
            if name == "option" || name == "kopia", isPiped {
                report(.templateCall, "\(name)(...) is a value, not a template function, so it cannot take the value piped in", at: callee.range)
            } else if name != "option", name != "kopia" {
                if !TemplateFunctions.kanister.contains(name) {
                    reportUnknownTemplateFunction(name, at: callee.range)
                } else if !checkArity(name, arguments: arguments.count + (isPiped ? 1 : 0), at: callee.range) {
                    isWellFormed = true
                    for (position, argument) in arguments.enumerated() {
                        checkArgumentKind(argument.value, of: name, position: position)
                    }
                    if !isPiped { checkComparison(name, arguments.map(\.value), at: callee.range) }
                }
            }
        } else {
            // `Options.o("x")`: Go refuses arguments to a field.
            report(.templateCall, "only a template function takes arguments; this is a value", at: callee.range)
            checkExpression(callee)
        }
        for argument in arguments { checkFunctionInput(argument.value) }
        return isWellFormed
    }

    /// `eq(a, b)`, `b | lt(a)`: the kinds Go's comparison functions compare.
    mutating func checkComparison(_ function: String, _ values: [Expr], at range: SourceRange) {
        guard TemplateFunctions.comparisons.contains(function) else { return }
        let kinds = values.map { SemanticChecker.constantKind(of: $0) ?? valueKind(of: $0) }
        if let problem = TemplateFunctions.comparisonProblem(function, kinds: kinds) { reportBadCall(problem, at: range) }
    }

    /// A constant or a function's result (`upper(list(1))`) given to `function`
    /// as argument `position`; piped in (`true | upper`) it is the last argument,
    /// and keeps its own Go type as a result does.
    mutating func checkArgumentKind(_ value: Expr, of function: String, position: Int, isPiped: Bool = false) {
        let problem: String?
        if let kind = SemanticChecker.constantKind(of: value) {
            var text: String?
            if case .string(let literal) = value.withoutParentheses.kind { text = literal.constantText }
            problem = TemplateFunctions.argumentProblem(function, position: position, kind: kind, asValue: isPiped, text: text)
        } else if let kind = valueKind(of: value) {
            problem = TemplateFunctions.argumentProblem(function, position: position, kind: kind, asValue: true)
        } else {
            problem = nil
        }
        if let problem { reportBadCall(problem, at: value.range) }
    }

    /// The kind of a value that is not a constant, when it is fixed: a template
    /// parameter its types give (`StatefulSet` is a structure, `StatefulSet.Pods`
    /// a list, an element of it a string), a byte of a string (`StatefulSet.Name[0]`),
    /// or what a function returns.
    func valueKind(of expr: Expr, depth: Int = 0) -> TemplateFunctions.ValueKind? {
        let value = expr.withoutParentheses
        guard depth < SemanticChecker.maxLetDepth else { return nil }
        if case .index(let base, let key) = value.kind, case .int(let spelled) = key.kind {
            if readsScalar(base, depth: depth + 1) { return .byte }
            // `list(1, "a")[1]`: the constant at that position.
            if case .call(let callee, let arguments) = base.withoutParentheses.kind, case .identifier(let function) = callee.kind,
                let position = Int(spelled), let element = SemanticChecker.listedArgument(function, arguments, at: position)
            {
                return SemanticChecker.constantKind(of: element.value)
            }
            guard let path = templatePath(of: base) else { return nil }
            return SemanticChecker.elementKind(ofType: KanisterCatalog.type(of: path))
        }
        if let path = templatePath(of: value) { return templateValueKind(of: path) }
        if let kind = outputKind(of: value) { return kind }
        // `first(StatefulSet.Pods)`: an element of a list whose type is known.
        if let function = SemanticChecker.resultFunction(of: value), let list = SemanticChecker.callArguments(of: value).first,
            let path = templatePath(of: list), let kind = SemanticChecker.endElementKind(function, of: KanisterCatalog.type(of: path))
        {
            return kind
        }
        // `default("a", Options.x)`: one of its arguments, a string when each is one.
        if let function = SemanticChecker.resultFunction(of: value), SemanticChecker.argumentReturningFunctions.contains(function) {
            let arguments = SemanticChecker.callArguments(of: value)
            let isString =
                !arguments.isEmpty
                && arguments.allSatisfy { argument in
                    (valueKind(of: argument, depth: depth + 1) ?? SemanticChecker.constantKind(of: argument)) == .string
                }
            return isString ? .string : nil
        }
        return SemanticChecker.resultKind(of: value)
    }

    /// The kind of an element of a template parameter of `type` read by position:
    /// a byte of a string or of a Secret's value, an element of a typed list.
    static func elementKind(ofType type: TemplateParameterType) -> TemplateFunctions.ValueKind? {
        if case .list(let element) = type { return TemplateFunctions.ValueKind(element) }
        return elementKind(of: TemplateFunctions.ValueKind(type))
    }

    /// The kind of an element of a value of `kind` read by position: a byte of a
    /// string or bytes (or of a number or bool, which `index` refuses), unknown else.
    static func elementKind(of kind: TemplateFunctions.ValueKind?) -> TemplateFunctions.ValueKind? {
        guard let kind, kind.isScalar || kind == .bytes else { return nil }
        return .byte
    }

    /// `first(StatefulSet.Pods)`, `last(...)`: an element of a list whose type is known.
    static func endElementKind(_ function: String, of type: TemplateParameterType) -> TemplateFunctions.ValueKind? {
        guard function == "first" || function == "last", case .list(let element) = type else { return nil }
        return TemplateFunctions.ValueKind(element)
    }

    /// `list(a, b)[1]`, `tuple(a, b)[1]`: list and tuple return their arguments in
    /// order, so the element at `position` is the argument there.
    static func listedArgument<Argument>(_ function: String, _ arguments: [Argument], at position: Int) -> Argument? {
        guard function == "list" || function == "tuple", arguments.indices.contains(position) else { return nil }
        return arguments[position]
    }

    /// Outputs Kanister fills with a number, not a string: ScaleWorkload's
    /// originalReplicaCount is an int32.
    static let numericOutputs: [String: String] = ["originalReplicaCount": "ScaleWorkload"]

    /// The kind of the value at a template parameter path, in a .bp expression
    /// (`Phases.p.Output.k`) or a template string (`.Phases.p.Output.k`): what its
    /// type gives (`.StatefulSet.Pods` is a list), or an output's string or number.
    func templateValueKind(of path: [String]) -> TemplateFunctions.ValueKind? {
        TemplateFunctions.ValueKind(KanisterCatalog.type(of: path)) ?? outputKind(ofTemplatePath: path)
    }

    /// `p.output.k` of a phase p of this action: a string, or a number (see `outputKind(ofTemplatePath:)`).
    func outputKind(of value: Expr) -> TemplateFunctions.ValueKind? {
        guard let (root, _, path) = SemanticChecker.constantChain(value), path.count == 2, path[0].0 == "output",
            case .phase(let phase) = table.resolve(root, in: context.action)
        else { return nil }
        return outputKind(ofTemplatePath: ["Phases", phase.name, "Output", path[1].0])
    }

    /// `.Phases.p.Output.k` of a phase p of this action, or `.DeferPhase.Output.k`
    /// of its finally phase: a number (an int32, which converts to no parameter a
    /// string or int takes) when the phase's function fills k with one
    /// (`numericOutputs`), else a string: `kando output` and every other
    /// function's outputs are strings.
    func outputKind(ofTemplatePath path: [String]) -> TemplateFunctions.ValueKind? {
        guard let (name, key) = SemanticChecker.outputReference(path), let action = context.action else { return nil }
        let found: PhaseInfo?
        if let name { found = action.phase(named: name) } else { found = action.finallyPhase }
        guard let phase = found else { return nil }
        if let function = SemanticChecker.numericOutputs[key], expansion(of: phase).function.text == function { return .int64 }
        return .string
    }

    /// `.Phases.p.Output.k` (phase p) or `.DeferPhase.Output.k` (phase nil: the finally phase): an output of a phase.
    static func outputReference(_ path: [String]) -> (phase: String?, key: String)? {
        if path.count == 4, path[0] == "Phases", path[2] == "Output" { return (path[1], path[3]) }
        if path.count == 3, path[0] == "DeferPhase", path[1] == "Output" { return (nil, path[2]) }
        return nil
    }

    /// An output k of a phase where some function fills k with a number.
    static func mayBeNumericOutput(_ path: [String]) -> Bool {
        outputReference(path).map { numericOutputs[$0.key] != nil } ?? false
    }

    /// Whether `function` may refuse the output at `path` as argument `position`:
    /// it refuses a string there, the output may be a number, or the function
    /// compares it with other operands. Such a field argument of a template
    /// string takes the full parse and the checks of `outputProblems` (the fast
    /// path answers no template holding one).
    static func mayRefuseOutput(_ path: [String], of function: String, position: Int) -> Bool {
        guard outputReference(path) != nil else { return false }
        return mayBeNumericOutput(path) || TemplateFunctions.comparisons.contains(function)
            || outputArgumentProblem(function, position: position, arguments: nil, kind: .string) != nil
    }

    /// Why `function` refuses an output of `kind` as argument `position` of
    /// `arguments` (nil: not known yet), as it refuses the .bp argument: a
    /// parameter that takes no such value, `index` of what has no elements.
    static func outputArgumentProblem(_ function: String, position: Int, arguments: Int?, kind: TemplateFunctions.ValueKind) -> String? {
        if function == "index", position == 0 {
            return (arguments ?? 2) > 1 ? indexCollectionProblem(kind) : nil
        }
        return TemplateFunctions.argumentProblem(function, position: position, kind: kind, asValue: true)
    }

    /// Why `index` cannot read a value of `kind` by key: a number or bool has no elements.
    static func indexCollectionProblem(_ kind: TemplateFunctions.ValueKind) -> String? {
        guard kind.isScalar, kind != .string else { return nil }
        return "index cannot read \(kind.spelling), which has no elements"
    }

    /// What the function `expr` calls returns (`list(1)`, `x | len`), when its kind is fixed.
    static func resultKind(of expr: Expr) -> TemplateFunctions.ValueKind? {
        guard let function = resultFunction(of: expr.withoutParentheses) else { return nil }
        return function == "option" ? .string : TemplateFunctions.resultKinds[function]
    }

    mutating func reportUnknownTemplateFunction(_ name: String, at range: SourceRange) {
        let hint = Suggestions.hint(for: name, in: Array(TemplateFunctions.kanister))
        report(.unknownTemplateFunction, "unknown template function '\(name)'\(hint)", at: range)
    }

    /// `x[key]`: a collection `index` can read (not a structure such as
    /// `StatefulSet`), and a key it can take: a constant key Go's `index` refuses
    /// for any collection, an integer for a collection Kanister's parameter types
    /// say is a map; a function's result of a kind no key has, or a string for a list.
    mutating func checkIndexKey(_ key: Expr, of base: Expr) {
        let path = templatePath(of: base)
        let type = path.map { KanisterCatalog.type(of: $0) }
        var spelled: String { path.map { "." + $0.joined(separator: ".") } ?? "" }
        if case .structure = type, let path, !SemanticChecker.isObjectKeyRead(path, keyIsConstantString: SemanticChecker.constantKeyText(key) != nil) {
            reportBadCall(SemanticChecker.structureIndexProblem(spelled), at: key.range)
            return
        }
        // `p.output.originalReplicaCount[0]`, `list(true)[0][0]`: a number or bool has no elements
        // (a function's result is checked with the other reads on it).
        if SemanticChecker.resultKind(of: base) == nil, let kind = valueKind(of: base), let problem = SemanticChecker.indexCollectionProblem(kind) {
            reportBadCall(problem, at: key.range)
            return
        }
        if let kind = SemanticChecker.constantKind(of: key) {
            if let problem = TemplateFunctions.argumentProblem("index", position: 1, kind: kind) {
                reportBadCall(problem, at: key.range)
            } else if kind.isInteger {
                checkIntegerIndex(of: base, key: key)
                if case .map = type {
                    reportBadCall(SemanticChecker.integerKeyProblem(spelled), at: key.range)
                } else if valueKind(of: base)?.isMap == true, let function = SemanticChecker.resultFunction(of: base.withoutParentheses) {
                    reportBadCall(SemanticChecker.integerKeyProblem("what \(function) returns"), at: key.range)
                }
            }
        } else if let kind = valueKind(of: key) {
            if let problem = TemplateFunctions.keyProblem(kind) {
                reportBadCall(problem, at: key.range)
            } else if kind == .string, case .list = type {
                reportBadCall(SemanticChecker.listKeyProblem(spelled), at: key.range)
            } else if kind == .string, readsScalar(base) {
                reportBadCall("a string is indexed by position (a byte), not by a string key", at: key.range)
            } else if kind != .string, case .map = type {
                reportBadCall(SemanticChecker.integerKeyProblem(spelled), at: key.range)
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
    static func constantKind(of expr: Expr) -> TemplateFunctions.ValueKind? {
        switch expr.kind {
        case .string(let literal): literal.constantText == nil ? nil : .string
        case .duration: .string
        case .int(let text): text.hasPrefix("-") ? .negativeInteger : .integer
        case .float(let text): TemplateFunctions.ValueKind(floatText: text)
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
        var path: [String] = []
        return appendTemplatePath(of: expr, depth: depth, to: &path) ? path : nil
    }

    /// Appends the template parameter path `expr` reads to `path`, root first;
    /// false when it reads none (`path` then holds a part of one).
    func appendTemplatePath(of expr: Expr, depth: Int, to path: inout [String]) -> Bool {
        guard depth < SemanticChecker.maxLetDepth else { return false }
        switch expr.kind {
        case .identifier(let name):
            switch table.resolve(name, in: context.action) {
            case .templateRoot(let root): path.append(root)
            case .constant(let decl): return appendTemplatePath(of: decl.value, depth: depth + 1, to: &path)
            case .secret(let secret): path += ["Secrets", secret.text]
            case .configMap(let configMap): path += ["ConfigMaps", configMap.text]
            default: return false
            }
            return true
        case .member(let base, let field):
            // `dump.secrets.s`: the phase's objects as `.Phases.dump.Secrets.s`.
            if case .member(let phaseExpr, let part) = base.kind, case .identifier(let name) = phaseExpr.kind,
                case .phase(let phase) = table.resolve(name, in: context.action),
                let kind = SemanticChecker.phaseParts[part.text], kind != .output
            {
                path += ["Phases", phase.name, kind == .secrets ? "Secrets" : "ConfigMaps", field.text]
                return true
            }
            guard appendTemplatePath(of: base, depth: depth + 1, to: &path) else { return false }
            path.append(field.text)
            return true
        case .index(let base, let key):
            guard let text = SemanticChecker.constantKeyText(key), appendTemplatePath(of: base, depth: depth + 1, to: &path) else { return false }
            path.append(text)
            return true
        case .parenthesized(let inner): return appendTemplatePath(of: inner, depth: depth + 1, to: &path)
        default: return false
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
                checkRoot(name, base.range, path: [(field.text, field.range)], firstRead: .field)
            }
            return
        }
        // Collected from the outside in, then reversed.
        var path: [(String, SourceRange)] = []
        // The read nearest the root so far, as written (a computed key as `[...]`).
        var innermost: ValueRead?
        var current = expr
        while true {
            switch current.kind {
            case .member(let base, let name):
                path.append((name.text, name.range))
                innermost = ValueRead(name: name.text, range: name.range, kind: .field)
                current = base
            case .index(let base, let key):
                checkIndexKey(key, of: base)
                checkExpression(key)
                let text = SemanticChecker.constantKeyText(key)
                if let text {
                    path.append((text, key.range))
                } else {
                    // `StatefulSet.Name[0].x`, `StatefulSet.Pods[0].x`: the element is a byte, a string.
                    if case .int(let position) = key.kind, let read = path.last, let element = valueKind(of: current), element.isScalar {
                        reportValueRead(read, on: "the element at position \(position)", kind: element.spelling)
                    }
                    path.removeAll()
                }
                if case .int(let number) = key.kind {
                    innermost = ValueRead(name: number, range: key.range, kind: .position)
                } else {
                    innermost = ValueRead(name: text ?? "[...]", range: key.range, kind: .key)
                }
                current = base
            case .identifier(let name):
                path.reverse()
                // The read nearest the root is the path's first when the path has one.
                checkRoot(name, current.range, path: path, firstRead: innermost?.kind)
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

    /// Whether `expr` is a string or a number: a literal, what a function returns,
    /// or a value Kanister fills so: a template parameter its types say is one, an
    /// output of a phase, a keyValue or the Kopia snapshot of an input artifact
    /// (lets followed).
    func readsScalar(_ expr: Expr, depth: Int = 0) -> Bool {
        let expr = expr.withoutParentheses
        if case .string = expr.kind { return true }
        if let kind = valueKind(of: expr, depth: depth + 1) { return kind.isScalar }
        guard depth < SemanticChecker.maxLetDepth, let (root, _, path) = SemanticChecker.constantChain(expr) else { return false }
        let names = path.map(\.0)
        switch table.resolve(root, in: context.action) {
        case .constant(let decl): return names.isEmpty && readsScalar(decl.value, depth: depth + 1)
        case .phase: return names.count == 2 && names[0] == "output"
        case .inputArtifact: return SemanticChecker.isArtifactValue(names[...])
        case .templateRoot(let root): return SemanticChecker.readsScalar(templatePath: [root] + names)
        default: return false
        }
    }

    /// Whether the template parameter at `path` (`.Options.x`, `.Phases.p.Output.k`)
    /// is a string or a number: a parameter its types say is one, an output of a
    /// phase, a keyValue or the Kopia snapshot of an input artifact.
    static func readsScalar(templatePath path: [String]) -> Bool {
        if let kind = TemplateFunctions.ValueKind(KanisterCatalog.type(of: path)) { return kind.isScalar }
        let names = path.dropFirst()
        switch path.first {
        case "Phases": return names.count == 3 && names[names.startIndex + 1] == "Output"
        case "DeferPhase": return names.count == 2 && names.first == "Output"
        case "ArtifactsIn": return isArtifactValue(names.dropFirst())
        default: return false
        }
    }

    /// `KeyValue.k` or `KopiaSnapshot` after an artifact's name: a string.
    static func isArtifactValue(_ names: ArraySlice<String>) -> Bool {
        names.elementsEqual(["KopiaSnapshot"]) || (names.count == 2 && names.first == "KeyValue")
    }

    /// An identifier, or fields and keys read on one (in parentheses too).
    static func isChain(_ expr: Expr) -> Bool {
        switch expr.kind {
        case .identifier: true
        case .member(let base, _), .index(let base, _), .parenthesized(let base): isChain(base)
        default: false
        }
    }

    /// A field or key read straight on a value that has none, which Go's
    /// template engine refuses (when it parses or when it renders): a literal
    /// (`"-f".yaml`, `3[0]`), or the result of a function that returns a string,
    /// number or bool (`upper(x).y`, `(x | toJson)["k"]`, `option("a").b`), a list
    /// (`list(1, 2).x`) or a map of known keys (`split("/", x).y`).
    mutating func checkValueRead(_ base: Expr, read: ValueRead) {
        let value = base.withoutParentheses
        if let kind = SemanticChecker.memberlessKind(of: value) {
            // Go indexes a string by position (a byte).
            guard kind != "a string" || read.kind != .position else { return }
            report(.noMembers, SemanticChecker.memberlessMessage(nil, kind: kind, value: value, part: read.name), at: read.range)
            return
        }
        guard let function = SemanticChecker.resultFunction(of: value) else { return }
        if function == "option" {
            report(.noMembers, "an option is a string, which has no field or key '\(read.name)'; Go's template engine refuses the read", at: read.range)
        } else if TemplateFunctions.resultKinds[function] == nil, !SemanticChecker.argumentReturningFunctions.contains(function),
            let kind = valueKind(of: value), kind.isScalar, kind != .string || read.kind != .position
        {
            // `first(StatefulSet.Pods).x`: what it returns depends on its arguments, a string here.
            reportValueRead((read.name, read.range), on: "what \(function) returns here", kind: kind.spelling)
        } else if SemanticChecker.argumentReturningFunctions.contains(function) {
            // `default("a", Options.x).y`: one of the arguments, and the read fails whenever
            // it is a string. By position (`default("a", Options.x)[0]`) a string gives a
            // byte; only a number or bool refuses it.
            let hasScalarArgument = SemanticChecker.callArguments(of: value).contains { argument in
                guard read.kind == .position else { return readsScalar(argument) || SemanticChecker.constantKind(of: argument)?.isScalar == true }
                guard let kind = valueKind(of: argument) ?? SemanticChecker.constantKind(of: argument) else { return false }
                return kind.isScalar && kind != .string
            }
            if let problem = SemanticChecker.returnedArgumentReadProblem(
                function, read: read.name, hasScalarArgument: hasScalarArgument, byPosition: read.kind == .position)
            {
                reportBadCall(problem, at: read.range)
            }
        } else if let problem = SemanticChecker.resultReadProblem(
            function, arguments: SemanticChecker.constantArguments(of: value), read: read.name, kind: read.kind)
        {
            reportBadCall(problem, at: read.range)
        }
    }

    /// A read on what `function` returns when called with `arguments` (each a
    /// constant string's text, nil for another value; nil when the arguments are
    /// not all known, as in a pipe): a field a dict of constant keys lacks (`dict.b`
    /// calls dict with none), else what the kind of the function's result refuses.
    /// `kind` nil: a field or a key, which a read through a let does not tell.
    static func resultReadProblem(_ function: String, arguments: [String?]?, read name: String, kind: ValueRead.Kind?) -> String? {
        guard function == "dict" else { return TemplateFunctions.resultReadProblem(function, read: name, kind: kind) }
        guard kind == .field, let arguments else { return nil }
        return dictReadProblem(keys: arguments, field: name)
    }

    /// The arguments of a call `f(a, b)`, each a constant string's text or nil; nil for any other value.
    static func constantArguments(of value: Expr) -> [String?]? {
        guard case .call(_, let arguments) = value.kind else { return nil }
        return arguments.map { constantKeyText($0.value) }
    }

    /// `default("a", Options.x).y`, `{{ (default "a" .Options.x).y }}`: default and
    /// coalesce return one of their arguments, so a read on what they return fails
    /// whenever that is a string or number (`hasScalarArgument`: one of them is;
    /// for a read by position, which reads a byte of a string, a number or bool).
    static func returnedArgumentReadProblem(
        _ function: String, read name: String, hasScalarArgument: Bool, byPosition: Bool = false
    ) -> String? {
        guard argumentReturningFunctions.contains(function), hasScalarArgument else { return nil }
        if byPosition {
            return "\(function) returns one of its arguments, and one here is a number or boolean, which has no position \(name)"
        }
        return "\(function) returns one of its arguments, and one here is a string or number, which has no field or key '\(name)'"
    }

    /// `dict("a", 1).b`, `{{ (dict "a" 1).b }}`: a field a dict of constant keys
    /// does not have (a key read through `index` gives nothing instead). `arguments`:
    /// each argument's text when it is a constant string, nil when it is not.
    static func dictReadProblem(keys arguments: [String?], field name: String) -> String? {
        var keys: [String] = []
        for (position, argument) in arguments.enumerated() where position % 2 == 0 {
            guard let key = argument else { return nil }
            keys.append(key)
        }
        guard !keys.contains(name) else { return nil }
        let known = keys.isEmpty ? "it has no keys" : "its keys are \(keys.joined(separator: ", "))"
        return "dict has no key '\(name)' (\(known)), and reading a missing field fails"
    }

    /// Functions that return one of their arguments.
    static let argumentReturningFunctions: Set<String> = ["coalesce", "default"]

    /// The values a call passes to its function: `f(a, b)`, `x | f(a)` (a, then x), `x | f` (x).
    static func callArguments(of value: Expr) -> [Expr] {
        switch value.kind {
        case .call(_, let arguments): return arguments.map(\.value)
        case .pipe(let piped, let last):
            if case .call(_, let arguments) = last.kind { return arguments.map(\.value) + [piped] }
            return [piped]
        default: return []
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

    /// A root identifier with the path that follows it; `firstRead`: whether the
    /// path's first name is read as a field or a key, nil when that is not known.
    mutating func checkRoot(_ name: String, _ range: SourceRange, path: [(String, SourceRange)], firstRead: ValueRead.Kind? = nil) {
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
            if !path.isEmpty { checkLetRead(name, decl, path: path, firstRead: firstRead) }
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
            // A function named without a call (`toJson`, `toJson.a`, `dict.b`) is called with no arguments.
            if !checkArity(function, arguments: 0, at: range), let (field, fieldRange) = path.first,
                let problem = SemanticChecker.resultReadProblem(function, arguments: [], read: field, kind: firstRead)
            {
                reportBadCall(problem, at: fieldRange)
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
