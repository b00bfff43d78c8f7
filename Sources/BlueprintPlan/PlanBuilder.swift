// Lowering from the checked syntax tree to the plan: each phase is lowered by
// `Lowering` (defs inlined, lets folded), then placed in its action's graph
// with sequence, data, rollback and finally edges.

import BlueprintSema
import BlueprintSyntax

/// Codes of the plan: BP5xxx.
extension DiagnosticCode {
    public static let planCycle = DiagnosticCode("BP5001")
    public static let undoTarget = DiagnosticCode("BP5002")
    public static let duplicatePlanNode = DiagnosticCode("BP5003")
    public static let nestedUndo = DiagnosticCode("BP5004")
    public static let badRuntimeClause = DiagnosticCode("BP5005")
    public static let rollbackName = DiagnosticCode("BP5006")
    public static let rollbackValue = DiagnosticCode("BP5007")
    public static let rollbackAction = DiagnosticCode("BP5008")
}

public enum PlanBuilder {
    /// The optimized plan: lowered, checked for cycles, edges reduced. What the YAML
    /// build, `bpc graph`, `bpc plan` and the runtime read.
    public static func build(
        _ table: SymbolTable, semantics: SemanticModel, sourcePath: String?
    ) -> (plan: PlanBlueprint, diagnostics: [Diagnostic]) {
        lowerAll(table, semantics: semantics, sourcePath: sourcePath, optimizing: true)
    }

    /// The plan as lowered, every sequence and finally edge still present. Data
    /// edges come from the phase references Sema recorded in `semantics`.
    public static func lower(
        _ table: SymbolTable, semantics: SemanticModel, sourcePath: String?
    ) -> (plan: PlanBlueprint, diagnostics: [Diagnostic]) {
        lowerAll(table, semantics: semantics, sourcePath: sourcePath, optimizing: false)
    }

    /// Lowers (and optimizes) the actions on all cores: each contiguous group of
    /// actions on its own copy of the lowering. Diagnostics come in the order of a
    /// one-by-one run: every lowering diagnostic, then every optimizer diagnostic.
    static func lowerAll(
        _ table: SymbolTable, semantics: SemanticModel, sourcePath: String?, optimizing: Bool
    ) -> (plan: PlanBlueprint, diagnostics: [Diagnostic]) {
        var lowering = Lowering(table: table)
        let header = lowering.lowerMetadata()
        let base = lowering
        let infos = table.actions
        let parts = Parallel.mapGroups(
            infos.count, minimumWeight: Parallel.minimumPhasesPerGroup, weight: { infos[$0].phases.count },
            transform: { group -> (actions: [PlanAction], lowering: Lowering, problems: [Diagnostic]) in
                var lowering = base
                let (actions, problems) = lowering.planActions(infos[group], semantics: semantics, optimizing: optimizing)
                return (actions, lowering, problems)
            })
        for part in parts { lowering.merge(part.lowering) }
        let plan = PlanBlueprint(
            name: header?.name ?? "", metadata: header?.metadata ?? [], actions: parts.flatMap(\.actions),
            sourcePath: sourcePath)
        return (plan, lowering.diagnostics + parts.flatMap(\.problems))
    }
}

/// The nodes and edges of one action while it is being built.
struct GraphBuilder {
    var nodes: [PlanNode] = []
    var edges: [PlanEdge] = []
    var names: Set<String> = []
    /// `undo NAME` clauses, resolved once every phase is known.
    var undoReferences: [(phase: String, target: Name)] = []

    func freshName(_ base: String) -> String {
        var name = base
        var counter = 2
        while names.contains(name) {
            name = "\(base)-\(counter)"
            counter += 1
        }
        return name
    }
}

extension Lowering {
    /// `infos` lowered with the phase references Sema found, then optimized
    /// unless `optimizing` is false; the optimizer's diagnostics apart (the
    /// lowering's stay in `diagnostics`). What `build` does to each group of
    /// actions and the language server to each action it does not have cached.
    mutating func planActions(
        _ infos: some Collection<ActionInfo>, semantics: SemanticModel, optimizing: Bool = true
    ) -> (actions: [PlanAction], problems: [Diagnostic]) {
        var actions = infos.map { info in
            planAction(info, references: semantics.phaseReferences[info.name] ?? [:], expanded: semantics.expandedPhases[info.name])
        }
        var problems: [Diagnostic] = []
        if optimizing { PlanPasses.optimize(&actions, problems: &problems) }
        return (actions, problems)
    }

    /// `expanded`: the phases as Sema expanded them, in `info.phases` order.
    mutating func planAction(_ info: ActionInfo, references: [String: [PhaseReference]], expanded: [ExpandedCall]?) -> PlanAction {
        action = info
        defer { action = nil }
        let fields = lowerActionFields(info)
        var builder = GraphBuilder()
        let expanded = expanded?.count == info.phases.count ? expanded : nil
        for (index, phase) in info.phases.enumerated() { addPhase(phase, expanded: expanded?[index], to: &builder) }
        builder.edges += PlanEdges.sequenceAndFinally(info)
        builder.edges += resolveUndo(builder, in: info)
        builder.edges += PlanEdges.data(references, builder)
        return PlanAction(fields: fields, graph: PlanGraph(nodes: builder.nodes, edges: builder.edges), sourceRange: info.decl.range)
    }

