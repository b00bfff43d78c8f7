// The real-content input: the shared Kanister examples replicated by
// ../shared/tools/bigblueprint/bigblueprint.py, and its import to `.bp`.

import BlueprintSyntax
import Foundation
import KanisterYAML

enum Corpus {
    /// The package root: the working directory when it holds Package.swift
    /// (`swift run`), else the first parent of the executable that does.
    static let packageRoot: URL? = {
        let manager = FileManager.default
        var candidates = [URL(fileURLWithPath: manager.currentDirectoryPath)]
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        while directory.path != "/" {
            candidates.append(directory)
            directory.deleteLastPathComponent()
        }
        return candidates.first { manager.fileExists(atPath: $0.appendingPathComponent("Package.swift").path) }
    }()

    /// ../shared beside the package, or $BPC_SHARED.
    static var shared: URL? {
        if let path = ProcessInfo.processInfo.environment["BPC_SHARED"] { return URL(fileURLWithPath: path) }
        return packageRoot?.appendingPathComponent("../shared").standardizedFileURL
    }

    nonisolated(unsafe) private static var cache: [Int: [UInt8]] = [:]

    /// The corpus blueprint with `copies` copies of every example action, or nil
    /// when the script or examples are missing or the script fails.
    static func yaml(copies: Int) -> [UInt8]? {
        if let cached = cache[copies] { return cached }
        guard let shared else { return nil }
        let script = shared.appendingPathComponent("tools/bigblueprint/bigblueprint.py").path
        let examples = shared.appendingPathComponent("kanister/examples").path
        guard FileManager.default.fileExists(atPath: script), FileManager.default.fileExists(atPath: examples) else { return nil }
        let output = ProcessBench.directory.appendingPathComponent("bpc-bench-corpus-\(getpid())-\(copies).yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        guard ProcessBench.run(["/usr/bin/env", "python3", script, examples, String(copies), output.path]) == 0,
            let data = try? Data(contentsOf: output)
        else { return nil }
        let bytes = [UInt8](data)
        cache[copies] = bytes
        return bytes
    }

    /// The `.bp` that `bpc import` makes of the YAML, or nil when it does not import.
    static func importedSource(_ yaml: [UInt8]) -> [UInt8]? {
        BlueprintImporter.importBlueprint(yaml).source.map { Array($0.utf8) }
    }
}
