// What the scheduler runs: forward nodes with their dependencies, the
// compensations each one owes, and the finally node. Built from a PlanAction
// (a thin adapter over the plan graph) or directly in tests.

import BlueprintPlan

/// A phase as the runtime needs it: function, objects and arguments, templates unrendered.
public struct RunPhase: Sendable, Equatable {
    public var function: String
    /// Object references by name; each reference's fields (kind, name, namespace, ...).
    public var objects: [RunObject]
    public var args: [KanisterEntry]

    public init(function: String, objects: [RunObject] = [], args: [KanisterEntry] = []) {
        self.function = function
        self.objects = objects
        self.args = args
    }

    public init(_ phase: KanisterPhase) {
        self.init(
            function: phase.function,
            objects: phase.objects.map { RunObject(name: $0.name, fields: $0.reference.fields.map { KanisterEntry($0.key, .string($0.value)) }) },
            args: phase.args)
    }
}

public struct RunObject: Sendable, Equatable {
    public var name: String
    public var fields: [KanisterEntry]

    public init(name: String, fields: [KanisterEntry]) {
        self.name = name
        self.fields = fields
    }
}

public struct RunNode: Sendable, Equatable {
    public var name: String
    public var kind: PlanNodeKind
    public var phase: RunPhase
    /// Attempts after the first one.
    public var retryCount: Int
    public var timeoutSeconds: Double?
    /// Forward nodes that must have completed before this one starts.
    public var dependencies: [String]
    /// Nodes that undo this one, in the order the `undo` clauses are written.
    public var compensations: [String]
    /// `when`: a Go pipeline; the node is skipped when it is false (nil: always runs).
    public var condition: String?

    public init(
        name: String, kind: PlanNodeKind = .phase, phase: RunPhase? = nil, retryCount: Int = 0,
        timeoutSeconds: Double? = nil, dependencies: [String] = [], compensations: [String] = [], condition: String? = nil
    ) {
        self.condition = condition
        self.name = name
        self.kind = kind
        self.phase = phase ?? RunPhase(function: "KubeTask")
        self.retryCount = retryCount
        self.timeoutSeconds = timeoutSeconds
        self.dependencies = dependencies
        self.compensations = compensations
    }
}

public struct RunGraph: Sendable, Equatable {
    /// Every node (phases, compensations, finally) in source order.
    public private(set) var nodes: [RunNode]
    /// The action's fields: artifacts, secret and configmap names (nil in tests).
    public var action: KanisterAction?
    private var indexByName: [String: Int]

    public init(nodes: [RunNode], action: KanisterAction? = nil) {
        self.nodes = nodes
        self.action = action
        var indexByName: [String: Int] = [:]
        for (index, node) in nodes.enumerated() { indexByName[node.name] = index }
        self.indexByName = indexByName
    }

    /// The adapter over the plan: ordering edges between forward nodes become
    /// dependencies (the finally node is run by the scheduler after the rest),
    /// rollback edges compensations.
    public init(_ action: PlanAction) {
        let graph = action.graph
        let forward = Set(graph.nodes.filter { $0.kind == .phase }.map(\.name))
        let nodes = graph.nodes.map { node in
            let dependencies = graph.edges(to: node.name).filter { edge in
                edge.kind.isOrdering && forward.contains(edge.from) && node.kind == .phase
            }.map(\.from)
            return RunNode(
                name: node.name, kind: node.kind, phase: RunPhase(node.phase), retryCount: node.retryCount ?? 0,
                timeoutSeconds: node.timeoutSeconds, dependencies: Array(Set(dependencies)).sorted(),
                compensations: graph.compensations(of: node.name), condition: node.condition)
        }
        self.init(nodes: nodes, action: action.fields)
    }

    public func node(named name: String) -> RunNode? { indexByName[name].map { nodes[$0] } }
    /// Phases that run forward, in source order (not the finally node).
    public var phases: [RunNode] { nodes.filter { $0.kind == .phase } }
    public var finallyNode: RunNode? { nodes.first { $0.kind == .finally } }

    /// Every node that can run: phases, compensations and finally.
    public var allFunctions: Set<String> { Set(nodes.map(\.phase.function)) }
}

// What a run refuses before it starts (nothing runs, nothing is journaled).
extension RunGraph {
    /// Functions of the graph this backend cannot run, with the reason; checked before anything runs.
    public func unsupportedFunctions(on executor: any PhaseExecutor) -> [(function: String, reason: String)] {
        allFunctions.sorted().compactMap { function in executor.unsupportedReason(for: function).map { (function, $0) } }
    }

    /// Secrets, configmaps and input artifacts the action declares but the run was
    /// not given (Kanister does not insist; a local run says so before it starts, and
    /// before it journals anything).
    public func missingInputs(_ inputs: RunInputs, _ secrets: RunSecrets) -> [String] {
        guard let action else { return [] }
        let secretProblems = (action.secretNames ?? []).filter { secrets.secrets[$0] == nil }.map {
            "the action reads secret '\($0)': give it with --secret \($0)/KEY=VALUE"
        }
        let configMapProblems = (action.configMapNames ?? []).filter { secrets.configMaps[$0] == nil }.map {
            "the action reads configmap '\($0)': give it with --configmap \($0)/KEY=VALUE"
        }
        let artifactProblems = (action.inputArtifactNames ?? []).filter { inputs.artifacts[$0] == nil }.map {
            "the action takes input artifact '\($0)': give it with --artifact \($0).KEY=VALUE or --artifacts-from RUN"
        }
        return secretProblems + configMapProblems + artifactProblems
    }
}
