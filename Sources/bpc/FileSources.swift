// The executable's side of the compiler driver: source files from the file
// system (or standard input), and printing a compilation's diagnostics.

import ArgumentParser
import BlueprintSema
import BlueprintSyntax
import FoundationEssentials
import KanisterYAML

/// Reads sources from disk; "-" is standard input.
struct FileSources: SourceProvider {
    func read(_ path: String) throws -> SourceFile { try Terminal.read(path) }

    func identity(of path: String) -> String { FileSources.canonicalPath(path) }

    static func canonicalPath(_ path: String) -> String {
        if path == "-" || path == "<stdin>" { return "<stdin>" }
        // realpath is what resolving a file URL's links does for a file that
        // exists, at a fraction of the cost; a missing one goes through URL.
        return Terminal.realPath(path) ?? URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension Compilation {
    /// Loads `path` and its imports from the file system, then runs every pass;
    /// an unreadable main file is printed and ends the command with status 2.
    static func analyzing(_ path: String, kanister: KanisterVersion = .default, allowing allowed: Set<String> = []) throws -> Compilation {
        analyzing(try InputFile.read(path), kanister: kanister, allowing: allowed)
    }

    /// `file` (already read) and its imports, found beside its path; every pass run.
    static func analyzing(_ file: SourceFile, kanister: KanisterVersion = .default, allowing allowed: Set<String> = []) -> Compilation {
        var compilation = Compilation.load(file, identity: FileSources().identity(of: file.path), from: FileSources())
        compilation.analyze(kanister: kanister, allowing: allowed)
        return compilation
    }

    func printDiagnostics() {
        for report in sortedReports { Terminal.printDiagnostics(report.diagnostics, in: report.file) }
    }
}

/// The main input of a command: read once, then told apart by `InputLanguage`.
enum InputFile {
    /// `path` ('-': standard input, named `stdinName`); a failure is printed and
    /// ends the command with status 2.
    static func read(_ path: String, stdinName: String? = nil) throws -> SourceFile {
        do {
            return try Terminal.read(path, stdinName: stdinName)
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
    }
}

/// `--stdin-filename`, for the commands that read '-'.
struct StdinOption: ParsableArguments {
    @Option(
        name: .customLong("stdin-filename"),
        help: ArgumentHelp(
            "The path to report for standard input ('-'), such as an editor's buffer: diagnostics carry it, "
                + "its imports are found beside it, and its extension says what it holds.",
            valueName: "NAME"))
    var stdinFilename: String?
}
