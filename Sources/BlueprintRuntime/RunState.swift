// The scheduler's view of a run in progress (phases done, their outputs and
// objects) and the results it reports: forward outcome and the final summary.

import FoundationEssentials

struct RunState: Sendable {
    var completedOrder: [String] = []
    /// Phases whose condition was false: done for scheduling, absent from `.Phases`, never compensated.
    var skipped: [String] = []
    var outputs: [String: [String: String]] = [:]
    /// Secrets and configmaps each started phase's objects named.
    var records: [String: PhaseRecord] = [:]
    /// `.Phases` as templates see it: the completed phases.
    var phaseValues: [String: TemplateValue] = [:]
    /// Dry runs: outputs are unknown, so any output key reads as a placeholder.
    var usesPlaceholders = false

    /// Records phase `name` as done with `outputs`; `withheld` keys (from a
    /// journal, which holds them only masked) fail when a template reads them.
    mutating func complete(_ name: String, outputs: [String: String], withheld: [String] = []) {
        if !completedOrder.contains(name) { completedOrder.append(name) }
        self.outputs[name] = outputs
        var record = records[name] ?? PhaseRecord()
        record.output = outputs
        record.withheldOutputs = withheld
        record.phaseName = name
        records[name] = record
        phaseValues[name] = usesPlaceholders ? PhaseRecord.placeholder(name) : record.value
    }
}

struct ForwardResult: Sendable {
    var failures: [PhaseError] = []
    var cancelled: [String] = []
    var interruption: Int32?
    var isComplete = false

    var isHealthy: Bool { failures.isEmpty && interruption == nil }
}

public struct PhaseError: Sendable, Equatable, Codable {
    public var phase: String
    public var message: String

    public init(phase: String, message: String) {
        self.phase = phase
        self.message = message
    }
}

public struct CompensationRecord: Sendable, Equatable {
    public var compensation: String
    public var undoes: String
}

/// How a run ended and what it did and undid.
public struct RunSummary: Sendable {
    public enum Status: String, Sendable {
        /// Every phase and the finally phase completed.
        case succeeded
        /// A phase failed; compensations ran.
        case failed
        /// Interrupted (SIGINT/SIGTERM); compensations ran.
        case cancelled
    }

    public var runID: String
    public var status: Status
    /// Forward phases completed (in this run and, when resumed, before), in order.
    public var completed: [String] = []
    /// Forward phases skipped because their `when` condition was false.
    public var skipped: [String] = []
    public var failures: [PhaseError] = []
    /// Phases stopped while running: by an interruption, or by the crash of the
    /// process an interrupted run was resumed or rolled back from.
    public var cancelledPhases: [String] = []
    /// Compensations this process ran.
    public var compensated: [CompensationRecord] = []
    /// Compensations an earlier process of the same run had already run.
    public var previouslyCompensated = 0
    public var compensationFailures: [PhaseError] = []
    /// Phases never started.
    public var notRun: [String] = []
    /// Nil when the action has no finally phase.
    public var finallyResult: Result<Void, PhaseFailure>?
    public var artifacts: [String: RunArtifact] = [:]
    /// Problems writing the journal.
    public var journalError: String?

    public init(runID: String, status: Status) {
        self.runID = runID
        self.status = status
    }

    /// True when every compensation that was owed ran and the finally phase did not fail.
    public var isCleanlyUndone: Bool {
        guard compensationFailures.isEmpty else { return false }
        if case .failure = finallyResult { return false }
        return true
    }
}
