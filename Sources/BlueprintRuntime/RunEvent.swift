// What happens during a run, as values: the journal stores them (one JSON line
// each), progress views print them. Secret values are redacted before an event
// leaves the scheduler.

import FoundationEssentials

public struct RunEvent: Sendable, Codable, Equatable {
    public enum Kind: String, Sendable, Codable, Equatable {
        case runStarted = "run-started"
        case runResumed = "run-resumed"
        case phaseStarted = "phase-started"
        case phaseOutput = "phase-output"
        case phaseCompleted = "phase-completed"
        case phaseFailed = "phase-failed"
        case phaseRetrying = "phase-retrying"
        /// A phase whose `when` condition was false (`value` is the condition): it did not run.
        case phaseSkipped = "phase-skipped"
        /// A process group a phase started (`value` is its id), for cleaning up after a crash.
        case processStarted = "process-started"
        /// The run's temporary folder (`value`), removed when the run ends, or by
        /// `--resume` and `rollback` after a crash.
        case workspace
        case interrupted
        case rollbackStarted = "rollback-started"
        case compensationStarted = "compensation-started"
        case compensated
        case compensationFailed = "compensation-failed"
        case finallyStarted = "finally-started"
        case finallyCompleted = "finally-completed"
        case finallyFailed = "finally-failed"
        case runFinished = "run-finished"
        /// A line a phase printed (progress views only; never journaled).
        case log
    }

    public var event: Kind
    public var time: Double
    public var phase: String?
    public var attempt: Int?
    public var key: String?
    public var value: String?
    public var outputs: [String: String]?
    /// What held a secret and is journaled only masked, so never read back: output
    /// keys of a phase event (`RunLedger.withheldOutputs`), output artifact parts
    /// `NAME.KEY` / `NAME.KopiaSnapshot` of run-finished (`RunLedger.withheldArtifacts`).
    public var withheld: [String]?
    public var error: String?
    /// For compensations: the phase undone.
    public var undoes: String?
    public var elapsed: Double?
    public var status: String?
    public var inputs: RunInputs?
    public var artifacts: [String: RunArtifact]?

    public init(
        _ event: Kind, phase: String? = nil, attempt: Int? = nil, key: String? = nil, value: String? = nil,
        outputs: [String: String]? = nil, error: String? = nil, undoes: String? = nil, elapsed: Double? = nil,
        status: String? = nil, inputs: RunInputs? = nil, artifacts: [String: RunArtifact]? = nil, time: Double? = nil
    ) {
        self.event = event
        self.time = time ?? Date().timeIntervalSince1970
        self.phase = phase
        self.attempt = attempt
        self.key = key
        self.value = value
        self.outputs = outputs
        self.error = error
        self.undoes = undoes
        self.elapsed = elapsed
        self.status = status
        self.inputs = inputs
        self.artifacts = artifacts
    }

    /// The same event with every free-text string passed through `redactor`.
    func masked(_ redactor: Redactor) -> RunEvent {
        guard !redactor.isEmpty else { return self }
        var copy = self
        copy.value = value.map(redactor.mask)
        copy.error = error.map(redactor.mask)
        copy.key = key.map(redactor.mask)
        if let outputs {
            var masked: [String: String] = [:]
            var withheld: [String] = []
            for (key, value) in outputs {
                masked[key] = redactor.mask(value)
                if masked[key] != value { withheld.append(key) }
            }
            copy.outputs = masked
            copy.withheld = withheld.isEmpty ? nil : withheld.sorted()
        }
        copy.artifacts = artifacts?.mapValues { $0.masked(redactor) }
        if let artifacts {
            let parts = artifacts.flatMap { $0.value.withheldParts($0.key, redactor) }.sorted()
            if !parts.isEmpty { copy.withheld = (copy.withheld ?? []) + parts }
        }
        if var inputs {
            var withheld = inputs.options.filter { redactor.mask($0.value) != $0.value }.map { "option.\($0.key)" }
            withheld += inputs.artifacts.flatMap { $0.value.withheldParts($0.key, redactor).map { "artifact.\($0)" } }
            if !withheld.isEmpty { inputs.withheld = ((inputs.withheld ?? []) + withheld).sorted() }
            inputs.options = inputs.options.mapValues(redactor.mask)
            inputs.artifacts = inputs.artifacts.mapValues { $0.masked(redactor) }
            inputs.objectJSON = inputs.objectJSON.map(redactor.mask)
            copy.inputs = inputs
        }
        return copy
    }
}

/// Receives events as they happen, redacted (the type says so); called from any
/// task, so implementations synchronise.
public protocol RunReporter: Sendable {
    func report(_ event: Redacted<RunEvent>)
}
