// `bpc import`: a Kanister Blueprint YAML file to .bp.

import ArgumentParser
import BlueprintSyntax
import KanisterYAML

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Turn a Kanister Blueprint (YAML) into an idiomatic .bp file.",
        discussion: """
            The .bp compiles back to the same YAML. Values that repeat (images, long \
            strings, multi-line maps, lists and scripts) become lets; templates become \
            expressions where the compiler writes them back byte for byte; short maps \
            and lists go on one line. --literal keeps every Go template verbatim and \
            names nothing. YAML comments are kept where they can be attached. Writes to standard output unless -o names a file (written \
            atomically). Exit status: 0 imported, 1 the input is not a Blueprint or \
            cannot be expressed, 2 usage or I/O errors.
            """
    )

    @Option(name: .shortAndLong, help: "Output .bp path ('-' or absent: standard output).")
    var output: String?

    @Flag(help: "Keep Go templates verbatim and repeated values in place (no lets, one entry a line).")
    var literal = false

    @Argument(help: "The Kanister Blueprint YAML file ('-' reads standard input).")
    var file: String

    func run() throws {
        let source: SourceFile
        do {
            source = try Terminal.read(file)
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        let result = BlueprintImporter.importBlueprint(source.bytes, literal: literal)
        Terminal.printDiagnostics(result.diagnostics, in: source)
        guard let text = result.source else { throw ExitStatus.inputErrors }
        try Terminal.writeOutput(Array(text.utf8), to: output)
    }
}
