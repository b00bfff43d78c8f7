// Child processes for the local and kubectl backends: spawned in a process group
// of their own with default signal handling, stdout and stderr read line by line
// on a dedicated thread, and the whole group killed on cancellation or exit.

import Dispatch
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct ProcessOutcome: Sendable, Equatable {
    /// The exit code, or 128 + the signal number.
    public var status: Int32
    public var stdout: [UInt8]
}

/// One spawned process group; the monitor thread and the cancel handler share it.
final class ProcessGroup: @unchecked Sendable {
    let pid: pid_t
    private let lock = Lock()
    private var hasExited = false

    init(pid: pid_t) {
        self.pid = pid
        ProcessGroup.register(pid, running: true)
    }

    func markExited() {
        lock.lock()
        hasExited = true
        lock.unlock()
        ProcessGroup.register(pid, running: false)
    }

    private static let registryLock = Lock()
    nonisolated(unsafe) private static var running: Set<pid_t> = []

    private static func register(_ pid: pid_t, running isRunning: Bool) {
        registryLock.lock()
        defer { registryLock.unlock() }
        if isRunning { running.insert(pid) } else { running.remove(pid) }
    }

    /// SIGKILLs every process group this process started that is still running
    /// (for a quit that cannot wait: no phase may outlive bpc); returns how many.
    static func killAllRunning() -> Int {
        registryLock.lock()
        defer { registryLock.unlock() }
        for pid in running { kill(-pid, SIGKILL) }
        return running.count
    }

    /// Signals every process of the group (the group id is the leader's pid).
    func signal(_ number: Int32) {
        lock.lock()
        defer { lock.unlock() }
        kill(-pid, number)
    }

    /// SIGTERM now, SIGKILL after `grace` seconds unless the leader has exited by then.
    func terminate(grace: Double = 2) {
        signal(SIGTERM)
        DispatchQueue.global().asyncAfter(deadline: .now() + grace) { [self] in
            signal(SIGKILL)
        }
    }

    var exited: Bool {
        lock.lock()
        defer { lock.unlock() }
        return hasExited
    }
}

public enum ProcessRunner {
    static let spawnLock = Lock()

    /// Kills (SIGKILL) the process groups of every phase still running; for a
    /// process about to exit at once (a third Ctrl-C). Returns how many.
    public static func killAllRunning() -> Int { ProcessGroup.killAllRunning() }

