// Conditional phases (`when EXPR`): the condition is a boolean expression,
// the phase's function can be skipped in Kanister YAML, and a possibly skipped
// phase's outputs are read only by phases guarded by the same condition.

import BlueprintSyntax

/// A read of a phase's output, kept for the guard check.
struct OutputRead {
    var target: String
    var key: String?
    var range: SourceRange
    /// The reading phase; nil for the action's output artifacts.
    var reader: String?
    /// In a `command`-like argument, which Kanister renders only when the phase runs.
    var isCommand: Bool
    var isCondition: Bool
}

extension SemanticChecker {
    /// Functions whose Kanister YAML phase can be skipped: they run a command, which
    /// `bpc compile` wraps so that it exits 0 without running when the condition is false.
    public static let conditionalFunctions: Set<String> = ["KubeTask", "KubeExec", "KubeExecAll", "MultiContainerRun", "PrepareData"]

    /// Template functions whose result is a boolean.
    static let booleanFunctions: Set<String> = [
        "eq", "ne", "lt", "le", "gt", "ge", "not", "hasPrefix", "hasSuffix", "contains", "empty", "hasKey", "regexMatch",
        "mustRegexMatch", "semverCompare", "kindIs", "typeIs", "typeIsLike", "deepEqual", "isAbs",
    ]

    mutating func checkCondition(_ condition: Expr, clauseRange: SourceRange, of phase: PhaseInfo) {
        if let previous = context.conditions[phase.name] {
            report(
                .badCondition, "phase '\(phase.name)' has two 'when' conditions; join them with and(...)", at: clauseRange,
                notes: [DiagnosticNote("the first one is here", range: previous.range)])
            return
        }
        context.conditions[phase.name] = condition
        context.isCondition = true
        context.isFunctionInput = true
        checkExpression(condition)
        context.isFunctionInput = false
        context.isCondition = false
        if case .error = condition.kind { return }
        if let problem = booleanProblem(condition, depth: 0) {
            let text = sourceText(condition.range)
            report(
                .badCondition, "the condition of phase '\(phase.name)' must be a boolean, but \(problem)", at: condition.range,
                notes: [DiagnosticNote("Go templates treat any non-empty value as true; compare it to say what you mean")],
                fixIts: text.map { [FixIt(range: condition.range, replacement: "eq(\($0), \"true\")")] } ?? [])
        }
        checkConditionalFunction(phase, clauseRange: clauseRange)
    }

    /// A phase whose function runs no command cannot be skipped in the YAML.
    mutating func checkConditionalFunction(_ phase: PhaseInfo, clauseRange: SourceRange) {
        let function = expansion(of: phase).function.text
        guard !function.isEmpty, target.functions[function] != nil, !target.supportsPhaseConditions,
            !Self.conditionalFunctions.contains(function)
        else { return }
        let message =
            "phase '\(phase.name)' calls \(function), which runs no command, so the Kanister YAML cannot skip it; "
            + "do the step in a KubeTask (or KubeExec) that runs its command under 'when', or move it to an action "
            + "of its own and choose the action when you create the ActionSet"
        report(
            .conditionalFunction, message, at: clauseRange,
            notes: [DiagnosticNote("phases that can be skipped: " + Self.conditionalFunctions.sorted().joined(separator: ", "))])
    }

    /// Why `expr` is not a boolean, or nil when it is one.
    mutating func booleanProblem(_ expr: Expr, depth: Int) -> String? {
        guard depth < 32 else { return nil }
        switch expr.kind {
        case .bool: return nil
        case .parenthesized(let inner): return booleanProblem(inner, depth: depth + 1)
        case .call(let callee, let arguments):
            guard case .identifier(let name) = callee.kind else { return "it is a call of a computed function" }
            if name == "and" || name == "or" {
                // Go's and/or return one of their arguments.
                for argument in arguments {
                    if let problem = booleanProblem(argument.value, depth: depth + 1) { return "an argument of \(name) is not: \(problem)" }
                }
                return nil
            }
            return Self.booleanFunctions.contains(name) ? nil : "\(name)(...) does not return one"
        case .pipe(_, let rhs):
            if case .identifier(let name) = rhs.kind { return Self.booleanFunctions.contains(name) ? nil : "'| \(name)' does not return one" }
            if case .call(let callee, _) = rhs.kind, case .identifier(let name) = callee.kind {
                return Self.booleanFunctions.contains(name) ? nil : "'| \(name)' does not return one"
            }
            return "the pipeline does not end in a boolean function"
        case .identifier(let name):
            if case .constant(let decl) = table.resolve(name, in: context.action) {
                return booleanProblem(decl.value, depth: depth + 1).map { "let '\(name)' is not: \($0)" }
            }
            return "'\(name)' is not a boolean"
        case .member, .index: return "it reads a value (a string); options and outputs are text"
        case .string, .bash: return "it is a string"
        case .int, .float, .duration: return "it is a number"
        case .null: return "it is null"
        case .list, .map: return "it is a list or a map"
        case .error: return nil
        }
    }

