// A whole run: the forward phases, then on failure or interruption the
// compensations of completed phases in reverse order of completion (never
// skipped, never cancelled), then the finally phase, the output artifacts and
// the final journal entry. Also the entry points for resume and rollback.

import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RunScheduler {
    /// Runs the action (or, given the ledger of an earlier run, goes on from it).
    public func execute(inputs: RunInputs, resuming ledger: RunLedger? = nil, interruptions: AsyncStream<Int32>? = nil) async -> RunSummary {
        var state = restore(ledger)
        if ledger == nil {
            await journal.record(RunEvent(.runStarted, inputs: inputs))
        } else {
            await journal.record(RunEvent(.runResumed, value: "completed before: \(state.completedOrder.joined(separator: ", "))"))
        }
        if let workspace { await journal.record(RunEvent(.workspace, value: workspace)) }
        var summary = RunSummary(runID: runID, status: .succeeded)
        let owesRollback = ledger.map { $0.hasFailed || $0.wasInterrupted || $0.rollbackStarted } ?? false
        var forward = ForwardResult()
        if owesRollback {
            forward.failures = [PhaseError(phase: "-", message: "the run had already failed; its compensations run now")]
        } else {
            forward = await runForward(&state, interruptions: interruptions)
        }
        summary.failures = forward.failures
        summary.cancelledPhases = forward.cancelled
        if !executor.producesOutputs { await describeCompensations(state) }
        if !forward.isComplete {
            summary.status = forward.interruption != nil ? .cancelled : .failed
            await compensate(&state, &summary)
        }
        await runFinally(&state, &summary)
        if summary.status == .succeeded, case .failure = summary.finallyResult { summary.status = .failed }
        if summary.status == .succeeded { await renderArtifacts(state, &summary) }
        return await finish(state, summary)
    }

    /// `bpc rollback`: the compensations an earlier run owes, then its finally phase.
    public func rollback(_ ledger: RunLedger) async -> RunSummary {
        var state = restore(ledger)
        await journal.record(RunEvent(.runResumed, value: "rollback"))
        if let workspace { await journal.record(RunEvent(.workspace, value: workspace)) }
        var summary = RunSummary(runID: runID, status: .failed)
        await compensate(&state, &summary)
        await runFinally(&state, &summary)
        return await finish(state, summary)
    }

    func finish(_ state: RunState, _ summary: RunSummary) async -> RunSummary {
        var summary = summary
        let ledger = await journal.ledger()
        summary.completed = ledger.completedOrder
        // A phase the crashed process was running is interrupted too, not "not run".
        for phase in ledger.interruptedPhases where !summary.cancelledPhases.contains(phase) {
            summary.cancelledPhases.append(phase)
        }
        // Phases that started at all (in this process or the one before) have run.
        summary.skipped = ledger.skipped
        let touched = Set(ledger.startedOrder + ledger.completedOrder + ledger.skipped + summary.failures.map(\.phase) + summary.cancelledPhases)
        summary.notRun = graph.phases.map(\.name).filter { !touched.contains($0) }
        summary.previouslyCompensated = ledger.compensationsDone.count - summary.compensated.count
        await journal.record(RunEvent(.runFinished, status: summary.status.rawValue, artifacts: summary.artifacts.isEmpty ? nil : summary.artifacts))
        summary.journalError = await journal.writeError
        return summary.masked(journal.redactor)
    }

    /// The state an earlier run left: completed phases, their outputs, and their
    /// objects' secrets (looked up again, since the journal never holds them).
    func restore(_ ledger: RunLedger?) -> RunState {
        var state = RunState()
        state.usesPlaceholders = !executor.producesOutputs
        guard let ledger else { return state }
        state.skipped = ledger.skipped
        for name in ledger.completedOrder {
            if let node = graph.node(named: name), let (_, record) = try? renderer.renderObjects(node, phases: state.phaseValues) {
                state.records[name] = record
            }
            state.complete(name, outputs: ledger.outputs[name] ?? [:], withheld: ledger.withheldOutputs[name] ?? [])
        }
        return state
    }

    /// Compensations of completed phases, latest completion first; for one phase,
    /// its last `undo` first. One that fails is reported and the others still run.
    func compensate(_ state: inout RunState, _ summary: inout RunSummary) async {
        let ledger = await journal.ledger()
        let completed = ledger.completedOrder
        var done = ledger.compensationsDone
        let owed = completed.reversed().flatMap { phase in
            (graph.node(named: phase)?.compensations ?? []).reversed().map { (phase: phase, compensation: $0) }
        }.filter { !completed.contains($0.compensation) }
        guard owed.contains(where: { !done.contains($0.compensation) }) else { return }
        await journal.record(RunEvent(.rollbackStarted, value: "undoing: \(completed.reversed().joined(separator: ", "))"))
        for (phase, name) in owed where !done.contains(name) {
            done.insert(name)
            guard let node = graph.node(named: name) else { continue }
            await journal.record(RunEvent(.compensationStarted, phase: name, undoes: phase))
            let started = Date()
            do {
                let (rendered, record) = try renderer.render(node, phases: state.phaseValues)
                state.records[name] = record
                let outputs = try await runAttempts(node, rendered)
                await journal.record(RunEvent(.compensated, phase: name, outputs: outputs, undoes: phase, elapsed: Date().timeIntervalSince(started)))
                summary.compensated.append(CompensationRecord(compensation: name, undoes: phase))
            } catch {
                let message = "\(error)"
                let elapsed = Date().timeIntervalSince(started)
                await journal.record(RunEvent(.compensationFailed, phase: name, error: message, undoes: phase, elapsed: elapsed))
                summary.compensationFailures.append(PhaseError(phase: name, message: message))
            }
        }
    }

    func runFinally(_ state: inout RunState, _ summary: inout RunSummary) async {
        guard let node = graph.finallyNode else { return }
        guard await !journal.ledger().finallyDone else {
            summary.finallyResult = .success(())
            return
        }
        let started = Date()
        do {
            if let condition = node.condition, try !renderer.holds(condition, phases: state.phaseValues) {
                await journal.record(RunEvent(.phaseSkipped, phase: node.name, value: condition))
                summary.skipped.append(node.name)
                return
            }
            await journal.record(RunEvent(.finallyStarted, phase: node.name))
            let (rendered, record) = try renderer.render(node, phases: state.phaseValues)
            state.records[node.name] = record
            let outputs = try await runAttempts(node, rendered)
            var finished = record
            finished.output = outputs
            state.records[node.name] = finished
            await journal.record(RunEvent(.finallyCompleted, phase: node.name, outputs: outputs, elapsed: Date().timeIntervalSince(started)))
            summary.finallyResult = .success(())
        } catch {
            let message = "\(error)"
            await journal.record(RunEvent(.finallyFailed, phase: node.name, error: message, elapsed: Date().timeIntervalSince(started)))
            summary.finallyResult = .failure(PhaseFailure(message))
        }
    }

    /// Attempts of a compensation or the finally phase (not cancellable: they clean up).
    func runAttempts(_ node: RunNode, _ rendered: RenderedPhase) async throws -> [String: String] {
        var attempt = 1
        while true {
            do {
                return try await attemptPhase(node, rendered, attempt: attempt)
            } catch {
                guard attempt <= node.retryCount else { throw error }
                let delay = min(options.retryBackoff * pow(2, Double(attempt - 1)), options.maxBackoff)
                await journal.record(RunEvent(.phaseRetrying, phase: node.name, attempt: attempt, error: "\(error)", elapsed: delay))
                try? await Task.sleep(nanoseconds: UInt64(max(0, delay) * 1e9))
                attempt += 1
            }
        }
    }

    /// Dry runs: renders each compensation and says what it would undo.
    func describeCompensations(_ state: RunState) async {
        for phase in graph.phases {
            for name in phase.compensations {
                guard let node = graph.node(named: name) else { continue }
                do {
                    let (rendered, _) = try renderer.render(node, phases: state.phaseValues)
                    journal.log(phase: name, "on failure after '\(phase.name)', would run:")
                    for line in DryRunExecutor.describe(rendered) { journal.log(phase: name, line) }
                } catch {
                    journal.log(phase: name, "on failure after '\(phase.name)': cannot render: \(error)")
                }
            }
        }
    }

    /// Output artifacts, rendered once everything succeeded (they may read `.DeferPhase`).
    func renderArtifacts(_ state: RunState, _ summary: inout RunSummary) async {
        guard let artifacts = graph.action?.outputArtifacts, !artifacts.isEmpty else { return }
        let deferPhase = graph.finallyNode.flatMap { state.records[$0.name] }?.value
        let data = renderer.parameters.value(phases: state.phaseValues, deferPhase: deferPhase)
        do {
            for artifact in artifacts {
                var result = RunArtifact()
                for entry in artifact.keyValue ?? [] {
                    guard case .string(let text) = entry.value else { continue }
                    result.keyValue[entry.key] = try renderer.renderString(text, data: data, what: "outputArtifacts.\(artifact.name).\(entry.key)")
                }
                if let snapshot = artifact.kopiaSnapshot {
                    result.kopiaSnapshot = try renderer.renderString(snapshot, data: data, what: "outputArtifacts.\(artifact.name).kopiaSnapshot")
                }
                summary.artifacts[artifact.name] = result
            }
        } catch {
            summary.status = .failed
            summary.failures.append(PhaseError(phase: "outputArtifacts", message: "\(error)"))
        }
    }
}
