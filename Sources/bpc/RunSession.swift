// One `bpc run`, `bpc run --resume` or `bpc rollback`: the graph, inputs, backend,
// journal and progress view put together; the async run driven from the
// synchronous command; the closing summary and exit status.

import BlueprintRuntime
import Foundation

struct RunSession {
    enum Mode {
        case start
        case resume(RunLedger)
        case rollback(RunLedger)
    }

    var id: String
    var mode: Mode
    var graph: RunGraph
    var inputs: RunInputs
    var secrets: RunSecrets
    var format: EventFormat
    var runsDirectory: String
    var retryBackoff: Double
    var kubectlDryRun: Bool

    static func starting(command: RunCommand) throws -> RunSession {
        let inputs = try command.inputs()
        let graph = try RunSetup.graph(file: inputs.file, action: inputs.action, blueprint: inputs.blueprint)
        return RunSession(
            id: RunSetup.newRunID(), mode: .start, graph: graph, inputs: inputs, secrets: try command.runSecrets(),
            format: EventFormat(rawValue: command.events) ?? .auto, runsDirectory: command.runsDirectory,
            retryBackoff: command.retryBackoff, kubectlDryRun: command.kubectlDryRun)
    }

    static func resuming(_ id: String, command: RunCommand) throws -> RunSession {
        let ledger = try loadLedger(id, runsDirectory: command.runsDirectory)
        guard ledger.finishedStatus == nil else {
            throw RunInputError("run \(id) already finished (\(ledger.finishedStatus ?? "")); nothing to resume")
        }
        var session = try existing(id, ledger: ledger, mode: .resume(ledger), runsDirectory: command.runsDirectory)
        session.secrets = try command.runSecrets()
        session.format = EventFormat(rawValue: command.events) ?? .auto
        session.retryBackoff = command.retryBackoff
        if let parallel = command.parallel { session.inputs.parallel = parallel }
        return session
    }

    static func loadLedger(_ id: String, runsDirectory: String) throws -> RunLedger {
        let ledger = RunLedger(try RunJournal.read(RunSetup.journalPath(id, runsDirectory)))
        guard ledger.inputs != nil else { throw RunInputError("the journal of run \(id) has no run-started entry") }
        return ledger
    }

    static func existing(_ id: String, ledger: RunLedger, mode: Mode, runsDirectory: String) throws -> RunSession {
        guard let inputs = ledger.inputs else { throw RunInputError("the journal of run \(id) has no run-started entry") }
        let graph = try RunSetup.graph(file: inputs.file, action: inputs.action, blueprint: inputs.blueprint)
        return RunSession(
            id: id, mode: mode, graph: graph, inputs: inputs, secrets: RunSecrets(), format: .auto,
            runsDirectory: runsDirectory, retryBackoff: 1, kubectlDryRun: false)
    }

    var journalPath: String { RunSetup.journalPath(id, runsDirectory) }

