// Arguments typed the way Kanister's functions decode them (mapstructure's
// WeakDecode; ScaleWorkload's replicas through strconv.Atoi), command strings,
// and the Wait / WaitV2 timeout (Go's time.ParseDuration).

import BlueprintSyntax

/// Codes of Kanister's own rules (BP2032-BP2039); type mismatches stay BP2004.
extension DiagnosticCode {
    /// A value Kanister's weak decoding accepts but changes ("true" for a string becomes "1").
    public static let weakConversion = DiagnosticCode("BP2032")
    /// A literal command string with spaces: Kanister runs it as one program name.
    public static let commandWords = DiagnosticCode("BP2033")
    /// A key given twice in one map (arguments, nested maps, objects, outputs, metadata).
    public static let duplicateKey = DiagnosticCode("BP2034")
    /// podLabels / podAnnotations that Kanister's Validate rejects (checked before rendering).
    public static let podMetadata = DiagnosticCode("BP2035")
    /// A Wait / WaitV2 timeout that Go's time.ParseDuration rejects, or a template WaitV2 never renders.
    public static let badDuration = DiagnosticCode("BP2036")
    /// Wait / WaitV2 conditions that can never be met or are ignored.
    public static let waitConditions = DiagnosticCode("BP2037")
    /// A blueprint metadata field that Kubernetes' ObjectMeta does not have.
    public static let unknownMetadataField = DiagnosticCode("BP2038")
    /// Blueprint metadata of the wrong shape (labels and annotations are maps of strings).
    public static let badMetadataValue = DiagnosticCode("BP2039")
}

/// One finding about an argument value; `range` is the sub-expression at fault.
struct ArgumentProblem {
    var code: DiagnosticCode = .argumentType
    var severity: Severity = .error
    var message: String
    var range: SourceRange
    var fixIts: [FixIt] = []
}

extension SemanticChecker {
    static func isCommandArgument(_ key: String) -> Bool {
        key == "command" || key.hasSuffix("Command")
    }

    /// Whether the file being checked is Kanister YAML (fix-its are then written in YAML).
    var isYAMLSource: Bool {
        main.file.path.hasSuffix(".yaml") || main.file.path.hasSuffix(".yml")
    }

    /// `value` with lets followed to the constant they name (at most 32 deep).
    mutating func followingLets(_ value: Expr) -> Expr {
        var current = value
        for _ in 0..<32 {
            switch current.kind {
            case .parenthesized(let inner): current = inner
            case .identifier(let name):
                let resolved = resolvedInAction(name)
                guard case .constant(let decl) = resolved.symbol else { return current }
                // Read for its value: a let only Wait's unrendered arguments name is used too.
                if !resolved.isInUsedLets {
                    usedLets.insert(name)
                    resolved.isInUsedLets = true
                }
                current = decl.value
            default: return current
            }
        }
        return current
    }

    /// The type and Kanister-rule checks of one argument the function knows.
    mutating func checkArgumentValue(_ entry: MapEntry, key: String, type: ArgumentType, function: String) {
        if key == "podLabels" || key == "podAnnotations" {
            checkPodMetadata(entry.value, key: key)
            return
        }
        for problem in decodeProblems(entry.value, as: type, key: key) {
            let message = "argument '\(key)' of \(function) \(problem.message)"
            reported.append(Diagnostic(problem.code, problem.severity, message, at: problem.range, fixIts: problem.fixIts))
        }
        guard SemanticChecker.isWait(function) else { return }
        // Wait's arguments go through Kanister's renderer inside the function, which panics on null.
        if function.lowercased() == "wait" { reportNulls(in: entry.value) }
        if key == "timeout" { checkWaitTimeout(entry.value, isV2: function.lowercased() == "waitv2") }
        if key == "conditions" { checkWaitConditions(followingLets(entry.value), isV2: function.lowercased() == "waitv2") }
    }

