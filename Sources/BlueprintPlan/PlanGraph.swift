// The plan graph: per action, nodes (phases, compensations, the finally phase)
// carrying their lowered Kanister phase, and typed edges (sequence, data,
// rollback, finally). Immutable values; the passes return new graphs.

import BlueprintSyntax

public enum PlanNodeKind: String, Sendable, Equatable, CaseIterable {
    /// A phase of the action, run in order.
    case phase
    /// An inline `undo` compensation: runs only when a later phase fails.
    case compensation
    /// The `finally` phase (Kanister's deferPhase): runs last, always.
    case finally
}

public enum PlanEdgeKind: String, Sendable, Equatable, CaseIterable, Comparable {
    /// `to` runs after `from` (source order; parallel siblings have none between them).
    case sequence
    /// `to` reads an output, secret or configmap of `from`.
    case data
    /// `to` compensates `from` (`undo`).
    case rollback
    /// `to` is the finally phase and runs after `from`, whatever happened.
    case finally

    /// The position in `allCases`.
    var rank: Int {
        switch self {
        case .sequence: 0
        case .data: 1
        case .rollback: 2
        case .finally: 3
        }
    }
    public static func < (lhs: PlanEdgeKind, rhs: PlanEdgeKind) -> Bool { lhs.rank < rhs.rank }

    /// Sequence, data and finally edges order the forward run; rollback edges do not.
    public var isOrdering: Bool { self != .rollback }
}

public struct PlanNode: Sendable, Equatable {
    /// Unique within the action; the Kanister phase name.
    public var name: String
    public var kind: PlanNodeKind
    /// The lowered phase: function, name, objects, arguments (templates as Kanister reads them).
    public var phase: KanisterPhase
    public var retryCount: Int?
    public var timeoutSeconds: Double?
    /// Index of the action's `parallel` group holding the phase.
    public var parallelGroup: Int?
    /// The phase declaration, or the `undo` clause of a compensation.
    public var sourceRange: SourceRange
    /// The `retry` and `timeout` clauses, which the YAML build drops with a warning.
    public var runtimeClauseRanges: [SourceRange]
    /// `when EXPR` as a Go pipeline (nil: always runs); `PhaseCondition.template` of it
    /// renders `true` or `false`. The runtime skips the node on `false`; the YAML
    /// build wraps its command (`PhaseCondition`).
    public var condition: String?

    public init(
        name: String, kind: PlanNodeKind, phase: KanisterPhase, retryCount: Int? = nil, timeoutSeconds: Double? = nil,
        parallelGroup: Int? = nil, sourceRange: SourceRange, runtimeClauseRanges: [SourceRange] = []
    ) {
        self.name = name
        self.kind = kind
        self.phase = phase
        self.retryCount = retryCount
        self.timeoutSeconds = timeoutSeconds
        self.parallelGroup = parallelGroup
        self.sourceRange = sourceRange
        self.runtimeClauseRanges = runtimeClauseRanges
    }

    /// Phases and the finally phase run forward; compensations only on failure.
    public var isForward: Bool { kind != .compensation }
}

public struct PlanEdge: Sendable, Equatable, Hashable, Codable {
    public var from: String
    public var to: String
    public var kind: PlanEdgeKind
    /// For data edges, what `to` reads of `from`: `Output.kopiaOutput`, `Secrets.pgSecret`.
    public var keys: [String]

    public init(from: String, to: String, kind: PlanEdgeKind, keys: [String] = []) {
        self.from = from
        self.to = to
        self.kind = kind
        self.keys = keys
    }
}

/// The indices in `PlanGraph.nodes` of an edge's source and target.
struct PlanEdgeEnds: Sendable, Equatable {
    var from: Int
    var to: Int
}

public struct PlanGraph: Sendable, Equatable {
    /// In source order: each phase followed by its inline compensations, the finally phase last.
    public private(set) var nodes: [PlanNode]
    /// Sorted by source node, kind, then target node (rollback edges in written order).
    public private(set) var edges: [PlanEdge]
    private var indexByName: [String: Int]
    /// For each edge, its source and target as node indices.
    private(set) var ends: [PlanEdgeEnds]
    /// Positions in `edges` by source and by target node index: those of node
    /// `i` are `outgoing[outgoingStart[i]..<outgoingStart[i + 1]]`, ascending.
    private var outgoingStart: [Int]
    private var outgoing: [Int]
    private var incomingStart: [Int]
    private var incoming: [Int]

    public init(nodes: [PlanNode], edges: [PlanEdge]) {
        let indexByName = PlanGraph.indexByName(nodes)
        let (normalized, ends) = PlanGraph.normalize(edges, indexByName, nodeCount: nodes.count)
        self.init(nodes: nodes, indexByName: indexByName, normalizedEdges: normalized, ends: ends)
    }

    /// A graph from edges that `normalize` already returned for these nodes.
    private init(nodes: [PlanNode], indexByName: [String: Int], normalizedEdges edges: [PlanEdge], ends: [PlanEdgeEnds]) {
        self.nodes = nodes
        self.indexByName = indexByName
        self.edges = edges
        self.ends = ends
        (outgoingStart, outgoing) = PlanGraph.buckets(ends.lazy.map(\.from), count: nodes.count)
        (incomingStart, incoming) = PlanGraph.buckets(ends.lazy.map(\.to), count: nodes.count)
    }

    public static func == (lhs: PlanGraph, rhs: PlanGraph) -> Bool {
        lhs.nodes == rhs.nodes && lhs.edges == rhs.edges
    }

