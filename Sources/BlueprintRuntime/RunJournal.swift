// The durable record of a run: `.bpc/runs/ID.jsonl`, one JSON event per line,
// appended and fsynced before the run goes on, secrets redacted. The actor is
// the single writer; `RunLedger` reads what a journal says was done.

import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public actor RunJournal {
    public nonisolated let path: String?
    private let descriptor: Int32
    /// The run's one redaction point: events, logs and the summary go through it.
    public nonisolated let redactor: Redactor
    private let reporter: (any RunReporter)?
    private let encoder: JSONEncoder
    public private(set) var events: [RunEvent]
    /// The first write failure, if any (the run reports it at the end).
    public private(set) var writeError: String?

    /// A journal appending to `path` (created with its directory), or kept in memory for nil.
    public init(path: String?, redactor: Redactor = Redactor(), reporter: (any RunReporter)? = nil, existing: [RunEvent] = []) throws {
        self.path = path
        self.redactor = redactor
        self.reporter = reporter
        self.events = existing
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        self.encoder = encoder
        guard let path else {
            descriptor = -1
            return
        }
        let directory = PathName.deletingLast(path)
        try FileManager.default.createDirectory(atPath: directory.isEmpty ? "." : directory, withIntermediateDirectories: true)
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard opened >= 0 else { throw RunInputError("cannot open the journal \(path): \(String(cString: strerror(errno)))") }
        descriptor = opened
        let directoryDescriptor = open(directory.isEmpty ? "." : directory, O_RDONLY)
        if directoryDescriptor >= 0 {
            fsync(directoryDescriptor)
            close(directoryDescriptor)
        }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Stops all further writes (and reports): for a process about to exit at once,
    /// whose journal must keep saying what was still owed rather than the failures
    /// the kill it is about to do would cause.
    public nonisolated func seal() { sealed.set() }

    private nonisolated let sealed = Latch()

    /// Redacts, appends and syncs the event, then shows it.
    public func record(_ event: RunEvent) {
        guard !sealed.isSet else { return }
        let clean = redactor.redact(event)
        events.append(clean.value)
        if descriptor >= 0, writeError == nil, let data = try? encoder.encode(clean.value) {
            let line = [UInt8](data) + [0x0A]
            let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if written != line.count || fsync(descriptor) != 0 {
                writeError = "cannot write the journal \(path ?? ""): \(String(cString: strerror(errno)))"
            }
        }
        reporter?.report(clean)
    }

    /// A line a phase printed: shown, never journaled.
    public nonisolated func log(phase: String, _ line: String) {
        reporter?.report(redactor.redact(RunEvent(.log, phase: phase, value: line)))
    }

    public func ledger() -> RunLedger { RunLedger(events) }

    /// Kills the processes still running in the process groups `ledger` recorded
    /// that belong to run `runID` (their environment says so, so a reused id is
    /// left alone); returns how many.
    public static func killLeftovers(of ledger: RunLedger, runID: String) -> Int {
        let groups = Set(ledger.processGroups.filter { $0 > 1 })
        guard !groups.isEmpty, let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return 0 }
        var killed = 0
        for entry in entries {
            guard let pid = Int32(entry), let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat"),
                let close = stat.lastIndex(of: UInt8(ascii: ")"))
            else { continue }
            let fields = stat[(close + 1)...].split(separator: UInt8(ascii: " "))
            guard fields.count > 2, let group = Int32(String(decoding: fields[2], as: UTF8.self)), groups.contains(group),
                let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ"),
                environ.split(separator: 0).contains(where: { String(decoding: $0, as: UTF8.self) == "BPC_RUN_ID=\(runID)" })
            else { continue }
            if kill(pid, SIGKILL) == 0 { killed += 1 }
        }
        return killed
    }

    /// The events of a journal file; a torn last line (a crash mid-write) is ignored.
    public static func read(_ path: String) throws -> [RunEvent] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw RunInputError("no journal at \(path)")
        }
        let decoder = JSONDecoder()
        var events: [RunEvent] = []
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let event = try? decoder.decode(RunEvent.self, from: Data(line)) else { continue }
            events.append(event)
        }
        return events
    }
}

/// What a journal says happened.
public struct RunLedger: Sendable, Equatable {
    public var inputs: RunInputs?
    /// Forward phases, in the order they completed.
    public var completedOrder: [String] = []
    /// Forward phases skipped because their condition was false.
    public var skipped: [String] = []
    /// Outputs as journaled, without the withheld ones.
    public var outputs: [String: [String: String]] = [:]
    /// Output keys per phase whose values held a secret: the journal has them only
    /// masked, so a resumed run or rollback must refuse to read them, never render `******`.
    public var withheldOutputs: [String: [String]] = [:]
    /// Output artifact parts (`NAME.KEY`, `NAME.KopiaSnapshot`) that held a secret.
    public var withheldArtifacts: [String] = []
    /// Compensations that ran to completion.
    public var compensationsDone: Set<String> = []
    public var hasFailed = false
    public var wasInterrupted = false
    public var rollbackStarted = false
    public var finallyDone = false
    public var finishedStatus: String?
    public var artifacts: [String: RunArtifact]?
    /// Process groups phases started.
    public var processGroups: [Int32] = []
    /// Temporary folders the run's processes made.
    public var workspaces: [String] = []
    /// Forward phases that started and never ended (the process running them died).
    public var interruptedPhases: [String] {
        startedOrder.filter { !completedOrder.contains($0) && !endedPhases.contains($0) }
    }
    var startedOrder: [String] = []
    var endedPhases: Set<String> = []

    public init() {}

    public init(_ events: [RunEvent]) {
        for event in events {
            switch event.event {
            case .runStarted: inputs = event.inputs
            case .phaseCompleted:
                guard let phase = event.phase, !completedOrder.contains(phase) else { continue }
                completedOrder.append(phase)
                let withheld = event.withheld ?? []
                outputs[phase] = (event.outputs ?? [:]).filter { !withheld.contains($0.key) }
                if !withheld.isEmpty { withheldOutputs[phase] = withheld }
            case .phaseStarted:
                if let phase = event.phase, !startedOrder.contains(phase) { startedOrder.append(phase) }
            case .phaseFailed:
                hasFailed = true
                if let phase = event.phase { endedPhases.insert(phase) }
            case .workspace: if let path = event.value { workspaces.append(path) }
            case .phaseSkipped: if let phase = event.phase, !skipped.contains(phase) { skipped.append(phase) }
            case .processStarted: if let group = event.value.flatMap(Int32.init) { processGroups.append(group) }
            case .interrupted: wasInterrupted = true
            case .rollbackStarted: rollbackStarted = true
            case .compensated: if let phase = event.phase { compensationsDone.insert(phase) }
            case .finallyCompleted: finallyDone = true
            case .runFinished:
                finishedStatus = event.status
                artifacts = event.artifacts
                withheldArtifacts = event.withheld ?? []
            default: break
            }
        }
    }
}

/// A flag set once, read from any thread.
public final class Latch: @unchecked Sendable {
    private let lock = Lock()
    private var value = false

    public init() {}

    public func set() {
        lock.lock()
        value = true
        lock.unlock()
    }

    public var isSet: Bool {
        lock.lock()
        defer { lock.unlock() }
        return value
    }
}
