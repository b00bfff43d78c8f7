// The local backend's pieces: the phase-output protocol, kando (output lines,
// store confinement, push/pull), processes (outputs, exit status, cancellation
// kills the whole process group), and the kubectl command lines.

import BlueprintPlan
import BlueprintRuntime
import Foundation
import Testing

/// Polls `condition` for up to `seconds` (tests run in parallel on a busy machine).
func eventually(_ seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if condition() { return true }
        try? await Task.sleep(nanoseconds: 50_000_000)
    }
    return condition()
}

/// True while any process has `needle` in its command line.
func processRunning(withArgument needle: String) -> Bool {
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.contains { entry in
        guard Int32(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
        return data.split(separator: 0).contains { String(decoding: $0, as: UTF8.self) == needle }
    }
}

func kubeTask(_ name: String, _ command: [String]) -> RenderedPhase {
    RenderedPhase(
        name: name, function: "KubeTask",
        args: [
            KanisterEntry("namespace", .string("ns")), KanisterEntry("image", .string("busybox")),
            KanisterEntry("command", .list(command.map { .string($0) })),
        ])
}

@Suite struct OutputProtocolTests {
    @Test func readsMarkedLinesAnywhereAndTheLastValueWins() throws {
        let stdout =
            "noise\nprefix ###Phase-output###: {\"key\":\"a\",\"value\":\"1\"}\n###Phase-output###: {\"key\":\"a\",\"value\":\"2\"}\n###Phase-output###:   \n"
        #expect(try OutputProtocol.outputs(in: Array(stdout.utf8)) == ["a": "2"])
    }

    @Test func malformedJSONFailsThePhase() {
        #expect(throws: PhaseFailure.self) { try OutputProtocol.outputs(in: Array("###Phase-output###: {\"key\":1}\n".utf8)) }
    }

    @Test func kandoOutputLineIsGoJSON() {
        #expect(OutputProtocol.line(key: "k", value: "<a & \"b\">") == "###Phase-output###: {\"key\":\"k\",\"value\":\"\\u003ca \\u0026 \\\"b\\\"\\u003e\"}")
    }
}

@Suite struct KandoTests {
    let store = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-kando-\(UUID().uuidString)").path

    @Test(arguments: ["../x", "a/../../x", "/../etc/passwd", "..", "a/.."])
    func pathsLeavingTheStoreAreRejected(path: String) {
        #expect(throws: (any Error).self) { try Kando.confine(path, to: store) }
    }

    @Test func pathsInsideTheStoreAreKept() throws {
        #expect(try Kando.confine("/a/./b.sql", to: store).hasSuffix("/a/b.sql"))
    }

    @Test func symbolicLinkOutOfTheStoreIsRejected() throws {
        try FileManager.default.createDirectory(atPath: store, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: store) }
        try FileManager.default.createSymbolicLink(atPath: store + "/out", withDestinationPath: "/tmp")
        #expect(throws: (any Error).self) { try Kando.confine("out/file", to: store) }
    }

    @Test func pushThenPullThenDelete() throws {
        defer { try? FileManager.default.removeItem(atPath: store) }
        let environment = [Kando.storeVariable: store]
        let source = store + "-source"
        try Data("payload".utf8).write(to: URL(fileURLWithPath: source))
        defer { try? FileManager.default.removeItem(atPath: source) }
        let pushed = Pipe()
        #expect(
            Kando.main(
                ["location", "push", "--profile", "{}", "--path", "d/x.sql", "-o", "snap", source], environment: environment,
                output: pushed.fileHandleForWriting.fileDescriptor) == 0)
        try pushed.fileHandleForWriting.close()
        let line = String(decoding: pushed.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(try OutputProtocol.outputs(in: Array(line.utf8))["snap"]?.contains("\"logicalSize\":7") == true)
        let target = store + "-copy"
        defer { try? FileManager.default.removeItem(atPath: target) }
        #expect(Kando.main(["location", "pull", "--profile", "{}", "--path", "d/x.sql", target], environment: environment) == 0)
        #expect(FileManager.default.contents(atPath: target) == Data("payload".utf8))
        #expect(Kando.main(["location", "delete", "--path", "d/x.sql"], environment: environment) == 0)
        #expect(!FileManager.default.fileExists(atPath: store + "/d/x.sql"))
        #expect(Kando.main(["location", "push", "--path", "../escape", source], environment: environment) != 0)
    }

    @Test func outputKeysAreChecked() {
        #expect(Kando.main(["output", "bad-key", "v"], environment: [:]) != 0)
        #expect(Kando.main(["output", "only-one"], environment: [:]) != 0)
    }
}

