// The closing note of a run: its status, what was done, what failed, what was
// undone (and what could not be), the finally phase, artifacts and the journal.

import BlueprintRuntime

enum RunSummaryText {
    static func print(_ summary: RunSummary, journal: String) {
        Terminal.writeError(render(summary, journal: journal))
    }

    static func render(_ summary: RunSummary, journal: String) -> String {
        var lines: [String] = []
        let verdict: String
        switch summary.status {
        case .succeeded: verdict = "succeeded"
        case .failed: verdict = summary.isCleanlyUndone ? "failed; completed phases were undone" : "failed; the rollback is incomplete"
        case .cancelled: verdict = "interrupted; " + (summary.isCleanlyUndone ? "completed phases were undone" : "the rollback is incomplete")
        }
        lines.append("run \(summary.runID) \(verdict)")
        lines.append("  done:      " + list(summary.completed))
        if !summary.skipped.isEmpty { lines.append("  skipped:   " + list(summary.skipped) + " (condition false)") }
        for failure in summary.failures { lines.append("  failed:    \(failure.phase): \(failure.message)") }
        if !summary.cancelledPhases.isEmpty { lines.append("  cancelled: " + list(summary.cancelledPhases)) }
        if summary.status != .succeeded || !summary.compensated.isEmpty {
            lines.append("  undone:    " + list(summary.compensated.map { "\($0.undoes) (by \($0.compensation))" }))
        }
        for failure in summary.compensationFailures { lines.append("  NOT undone: \(failure.phase) failed: \(failure.message)") }
        switch summary.finallyResult {
        case .success?: lines.append("  finally:   completed")
        case .failure(let failure)?: lines.append("  finally:   FAILED: \(failure.message)")
        case nil: break
        }
        if !summary.notRun.isEmpty { lines.append("  not run:   " + list(summary.notRun)) }
        if !summary.artifacts.isEmpty { lines.append("  artifacts: " + list(summary.artifacts.keys.sorted())) }
        if let problem = summary.journalError { lines.append("  journal:   \(problem)") }
        lines.append("  journal:   \(journal)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