    /// What Kanister's decoding of `value` into `type` fails on (errors) or changes (warnings).
    ///
    /// The decisions, from mapstructure's WeakDecode (values reach it as JSON
    /// decodes them: strings, bools, int64 or float64, lists, maps):
    /// - string: a number becomes its decimal text (float64 as Go's `%v` without
    ///   exponent), a bool "1" or "0"; warned where the text changes.
    /// - bool: a string goes through strconv.ParseBool ("" is false), anything
    ///   else fails; a number is true when non-zero (warned).
    /// - int (ScaleWorkload's replicas, read with strconv.Atoi from a string, cast
    ///   from a number): an Atoi-invalid string, a fractional number or a bool fails.
    /// - list of strings: WeakDecode would lift a bool or number into a one-element
    ///   list (`true` -> ["1"]) and GetYamlList rejects it; both are nonsense, so an
    ///   error. A single string stays accepted (a YAML-list string for
    ///   GetYamlList, a one-element list otherwise; see the command rules).
    mutating func decodeProblems(_ value: Expr, as type: ArgumentType, key: String) -> [ArgumentProblem] {
        let target = followingLets(value)
        let shape = ValueShape(target) { resolveInAction($0) }
        let range = value.range
        // Spelled only when reported: most arguments have no problem.
        var mismatch: ArgumentProblem { ArgumentProblem(message: "must be \(type.spelling), not \(shape.spelling)", range: range) }
        switch (type, shape) {
        case (_, .unknown), (_, .null): return []
        case (.string, _): return stringProblems(shape, range: range).map { [$0] } ?? []
        case (.bool, _): return boolProblems(shape, range: range).map { [$0] } ?? []
        case (.int, _): return intProblems(shape, range: range).map { [$0] } ?? []
        case (.stringList, .list): return listElementProblems(target)
        case (.stringList, .string), (.stringList, .scalar):
            guard SemanticChecker.isCommandArgument(key) else { return [] }
            return [commandStringProblem(target, shape: shape, range: range)]
        case (.stringList, .bool), (.stringList, .int), (.stringList, .float):
            var problem = mismatch
            problem.message += "; Kanister would make it a one-element list of its text"
            return [problem]
        case (.map, .map): return mapValueProblems(target)
        case (.object, .map): return []
        default: return [mismatch]
        }
    }

    /// A scalar read as a string.
    func stringProblems(_ shape: ValueShape, range: SourceRange) -> ArgumentProblem? {
        let decoded: String
        switch shape {
        case .list, .map: return ArgumentProblem(message: "must be a string, not \(shape.spelling)", range: range)
        case .bool(let value): decoded = value ? "1" : "0"
        case .int(let text):
            guard let value = GoInteger.parse(text), String(value) != text else { return nil }
            decoded = String(value)
        case .float(let text):
            guard let value = GoFloat.formatted(text), value != text else { return nil }
            decoded = value
        default: return nil
        }
        return ArgumentProblem(
            code: .weakConversion, severity: .warning,
            message: "is \(shape.spelling) where Kanister reads a string; its weak decoding makes it \"\(decoded)\" (write the string you mean)",
            range: range)
    }

    /// A scalar read as a bool.
    func boolProblems(_ shape: ValueShape, range: SourceRange) -> ArgumentProblem? {
        switch shape {
        case .list, .map: return ArgumentProblem(message: "must be a boolean, not \(shape.spelling)", range: range)
        case .string(let text?) where !text.containsTemplateOpen:
            guard !text.isEmpty, GoBool.parse(text) == nil else { return nil }
            let lowered = text.lowercased()
            let meant = ["yes", "y", "on"].contains(lowered) ? "true" : ["no", "n", "off"].contains(lowered) ? "false" : nil
            return ArgumentProblem(
                message: "must be a boolean; Go's strconv.ParseBool rejects \"\(text)\" (it takes 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False)",
                range: range, fixIts: meant.map { [FixIt(range: range, replacement: $0)] } ?? [])
        case .int(let text):
            let isTrue = GoInteger.parse(text).map { $0 != 0 } ?? true
            return numberAsBool(isTrue, shape: shape, range: range)
        case .float(let text):
            return numberAsBool(Double(text).map { $0 != 0 } ?? true, shape: shape, range: range)
        default: return nil
        }
    }

    func numberAsBool(_ isTrue: Bool, shape: ValueShape, range: SourceRange) -> ArgumentProblem {
        ArgumentProblem(
            code: .weakConversion, severity: .warning,
            message: "is \(shape.spelling) where Kanister reads a boolean; its weak decoding makes it \(isTrue) (non-zero is true); write \(isTrue)",
            range: range, fixIts: [FixIt(range: range, replacement: String(isTrue))])
    }

    /// A scalar read as ScaleWorkload reads replicas.
    func intProblems(_ shape: ValueShape, range: SourceRange) -> ArgumentProblem? {
        switch shape {
        case .string(let text?) where !text.containsTemplateOpen:
            guard GoInteger.atoi(text) == nil else { return nil }
            return ArgumentProblem(message: "must be an integer, not \"\(text)\" (Go's strconv.Atoi rejects it)", range: range)
        case .float(let text):
            guard let value = Double(text), value != value.rounded(.towardZero) else { return nil }
            return ArgumentProblem(message: "must be an integer, not \(text)", range: range)
        case .bool, .list, .map: return ArgumentProblem(message: "must be an integer, not \(shape.spelling)", range: range)
        default: return nil
        }
    }

