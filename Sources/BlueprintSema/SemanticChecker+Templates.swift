// Go templates inside strings: parsed with the Go-compatible parser, their
// references checked like expressions, positions mapped back to the source.

import BlueprintSyntax

extension DiagnosticCode {
    public static let badReferencePart = DiagnosticCode("BP2029")
    public static let templateCall = DiagnosticCode("BP2065")
}

extension SemanticChecker {
    mutating func checkString(_ literal: StringLiteral) {
        // The secret checks read the text of the current line before a segment;
        // it is rebuilt (linePrefix(of:before:)) only when one of them needs it.
        for (index, segment) in literal.segments.enumerated() {
            switch segment {
            case .interpolation(let expr):
                checkExpression(expr)
                if context.isCommand { checkSecretInterpolation(expr, in: literal, segment: index) }
            case .literalText:
                break
            case .text(let text, _):
                if text.utf8.count >= 2, text.containsTemplateOpen {
                    checkTemplate(text, segment: index, of: literal)
                }
            }
        }
    }

    /// The text of the current line before segment `segment`: what `extendLine`
    /// makes of the text segments before it, an interpolation counting as U+0001.
    static func linePrefix(of literal: StringLiteral, before segment: Int) -> String {
        var line = ""
        for index in 0..<min(segment, literal.segments.count) {
            switch literal.segments[index] {
            case .interpolation: line += "\u{1}"
            case .literalText(let text, _), .text(let text, _): extendLine(&line, with: text)
            }
        }
        return line
    }

    /// The source range of a template's byte range; a field's leading `.` is left out.
    static func sourceRange(_ range: Range<Int>, segment: Int, of literal: StringLiteral, utf8 text: String.UTF8View) -> SourceRange {
        let startsWithDot =
            range.lowerBound < text.count && range.count > 1
            && text[text.index(text.startIndex, offsetBy: range.lowerBound)] == UInt8(ascii: ".")
        let lower = range.lowerBound + (startsWithDot ? 1 : 0)
        return SourceRange(
            literal.sourceOffset(segment: segment, textOffset: lower),
            literal.sourceOffset(segment: segment, textOffset: range.upperBound))
    }

    /// The source range of a template's byte range; a field's leading `.` is left out.
    func sourceRange(_ range: Range<Int>, segment: Int, of literal: StringLiteral, text: String) -> SourceRange {
        SemanticChecker.sourceRange(range, segment: segment, of: literal, utf8: text.utf8)
    }

    mutating func checkTemplate(_ text: String, segment: Int, of literal: StringLiteral, linePrefix: String? = nil) {
        switch templateSummary(text) {
        case .failure(let error):
            // The character at the error; at the text's end, the literal's closing
            // quote, or nothing when it has none (a YAML scalar at the end of its file).
            let end = literal.range.end
            let at = min(literal.sourceOffset(segment: segment, textOffset: min(error.offset, text.utf8.count)), end)
            let range = SourceRange(at, min(at + 1, end))
            let hint = error.hint.map { " (\($0))" } ?? ""
            if error.message.hasPrefix("function \"") {
                report(.unknownTemplateFunction, "unknown template function: \(error.message)\(hint)", at: range)
            } else {
                report(.malformedTemplate, "malformed template: \(error.message)\(hint)", at: range)
            }
        case .success(let references, let badCalls, let outputUses):
            let utf8 = text.utf8
            for call in badCalls + outputProblems(outputUses) {
                let range = SemanticChecker.sourceRange(call.range, segment: segment, of: literal, utf8: utf8)
                if call.code == .templateCall {
                    reportBadCall(call.problem, at: range)
                } else {
                    report(call.code, call.problem, at: range)
                }
            }
            for reference in references {
                var path: [(String, SourceRange)] = []
                path.reserveCapacity(reference.path.count)
                for (name, range) in zip(reference.path, reference.ranges) {
                    path.append((name, SemanticChecker.sourceRange(range, segment: segment, of: literal, utf8: utf8)))
                }
                let outer = context.isFunctionInput
                context.isTemplate = true
                context.isFunctionInput = !SemanticChecker.isPrintedAsIs(reference, in: text)
                checkTemplatePath(path)
                context.isFunctionInput = outer
                context.isTemplate = false
                if context.isCommand, reference.path.contains(where: { $0 == "Secrets" }) {
                    checkSecretUse(
                        text, at: reference.ranges[0], range: path[0].1, name: "." + reference.path.joined(separator: "."),
                        linePrefix: linePrefix ?? SemanticChecker.linePrefix(of: literal, before: segment))
                }
            }
        }
    }

