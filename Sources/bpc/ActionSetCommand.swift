// `bpc actionset`: writes the Kanister ActionSet that runs an action of a .bp
// on a cluster (as `kanctl create actionset --dry-run` would), or the
// `<action>-rollback` ActionSet for a failed one (`--rollback-of`).

import ArgumentParser
import BlueprintRuntime
import BlueprintSyntax
import KanisterYAML

struct ActionSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actionset",
        abstract: "Write the Kanister ActionSet that runs an action of a .bp file on a cluster.",
        discussion: """
            Writes an ActionSet (cr.kanister.io/v1alpha1) as 'kanctl create actionset \
            --dry-run' prints it, for 'kubectl create -f' (it has metadata.generateName \
            unless --name is given). The blueprint is the one the .bp header names. \
            Every option the action's templates read without a default, every secret \
            and configmap it declares and every input artifact must be given, or \
            nothing is written and each missing one is an error at the phase that \
            reads it.

            With --rollback-of, reads a failed ActionSet (as 'kubectl get actionset NAME \
            -o yaml' prints it) and writes the ActionSet for '<action>-rollback' on the \
            same object, with the failed one's options, secrets, profile and artifacts, \
            plus option X_k for output k of each phase X that completed; standard error \
            says which compensations will run. Flags given as well override those values.

            Exit status: 0 written, 1 errors in the .bp, the ActionSet read or what is \
            missing, 2 usage or I/O errors.

            Examples:
              bpc actionset pg.bp --action backup --object statefulset/shop/pg \\
                  --profile kanister/s3 --secret pgCreds=shop/pg-credentials -o backup.yaml
              kubectl get actionset backup-x7k2q -n kanister -o yaml > failed.yaml
              bpc actionset pg.bp --rollback-of failed.yaml | kubectl create -f -

            \(AllowOption.discussion)
            """
    )

    @Argument(help: "The .bp file (or Kanister .yaml blueprint) whose blueprint the ActionSet runs.")
    var file: String

    @Option(help: "The action to run (not with --rollback-of).")
    var action: String?

    @Option(help: "The subject: statefulset|deployment|deploymentconfig|pvc/NAMESPACE/NAME or namespace/NAME.")
    var object: String?

    @Option(help: "The Kanister profile: NAMESPACE/NAME, or NAME in --namespace.")
    var profile: String?

    @Option(name: .customLong("option"), help: "An option KEY=VALUE (repeatable).")
    var options: [String] = []

    @Option(name: .customLong("secret"), help: "A secret the action declares: NAME=NAMESPACE/SECRET (repeatable).")
    var secrets: [String] = []

    @Option(name: .customLong("configmap"), help: "A configmap the action declares: NAME=NAMESPACE/CONFIGMAP (repeatable).")
    var configMaps: [String] = []

    @Option(name: .customLong("artifact"), help: "An input artifact: NAME.KEY=VALUE (keyValue) or NAME=SNAPSHOT (kopiaSnapshot).")
    var artifacts: [String] = []

    @Option(help: "A completed ActionSet (kubectl get -o yaml) whose output artifacts are the inputs.")
    var artifactsFrom: String?

    @Option(help: "A failed ActionSet (kubectl get -o yaml): write the ActionSet of its rollback action.")
    var rollbackOf: String?

    @Option(help: "metadata.name (default: generateName '<action>-').")
    var name: String?

    @Option(help: "The namespace of the ActionSet (Kanister's controller namespace).")
    var namespace: String = "kanister"

    @Option(name: .shortAndLong, help: "Output path, or '-' for standard output (the default).")
    var output: String?

    @OptionGroup var allow: AllowOption

    func validate() throws {
        if rollbackOf == nil {
            guard action != nil, object != nil else { throw ValidationError("give --action and --object, or --rollback-of FILE") }
        } else if action != nil {
            throw ValidationError("--rollback-of writes the failed action's '<action>-rollback'; leave out --action")
        }
    }

    func run() throws {
        let request: ActionSetRequest
        do {
            request = try makeRequest()
        } catch let problem as RunInputError {
            Terminal.writeError("bpc: \(problem)\n")
            throw ExitStatus.usageOrIO
        }
        let compilation = try loadCompilation()
        // The blueprint's warnings are for `bpc lint`; here only what stops the hand-off.
        for report in compilation.sortedReports {
            Terminal.printDiagnostics(report.diagnostics.filter { $0.severity == .error }, in: report.file)
        }
        guard let blueprint = compilation.blueprint, let plan = compilation.plan, let main = compilation.main else {
            throw ExitStatus.inputErrors
        }
        let actionSet: KanisterActionSet
        if let rollbackOf {
            let failedFile = try readFile(rollbackOf)
            let (document, problems) = ActionSetDocument.read(failedFile.bytes)
            Terminal.printDiagnostics(problems, in: failedFile)
            guard let document, problems.isEmpty else { throw ExitStatus.inputErrors }
            let handoff = ActionSetHandoff.rollback(
                of: document, overrides: request, blueprint: blueprint, plan: plan, syntax: main.syntax)
            Terminal.printDiagnostics(handoff.documentDiagnostics.allowing(allow.codes), in: failedFile)
            Terminal.printDiagnostics(handoff.sourceDiagnostics.allowing(allow.codes), in: main.file)
            guard let made = handoff.actionSet else { throw ExitStatus.inputErrors }
            Terminal.writeError(handoff.report.map { $0 + "\n" }.joined())
            actionSet = made
        } else {
            guard let action, blueprint.actions.contains(where: { $0.name == action }) else {
                let known = blueprint.actions.map(\.name).joined(separator: ", ")
                Terminal.writeError("bpc: \(file) has no action '\(action ?? "")' (its actions: \(known.isEmpty ? "none" : known))\n")
                throw ExitStatus.usageOrIO
            }
            let made = ActionSetHandoff.make(request, blueprint: blueprint, plan: plan, syntax: main.syntax)
            Terminal.printDiagnostics(made.diagnostics.allowing(allow.codes), in: main.file)
            guard let result = made.actionSet else { throw ExitStatus.inputErrors }
            actionSet = result
        }
        let bytes: [UInt8]
        do {
            bytes = try actionSet.yaml()
        } catch {
            Terminal.writeError("bpc: internal error: cannot write the ActionSet: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        try Terminal.writeOutput(bytes, to: output ?? "-")
    }

    /// The analysed .bp, or a Kanister .yaml blueprint imported to .bp in memory first.
    func loadCompilation() throws -> Compilation {
        guard file.hasSuffix(".yaml") || file.hasSuffix(".yml") else { return try Compilation.analyzing(file, allowing: allow.codes) }
        let source = try readFile(file)
        let imported = BlueprintImporter.importBlueprint(source.bytes)
        Terminal.printDiagnostics(imported.diagnostics.filter { $0.severity == .error }, in: source)
        guard let text = imported.source, !imported.diagnostics.contains(where: { $0.severity == .error }) else {
            throw ExitStatus.inputErrors
        }
        let converted = SourceFile(path: file + " (imported)", bytes: Array(text.utf8))
        var compilation = Compilation.load(converted, identity: converted.path, from: FileSources())
        compilation.analyze(allowing: allow.codes)
        return compilation
    }

    func makeRequest() throws -> ActionSetRequest {
        var request = ActionSetRequest(action: action ?? "")
        if let object {
            let subject = try RunSubject.parse(object).get()
            request.object = ActionSetObjectReference(kind: subject.kind, namespace: subject.namespace, name: subject.name)
        }
        if let profile {
            let reference = try CommandLineValues.namespacedName(profile, flag: "--profile", defaultNamespace: namespace)
            request.profile = ActionSetObjectReference(namespace: reference.namespace, name: reference.name)
        }
        for (key, value) in try CommandLineValues.pairs(options, flag: "--option") { request.options[key] = value }
        request.secrets = try references(secrets, flag: "--secret")
        request.configMaps = try references(configMaps, flag: "--configmap")
        var runArtifacts: [String: RunArtifact] = [:]
        try CommandLineValues.artifacts(artifacts, into: &runArtifacts)
        if let artifactsFrom { request.artifacts = try outputArtifacts(of: artifactsFrom) }
        for (key, artifact) in runArtifacts {
            request.artifacts[key] = ActionSetArtifact(keyValue: artifact.keyValue, kopiaSnapshot: artifact.kopiaSnapshot)
        }
        request.name = name
        request.namespace = namespace
        return request
    }

    /// `NAME=NAMESPACE/NAME` pairs, as kanctl's `--secrets` takes them.
    func references(_ items: [String], flag: String) throws -> [String: ActionSetObjectReference] {
        try CommandLineValues.references(items, flag: flag).mapValues { ActionSetObjectReference(namespace: $0.namespace, name: $0.name) }
    }

    /// The output artifacts a completed ActionSet rendered (`status.actions[].artifacts`).
    func outputArtifacts(of path: String) throws -> [String: ActionSetArtifact] {
        let source = try readFile(path)
        let (document, problems) = ActionSetDocument.read(source.bytes)
        Terminal.printDiagnostics(problems, in: source)
        guard let document, problems.isEmpty else { throw ExitStatus.inputErrors }
        guard document.state == "complete" else {
            throw RunInputError("--artifacts-from \(path): the ActionSet is \(document.state ?? "without status"), not complete")
        }
        var result: [String: ActionSetArtifact] = [:]
        for action in document.actions { result.merge(action.artifacts) { first, _ in first } }
        return result
    }

    func readFile(_ path: String) throws -> SourceFile {
        do {
            return try Terminal.read(path)
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
    }
}
