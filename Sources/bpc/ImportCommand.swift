// `bpc import`: Kanister Blueprint YAML to .bp, every Blueprint of a stream or
// `kind: List` to a file of its own, the API server's fields left out.

import ArgumentParser
import BlueprintSyntax
import FoundationEssentials
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
            names nothing. YAML comments are kept where they can be \
            attached. FILE may be a stream of documents ('---') or a 'kind: List' as \
            'kubectl get blueprints -o yaml' prints it: objects of other kinds are skipped \
            with a note. One Blueprint is written to standard output unless -o names a \
            file or a directory (DIR/NAME.bp). Several are written one .bp per \
            Blueprint, named after it, into the directory -o names (created when it ends \
            in '/'); without one the import is refused and the Blueprints are listed \
            (--blueprint NAME imports one of them). The fields the API server sets \
            (metadata uid, resourceVersion, generation, creationTimestamp, managedFields, \
            selfLink, the kubectl last-applied-configuration annotation, and status) are \
            left out and listed in one line; --keep-server-fields keeps those of \
            metadata. Files are written atomically, and none when any Blueprint has an \
            error. Exit status: 0 imported, 1 the input is not a Blueprint or cannot be \
            expressed, 2 usage or I/O errors.

            Examples:
              bpc import blueprint.yaml -o blueprint.bp
              kubectl get blueprints -n kanister -o yaml | bpc import - -o blueprints/

            \(AllowOption.discussion)
            """
    ).underBPC

    @Option(name: .shortAndLong, help: "Output .bp path, or a directory ('-' or absent: standard output).")
    var output: String?

    @Flag(help: "Keep Go templates verbatim and repeated values in place (no lets, one entry a line).")
    var literal = false

    @Option(help: "Import only the Blueprint of this name (of a stream or List holding several).")
    var blueprint: String?

    @Flag(help: "Keep the metadata fields the API server sets (uid, resourceVersion, managedFields, ...).")
    var keepServerFields = false

    @OptionGroup var stdin: StdinOption

    @OptionGroup var allow: AllowOption

    @Argument(help: "The Kanister Blueprint YAML file ('-' reads standard input).")
    var file: String

    func run() throws {
        let source = try InputFile.read(file, stdinName: stdin.stdinFilename)
        var result = BlueprintImporter.importStream(source.bytes, keepServerFields: keepServerFields, literal: literal)
        if let blueprint {
            guard result.blueprints.contains(where: { $0.name == blueprint }) else {
                Terminal.printDiagnostics(result.diagnostics.allowing(allow.codes), in: source)
                let names = result.blueprints.map { $0.name.map { "'\($0)'" } ?? $0.label }.joined(separator: ", ")
                Terminal.writeError("bpc: \(source.path) has no Blueprint named '\(blueprint)' (its Blueprints: \(names.isEmpty ? "none" : names))\n")
                throw ExitStatus.usageOrIO
            }
            result.blueprints.removeAll { $0.name != blueprint }
        }
        Terminal.printDiagnostics((result.diagnostics + result.blueprints.flatMap(\.diagnostics)).allowing(allow.codes), in: source)
        for imported in result.blueprints where !imported.omittedFields.isEmpty {
            let what = result.blueprints.count > 1 ? " of \(imported.label)" : ""
            let keep = keepServerFields ? "" : "; --keep-server-fields keeps them"
            Terminal.writeError(
                "bpc: \(source.path): left out what the API server sets\(what): \(imported.omittedFields.joined(separator: ", "))\(keep)\n")
        }
        guard !result.hasErrors, !result.blueprints.isEmpty else { throw ExitStatus.inputErrors }
        let texts = result.blueprints.compactMap { imported in imported.source.map { (imported, $0) } }
        if texts.count == 1, let text = texts.first?.1, !isDirectory(output) {
            return try Terminal.writeOutput(Array(text.utf8), to: output)
        }
        guard let directory = output, isDirectory(directory) else {
            let names = result.blueprints.map { $0.name.map { "'\($0)'" } ?? $0.label }.joined(separator: ", ")
            Terminal.writeError(
                "bpc: \(source.path) holds \(texts.count) Blueprints (\(names)): give -o DIR/ to write one .bp per Blueprint, or --blueprint NAME to import one\n"
            )
            throw ExitStatus.usageOrIO
        }
        try write(texts.map { ($0.0.name ?? "blueprint", $0.1) }, into: directory)
    }

    /// True for an existing directory, or a path ending in '/' (created when written to).
    func isDirectory(_ path: String?) -> Bool {
        guard let path, path != "-" else { return false }
        if path.hasSuffix("/") { return true }
        return Terminal.fileKind(path) == .directory
    }

    /// Writes each text to DIR/NAME.bp (a name used twice gets -2, -3, ...), and
    /// says in one line which files it wrote when there are several.
    func write(_ texts: [(name: String, text: String)], into directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            Terminal.writeError("bpc: \(directory): cannot create the directory\n")
            throw ExitStatus.usageOrIO
        }
        var used: Set<String> = []
        var written: [String] = []
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for (name, text) in texts {
            let stem = ImportCommand.fileStem(name)
            var fileName = stem + ".bp"
            var counter = 2
            while used.contains(fileName) {
                fileName = "\(stem)-\(counter).bp"
                counter += 1
            }
            used.insert(fileName)
            written.append(fileName)
            try Terminal.writeOutput(Array(text.utf8), to: base + fileName)
        }
        if texts.count > 1 { Terminal.writeError("bpc: wrote \(texts.count) files into \(base): \(written.joined(separator: ", "))\n") }
    }

    /// A Blueprint's name as a file name: bytes other than letters, digits, '.', '-'
    /// and '_' become '_', and a leading '.' too (no hidden or parent paths).
    static func fileStem(_ name: String) -> String {
        var stem = String(
            name.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        if stem.hasPrefix(".") { stem = "_" + stem.dropFirst() }
        return stem.isEmpty ? "blueprint" : String(stem.prefix(200))
    }
}