    /// The root references of a template, or its parse error. A text met a
    /// second time is kept, so repeated texts (defs, lets) are parsed at most twice
    /// while a text met once costs no more than a hash.
    mutating func templateSummary(_ text: String) -> TemplateSummary {
        let hash = text.hashValue
        guard let entry = templateCache[hash] else {
            templateCache[hash] = TemplateCacheEntry(text: text)
            return SemanticChecker.summarize(text)
        }
        if let summary = entry.summary, entry.text == text { return summary }
        let summary = SemanticChecker.summarize(text)
        if entry.summary == nil, entry.text == text {
            templateCache[hash] = TemplateCacheEntry(text: text, summary: summary)
        }
        return summary
    }

    /// Parses a template as Kanister does and keeps what the checks use.
    static func summarize(_ text: String) -> TemplateSummary {
        if let references = GoTemplateFastPath.rootReferences(text, functions: TemplateFunctions.kanister) {
            return .success(references)
        }
        switch GoTemplate.parse(text) {
        case .failure(let error): return .failure(error)
        case .success(let tree):
            let all = tree.references()
            var outputUses = TemplateOutputUses()
            outputUses.arguments = all.fieldArguments.filter { mayRefuseOutput($0.path, of: $0.function, position: $0.position) }
            let outputs = outputOperands(in: all)
            outputUses.comparisons = all.functions.compactMap { comparison($0, outputs: outputs) }.filter { !$0.outputs.isEmpty }
            outputUses.ranges = all.rangedValues.filter { ranged in
                guard let kind = ranged.kind else { return ranged.path.map { outputReference($0) != nil } == true }
                return TemplateFunctions.rangesOverInteger(kind)
            }
            return .success(all.rootReferences, badCalls: badCalls(in: all, outputs: outputs), outputUses: outputUses)
        }
    }

    /// The phase outputs given to functions, by the range of the function's name
    /// (one pass, so a text of many calls costs no more per call).
    static func outputOperands(in all: GoTemplateReferences) -> [Range<Int>: [(position: Int, path: [String])]] {
        var outputs: [Range<Int>: [(position: Int, path: [String])]] = [:]
        for argument in all.fieldArguments where outputReference(argument.path) != nil {
            outputs[argument.call, default: []].append((argument.position, argument.path))
        }
        return outputs
    }

    /// A call of a comparison function with as many arguments as it takes: the
    /// kinds its operands' constants, types and results give, and its phase
    /// outputs (`outputs`: those of every call, see `outputOperands`).
    static func comparison(
        _ use: GoTemplateFunctionUse, outputs: [Range<Int>: [(position: Int, path: [String])]]
    ) -> TemplateComparison? {
        guard TemplateFunctions.comparisons.contains(use.name), TemplateFunctions.arityProblem(use.name, arguments: use.argumentCount) == nil
        else { return nil }
        var kinds = [TemplateFunctions.ValueKind?](repeating: nil, count: use.argumentCount)
        for constant in use.constants where kinds.indices.contains(constant.position) { kinds[constant.position] = constant.kind }
        return TemplateComparison(function: use.name, range: use.range, kinds: kinds, outputs: outputs[use.range] ?? [])
    }

