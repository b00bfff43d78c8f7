// Lowering from the checked syntax tree to the Kanister model: actions,
// phases (defs expanded), objects, artifacts and argument values, with every
// expression turned into the equivalent Go template.

import BlueprintSema
import BlueprintSyntax

/// Codes of lowering: BP3xxx.
extension DiagnosticCode {
    public static let missingBlueprint = DiagnosticCode("BP3001")
    public static let unknownName = DiagnosticCode("BP3002")
    public static let notAnOperand = DiagnosticCode("BP3003")
    public static let letCycle = DiagnosticCode("BP3004")
    public static let badObject = DiagnosticCode("BP3008")
    public static let badOutput = DiagnosticCode("BP3009")
    /// Retired: retry and timeout are for `bpc run`; the YAML's header names the
    /// phases that have them (no warning, since writing them is not a mistake).
    public static let runtimeOnly = DiagnosticCode("BP3010")
    public static let badReference = DiagnosticCode("BP3011")
    public static let badOption = DiagnosticCode("BP3012")
}

public struct Lowering {
    let table: SymbolTable
    /// The action being lowered; nil for the blueprint's metadata.
    var action: ActionInfo? {
        didSet {
            symbols = [:]
            memberTemplates = [:]
        }
    }
    /// The templates of `Root.member` where Root resolves to a template root in `action`.
    var memberTemplates: [MemberKey: String] = [:]
    /// What names resolve to in `action` (the table and the action do not change).
    var symbols: [String: Symbol] = [:]
    var reported = DiagnosticList()
    var diagnostics: [Diagnostic] { reported.items }
    /// Lets being expanded, to catch `let a = b` / `let b = a`.
    var letStack: [String] = []
    /// The named inline compensation being lowered: it may read its own objects.
    var compensationName: String?
    /// Lowered values of lets, by "action NUL let".
    var letValues: [LetKey: KanisterValue] = [:]

    public init(table: SymbolTable) {
        self.table = table
    }

    /// Lowers a whole blueprint.
    public static func lower(_ table: SymbolTable, sourcePath: String?) -> (KanisterBlueprint, [Diagnostic]) {
        var lowering = Lowering(table: table)
        let blueprint = lowering.lowerBlueprint(sourcePath: sourcePath)
        return (blueprint, lowering.diagnostics)
    }

    /// What `name` refers to in the current action; `table.resolve`, remembered.
    mutating func resolve(_ name: String) -> Symbol {
        if let symbol = symbols[name] { return symbol }
        let symbol = table.resolve(name, in: action)
        symbols[name] = symbol
        return symbol
    }

    /// Records a diagnostic once: a let or def expanded at several places
    /// would otherwise report the same problem at each use.
    mutating func report(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange, severity: Severity = .error, notes: [DiagnosticNote] = []
    ) {
        reported.append(Diagnostic(code, severity, message, at: range, notes: notes))
    }

    mutating func lowerBlueprint(sourcePath: String?) -> KanisterBlueprint {
        guard let (name, metadata) = lowerMetadata() else {
            return KanisterBlueprint(name: "", metadata: [], actions: [], sourcePath: sourcePath)
        }
        let actions = table.actions.map { lowerAction($0) }
        return KanisterBlueprint(name: name, metadata: metadata, actions: actions, sourcePath: sourcePath)
    }

    /// The blueprint's name and other metadata, or nil after reporting that it has none.
    mutating func lowerMetadata() -> (name: String, metadata: [KanisterEntry])? {
        guard let decl = table.blueprint else {
            report(.missingBlueprint, "missing 'blueprint NAME' declaration; it gives metadata.name", at: SourceRange(0, 0))
            return nil
        }
        var metadata: [KanisterEntry] = []
        for entry in decl.metadata ?? [] {
            metadata.append(KanisterEntry(lowerKey(entry.key), lowerValue(entry.value)))
        }
        return (decl.name.text, metadata)
    }

    mutating func lowerAction(_ info: ActionInfo) -> KanisterAction {
        action = info
        defer { action = nil }
        var result = lowerActionFields(info)
        let main = info.mainPhases
        if !main.isEmpty { result.phases = main.map { lowerPhase($0.decl) } }
        if let finallyPhase = info.finallyPhase { result.deferPhase = lowerPhase(finallyPhase.decl) }
        return result
    }

