// Scheduling of an acyclic plan graph: topological levels, the critical path,
// which phases may run at once, and the order compensations run in on failure.

/// The static schedule of one action's forward nodes (phases and finally).
public struct PlanSchedule: Sendable, Equatable {
    /// Forward nodes in a topological order; ties go to source order.
    public var order: [String]
    /// Level 1 holds the nodes with no predecessor; a node's level is one more
    /// than its highest predecessor's. Nodes of one level may run at once.
    public var levels: [[String]]
    /// A longest chain of forward nodes (each counts 1); its length is the number of levels.
    public var criticalPath: [String]
    /// For each phase, the later phases (in `order`) it may run at the same time as.
    public var concurrency: [PlanConcurrency]
    /// On a failure after every phase completed: the compensations, in the order they run.
    public var compensationOrder: [PlanCompensationStep]

    public init(_ graph: PlanGraph) {
        let forward = PlanSchedule.forwardMask(graph)
        let edges = PlanSchedule.orderingEdges(graph, forward)
        let sorted = TopologicalSort.kahn(count: graph.nodes.count, edges: edges, only: forward).order
        var predecessors: [Int: [Int]] = [:]
        for (from, to) in edges { predecessors[to, default: []].append(from) }
        var level: [Int: Int] = [:]
        var best: [Int: Int] = [:]
        for node in sorted {
            for predecessor in predecessors[node] ?? [] where (level[predecessor] ?? 0) + 1 > (level[node] ?? 1) {
                level[node] = (level[predecessor] ?? 0) + 1
                best[node] = predecessor
            }
            if level[node] == nil { level[node] = 1 }
        }
        let depth = level.values.max() ?? 0
        order = sorted.map { graph.nodes[$0].name }
        var byLevel = [[String]](repeating: [], count: depth)
        for node in sorted { byLevel[(level[node] ?? 1) - 1].append(graph.nodes[node].name) }
        levels = byLevel
        var path: [Int] = []
        var cursor = sorted.first { level[$0] == depth }
        while let node = cursor {
            path.append(node)
            cursor = best[node]
        }
        criticalPath = path.reversed().map { graph.nodes[$0].name }
        concurrency = PlanSchedule.concurrency(graph, levels)
        compensationOrder = PlanSchedule.compensationOrder(graph, order: order)
    }

    /// The forward nodes in a topological order of the ordering edges; ties go to source order.
    public static func topologicalOrder(_ graph: PlanGraph) -> [String] {
        let forward = forwardMask(graph)
        let edges = orderingEdges(graph, forward)
        return TopologicalSort.kahn(count: graph.nodes.count, edges: edges, only: forward).order.map { graph.nodes[$0].name }
    }

    /// For each node index, whether the node runs forward.
    static func forwardMask(_ graph: PlanGraph) -> [Bool] {
        // A loop over the kinds: a key path or a closure over the nodes copies each node.
        var mask: [Bool] = []
        mask.reserveCapacity(graph.nodes.count)
        for index in graph.nodes.indices { mask.append(graph.nodes[index].kind != .compensation) }
        return mask
    }

    /// The ordering edges between forward nodes, as node indices.
    static func orderingEdges(_ graph: PlanGraph, _ forward: [Bool]) -> [(Int, Int)] {
        zip(graph.edges, graph.ends).compactMap { edge, ends in
            guard edge.kind.isOrdering, forward[ends.from], forward[ends.to] else { return nil }
            return (ends.from, ends.to)
        }
    }

    /// Pairs of phases neither of which reaches the other (the finally phase runs
    /// alone): the clear bits of each node's reachability after its position. Above
    /// `OrderedDAG.bitsetLimit` nodes only the pairs within one level are listed.
    static func concurrency(_ graph: PlanGraph, _ levels: [[String]]) -> [PlanConcurrency] {
        let dag = OrderedDAG(graph)
        guard dag.order.count <= OrderedDAG.bitsetLimit else {
            return levels.flatMap { level in
                let phases = level.filter { graph.node(named: $0)?.kind == .phase }
                return phases.indices.dropLast().map { PlanConcurrency(phase: phases[$0], mayRunWith: Array(phases[($0 + 1)...])) }
            }
        }
        let reach = dag.reachability()
        var phases = Bitset(count: dag.order.count)
        for (position, node) in dag.order.enumerated() where graph.nodes[node].kind == .phase { phases.insert(position) }
        var result: [PlanConcurrency] = []
        for position in dag.order.indices where phases.contains(position) {
            let others = reach[position].clearBits(after: position, within: phases)
            if !others.isEmpty {
                let names = others.map { graph.nodes[dag.order[$0]].name }
                result.append(PlanConcurrency(phase: graph.nodes[dag.order[position]].name, mayRunWith: names))
            }
        }
        return result
    }

    /// The compensations of the forward nodes, latest node first and, for one
    /// node, the last `undo` first; a compensation shared by several phases runs once.
    public static func compensationOrder(_ graph: PlanGraph, order: [String]) -> [PlanCompensationStep] {
        var steps: [PlanCompensationStep] = []
        var position: [String: Int] = [:]
        for phase in order.reversed() {
            for compensation in graph.compensations(of: phase).reversed() {
                if let index = position[compensation] {
                    steps[index].undoes.append(phase)
                } else {
                    position[compensation] = steps.count
                    steps.append(PlanCompensationStep(compensation: compensation, undoes: [phase]))
                }
            }
        }
        return steps
    }
}

public struct PlanConcurrency: Sendable, Equatable {
    public var phase: String
    public var mayRunWith: [String]
}

public struct PlanCompensationStep: Sendable, Equatable {
    /// The compensation node: an inline compensation, or the phase an `undo NAME` names.
    public var compensation: String
    /// The phases it undoes, latest first.
    public var undoes: [String]
}
