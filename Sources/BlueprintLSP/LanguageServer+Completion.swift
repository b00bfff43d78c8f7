// Completion by context, read from the tokens around the cursor (so it works in
// an unfinished phase whatever the parser made of it): function names after
// `phase NAME:`, argument names in a call body, members after `x.`, Go-template
// fields and functions inside strings, names in value position.

import BlueprintSema
import BlueprintSyntax

/// One completion candidate.
struct CompletionCandidate {
    var label: String
    /// LSP CompletionItemKind.
    var kind: Int
    var detail: String?
    var documentation: String?
    var sortGroup = 1

    var json: JSONValue {
        var fields: [(String, JSONValue)] = [("label", .string(label)), ("kind", .int(kind)), ("sortText", .string("\(sortGroup)-\(label)"))]
        if let detail { fields.append(("detail", .string(detail))) }
        if let documentation { fields.append(("documentation", .object([("kind", .string("markdown")), ("value", .string(documentation))]))) }
        return .object(fields)
    }
}

extension LanguageServer {
    func complete(_ params: JSONValue) throws -> JSONValue {
        let uri = try openDocument(params)
        let offset = try requestOffset(params, in: uri)
        guard let document = documents[uri], !document.text.isYAML else { return .object([("isIncomplete", .bool(false)), ("items", .array([]))]) }
        let table = documents[uri]?.analysis?.table()
        let context = CompletionContext(file: document.text.file, offset: offset)
        let candidates = candidates(for: context, table: table)
        let prefix = context.prefix.lowercased()
        var seen: Set<String> = []
        let items = candidates.filter { ($0.label.lowercased().hasPrefix(prefix)) && seen.insert($0.label).inserted }.map(\.json)
        return .object([("isIncomplete", .bool(false)), ("items", .array(items))])
    }

    func candidates(for context: CompletionContext, table: SymbolTable?) -> [CompletionCandidate] {
        let action = context.actionName.flatMap { name in table?.actions.first { $0.name == name } }
        if context.isInString {
            if context.isInTemplate { return templateCandidates(context.templatePath, action: action, table: table) }
            guard context.isInInterpolation else { return [] }
            if !context.chain.isEmpty { return memberCandidates(context.chain, action: action, table: table) }
            return valueCandidates(action: action, table: table) + LanguageServer.templateFunctionCandidates
        }
        if !context.chain.isEmpty { return memberCandidates(context.chain, action: action, table: table) }
        if context.isAfterPhaseColon { return functionCandidates(table: table) }
        if context.isAtClause { return LanguageServer.clauseCandidates.filter { !context.clausesGiven.contains($0.label) } }
        switch context.block {
        case .phaseBody(let callee, let given) where context.isAtItemStart:
            return argumentCandidates(callee: callee, given: given, table: table)
        case .actionBody where context.isAtItemStart:
            return ["phase", "parallel", "finally", "input", "output", "secret", "configmap", "let"].map {
                CompletionCandidate(label: $0, kind: 14, detail: "keyword")
            }
        case .topLevel where context.isAtItemStart:
            return ["blueprint", "import", "let", "def", "action"].map { CompletionCandidate(label: $0, kind: 14, detail: "keyword") }
        default:
            return valueCandidates(action: action, table: table)
        }
    }

    /// The clauses that may follow a phase's call (the grammar's PhaseClause).
    static let clauseCandidates = [
        ("retry", "retry N: run the phase again up to N times when it fails (bpc run; not in the YAML)"),
        ("timeout", "timeout DURATION: fail the phase after this long (bpc run; not in the YAML)"),
        ("when", "when CONDITION: run the phase only when the condition holds"),
        ("undo", "undo NAME or undo Function { ... }: the compensation run when a later phase fails"),
        ("unnamed", "unnamed: the YAML leaves the phase's name out"),
    ].map { CompletionCandidate(label: $0.0, kind: 14, detail: "clause", documentation: $0.1) }

    func functionCandidates(table: SymbolTable?) -> [CompletionCandidate] {
        var result = BlueprintFacts.catalog.functions.values.sorted { $0.name < $1.name }.map { spec in
            CompletionCandidate(label: spec.name, kind: 3, detail: spec.summary ?? "Kanister function", documentation: BlueprintFacts.functionDoc(spec))
        }
        for def in (table?.defs.values.map { $0 } ?? []).sorted(by: { $0.name.text < $1.name.text }) {
            result.append(CompletionCandidate(label: def.name.text, kind: 3, detail: "def = \(def.call.callee.text)", sortGroup: 0))
        }
        return result
    }

    func argumentCandidates(callee: String, given: Set<String>, table: SymbolTable?) -> [CompletionCandidate] {
        var name = callee
        if let def = table?.defs[callee] { name = def.call.callee.text }
        guard let spec = BlueprintFacts.catalog.function(name) else { return [] }
        var result = BlueprintFacts.arguments(of: spec).filter { !given.contains($0.name) }.map { argument in
            CompletionCandidate(
                label: argument.name, kind: 5, detail: "\(argument.type.spelling), \(argument.required ? "required" : "optional")",
                documentation: BlueprintFacts.argumentLine(argument), sortGroup: argument.required ? 0 : 1)
        }
        if !given.contains("objects") { result.append(CompletionCandidate(label: "objects", kind: 14, detail: "objects { name: Secret(...) }", sortGroup: 2)) }
        if spec.userOutputs, !given.contains("outputs") {
            result.append(CompletionCandidate(label: "outputs", kind: 14, detail: "outputs [key, ...]", sortGroup: 2))
        }
        return result
    }

