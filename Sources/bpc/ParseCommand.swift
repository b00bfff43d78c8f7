// `bpc parse`: checks syntax and optionally prints the syntax tree.

import ArgumentParser
import BlueprintSyntax

struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse .bp files and report syntax errors.",
        discussion: "Exit status 1 when any file has a syntax error, 2 when a file cannot be read."
    ).underBPC

    @Flag(name: .customLong("dump-ast"), help: "Print the syntax tree of each file.")
    var dumpAST = false

    @Argument(help: "The .bp files to parse ('-' reads standard input).")
    var files: [String]

    func run() throws {
        var status: ExitStatus?
        for path in files {
            let file: SourceFile
            do {
                file = try Terminal.read(path)
            } catch {
                Terminal.writeError("bpc: \(error)\n")
                status = .usageOrIO
                continue
            }
            do {
                try CompileCommand.refuseOtherLanguages(file, verb: "parse")
            } catch {
                status = .usageOrIO
                continue
            }
            let result = Parser.parse(file)
            if dumpAST {
                try Terminal.writeOut(Array(ASTDumper.dump(result.syntax, file: file).utf8))
            }
            Terminal.printDiagnostics(result.diagnostics, in: file)
            if result.hasErrors, status == nil { status = .inputErrors }
        }
        if let status { throw status }
    }
}