    /// What Go refuses of the phase outputs in a template, now that the action
    /// tells their kinds: as an argument, an operand of a comparison, a ranged value.
    func outputProblems(_ uses: TemplateOutputUses) -> [TemplateBadCall] {
        var problems: [TemplateBadCall] = []
        for argument in uses.arguments {
            if let problem = outputArgumentProblem(argument) { problems.append(TemplateBadCall(range: argument.range, problem: problem)) }
        }
        for comparison in uses.comparisons {
            var kinds = comparison.kinds
            for output in comparison.outputs where kinds.indices.contains(output.position) {
                kinds[output.position] = outputKind(ofTemplatePath: output.path)
            }
            if let problem = TemplateFunctions.comparisonProblem(comparison.function, kinds: kinds) {
                problems.append(TemplateBadCall(range: comparison.range, problem: problem))
            }
        }
        for ranged in uses.ranges {
            guard let kind = ranged.kind ?? ranged.path.flatMap(outputKind(ofTemplatePath:)),
                let problem = TemplateFunctions.rangeProblem(kind, variables: ranged.variableCount, integers: target.rangesOverIntegers)
            else { continue }
            problems.append(TemplateBadCall(range: ranged.range, problem: problem))
        }
        return problems
    }

    /// What in a template that parses Go still refuses when it renders: a call
    /// of an undefined template, a function given the wrong number or kind of
    /// arguments, an index key its collection cannot take, a `{{range}}` over
    /// what has no elements.
    static func badCalls(
        in all: GoTemplateReferences, outputs: [Range<Int>: [(position: Int, path: [String])]]? = nil
    ) -> [TemplateBadCall] {
        let outputs = outputs ?? outputOperands(in: all)
        var badCalls: [TemplateBadCall] = []
        // Kanister parses each string as its own template, named "config".
        for call in all.templateCalls where call.name != "config" && !all.definedTemplates.contains(call.name) {
            badCalls.append(TemplateBadCall(range: call.range, problem: "template \"\(call.name)\" is not defined in this string"))
        }
        for call in all.indexCalls {
            if let problem = indexKeyProblem(call) { badCalls.append(problem) }
        }
        for read in all.resultFields {
            if let problem = resultFieldProblem(read) { badCalls.append(problem) }
        }
        for use in all.functions {
            if let problem = TemplateFunctions.arityProblem(use.name, arguments: use.argumentCount) {
                badCalls.append(TemplateBadCall(range: use.range, problem: problem))
                continue
            }
            for constant in use.constants {
                guard
                    let problem = TemplateFunctions.argumentProblem(
                        use.name, position: constant.position, kind: constant.kind, asValue: constant.isValue, text: constant.text)
                else { continue }
                badCalls.append(TemplateBadCall(range: constant.range, problem: problem))
            }
            // A comparison of a phase output waits for the action (`outputProblems`).
            if let comparison = comparison(use, outputs: outputs), comparison.outputs.isEmpty,
                let problem = TemplateFunctions.comparisonProblem(use.name, kinds: comparison.kinds)
            {
                badCalls.append(TemplateBadCall(range: use.range, problem: problem))
            }
        }
        for ranged in all.rangedValues {
            // A range over an integer waits for the target (`outputProblems`).
            if let kind = ranged.kind, !TemplateFunctions.rangesOverInteger(kind),
                let problem = TemplateFunctions.rangeProblem(kind, variables: ranged.variableCount, integers: false)
            {
                badCalls.append(TemplateBadCall(range: ranged.range, problem: problem))
            }
        }
        return badCalls
    }

    /// `.Phases.p.Output.k` given to a function, when p is a phase of this action:
    /// checked as the .bp argument `p.output.k` is, on the output's string or
    /// number (a parameter that takes no such value, `index` of what has no elements).
    func outputArgumentProblem(_ argument: GoTemplateFieldArgument) -> String? {
        // A call with the wrong number of arguments is reported as such.
        guard TemplateFunctions.arityProblem(argument.function, arguments: argument.argumentCount) == nil,
            let kind = outputKind(ofTemplatePath: argument.path)
        else { return nil }
        return SemanticChecker.outputArgumentProblem(argument.function, position: argument.position, arguments: argument.argumentCount, kind: kind)
    }

