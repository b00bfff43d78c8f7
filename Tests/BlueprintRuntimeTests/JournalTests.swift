// The journal: fsynced JSON lines with secrets redacted, a torn last line
// ignored, the ledger of what was done; resume and rollback from a ledger; and
// the template parameters a phase sees (its own secrets, earlier outputs).

import BlueprintPlan
import BlueprintRuntime
import Foundation
import Testing

@Suite struct JournalTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-journal-\(UUID().uuidString)/run.jsonl").path

    @Test func secretsAreRedactedOnDiskAndInReports() async throws {
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let secrets = RunSecrets(secrets: ["db": ["password": "hunter2-secret"]])
        let journal = try RunJournal(path: path, redactor: secrets.redactor)
        await journal.record(RunEvent(.phaseCompleted, phase: "a", outputs: ["k": "pw=hunter2-secret"]))
        await journal.record(RunEvent(.phaseFailed, phase: "b", error: "login with aHVudGVyMi1zZWNyZXQ= failed"))
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(!text.contains("hunter2"))
        #expect(!text.contains("aHVudGVyMi1zZWNyZXQ="))
        #expect(text.contains("pw=******"))
        #expect(await journal.events.first?.outputs == ["k": "pw=******"])
    }

    @Test func aTornLastLineIsIgnored() async throws {
        defer { try? FileManager.default.removeItem(atPath: (path as NSString).deletingLastPathComponent) }
        let journal = try RunJournal(path: path)
        await journal.record(RunEvent(.phaseCompleted, phase: "a", outputs: ["k": "v"]))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data("{\"event\":\"phase-comp".utf8))
        try handle.close()
        let ledger = RunLedger(try RunJournal.read(path))
        #expect(ledger.completedOrder == ["a"])
        #expect(ledger.outputs["a"] == ["k": "v"])
    }

    @Test func resumeSkipsCompletedPhasesAndKeepsTheirOutputs() async throws {
        let graph = RunGraph(nodes: [
            RunNode(name: "a"),
            RunNode(
                name: "b", phase: RunPhase(function: "KubeTask", args: [KanisterEntry("command", .list([.string("{{ .Phases.a.Output.k }}")]))]),
                dependencies: ["a"]),
        ])
        let earlier = [
            RunEvent(.runStarted), RunEvent(.phaseStarted, phase: "a"), RunEvent(.phaseCompleted, phase: "a", outputs: ["k": "from-a"]),
            RunEvent(.phaseStarted, phase: "b"),
        ]
        let log = CallLog()
        let journal = try RunJournal(path: nil, existing: earlier)
        let scheduler = makeScheduler(graph, log: log, journal: journal)
        let summary = await scheduler.execute(inputs: testInputs, resuming: RunLedger(earlier))
        #expect(summary.status == .succeeded)
        #expect(await log.calls == ["b"])
        #expect(await log.arguments["b"] == [KanisterEntry("command", .list([.string("from-a")]))])
        #expect(summary.completed == ["a", "b"])
    }

    @Test func rollbackRunsWhatACrashedRunOwesInReverseOrder() async throws {
        let graph = sagaGraph()
        let earlier = [
            RunEvent(.runStarted), RunEvent(.phaseCompleted, phase: "a"), RunEvent(.phaseCompleted, phase: "b"),
            RunEvent(.phaseStarted, phase: "c"),
        ]
        let log = CallLog()
        let scheduler = makeScheduler(graph, log: log, journal: try RunJournal(path: nil, existing: earlier))
        let summary = await scheduler.rollback(RunLedger(earlier))
        #expect(await log.calls == ["undo-b", "undo-a", "fin"])
        #expect(summary.compensated.map(\.undoes) == ["b", "a"])
        let again = makeScheduler(graph, log: CallLog(), journal: try RunJournal(path: nil, existing: await scheduler.journal.events))
        let second = await again.rollback(await scheduler.journal.ledger())
        #expect(second.compensated.isEmpty, "compensations already done are not run twice")
    }

    @Test func aPhaseSeesItsOwnSecretsAndEarlierOutputs() async throws {
        let script = "{{ index .Phases.b.Secrets.s.Data \"password\" | toString }} {{ .Phases.a.Output.k }} {{ .StatefulSet.Name }} {{ .Options.o }}"
        let graph = RunGraph(nodes: [
            RunNode(name: "a"),
            RunNode(
                name: "b",
                phase: RunPhase(
                    function: "KubeTask",
                    objects: [
                        RunObject(
                            name: "s", fields: [KanisterEntry("kind", .string("Secret")), KanisterEntry("name", .string("{{ .StatefulSet.Name }}-creds"))])
                    ],
                    args: [KanisterEntry("command", .string(script))]), dependencies: ["a"]),
        ])
        let log = CallLog()
        var inputs = testInputs
        inputs.options = ["o": "opt"]
        let scheduler = RunScheduler(
            runID: "t", graph: graph, executor: ScriptedExecutor(log: log, behaviors: ["a": .succeed(["k": "out"])]), inputs: inputs,
            secrets: RunSecrets(secrets: ["db-creds": ["password": "pw"]]), journal: try RunJournal(path: nil), options: RunOptions())
        let summary = await scheduler.execute(inputs: inputs)
        #expect(summary.status == .succeeded)
        #expect(await log.arguments["b"] == [KanisterEntry("command", .string("pw out db opt"))])
    }

    @Test func aMissingSecretFailsThePhaseBeforeItRuns() async throws {
        let graph = RunGraph(nodes: [
            RunNode(
                name: "a",
                phase: RunPhase(
                    function: "KubeTask",
                    objects: [RunObject(name: "s", fields: [KanisterEntry("kind", .string("secret")), KanisterEntry("name", .string("nope"))])]))
        ])
        let log = CallLog()
        let summary = await makeScheduler(graph, log: log, journal: try RunJournal(path: nil)).execute(inputs: testInputs)
        #expect(summary.status == .failed)
        #expect(summary.failures.first?.message.contains("--secret nope/KEY=VALUE") == true)
        #expect(await log.calls.isEmpty)
    }
}

let testInputs = RunInputs(file: "t.bp", action: "backup", subject: RunSubject(kind: "statefulset", namespace: "ns", name: "db"))

func makeScheduler(_ graph: RunGraph, log: CallLog, journal: RunJournal, behaviors: [String: Behavior] = [:]) -> RunScheduler {
    RunScheduler(
        runID: "t", graph: graph, executor: ScriptedExecutor(log: log, behaviors: behaviors), inputs: testInputs,
        secrets: RunSecrets(), journal: journal, options: RunOptions(retryBackoff: 0.01))
}
