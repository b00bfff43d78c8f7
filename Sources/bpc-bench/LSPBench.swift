// `bpc-bench lsp`: the language server's latency on a 5,000-line document, in
// process: a one-character edit to its published diagnostics, and completion.

import BlueprintLSP
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML

enum LSPBench {
    /// Sources for the server: the one document is open, nothing is on disk.
    struct NoDisk: SourceProvider {
        struct Missing: Error {}
        func read(_ path: String) throws -> SourceFile { throw Missing() }
        func identity(of path: String) -> String { path }
    }

    /// A valid .bp of at least `lines` lines: actions of KubeTask phases that read
    /// each other's outputs in expressions and Go templates.
    static func document(lines: Int) -> String {
        var text = "blueprint bench\n\nlet tools = option(\"image\", default: \"ghcr.io/kanisterio/kanister-tools:0.117.0\")\n\n"
        var count = 4
        var action = 0
        while count < lines {
            text += "action backup\(action) on StatefulSet {\n"
            count += 1
            for phase in 0..<20 {
                let previous =
                    phase == 0 ? "" : "echo \\(p\(action)x\(phase - 1).output.location) {{ .Phases.p\(action)x\(phase - 1).Output.location }}\n      "
                text += """
                      phase p\(action)x\(phase): KubeTask {
                        namespace: StatefulSet.Namespace
                        image: tools
                        command: bash \"\"\"
                          \(previous)kando output location "/backups/\\(StatefulSet.Name)/\(phase)"
                          \"\"\"
                      }

                    """
                count += 8
            }
            text += "}\n\n"
            count += 2
            action += 1
        }
        return text
    }

    static func frame(_ body: String) -> [UInt8] { MessageReader.frame(Array(body.utf8)) }

    /// CPU time (user and system, every thread) of the process so far, in milliseconds.
    static func cpuMilliseconds() -> Double { processCPUSeconds() * 1e3 }

    /// CPU time of each timed body: on a loaded machine the wall time waits for cores, this does not.
    nonisolated(unsafe) static var cpuSamples: [Double] = []

    static func milliseconds(_ body: () -> Void) -> Double {
        let cpu = cpuMilliseconds()
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        cpuSamples.append(cpuMilliseconds() - cpu)
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    static func loadAverage() -> String {
        var loads = [Double](repeating: 0, count: 1)
        return getloadavg(&loads, 1) == 1 ? String(format: "%.1f", loads[0]) : "unknown"
    }

    static func report(_ label: String, _ samples: [Double], target: Double) {
        let sorted = samples.sorted()
        let p90 = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 9 / 10)]
        let verdict = median(samples) <= target ? "within" : "OVER"
        print(
            "\(label): median \(String(format: "%.2f", median(samples))) ms, p90 \(String(format: "%.2f", p90)) ms over \(samples.count) runs (\(verdict) the \(Int(target)) ms target)"
        )
    }

    static func run() {
        let text = document(lines: 5_000)
        let uri = "file:///bench/bench.bp"
        // BPC_BENCH_LSP_REUSE=0: every edit runs every pass (the server without its per-action cache).
        var configuration = LanguageServerConfiguration()
        configuration.reusesActionResults = ProcessInfo.processInfo.environment["BPC_BENCH_LSP_REUSE"] != "0"
        let server = LanguageServer(disk: NoDisk(), configuration: configuration)
        _ = server.receive(frame(#"{"jsonrpc": "2.0", "id": 0, "method": "initialize", "params": {"capabilities": {}}}"#))
        let open =
            #"{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "\#(uri)", "languageId": "bp", "version": 1, "text": \#(String(JSONValue.string(text).printed().dropLast()))}}}"#
        var published: [[UInt8]] = []
        let openTime = milliseconds { published = server.receive(frame(open)) }
        let lineCount = text.utf8.filter { $0 == 0x0A }.count
        print("language server: \(lineCount)-line document (\(text.utf8.count / 1024) KB), open to diagnostics \(String(format: "%.1f", openTime)) ms")
        guard published.count == 1 else {
            print("internal error: expected one publishDiagnostics on open, got \(published.count)")
            return
        }
        // Line 6 is `    image: tools` of the first phase: type a character after it, then delete it.
        let line = 7
        let character = "    image: tools".utf16.count
        var edits: [Double] = []
        cpuSamples = []
        // BPC_BENCH_LSP_EDITS=N: N edits (80 by default); with N and 0 an instruction count per edit.
        let editCount = ProcessInfo.processInfo.environment["BPC_BENCH_LSP_EDITS"].flatMap(Int.init) ?? 80
        for version in 2..<(2 + editCount) {
            let isInsert = version % 2 == 0
            let end = isInsert ? character : character + 1
            let change =
                #"{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "\#(uri)", "version": \#(version)}, "contentChanges": [{"range": {"start": {"line": \#(line), "character": \#(character)}, "end": {"line": \#(line), "character": \#(end)}}, "text": "\#(isInsert ? "x" : "")"}]}}"#
            let bytes = frame(change)
            var replies: [[UInt8]] = []
            edits.append(milliseconds { replies = server.receive(bytes) })
            let body = String(decoding: replies.first ?? [], as: UTF8.self)
            if isInsert != body.contains("BP2020") {
                print("internal error: edit \(version) published unexpected diagnostics")
                return
            }
        }
        report("edit -> published diagnostics", Array(edits.dropFirst(2)), target: 20)
        print("  CPU time per edit (all threads): median \(String(format: "%.2f", median(cpuSamples))) ms; load average now \(loadAverage())")
        let clean = edits.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        let broken = edits.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        print(
            "  (an edit that leaves an error, checks only: median \(String(format: "%.2f", median(broken))) ms; one that fixes it, every pass: \(String(format: "%.2f", median(clean))) ms)"
        )
        // An instruction count of the edits alone stops here.
        if ProcessInfo.processInfo.environment["BPC_BENCH_LSP_EDITS"] != nil { return }
        printCompileStages(SourceFile(path: "bench.bp", text: text))
        var arguments: [Double] = []
        var members: [Double] = []
        for _ in 0..<40 {
            let body =
                #"{"jsonrpc": "2.0", "id": 9, "method": "textDocument/completion", "params": {"textDocument": {"uri": "\#(uri)"}, "position": {"line": 7, "character": 4}}}"#
            arguments.append(milliseconds { _ = server.receive(frame(body)) })
            // `p0x0.output.` in the second phase's command: the phase's output keys.
            let member =
                #"{"jsonrpc": "2.0", "id": 10, "method": "textDocument/completion", "params": {"textDocument": {"uri": "\#(uri)"}, "position": {"line": 15, "character": 26}}}"#
            members.append(milliseconds { _ = server.receive(frame(member)) })
        }
        report("completion (argument names)", arguments, target: 10)
        report("completion (phase.output. keys)", members, target: 10)
    }
}
