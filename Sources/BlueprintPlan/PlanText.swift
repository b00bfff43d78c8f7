// Plain-text views of a plan: the schedule `bpc plan` prints, and the full
// dump (nodes, edges, schedule) that golden tests compare.

public enum PlanText {
    /// Every action: its nodes, its edges and its schedule.
    public static func dump(_ plan: PlanBlueprint) -> String {
        var lines = ["blueprint \(plan.name)"]
        for action in plan.actions {
            lines.append("")
            lines.append("action \(action.name)" + (action.fields.kind.map { " on \($0)" } ?? ""))
            lines.append("  nodes:")
            lines += action.graph.nodes.map { "    " + describe($0) }
            lines.append("  edges:")
            lines += action.graph.edges.map { "    " + describe($0) }
            lines += scheduleLines(action).map { "  " + $0 }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// What `bpc plan` prints for one action.
    public static func schedule(_ action: PlanAction) -> String {
        (["action \(action.name)"] + scheduleLines(action).map { "  " + $0 }).joined(separator: "\n") + "\n"
    }

    static func scheduleLines(_ action: PlanAction) -> [String] {
        let schedule = PlanSchedule(action.graph)
        guard !schedule.order.isEmpty else { return ["no phases"] }
        var lines = ["levels (the phases of one level may run at once):"]
        for (index, level) in schedule.levels.enumerated() {
            let names = level.map { name in action.graph.node(named: name)?.kind == .finally ? "\(name) (finally)" : name }
            lines.append("  \(index + 1)  " + names.joined(separator: ", "))
        }
        let count = schedule.criticalPath.count
        lines.append("critical path: \(count) phase\(count == 1 ? "" : "s"): " + schedule.criticalPath.joined(separator: " -> "))
        if schedule.concurrency.isEmpty {
            lines.append("may run at once: none (every phase waits for the one before)")
        } else {
            lines.append("may run at once:")
            lines += schedule.concurrency.map { "  \($0.phase) with " + $0.mayRunWith.joined(separator: ", ") }
        }
        if schedule.compensationOrder.isEmpty {
            lines.append("on failure: no compensations")
        } else {
            lines.append("on failure, compensations run in this order (latest phase first; one named by 'undo NAME' only if NAME has not run):")
            for (index, step) in schedule.compensationOrder.enumerated() {
                lines.append("  \(index + 1)  \(step.compensation) (undoes " + step.undoes.joined(separator: ", ") + ")")
            }
        }
        return lines
    }

    /// `name: kind Function, parallel 0, retry 3, timeout 10m`
    public static func describe(_ node: PlanNode) -> String {
        var parts = ["\(node.name): \(node.kind.rawValue) \(node.phase.function)"]
        if let group = node.parallelGroup { parts.append("parallel \(group)") }
        if let retry = node.retryCount { parts.append("retry \(retry)") }
        if let timeout = node.timeoutSeconds { parts.append("timeout " + duration(timeout)) }
        if let condition = node.condition { parts.append("when " + condition) }
        return parts.joined(separator: ", ")
    }

    /// `from -> to: kind [keys]`
    public static func describe(_ edge: PlanEdge) -> String {
        let keys = edge.keys.isEmpty ? "" : " " + edge.keys.joined(separator: ", ")
        return "\(edge.from) -> \(edge.to): \(edge.kind.rawValue)\(keys)"
    }

    /// Seconds as a .bp duration: `600` is `10m`, `5400` is `1h30m`, `0.5` is `500ms`.
    public static func duration(_ seconds: Double) -> String {
        var milliseconds = Int((seconds * 1000).rounded())
        guard milliseconds > 0 else { return "0s" }
        var text = ""
        for (unit, size) in [("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)] where milliseconds >= size {
            text += "\(milliseconds / size)\(unit)"
            milliseconds %= size
        }
        return text
    }
}
