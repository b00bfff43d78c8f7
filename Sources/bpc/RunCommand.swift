// `bpc run`: runs an action of a .bp, a Kanister .yaml or a .plan.json locally
// (or through kubectl, or as a dry run), with rollback on failure and a durable
// journal that `--resume` and `bpc rollback` read.

import ArgumentParser
import BlueprintRuntime
import FoundationEssentials

struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an action of a blueprint locally, with rollback on failure.",
        discussion: """
            FILE is a .bp file (compiled in memory), a Kanister .yaml blueprint (imported; \
            of a stream or List holding several, the one --blueprint names) or a plan \
            (.plan.json from 'bpc compile --emit plan'); a file without one of these \
            extensions is told by its content. Ready phases run at once \
            up to --parallel; retry and timeout come from the blueprint. On a failure or \
            Ctrl-C the running phases are stopped (their processes killed), the compensations \
            ('undo') of completed phases run in reverse order of completion, then the finally \
            phase. Every event is appended to .bpc/runs/ID.jsonl (fsynced; secrets redacted): \
            after a crash, 'bpc run --resume ID' goes on without redoing completed phases and \
            'bpc rollback ID' runs the compensations the run owes.

            Backends: local (default; KubeTask, KubeExec, KubeExecAll and MultiContainerRun \
            commands run as local processes, images ignored, with a 'kando' on PATH whose \
            'location push/pull/delete' use the --profile directory), dry-run (renders and \
            prints every phase), kubectl (KubeExec, KubeTask, ScaleWorkload against the \
            current context; --kubectl-dry-run passes --dry-run=client).

            Secret values (--secret) are masked as ****** in everything the run prints or \
            journals. A run refused before it starts (a function the backend cannot run, a \
            missing --secret or --artifact) runs nothing and writes no journal. The local \
            backend's temporary folder is under $TMPDIR and removed when the run ends (or \
            by --resume and rollback after a crash). A third Ctrl-C quits at once: the \
            running compensation's processes are killed and 'bpc rollback ID' finishes.

            Exit status: 0 succeeded; 1 errors in the input; 2 usage or I/O errors (and \
            refused runs); 3 a phase failed and everything was undone; 4 a phase failed \
            and a compensation or the finally phase failed too; 130 interrupted (after \
            rolling back, or at once on a third Ctrl-C).

            Examples:
              bpc run Samples/postgresql-local.bp --action backup \\
                  --object statefulset/db/pg --secret pg-credentials/password=...
              bpc run blueprint.yaml --action restore --object statefulset/db/pg \\
                  --artifacts-from 20260102-101010-ab12
              bpc run x.bp --action backup --object statefulset/db/pg --backend dry-run
              bpc run --resume 20260102-101010-ab12

            \(AllowOption.discussion)
            """
    )

    @Argument(help: "The .bp, .yaml or .plan.json to run (not with --resume).")
    var file: String?

    @Option(help: "The action to run.")
    var action: String?

    @Option(help: "The Blueprint to run, when FILE is YAML holding several (a stream or a List).")
    var blueprint: String?

    @Option(help: "The subject: statefulset/NAMESPACE/NAME, deployment/..., deploymentconfig/..., pvc/NAMESPACE/NAME or namespace/NAME.")
    var object: String?

    @Option(help: "A JSON file with the subject's unstructured object (.Object).")
    var objectFile: String?

    @Option(name: .customLong("option"), help: "An ActionSet option KEY=VALUE (repeatable).")
    var options: [String] = []

    @Option(name: .customLong("artifact"), help: "An input artifact: NAME.KEY=VALUE for KeyValue, NAME=SNAPSHOT for KopiaSnapshot.")
    var artifacts: [String] = []

    @Option(help: "Take the input artifacts from the output artifacts of run ID.")
    var artifactsFrom: String?

    @Option(name: .customLong("secret"), help: "A secret value NAME/KEY=VALUE served to phase objects (never journaled).")
    var secrets: [String] = []

    @Option(name: .customLong("configmap"), help: "A configmap value NAME/KEY=VALUE served to phase objects.")
    var configMaps: [String] = []

    @Option(help: "The local profile: a directory kando location push/pull/delete use.")
    var profile: String = ".bpc/store"

    @Option(help: "How many phases may run at once (default: 4; --resume keeps the run's).")
    var parallel: Int?

    @Option(help: "local, dry-run or kubectl (default: local).")
    var backend: String?

    @Flag(help: "With --backend kubectl: pass --dry-run=client and only print exec commands.")
    var kubectlDryRun = false

    @Option(help: "Progress: auto (live on a terminal, else lines), lines, json (to stdout) or live.")
    var events: String = "auto"

    @Option(help: "Resume run ID from its journal.")
    var resume: String?

    @Option(help: "Where journals are kept.")
    var runsDirectory: String = ".bpc/runs"

    @Option(help: "Seconds before the first retry (doubling after each).")
    var retryBackoff: Double = 1

    @OptionGroup var allow: AllowOption

    func validate() throws {
        guard resume != nil || (file != nil && action != nil && object != nil) else {
            throw ValidationError("give FILE, --action and --object, or --resume ID")
        }
        // The journal names FILE, which --resume and 'bpc rollback' read again.
        guard file != "-" else {
            throw ValidationError("FILE cannot be standard input ('-'): --resume and 'bpc rollback' read FILE again; save it to a file first")
        }
        guard EventFormat(rawValue: events) != nil else { throw ValidationError("--events takes auto, lines, json or live") }
        if let parallel, parallel < 1 { throw ValidationError("--parallel must be at least 1") }
    }

    func run() async throws {
        do {
            let session = try resume.map { try RunSession.resuming($0, command: self) } ?? RunSession.starting(command: self)
            let summary = await session.run()
            throw ExitStatus(code: RunSession.exitCode(summary))
        } catch let problem as RunInputError {
            RunConsole.error("bpc: \(problem)\n", secretArguments: secrets)
            throw ExitStatus.usageOrIO
        }
    }

    /// The run's inputs from the options (a new run).
    func inputs() throws -> RunInputs {
        guard let file, let action, let object else { throw RunInputError("FILE, --action and --object are required") }
        let subject = try RunSubject.parse(object).get()
        let earlier = try artifactsFrom.map { try RunSetup.artifacts(fromRun: $0, runsDirectory: runsDirectory) }
        var artifactsIn = earlier?.artifacts ?? [:]
        try CommandLineValues.artifacts(artifacts, into: &artifactsIn)
        if let earlier, let artifactsFrom { try RunSetup.requireWithheld(earlier.withheld, in: artifactsIn, fromRun: artifactsFrom) }
        var objectJSON: String?
        if let objectFile {
            guard let data = FileManager.default.contents(atPath: objectFile) else { throw RunInputError("cannot read \(objectFile)") }
            objectJSON = String(decoding: data, as: UTF8.self)
            _ = try TemplateJSON.decode(objectJSON ?? "")
        }
        return RunInputs(
            file: RunSetup.absolute(file), action: action, subject: subject,
            options: Dictionary(try CommandLineValues.pairs(options, flag: "--option"), uniquingKeysWith: { $1 }),
            artifacts: artifactsIn, profileDirectory: RunSetup.absolute(profile), objectJSON: objectJSON,
            parallel: parallel ?? 4, backend: backend ?? "local", blueprint: blueprint)
    }

    func runSecrets() throws -> RunSecrets {
        RunSecrets(
            secrets: try CommandLineValues.objectValues(secrets, flag: "--secret"),
            configMaps: try CommandLineValues.objectValues(configMaps, flag: "--configmap"))
    }
}