    /// The action's fields other than its phases; expects `action` to be set.
    mutating func lowerActionFields(_ info: ActionInfo) -> KanisterAction {
        var result = KanisterAction(name: info.name, kind: info.decl.kind?.text)
        if !info.inputs.isEmpty { result.inputArtifactNames = info.inputs.map(\.text) }
        if !info.secrets.isEmpty { result.secretNames = info.secrets.map(\.text) }
        if !info.configMaps.isEmpty { result.configMapNames = info.configMaps.map(\.text) }
        if !info.outputs.isEmpty { result.outputArtifacts = info.outputs.map { lowerArtifact($0) } }
        return result
    }

    mutating func lowerPhase(_ decl: PhaseDecl) -> KanisterPhase {
        lowerExpandedPhase(decl).phase
    }

    /// The phase and its clauses (undo, retry, timeout) after def expansion.
    mutating func lowerExpandedPhase(_ decl: PhaseDecl, expanded given: ExpandedCall? = nil) -> (phase: KanisterPhase, clauses: [PhaseClause]) {
        let (expanded, expansionProblems) = given.map { ($0, []) } ?? table.expand(decl.call)
        for problem in expansionProblems { report(problem.code, problem.message, at: problem.range) }
        var phase = KanisterPhase(function: expanded.function.text, name: decl.name.text, objects: [], args: [])
        phase.isUnnamed = decl.call.isUnnamed
        var arguments: [MapEntry] = []
        for item in expanded.items {
            switch item {
            case .argument(let entry):
                arguments.append(entry)
            case .objects(let block):
                for entry in block.entries {
                    phase.objects.append((lowerKey(entry.key), lowerObject(entry.value)))
                }
            case .outputs(let decl):
                phase.declaredOutputs += decl.names.map(\.text)
            }
        }
        phase.args = lowerEntries(arguments)
        if !phase.declaredOutputs.isEmpty { phase.declaredOutputs = Lowering.unprinted(phase.declaredOutputs, by: phase) }
        return (phase, expanded.clauses)
    }

    /// The declared output keys that the phase's collected command does not print
    /// literally (`OutputInference`), in declaration order, each once.
    static func unprinted(_ declared: [String], by phase: KanisterPhase) -> [String] {
        let collected = OutputInference.collectedArgument(of: phase.function)
        var printed: Set<String> = []
        if let command = phase.args.first(where: { $0.key == collected })?.value {
            for text in command.strings { printed.formUnion(OutputInference.keys(in: text).keys) }
        }
        var seen: Set<String> = []
        return declared.filter { !printed.contains($0) && seen.insert($0).inserted }
    }

    /// `name: Kind(name: ..., namespace: ...)` or a map of ObjectReference fields.
    mutating func lowerObject(_ expr: Expr) -> KanisterObjectReference {
        var fields: [(key: String, value: String)] = []
        switch expr.kind {
        case .call(let callee, let arguments):
            guard case .identifier(let kind) = callee.kind else {
                report(.badObject, "an object is written Kind(name: ..., namespace: ...)", at: expr.range)
                return KanisterObjectReference(fields: [])
            }
            fields.reserveCapacity(arguments.count + 1)
            fields.append(("kind", kind))
            for argument in arguments {
                guard let label = argument.label else {
                    report(.badObject, "object fields are labelled: name: ..., namespace: ...", at: argument.range)
                    continue
                }
                fields.append((label.text, lowerScalarString(argument.value)))
            }
        case .map(let entries):
            for entry in entries { fields.append((lowerKey(entry.key), lowerScalarString(entry.value))) }
        default:
            report(.badObject, "an object is written Kind(name: ..., namespace: ...) or { kind: ..., name: ... }", at: expr.range)
        }
        return KanisterObjectReference(fields: fields)
    }

    /// `output NAME = kopia(expr) { key: value }`
    mutating func lowerArtifact(_ decl: OutputDecl) -> KanisterArtifact {
        var artifact = KanisterArtifact(name: decl.name.text)
        if let value = decl.value {
            if case .call(let callee, let arguments) = value.kind, case .identifier("kopia") = callee.kind,
                arguments.count == 1, arguments[0].label == nil
            {
                artifact.kopiaSnapshot = lowerScalarString(arguments[0].value)
            } else {
                report(.badOutput, "an output's value is kopia(snapshot); key-value pairs go in { ... }", at: value.range)
            }
        }
        if let entries = decl.keyValues {
            artifact.keyValue = entries.map { KanisterEntry(lowerKey($0.key), .string(lowerScalarString($0.value))) }
        }
        return artifact
    }

    func lowerKeyText(_ key: MapKey) -> String? { key.constantText }
}