    /// A field read on what a function returns, by the rules of the same read in
    /// a .bp expression: on a string, number, bool or list (`(quote .x).y`), on a
    /// dict of constant keys without it (`(dict "a" 1).b`, `dict.b`), on what
    /// default or coalesce may return as a string (`(default "a" .Options.x).y`),
    /// on an element that is a string or byte (`(index .StatefulSet.Name 1).y`,
    /// `StatefulSet.Name[1].y`, `(first .StatefulSet.Pods).x`).
    static func resultFieldProblem(_ read: GoTemplateResultField) -> TemplateBadCall? {
        var operands: ArraySlice<GoTemplateOperand> = []
        if case .parenthesized(let inner) = read.base, inner.pipeline.commands.count == 1, let command = inner.pipeline.commands.first {
            operands = command.operands.dropFirst()
        }
        switch read.function {
        case "default", "coalesce":
            // `(default "a" .Options.x)`, `(.Options.x | default "a")`: the piped value is an argument too.
            guard case .parenthesized(let inner) = read.base, let command = inner.pipeline.commands.last else { return nil }
            var arguments = command.operands.dropFirst()
            if inner.pipeline.commands.count == 2, inner.pipeline.commands[0].operands.count == 1 {
                arguments.append(inner.pipeline.commands[0].operands[0])
            }
            let hasScalarArgument = arguments.contains { readsScalar($0, scope: read.scope) }
            guard let problem = returnedArgumentReadProblem(read.function, read: read.field, hasScalarArgument: hasScalarArgument) else {
                return nil
            }
            return TemplateBadCall(range: read.range, problem: problem)
        case "first", "last":
            // `(first .StatefulSet.Pods).x`, `(.StatefulSet.Pods | first).x`.
            var list = operands.first
            if case .parenthesized(let inner) = read.base, inner.pipeline.commands.count == 2,
                inner.pipeline.commands[0].operands.count == 1, inner.pipeline.commands[1].operands.count == 1
            {
                list = inner.pipeline.commands[0].operands.first
            }
            guard case .field(let field)? = list, read.scope.template == nil, read.scope.dot == .templateData,
                let element = endElementKind(read.function, of: KanisterCatalog.type(of: field.names)), element.isScalar
            else { return nil }
            return TemplateBadCall(
                range: read.range, problem: valueReadMessage(read.field, on: "what \(read.function) returns here", kind: element.spelling),
                code: .noMembers)
        case "index":
            guard let (position, element) = indexedElementKind(operands, scope: read.scope), element.isScalar else { return nil }
            return TemplateBadCall(
                range: read.range, problem: valueReadMessage(read.field, on: "the element at position \(position)", kind: element.spelling),
                code: .noMembers)
        default:
            // `(dict "a" 1)`: every argument is an operand (not so in a pipe); `dict.b` calls dict with none.
            var arguments: [String?]?
            if case .identifier = read.base {
                arguments = []
            } else if case .parenthesized(let inner) = read.base, inner.pipeline.commands.count == 1 {
                arguments = operands.map { operand -> String? in
                    if case .string(let literal) = operand { return literal.value }
                    return nil
                }
            }
            guard let problem = resultReadProblem(read.function, arguments: arguments, read: read.field, kind: .field) else { return nil }
            return TemplateBadCall(range: read.range, problem: problem)
        }
    }

    /// Whether an operand is a string or a number: a constant, what a function
    /// returns as one, or a template parameter that is one where dot is the
    /// template's data (`.Options.x`, `.Phases.p.Output.k`).
    static func readsScalar(_ operand: GoTemplateOperand, scope: GoTemplateScope) -> Bool {
        if let constant = GoTemplateConstantArgument(operand, position: 0) ?? GoTemplateConstantArgument(result: operand, position: 0, scope: scope) {
            return constant.kind.isScalar
        }
        guard case .field(let field) = operand, scope.template == nil, scope.dot == .templateData else { return false }
        return readsScalar(templatePath: field.names)
    }

