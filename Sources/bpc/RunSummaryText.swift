// The closing note of a run: its status, what was done, what failed, what was
// undone (and what could not be), the finally phase, artifacts and the journal.
// It takes the summary redacted: no secret a phase printed reaches it.

import BlueprintRuntime

enum RunSummaryText {
    static func print(_ summary: Redacted<RunSummary>, journal: String) {
        RunConsole.error(summary.map { render($0, journal: journal) })
    }

    /// The first line's verdict: says what was undone, never more.
    static func verdict(_ summary: RunSummary) -> String {
        let undid = summary.compensated.isEmpty ? nil : "completed phases were undone"
        let rollback: String
        if !summary.isCleanlyUndone {
            rollback = "the rollback is incomplete"
        } else if let undid {
            rollback = undid
        } else if summary.previouslyCompensated > 0 {
            rollback = "nothing was left to undo"
        } else if summary.completed.isEmpty {
            rollback = "no phase had completed, nothing to undo"
        } else {
            rollback = "nothing was undone (no completed phase has an undo)"
        }
        switch summary.status {
        case .succeeded: return "succeeded"
        case .failed: return "failed; " + rollback
        case .cancelled: return "interrupted; " + rollback
        }
    }

    static func render(_ summary: RunSummary, journal: String) -> String {
        var lines: [String] = []
        lines.append("run \(summary.runID) \(verdict(summary))")
        lines.append("  done:        " + list(summary.completed))
        if !summary.skipped.isEmpty { lines.append("  skipped:     " + list(summary.skipped) + " (condition false)") }
        for failure in summary.failures { lines.append("  failed:      \(failure.phase): \(failure.message)") }
        if !summary.cancelledPhases.isEmpty { lines.append("  interrupted: " + list(summary.cancelledPhases)) }
        if summary.status != .succeeded || !summary.compensated.isEmpty {
            lines.append("  undone:      " + list(summary.compensated.map { "\($0.undoes) (by \($0.compensation))" }))
        }
        for failure in summary.compensationFailures { lines.append("  NOT undone:  \(failure.phase) failed: \(failure.message)") }
        switch summary.finallyResult {
        case .success?: lines.append("  finally:     completed")
        case .failure(let failure)?: lines.append("  finally:     FAILED: \(failure.message)")
        case nil: break
        }
        if !summary.notRun.isEmpty { lines.append("  not run:     " + list(summary.notRun)) }
        if !summary.artifacts.isEmpty { lines.append("  artifacts:   " + list(summary.artifacts.keys.sorted())) }
        if let problem = summary.journalError { lines.append("  journal:     \(problem)") }
        lines.append("  journal:     \(journal)")
        return lines.joined(separator: "\n") + "\n"
    }

    static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: ", ") }
}
