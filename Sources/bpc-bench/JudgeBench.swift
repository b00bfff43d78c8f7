// `bpc-bench judge`: the issue-13 targets in one run, as medians of several
// runs and as ratios against floors measured in the same run: start-up of the
// release `bpc` (spawned N times), and the real-content blueprint against
// libyaml's parse of the emitted YAML and (with $KCHECK) `kcheck validate`.

import BlueprintSyntax
import Foundation
import KanisterYAML

enum JudgeBench {
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }

    /// The median wall time of `runs` spawns of `arguments`, or nil when one
    /// cannot start or exits with a status outside `accepting`.
    static func processSeconds(_ arguments: [String], runs: Int, accepting: Set<Int32> = [0]) -> Double? {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            guard let status = ProcessBench.run(arguments), accepting.contains(status) else { return nil }
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return median(times)
    }

    static func milliseconds(_ seconds: Double) -> String { String(format: "%.2f ms", seconds * 1000) }

    static func verdict(_ value: Double, _ limit: Double) -> String { value <= limit ? "ok" : "OVER" }

    static func run(runs: Int, startRuns: Int) {
        let bpc = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("bpc").path
        guard FileManager.default.isExecutableFile(atPath: bpc) else {
            print("no bpc beside bpc-bench: build both with `swift build -c release`")
            return
        }
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ")
        print("bpc: \(bpc)\nload average at start: \(load ?? "unknown") (wall-clock figures are only meaningful on a quiet machine)")
        startUp(bpc: bpc, runs: startRuns)
        realContent(bpc: bpc, runs: runs)
    }

    /// Whole-process start-up of the commands people run by hand: see StartupBench.
    static func startUp(bpc: String, runs: Int) {
        StartupBench.run(bpc: bpc, runs: runs)
    }

    /// The corpus blueprint (100 copies): compile against libyaml's parse of its
    /// YAML, lint of the YAML against kcheck, and where compile time goes.
    static func realContent(bpc: String, runs: Int) {
        guard let yaml = Corpus.yaml(copies: 100), let source = Corpus.importedSource(yaml) else {
            print("\nreal content: skipped (bigblueprint.py or the examples are not beside the package; set BPC_SHARED)")
            return
        }
        let work = ProcessBench.directory.appendingPathComponent("bpc-bench-judge-\(getpid())")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let yamlPath = work.appendingPathComponent("big.yaml").path
        let sourcePath = work.appendingPathComponent("big.bp").path
        let outputPath = work.appendingPathComponent("out.yaml").path
        guard FileManager.default.createFile(atPath: yamlPath, contents: Data(yaml)),
            FileManager.default.createFile(atPath: sourcePath, contents: Data(source))
        else {
            print("\nreal content: cannot write to \(work.path)")
            return
        }
        let mb = { (count: Int) in String(format: "%.1f MB", Double(count) / 1_048_576) }
        print("\nreal content: \(mb(yaml.count)) YAML (100 copies of the examples), \(mb(source.count)) .bp; medians of \(runs) runs")
        guard let compile = processSeconds([bpc, "compile", sourcePath, "-o", outputPath], runs: runs),
            let emitted = FileManager.default.contents(atPath: outputPath).map({ [UInt8]($0) })
        else {
            print("  bpc compile failed")
            return
        }
        let floor = median((0..<runs).map { _ in seconds { _ = YAMLEventScan.countEvents(emitted) } })
        let lintSource = processSeconds([bpc, "lint", sourcePath], runs: runs, accepting: [0, 1]) ?? .nan
        let lintYAML = processSeconds([bpc, "lint", yamlPath], runs: runs, accepting: [0, 1]) ?? .nan
        let importTime = processSeconds([bpc, "import", yamlPath, "-o", work.appendingPathComponent("back.bp").path], runs: runs) ?? .nan
        let asSeconds = { (value: Double) in String(format: "%.3f s", value) }
        print("  libyaml parse of the emitted YAML (\(mb(emitted.count)), the floor): \(asSeconds(floor))")
        let compileRatio = String(format: "%.2f", compile / floor)
        print("  bpc compile big.bp -o FILE: \(asSeconds(compile)) = \(compileRatio)x the floor (target ≤ 2x) \(verdict(compile / floor, 2))")
        print("  bpc lint big.bp: \(asSeconds(lintSource)) = \(String(format: "%.2f", lintSource / floor))x the floor")
        print("  bpc import big.yaml: \(asSeconds(importTime))")
        if let kcheck = ProcessInfo.processInfo.environment["KCHECK"], FileManager.default.isExecutableFile(atPath: kcheck) {
            let validate = processSeconds([kcheck, "validate", yamlPath], runs: min(runs, 3), accepting: [0, 1]) ?? .nan
            let ratio = lintYAML / validate
            print("  bpc lint big.yaml: \(asSeconds(lintYAML)); kcheck validate: \(asSeconds(validate))")
            print("  lint / kcheck: \(String(format: "%.3f", ratio)) (target ≤ 0.1) \(verdict(ratio, 0.1))")
        } else {
            print("  bpc lint big.yaml: \(asSeconds(lintYAML)) (set KCHECK to compare with kcheck validate)")
        }
        printCompileStages(SourceFile(path: sourcePath, bytes: source), renderingDiagnostics: true)
    }
}
