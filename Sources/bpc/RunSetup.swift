// What `bpc run` and `bpc rollback` need before the scheduler starts: the plan
// of the input (.bp, Kanister .yaml imported, or .plan.json), the run's inputs
// from the command line, its journal path and the backend.

import BlueprintPlan
import BlueprintRuntime
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML

enum RunSetup {
    /// The action's run graph from any of the three inputs; diagnostics printed.
    static func graph(file: String, action: String, blueprint: String? = nil, allowing allowed: Set<String> = []) throws -> RunGraph {
        let plan = try PlanInput.load(file, blueprint: blueprint, allowing: allowed)
        guard let planAction = plan.action(named: action) else {
            let known = plan.actions.map(\.name).joined(separator: ", ")
            Terminal.writeError("bpc: \(file) has no action '\(action)' (its actions: \(known.isEmpty ? "none" : known))\n")
            throw ExitStatus.usageOrIO
        }
        return RunGraph(planAction)
    }

    /// The output artifacts of an earlier run, from its journal.
    static func artifacts(fromRun id: String, runsDirectory: String) throws -> [String: RunArtifact] {
        let ledger = RunLedger(try RunJournal.read(journalPath(id, runsDirectory)))
        guard ledger.finishedStatus == "succeeded", let artifacts = ledger.artifacts else {
            throw RunInputError("run \(id) did not succeed with output artifacts (status: \(ledger.finishedStatus ?? "unfinished"))")
        }
        return artifacts
    }

    static func journalPath(_ id: String, _ runsDirectory: String) -> String { "\(runsDirectory)/\(id).jsonl" }

    /// A new run id: sortable time, then a random suffix.
    static func newRunID() -> String {
        var time = GoTime.now()
        time.offset = 0
        return time.format("20060102-150405") + "-" + String(UUID().uuidString.prefix(4)).lowercased()
    }

    static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }
}
