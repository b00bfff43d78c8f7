// The `kubectl` backend: KubeExec as `kubectl exec`, KubeTask as a one-off
// `kubectl run --rm -i` pod, ScaleWorkload as `kubectl get` + `kubectl scale`
// (+ `rollout status`), against the current context. With `clientDryRun`,
// `kubectl run` and `kubectl scale` get `--dry-run=client` and `exec` is only printed.

import BlueprintSyntax
import FoundationEssentials

public struct KubectlExecutor: PhaseExecutor {
    public static let functions: Set<String> = ["KubeExec", "KubeTask", "ScaleWorkload"]

    public var name: String { "kubectl" }
    public let environment: [String: String]
    public let subject: RunSubject
    public let clientDryRun: Bool

    public init(environment: [String: String], subject: RunSubject, clientDryRun: Bool = false) {
        self.environment = environment
        self.subject = subject
        self.clientDryRun = clientDryRun
    }

    public func unsupportedReason(for function: String) -> String? {
        guard !KubectlExecutor.functions.contains(function) else { return nil }
        return "the kubectl backend runs only \(KubectlExecutor.functions.sorted().joined(separator: ", "))"
    }

    public func run(_ phase: RenderedPhase, context: PhaseContext) async throws -> [String: String] {
        switch phase.function {
        case "ScaleWorkload":
            return try await scale(phase, context)
        default:
            let argv = try KubectlExecutor.command(for: phase, dryRun: clientDryRun)
            if clientDryRun && phase.function == "KubeExec" {
                context.log("would run: " + argv.joined(separator: " "))
                return [:]
            }
            return try await run(argv, context, parseOutputs: true)
        }
    }

    /// The kubectl command line of a KubeExec or KubeTask phase.
    public static func command(for phase: RenderedPhase, dryRun: Bool = false) throws -> [String] {
        guard let command = phase.strings("command"), !command.isEmpty else {
            throw PhaseFailure("\(phase.function) needs a non-empty 'command' list")
        }
        let namespace = phase.string("namespace") ?? "default"
        switch phase.function {
        case "KubeExec":
            guard let pod = phase.string("pod") else { throw PhaseFailure("KubeExec needs 'pod'") }
            var argv = ["kubectl", "exec", "-n", namespace, pod]
            if let container = phase.string("container"), !container.isEmpty { argv += ["-c", container] }
            return argv + ["--"] + command
        case "KubeTask":
            guard let image = phase.string("image") else { throw PhaseFailure("KubeTask needs 'image'") }
            let pod = podName(phase.name)
            var argv = ["kubectl", "run", pod, "-n", namespace, "--image=\(image)", "--restart=Never", "--command"]
            argv += dryRun ? ["--dry-run=client", "-o", "yaml"] : ["--rm", "-i", "--quiet", "--pod-running-timeout=5m"]
            return argv + ["--"] + command
        default:
            throw PhaseFailure("the kubectl backend does not run \(phase.function)")
        }
    }

    /// A pod name from a phase name: DNS-1123, with a random suffix.
    static func podName(_ phase: String) -> String {
        let cleaned = phase.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
        let base = String(String(cleaned).trimming("-").prefix(40))
        return "bpc-\(base.isEmpty ? "phase" : base)-\(UUID().uuidString.prefix(8).lowercased())"
    }

    /// ScaleWorkload: records the replicas before scaling as `originalReplicaCount`.
    func scale(_ phase: RenderedPhase, _ context: PhaseContext) async throws -> [String: String] {
        let kind = (phase.string("kind") ?? subject.kind).lowercased()
        let name = phase.string("name") ?? subject.name
        let namespace = phase.string("namespace") ?? subject.namespace
        guard let replicas = phase.string("replicas") else { throw PhaseFailure("ScaleWorkload needs 'replicas'") }
        let target = "\(kind)/\(name)"
        let current = try await runCapturing(["kubectl", "get", target, "-n", namespace, "-o", "jsonpath={.spec.replicas}"], context)
        var scale = ["kubectl", "scale", target, "-n", namespace, "--replicas=\(replicas)"]
        if clientDryRun { scale.append("--dry-run=client") }
        _ = try await run(scale, context, parseOutputs: false)
        if !clientDryRun && phase.string("waitForReady") != "false" {
            _ = try await run(["kubectl", "rollout", "status", target, "-n", namespace, "--timeout=15m"], context, parseOutputs: false)
        }
        return ["originalReplicaCount": current.trimmingWhitespace(newlines: true)]
    }

    func runCapturing(_ argv: [String], _ context: PhaseContext) async throws -> String {
        let outcome = try await ProcessRunner.run(argv, environment: environment, onStderr: context.log)
        guard outcome.status == 0 else { throw PhaseFailure("\(argv.prefix(3).joined(separator: " ")) exited with status \(outcome.status)") }
        return String(decoding: outcome.stdout, as: UTF8.self)
    }

    func run(_ argv: [String], _ context: PhaseContext, parseOutputs: Bool) async throws -> [String: String] {
        let outcome = try await ProcessRunner.run(
            argv, environment: environment,
            onStdout: { line in if !line.contains(OutputProtocol.marker) { context.log(line) } }, onStderr: context.log,
            onSpawn: context.processStarted)
        try Task.checkCancellation()
        guard outcome.status == 0 else { throw PhaseFailure("\(argv.prefix(3).joined(separator: " ")) exited with status \(outcome.status)") }
        return parseOutputs ? try OutputProtocol.outputs(in: outcome.stdout) : [:]
    }
}
