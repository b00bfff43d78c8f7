// Hover: a diagnostic's code and explanation, a function's documentation, an
// argument's type, and the type of the name under the cursor (a let's value, a
// phase's outputs, an artifact's keys, a template parameter's fields).

import BlueprintSema
import BlueprintSyntax

extension LanguageServer {
    func hover(_ params: JSONValue) throws -> JSONValue {
        let uri = try openDocument(params)
        let offset = try requestOffset(params, in: uri)
        guard let document = documents[uri], let analysis = document.analysis else { return .null }
        var parts: [String] = []
        var range: SourceRange?
        for diagnostic in analysis.diagnostics where diagnostic.range.start <= offset && offset <= max(diagnostic.range.end, diagnostic.range.start + 1) {
            var text = "**\(diagnostic.code)** \(diagnostic.severity.rawValue): \(diagnostic.message)"
            if let explanation = configuration.explain(diagnostic.code.rawValue) { text += "\n\n" + explanation }
            parts.append(text)
            range = range ?? diagnostic.range
        }
        if let (text, at) = describeSymbol(at: offset, uri: uri) {
            parts.append(text)
            range = at
        }
        guard !parts.isEmpty else { return .null }
        var fields: [(String, JSONValue)] = [
            ("contents", .object([("kind", .string("markdown")), ("value", .string(parts.joined(separator: "\n\n---\n\n")))]))
        ]
        if let range { fields.append(("range", document.text.range(range))) }
        return .object(fields)
    }

    /// The description of what is at `offset`: a callee, an argument name, a name chain or a definition.
    func describeSymbol(at offset: Int, uri: String) -> (String, SourceRange)? {
        guard let index = documents[uri]?.analysis?.index(), let table = documents[uri]?.analysis?.table(),
            let document = documents[uri]
        else { return nil }
        let contains = { (range: SourceRange) in range.start <= offset && offset <= range.end }
        for site in index.calls {
            let call = site.call
            if contains(call.callee.range) {
                if let spec = BlueprintFacts.catalog.function(call.callee.text) { return (BlueprintFacts.functionDoc(spec), call.callee.range) }
                if let def = table.defs[call.callee.text] {
                    let parameters = def.parameters.map { "(" + $0.map(\.text).joined(separator: ", ") + ")" } ?? ""
                    return ("**def \(def.name.text)\(parameters)** = \(def.call.callee.text)", call.callee.range)
                }
            }
            guard let spec = BlueprintFacts.catalog.function(call.callee.text), call.body.map({ contains($0.range) }) ?? false else { continue }
            for case .argument(let entry) in call.body?.items ?? [] where contains(entry.key.range) {
                guard let name = entry.key.constantText, let argument = spec.argument(name) else { continue }
                return ("argument of **\(spec.name)**: " + BlueprintFacts.argumentLine(argument), entry.key.range)
            }
        }
        for chain in index.chains {
            for (position, range) in chain.ranges.enumerated() where contains(range) {
                let action = table.actions.first { $0.name == chain.action }
                if let text = describe(chain, upTo: position, table: table, action: action, file: document.text.file) { return (text, range) }
            }
        }
        if let occurrence = index.occurrence(at: offset, in: document.text.path) {
            let action = table.actions.first { occurrence.key.actionName == $0.name }
            let chain = NameChain(path: [occurrence.key.name], ranges: [occurrence.range], action: action?.name, isTemplate: false)
            switch occurrence.key {
            case .constant, .phase:
                if let text = describe(chain, upTo: 0, table: table, action: action, file: document.text.file) { return (text, occurrence.range) }
            case .artifact(let name):
                return (BlueprintFacts.artifactDescription(name, table: table, action: action), occurrence.range)
            case .definition(let name):
                if let def = table.defs[name] { return ("**def \(name)** = \(def.call.callee.text)", occurrence.range) }
            case .importFile(let path):
                return ("import of `\(path)`", occurrence.range)
            }
        }
        return nil
    }

    /// What `chain.path[0...position]` is.
    func describe(_ chain: NameChain, upTo position: Int, table: SymbolTable, action: ActionInfo?, file: SourceFile) -> String? {
        var path = Array(chain.path[0...position])
        if chain.isTemplate {
            guard let root = path.first else { return nil }
            switch root {
            case "Phases" where path.count >= 2:
                path = [path[1]] + path.dropFirst(2).map { $0 == "Output" ? "output" : $0 }
                guard let phase = action?.phase(named: path[0]) else { return "phase `\(path[0])` (not in this action)" }
                return describePhase(phase, path: path, table: table)
            case "ArtifactsIn" where path.count >= 2, "ArtifactsOut" where path.count >= 2:
                let name = path[1]
                if path.count >= 4 { return "key `\(path[3])` of " + BlueprintFacts.artifactDescription(name, table: table, action: action) }
                return BlueprintFacts.artifactDescription(name, table: table, action: action)
            default:
                return templateParameter(path)
            }
        }
        switch table.resolve(path[0], in: action) {
        case .constant(let decl):
            guard position == 0 else { return nil }
            var value = file.text(decl.value.range)
            if value.count > 400 { value = String(value.prefix(400)) + " …" }
            return "```\nlet \(decl.name.text) = \(value)\n```"
        case .phase(let phase):
            return describePhase(phase, path: path, table: table)
        case .inputArtifact(let name):
            if path.count >= 3, path[1] == "KeyValue" {
                return "key `\(path[2])` of input " + BlueprintFacts.artifactDescription(name.text, table: table, action: action)
            }
            return "input " + BlueprintFacts.artifactDescription(name.text, table: table, action: action)
        case .secret(let name): return "secret `\(name.text)` given to the ActionSet (a Kubernetes Secret: `Data`, `StringData`, `Type`, ...)"
        case .configMap(let name): return "configmap `\(name.text)` given to the ActionSet (`Data`)"
        case .templateRoot: return templateParameter(path)
        case .templateFunction(let name): return "template function `\(name)` (Go builtin or sprig v2)"
        case .unknown: return nil
        }
    }

    func describePhase(_ phase: PhaseInfo, path: [String], table: SymbolTable) -> String {
        let callee = phase.decl.call.callee.text
        let (keys, isOpen) = BlueprintFacts.outputs(of: phase.decl.call, table: table)
        let keyList = keys.isEmpty ? "none" : keys.map { "`\($0)`" }.joined(separator: ", ") + (isOpen ? " (and computed keys)" : "")
        if path.count >= 3, path[1] == "output" {
            let known = keys.contains(path[2]) ? "a string" : "not an output this phase is known to set"
            return "output `\(path[2])` of phase `\(phase.name)` (\(callee)): \(known)"
        }
        if path.count >= 2, path[1] == "output" { return "outputs of phase `\(phase.name)` (\(callee)): \(keyList)" }
        return "**phase \(phase.name)**: \(callee)\(phase.isFinally ? " (finally)" : "")\n\nOutputs: \(keyList)"
    }

    func templateParameter(_ path: [String]) -> String {
        let type = KanisterCatalog.type(of: path)
        let name = path.joined(separator: ".")
        var text = "template parameter `\(name)`: `\(BlueprintFacts.spelling(type))`"
        if let workload = KanisterCatalog.workloadRoots[path[0]] { text += "\n\nSet when the ActionSet's object is a \(workload)." }
        return text
    }
}

extension SymbolKey {
    var actionName: String? {
        switch self {
        case .constant(let action, _): action
        case .phase(let action, _): action
        default: nil
        }
    }
}
