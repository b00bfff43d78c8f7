// What `bpc run` and `bpc rollback` need before the scheduler starts: the plan
// of the input (.bp, Kanister .yaml imported, or .plan.json), the run's inputs
// from the command line, its journal path and the backend.

import BlueprintPlan
import BlueprintRuntime
import BlueprintSema
import BlueprintSyntax
import FoundationEssentials
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

    /// The output artifacts of an earlier run, from its journal, without the parts
    /// that held a secret (the journal has them only masked), which are listed.
    static func artifacts(fromRun id: String, runsDirectory: String) throws -> (artifacts: [String: RunArtifact], withheld: [String]) {
        let ledger = RunLedger(try RunJournal.read(journalPath(id, runsDirectory)))
        guard ledger.finishedStatus == "succeeded", var artifacts = ledger.artifacts else {
            throw RunInputError("run \(id) did not succeed with output artifacts (status: \(ledger.finishedStatus ?? "unfinished"))")
        }
        for part in ledger.withheldArtifacts {
            guard let dot = part.firstIndex(of: ".") else { continue }
            let name = String(part[..<dot])
            let key = String(part[part.index(after: dot)...])
            if key == "KopiaSnapshot" { artifacts[name]?.kopiaSnapshot = nil } else { artifacts[name]?.keyValue[key] = nil }
        }
        return (artifacts, ledger.withheldArtifacts)
    }

    /// Refuses a run whose `--artifacts-from` run withheld a part the command line does not give again.
    static func requireWithheld(_ withheld: [String], in artifacts: [String: RunArtifact], fromRun id: String) throws {
        for part in withheld {
            guard let dot = part.firstIndex(of: ".") else { continue }
            let name = String(part[..<dot])
            let key = String(part[part.index(after: dot)...])
            let isGiven = key == "KopiaSnapshot" ? artifacts[name]?.kopiaSnapshot != nil : artifacts[name]?.keyValue[key] != nil
            guard !isGiven else { continue }
            let flag = key == "KopiaSnapshot" ? "--artifact \(name)=SNAPSHOT" : "--artifact \(part)=VALUE"
            throw RunInputError(
                "--artifacts-from \(id): output artifact \(part) held a secret value, which that run's journal keeps only masked; give it with \(flag)")
        }
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