    func valueCandidates(action: ActionInfo?, table: SymbolTable?) -> [CompletionCandidate] {
        var result: [CompletionCandidate] = []
        if let action {
            for name in action.lets.keys.sorted() { result.append(CompletionCandidate(label: name, kind: 6, detail: "let", sortGroup: 0)) }
            for phase in action.phases {
                result.append(CompletionCandidate(label: phase.name, kind: 23, detail: "phase: \(phase.decl.call.callee.text)", sortGroup: 0))
            }
            for input in action.inputs { result.append(CompletionCandidate(label: input.text, kind: 7, detail: "input artifact", sortGroup: 0)) }
            for secret in action.secrets { result.append(CompletionCandidate(label: secret.text, kind: 22, detail: "secret", sortGroup: 0)) }
            for configMap in action.configMaps { result.append(CompletionCandidate(label: configMap.text, kind: 22, detail: "configmap", sortGroup: 0)) }
        }
        for name in (table?.lets.keys.sorted() ?? []) { result.append(CompletionCandidate(label: name, kind: 6, detail: "let", sortGroup: 0)) }
        for name in (table?.defs.keys.sorted() ?? []) { result.append(CompletionCandidate(label: name, kind: 3, detail: "def", sortGroup: 1)) }
        for root in BlueprintFacts.catalog.templateRoots {
            result.append(CompletionCandidate(label: root, kind: 9, detail: "template parameter", sortGroup: 1))
        }
        result.append(CompletionCandidate(label: "option", kind: 3, detail: "option(\"name\", default: ...)", sortGroup: 1))
        return result
    }

    static let templateFunctionCandidates: [CompletionCandidate] = TemplateFunctions.kanister.sorted().map {
        CompletionCandidate(label: $0, kind: 3, detail: TemplateFunctions.goBuiltins.contains($0) ? "Go template builtin" : "sprig function", sortGroup: 2)
    }

    /// After `root.a.b.`: the members of the value the chain names.
    func memberCandidates(_ chain: [String], action: ActionInfo?, table: SymbolTable?) -> [CompletionCandidate] {
        guard let root = chain.first, let table else { return [] }
        let field = { (label: String, detail: String) in CompletionCandidate(label: label, kind: 5, detail: detail) }
        switch table.resolve(root, in: action) {
        case .phase(let phase):
            if chain.count == 1 { return [field("output", "the phase's outputs"), field("secrets", "the phase's objects")] }
            if chain.count == 2, chain[1] == "output" {
                return BlueprintFacts.outputs(of: phase.decl.call, table: table).keys.map { field($0, "output of \(phase.name)") }
            }
            if chain.count == 2, chain[1] == "secrets" {
                var names: [String] = []
                for case .objects(let block) in phase.decl.call.body?.items ?? [] { names += block.entries.compactMap(\.key.constantText) }
                return names.map { field($0, "object of \(phase.name)") }
            }
            return []
        case .inputArtifact(let name):
            if chain.count == 1 { return [field("KeyValue", "the artifact's keyValue map"), field("KopiaSnapshot", "the artifact's Kopia snapshot")] }
            guard chain.count == 2, chain[1] == "KeyValue" else { return [] }
            return BlueprintFacts.artifactKeys(name.text, table: table, action: action).map { field($0, "key of artifact \(name.text)") }
        case .secret: return chain.count == 1 ? ["Data", "StringData", "Type"].map { field($0, "Secret field") } : []
        case .configMap: return chain.count == 1 ? [field("Data", "ConfigMap data")] : []
        case .templateRoot:
            return BlueprintFacts.fields(of: KanisterCatalog.type(of: chain)).map { name in
                field(name, BlueprintFacts.spelling(KanisterCatalog.type(of: chain + [name])))
            }
        default: return []
        }
    }

    /// Inside `{{ }}`: after `.A.B.` the fields there, else template functions and roots.
    func templateCandidates(_ path: [String]?, action: ActionInfo?, table: SymbolTable?) -> [CompletionCandidate] {
        guard let path else {
            return LanguageServer.templateFunctionCandidates
        }
        let field = { (label: String, detail: String) in CompletionCandidate(label: label, kind: 5, detail: detail) }
        guard let root = path.first else {
            return BlueprintFacts.catalog.templateRoots.map { field($0, "template parameter") }
        }
        switch root {
        case "Phases":
            guard let action else { return [] }
            if path.count == 1 { return action.phases.map { field($0.name, "phase: \($0.decl.call.callee.text)") } }
            guard let phase = action.phase(named: path[1]) else { return [] }
            if path.count == 2 { return [field("Output", "the phase's outputs"), field("Secrets", "the phase's objects")] }
            if path.count == 3, path[2] == "Output" {
                return BlueprintFacts.outputs(of: phase.decl.call, table: table).keys.map { field($0, "output of \(phase.name)") }
            }
            return []
        case "ArtifactsIn", "ArtifactsOut":
            let names = root == "ArtifactsIn" ? (action?.inputs.map(\.text) ?? []) : (action?.outputs.map(\.name.text) ?? [])
            if path.count == 1 { return names.map { field($0, "artifact") } }
            if path.count == 2 { return [field("KeyValue", "keyValue map"), field("KopiaSnapshot", "Kopia snapshot")] }
            if path.count == 3, path[2] == "KeyValue" {
                return BlueprintFacts.artifactKeys(path[1], table: table, action: action).map { field($0, "key of \(path[1])") }
            }
            return []
        default:
            let type = KanisterCatalog.type(of: path)
            return BlueprintFacts.fields(of: type).map { field($0, BlueprintFacts.spelling(KanisterCatalog.type(of: path + [$0]))) }
        }
    }
}