    /// The elements of a list of strings: no lists or maps; numbers and bools change.
    mutating func listElementProblems(_ list: Expr) -> [ArgumentProblem] {
        guard case .list(let elements) = list.kind else { return [] }
        var problems: [ArgumentProblem] = []
        for (index, element) in elements.enumerated() {
            let shape = ValueShape(followingLets(element)) { resolveInAction($0) }
            // A let naming a list or map here may be a let cycle (`let a = [a]`), reported as such.
            if case .identifier = element.kind, case .list = shape { continue }
            if case .identifier = element.kind, case .map = shape { continue }
            guard var problem = stringProblems(shape, range: element.range) else { continue }
            problem.message = "element \(index) " + problem.message
            problems.append(problem)
        }
        return problems
    }

    /// The values of a map of strings: no lists or maps; numbers and bools change.
    mutating func mapValueProblems(_ map: Expr) -> [ArgumentProblem] {
        guard case .map(let entries) = map.kind else { return [] }
        var problems: [ArgumentProblem] = []
        for entry in entries {
            let shape = ValueShape(followingLets(entry.value)) { resolveInAction($0) }
            guard var problem = stringProblems(shape, range: entry.value.range) else { continue }
            problem.message = "value of '\(entry.key.constantText ?? "")' " + problem.message
            problems.append(problem)
        }
        return problems
    }

    /// A single string for a command: Kanister makes it a one-element list, the
    /// program's name. With spaces in a literal that cannot be the intent: an error
    /// with a fix-it to run it through bash.
    func commandStringProblem(_ value: Expr, shape: ValueShape, range: SourceRange) -> ArgumentProblem {
        let hasSpace: (String) -> Bool = { $0.utf8.contains { $0 == 0x20 || (0x09...0x0D).contains($0) } }
        guard case .string(let text?) = shape, !text.containsTemplateOpen, hasSpace(text) else {
            return ArgumentProblem(
                severity: .warning,
                message: "is a single string; Kanister makes it a one-element list (no shell word splitting); write a list such as bash \"...\"",
                range: range)
        }
        var fixIts: [FixIt] = []
        if isYAMLSource {
            fixIts = [FixIt(range: range, replacement: "[\"bash\", \"-c\", \(GoQuote.quote(text))]")]
        } else if case .string = value.kind, value.range == range {
            fixIts = [FixIt(range: SourceRange(range.start, range.start), replacement: "bash ")]
        }
        let spelled = isYAMLSource ? "[bash, -c, \"...\"]" : "bash \"...\""
        return ArgumentProblem(
            code: .commandWords,
            message: "is one string with spaces; Kanister runs it as a single program name (\"\(text)\"), without a shell; write \(spelled) or a list of words",
            range: range, fixIts: fixIts)
    }

    /// BP2030 for the nulls in a value the general walk does not visit.
    mutating func reportNulls(in value: Expr) {
        switch value.kind {
        case .null: report(.nullValue, "a null value makes Kanister's argument renderer panic; leave the key out instead", at: value.range)
        case .list(let elements): for element in elements { reportNulls(in: element) }
        case .map(let entries): for entry in entries { reportNulls(in: entry.value) }
        case .parenthesized(let inner): reportNulls(in: inner)
        default: break
        }
    }

    /// Wait and WaitV2 read `timeout` with time.ParseDuration; WaitV2 never renders it.
    mutating func checkWaitTimeout(_ value: Expr, isV2: Bool) {
        let shape = ValueShape(followingLets(value)) { resolveInAction($0) }
        let text: String
        switch shape {
        case .string(let literal?) where !literal.containsTemplateOpen: text = literal
        case .string, .scalar:
            guard isV2 else { return }
            report(
                .badDuration, "WaitV2 does not render templates in 'timeout': Kanister parses the text as it is; give a duration such as \"10m\"",
                at: value.range)
            return
        case .int(let literal): text = GoInteger.parse(literal).map(String.init) ?? literal
        case .float(let literal): text = GoFloat.formatted(literal) ?? literal
        default: return
        }
        if case .failure(let error) = GoDuration.parse(text) {
            report(.badDuration, "'timeout' is not a Go duration: \(error.message); write it like \"30s\", \"10m\" or \"1h30m\"", at: value.range)
        }
    }