    /// `index X 1 0`: the kind of what it returns, when each key is a position and
    /// X a template parameter of known type, a string constant or a `(list ...)`
    /// of constants; with the last position as written.
    static func indexedElementKind(
        _ operands: ArraySlice<GoTemplateOperand>, scope: GoTemplateScope
    ) -> (String, TemplateFunctions.ValueKind)? {
        guard let collection = operands.first, operands.count >= 2 else { return nil }
        var kind: TemplateFunctions.ValueKind?
        var spelled = ""
        for (offset, key) in operands.dropFirst().enumerated() {
            guard case .number(let number) = key, number.kind == .integer, let position = Int(number.text) else { return nil }
            spelled = number.text
            if offset > 0 {
                kind = elementKind(of: kind)
            } else if case .field(let field) = collection, scope.template == nil, scope.dot == .templateData {
                kind = elementKind(ofType: KanisterCatalog.type(of: field.names))
            } else if case .string = collection {
                kind = .byte
            } else if let function = GoTemplateWalker.resultFunction(of: collection), case .parenthesized(let list) = collection,
                list.pipeline.commands.count == 1, let command = list.pipeline.commands.first,
                let element = listedArgument(function, Array(command.operands.dropFirst()), at: position)
            {
                kind = GoTemplateConstantArgument(element, position: 0)?.kind
            }
            guard kind != nil else { return nil }
        }
        return kind.map { (spelled, $0) }
    }

    /// A template parameter path: `.Phases.p.Output.k`, `.ArtifactsIn.a`, `.StatefulSet.Name`, ...
    mutating func checkTemplatePath(_ path: [(String, SourceRange)]) {
        guard let (root, rootRange) = path.first else { return }
        checkTemplatePath(root: root, rootRange, rest: path.dropFirst())
    }

    /// The same check with the root apart from the rest of the path (`rest` may start at any index).
    mutating func checkTemplatePath(root: String, _ rootRange: SourceRange, rest: ArraySlice<(String, SourceRange)>) {
        guard let info = KanisterCatalog.rootInfo[root] else {
            let roots = KanisterCatalog.shared.templateRoots
            report(.unknownTemplateParameter, "unknown template parameter '.\(root)'\(Suggestions.hint(for: root, in: roots))", at: rootRange)
            return
        }
        checkTemplatePath(root: root, rootRange, rest: rest, info: info)
    }

    /// The same check once the root is known to be a template parameter described by `info`.
    mutating func checkTemplatePath(root: String, _ rootRange: SourceRange, rest: ArraySlice<(String, SourceRange)>, info: TemplateRootInfo) {
        let second = rest.first
        switch info.kind {
        case .phases:
            guard let (phase, range) = second else { return }
            if let finally = context.action?.finallyPhase(named: phase) {
                report(
                    .deferPhaseOutside, "'\(phase)' is the finally phase, which .Phases does not hold; templates read it as .DeferPhase", at: range,
                    notes: [DiagnosticNote("'\(phase)' is declared here", range: finally.decl.name.range)])
                return
            }
            guard let part = rest.dropFirst().first else {
                checkPhaseReference(phase, nil, key: nil, at: range)
                return
            }
            guard let kind = SemanticChecker.templatePhaseParts[part.0] else {
                reportBadPhasePart(part.0, at: part.1)
                return
            }
            checkPhaseReference(phase, kind, key: rest.dropFirst(2).first, at: range, rest: rest.dropFirst(3))
        case .artifactsIn:
            if let (name, range) = second {
                let inputs = context.action?.inputs ?? []
                checkDeclared(name, range, in: inputs, what: "input artifact", keyword: "input")
                checkArtifactRead(name, path: rest.dropFirst())
            }
        case .secrets:
            if let (name, range) = second { checkActionObject(name, range, kind: .secret, rest: rest.dropFirst()) }
        case .configMaps:
            if let (name, range) = second { checkActionObject(name, range, kind: .configMap, rest: rest.dropFirst()) }
        case .deferPhase:
            checkDeferPhaseReference(rootRange, rest: rest)
        case .other:
            checkOtherTemplateRoot(root, rootRange, field: second, info: info)
            if rest.count >= 2 { checkDeeperFields(root, rest: rest) }
        }
    }

