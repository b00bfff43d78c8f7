// What hover and completion say about names: a function's documentation from
// the catalog, a phase's outputs, an artifact's keys, a template parameter's type.

import BlueprintSema
import BlueprintSyntax

enum BlueprintFacts {
    static var catalog: KanisterCatalog { KanisterCatalog.shared }

    /// A function's summary, arguments (type, required, default) and outputs, in Markdown.
    static func functionDoc(_ spec: FunctionSpec) -> String {
        var lines = ["**\(spec.name)** (Kanister function)"]
        if let summary = spec.summary { lines += ["", summary] }
        lines += ["", "Arguments:"]
        for argument in arguments(of: spec) { lines.append("- " + argumentLine(argument)) }
        if !spec.outputs.isEmpty { lines += ["", "Outputs: " + spec.outputs.map { "`\($0)`" }.joined(separator: ", ")] }
        if spec.userOutputs { lines += ["", "Also outputs what `kando output` prints in `\(OutputInference.collectedArgument(of: spec.name))`."] }
        return lines.joined(separator: "\n")
    }

    /// Required arguments first, each group in catalog order.
    static func arguments(of spec: FunctionSpec) -> [FunctionArgument] {
        spec.args.filter(\.required) + spec.args.filter { !$0.required }
    }

    static func argumentLine(_ argument: FunctionArgument) -> String {
        let need = argument.required ? "required" : "optional"
        let note = argument.note.map { "; \($0)" } ?? ""
        return "`\(argument.name)`: \(argument.type.spelling), \(need)\(note)"
    }

    /// The output keys of a phase call, and whether more may exist (`kando output` with a computed name).
    static func outputs(of call: PhaseCall, table: SymbolTable?, depth: Int = 0) -> (keys: [String], isOpen: Bool) {
        if let def = table?.defs[call.callee.text], depth < 8 { return outputs(of: def.call, table: table, depth: depth + 1) }
        guard let spec = catalog.function(call.callee.text) else { return ([], true) }
        var keys = spec.outputs
        var isOpen = false
        for case .outputs(let declared) in call.body?.items ?? [] { keys += declared.names.map(\.text) }
        if spec.userOutputs {
            let argument = OutputInference.collectedArgument(of: spec.name)
            for case .argument(let entry) in call.body?.items ?? [] where entry.key.constantText == argument {
                for script in strings(in: entry.value) {
                    let found = OutputInference.keys(in: script)
                    keys += found.keys.sorted()
                    isOpen = isOpen || found.isDynamic
                }
            }
        }
        var seen: Set<String> = []
        return (keys.filter { seen.insert($0).inserted }, isOpen)
    }

    /// The constant text of the strings in an expression (a command's script, a list of words).
    static func strings(in expr: Expr) -> [String] {
        switch expr.kind {
        case .string(let literal), .bash(let literal):
            return [
                literal.segments.map { segment -> String in
                    switch segment {
                    case .text(let text, _), .literalText(let text, _): text
                    case .interpolation: "x"
                    }
                }.joined()
            ]
        case .list(let items): return [items.flatMap { strings(in: $0) }.joined(separator: " ")]
        default: return []
        }
    }

    /// How a template parameter type reads (`string`, `[]string`, `map[string]string`, a struct's fields).
    static func spelling(_ type: TemplateParameterType) -> String {
        switch type {
        case .scalar(let name): name
        case .list(let element): "[]" + spelling(element)
        case .map(let value): "map[string]" + spelling(value)
        case .structure(let fields): "struct { " + fields.keys.sorted().joined(separator: ", ") + " }"
        case .any: "any"
        }
    }

    /// The field names a value of this type offers.
    static func fields(of type: TemplateParameterType) -> [String] {
        if case .structure(let fields) = type { return fields.keys.sorted() }
        return []
    }

    /// The keys of an artifact as the module types it (its producers, or its declared shape).
    static func artifactKeys(_ name: String, table: SymbolTable?, action: ActionInfo?) -> [String] {
        if let type = table?.artifacts.producedType(of: name) { return type.keys }
        if let shape = action?.inputShapes.first(where: { $0.name.text == name }) { return ArtifactType(shape).keys }
        return []
    }

    static func artifactDescription(_ name: String, table: SymbolTable?, action: ActionInfo?) -> String {
        if let type = table?.artifacts.producedType(of: name) { return "artifact `\(name)`: \(type.description)" }
        if let shape = action?.inputShapes.first(where: { $0.name.text == name }) { return "artifact `\(name)`: \(ArtifactType(shape).description)" }
        return "artifact `\(name)` (no action here produces it)"
    }
}
