// One `bpc run`, `bpc run --resume` or `bpc rollback`: the graph, inputs, backend,
// journal and progress view put together; the async run driven from the
// synchronous command; the closing summary and exit status.

import BlueprintRuntime
import FoundationEssentials
import Glibc

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
        let graph = try RunSetup.graph(file: inputs.file, action: inputs.action, blueprint: inputs.blueprint, allowing: command.allow.codes)
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
        var session = try existing(id, ledger: ledger, mode: .resume(ledger), runsDirectory: command.runsDirectory, allowing: command.allow.codes)
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

    static func existing(_ id: String, ledger: RunLedger, mode: Mode, runsDirectory: String, allowing allowed: Set<String> = []) throws -> RunSession {
        guard let inputs = ledger.inputs else { throw RunInputError("the journal of run \(id) has no run-started entry") }
        let graph = try RunSetup.graph(file: inputs.file, action: inputs.action, blueprint: inputs.blueprint, allowing: allowed)
        return RunSession(
            id: id, mode: mode, graph: graph, inputs: inputs, secrets: RunSecrets(), format: .auto,
            runsDirectory: runsDirectory, retryBackoff: 1, kubectlDryRun: false)
    }

    var journalPath: String { RunSetup.journalPath(id, runsDirectory) }

    /// Runs to the end; nil when the run could not start. A run refused before it
    /// starts (functions the backend cannot run, missing inputs) writes no journal
    /// and leaves no temporary folder.
    func run() async -> RunSummary? {
        let redactor = secrets.redactor
        let workspace = RunWorkspace.planned(runID: id)
        let executor: any PhaseExecutor
        do {
            executor = try makeExecutor(workspace: workspace)
        } catch {
            RunConsole.error(redactor.redact("bpc: \(error)\n"))
            return nil
        }
        if let problem = refusal(executor) {
            RunConsole.error(redactor.redact(problem))
            return nil
        }
        let reporter = makeReporter(redactor: redactor)
        var scheduler: RunScheduler
        do {
            let isDryRun = executor.name == "dry-run"
            let earlier = try earlierEvents()
            if executor.name == "local" { try prepareLocal(workspace) }
            let journal = try RunJournal(path: isDryRun ? nil : journalPath, redactor: redactor, reporter: reporter.reporter, existing: earlier)
            scheduler = RunScheduler(
                runID: id, graph: graph, executor: executor, inputs: inputs, secrets: secrets, journal: journal,
                options: RunOptions(parallel: inputs.parallel, retryBackoff: retryBackoff))
        } catch {
            workspace.remove()
            RunConsole.error(redactor.redact("bpc: \(error)\n"))
            return nil
        }
        defer { workspace.remove() }
        if executor.name == "local" { scheduler.workspace = workspace.path }
        let backend = "backend \(scheduler.executor.name), journal \(scheduler.journal.path ?? "none")"
        RunConsole.error(redactor.redact("run \(id): \(inputs.action) on \(inputs.subject.description) (\(backend))\n"))
        let id = id
        let journal = scheduler.journal
        let watcher = SignalWatcher { _, count in
            if count == 1 {
                RunConsole.error(redactor.redact("\nbpc: interrupted; stopping running phases, then rolling back (interrupt twice more to quit at once)\n"))
            }
            if count >= 3 { RunSession.quitNow(id: id, journal: journal, workspace: workspace, redactor: redactor) }
        }
        defer { watcher.cancel() }
        let summary: RunSummary
        switch mode {
        case .start: summary = await scheduler.execute(inputs: inputs, interruptions: watcher.signals)
        case .resume(let ledger): summary = await scheduler.execute(inputs: inputs, resuming: ledger, interruptions: watcher.signals)
        case .rollback(let ledger): summary = await scheduler.rollback(ledger)
        }
        // A third Ctrl-C is ending the process with 130: no summary of the kill.
        guard !RunSession.isQuitting.isSet else { return summary }
        reporter.finish()
        RunSummaryText.print(redactor.redact(summary), journal: scheduler.journal.path ?? "none (dry run)")
        return summary
    }

    /// Set by a third Ctrl-C; every exit path then exits 130.
    static let isQuitting = Latch()

    /// A third Ctrl-C: kills the process groups still running (a compensation or
    /// the finally phase), removes the temporary folder and exits 130 at once. The
    /// journal then shows the compensation started and not ended, so `bpc rollback
    /// ID` runs it again (compensations are meant to be safe to repeat).
    static func quitNow(id: String, journal: RunJournal, workspace: RunWorkspace, redactor: Redactor) -> Never {
        journal.seal()
        isQuitting.set()
        RunConsole.error(redactor.redact("\nbpc: quitting at once: running phases are killed; finish what is owed with 'bpc rollback \(id)'\n"))
        _ = ProcessRunner.killAllRunning()
        workspace.remove()
        exit(130)
    }

    /// Why this run must not start (printed, with "nothing was run"), or nil.
    func refusal(_ executor: any PhaseExecutor) -> String? {
        guard case .start = mode else { return nil }
        if let problem = unsupported(executor) { return problem }
        guard executor.producesOutputs else { return nil }
        let missing = graph.missingInputs(inputs, secrets)
        guard !missing.isEmpty else { return nil }
        return missing.map { "bpc: \($0)\n" }.joined() + "bpc: nothing was run\n"
    }

    /// The journal so far of a resumed or rolled-back run, after stopping what the
    /// crashed process left running and removing the temporary folders it left.
    func earlierEvents() throws -> [RunEvent] {
        if case .start = mode { return [] }
        let events = try RunJournal.read(journalPath)
        let ledger = RunLedger(events)
        let killed = RunJournal.killLeftovers(of: ledger, runID: id)
        if killed > 0 { RunConsole.error(secrets.redactor.redact("bpc: stopped \(killed) process(es) left running by the interrupted run\n")) }
        RunWorkspace.removeLeftovers(of: ledger, runID: id)
        return events
    }

    /// Every function the backend cannot run, reported before anything runs.
    func unsupported(_ executor: any PhaseExecutor) -> String? {
        let problems = graph.unsupportedFunctions(on: executor)
        guard !problems.isEmpty else { return nil }
        let users = problems.map { problem in
            let phases = graph.nodes.filter { $0.phase.function == problem.function }.map(\.name)
            return "bpc: \(problem.function) (phases \(phases.joined(separator: ", "))): \(problem.reason)\n"
        }
        return users.joined() + "bpc: nothing was run\n"
    }

    /// The local backend's temporary folder with its `kando`, and the profile directory.
    func prepareLocal(_ workspace: RunWorkspace) throws {
        try workspace.create()
        let executable = Terminal.realPath("/proc/self/exe") ?? "/proc/self/exe"
        _ = try Kando.install(in: workspace.binDirectory, executable: executable)
        try FileManager.default.createDirectory(atPath: inputs.profileDirectory, withIntermediateDirectories: true)
    }

    /// The backend; the local one's `kando` goes into `workspace` once the run starts.
    func makeExecutor(workspace: RunWorkspace) throws -> any PhaseExecutor {
        var environment = ProcessInfo.processInfo.environment
        switch inputs.backend {
        case "local":
            environment["PATH"] = workspace.binDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
            environment[Kando.storeVariable] = inputs.profileDirectory
            return LocalExecutor(environment: environment)
        case "dry-run":
            return DryRunExecutor()
        case "kubectl":
            return KubectlExecutor(environment: environment, subject: inputs.subject, clientDryRun: kubectlDryRun)
        default:
            throw RunInputError("--backend '\(inputs.backend)': use local, dry-run or kubectl")
        }
    }

    func makeReporter(redactor: Redactor) -> (reporter: any RunReporter, finish: @Sendable () -> Void) {
        var format = format
        if format == .auto { format = Terminal.stderrIsTTY ? .live : .lines }
        switch format {
        case .json: return (JSONReporter(), {})
        case .live:
            let live = LiveReporter(phases: graph.phases.map(\.name) + (graph.finallyNode.map { [$0.name] } ?? []), redactor: redactor)
            return (live, { live.stop() })
        case .lines, .auto: return (LineReporter(), {})
        }
    }

    /// 0 succeeded, 2 not started, 3 failed and undone, 4 failed with an incomplete
    /// rollback, 130 interrupted.
    static func exitCode(_ summary: RunSummary?) -> Int32 {
        if isQuitting.isSet { return 130 }
        guard let summary else { return 2 }
        switch summary.status {
        case .succeeded: return summary.journalError == nil ? 0 : 2
        case .cancelled: return 130
        case .failed: return summary.isCleanlyUndone ? 3 : 4
        }
    }
}
