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

    var rank: Int { PlanEdgeKind.allCases.firstIndex(of: self) ?? 0 }
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

public struct PlanGraph: Sendable, Equatable {
    /// In source order: each phase followed by its inline compensations, the finally phase last.
    public private(set) var nodes: [PlanNode]
    /// Sorted by source node, kind, then target node (rollback edges in written order).
    public private(set) var edges: [PlanEdge]
    private var indexByName: [String: Int]
    /// Positions in `edges` by source and by target node.
    private var outgoing: [String: [Int]] = [:]
    private var incoming: [String: [Int]] = [:]

    public init(nodes: [PlanNode], edges: [PlanEdge]) {
        self.nodes = nodes
        var indexByName: [String: Int] = [:]
        for (index, node) in nodes.enumerated() where indexByName[node.name] == nil {
            indexByName[node.name] = index
        }
        self.indexByName = indexByName
        self.edges = PlanGraph.normalize(edges, indexByName)
        for (position, edge) in self.edges.enumerated() {
            outgoing[edge.from, default: []].append(position)
            incoming[edge.to, default: []].append(position)
        }
    }

    public static func == (lhs: PlanGraph, rhs: PlanGraph) -> Bool {
        lhs.nodes == rhs.nodes && lhs.edges == rhs.edges
    }

    public func index(of name: String) -> Int? { indexByName[name] }
    public func node(named name: String) -> PlanNode? { indexByName[name].map { nodes[$0] } }
    public var forwardNodes: [PlanNode] { nodes.filter(\.isForward) }
    public var finallyNode: PlanNode? { nodes.first { $0.kind == .finally } }

    public func edges(from name: String) -> [PlanEdge] { (outgoing[name] ?? []).map { edges[$0] } }
    public func edges(to name: String) -> [PlanEdge] { (incoming[name] ?? []).map { edges[$0] } }

    /// The compensations of `name`, in the order its `undo` clauses are written.
    public func compensations(of name: String) -> [String] {
        edges(from: name).filter { $0.kind == .rollback }.map(\.to)
    }

    /// The same nodes with other edges.
    public func replacingEdges(_ edges: [PlanEdge]) -> PlanGraph {
        PlanGraph(nodes: nodes, edges: edges)
    }

    /// The same edges with other nodes (same names).
    public func replacingNodes(_ nodes: [PlanNode]) -> PlanGraph {
        PlanGraph(nodes: nodes, edges: edges)
    }

    /// Drops edges to unknown nodes and merges duplicates (keys united), then sorts.
    /// Rollback edges keep their written order among those of one node.
    static func normalize(_ edges: [PlanEdge], _ indexByName: [String: Int]) -> [PlanEdge] {
        var merged: [PlanEdge] = []
        var position: [PlanEdge: Int] = [:]
        for edge in edges {
            guard indexByName[edge.from] != nil, indexByName[edge.to] != nil else { continue }
            let identity = PlanEdge(from: edge.from, to: edge.to, kind: edge.kind)
            if let existing = position[identity] {
                merged[existing].keys = Array(Set(merged[existing].keys + edge.keys)).sorted()
            } else {
                position[identity] = merged.count
                merged.append(PlanEdge(from: edge.from, to: edge.to, kind: edge.kind, keys: Array(Set(edge.keys)).sorted()))
            }
        }
        func sortKey(_ edge: PlanEdge, _ written: Int) -> (Int, Int, Int, Int) {
            let target = edge.kind == .rollback ? 0 : indexByName[edge.to] ?? 0
            return (indexByName[edge.from] ?? 0, edge.kind.rank, target, written)
        }
        return merged.enumerated().sorted { sortKey($0.element, $0.offset) < sortKey($1.element, $1.offset) }.map(\.element)
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