    public func index(of name: String) -> Int? { indexByName[name] }
    public func node(named name: String) -> PlanNode? { indexByName[name].map { nodes[$0] } }
    public var forwardNodes: [PlanNode] { nodes.filter(\.isForward) }
    public var finallyNode: PlanNode? { nodes.indices.first { nodes[$0].kind == .finally }.map { nodes[$0] } }
    /// True when some node is undone by another (an `undo`).
    var hasRollbackEdges: Bool { edges.contains { $0.kind == .rollback } }
    /// How many `retry` and `timeout` clauses the nodes have.
    var runtimeClauseCount: Int { nodes.reduce(0) { $0 + $1.runtimeClauseRanges.count } }

    public func edges(from name: String) -> [PlanEdge] {
        indexByName[name].map { outgoing[outgoingStart[$0]..<outgoingStart[$0 + 1]].map { edges[$0] } } ?? []
    }
    public func edges(to name: String) -> [PlanEdge] {
        indexByName[name].map { incoming[incomingStart[$0]..<incomingStart[$0 + 1]].map { edges[$0] } } ?? []
    }

    /// The positions of `keys` grouped by key (`0..<count`), ascending within a
    /// group: group `k` is `positions[start[k]..<start[k + 1]]`.
    static func buckets<Keys: Collection>(_ keys: Keys, count: Int) -> (start: [Int], positions: [Int]) where Keys.Element == Int {
        var start = [Int](repeating: 0, count: count + 1)
        for key in keys { start[key + 1] += 1 }
        for index in 0..<count { start[index + 1] += start[index] }
        var next = start
        var positions = [Int](repeating: 0, count: start[count])
        for (position, key) in keys.enumerated() {
            positions[next[key]] = position
            next[key] += 1
        }
        return (start, positions)
    }

    /// The compensations of `name`, in the order its `undo` clauses are written.
    public func compensations(of name: String) -> [String] {
        edges(from: name).filter { $0.kind == .rollback }.map(\.to)
    }

    /// The same nodes with other edges.
    public func replacingEdges(_ edges: [PlanEdge]) -> PlanGraph {
        PlanGraph(nodes: nodes, edges: edges)
    }

    /// The same nodes with the edges for which `keep` (by position) is true:
    /// `replacingEdges` of those edges, without normalizing them again.
    func keepingEdges(_ keep: [Bool]) -> PlanGraph {
        let kept = edges.indices.filter { keep[$0] }
        return PlanGraph(nodes: nodes, indexByName: indexByName, normalizedEdges: kept.map { edges[$0] }, ends: kept.map { ends[$0] })
    }

    /// The same edges with other nodes (same names).
    public func replacingNodes(_ nodes: [PlanNode]) -> PlanGraph {
        PlanGraph(nodes: nodes, edges: edges)
    }

    /// The index of each name, the first node holding it.
    static func indexByName(_ nodes: [PlanNode]) -> [String: Int] {
        Dictionary(nodes.indices.lazy.map { (nodes[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Drops edges to unknown nodes and merges duplicates (keys united), then sorts.
    /// Rollback edges keep their written order among those of one node.
    static func normalize(
        _ edges: [PlanEdge], _ indexByName: [String: Int], nodeCount: Int
    ) -> (edges: [PlanEdge], ends: [PlanEdgeEnds]) {
        var merged: [PlanEdge] = []
        var mergedEnds: [PlanEdgeEnds] = []
        // An edge's identity (source, target, kind) as one number.
        var position: [Int: Int] = [:]
        position.reserveCapacity(edges.count)
        merged.reserveCapacity(edges.count)
        mergedEnds.reserveCapacity(edges.count)
        for edge in edges {
            guard let from = indexByName[edge.from], let to = indexByName[edge.to] else { continue }
            let identity = (from * nodeCount + to) * 4 + edge.kind.rank
            if let existing = position[identity] {
                if !edge.keys.isEmpty { merged[existing].keys = uniqueSorted(merged[existing].keys + edge.keys) }
            } else {
                position[identity] = merged.count
                merged.append(PlanEdge(from: edge.from, to: edge.to, kind: edge.kind, keys: uniqueSorted(edge.keys)))
                mergedEnds.append(PlanEdgeEnds(from: from, to: to))
            }
        }
        let sortKeys = merged.indices.map { written in
            let kind = merged[written].kind
            let target = kind == .rollback ? 0 : mergedEnds[written].to
            return (mergedEnds[written].from, kind.rank, target, written)
        }
        let order = merged.indices.sorted { sortKeys[$0] < sortKeys[$1] }
        return (order.map { merged[$0] }, order.map { mergedEnds[$0] })
    }

    /// The keys without duplicates, sorted (the merged keys are already so).
    static func uniqueSorted(_ keys: [String]) -> [String] {
        keys.count < 2 ? keys : Array(Set(keys)).sorted()
    }
}

/// One action of the plan: its Kanister fields other than phases, and its graph.
public struct PlanAction: Sendable, Equatable {
    /// Name, kind, artifact, secret and configmap names, output artifacts; `phases`
    /// and `deferPhase` are nil (they are the graph's nodes).
    public var fields: KanisterAction
    public var graph: PlanGraph
    /// The action declaration.
    public var sourceRange: SourceRange
    public var name: String { fields.name }

    public init(fields: KanisterAction, graph: PlanGraph, sourceRange: SourceRange) {
        self.fields = fields
        self.graph = graph
        self.sourceRange = sourceRange
    }
}

/// The plan of a whole blueprint.
public struct PlanBlueprint: Sendable, Equatable {
    public var name: String
    public var metadata: [KanisterEntry]
    public var actions: [PlanAction]
    public var sourcePath: String?

    public init(name: String, metadata: [KanisterEntry], actions: [PlanAction], sourcePath: String?) {
        self.name = name
        self.metadata = metadata
        self.actions = actions
        self.sourcePath = sourcePath
    }

    public func action(named name: String) -> PlanAction? { actions.first { $0.name == name } }
}
