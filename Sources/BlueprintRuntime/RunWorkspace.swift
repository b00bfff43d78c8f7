// A run's temporary folder (the local backend's `kando` shim): made under
// $TMPDIR, journaled so that `--resume` and `rollback` remove what a killed run
// left, and removed when the run ends (also on a third Ctrl-C).

import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct RunWorkspace: Sendable, Equatable {
    /// The folder: `$TMPDIR/bpc-run-ID-PID`.
    public let path: String

    /// The prefix of every workspace folder of run `runID`.
    static func prefix(_ runID: String) -> String { "bpc-run-\(runID)-" }

    /// $TMPDIR when set (and not empty), else /tmp.
    public static func temporaryRoot(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        guard let root = environment["TMPDIR"], !root.isEmpty else { return "/tmp" }
        return root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The folder this process of run `runID` uses (not made yet).
    public static func planned(runID: String, environment: [String: String] = ProcessInfo.processInfo.environment) -> RunWorkspace {
        RunWorkspace(path: temporaryRoot(environment: environment) + "/" + prefix(runID) + String(getpid()))
    }

    /// Makes the folder (private to the user), empty.
    public func create() throws {
        try? FileManager.default.removeItem(atPath: path)
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw RunInputError("cannot create the run's temporary folder \(path): \(describeFileError(error))")
        }
    }

    public init(path: String) { self.path = path }

    /// Where the `kando` shim goes.
    public var binDirectory: String { path + "/bin" }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Removes the workspaces an earlier process of run `runID` journaled (a run
    /// killed with -9 cannot remove its own); only folders named for that run.
    /// Returns the paths removed.
    @discardableResult
    public static func removeLeftovers(of ledger: RunLedger, runID: String) -> [String] {
        ledger.workspaces.filter { path in
            let name = PathName.last(path)
            guard name.hasPrefix(prefix(runID)), FileManager.default.fileExists(atPath: path) else { return false }
            return (try? FileManager.default.removeItem(atPath: path)) != nil
        }
    }
}

/// A FileManager error as a person reads it: the system's words for the POSIX
/// error underneath and the path (FoundationEssentials has no localized
/// descriptions); any other error as it describes itself.
func describeFileError(_ error: any Error) -> String {
    guard let cocoa = error as? CocoaError else { return "\(error)" }
    let path = (cocoa.userInfo["NSFilePath"] as? String).map { "\($0): " } ?? ""
    if let posix = cocoa.userInfo["NSUnderlyingError"] as? POSIXError {
        return path + String(cString: strerror(posix.code.rawValue))
    }
    return path + "file error \(cocoa.code.rawValue)"
}
