// The scheduler with an injected executor over a table of failure scenarios:
// failure at phase k, cancellation mid-run, a failing compensation, a timeout,
// a retry that succeeds; plus ordering, parallelism, outputs and resume.

import BlueprintPlan
import BlueprintRuntime
import Foundation
import Testing

/// What the scripted executor does for one phase.
enum Behavior: Sendable {
    case succeed([String: String])
    case fail(String)
    /// Fails this many times, then succeeds.
    case failTimes(Int)
    /// Sleeps (cancellably), then succeeds.
    case sleep(Double)
}

actor CallLog {
    var calls: [String] = []
    var finished: [String] = []
    var running = 0
    var maxRunning = 0
    var attempts: [String: Int] = [:]
    var arguments: [String: [KanisterEntry]] = [:]

    func start(_ name: String, _ args: [KanisterEntry]) -> Int {
        calls.append(name)
        arguments[name] = args
        running += 1
        maxRunning = max(maxRunning, running)
        attempts[name, default: 0] += 1
        return attempts[name] ?? 1
    }

    func end(_ name: String) {
        running -= 1
        finished.append(name)
    }
}

struct ScriptedExecutor: PhaseExecutor {
    let log: CallLog
    let behaviors: [String: Behavior]
    /// Called when a phase starts (before its behaviour), e.g. to send an interruption.
    var onStart: @Sendable (String) -> Void = { _ in }
    var name: String { "scripted" }

    func unsupportedReason(for function: String) -> String? { function == "Unsupported" ? "not here" : nil }

    func run(_ phase: RenderedPhase, context: PhaseContext) async throws -> [String: String] {
        let attempt = await log.start(phase.name, phase.args)
        onStart(phase.name)
        defer { Task { await log.end(phase.name) } }
        switch behaviors[phase.name] ?? .succeed([:]) {
        case .succeed(let outputs): return outputs
        case .fail(let message): throw PhaseFailure(message)
        case .failTimes(let count):
            if attempt <= count { throw PhaseFailure("attempt \(attempt) failed") }
            return ["attempts": String(attempt)]
        case .sleep(let seconds):
            try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
            return [:]
        }
    }
}

/// A small saga: a -> b -> c -> d, each of a, b, c with an undo; finally `fin`.
func sagaGraph(retry: [String: Int] = [:], timeout: [String: Double] = [:]) -> RunGraph {
    var nodes: [RunNode] = []
    var previous: String?
    for name in ["a", "b", "c", "d"] {
        let undo = name == "d" ? [] : ["undo-\(name)"]
        nodes.append(
            RunNode(
                name: name, retryCount: retry[name] ?? 0, timeoutSeconds: timeout[name],
                dependencies: previous.map { [$0] } ?? [], compensations: undo))
        if name != "d" { nodes.append(RunNode(name: "undo-\(name)", kind: .compensation)) }
        previous = name
    }
    nodes.append(RunNode(name: "fin", kind: .finally))
    return RunGraph(nodes: nodes)
}

/// Runs `graph`; with `interruptWhen`, a SIGINT arrives as soon as that phase starts.
func runScenario(
    _ graph: RunGraph, _ behaviors: [String: Behavior], parallel: Int = 4, interruptWhen: String? = nil
) async throws -> (RunSummary, CallLog, [RunEvent]) {
    let log = CallLog()
    let journal = try RunJournal(path: nil)
    let inputs = RunInputs(file: "test.bp", action: "backup", subject: RunSubject(kind: "statefulset", namespace: "ns", name: "db"))
    let (interruptions, continuation) = AsyncStream<Int32>.makeStream()
    let executor = ScriptedExecutor(log: log, behaviors: behaviors) { name in
        if name == interruptWhen { continuation.yield(SIGINT) }
    }
    let scheduler = RunScheduler(
        runID: "test", graph: graph, executor: executor, inputs: inputs,
        secrets: RunSecrets(), journal: journal, options: RunOptions(parallel: parallel, retryBackoff: 0.01))
    let summary = await scheduler.execute(inputs: inputs, interruptions: interruptWhen == nil ? nil : interruptions)
    continuation.finish()
    return (summary, log, await journal.events)
}

@Suite struct SchedulerTests {
    @Test func runsEveryPhaseInOrderThenFinally() async throws {
        let (summary, log, _) = try await runScenario(sagaGraph(), [:])
        #expect(summary.status == .succeeded)
        #expect(await log.calls == ["a", "b", "c", "d", "fin"])
        #expect(summary.compensated.isEmpty)
    }

