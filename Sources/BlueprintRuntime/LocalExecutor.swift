// The `local` backend: the commands of KubeTask, KubeExec, KubeExecAll and
// MultiContainerRun run as local processes (the image is ignored; namespace,
// pod and container are passed in BPC_* variables), with `kando` first on PATH.

import BlueprintSyntax
import FoundationEssentials

public struct LocalExecutor: PhaseExecutor {
    public static let functions: Set<String> = ["KubeTask", "KubeExec", "KubeExecAll", "MultiContainerRun"]

    public var name: String { "local" }
    /// The environment every phase starts from (PATH already has the kando directory first).
    public let environment: [String: String]
    /// Where commands start; nil is the current directory.
    public let workDirectory: String?

    public init(environment: [String: String], workDirectory: String? = nil) {
        self.environment = environment
        self.workDirectory = workDirectory
    }

    public func unsupportedReason(for function: String) -> String? {
        guard !LocalExecutor.functions.contains(function) else { return nil }
        return "the local backend runs only \(LocalExecutor.functions.sorted().joined(separator: ", ")); try --backend dry-run or kubectl"
    }

    public func run(_ phase: RenderedPhase, context: PhaseContext) async throws -> [String: String] {
        var variables = ["BPC_PHASE": phase.name, "BPC_RUN_ID": context.runID, "BPC_FUNCTION": phase.function]
        variables["BPC_NAMESPACE"] = phase.string("namespace")
        variables["BPC_IMAGE"] = phase.string("image")
        switch phase.function {
        case "KubeTask":
            return try await runCommand(try command(phase, "command"), variables, context)
        case "KubeExec":
            variables["BPC_POD"] = phase.string("pod")
            variables["BPC_CONTAINER"] = phase.string("container")
            return try await runCommand(try command(phase, "command"), variables, context)
        case "KubeExecAll":
            return try await runOnEveryContainer(phase, variables, context)
        case "MultiContainerRun":
            return try await runMultiContainer(phase, variables, context)
        default:
            throw PhaseFailure(unsupportedReason(for: phase.function) ?? "unsupported function \(phase.function)")
        }
    }

    func command(_ phase: RenderedPhase, _ key: String) throws -> [String] {
        guard let command = phase.strings(key), !command.isEmpty else {
            throw PhaseFailure("\(phase.function) needs a non-empty '\(key)' list")
        }
        return command
    }

    /// KubeExecAll: the command once per pod and container; outputs of all runs merged.
    func runOnEveryContainer(_ phase: RenderedPhase, _ variables: [String: String], _ context: PhaseContext) async throws -> [String: String] {
        let command = try command(phase, "command")
        let pods = (phase.string("pods") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        let containers = (phase.string("containers") ?? "").split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
        var outputs: [String: String] = [:]
        for pod in pods.isEmpty ? [""] : pods {
            for container in containers.isEmpty ? [""] : containers {
                var environment = variables
                environment["BPC_POD"] = pod
                environment["BPC_CONTAINER"] = container
                outputs.merge(try await runCommand(command, environment, context)) { $1 }
            }
        }
        return outputs
    }

    /// MultiContainerRun: the init command, then the background and output commands
    /// at once; outputs come from the output command, and the background one is
    /// stopped when the output command ends (as the pod is deleted then).
    func runMultiContainer(_ phase: RenderedPhase, _ variables: [String: String], _ context: PhaseContext) async throws -> [String: String] {
        if let initCommand = phase.strings("initCommand"), !initCommand.isEmpty {
            _ = try await runCommand(initCommand, variables.merging(["BPC_CONTAINER": "init"]) { $1 }, context)
        }
        let background = try command(phase, "backgroundCommand")
        let output = try command(phase, "outputCommand")
        return try await withThrowingTaskGroup(of: [String: String]?.self) { group in
            group.addTask {
                _ = try? await runCommand(background, variables.merging(["BPC_CONTAINER": "background"]) { $1 }, context)
                try await Task.sleep(nanoseconds: UInt64.max / 2)
                return nil
            }
            group.addTask { try await runCommand(output, variables.merging(["BPC_CONTAINER": "output"]) { $1 }, context) }
            defer { group.cancelAll() }
            while let result = try await group.next() {
                if let outputs = result { return outputs }
            }
            return [:]
        }
    }

    /// One process; its stdout's phase-output lines are the outputs, other lines the log.
    func runCommand(_ command: [String], _ variables: [String: String], _ context: PhaseContext) async throws -> [String: String] {
        let tail = StderrTail()
        let outcome = try await ProcessRunner.run(
            command, environment: environment.merging(variables) { $1 }, directory: workDirectory,
            onStdout: { line in if !line.contains(OutputProtocol.marker) { context.log(line) } },
            onStderr: { line in
                tail.add(context.redactor.mask(line))
                context.log(line)
            }, onSpawn: context.processStarted)
        try Task.checkCancellation()
        guard outcome.status == 0 else {
            let last = tail.lines.isEmpty ? "" : ": " + tail.lines.joined(separator: " | ")
            throw PhaseFailure("command exited with status \(outcome.status)\(last)")
        }
        return try OutputProtocol.outputs(in: outcome.stdout)
    }
}

/// The last few stderr lines, for the failure message.
final class StderrTail: @unchecked Sendable {
    private let lock = Lock()
    private var kept: [String] = []

    func add(_ line: String) {
        lock.lock()
        defer { lock.unlock() }
        guard !line.trimmingWhitespace().isEmpty else { return }
        kept.append(String(line.prefix(300)))
        if kept.count > 3 { kept.removeFirst() }
    }

    var lines: [String] {
        lock.lock()
        defer { lock.unlock() }
        return kept
    }
}
