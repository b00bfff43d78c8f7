// Shared by the test targets: the package root, running a program, and the
// reference checker kcheck (built by ../shared/tools/kcheck/build.sh, or
// taken from $KCHECK, which .ci/test.sh sets).

import Foundation

public enum TestSupport {
    /// The package root, found from this file's path (Tests/TestSupport/...).
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let sharedDirectory: URL = packageRoot.appendingPathComponent("../shared").standardizedFileURL

    /// Every real Kanister blueprint of the corpus, sorted by path.
    public static func corpusBlueprints() -> [URL] {
        let root = sharedDirectory.appendingPathComponent("kanister/examples")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == "yaml" { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// The `.bp` samples, sorted.
    public static func samples() -> [URL] {
        let root = packageRoot.appendingPathComponent("Samples")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.filter { $0.hasSuffix(".bp") }.sorted().map { root.appendingPathComponent($0) }
    }

    public struct ProcessResult: Sendable {
        public var status: Int32
        public var output: String
        public var errors: String
    }

    /// Runs a program to completion; stdin comes from a temporary file so large inputs cannot deadlock.
    public static func run(_ executable: String, _ arguments: [String], input: Data? = nil, directory: URL? = nil) throws -> ProcessResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: temporary) }
        let stdinURL = temporary.appendingPathComponent("stdin")
        let stdoutURL = temporary.appendingPathComponent("stdout")
        let stderrURL = temporary.appendingPathComponent("stderr")
        try (input ?? Data()).write(to: stdinURL)
        FileManager.default.createFile(atPath: stdoutURL.path, contents: nil)
        FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        let stdin = try FileHandle(forReadingFrom: stdinURL)
        let stdout = try FileHandle(forWritingTo: stdoutURL)
        let stderr = try FileHandle(forWritingTo: stderrURL)
        defer {
            try? stdin.close()
            try? stdout.close()
            try? stderr.close()
        }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        let output = String(decoding: (try? Data(contentsOf: stdoutURL)) ?? Data(), as: UTF8.self)
        let errors = String(decoding: (try? Data(contentsOf: stderrURL)) ?? Data(), as: UTF8.self)
        return ProcessResult(status: process.terminationStatus, output: output, errors: errors)
    }

    public struct KCheckUnavailable: Error, CustomStringConvertible {
        public var description: String
        public init(description: String) { self.description = description }
    }

    /// The path of kcheck, built once per test process.
    public static let kcheck: Result<String, KCheckUnavailable> = locateKCheck()

    static func locateKCheck() -> Result<String, KCheckUnavailable> {
        if let path = ProcessInfo.processInfo.environment["KCHECK"], FileManager.default.isExecutableFile(atPath: path) {
            return .success(path)
        }
        var lastError = ""
        for attempt in 0..<3 {
            if attempt > 0 { Thread.sleep(forTimeInterval: 2) }
            do {
                let result = try run("/bin/sh", ["../shared/tools/kcheck/build.sh"])
                let path = result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                if result.status == 0, FileManager.default.isExecutableFile(atPath: path) { return .success(path) }
                lastError = "exit \(result.status): \(result.errors.suffix(2000))"
            } catch {
                lastError = "\(error)"
            }
        }
        return .failure(KCheckUnavailable(description: "kcheck could not be built: \(lastError)"))
    }

    /// Writes `bytes` to a fresh temporary file and returns its path.
    public static func temporaryFile(_ bytes: [UInt8], suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-\(UUID().uuidString)\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }
}
