// `bpc compile`: .bp to Kanister Blueprint YAML, written atomically.

import ArgumentParser
import BlueprintSyntax
import KanisterYAML

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a .bp file to a Kanister Blueprint (YAML for kubectl apply).",
        discussion: """
            Writes FILE.yaml beside the input unless -o names another path ('-' writes \
            to standard output). On any error nothing is written. Warnings (such as \
            retry and timeout, which Kanister ignores) are printed but do not fail. \
            Exit status: 0 compiled, 1 errors in the input, 2 usage or I/O errors.
            """
    )

    @Option(name: .shortAndLong, help: "Output path, or '-' for standard output.")
    var output: String?

    @Argument(help: "The .bp file to compile.")
    var file: String

    func run() throws {
        var compilation: Compilation
        do {
            compilation = try Compilation.load(file)
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        let blueprint = compilation.lower()
        compilation.printDiagnostics()
        guard let blueprint else { throw ExitStatus.inputErrors }
        let bytes: [UInt8]
        do {
            bytes = try BlueprintEmitter.emit(blueprint)
        } catch {
            Terminal.writeError("bpc: internal error: cannot write YAML: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        try write(bytes, to: output ?? defaultOutput)
    }

    var defaultOutput: String {
        if file == "-" { return "-" }
        let base = file.hasSuffix(".bp") ? String(file.dropLast(3)) : file
        return base + ".yaml"
    }

    func write(_ bytes: [UInt8], to path: String) throws {
        if path == "-" {
            Terminal.writeOut(bytes)
            return
        }
        do {
            try Terminal.writeAtomically(bytes, to: path)
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
    }
}
