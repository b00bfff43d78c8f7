// A phase output that held a secret: the journal keeps it masked (never in
// clear) and says it is withheld, and a resumed run or a rollback that reads it
// fails with an error naming the phase and key instead of rendering `******`.

import BlueprintPlan
import BlueprintRuntime
import Foundation
import Testing

@Suite struct WithheldOutputTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-withheld-\(UUID().uuidString)")
    static let secret = "s3cr3t-Zq81-unique"

    func command(_ text: String) -> RunPhase {
        RunPhase(function: "KubeTask", args: [KanisterEntry("command", .list([.string(text)]))])
    }

    /// `a` prints the secret as output `token` (and a plain `plain`); `b` fails; `c` reads both.
    func graph() -> RunGraph {
        RunGraph(nodes: [
            RunNode(name: "a", compensations: ["undo-a"]),
            RunNode(name: "undo-a", kind: .compensation, phase: command("revoke {{ .Phases.a.Output.token }}")),
            RunNode(name: "b", dependencies: ["a"]),
            RunNode(name: "c", phase: command("use {{ .Phases.a.Output.plain }} {{ index .Phases.a.Output \"token\" }}"), dependencies: ["b"]),
        ])
    }

    func scheduler(_ journal: RunJournal, log: CallLog, behaviors: [String: Behavior]) -> RunScheduler {
        RunScheduler(
            runID: "t", graph: graph(), executor: ScriptedExecutor(log: log, behaviors: behaviors), inputs: testInputs,
            secrets: RunSecrets(secrets: ["db": ["password": Self.secret]]), journal: journal, options: RunOptions(retryBackoff: 0.01))
    }

    /// Runs `a` (its output holds the secret), then crashes before `b` ends: the journal a kill -9 leaves.
    func crashedJournal() async throws -> String {
        let path = directory.appendingPathComponent("run.jsonl").path
        let journal = try RunJournal(path: path, redactor: RunSecrets(secrets: ["db": ["password": Self.secret]]).redactor)
        await journal.record(RunEvent(.runStarted, inputs: testInputs))
        await journal.record(RunEvent(.phaseStarted, phase: "a"))
        await journal.record(RunEvent(.phaseCompleted, phase: "a", outputs: ["token": "tok=\(Self.secret)", "plain": "p1"]))
        await journal.record(RunEvent(.phaseStarted, phase: "b"))
        return path
    }

    @Test func theJournalNeverHoldsTheSecretAndSaysWhatItWithheld() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try await crashedJournal()
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(!text.contains(Self.secret))
        #expect(!text.contains(Data(Self.secret.utf8).base64EncodedString()))
        let ledger = RunLedger(try RunJournal.read(path))
        #expect(ledger.withheldOutputs == ["a": ["token"]])
        #expect(ledger.outputs["a"] == ["plain": "p1"], "a masked value never reaches the run's state")
    }

    @Test func aResumedRunRefusesToReadAWithheldOutput() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try await crashedJournal()
        let events = try RunJournal.read(path)
        let log = CallLog()
        let journal = try RunJournal(path: path, redactor: RunSecrets(secrets: ["db": ["password": Self.secret]]).redactor, existing: events)
        let summary = await scheduler(journal, log: log, behaviors: [:]).execute(inputs: testInputs, resuming: RunLedger(events))
        #expect(summary.status == .failed)
        let failure = try #require(summary.failures.first { $0.phase == "c" })
        #expect(failure.message.contains("output 'token' of phase 'a' held a secret value"), "\(failure.message)")
        #expect(failure.message.contains("bpc run"))
        #expect(await log.arguments["c"] == nil, "c never ran")
        // The compensation reads the withheld output too: it fails the same way, never with ******.
        #expect(summary.compensationFailures.contains { $0.phase == "undo-a" && $0.message.contains("output 'token' of phase 'a'") })
        let rendered = await log.arguments.values.flatMap { $0 }.map { "\($0)" }.joined()
        #expect(!rendered.contains("******"))
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(!text.contains(Self.secret))
    }

    @Test func aRollbackRefusesToReadAWithheldOutput() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try await crashedJournal()
        let events = try RunJournal.read(path)
        let log = CallLog()
        let journal = try RunJournal(path: path, existing: events)
        let summary = await scheduler(journal, log: log, behaviors: [:]).rollback(RunLedger(events))
        let failure = try #require(summary.compensationFailures.first)
        #expect(failure.phase == "undo-a")
        #expect(failure.message.contains("output 'token' of phase 'a' held a secret value"), "\(failure.message)")
        #expect(await log.arguments["undo-a"] == nil)
    }

    @Test func aPlainOutputStillResumes() async throws {
        let events = [
            RunEvent(.runStarted), RunEvent(.phaseCompleted, phase: "a", outputs: ["token": "t1", "plain": "p1"]),
            RunEvent(.phaseCompleted, phase: "b"),
        ]
        let log = CallLog()
        let summary = await scheduler(try RunJournal(path: nil, existing: events), log: log, behaviors: [:])
            .execute(inputs: testInputs, resuming: RunLedger(events))
        #expect(summary.status == .succeeded)
        #expect(await log.arguments["c"] == [KanisterEntry("command", .list([.string("use p1 t1")]))])
    }

    @Test func aResumedRunRefusesAnInputThatHeldASecret() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("run.jsonl").path
        let redactor = RunSecrets(secrets: ["db": ["password": Self.secret]]).redactor
        var inputs = testInputs
        inputs.options = ["o": Self.secret, "plain": "p"]
        inputs.artifacts = ["a": RunArtifact(keyValue: ["k": "k=\(Self.secret)", "n": "1"])]
        await (try RunJournal(path: path, redactor: redactor)).record(RunEvent(.runStarted, inputs: inputs))
        let text = String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
        #expect(!text.contains(Self.secret))
        let journaled = try #require(RunLedger(try RunJournal.read(path)).inputs)
        #expect(journaled.withheld == ["artifact.a.k", "option.o"])
        for (template, what) in [
            ("{{ .Options.plain }} {{ .Options.o }}", "option 'o'"), ("{{ index .ArtifactsIn.a.KeyValue \"k\" }}", "key 'k' of input artifact 'a'"),
        ] {
            let graph = RunGraph(nodes: [RunNode(name: "x", phase: command(template))])
            let log = CallLog()
            let scheduler = RunScheduler(
                runID: "t", graph: graph, executor: ScriptedExecutor(log: log, behaviors: [:]), inputs: journaled, secrets: RunSecrets(),
                journal: try RunJournal(path: nil), options: RunOptions())
            let summary = await scheduler.execute(inputs: journaled)
            #expect(summary.failures.first?.message.contains("\(what) held a secret value") == true, "\(summary.failures)")
            #expect(await log.arguments["x"] == nil)
        }
    }
}
