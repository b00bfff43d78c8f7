// `bpc fmt`: rewrites .bp files in the canonical layout, atomically.

import ArgumentParser
import BlueprintSyntax

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Format .bp files in place in the one canonical style.",
        discussion: """
            Files with syntax errors are left untouched and their errors are reported. \
            '-' reads standard input and writes the result to standard output. \
            Exit status: 0 when done (or, with --check, when every file is formatted), \
            1 when a file has errors or, with --check, would change; 2 on I/O errors.
            """
    ).underBPC

    @Flag(help: "Do not write; list the files that would change and exit 1 if any would.")
    var check = false

    @Argument(help: "The .bp files to format ('-' for standard input).")
    var files: [String]

    func run() throws {
        var status: ExitStatus?
        for path in files {
            do {
                if try !format(path), status == nil { status = .inputErrors }
            } catch let failure as IOFailure {
                Terminal.writeError("bpc: \(failure)\n")
                status = .usageOrIO
            } catch let exit as ExitStatus {
                status = exit
            }
        }
        if let status { throw status }
    }

    /// Formats one file; false when it has errors or (with --check) would change.
    func format(_ path: String) throws -> Bool {
        let file = try Terminal.read(path)
        // Kanister YAML or a plan: one line that says how to get .bp, the file untouched.
        try CompileCommand.refuseOtherLanguages(file, verb: "format")
        let (text, diagnostics) = SourceFormatter.format(file)
        Terminal.printDiagnostics(diagnostics, in: file)
        guard let text else { return false }
        let formatted = Array(text.utf8)
        if path == "-" {
            if check { return formatted == file.bytes }
            try Terminal.writeOut(formatted)
            return true
        }
        guard formatted != file.bytes else { return true }
        if check {
            print(path)
            return false
        }
        try Terminal.writeAtomically(formatted, to: path)
        return true
    }
}