    /// Runs to the end; nil when the run could not start.
    func run() async -> RunSummary? {
        let reporter = makeReporter()
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-run-\(id)-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let scheduler: RunScheduler
        do {
            let executor = try makeExecutor(binDirectory: temporary + "/bin")
            let isDryRun = executor.name == "dry-run"
            let earlier = try earlierEvents()
            let journal = try RunJournal(
                path: isDryRun ? nil : journalPath, redactor: secrets.redactor, reporter: reporter.reporter, existing: earlier)
            scheduler = RunScheduler(
                runID: id, graph: graph, executor: executor, inputs: inputs, secrets: secrets, journal: journal,
                options: RunOptions(parallel: inputs.parallel, retryBackoff: retryBackoff))
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            return nil
        }
        if case .start = mode, let problem = unsupported(scheduler) {
            Terminal.writeError(problem)
            return nil
        }
        if case .start = mode, scheduler.executor.producesOutputs {
            let missing = scheduler.missingInputs(inputs, secrets)
            guard missing.isEmpty else {
                Terminal.writeError(missing.map { "bpc: \($0)\n" }.joined() + "bpc: nothing was run\n")
                return nil
            }
        }
        let backend = "backend \(scheduler.executor.name), journal \(scheduler.journal.path ?? "none")"
        Terminal.writeError("run \(id): \(inputs.action) on \(inputs.subject.description) (\(backend))\n")
        let watcher = SignalWatcher { _, count in
            if count == 1 {
                Terminal.writeError("\nbpc: interrupted; stopping running phases, then rolling back (interrupt twice more to quit at once)\n")
            }
            if count >= 3 { exit(130) }
        }
        defer { watcher.cancel() }
        let summary: RunSummary
        switch mode {
        case .start: summary = await scheduler.execute(inputs: inputs, interruptions: watcher.signals)
        case .resume(let ledger): summary = await scheduler.execute(inputs: inputs, resuming: ledger, interruptions: watcher.signals)
        case .rollback(let ledger): summary = await scheduler.rollback(ledger)
        }
        reporter.finish()
        RunSummaryText.print(summary, journal: scheduler.journal.path ?? "none (dry run)")
        return summary
    }

    /// The journal so far of a resumed or rolled-back run, after stopping what the
    /// crashed process left running.
    func earlierEvents() throws -> [RunEvent] {
        if case .start = mode { return [] }
        let events = try RunJournal.read(journalPath)
        let killed = RunJournal.killLeftovers(of: RunLedger(events), runID: id)
        if killed > 0 { Terminal.writeError("bpc: stopped \(killed) process(es) left running by the interrupted run\n") }
        return events
    }

    /// Every function the backend cannot run, reported before anything runs.
    func unsupported(_ scheduler: RunScheduler) -> String? {
        let problems = scheduler.unsupportedFunctions()
        guard !problems.isEmpty else { return nil }
        let users = problems.map { problem in
            let phases = graph.nodes.filter { $0.phase.function == problem.function }.map(\.name)
            return "bpc: \(problem.function) (phases \(phases.joined(separator: ", "))): \(problem.reason)\n"
        }
        return users.joined() + "bpc: nothing was run\n"
    }

    func makeExecutor(binDirectory: String) throws -> any PhaseExecutor {
        var environment = ProcessInfo.processInfo.environment
        switch inputs.backend {
        case "local":
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
            _ = try Kando.install(in: binDirectory, executable: executable)
            environment["PATH"] = binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment[Kando.storeVariable] = inputs.profileDirectory
            try FileManager.default.createDirectory(atPath: inputs.profileDirectory, withIntermediateDirectories: true)
            return LocalExecutor(environment: environment)
        case "dry-run":
            return DryRunExecutor()
        case "kubectl":
            return KubectlExecutor(environment: environment, subject: inputs.subject, clientDryRun: kubectlDryRun)
        default:
            throw RunInputError("--backend '\(inputs.backend)': use local, dry-run or kubectl")
        }
    }

    func makeReporter() -> (reporter: any RunReporter, finish: @Sendable () -> Void) {
        var format = format
        if format == .auto { format = Terminal.stderrIsTTY ? .live : .lines }
        switch format {
        case .json: return (JSONReporter(), {})
        case .live:
            let live = LiveReporter(phases: graph.phases.map(\.name) + (graph.finallyNode.map { [$0.name] } ?? []))
            return (live, { live.stop() })
        case .lines, .auto: return (LineReporter(), {})
        }
    }

    /// 0 succeeded, 2 not started, 3 failed and undone, 4 failed with an incomplete
    /// rollback, 130 interrupted.
    static func exitCode(_ summary: RunSummary?) -> Int32 {
        guard let summary else { return 2 }
        switch summary.status {
        case .succeeded: return summary.journalError == nil ? 0 : 2
        case .cancelled: return 130
        case .failed: return summary.isCleanlyUndone ? 3 : 4
        }
    }
}
