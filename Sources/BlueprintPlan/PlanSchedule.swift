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
        let forward = Set(graph.nodes.indices.filter { graph.nodes[$0].isForward })
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
        levels = (1...max(depth, 1)).map { depthLevel in
            sorted.filter { level[$0] == depthLevel }.map { graph.nodes[$0].name }
        }.filter { !$0.isEmpty }
        var path: [Int] = []
        var cursor = sorted.first { level[$0] == depth }
        while let node = cursor {
            path.append(node)
            cursor = best[node]
        }
        criticalPath = path.reversed().map { graph.nodes[$0].name }
        concurrency = PlanSchedule.concurrency(graph, sorted, edges)
        compensationOrder = PlanSchedule.compensationOrder(graph, order: order)
    }

    /// The forward nodes in a topological order of the ordering edges; ties go to source order.
    public static func topologicalOrder(_ graph: PlanGraph) -> [String] {
        let forward = Set(graph.nodes.indices.filter { graph.nodes[$0].isForward })
        let edges = orderingEdges(graph, forward)
        return TopologicalSort.kahn(count: graph.nodes.count, edges: edges, only: forward).order.map { graph.nodes[$0].name }
    }

    static func orderingEdges(_ graph: PlanGraph, _ forward: Set<Int>) -> [(Int, Int)] {
        graph.edges.compactMap { edge in
            guard edge.kind.isOrdering, let from = graph.index(of: edge.from), let to = graph.index(of: edge.to),
                forward.contains(from), forward.contains(to)
            else { return nil }
            return (from, to)
        }
    }

    /// Pairs of phases neither of which reaches the other (the finally phase runs alone).
    static func concurrency(_ graph: PlanGraph, _ sorted: [Int], _ edges: [(Int, Int)]) -> [PlanConcurrency] {
        var rank: [Int: Int] = [:]
        for (position, node) in sorted.enumerated() { rank[node] = position }
        var successors: [Int: [Int]] = [:]
        for (from, to) in edges { successors[from, default: []].append(to) }
        var reach: [Int: Bitset] = [:]
        for node in sorted.reversed() {
            var reachable = Bitset(count: sorted.count)
            for next in successors[node] ?? [] {
                guard let position = rank[next] else { continue }
                reachable.insert(position)
                if let further = reach[next] { reachable.formUnion(further) }
            }
            reach[node] = reachable
        }
        var result: [PlanConcurrency] = []
        let phases = sorted.filter { graph.nodes[$0].kind == .phase }
        for (position, node) in phases.enumerated() {
            let others = phases[(position + 1)...].filter { other in
                guard let otherRank = rank[other], let reachable = reach[node] else { return false }
                return !reachable.contains(otherRank)
            }
            if !others.isEmpty {
                result.append(PlanConcurrency(phase: graph.nodes[node].name, mayRunWith: others.map { graph.nodes[$0].name }))
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

/// Kahn's algorithm; among ready nodes the lowest index (source order) goes first.
enum TopologicalSort {
    static func kahn(count: Int, edges: [(Int, Int)], only: Set<Int>? = nil) -> (order: [Int], leftover: [Int]) {
        let members = only ?? Set(0..<count)
        var indegree: [Int: Int] = [:]
        var successors: [Int: [Int]] = [:]
        for (from, to) in edges where members.contains(from) && members.contains(to) {
            indegree[to, default: 0] += 1
            successors[from, default: []].append(to)
        }
        var ready = MinHeap()
        for node in members where indegree[node, default: 0] == 0 { ready.push(node) }
        var order: [Int] = []
        while let node = ready.pop() {
            order.append(node)
            for next in successors[node] ?? [] {
                indegree[next, default: 0] -= 1
                if indegree[next] == 0 { ready.push(next) }
            }
        }
        let placed = Set(order)
        return (order, members.filter { !placed.contains($0) }.sorted())
    }
}

/// A binary min-heap of integers.
struct MinHeap {
    var items: [Int] = []

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        items[0] = items[items.count - 1]
        items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
