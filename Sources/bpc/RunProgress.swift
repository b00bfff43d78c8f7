// Progress of `bpc run`: one line per event (the default off a terminal),
// JSON lines for machines (`--events json`), or a live table of phase states
// and elapsed times on a terminal.

import BlueprintRuntime
import Dispatch
import FoundationEssentials

enum EventFormat: String, CaseIterable {
    case auto, lines, json, live
}

/// One line per event on standard error; phase output lines as `phase | text`.
final class LineReporter: RunReporter, @unchecked Sendable {
    private let lock = Lock()
    private let showsLogs: Bool

    init(showsLogs: Bool = true) { self.showsLogs = showsLogs }

    func report(_ event: Redacted<RunEvent>) {
        let showsLogs = showsLogs
        let text = event.map { LineReporter.describe($0, showsLogs: showsLogs).map { $0 + "\n" } ?? "" }
        guard !text.value.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        RunConsole.error(text)
    }

    static func describe(_ event: RunEvent, showsLogs: Bool = true) -> String? {
        let phase = event.phase ?? ""
        let elapsed = event.elapsed.map { printfFormat(" (%.2fs)", $0) } ?? ""
        switch event.event {
        case .log: return showsLogs ? "  \(phase) | \(event.value ?? "")" : nil
        case .runStarted: return "run started: \(event.inputs.map { "\($0.action) on \($0.subject.description)" } ?? "")"
        case .runResumed: return "run resumed: \(event.value ?? "")"
        case .phaseStarted: return "▶ \(phase) started" + ((event.attempt ?? 1) > 1 ? " (attempt \(event.attempt ?? 1))" : "")
        case .phaseCompleted:
            let keys = (event.outputs ?? [:]).keys.sorted()
            return "✔ \(phase) completed\(elapsed)" + (keys.isEmpty ? "" : " outputs: \(keys.joined(separator: ", "))")
        case .phaseFailed where event.error == "cancelled": return "■ \(phase) interrupted\(elapsed)"
        case .phaseFailed: return "✘ \(phase) failed\(elapsed): \(event.error ?? "")"
        case .phaseSkipped: return "⤼ \(phase) skipped: its condition is false"
        case .phaseRetrying:
            let delay = printfFormat("%.1fs", event.elapsed ?? 0)
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
        case .processStarted, .workspace: return nil
        }
    }
}

/// Every event as one JSON object per line on standard output.
final class JSONReporter: RunReporter, @unchecked Sendable {
    private let lock = Lock()
    private let encoder: JSONEncoder

    init() {
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    func report(_ event: Redacted<RunEvent>) {
        let encoder = encoder
        let line = event.map { event in (try? encoder.encode(event)).map { String(decoding: $0, as: UTF8.self) + "\n" } ?? "" }
        guard !line.value.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        RunConsole.output(line)
    }
}

/// A live table on a terminal: one row per phase with its state and elapsed time,
/// redrawn on every event and twice a second; log lines scroll above it. Rows
/// are in the order phases started (compensations and finally included), then
/// the pending ones in plan order.
final class LiveReporter: RunReporter, @unchecked Sendable {
    struct Row {
        var name: String
        var state = "pending"
        var started: Date?
        var ended: Date?
    }

    private let lock = Lock()
    private var rows: [Row]
    private var drawnLines = 0
    private var timer: (any DispatchSourceTimer)?
    /// The table is printed through the run's redactor too (it holds nothing but
    /// phase names and states, which come from redacted events).
    private let redactor: Redactor

    init(phases: [String], redactor: Redactor) {
        rows = phases.map { Row(name: $0) }
        self.redactor = redactor
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

    func report(_ redacted: Redacted<RunEvent>) {
        let event = redacted.value
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

    /// The rows' names in display order (for tests).
    var order: [String] {
        lock.lock()
        defer { lock.unlock() }
        return rows.map(\.name)
    }

    func update(_ event: RunEvent) {
        guard let phase = event.phase else { return }
        if !rows.contains(where: { $0.name == phase }) { rows.append(Row(name: phase)) }
        guard var index = rows.firstIndex(where: { $0.name == phase }) else { return }
        let states: [RunEvent.Kind: String] = [
            .phaseStarted: "running", .compensationStarted: "undoing", .finallyStarted: "running", .phaseRetrying: "retrying",
            .phaseCompleted: "done", .phaseSkipped: "skipped", .compensated: "undone \(event.undoes ?? "")", .finallyCompleted: "done",
            .phaseFailed: event.error == "cancelled" ? "interrupted" : "failed", .compensationFailed: "undo failed", .finallyFailed: "failed",
        ]
        guard let state = states[event.event] else { return }
        if rows[index].started == nil, ["running", "undoing"].contains(state) {
            // First start: the row moves up to just after the rows that started before it.
            let row = rows.remove(at: index)
            index = rows.firstIndex { $0.started == nil } ?? rows.count
            rows.insert(row, at: index)
        }
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
            let time = seconds.map { printfFormat("%6.1fs", $0) } ?? "       "
            let marks = ["done": "✔", "running": "▶", "undoing": "⟲", "failed": "✘", "interrupted": "■", "undo failed": "✘"]
            let mark = marks[row.state] ?? "·"
            text += "\(mark) \(row.name + String(repeating: " ", count: max(0, width - row.name.count)))  \(time)  \(row.state)\n"
        }
        drawnLines = rows.count
        RunConsole.error(redactor.redact(text))
    }
}
