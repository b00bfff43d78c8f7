// `bpc run` and `bpc rollback` as a user runs them: SIGTERM mid-phase (children
// killed, rollback, exit 130), kill -9 then `bpc rollback ID`, functions the
// backend cannot run, and JSON events.

import Foundation
import TestSupport
import Testing

struct Sandbox {
    let directory: URL
    let marker = "42.42\(Int.random(in: 100...999))"

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    var log: String { directory.appendingPathComponent("side.log").path }
    var sideEffects: [String] {
        (try? String(contentsOfFile: log, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
    }

    /// a (undo-a), b (undo-b), then c sleeping; finally `fin`.
    func writeBlueprint() throws -> String {
        func step(_ text: String) -> String { "[\"sh\", \"-c\", \"echo \(text) >> \(log)\"]" }
        let source = """
            blueprint cli
            action backup on StatefulSet {
              phase a: KubeTask { namespace: "n" image: "i" command: \(step("a")) } undo KubeTask { namespace: "n" image: "i" command: \(step("undo-a")) }
              phase b: KubeTask { namespace: "n" image: "i" command: \(step("b")) } undo KubeTask { namespace: "n" image: "i" command: \(step("undo-b")) }
              phase c: KubeTask { namespace: "n" image: "i" command: ["sh", "-c", "echo c >> \(log); sleep \(marker) & sleep \(marker); wait"] }
              finally fin: KubeTask { namespace: "n" image: "i" command: \(step("fin")) }
            }
            """
        let path = directory.appendingPathComponent("cli.bp").path
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PostgresEnvironment.bpcPath)
        process.arguments = arguments + ["--runs-directory", directory.appendingPathComponent("runs").path]
        process.currentDirectoryURL = directory
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        return process
    }

    /// Waits until `line` was written and the marker process runs.
    func waitFor(_ line: String) async throws {
        _ = await eventually { sideEffects.contains(line) && processRunning(withArgument: marker) }
    }

    var runID: String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("runs").path)) ?? []
        return names.first.map { String($0.dropLast(".jsonl".count)) }
    }
}

@Suite(.serialized) struct CommandLineRunTests {
    @Test func sigtermStopsThePhaseKillsItsChildrenAndRollsBack() async throws {
        let sandbox = try Sandbox()
        let process = try sandbox.start(["run", try sandbox.writeBlueprint(), "--action", "backup", "--object", "statefulset/ns/db", "--events", "lines"])
        try await sandbox.waitFor("c")
        #expect(processRunning(withArgument: sandbox.marker))
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(sandbox.sideEffects == ["a", "b", "c", "undo-b", "undo-a", "fin"])
        #expect(await eventually(5) { !processRunning(withArgument: sandbox.marker) }, "a process of the interrupted phase outlived bpc")
    }

    @Test func killNineThenRollback() async throws {
        let sandbox = try Sandbox()
        let process = try sandbox.start(["run", try sandbox.writeBlueprint(), "--action", "backup", "--object", "statefulset/ns/db"])
        try await sandbox.waitFor("c")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        let id = try #require(sandbox.runID)
        let rollback = try sandbox.start(["rollback", id, "--events", "lines"])
        rollback.waitUntilExit()
        #expect(rollback.terminationStatus == 0)
        #expect(sandbox.sideEffects == ["a", "b", "c", "undo-b", "undo-a", "fin"])
        #expect(await eventually(5) { !processRunning(withArgument: sandbox.marker) }, "bpc rollback leaves what the crashed run started running")
        let journal = try String(contentsOfFile: sandbox.directory.appendingPathComponent("runs/\(id).jsonl").path, encoding: .utf8)
        #expect(journal.contains("\"event\":\"compensated\""))
    }

    @Test func unsupportedFunctionsAreReportedBeforeAnythingRuns() throws {
        let sandbox = try Sandbox()
        let path = sandbox.directory.appendingPathComponent("scale.bp").path
        try """
        blueprint s
        action backup on StatefulSet {
          phase first: KubeTask { namespace: "n" image: "i" command: ["sh", "-c", "echo ran >> \(sandbox.log)"] }
          phase down: ScaleWorkload { replicas: 0 }
        }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(
            PostgresEnvironment.bpcPath, ["run", path, "--action", "backup", "--object", "statefulset/ns/db"], directory: sandbox.directory)
        #expect(result.status == 2)
        #expect(result.errors.contains("ScaleWorkload (phases down)"))
        #expect(sandbox.sideEffects.isEmpty)
    }

    @Test func jsonEventsGoToStandardOutput() throws {
        let sandbox = try Sandbox()
        let path = sandbox.directory.appendingPathComponent("one.bp").path
        try """
        blueprint o
        action backup on StatefulSet {
          phase only: KubeTask { namespace: "n" image: "i" command: ["sh", "-c", "kando output k v"] }
        }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try TestSupport.run(
            PostgresEnvironment.bpcPath, ["run", path, "--action", "backup", "--object", "statefulset/ns/db", "--events", "json"], directory: sandbox.directory)
        #expect(result.status == 0)
        let events = try result.output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let kinds = events.compactMap { $0?["event"] as? String }
        #expect(kinds == ["run-started", "workspace", "phase-started", "process-started", "phase-completed", "run-finished"])
        #expect((events[4]?["outputs"] as? [String: String]) == ["k": "v"])
    }
}