    /// `index .Options 0`: an integer first key of a collection that Kanister's
    /// parameter types say is a map; `index .StatefulSet 0`: a structure, which
    /// `index` cannot read; `index (split "/" .x) 1`: a position in what a
    /// function returns as a map (or a string key of a list it returns).
    static func indexKeyProblem(_ call: GoTemplateIndexCall) -> TemplateBadCall? {
        guard let key = call.keys.first else { return nil }
        let constant = GoTemplateConstantArgument(key, position: 1)
        if let function = GoTemplateWalker.resultFunction(of: call.collection), case .parenthesized = call.collection,
            let kind = TemplateFunctions.resultKinds[function], let constant
        {
            if kind.isMap, constant.kind.isInteger {
                return TemplateBadCall(range: constant.range, problem: integerKeyProblem("what \(function) returns"))
            } else if kind == .list, constant.kind == .string {
                return TemplateBadCall(range: constant.range, problem: listKeyProblem("what \(function) returns"))
            }
            return nil
        }
        guard case .field(let field) = call.collection, call.scope.template == nil, call.scope.dot == .templateData else { return nil }
        let path = "." + field.names.joined(separator: ".")
        switch KanisterCatalog.type(of: field.names) {
        case .structure where !isObjectKeyRead(field.names, keyIsConstantString: constant?.kind == .string):
            return TemplateBadCall(range: key.range, problem: structureIndexProblem(path))
        case .map where constant?.kind == .integer:  // a negative key is refused whatever the collection
            return TemplateBadCall(range: key.range, problem: integerKeyProblem(path))
        default:
            return nil  // a string key of a list is a field the path check reports
        }
    }

    /// `Secrets.s["k"]`: a Secret or ConfigMap read by a string key, reported with
    /// the fix that inserts `.Data` (BP2055), not as an `index` of a structure.
    static func isObjectKeyRead(_ path: [String], keyIsConstantString: Bool) -> Bool {
        keyIsConstantString && path.count >= 2 && ["Secrets", "ConfigMaps"].contains(path[path.count - 2])
    }

    static func structureIndexProblem(_ path: String) -> String {
        "index cannot read \(path), a structure; read its fields by name (\(path).Name)"
    }

    static func listKeyProblem(_ path: String) -> String { "\(path) is a list; index it by position, not by a string" }

    static func integerKeyProblem(_ path: String) -> String { "\(path) is a map; index it with a string key" }

    /// `.Options.k.x`, `.StatefulSet.Name.x`: a field of a value that has none (a
    /// string, a list), as the parameter types say; the first field is checked above.
    mutating func checkDeeperFields(_ root: String, rest: ArraySlice<(String, SourceRange)>) {
        let names = [root] + rest.map(\.0)
        guard let (index, type) = KanisterCatalog.firstUnevaluable(names), index >= 2 else { return }
        let what: String
        switch type {
        case .list: what = "a list"
        default: what = "a string"
        }
        let path = "." + names[..<index].joined(separator: ".")
        report(.unknownTemplateParameter, "'\(path)' is \(what); it has no field '\(names[index])'", at: rest[rest.startIndex + index - 1].1)
    }

    /// `.DeferPhase.Part.key`: Kanister fills `.DeferPhase` for the deferPhase's own
    /// arguments (its Secrets and ConfigMaps; Output is nil then) and for the
    /// output artifacts (everything); other phases see an empty Phase.
    mutating func checkDeferPhaseReference(_ rootRange: SourceRange, rest: ArraySlice<(String, SourceRange)>) {
        let part = rest.first.flatMap { SemanticChecker.templatePhaseParts[$0.0] }
        let isOwnArguments = context.phase?.isFinally == true && !context.isObjects && !context.isArtifact
        guard context.isArtifact || (isOwnArguments && (part == nil || part == .secrets || part == .configMaps)) else {
            let reader = context.phase.map { "phase '\($0.name)'" } ?? "a phase"
            let message =
                isOwnArguments
                ? "the finally phase cannot read its own .DeferPhase.Output: only output artifacts are rendered after it"
                : "\(reader) cannot read .DeferPhase: only the finally phase's own arguments (its Secrets and ConfigMaps) and the output artifacts see it"
            report(.deferPhaseOutside, message, at: rootRange)
            return
        }
        guard let finally = context.action?.phases.first(where: \.isFinally) else {
            report(.deferPhaseOutside, "action '\(context.action?.name ?? "")' has no finally phase, so .DeferPhase is empty", at: rootRange)
            return
        }
        if let (name, range) = rest.first, part == nil {
            reportBadPhasePart(name, at: range)
            return
        }
        checkPhaseReference(finally.name, part, key: rest.dropFirst().first, at: rootRange, rest: rest.dropFirst(2))
    }