    @Test(arguments: [
        ("a", ["a", "fin"], [String]()), ("b", ["a", "b", "undo-a", "fin"], ["undo-a"]),
        ("c", ["a", "b", "c", "undo-b", "undo-a", "fin"], ["undo-b", "undo-a"]),
        ("d", ["a", "b", "c", "d", "undo-c", "undo-b", "undo-a", "fin"], ["undo-c", "undo-b", "undo-a"]),
    ])
    func failureAtPhaseKUndoesCompletedPhasesInReverse(failing: String, calls: [String], undone: [String]) async throws {
        let (summary, log, _) = try await runScenario(sagaGraph(), [failing: .fail("boom")])
        #expect(summary.status == .failed)
        #expect(await log.calls == calls)
        #expect(summary.compensated.map(\.compensation) == undone)
        #expect(summary.failures.map(\.phase) == [failing])
    }

    @Test func failingCompensationIsReportedAndOthersStillRun() async throws {
        let (summary, log, events) = try await runScenario(sagaGraph(), ["d": .fail("boom"), "undo-b": .fail("cannot undo")])
        #expect(await log.calls == ["a", "b", "c", "d", "undo-c", "undo-b", "undo-a", "fin"])
        #expect(summary.compensationFailures.map(\.phase) == ["undo-b"])
        #expect(summary.compensated.map(\.compensation) == ["undo-c", "undo-a"])
        #expect(!summary.isCleanlyUndone)
        #expect(events.contains { $0.event == .compensationFailed && $0.phase == "undo-b" && $0.undoes == "b" })
    }

    @Test func timeoutFailsThePhase() async throws {
        let (summary, _, _) = try await runScenario(sagaGraph(timeout: ["b": 0.1]), ["b": .sleep(5)])
        #expect(summary.status == .failed)
        #expect(summary.failures.first?.message.contains("timed out") == true)
        #expect(summary.compensated.map(\.compensation) == ["undo-a"])
    }

    @Test func retryThatSucceeds() async throws {
        let (summary, log, events) = try await runScenario(sagaGraph(retry: ["b": 2]), ["b": .failTimes(2)])
        #expect(summary.status == .succeeded)
        #expect(await log.attempts["b"] == 3)
        #expect(events.filter { $0.event == .phaseRetrying }.count == 2)
    }

    @Test func retriesRunOut() async throws {
        let (summary, log, _) = try await runScenario(sagaGraph(retry: ["b": 1]), ["b": .failTimes(5)])
        #expect(summary.status == .failed)
        #expect(await log.attempts["b"] == 2)
    }

    @Test func cancellationMidRunCancelsAndRollsBack() async throws {
        let started = Date()
        let (summary, log, events) = try await runScenario(sagaGraph(), ["c": .sleep(60)], interruptWhen: "c")
        #expect(Date().timeIntervalSince(started) < 50, "the running phase was not cancelled")
        #expect(summary.status == .cancelled)
        #expect(summary.cancelledPhases == ["c"])
        #expect(await log.calls == ["a", "b", "c", "undo-b", "undo-a", "fin"])
        #expect(events.contains { $0.event == .interrupted })
    }

    @Test func parallelPhasesRunAtOnceUpToTheLimit() async throws {
        let nodes = (0..<8).map { RunNode(name: "p\($0)") }
        let behaviors = Dictionary(uniqueKeysWithValues: (0..<8).map { ("p\($0)", Behavior.sleep(0.2)) })
        let (summary, log, _) = try await runScenario(RunGraph(nodes: nodes), behaviors, parallel: 3)
        #expect(summary.status == .succeeded)
        #expect(await log.maxRunning == 3)
    }

    @Test func siblingsThatFinishWhileDrainingAreRolledBack() async throws {
        let nodes = [
            RunNode(name: "slow", compensations: ["undo-slow"]), RunNode(name: "undo-slow", kind: .compensation),
            RunNode(name: "bad"),
        ]
        let (summary, _, _) = try await runScenario(RunGraph(nodes: nodes), ["slow": .succeed([:]), "bad": .fail("x")])
        #expect(summary.status == .failed)
        if summary.completed.contains("slow") { #expect(summary.compensated.map(\.compensation) == ["undo-slow"]) }
    }
}
