// Start-up of the release `bpc` as a whole process (`bpc-bench startup`, and the
// first part of `judge`): per command the median wall time, CPU time and page
// faults of N spawns, next to the same figures for spawning /bin/true (the floor).

import Foundation

enum StartupBench {
    /// One spawn's figures: wall seconds, CPU seconds (user + system), minor page faults.
    struct Sample {
        var wall: Double
        var cpu: Double
        var faults: Int
    }

    /// Spawns `arguments` (output to /dev/null) and waits with `wait4`; nil when it
    /// cannot start or ends with a status outside `accepting`.
    static func sample(_ arguments: [String], accepting: Set<Int32> = [0]) -> Sample? {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let (status, usage) = ProcessBench.spawn(arguments) else { return nil }
        let wall = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard accepting.contains(status) else { return nil }
        let seconds = { (time: timeval) in Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return Sample(wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), faults: usage.ru_minflt + usage.ru_majflt)
    }

    /// The medians of `runs` samples (runs interleave with nothing else), or nil when one fails.
    static func medians(_ arguments: [String], runs: Int) -> Sample? {
        var samples: [Sample] = []
        for _ in 0..<runs {
            guard let sample = sample(arguments) else { return nil }
            samples.append(sample)
        }
        return Sample(
            wall: JudgeBench.median(samples.map(\.wall)), cpu: JudgeBench.median(samples.map(\.cpu)),
            faults: Int(JudgeBench.median(samples.map { Double($0.faults) })))
    }

    /// The load average (1, 5 and 15 minutes), as /proc/loadavg gives it.
    static var loadAverage: String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "unknown"
    }

    /// Prints the start-up table for `bpc` with the sample `.bp` (targets: 5 ms for
    /// --version, 10 ms for lint and compile, on the median wall time).
    static func run(bpc: String, runs: Int) {
        let sample =
            ProcessInfo.processInfo.environment["BPC_SAMPLE"]
            ?? Corpus.packageRoot.map { $0.appendingPathComponent("Samples/elasticsearch.bp").path } ?? ""
        let output = ProcessBench.directory.appendingPathComponent("bpc-bench-startup-\(getpid()).yaml").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        print("\nstart-up (medians of \(runs) spawns; sample \(sample); load average \(loadAverage)):")
        print("  \("command".padding(toLength: 28, withPad: " ", startingAt: 0))       wall         cpu  faults")
        let cases: [(String, [String], Double?)] = [
            ("/bin/true (spawn floor)", ["/bin/true"], nil),
            ("bpc --version", [bpc, "--version"], 0.005),
            ("bpc lint SAMPLE", [bpc, "lint", sample], 0.010),
            ("bpc compile SAMPLE -o FILE", [bpc, "compile", sample, "-o", output], 0.010),
        ]
        for (label, arguments, limit) in cases {
            let padded = label.padding(toLength: 28, withPad: " ", startingAt: 0)
            guard let figures = medians(arguments, runs: runs) else {
                print("  \(padded) failed to run")
                continue
            }
            let target = limit.map { "  (target < \(JudgeBench.milliseconds($0))) \(JudgeBench.verdict(figures.wall, $0))" } ?? ""
            let columns = String(format: "%8.2f ms %8.2f ms %7d", figures.wall * 1000, figures.cpu * 1000, figures.faults)
            print("  \(padded) \(columns)\(target)")
        }
        print("  load average at end: \(loadAverage) (wall and cpu are only meaningful on a quiet machine; faults are not load-dependent)")
    }
}
