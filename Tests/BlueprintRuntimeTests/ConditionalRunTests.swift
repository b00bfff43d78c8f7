// Conditional phases under the scheduler: a phase whose `when` is false is
// skipped (journaled, in the summary, nothing to compensate), its dependents go
// on, a guarded reader is skipped with it; a condition that cannot render fails.

import BlueprintPlan
import BlueprintRuntime
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import Testing

/// Runs action `action` of `source` with the scripted executor and `options`.
func runConditional(
    _ source: String, action: String = "backup", options: [String: String], _ behaviors: [String: Behavior] = [:]
) async throws -> (RunSummary, CallLog, [RunEvent]) {
    var compilation = Compilation.load(SourceFile(path: "when.bp", bytes: Array(source.utf8)), identity: "when.bp", from: NoImports())
    compilation.analyze()
    let errors = compilation.reports.flatMap(\.diagnostics).filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors.map(\.message))")
    let planAction = try #require(compilation.plan?.action(named: action))
    let log = CallLog()
    let journal = try RunJournal(path: nil)
    let inputs = RunInputs(
        file: "when.bp", action: action, subject: RunSubject(kind: "statefulset", namespace: "ns", name: "db"), options: options)
    let scheduler = RunScheduler(
        runID: "test", graph: RunGraph(planAction), executor: ScriptedExecutor(log: log, behaviors: behaviors), inputs: inputs,
        secrets: RunSecrets(), journal: journal, options: RunOptions(parallel: 1, retryBackoff: 0.01))
    let summary = await scheduler.execute(inputs: inputs)
    return (summary, log, await journal.events)
}

struct NoImports: SourceProvider {
    struct Missing: Error {}
    func read(_ path: String) throws -> SourceFile { throw Missing() }
    func identity(of path: String) -> String { path }
}

@Suite struct ConditionalRunTests {
    static let source = """
        blueprint when-run

        action backup on StatefulSet {
          phase prepare: KubeTask { image: "busybox", command: ["true"] }
          phase dump: KubeTask {
            image: "busybox"
            command: bash "kando output path /d"
          } when eq(Options.mode, "full") undo KubeTask { image: "busybox", command: ["rm", "\\(dump.output.path)"] }
          phase verify: KubeTask {
            image: "busybox"
            command: ["check", "\\(dump.output.path)"]
          } when eq(Options.mode, "full")
          phase last: KubeTask { image: "busybox", command: ["true"] }
          finally cleanup: KubeTask { image: "busybox", command: ["true"] } when ne(Options.keep, "yes")
        }
        """

    @Test func aFalseConditionSkipsThePhaseAndItsGuardedReaders() async throws {
        let (summary, log, events) = try await runConditional(Self.source, options: ["mode": "fast", "keep": "yes"])
        #expect(summary.status == .succeeded)
        #expect(await log.calls == ["prepare", "last"])
        #expect(summary.completed == ["prepare", "last"])
        #expect(summary.skipped == ["dump", "verify", "cleanup"])
        #expect(summary.notRun.isEmpty)
        let skips = events.filter { $0.event == .phaseSkipped }
        #expect(skips.map(\.phase) == ["dump", "verify", "cleanup"])
        #expect(skips.first?.value == #"eq .Options.mode "full""#)
        // The journal says the same when read back (resume, rollback).
        #expect(RunLedger(events).skipped == ["dump", "verify", "cleanup"])
    }

    @Test func aTrueConditionRunsThePhaseWithItsOutputs() async throws {
        let (summary, log, _) = try await runConditional(
            Self.source, options: ["mode": "full", "keep": "no"], ["dump": .succeed(["path": "/d"])])
        #expect(summary.status == .succeeded)
        #expect(await log.calls == ["prepare", "dump", "verify", "last", "cleanup"])
        #expect(summary.skipped.isEmpty)
        let verify = await log.arguments["verify"]
        #expect(verify?.first { $0.key == "command" }?.value == .list([.string("check"), .string("/d")]))
    }

    @Test func aSkippedPhaseHasNothingToCompensate() async throws {
        let (skipped, skippedLog, _) = try await runConditional(Self.source, options: ["mode": "fast", "keep": "no"], ["last": .fail("boom")])
        #expect(skipped.status == .failed)
        #expect(skipped.compensated.isEmpty)
        #expect(await skippedLog.calls == ["prepare", "last", "cleanup"])
        let (ran, ranLog, _) = try await runConditional(
            Self.source, options: ["mode": "full", "keep": "no"], ["dump": .succeed(["path": "/d"]), "last": .fail("boom")])
        #expect(ran.compensated.map(\.compensation) == ["dump-undo"])
        #expect(await ranLog.calls == ["prepare", "dump", "verify", "last", "dump-undo", "cleanup"])
    }

    @Test func aResumedRunKeepsItsSkippedPhasesSkipped() async throws {
        let graph = RunGraph(nodes: [
            RunNode(name: "a", condition: "false"), RunNode(name: "b", dependencies: ["a"]), RunNode(name: "c", dependencies: ["b"]),
        ])
        let earlier = [
            RunEvent(.runStarted), RunEvent(.phaseSkipped, phase: "a", value: "false"), RunEvent(.phaseStarted, phase: "b"),
        ]
        let log = CallLog()
        let journal = try RunJournal(path: nil, existing: earlier)
        let inputs = RunInputs(file: "t.bp", action: "backup", subject: RunSubject(kind: "statefulset", namespace: "ns", name: "db"))
        let scheduler = RunScheduler(
            runID: "test", graph: graph, executor: ScriptedExecutor(log: log, behaviors: [:]), inputs: inputs, secrets: RunSecrets(),
            journal: journal, options: RunOptions(parallel: 1, retryBackoff: 0.01))
        let summary = await scheduler.execute(inputs: inputs, resuming: RunLedger(earlier))
        #expect(summary.status == .succeeded)
        #expect(await log.calls == ["b", "c"])
        #expect(summary.skipped == ["a"])
        #expect(summary.completed == ["b", "c"])
    }

    @Test func aConditionThatCannotRenderFailsThePhase() async throws {
        // No `mode` option: `.Options.mode` is a missing key, an error as in Kanister.
        let (summary, log, _) = try await runConditional(Self.source, options: ["keep": "yes"])
        #expect(summary.status == .failed)
        #expect(summary.failures.first?.phase == "dump")
        #expect(summary.failures.first?.message.contains("its 'when' condition") == true)
        #expect(await log.calls == ["prepare"])
    }
}