    func sourceText(_ range: SourceRange) -> String? {
        let bytes = main.file.bytes
        guard range.start >= 0, range.end <= bytes.count, range.start < range.end else { return nil }
        return String(decoding: bytes[range.start..<range.end], as: UTF8.self)
    }

    /// A read of a conditional phase's output must be guarded: from a phase with the
    /// same condition (or `and(...)` of it and more), in a command argument (which
    /// Kanister renders only inside the skip wrapper). Anything else reads an output
    /// that may be absent, which fails the render.
    mutating func checkConditionalReads() {
        let conditions = context.conditions
        guard !conditions.isEmpty else { return }
        for read in context.outputReads {
            guard let condition = conditions[read.target] else { continue }
            let what = "output \(read.key.map { "'\($0)' " } ?? "")of phase '\(read.target)'"
            var problem: String?
            if read.isCondition {
                problem = "a 'when' condition reads \(what), which is absent when '\(read.target)' is skipped"
            } else if let reader = read.reader {
                if !Self.implies(conditions[reader], condition) {
                    problem = "phase '\(reader)' reads \(what), which is absent when '\(read.target)' is skipped; give '\(reader)' the same 'when'"
                } else if !read.isCommand {
                    problem =
                        "phase '\(reader)' reads \(what) outside its command; Kanister renders that before it can skip the phase, "
                        + "so read it in the command"
                }
            } else {
                problem = "an output artifact reads \(what), which is absent when '\(read.target)' is skipped"
            }
            guard let problem else { continue }
            report(
                .unguardedRead, problem, at: read.range,
                notes: [DiagnosticNote("'\(read.target)' runs only when this holds", range: condition.range)])
        }
    }

    /// Whether `reader` (a phase's condition) implies `condition`: the same
    /// expression, or an `and(...)` with it among its arguments.
    static func implies(_ reader: Expr?, _ condition: Expr) -> Bool {
        guard let reader else { return false }
        if reader.isSameExpression(as: condition) { return true }
        if case .call(let callee, let arguments) = reader.kind, case .identifier("and") = callee.kind {
            return arguments.contains { implies($0.value, condition) }
        }
        if case .parenthesized(let inner) = reader.kind { return implies(inner, condition) }
        return false
    }
}

extension Expr {
    /// Structural equality that ignores source ranges (a def's copy of a condition
    /// equals the one written in the phase).
    func isSameExpression(as other: Expr) -> Bool {
        switch (kind, other.kind) {
        case (.identifier(let a), .identifier(let b)): return a == b
        case (.string(let a), .string(let b)), (.bash(let a), .bash(let b)):
            guard let a = a.constantText, let b = b.constantText else { return false }
            return a == b
        case (.int(let a), .int(let b)), (.float(let a), .float(let b)), (.duration(let a), .duration(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        case (.null, .null): return true
        case (.list(let a), .list(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.isSameExpression(as: $1) }
        case (.member(let a, let m), .member(let b, let n)): return m.text == n.text && a.isSameExpression(as: b)
        case (.index(let a, let k), .index(let b, let l)): return a.isSameExpression(as: b) && k.isSameExpression(as: l)
        case (.call(let f, let a), .call(let g, let b)):
            return f.isSameExpression(as: g) && a.count == b.count
                && zip(a, b).allSatisfy { $0.label?.text == $1.label?.text && $0.value.isSameExpression(as: $1.value) }
        case (.pipe(let a, let c), .pipe(let b, let d)): return a.isSameExpression(as: b) && c.isSameExpression(as: d)
        case (.parenthesized(let a), .parenthesized(let b)): return a.isSameExpression(as: b)
        default: return false
        }
    }
}

extension DiagnosticCode {
    /// A `when` condition that is not a boolean, or a second one.
    public static let badCondition = DiagnosticCode("BP2075")
    /// A possibly skipped phase's output read where it may be absent.
    public static let unguardedRead = DiagnosticCode("BP2076")
    /// `when` on a phase whose function the Kanister YAML cannot skip.
    public static let conditionalFunction = DiagnosticCode("BP2077")
}
