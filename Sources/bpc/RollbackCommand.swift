// `bpc rollback ID`: the compensations an interrupted or crashed run owes, in
// reverse order of completion, then its finally phase; from the run's journal.

import ArgumentParser
import BlueprintRuntime
import FoundationEssentials

struct RollbackCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback",
        abstract: "Run the compensations a crashed or failed run still owes.",
        discussion: """
            Reads .bpc/runs/ID.jsonl, finds the phases that completed and the compensations \
            that have not run yet, and runs them in reverse order of completion (each once), \
            then the finally phase if it has not completed. Secrets are never journaled: give \
            them again with --secret. Processes the crashed run left running are killed \
            first, and its temporary folder is removed.

            Exit status: 0 everything owed was undone (or nothing was owed); 1 the run's \
            blueprint no longer compiles; 2 usage or I/O errors (no journal for ID); 4 a \
            compensation or the finally phase failed; 130 quit by a third Ctrl-C (run \
            'bpc rollback ID' again to finish).

            Examples:
              bpc rollback 20260102-101010-ab12 --secret pg-credentials/password=...
              bpc rollback 20260102-101010-ab12 --events json > events.jsonl

            \(AllowOption.discussion)
            """
    )

    @Argument(help: "The run id (the journal's file name without .jsonl).")
    var id: String

    @Option(name: .customLong("secret"), help: "A secret value NAME/KEY=VALUE served to phase objects.")
    var secrets: [String] = []

    @Option(name: .customLong("configmap"), help: "A configmap value NAME/KEY=VALUE.")
    var configMaps: [String] = []

    @Option(help: "Progress: auto, lines, json or live.")
    var events: String = "auto"

    @Option(help: "Where journals are kept.")
    var runsDirectory: String = ".bpc/runs"

    @OptionGroup var allow: AllowOption

    func run() async throws {
        do {
            // The command line first: a malformed value is a usage error whatever the journal says.
            let runSecrets = RunSecrets(
                secrets: try CommandLineValues.objectValues(secrets, flag: "--secret"),
                configMaps: try CommandLineValues.objectValues(configMaps, flag: "--configmap"))
            let ledger = try RunSession.loadLedger(id, runsDirectory: runsDirectory)
            if ledger.finishedStatus == "succeeded" {
                RunConsole.error("bpc: run \(id) succeeded; it owes no compensations\n", secretArguments: secrets)
                return
            }
            var session = try RunSession.existing(id, ledger: ledger, mode: .rollback(ledger), runsDirectory: runsDirectory, allowing: allow.codes)
            session.secrets = runSecrets
            session.format = EventFormat(rawValue: events) ?? .auto
            let summary = await session.run()
            let code = RunSession.exitCode(summary)
            // 3 (failed, fully undone) is what rollback is for: success.
            if code != 0 && code != 3 { throw ExitStatus(code: code) }
        } catch let problem as RunInputError {
            RunConsole.error("bpc: \(problem)\n", secretArguments: secrets)
            throw ExitStatus.usageOrIO
        }
    }
}

/// `bpc kando ...`: the local backend's kando (the generated `kando` script execs this).
struct KandoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kando", abstract: "The local backend's kando helper (used by bpc run).", shouldDisplay: false)

    @Argument(parsing: .captureForPassthrough)
    var arguments: [String] = []

    func run() throws {
        let status = Kando.main(arguments, environment: ProcessInfo.processInfo.environment)
        if status != 0 { throw ExitStatus(code: status) }
    }
}
