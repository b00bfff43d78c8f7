// The forward run: one task group per run; the parent owns the ready set and the
// in-degrees, starts ready phases up to the parallel limit, and on the first
// failure or an interruption cancels the running ones and lets the group drain.

import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct RunOptions: Sendable {
    public var parallel: Int
    /// Seconds before the first retry; each later retry waits twice as long, up to `maxBackoff`.
    public var retryBackoff: Double
    public var maxBackoff: Double

    public init(parallel: Int = 4, retryBackoff: Double = 1, maxBackoff: Double = 30) {
        self.parallel = max(1, parallel)
        self.retryBackoff = retryBackoff
        self.maxBackoff = maxBackoff
    }
}

/// How one node ended.
enum NodeOutcome: Sendable {
    case completed(String, [String: String])
    case failed(String, String)
    case cancelled(String)
    /// The `when` condition was false.
    case skipped(String)

    var name: String {
        switch self {
        case .completed(let name, _), .failed(let name, _), .cancelled(let name), .skipped(let name): name
        }
    }
}

enum ChildEvent: Sendable {
    case node(NodeOutcome)
    case interrupted(Int32)
    case watcherEnded
}

public struct RunScheduler: Sendable {
    public let runID: String
    public let graph: RunGraph
    public let executor: any PhaseExecutor
    let renderer: PhaseRenderer
    public let journal: RunJournal
    public let options: RunOptions
    /// The run's temporary folder, journaled (after run-started) so that a later
    /// `--resume` or `rollback` removes it if this process is killed.
    public var workspace: String?

    public init(
        runID: String, graph: RunGraph, executor: any PhaseExecutor, inputs: RunInputs, secrets: RunSecrets,
        journal: RunJournal, options: RunOptions, evaluator: TemplateEvaluator = TemplateEvaluator()
    ) {
        self.runID = runID
        self.graph = graph
        self.executor = executor
        let action = graph.action
        let parameters = TemplateParameters(inputs: inputs, secrets: secrets, action: action, isLenient: !executor.producesOutputs)
        self.renderer = PhaseRenderer(evaluator: evaluator, parameters: parameters, secrets: secrets, isLenient: executor.name == "dry-run")
        self.journal = journal
        self.options = options
    }

    /// Functions of the graph this backend cannot run, with the reason; checked before anything runs.
    public func unsupportedFunctions() -> [(function: String, reason: String)] { graph.unsupportedFunctions(on: executor) }

    /// Secrets, configmaps and input artifacts the action declares but the run was not given.
    public func missingInputs(_ inputs: RunInputs, _ secrets: RunSecrets) -> [String] { graph.missingInputs(inputs, secrets) }

    /// Runs the phases not yet completed in `state` and reports whether all completed.
    func runForward(_ state: inout RunState, interruptions: AsyncStream<Int32>?) async -> ForwardResult {
        var indegree: [String: Int] = [:]
        var dependents: [String: [String]] = [:]
        let done = Set(state.completedOrder + state.skipped)
        for node in graph.phases where !done.contains(node.name) {
            indegree[node.name] = node.dependencies.filter { !done.contains($0) }.count
            for dependency in node.dependencies where !done.contains(dependency) { dependents[dependency, default: []].append(node.name) }
        }
        var ready = graph.phases.map(\.name).filter { indegree[$0] == 0 }
        var result = ForwardResult()
        await withTaskGroup(of: ChildEvent.self) { group in
            if let interruptions {
                group.addTask {
                    for await signal in interruptions { return .interrupted(signal) }
                    return .watcherEnded
                }
            }
            var running = 0
            while true {
                while result.isHealthy, running < options.parallel, !ready.isEmpty {
                    let name = ready.removeFirst()
                    guard let node = graph.node(named: name) else { continue }
                    guard let runs = await decide(node, &state, &result) else { break }
                    guard runs else {
                        handle(.skipped(name), &state, &result, &ready, &indegree, dependents)
                        continue
                    }
                    guard let rendered = await render(node, &state, &result) else { break }
                    running += 1
                    group.addTask { .node(await self.runNode(node, rendered)) }
                }
                if !result.isHealthy { group.cancelAll() }
                if running == 0 { break }
                guard let event = await group.next() else { break }
                switch event {
                case .node(let outcome):
                    running -= 1
                    handle(outcome, &state, &result, &ready, &indegree, dependents)
                    if !result.isHealthy { group.cancelAll() }
                case .interrupted(let signal):
                    result.interruption = signal
                    await journal.record(RunEvent(.interrupted, value: "signal \(signal)"))
                    group.cancelAll()
                case .watcherEnded:
                    break
                }
            }
            group.cancelAll()
        }
        result.isComplete =
            result.isHealthy && graph.phases.allSatisfy { state.completedOrder.contains($0.name) || state.skipped.contains($0.name) }
        return result
    }

