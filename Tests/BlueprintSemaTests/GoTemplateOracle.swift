// The reference engine for differential tests: kcheck's `tmpl-parse` (Go's own
// text/template with Kanister's function map), built by ../shared/tools/kcheck/build.sh.

import Foundation

enum GoTemplateOracle {
    struct Verdict: Equatable {
        var isValid: Bool
        var error: String?
        /// What the template printed (tmpl-render).
        var output: String?
    }

    enum OracleError: Error, CustomStringConvertible {
        case buildFailed(String)
        case runFailed(String)

        var description: String {
            switch self {
            case .buildFailed(let message): return "kcheck build failed: \(message)"
            case .runFailed(let message): return "kcheck tmpl-parse failed: \(message)"
            }
        }
    }

    /// The package root, found from this file's path (Tests/BlueprintSemaTests/…).
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let sharedDirectory: URL = packageRoot.appendingPathComponent("../shared").standardizedFileURL

    /// Built once per test process (globals are initialised lazily and exactly once).
    static let kcheck: Result<String, OracleError> = buildKcheck()

    /// `$KCHECK` when CI already built it (.ci/test.sh), otherwise build.sh (retried, as
    /// another test process may be rebuilding at the same moment).
    private static func buildKcheck() -> Result<String, OracleError> {
        if let path = ProcessInfo.processInfo.environment["KCHECK"], FileManager.default.isExecutableFile(atPath: path) {
            return .success(path)
        }
        var lastError = ""
        for attempt in 0..<3 {
            if attempt > 0 { Thread.sleep(forTimeInterval: 2) }
            do {
                let (status, output, errors) = try run(
                    "/bin/sh", ["../shared/tools/kcheck/build.sh"], input: nil, directory: packageRoot)
                let path = output.trimmingCharacters(in: .whitespacesAndNewlines)
                if status == 0, !path.isEmpty, FileManager.default.isExecutableFile(atPath: path) {
                    return .success(path)
                }
                lastError = "exit \(status): \(errors.suffix(2000))"
            } catch {
                lastError = "\(error)"
            }
        }
        return .failure(.buildFailed(lastError))
    }

    /// Parses every template with Go; one verdict per template, in order.
    static func verdicts(for templates: [String], sprig: String = "v2") throws -> [Verdict] {
        try verdicts(of: "tmpl-parse", for: templates.map { $0 as Any }, sprig: sprig)
    }

    /// Parses and executes every template with Go (no data); one verdict per template.
    static func renderVerdicts(for templates: [String], sprig: String = "v2") throws -> [Verdict] {
        try verdicts(of: "tmpl-render", for: templates.map { ["template": $0] as Any }, sprig: sprig)
    }

    /// Parses and executes every template with Go on `data`; one verdict per template.
    static func renderVerdicts(for templates: [String], data: [String: Any]) throws -> [Verdict] {
        try verdicts(of: "tmpl-render", for: templates.map { ["template": $0, "data": data] as Any }, sprig: "v2")
    }

    /// One kcheck oracle command over JSON lines, one verdict per line.
    private static func verdicts(of command: String, for lines: [Any], sprig: String) throws -> [Verdict] {
        let path = try kcheck.get()
        let templates = lines
        var input = ""
        for template in templates {
            let data = try JSONSerialization.data(withJSONObject: template, options: [.fragmentsAllowed])
            input += String(decoding: data, as: UTF8.self) + "\n"
        }
        let (status, output, errors) = try run(
            path, [command, "-sprig", sprig], input: Data(input.utf8), directory: packageRoot)
        guard status == 0 else { throw OracleError.runFailed("exit \(status): \(errors)") }
        let lines = output.split(separator: "\n", omittingEmptySubsequences: true)
        guard lines.count == templates.count else {
            throw OracleError.runFailed("\(lines.count) results for \(templates.count) templates: \(errors)")
        }
        return try lines.map { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
            guard let result = object as? [String: Any], let isValid = result["ok"] as? Bool else {
                throw OracleError.runFailed("unexpected output line \(line)")
            }
            return Verdict(isValid: isValid, error: result["error"] as? String, output: result["output"] as? String)
        }
    }

    /// Runs a program; stdin comes from a temporary file so that large inputs cannot deadlock.
    private static func run(
        _ executable: String, _ arguments: [String], input: Data?, directory: URL
    ) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("gotmpl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputURL = scratch.appendingPathComponent("stdin")
        let errorURL = scratch.appendingPathComponent("stderr")
        try (input ?? Data()).write(to: inputURL)
        _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: inputURL)
        process.standardError = try FileHandle(forWritingTo: errorURL)
        let outputPipe = Pipe()
        process.standardOutput = outputPipe
        try process.run()
        let output = outputPipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errors = (try? String(contentsOf: errorURL, encoding: .utf8)) ?? ""
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), errors)
    }
}