@Suite struct LocalExecutorTests {
    let executor = LocalExecutor(environment: ProcessInfo.processInfo.environment)

    @Test func outputsComeFromStdoutAndLogsFromTheRest() async throws {
        let lines = LogLines()
        let context = PhaseContext(runID: "t", log: { lines.add($0) })
        let outputs = try await executor.run(
            kubeTask("p", ["sh", "-c", "echo hello; echo '###Phase-output###: {\"key\":\"k\",\"value\":\"v\"}'; echo warn >&2"]), context: context)
        #expect(outputs == ["k": "v"])
        #expect(lines.all.sorted() == ["hello", "warn"])
    }

    @Test func nonZeroExitFailsWithTheLastStderrLines() async {
        await #expect(throws: PhaseFailure("command exited with status 7: oops")) {
            try await executor.run(kubeTask("p", ["sh", "-c", "echo oops >&2; exit 7"]), context: PhaseContext(runID: "t"))
        }
    }

    @Test func unsupportedFunctionsAreNamed() {
        #expect(executor.unsupportedReason(for: "ScaleWorkload") != nil)
        #expect(executor.unsupportedReason(for: "KubeExec") == nil)
    }

    @Test func cancellationKillsTheWholeProcessGroup() async throws {
        let marker = "31.41\(Int.random(in: 100...999))"
        let started = Date()
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                _ = try? await executor.run(
                    kubeTask("p", ["sh", "-c", "sleep \(marker) & sleep \(marker); wait"]), context: PhaseContext(runID: "t"))
            }
            #expect(await eventually { processRunning(withArgument: marker) })
            group.cancelAll()
        }
        #expect(Date().timeIntervalSince(started) < 30, "the phase ran to its end instead of being cancelled")
        #expect(await eventually(5) { !processRunning(withArgument: marker) }, "a child of the cancelled phase is still running")
    }

    @Test func backgroundChildrenDieWhenThePhaseEnds() async throws {
        let marker = "27.18\(Int.random(in: 100...999))"
        _ = try await executor.run(kubeTask("p", ["sh", "-c", "sleep \(marker) & echo started"]), context: PhaseContext(runID: "t"))
        #expect(await eventually(5) { !processRunning(withArgument: marker) })
    }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) {
        lock.lock()
        lines.append(line)
        lock.unlock()
    }
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return lines
    }
}

@Suite struct KubectlCommandTests {
    @Test func kubeExecAndKubeTaskCommandLines() throws {
        var exec = kubeTask("dump", ["sh", "-c", "true"])
        exec.function = "KubeExec"
        exec.args += [KanisterEntry("pod", .string("db-0")), KanisterEntry("container", .string("pg"))]
        #expect(try KubectlExecutor.command(for: exec) == ["kubectl", "exec", "-n", "ns", "db-0", "-c", "pg", "--", "sh", "-c", "true"])
        let task = try KubectlExecutor.command(for: kubeTask("dump", ["echo", "hi"]), dryRun: true)
        #expect(task.prefix(3) == ["kubectl", "run", task[2]] && task[2].hasPrefix("bpc-dump-"))
        #expect(task.contains("--dry-run=client") && task.suffix(3) == ["--", "echo", "hi"])
    }
}
