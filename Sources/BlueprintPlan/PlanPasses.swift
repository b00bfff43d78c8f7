// Optimizer passes over the plan, each usable on its own: cycle detection
// (the cycle is printed), transitive reduction of ordering edges, and the
// optimize pipeline that runs them per action.

import BlueprintSyntax

public enum PlanPasses {
    /// Checks every action for cycles and reduces the edges of the acyclic ones.
    public static func optimize(_ plan: PlanBlueprint) -> (plan: PlanBlueprint, diagnostics: [Diagnostic]) {
        var result = plan
        var diagnostics: [Diagnostic] = []
        optimize(&result.actions, problems: &diagnostics)
        return (result, diagnostics)
    }

    /// Optimizes each action's graph in place; an action with a cycle keeps its
    /// graph and gets a diagnostic.
    static func optimize(_ actions: inout [PlanAction], problems: inout [Diagnostic]) {
        for index in actions.indices {
            if let cycle = findCycle(actions[index].graph) {
                problems.append(cycleDiagnostic(cycle, in: actions[index]))
                continue
            }
            actions[index].graph = reduceTransitively(actions[index].graph)
        }
    }

    /// A cycle over edges of every kind, as the edges along it, or nil.
    /// Kahn's algorithm removes every node not on or behind a cycle; each node
    /// left has a predecessor that is left too, so walking predecessors from
    /// one of them must come back to a node already seen.
    public static func findCycle(_ graph: PlanGraph) -> [PlanEdge]? {
        let indexed = zip(graph.ends, graph.edges).map { ($0.from, $0.to, $1) }
        let sorted = TopologicalSort.kahn(count: graph.nodes.count, edges: indexed.map { ($0.0, $0.1) })
        guard let start = sorted.leftover.min() else { return nil }
        let left = Set(sorted.leftover)
        var walk: [PlanEdge] = []
        var seenAt: [Int: Int] = [start: 0]
        var current = start
        while true {
            guard let incoming = indexed.first(where: { $0.1 == current && left.contains($0.0) }) else { return nil }
            walk.append(incoming.2)
            current = incoming.0
            if let position = seenAt[current] { return Array(walk[position...].reversed()) }
            seenAt[current] = walk.count
        }
    }

    static func cycleDiagnostic(_ cycle: [PlanEdge], in action: PlanAction) -> Diagnostic {
        let names = cycle.map(\.from) + [cycle.first?.from ?? ""]
        let notes = cycle.map { edge in
            DiagnosticNote(explanation(of: edge), range: action.graph.node(named: edge.to)?.sourceRange)
        }
        let range = cycle.first.flatMap { action.graph.node(named: $0.from)?.sourceRange } ?? SourceRange(0, 0)
        let message = "the phases of action '\(action.name)' form a cycle: \(names.joined(separator: " -> "))"
        return Diagnostic(.planCycle, .error, message, at: range, notes: notes)
    }

    static func explanation(of edge: PlanEdge) -> String {
        switch edge.kind {
        case .sequence: "'\(edge.to)' runs after '\(edge.from)'"
        case .data: "'\(edge.to)' reads \(edge.keys.isEmpty ? "the outputs" : edge.keys.joined(separator: ", ")) of '\(edge.from)'"
        case .rollback: "'\(edge.to)' undoes '\(edge.from)', so it must come later"
        case .finally: "the finally phase '\(edge.to)' runs after '\(edge.from)'"
        }
    }

    /// Drops every sequence and finally edge `u -> v` that another path of
    /// ordering edges already implies (an edge of another kind between `u` and
    /// `v` counts as such a path). Data and rollback edges are facts and stay.
    /// Expects an acyclic graph.
    public static func reduceTransitively(_ graph: PlanGraph) -> PlanGraph {
        let dag = OrderedDAG(graph)
        // Node pairs as one number each.
        let count = graph.nodes.count
        let implied = Set(dag.impliedEdges().map { dag.order[$0.from] * count + dag.order[$0.to] })
        let dataPairs = Set(zip(graph.edges, graph.ends).filter { $0.0.kind == .data }.map { $0.1.from * count + $0.1.to })
        let keep = zip(graph.edges, graph.ends).map { edge, ends in
            guard edge.kind == .sequence || edge.kind == .finally else { return true }
            let pair = ends.from * count + ends.to
            return !implied.contains(pair) && !dataPairs.contains(pair)
        }
        return graph.keepingEdges(keep)
    }

    /// Both ways of finding implied edges, as sorted "from>to" names (for tests).
    public static func impliedEdgeSets(_ graph: PlanGraph) -> (bitsets: [String], search: [String]) {
        let dag = OrderedDAG(graph)
        let spell = { (pairs: [(from: Int, to: Int)]) in
            pairs.map { graph.nodes[dag.order[$0.from]].name + ">" + graph.nodes[dag.order[$0.to]].name }.sorted()
        }
        return (spell(dag.impliedByBitsets()), spell(dag.impliedBySearch()))
    }
}
