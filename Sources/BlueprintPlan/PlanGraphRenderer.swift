// The plan graph as Graphviz DOT and as a Mermaid flowchart. Edge kinds look
// different: sequence solid, data blue with the keys read, rollback dashed
// red, finally dotted; compensations are dashed boxes, parallel groups clusters.

public enum PlanGraphRenderer {
    /// DOT for `actions` (one cluster each when there are several).
    public static func dot(_ plan: PlanBlueprint, actions: [PlanAction]) -> String {
        let single = actions.count == 1
        var lines = ["digraph \(dotQuote(single ? actions[0].name : plan.name)) {"]
        lines += [
            "  rankdir=TB;", "  compound=true;", "  fontname=\"Helvetica\";",
            "  node [shape=box, style=rounded, fontname=\"Helvetica\", fontsize=11];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        for action in actions {
            let indent = single ? "  " : "    "
            if !single {
                lines.append("  subgraph \(dotQuote("cluster_\(action.name)")) {")
                lines.append("    label=\(dotQuote("action \(action.name)"));")
            }
            lines += dotBody(action, prefix: single ? "" : "\(action.name)/").map { indent + $0 }
            if !single { lines.append("  }") }
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func dotBody(_ action: PlanAction, prefix: String) -> [String] {
        var lines: [String] = []
        var groups: [Int: [PlanNode]] = [:]
        for node in action.graph.nodes {
            if let group = node.parallelGroup {
                groups[group, default: []].append(node)
            } else {
                lines.append(dotNode(node, prefix: prefix))
            }
        }
        for (group, members) in groups.sorted(by: { $0.key < $1.key }) {
            lines.append("subgraph \(dotQuote("cluster_\(prefix)parallel_\(group)")) {")
            lines.append("  label=\"parallel\"; style=dashed; color=gray50; fontcolor=gray40;")
            lines += members.map { "  " + dotNode($0, prefix: prefix) }
            lines.append("}")
        }
        for edge in action.graph.edges {
            let attributes: String
            switch edge.kind {
            case .sequence: attributes = ""
            case .data:
                let label = edge.keys.map { $0.hasPrefix("Output.") ? String($0.dropFirst(7)) : $0 }.joined(separator: "\n")
                attributes = " [color=royalblue, fontcolor=royalblue, label=\(dotQuote(label))]"
            case .rollback: attributes = " [style=dashed, color=firebrick, fontcolor=firebrick, label=\"undo\"]"
            case .finally: attributes = " [style=dotted, label=\"finally\"]"
            }
            lines.append("\(dotQuote(prefix + edge.from)) -> \(dotQuote(prefix + edge.to))\(attributes);")
        }
        return lines
    }

    static func dotNode(_ node: PlanNode, prefix: String) -> String {
        let label = dotQuote(labelLines(node).joined(separator: "\n"))
        switch node.kind {
        case .phase: return "\(dotQuote(prefix + node.name)) [label=\(label)];"
        case .compensation:
            return "\(dotQuote(prefix + node.name)) [label=\(label), style=\"rounded,dashed\", color=firebrick, fontcolor=firebrick];"
        case .finally: return "\(dotQuote(prefix + node.name)) [label=\(label), style=\"rounded,bold\"];"
        }
    }

    /// Name, function, then kind and runtime attributes.
    static func labelLines(_ node: PlanNode) -> [String] {
        var extra: [String] = []
        if node.kind != .phase { extra.append(node.kind.rawValue) }
        if let retry = node.retryCount { extra.append("retry \(retry)") }
        if let timeout = node.timeoutSeconds { extra.append("timeout " + PlanText.duration(timeout)) }
        return [node.name, node.phase.function] + (extra.isEmpty ? [] : [extra.joined(separator: ", ")])
    }

    /// A DOT double-quoted string; line feeds become `\n` line breaks.
    static func dotQuote(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": break
            default: out.append(character)
            }
        }
        return out + "\""
    }

    /// A Mermaid flowchart for `actions`; node ids are generated, labels quoted.
    public static func mermaid(_ actions: [PlanAction]) -> String {
        var lines = ["flowchart TD"]
        var links: [(index: Int, style: String)] = []
        var linkCount = 0
        for (actionIndex, action) in actions.enumerated() {
            let id = { (name: String) in "a\(actionIndex)_n\(action.graph.index(of: name) ?? 0)" }
            lines.append("  subgraph a\(actionIndex)[\(mermaidQuote("action \(action.name)"))]")
            var groups: [Int: [PlanNode]] = [:]
            for node in action.graph.nodes {
                if let group = node.parallelGroup {
                    groups[group, default: []].append(node)
                } else {
                    lines.append("    " + mermaidNode(node, id: id(node.name)))
                }
            }
            for (group, members) in groups.sorted(by: { $0.key < $1.key }) {
                lines.append("    subgraph a\(actionIndex)_p\(group)[\"parallel\"]")
                lines += members.map { "      " + mermaidNode($0, id: id($0.name)) }
                lines.append("    end")
            }
            lines.append("  end")
            for edge in action.graph.edges {
                let (arrow, style) = mermaidArrow(edge)
                lines.append("  \(id(edge.from)) \(arrow) \(id(edge.to))")
                if let style { links.append((linkCount, style)) }
                linkCount += 1
            }
        }
        lines += links.map { "  linkStyle \($0.index) \($0.style)" }
        return lines.joined(separator: "\n") + "\n"
    }

    static func mermaidNode(_ node: PlanNode, id: String) -> String {
        let label = mermaidQuote(labelLines(node).joined(separator: "<br/>"))
        switch node.kind {
        case .phase: return "\(id)[\(label)]"
        case .compensation: return "\(id)([\(label)])"
        case .finally: return "\(id)[[\(label)]]"
        }
    }

    static func mermaidArrow(_ edge: PlanEdge) -> (arrow: String, style: String?) {
        switch edge.kind {
        case .sequence: return ("-->", nil)
        case .data:
            let label = edge.keys.map { $0.hasPrefix("Output.") ? String($0.dropFirst(7)) : $0 }.joined(separator: ", ")
            return ("-->|\(mermaidQuote(label))|", "stroke:royalblue,color:royalblue")
        case .rollback: return ("-.->|undo|", "stroke:firebrick,color:firebrick")
        case .finally: return ("==>|finally|", nil)
        }
    }

    /// A Mermaid quoted label (`"` is written `#quot;`).
    static func mermaidQuote(_ text: String) -> String {
        "\"" + text.replacingAll("\"", with: "#quot;") + "\""
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self { if character == target { out += replacement } else { out.append(character) } }
        return out
    }
}