    func render(_ node: RunNode, _ state: inout RunState, _ result: inout ForwardResult) async -> RenderedPhase? {
        do {
            let (rendered, record) = try renderer.render(node, phases: state.phaseValues)
            state.records[node.name] = record
            return rendered
        } catch {
            let message = "\(error)"
            await journal.record(RunEvent(.phaseFailed, phase: node.name, error: message))
            result.failures.append(PhaseError(phase: node.name, message: message))
            return nil
        }
    }

    /// Whether `node` runs: true without a condition; nil when the condition cannot be
    /// rendered (a failure of the phase). A skip is journaled.
    func decide(_ node: RunNode, _ state: inout RunState, _ result: inout ForwardResult) async -> Bool? {
        guard let condition = node.condition else { return true }
        do {
            if try renderer.holds(condition, phases: state.phaseValues) { return true }
            await journal.record(RunEvent(.phaseSkipped, phase: node.name, value: condition))
            return false
        } catch {
            let message = "its 'when' condition: \(error)"
            await journal.record(RunEvent(.phaseFailed, phase: node.name, error: message))
            result.failures.append(PhaseError(phase: node.name, message: message))
            return nil
        }
    }

    func handle(
        _ outcome: NodeOutcome, _ state: inout RunState, _ result: inout ForwardResult, _ ready: inout [String],
        _ indegree: inout [String: Int], _ dependents: [String: [String]]
    ) {
        switch outcome {
        case .completed, .skipped:
            let name: String
            if case .completed(let completed, let outputs) = outcome {
                name = completed
                state.complete(name, outputs: outputs)
            } else {
                name = outcome.name
                if !state.skipped.contains(name) { state.skipped.append(name) }
            }
            for next in dependents[name] ?? [] {
                indegree[next, default: 1] -= 1
                if indegree[next] == 0 { ready.append(next) }
            }
        case .failed(let name, let message):
            result.failures.append(PhaseError(phase: name, message: message))
        case .cancelled(let name):
            result.cancelled.append(name)
        }
    }

    /// One phase: attempts with timeout and backoff; the journal hears of the
    /// completion before the parent does.
    func runNode(_ node: RunNode, _ rendered: RenderedPhase) async -> NodeOutcome {
        let started = Date()
        var attempt = 1
        while true {
            await journal.record(RunEvent(.phaseStarted, phase: node.name, attempt: attempt))
            do {
                let outputs = try await attemptPhase(node, rendered, attempt: attempt)
                await journal.record(
                    RunEvent(.phaseCompleted, phase: node.name, attempt: attempt, outputs: outputs, elapsed: Date().timeIntervalSince(started)))
                return .completed(node.name, outputs)
            } catch {
                let elapsed = Date().timeIntervalSince(started)
                if Task.isCancelled {
                    await journal.record(RunEvent(.phaseFailed, phase: node.name, attempt: attempt, error: "cancelled", elapsed: elapsed))
                    return .cancelled(node.name)
                }
                let message = "\(error)"
                guard attempt <= node.retryCount else {
                    await journal.record(RunEvent(.phaseFailed, phase: node.name, attempt: attempt, error: message, elapsed: elapsed))
                    return .failed(node.name, message)
                }
                let delay = min(options.retryBackoff * pow(2, Double(attempt - 1)), options.maxBackoff)
                await journal.record(RunEvent(.phaseRetrying, phase: node.name, attempt: attempt, error: message, elapsed: delay))
                do {
                    try await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1e9))
                } catch {
                    await journal.record(RunEvent(.phaseFailed, phase: node.name, attempt: attempt, error: "cancelled"))
                    return .cancelled(node.name)
                }
                attempt += 1
            }
        }
    }

    /// One attempt, bounded by the node's timeout.
    func attemptPhase(_ node: RunNode, _ rendered: RenderedPhase, attempt: Int) async throws -> [String: String] {
        let journal = self.journal
        let name = node.name
        let context = PhaseContext(
            runID: runID, attempt: attempt, log: { line in journal.log(phase: name, line) },
            processStarted: { group in await journal.record(RunEvent(.processStarted, phase: name, value: String(group))) },
            redactor: journal.redactor)
        guard let timeout = node.timeoutSeconds else { return try await executor.run(rendered, context: context) }
        return try await withThrowingTaskGroup(of: [String: String]?.self) { group in
            group.addTask { try await self.executor.run(rendered, context: context) }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1e9))
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let outputs = first else {
                throw PhaseFailure("timed out after \(PhaseFailure.duration(timeout))")
            }
            return outputs
        }
    }
}

extension PhaseFailure {
    static func duration(_ seconds: Double) -> String {
        seconds >= 1 && seconds == seconds.rounded() ? "\(Int(seconds))s" : printfFormat("%.3gs", seconds)
    }
}
