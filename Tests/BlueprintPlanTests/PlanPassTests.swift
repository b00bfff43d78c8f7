// The optimizer passes on their own: transitive reduction, cycle detection
// (with the cycle printed), and scheduling (levels, critical path, what may
// run at once, and the order compensations run in).

import BlueprintPlan
import BlueprintSyntax
import TestSupport
import Testing

@Suite struct PlanPassTests {
    static func graph(_ nodes: [String], _ edges: [(String, String, PlanEdgeKind)], kinds: [String: PlanNodeKind] = [:]) -> PlanGraph {
        PlanGraph(
            nodes: nodes.map { PlanFixtures.node($0, kinds[$0] ?? .phase) },
            edges: edges.map { PlanEdge(from: $0.0, to: $0.1, kind: $0.2) })
    }

    struct ReductionCase: Sendable, CustomStringConvertible {
        var description: String
        var nodes: [String]
        var edges: [(String, String, PlanEdgeKind)]
        var kept: [String]
    }

    static let reductions: [ReductionCase] = [
        ReductionCase(
            description: "a chain keeps every edge", nodes: ["a", "b", "c"],
            edges: [("a", "b", .sequence), ("b", "c", .sequence)], kept: ["a -> b: sequence", "b -> c: sequence"]),
        ReductionCase(
            description: "a shortcut sequence edge goes", nodes: ["a", "b", "c"],
            edges: [("a", "b", .sequence), ("b", "c", .sequence), ("a", "c", .sequence)],
            kept: ["a -> b: sequence", "b -> c: sequence"]),
        ReductionCase(
            description: "a data edge stays even when implied", nodes: ["a", "b", "c"],
            edges: [("a", "b", .sequence), ("b", "c", .sequence), ("a", "c", .data)],
            kept: ["a -> b: sequence", "a -> c: data", "b -> c: sequence"]),
        ReductionCase(
            description: "a sequence edge beside a data edge goes", nodes: ["a", "b"],
            edges: [("a", "b", .sequence), ("a", "b", .data)], kept: ["a -> b: data"]),
        ReductionCase(
            description: "finally edges implied through a data edge go", nodes: ["a", "b", "f"],
            edges: [("a", "f", .finally), ("b", "f", .finally), ("a", "b", .data)],
            kept: ["a -> b: data", "b -> f: finally"]),
        ReductionCase(
            description: "diamond fan-in keeps both branches", nodes: ["a", "l", "r", "z"],
            edges: [("a", "l", .sequence), ("a", "r", .sequence), ("l", "z", .sequence), ("r", "z", .sequence), ("a", "z", .sequence)],
            kept: ["a -> l: sequence", "a -> r: sequence", "l -> z: sequence", "r -> z: sequence"]),
        ReductionCase(
            description: "rollback edges are not paths", nodes: ["a", "b", "c"],
            edges: [("a", "b", .rollback), ("b", "c", .sequence), ("a", "c", .sequence)],
            kept: ["a -> b: rollback", "a -> c: sequence", "b -> c: sequence"]),
    ]

    @Test(arguments: reductions)
    func transitiveReduction(_ testCase: ReductionCase) {
        let graph = Self.graph(testCase.nodes, testCase.edges, kinds: ["f": .finally])
        let reduced = PlanPasses.reduceTransitively(graph)
        #expect(reduced.edges.map(PlanText.describe).sorted() == testCase.kept.sorted())
        #expect(reduced.nodes == graph.nodes)
    }

    @Test(arguments: [3000, 9000])
    func longChainsAreReducedWithoutQuadraticMemory(_ count: Int) {
        // 9000 nodes is past OrderedDAG.bitsetLimit: the pruned search runs instead.
        let names = (0..<count).map { "p\($0)" }
        let shortcuts = stride(from: 0, to: count - 3, by: 7).map { (names[$0], names[$0 + 3], PlanEdgeKind.sequence) }
        let edges = zip(names, names.dropFirst()).map { ($0, $1, PlanEdgeKind.sequence) } + shortcuts
        let reduced = PlanPasses.reduceTransitively(Self.graph(names, edges))
        #expect(reduced.edges.count == count - 1)
        let schedule = PlanSchedule(reduced)
        #expect(schedule.levels.count == count)
        #expect(schedule.concurrency.isEmpty)
    }

