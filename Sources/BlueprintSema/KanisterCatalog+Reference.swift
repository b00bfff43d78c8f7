// Kanister functions as Markdown: the Functions section of Grammar/REFERENCE.md
// (generated from the catalog by ReferenceTests) and a function's hover text.

extension FunctionSpec {
    /// The function's entry: summary, a table of its arguments (type, required,
    /// default or notes) and its outputs.
    public var referenceMarkdown: String {
        var lines = ["### \(name)", ""]
        if let summary { lines += [summary, ""] }
        lines += ["| argument | type | required | default, notes |", "| --- | --- | --- | --- |"]
        for argument in args {
            let note = (argument.note ?? "").split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
            lines.append("| `\(argument.name)` | \(argument.type.referenceName) | \(argument.required ? "yes" : "no") | \(note) |")
        }
        lines.append("")
        if userOutputs {
            let command = name == "MultiContainerRun" ? "`outputCommand`" : "`command`"
            lines.append("Outputs: the keys its \(command) prints (see [How outputs are inferred](#how-outputs-are-inferred)).")
        } else if outputs.isEmpty {
            lines.append("Outputs: none.")
        } else {
            lines.append("Outputs: " + outputs.map { "`\($0)`" }.joined(separator: ", ") + ".")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension ArgumentType {
    /// The type as the reference's tables name it.
    public var referenceName: String {
        switch self {
        case .string: "string"
        case .stringList: "list of strings"
        case .int: "integer"
        case .bool: "bool"
        case .map: "map"
        case .object: "object"
        }
    }
}

extension KanisterCatalog {
    /// Every function's entry, by name.
    public var functionsReferenceMarkdown: String {
        functions.keys.sorted().compactMap { functions[$0]?.referenceMarkdown }.joined(separator: "\n")
    }
}
