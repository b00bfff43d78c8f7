// Progress of `bpc run`: one line per event (the default off a terminal),
// JSON lines for machines (`--events json`), or a live table of phase states
// and elapsed times on a terminal.

import BlueprintRuntime
import Foundation

enum EventFormat: String, CaseIterable {
    case auto, lines, json, live
}

/// One line per event on standard error; phase output lines as `phase | text`.
final class LineReporter: RunReporter, @unchecked Sendable {
    private let lock = NSLock()
    private let showsLogs: Bool

    init(showsLogs: Bool = true) { self.showsLogs = showsLogs }

    func report(_ event: RunEvent) {
        guard let text = LineReporter.describe(event, showsLogs: showsLogs) else { return }
        lock.lock()
        defer { lock.unlock() }
        Terminal.writeError(text + "\n")
    }

    static func describe(_ event: RunEvent, showsLogs: Bool = true) -> String? {
        let phase = event.phase ?? ""
        let elapsed = event.elapsed.map { String(format: " (%.2fs)", $0) } ?? ""
        switch event.event {
        case .log: return showsLogs ? "  \(phase) | \(event.value ?? "")" : nil
        case .runStarted: return "run started: \(event.inputs.map { "\($0.action) on \($0.subject.description)" } ?? "")"
        case .runResumed: return "run resumed: \(event.value ?? "")"
        case .phaseStarted: return "▶ \(phase) started" + ((event.attempt ?? 1) > 1 ? " (attempt \(event.attempt ?? 1))" : "")
        case .phaseCompleted:
            let keys = (event.outputs ?? [:]).keys.sorted()
            return "✔ \(phase) completed\(elapsed)" + (keys.isEmpty ? "" : " outputs: \(keys.joined(separator: ", "))")
        case .phaseFailed: return "✘ \(phase) failed\(elapsed): \(event.error ?? "")"
        case .phaseSkipped: return "⤼ \(phase) skipped: its condition is false"
        case .phaseRetrying:
            let delay = String(format: "%.1fs", event.elapsed ?? 0)
            return "↻ \(phase) attempt \(event.attempt ?? 0) failed: \(event.error ?? ""); retrying in \(delay)"
        case .interrupted: return "■ interrupted (\(event.value ?? "")): cancelling running phases, then rolling back"
        case .rollbackStarted: return "⟲ rolling back (\(event.value ?? ""))"
        case .compensationStarted: return "⟲ \(phase) started (undoes \(event.undoes ?? ""))"
        case .compensated: return "⟲ \(phase) completed\(elapsed): undid \(event.undoes ?? "")"
        case .compensationFailed: return "✘ \(phase) failed\(elapsed) (undo of \(event.undoes ?? "")): \(event.error ?? "")"
        case .finallyStarted: return "▶ finally \(phase) started"
        case .finallyCompleted: return "✔ finally \(phase) completed\(elapsed)"
        case .finallyFailed: return "✘ finally \(phase) failed\(elapsed): \(event.error ?? "")"
        case .runFinished: return nil
        case .phaseOutput: return "  \(phase) output \(event.key ?? "")"
        case .processStarted: return nil
        }
    }
}

/// Every event as one JSON object per line on standard output.
final class JSONReporter: RunReporter, @unchecked Sendable {
    private let lock = NSLock()
    private let encoder: JSONEncoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func report(_ event: RunEvent) {
        guard let data = try? encoder.encode(event) else { return }
        lock.lock()
        defer { lock.unlock() }
        FileHandle.standardOutput.write(data + Data([0x0A]))
    }
}

/// A live table on a terminal: one row per phase with its state and elapsed time,
/// redrawn on every event and twice a second; log lines scroll above it.
final class LiveReporter: RunReporter, @unchecked Sendable {
    struct Row {
        var name: String
        var state = "pending"
        var started: Date?
        var ended: Date?
    }

    private let lock = NSLock()
    private var rows: [Row]
    private var drawnLines = 0
    private var timer: (any DispatchSourceTimer)?

    init(phases: [String]) {
        rows = phases.map { Row(name: $0) }
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + 0.5, repeating: 0.5)
        timer.setEventHandler { [weak self] in self?.redraw(log: nil) }
        timer.resume()
        self.timer = timer
    }

    func stop() {
        timer?.cancel()
        timer = nil
        redraw(log: nil)
    }

    func report(_ event: RunEvent) {
        lock.lock()
        update(event)
        lock.unlock()
        if event.event == .log {
            redraw(log: "  \(event.phase ?? "") | \(event.value ?? "")")
        } else if event.event == .interrupted || event.event == .rollbackStarted {
            redraw(log: LineReporter.describe(event))
        } else {
            redraw(log: nil)
        }
    }

    private func update(_ event: RunEvent) {
        guard let phase = event.phase else { return }
        if !rows.contains(where: { $0.name == phase }) { rows.append(Row(name: phase)) }
        guard let index = rows.firstIndex(where: { $0.name == phase }) else { return }
        let states: [RunEvent.Kind: String] = [
            .phaseStarted: "running", .compensationStarted: "undoing", .finallyStarted: "running", .phaseRetrying: "retrying",
            .phaseCompleted: "done", .phaseSkipped: "skipped", .compensated: "undone \(event.undoes ?? "")", .finallyCompleted: "done",
            .phaseFailed: event.error == "cancelled" ? "cancelled" : "failed", .compensationFailed: "undo failed", .finallyFailed: "failed",
        ]
        guard let state = states[event.event] else { return }
        rows[index].state = state
        if ["running", "undoing"].contains(state) {
            rows[index].started = rows[index].started ?? Date()
            rows[index].ended = nil
        } else if state != "retrying" {
            rows[index].ended = Date()
        }
    }

    private func redraw(log: String?) {
        lock.lock()
        defer { lock.unlock() }
        var text = drawnLines > 0 ? "\u{1B}[\(drawnLines)A\u{1B}[J" : ""
        if let log { text += log + "\n" }
        let width = max(8, rows.map(\.name.count).max() ?? 8)
        for row in rows {
            let seconds = row.started.map { (row.ended ?? Date()).timeIntervalSince($0) }
            let time = seconds.map { String(format: "%6.1fs", $0) } ?? "       "
            let marks = ["done": "✔", "running": "▶", "undoing": "⟲", "failed": "✘", "cancelled": "■", "undo failed": "✘"]
            let mark = marks[row.state] ?? "·"
            text += "\(mark) \(row.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(time)  \(row.state)\n"
        }
        drawnLines = rows.count
        Terminal.writeError(text)
    }
}
