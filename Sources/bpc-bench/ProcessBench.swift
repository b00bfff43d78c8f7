// `bpc compile` as users run it: the executable built beside this benchmark, in its
// own process (start, read, compile, print warnings, write atomically, exit).

import Foundation

enum ProcessBench {
    /// The best wall time of `repeats` runs of `bpc compile SOURCE -o OUT`, or nil
    /// when there is no `bpc` beside this executable or a run fails.
    static func compileSeconds(source: [UInt8], repeats: Int) -> Double? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let bpc = directory.appendingPathComponent("bpc")
        guard FileManager.default.isExecutableFile(atPath: bpc.path) else { return nil }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("bench.bp")
        guard (try? Data(source).write(to: input)) != nil else { return nil }
        var best = Double.infinity
        for _ in 0..<repeats {
            let process = Process()
            process.executableURL = bpc
            process.arguments = ["compile", input.path, "-o", work.appendingPathComponent("bench.yaml").path]
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            guard (try? process.run()) != nil else { return nil }
            process.waitUntilExit()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            guard process.terminationStatus == 0 else { return nil }
            best = min(best, seconds)
        }
        return best
    }
}