    /// kcheck's checkWaitConditions on the shape: `{ anyOf: [...], allOf: [...] }`,
    /// each item a map with `objectReference` (a map) and `condition` (a string);
    /// keys are matched in any case, as Kanister's JSON decoding does.
    mutating func checkWaitConditions(_ conditions: Expr, isV2: Bool) {
        guard case .map(let groups) = conditions.kind else { return }
        var count = 0
        for group in groups {
            let name = group.key.constantText ?? ""
            guard ["anyof", "allof"].contains(name.lowercased()) else {
                report(.waitConditions, "conditions.\(name) is ignored: Wait reads only anyOf and allOf", at: group.key.range, severity: .warning)
                continue
            }
            let items = followingLets(group.value)
            guard case .list(let elements) = items.kind else {
                let shape = ValueShape(items) { resolveInAction($0) }
                if case .unknown = shape { continue }
                report(.waitConditions, "conditions.\(name) must be a list of conditions, not \(shape.spelling)", at: group.value.range)
                continue
            }
            for element in elements {
                guard case .map(let fields) = followingLets(element).kind else {
                    report(.waitConditions, "a condition of \(name) must be a map with objectReference and condition", at: element.range)
                    continue
                }
                count += 1
                checkWaitCondition(fields, at: element.range, isV2: isV2)
            }
        }
        if count == 0 {
            report(.waitConditions, "conditions has no anyOf or allOf condition; the wait can never succeed", at: conditions.range)
        }
    }

    /// One `{ objectReference: {...}, condition: "..." }`.
    mutating func checkWaitCondition(_ fields: [MapEntry], at range: SourceRange, isV2: Bool) {
        var hasCondition = false
        for field in fields {
            let name = field.key.constantText ?? ""
            let shape = ValueShape(followingLets(field.value)) { resolveInAction($0) }
            switch name.lowercased() {
            case "condition":
                switch shape {
                case .string(let text):
                    hasCondition = true
                    if text == "" {
                        report(.waitConditions, "condition is empty, which is never true; the wait can never succeed", at: field.value.range)
                    } else if let text {
                        checkConditionTemplate(text, isV2: isV2, at: field.value.range)
                        if !isV2 { checkWaitConditionData(text, value: field.value) }
                    }
                case .scalar, .unknown: hasCondition = true
                default: report(.waitConditions, "condition must be a string, not \(shape.spelling)", at: field.value.range)
                }
            case "objectreference":
                guard case .map(let references) = followingLets(field.value).kind else {
                    if case .unknown = shape { continue }
                    report(.waitConditions, "objectReference must be a map, not \(shape.spelling)", at: field.value.range)
                    continue
                }
                let known = ["apiVersion", "group", "resource", "kind", "name", "namespace"]
                for reference in references {
                    let key = reference.key.constantText ?? ""
                    guard !known.contains(where: { $0.lowercased() == key.lowercased() }) else { continue }
                    report(
                        .waitConditions, "objectReference.\(key) is ignored (not an ObjectReference field)\(Suggestions.hint(for: key, in: known))",
                        at: reference.key.range, severity: .warning)
                }
            default:
                let hint = Suggestions.hint(for: name, in: ["objectReference", "condition"])
                let message = "\(name) is ignored: a condition has only objectReference and condition\(hint)"
                report(.waitConditions, message, at: field.key.range, severity: .warning)
            }
        }
        if !hasCondition {
            report(.waitConditions, "this condition has no 'condition'; Wait needs one", at: range)
        }
    }

    /// The functions of a kubectl go-template: Go's builtins, `exists` and `base64decode`.
    static let kubectlTemplateFunctions = TemplateFunctions.goBuiltins.union(["exists", "base64decode"])

    /// WaitV2 runs a condition as a kubectl go-template (Go's builtins, `exists` and
    /// `base64decode`), and one that does not parse never succeeds. (Wait renders
    /// its conditions like any argument, so the template checks cover them, and
    /// then executes them without data: `checkWaitConditionData`.)
    mutating func checkConditionTemplate(_ text: String, isV2: Bool, at range: SourceRange) {
        guard isV2 else { return }
        if case .failure(let error) = GoTemplate.parse(text, functions: SemanticChecker.kubectlTemplateFunctions, name: "output") {
            report(.waitConditions, "WaitV2's condition is not a kubectl go-template (\(error.message)); the wait would never succeed", at: range)
        }
    }
}