    /// `.Phases.p.X` or `.DeferPhase.X` where X is not a part of a phase.
    mutating func reportBadPhasePart(_ name: String, at range: SourceRange) {
        let parts = Array(SemanticChecker.templatePhaseParts.keys)
        report(.badReferencePart, "a phase has Output, Secrets and ConfigMaps; '\(name)' is none of them\(Suggestions.hint(for: name, in: parts))", at: range)
    }

    /// The check of a root of kind `.other` (`.StatefulSet.Name`) and the field after it.
    mutating func checkOtherTemplateRoot(_ root: String, _ rootRange: SourceRange, field second: (String, SourceRange)?, info: TemplateRootInfo) {
        if let requiredKind = info.workloadKind { checkWorkloadRoot(root, rootRange, requiredKind: requiredKind) }
        if let (field, range) = second, let fields = info.fields, !info.fieldSet.contains(field) {
            report(.unknownTemplateParameter, "'.\(root)' has no field '\(field)'\(Suggestions.hint(for: field, in: fields))", at: range)
        }
    }

    /// The parts of a phase a template can read: `.Phases.dump.Output.key`.
    static let templatePhaseParts: [String: PhaseReference.Part] = ["Output": .output, "Secrets": .secrets, "ConfigMaps": .configMaps]

    /// `.StatefulSet` is nil unless the ActionSet's object is a StatefulSet.
    mutating func checkWorkloadRoot(_ root: String, _ range: SourceRange) {
        guard let requiredKind = KanisterCatalog.workloadRoots[root] else { return }
        checkWorkloadRoot(root, range, requiredKind: requiredKind)
    }

    /// The same check once the root's required kind is known.
    mutating func checkWorkloadRoot(_ root: String, _ range: SourceRange, requiredKind: String) {
        guard let kind = context.workloadKind, kind != requiredKind, let action = context.action else { return }
        report(
            .unpopulatedParameter, "'.\(root)' is empty in action '\(action.name)', which runs on \(action.decl.kind?.text ?? kind)", at: range,
            notes: [DiagnosticNote("the action's kind is set here", range: action.decl.kind?.range)])
    }

    mutating func checkDeclared(_ name: String, _ range: SourceRange, in declared: [Name], what: String, keyword: String) {
        if what == "input artifact" { context.usedInputs.insert(name) }
        guard !declared.contains(where: { $0.text == name }) else { return }
        let code: DiagnosticCode = what == "input artifact" ? .undeclaredArtifact : .undeclaredSecret
        let declare = declarationFixIt(keyword, name).map { [$0] } ?? []
        if declared.isEmpty {
            report(
                code, "\(what) '\(name)' is not declared; add '\(keyword) \(name)' to the action", at: range, severity: .warning, fixIts: declare)
        } else {
            // A name near a declared one is a typo more likely than a missing declaration.
            let hint = Suggestions.hint(for: name, in: declared.map(\.text))
            report(
                code, "\(what) '\(name)' is not declared in this action\(hint)", at: range,
                notes: [DiagnosticNote("declared \(what)s are listed here", range: declared[0].range)], fixIts: hint.isEmpty ? declare : [])
        }
    }

    /// A secret rendered into a command line shows in process listings; assign it to a variable.
    mutating func checkSecretUse(_ text: String, at offset: Range<Int>, range: SourceRange, name: String, linePrefix: String) {
        let bytes = Array(text.utf8)
        var lineStart = min(offset.lowerBound, bytes.count)
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        // A line that began in an earlier segment (before an interpolation) starts with its text.
        let before = lineStart == 0 ? linePrefix : ""
        let line = before + String(decoding: bytes[lineStart..<min(bytes.count, lineStart + 200)], as: UTF8.self)
        guard !SemanticChecker.isOffCommandLine(line) else { return }
        report(
            .secretInCommand, "secret value \(name) is written into a command line, where process listings show it; assign it to a variable first", at: range,
            severity: .warning)
    }
}
