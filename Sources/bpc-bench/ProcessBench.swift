// `bpc compile` as users run it: the executable built beside this benchmark, in its
// own process (start, read, compile, print warnings, write atomically, exit).

import BlueprintSyntax
import Foundation

enum ProcessBench {
    /// The best wall time of `repeats` runs of `bpc compile SOURCE -o OUT`, or nil
    /// when there is no `bpc` beside this executable or a run fails.
    /// Where the input and output files go: a RAM file system when there is one,
    /// so that the disk's writeback of earlier runs does not disturb later ones.
    static let directory: URL = {
        let shared = "/dev/shm"
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: shared, isDirectory: &isDirectory), isDirectory.boolValue,
            FileManager.default.isWritableFile(atPath: shared)
        {
            return URL(fileURLWithPath: shared)
        }
        return FileManager.default.temporaryDirectory
    }()

    static func compileSeconds(source: [UInt8], repeats: Int) -> Double? {
        let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let bpc = directory.appendingPathComponent("bpc")
        guard FileManager.default.isExecutableFile(atPath: bpc.path) else { return nil }
        let work = directory.appendingPathComponent("bpc-bench-\(getpid())")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let input = work.appendingPathComponent("bench.bp")
        guard (try? Data(source).write(to: input)) != nil else { return nil }
        let output = work.appendingPathComponent("bench.yaml").path
        let arguments = [bpc.path, "compile", input.path, "-o", output]
        var best = Double.infinity
        for _ in 0..<repeats {
            Parallel.waitForBackgroundReleases()
            let start = DispatchTime.now().uptimeNanoseconds
            guard run(arguments) == 0 else { return nil }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }

    /// Runs a program with standard output and error on /dev/null, through
    /// posix_spawn and waitpid (no run loop between its exit and ours); its exit
    /// status, or nil when it cannot start or does not exit normally.
    static func run(_ arguments: [String]) -> Int32? {
        spawn(arguments)?.status
    }

    /// `run`, also giving the program's resource usage (`wait4`).
    static func spawn(_ arguments: [String]) -> (status: Int32, usage: rusage)? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid = pid_t()
        guard posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ) == 0 else { return nil }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { return nil }
        }
        // WIFEXITED and WEXITSTATUS, which Swift does not import.
        guard status & 0x7F == 0 else { return nil }
        return ((status >> 8) & 0xFF, usage)
    }
}