    /// Adds a phase (or the finally phase) and its inline compensations.
    mutating func addPhase(_ info: PhaseInfo, expanded: ExpandedCall?, to builder: inout GraphBuilder) {
        let (phase, clauses) = lowerExpandedPhase(info.decl, expanded: expanded)
        var node = PlanNode(
            name: info.name, kind: info.isFinally ? .finally : .phase, phase: phase,
            parallelGroup: info.parallelGroup, sourceRange: info.decl.range)
        for case .when(let condition, _) in clauses { node.condition = conditionTemplate(condition) }
        addNode(&node, clauses: clauses.filter(\.isRuntimeClause), to: &builder, at: info.decl.name.range)
        for clause in clauses {
            switch clause {
            case .undoReference(let target, _):
                builder.undoReferences.append((info.name, target))
            case .undoInline(let name, let call, let range):
                let compensationName = name?.text ?? builder.freshName("\(info.name)-undo")
                let decl = PhaseDecl(name: Name(compensationName, range: name?.range ?? range), call: call, range: range)
                addCompensation(decl, condition: node.condition, to: &builder)
                builder.edges.append(PlanEdge(from: info.name, to: compensationName, kind: .rollback))
            case .retry, .timeout, .when, .unnamed:
                break
            }
        }
    }

    /// `when EXPR` as a Go pipeline (`eq .Options.mode "full"`).
    mutating func conditionTemplate(_ condition: Expr) -> String? {
        pipeline(condition)
    }

    /// A compensation is guarded by its phase's condition: in the YAML rollback
    /// action it is skipped where its phase was.
    mutating func addCompensation(_ decl: PhaseDecl, condition: String?, to builder: inout GraphBuilder) {
        compensationName = decl.name.text
        let (phase, clauses) = lowerExpandedPhase(decl)
        compensationName = nil
        var node = PlanNode(name: decl.name.text, kind: .compensation, phase: phase, sourceRange: decl.range)
        node.condition = condition
        addNode(&node, clauses: clauses, to: &builder, at: decl.name.range)
    }

    /// Appends `node` after applying its retry and timeout `clauses`; a name already
    /// taken in the action is an error (the node is still added, for later passes).
    mutating func addNode(_ node: inout PlanNode, clauses: [PhaseClause], to builder: inout GraphBuilder, at nameRange: SourceRange) {
        if !clauses.isEmpty { node.runtimeClauseRanges.reserveCapacity(clauses.count) }
        for clause in clauses {
            switch clause {
            case .retry, .timeout: applyRuntimeClause(clause, to: &node)
            case .when, .unnamed: break
            case .undoReference(_, let range), .undoInline(_, _, let range):
                report(.nestedUndo, "a compensation has no undo of its own", at: range)
            }
        }
        if !builder.names.insert(node.name).inserted {
            let what = node.kind == .compensation ? "compensation" : "phase"
            report(.duplicatePlanNode, "\(what) name '\(node.name)' is already used in action '\(action?.name ?? "")'", at: nameRange)
        }
        builder.nodes.append(node)
    }

    /// `retry N` and `timeout DURATION`: kept for the runtime.
    mutating func applyRuntimeClause(_ clause: PhaseClause, to node: inout PlanNode) {
        switch clause {
        case .retry(let count, let range):
            node.runtimeClauseRanges.append(range)
            if case .error = count.kind { return }
            guard case .int(let text) = count.kind, let value = Int(text), value >= 0 else {
                report(.badRuntimeClause, "retry takes a whole number of retries, such as 'retry 3'", at: count.range)
                return
            }
            node.retryCount = value
        case .timeout(let value, let range):
            node.runtimeClauseRanges.append(range)
            if case .error = value.kind { return }
            guard case .duration(let text) = value.kind, let seconds = PlanEdges.seconds(ofDuration: text), seconds > 0 else {
                report(.badRuntimeClause, "timeout takes a duration, such as 'timeout 10m' or 'timeout 1h30m'", at: value.range)
                return
            }
            node.timeoutSeconds = seconds
        case .undoReference, .undoInline, .when, .unnamed:
            break
        }
    }

    /// Rollback edges of `undo NAME`: NAME must be a phase of the same action.
    mutating func resolveUndo(_ builder: GraphBuilder, in info: ActionInfo) -> [PlanEdge] {
        guard !builder.undoReferences.isEmpty else { return [] }
        var edges: [PlanEdge] = []
        let kinds = Dictionary(builder.nodes.map { ($0.name, $0.kind) }, uniquingKeysWith: { first, _ in first })
        for (phase, target) in builder.undoReferences {
            guard kinds[target.text] == .phase else {
                report(.undoTarget, "undo names '\(target.text)', which is not a phase of action '\(info.name)'", at: target.range)
                continue
            }
            edges.append(PlanEdge(from: phase, to: target.text, kind: .rollback))
        }
        return edges
    }
}