    @Test func acyclicGraphsHaveNoCycle() {
        #expect(PlanPasses.findCycle(Self.graph(["a", "b"], [("a", "b", .sequence)])) == nil)
    }

    @Test func theCycleIsReturnedInOrder() throws {
        let graph = Self.graph(["x", "a", "b", "c"], [("x", "a", .sequence), ("a", "b", .sequence), ("b", "c", .data), ("c", "a", .rollback)])
        let cycle = try #require(PlanPasses.findCycle(graph))
        #expect(cycle.map(PlanText.describe) == ["a -> b: sequence", "b -> c: data", "c -> a: rollback"])
    }

    /// The lowered plan of `program` with `extra` data edges added: Sema refuses a
    /// read of a later phase or of a phase in the same parallel group (and records
    /// no edge for it), so only a plan changed by hand can hold such a cycle.
    static func optimizedWithDataEdges(_ program: String, _ extra: [PlanEdge]) -> (plan: PlanBlueprint, diagnostics: [Diagnostic]) {
        var plan = PlanFixtures.plan(PlanLoweringTests.header + program, optimized: false).plan
        plan.actions[0].graph = plan.actions[0].graph.replacingEdges(plan.actions[0].graph.edges + extra)
        return PlanPasses.optimize(plan)
    }

    @Test func aDataReferenceToALaterPhaseIsACycle() throws {
        let (plan, diagnostics) = Self.optimizedWithDataEdges(
            """
            action backup {
              phase first: KubeTask { image: "x", command: ["echo"] }
              phase second: KubeTask { image: "x", command: ["kando output k v"] }
            }
            """, [PlanEdge(from: "second", to: "first", kind: .data, keys: ["Output.k"])])
        let cycle = try #require(diagnostics.first)
        #expect(cycle.code == .planCycle)
        #expect(cycle.message == "the phases of action 'backup' form a cycle: first -> second -> first")
        #expect(cycle.notes.map(\.message) == ["'second' runs after 'first'", "'first' reads Output.k of 'second'"])
        #expect(plan.actions.first?.graph.edges.count == 2, "a cyclic graph is left unreduced")
    }

    @Test func aCycleInsideAParallelGroupIsReported() throws {
        let (_, diagnostics) = Self.optimizedWithDataEdges(
            """
            action backup {
              parallel {
                phase left: KubeTask { image: "x", command: ["kando output l v"] }
                phase right: KubeTask { image: "x", command: ["kando output r v"] }
              }
            }
            """,
            [
                PlanEdge(from: "right", to: "left", kind: .data, keys: ["Output.r"]),
                PlanEdge(from: "left", to: "right", kind: .data, keys: ["Output.l"]),
            ])
        #expect(diagnostics.map(\.message) == ["the phases of action 'backup' form a cycle: left -> right -> left"])
    }

    @Test func anUndoOfAnEarlierPhaseIsACycle() {
        let (_, diagnostics) = PlanFixtures.plan(
            PlanLoweringTests.header + """
                action backup {
                  phase unlock: KubeTask { image: "x", command: ["u"] }
                  phase lock: KubeTask { image: "x", command: ["l"] } undo unlock
                }
                """)
        #expect(diagnostics.map(\.message) == ["the phases of action 'backup' form a cycle: unlock -> lock -> unlock"])
        #expect(diagnostics.first?.notes.last?.message == "'unlock' undoes 'lock', so it must come later")
    }

