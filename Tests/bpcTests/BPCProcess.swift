// Runs the built bpc binary for the end-to-end tests: finds it beside the test
// bundle (or at $BPC_BINARY) and gives each test its own scratch directory.

import Foundation
import TestSupport
import Testing

enum BPCBinary {
    struct NotFound: Error, CustomStringConvertible {
        var description: String
    }

    /// bpc, built by `swift build --build-tests` / `swift test` into the same
    /// products directory as the test bundle, whatever the scratch path.
    static let path: Result<String, NotFound> = locate()

    static func locate() -> Result<String, NotFound> {
        if let path = ProcessInfo.processInfo.environment["BPC_BINARY"] {
            return isExecutable(path) ? .success(path) : .failure(NotFound(description: "BPC_BINARY=\(path) is not executable"))
        }
        var starts: [URL] = [URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()]
        starts += Bundle.allBundles.map(\.bundleURL).filter { $0.pathExtension == "xctest" }
        starts.append(Bundle.main.bundleURL)
        if let first = CommandLine.arguments.first { starts.append(URL(fileURLWithPath: first).resolvingSymlinksInPath()) }
        // The test executable is the bundle (Linux) or inside it (macOS): look upwards a few levels.
        for start in starts {
            var directory = start.deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = directory.appendingPathComponent("bpc").path
                if isExecutable(candidate) { return .success(candidate) }
                directory = directory.deletingLastPathComponent()
            }
        }
        let fallback = TestSupport.packageRoot.appendingPathComponent(".build/debug/bpc").path
        if isExecutable(fallback) { return .success(fallback) }
        return .failure(NotFound(description: "bpc not found beside the test bundle (\(starts.map(\.path))); set BPC_BINARY"))
    }

    static func isExecutable(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// Runs bpc with `arguments` in `directory` (default: the package root).
    static func run(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> TestSupport.ProcessResult {
        let binary = try path.get()
        return try TestSupport.run(binary, arguments, input: input.map { Data($0.utf8) }, directory: directory)
    }
}

/// A fresh temporary directory holding the files a test writes; removed on deinit.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `text` to `name` (relative to the directory) and returns `name`.
    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return name
    }

    func read(_ name: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(name).path).map { String(decoding: $0, as: UTF8.self) }
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path)
    }

    /// The names in the directory, sorted (hidden files included).
    func listing() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
    }

    /// Runs bpc in this directory, so paths in its output are the relative names given.
    func bpc(_ arguments: String..., input: String? = nil) throws -> TestSupport.ProcessResult {
        try BPCBinary.run(arguments, input: input, in: url)
    }

    func bpc(_ arguments: [String], input: String? = nil) throws -> TestSupport.ProcessResult {
        try BPCBinary.run(arguments, input: input, in: url)
    }
}