    /// Runs `arguments` to completion. `onStdout` and `onStderr` get each line
    /// (without the newline). Cancelling the task kills the process group.
    public static func run(
        _ arguments: [String], environment: [String: String], directory: String? = nil,
        onStdout: @escaping @Sendable (String) -> Void = { _ in }, onStderr: @escaping @Sendable (String) -> Void = { _ in },
        onSpawn: @Sendable (Int32) async -> Void = { _ in }
    ) async throws -> ProcessOutcome {
        guard let program = arguments.first else { throw PhaseFailure("empty command") }
        guard let executable = resolve(program, path: environment["PATH"] ?? "/usr/bin:/bin") else {
            throw PhaseFailure("command not found: \(program)")
        }
        let (group, output, errors) = try spawn(executable, arguments, environment: environment, directory: directory)
        await onSpawn(group.pid)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<ProcessOutcome, Error>) in
                DetachedThread.start(stackSize: 1 << 20) {
                    let outcome = monitor(group, output: output, errors: errors, onStdout: onStdout, onStderr: onStderr)
                    continuation.resume(returning: outcome)
                }
            }
        } onCancel: {
            group.terminate()
        }
    }

    /// The path of `program`: as given when it has a slash, else searched in `path`.
    static func resolve(_ program: String, path: String) -> String? {
        if program.contains("/") { return program }
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(program)"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], directory: String?
    ) throws -> (ProcessGroup, Int32, Int32) {
        // Pipes are made close-on-exec under a lock, so a process spawned at the same
        // time by another task cannot inherit (and hold open) their write ends.
        spawnLock.lock()
        defer { spawnLock.unlock() }
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
            throw PhaseFailure("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        for descriptor in outPipe + errPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        closeInheritedDescriptorsOnExec()
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGTERM, SIGPIPE, SIGHUP, SIGQUIT] { sigaddset(&defaults, number) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &mask)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var command = [executable] + arguments.dropFirst()
        if let directory { command = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + command }
        let argv = command.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv + envp { free(pointer) }
        }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, command[0], &actions, &attributes, argv, envp)
        close(outPipe[1])
        close(errPipe[1])
        guard status == 0 else {
            close(outPipe[0])
            close(errPipe[0])
            throw PhaseFailure("cannot run \(executable): \(String(cString: strerror(status)))")
        }
        return (ProcessGroup(pid: pid), outPipe[0], errPipe[0])
    }

    /// Marks every descriptor above stderr close-on-exec, so a phase inherits none
    /// of bpc's (a pipe or socket our own parent watches would otherwise stay open
    /// as long as the phase's processes live).
    static func closeInheritedDescriptorsOnExec() {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
        for name in names {
            guard let descriptor = Int32(name), descriptor > 2 else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0 && flags & FD_CLOEXEC == 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }

    /// Reads both pipes until the leader exited and the pipes closed (or one second
    /// after the exit, for descendants that keep them open), killing what is left of the group.
    static func monitor(
        _ group: ProcessGroup, output: Int32, errors: Int32,
        onStdout: @Sendable (String) -> Void, onStderr: @Sendable (String) -> Void
    ) -> ProcessOutcome {
        var stdout = LineBuffer()
        var stderr = LineBuffer()
        var open = [output, errors]
        var status: Int32?
        var exitTime: Date?
        var buffer = [UInt8](repeating: 0, count: 65536)
        while !open.isEmpty {
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            _ = poll(&fds, nfds_t(fds.count), 100)
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count <= 0 {
                    open.removeAll { $0 == entry.fd }
                    continue
                }
                let chunk = buffer[0..<count]
                if entry.fd == output { stdout.append(chunk, emit: onStdout) } else { stderr.append(chunk, emit: onStderr) }
            }
            if status == nil, let code = reap(group.pid, wait: false) {
                status = code
                exitTime = Date()
                group.markExited()
                group.signal(SIGKILL)
            }
            if let exitTime, Date().timeIntervalSince(exitTime) > 1 { break }
        }
        close(output)
        close(errors)
        stdout.flush(emit: onStdout)
        stderr.flush(emit: onStderr)
        let code = status ?? reap(group.pid, wait: true) ?? 255
        if status == nil {
            group.markExited()
            group.signal(SIGKILL)
        }
        return ProcessOutcome(status: code, stdout: stdout.all)
    }

    /// waitpid: the exit status (128 + signal when killed), or nil while running.
    static func reap(_ pid: pid_t, wait: Bool) -> Int32? {
        var raw: Int32 = 0
        let result = waitpid(pid, &raw, wait ? 0 : WNOHANG)
        guard result == pid else { return result < 0 ? 255 : nil }
        let signal = raw & 0x7F
        return signal == 0 ? (raw >> 8) & 0xFF : 128 + signal
    }
}

/// Bytes split into lines as they arrive.
struct LineBuffer {
    var pending: [UInt8] = []
    var all: [UInt8] = []

    mutating func append(_ chunk: ArraySlice<UInt8>, emit: (String) -> Void) {
        all += chunk
        pending += chunk
        while let newline = pending.firstIndex(of: 0x0A) {
            emit(String(decoding: pending[..<newline], as: UTF8.self))
            pending.removeSubrange(...newline)
        }
    }

    mutating func flush(emit: (String) -> Void) {
        if !pending.isEmpty { emit(String(decoding: pending, as: UTF8.self)) }
        pending = []
    }
}
