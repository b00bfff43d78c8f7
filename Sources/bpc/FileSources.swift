// The executable's side of the compiler driver: source files from the file
// system (or standard input), and printing a compilation's diagnostics.

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML

/// Reads sources from disk; "-" is standard input.
struct FileSources: SourceProvider {
    func read(_ path: String) throws -> SourceFile { try Terminal.read(path) }

    func identity(of path: String) -> String { FileSources.canonicalPath(path) }

    static func canonicalPath(_ path: String) -> String {
        if path == "-" || path == "<stdin>" { return "<stdin>" }
        return URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension Compilation {
    /// Loads `path` and its imports from the file system, then runs every pass;
    /// an unreadable main file is printed and ends the command with status 2.
    static func analyzing(_ path: String, kanister: KanisterVersion = .default, allowing allowed: Set<String> = []) throws -> Compilation {
        var compilation: Compilation
        do {
            compilation = try Compilation.load(path, from: FileSources())
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        compilation.analyze(kanister: kanister, allowing: allowed)
        return compilation
    }

    func printDiagnostics() {
        for report in sortedReports { Terminal.printDiagnostics(report.diagnostics, in: report.file) }
    }
}