    @Test func levelsAndCriticalPath() {
        // a -> b -> d, a -> c, c and b/d independent; f is finally.
        let graph = Self.graph(
            ["a", "b", "c", "d", "f"],
            [("a", "b", .sequence), ("b", "d", .data), ("a", "c", .sequence), ("d", "f", .finally), ("c", "f", .finally)],
            kinds: ["f": .finally])
        let schedule = PlanSchedule(graph)
        #expect(schedule.order == ["a", "b", "c", "d", "f"])
        #expect(schedule.levels == [["a"], ["b", "c"], ["d"], ["f"]])
        #expect(schedule.criticalPath == ["a", "b", "d", "f"])
        #expect(schedule.concurrency.map { "\($0.phase): \($0.mayRunWith)" } == [#"b: ["c"]"#, #"c: ["d"]"#])
    }

    @Test func concurrencyAcrossBitsetWords() {
        // 70 independent phases between a start and an end: every pair may run at once.
        let middle = (0..<70).map { "m\($0)" }
        let edges = middle.flatMap { [("start", $0, PlanEdgeKind.sequence), ($0, "end", PlanEdgeKind.sequence)] }
        let schedule = PlanSchedule(Self.graph(["start"] + middle + ["end"], edges))
        #expect(schedule.levels.map(\.count) == [1, 70, 1])
        #expect(schedule.concurrency.count == 69)
        #expect(schedule.concurrency.first?.mayRunWith == Array(middle.dropFirst()))
        #expect(schedule.concurrency.last?.mayRunWith == ["m69"])
    }

    @Test func compensationOrderWithSeveralUndoEdges() {
        // a undo a1, a2 (inline); b undo unlockB (by name, a later phase); c undo c1; finally f undo nothing.
        let graph = PlanFixtures.graph(
            PlanLoweringTests.header + """
                action backup {
                  phase a: KubeTask { image: "x", command: ["a"] } undo a1: KubeTask { image: "x", command: ["1"] } undo a2: KubeTask { image: "x", command: ["2"] }
                  phase b: KubeTask { image: "x", command: ["b"] } undo unlockB
                  parallel {
                    phase c: KubeTask { image: "x", command: ["c"] } undo c1: KubeTask { image: "x", command: ["3"] }
                    phase d: KubeTask { image: "x", command: ["d"] } undo unlockB
                  }
                  phase unlockB: KubeTask { image: "x", command: ["u"] }
                  finally f: KubeTask { image: "x", command: ["f"] }
                }
                """)
        let steps = PlanSchedule(graph).compensationOrder
        #expect(steps.map(\.compensation) == ["unlockB", "c1", "a2", "a1"])
        #expect(steps.first?.undoes == ["d", "b"])
        #expect(steps.map(\.undoes).dropFirst().map { $0 } == [["c"], ["a"], ["a"]])
    }

    @Test func durationsPrintAsWritten() {
        #expect(PlanText.duration(600) == "10m")
        #expect(PlanText.duration(5400) == "1h30m")
        #expect(PlanText.duration(0.5) == "500ms")
        #expect(PlanText.duration(3661) == "1h1m1s")
    }
}

/// Random acyclic graphs (a seeded generator): both ways of finding implied
/// edges agree, and reduction keeps reachability.
@Suite struct PlanReductionPropertyTests {
    @Test(arguments: 0..<40)
    func searchAndBitsetsAgree(_ seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &+ 17)
        let count = Int.random(in: 2...40, using: &random)
        let names = (0..<count).map { "n\($0)" }
        var edges: [PlanEdge] = []
        for from in 0..<count {
            for to in (from + 1)..<max(from + 1, count) where Int.random(in: 0..<4, using: &random) == 0 {
                let kind: PlanEdgeKind = Int.random(in: 0..<3, using: &random) == 0 ? .data : .sequence
                edges.append(PlanEdge(from: names[from], to: names[to], kind: kind))
            }
        }
        let graph = PlanGraph(nodes: names.map { PlanFixtures.node($0) }, edges: edges)
        let probe = PlanPasses.impliedEdgeSets(graph)
        #expect(probe.bitsets == probe.search)
        let reduced = PlanPasses.reduceTransitively(graph)
        #expect(PlanSchedule(reduced).levels == PlanSchedule(graph).levels)
        #expect(PlanSchedule(reduced).concurrency.map(\.mayRunWith) == PlanSchedule(graph).concurrency.map(\.mayRunWith))
    }
}