extension PhaseClause {
    var isRuntimeClause: Bool {
        switch self {
        case .retry, .timeout: true
        case .undoReference, .undoInline, .when, .unnamed: false
        }
    }
}

/// Edges that follow from the action's layout and from the templates.
enum PlanEdges {
    /// Phases run in source order; the members of a `parallel` group have no
    /// edges among themselves. The finally phase follows the last stage.
    static func sequenceAndFinally(_ info: ActionInfo) -> [PlanEdge] {
        let main = info.mainPhases
        // Stage k is `main[starts[k]..<starts[k + 1]]` (the last one ends at main.count).
        var starts: [Int] = []
        var lastGroup: Int?
        for index in main.indices {
            let group = main[index].parallelGroup
            if group == nil || group != lastGroup || starts.isEmpty { starts.append(index) }
            lastGroup = group
        }
        starts.append(main.count)
        var edges: [PlanEdge] = []
        edges.reserveCapacity(main.count)
        for stage in 0..<max(starts.count - 2, 0) {
            for from in starts[stage]..<starts[stage + 1] {
                for to in starts[stage + 1]..<starts[stage + 2] {
                    edges.append(PlanEdge(from: main[from].name, to: main[to].name, kind: .sequence))
                }
            }
        }
        if let finallyPhase = info.finallyPhase, starts.count > 1 {
            let name = finallyPhase.name
            for from in starts[starts.count - 2]..<main.count { edges.append(PlanEdge(from: main[from].name, to: name, kind: .finally)) }
        }
        return edges
    }

    /// The data edges: one for each reference Sema recorded (every read of a
    /// phase's output, secrets or configmaps, in `.bp` expressions and in Go
    /// template strings alike), from the phase read to the node that reads. A
    /// reference in an inline `undo` clause is read by that compensation.
    static func data(_ references: [String: [PhaseReference]], _ graph: GraphBuilder) -> [PlanEdge] {
        guard !references.isEmpty else { return [] }
        let parts: [PhaseReference.Part: String] = [.output: "Output", .secrets: "Secrets", .configMaps: "ConfigMaps"]
        let compensationsOf = compensations(graph)
        var edges: [PlanEdge] = []
        for (phase, uses) in references {
            let compensations = compensationsOf[phase] ?? []
            for use in uses {
                let reader = use.compensation.flatMap { clause in compensations.first { $0.sourceRange == clause } }
                let key = ([parts[use.part] ?? use.part.rawValue] + (use.key.map { [$0] } ?? [])).joined(separator: ".")
                edges.append(PlanEdge(from: use.phase, to: reader?.name ?? phase, kind: .data, keys: [key]))
            }
        }
        return edges.filter { $0.from != $0.to }
    }

    /// The inline compensations of each phase (the targets of its rollback edges,
    /// in order, that are compensations), as name and source range.
    static func compensations(_ graph: GraphBuilder) -> [String: [(name: String, sourceRange: SourceRange)]] {
        var result: [String: [(name: String, sourceRange: SourceRange)]] = [:]
        var firstIndex: [String: Int]?
        for edge in graph.edges where edge.kind == .rollback {
            let indices = firstIndex ?? Dictionary(graph.nodes.indices.map { (graph.nodes[$0].name, $0) }, uniquingKeysWith: { first, _ in first })
            firstIndex = indices
            guard let index = indices[edge.to], graph.nodes[index].kind == .compensation else { continue }
            result[edge.from, default: []].append((graph.nodes[index].name, graph.nodes[index].sourceRange))
        }
        return result
    }

    /// `Double(String(decoding: digits, as: UTF8.self))` for ASCII digits: up to 15
    /// digits are an integer that a Double holds exactly.
    static func decimalValue(_ digits: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !digits.isEmpty, digits.count <= 15 else {
            return Double(String(decoding: digits, as: UTF8.self))
        }
        var value = 0
        for digit in digits { value = value &* 10 &+ Int(digit &- UInt8(ascii: "0")) }
        return Double(value)
    }

    /// `10m`, `1h30m`, `500ms` in seconds.
    static func seconds(ofDuration text: String) -> Double? {
        var text = text
        return text.withUTF8 { bytes in
            var total = 0.0
            var numberStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                if (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { continue }
                let digits = UnsafeBufferPointer(rebasing: bytes[numberStart..<(index - 1)])
                guard let value = decimalValue(digits) else { return nil }
                switch byte {
                case UInt8(ascii: "h"): total += value * 3600
                case UInt8(ascii: "s"): total += value
                case UInt8(ascii: "m") where index < bytes.count && bytes[index] == UInt8(ascii: "s"):
                    index += 1
                    total += value / 1000
                case UInt8(ascii: "m"): total += value * 60
                default: return nil
                }
                numberStart = index
            }
            return numberStart == bytes.count && !bytes.isEmpty ? total : nil
        }
    }
}

extension Lowering {
    /// Takes over the diagnostics of a copy that lowered some of the actions.
    mutating func merge(_ part: Lowering) {
        for diagnostic in part.reported.items { reported.append(diagnostic) }
    }
}
