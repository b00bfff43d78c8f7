// The runtime's figures: scheduling overhead per phase over 1,000 no-op phases
// (chained and independent, journal in memory and fsynced to disk), and the
// makespan of 50 parallel `sleep 0.2` phases at --parallel 50 over 0.2 s.

import BlueprintPlan
import BlueprintRuntime
import Foundation

/// Does nothing: what is left is the scheduler's own cost.
struct NoOpExecutor: PhaseExecutor {
    var name: String { "no-op" }
    func unsupportedReason(for function: String) -> String? { nil }
    func run(_ phase: RenderedPhase, context: PhaseContext) async throws -> [String: String] { [:] }
}

enum RuntimeBench {
    static let inputs = RunInputs(file: "bench", action: "bench", subject: RunSubject(kind: "statefulset", namespace: "ns", name: "db"))

    static func graph(count: Int, chained: Bool, command: [String] = []) -> RunGraph {
        let args = command.isEmpty ? [] : [KanisterEntry("command", .list(command.map { .string($0) }))]
        return RunGraph(
            nodes: (0..<count).map { index in
                RunNode(
                    name: "p\(index)", phase: RunPhase(function: "KubeTask", args: args),
                    dependencies: chained && index > 0 ? ["p\(index - 1)"] : [])
            })
    }

    static func time(_ graph: RunGraph, executor: any PhaseExecutor, parallel: Int, journalPath: String? = nil) async throws -> Double {
        let journal = try RunJournal(path: journalPath)
        let scheduler = RunScheduler(
            runID: "bench", graph: graph, executor: executor, inputs: inputs, secrets: RunSecrets(), journal: journal,
            options: RunOptions(parallel: parallel))
        let start = DispatchTime.now().uptimeNanoseconds
        let summary = await scheduler.execute(inputs: inputs)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard summary.status == .succeeded else { throw RunInputError("benchmark run failed: \(summary.failures)") }
        return seconds
    }

    static func run() async {
        do {
            print("runtime:")
            for (label, chained, parallel) in [("chain of 1,000", true, 1), ("1,000 independent, --parallel 8", false, 8)] {
                var best = Double.infinity
                for _ in 0..<3 { best = min(best, try await time(graph(count: 1000, chained: chained), executor: NoOpExecutor(), parallel: parallel)) }
                print("  no-op phases, \(label), journal in memory: \(String(format: "%.1f", best * 1e6 / 1000)) µs/phase")
            }
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-bench-\(getpid())").path
            defer { try? FileManager.default.removeItem(atPath: directory) }
            let durable = try await time(
                graph(count: 1000, chained: true), executor: NoOpExecutor(), parallel: 1, journalPath: directory + "/bench.jsonl")
            print("  no-op phases, chain of 1,000, journal fsynced to \(directory): \(String(format: "%.1f", durable * 1e6 / 1000)) µs/phase")
            let local = LocalExecutor(environment: ProcessInfo.processInfo.environment)
            var makespan = Double.infinity
            for _ in 0..<3 {
                makespan = min(makespan, try await time(graph(count: 50, chained: false, command: ["sleep", "0.2"]), executor: local, parallel: 50))
            }
            let ratio = String(format: "%.2f", makespan / 0.2)
            print("  50 x `sleep 0.2` at --parallel 50: makespan \(String(format: "%.3f", makespan)) s = \(ratio) x 0.2 s (target <= 1.3)")
        } catch {
            print("runtime benchmark failed: \(error)")
        }
    }
}
