// `bpc compile`: .bp to Kanister Blueprint YAML, or to the plan artifact the
// runtime executes (`--emit plan`), written atomically.

import ArgumentParser
import BlueprintPlan
import BlueprintSyntax
import KanisterYAML

enum EmitKind: String, ExpressibleByArgument, CaseIterable {
    case yaml, plan
}

struct CompileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compile",
        abstract: "Compile a .bp file to a Kanister Blueprint (YAML for kubectl apply) or to a plan.",
        discussion: """
            Writes FILE.yaml beside the input unless -o names another path ('-' writes \
            to standard output). On any error nothing is written. Warnings are \
            printed but do not fail. \
            Actions with compensations get a companion '<action>-rollback' action (see \
            the README). With --emit plan, writes the optimized plan graph as JSON \
            (FILE.plan.json by default) with its format version, the source path and \
            the SHA-256 of the source, for 'bpc run' to execute later without the source. \
            A FILE that holds Kanister YAML (by its extension, or its content when it \
            has none) is refused in one line that says how to import it: it is \
            already a Blueprint, and compiling it would overwrite it. \
            Exit status: 0 compiled, 1 errors in the input, 2 usage or I/O errors.

            \(AllowOption.discussion)

            \(KanisterOption.discussion)
            """
    ).underBPC

    @Option(name: .shortAndLong, help: "Output path, or '-' for standard output.")
    var output: String?

    @Option(help: "yaml (a Kanister Blueprint) or plan (the plan graph as JSON).")
    var emit: EmitKind = .yaml

    @OptionGroup var kanister: KanisterOption

    @OptionGroup var allow: AllowOption

    @OptionGroup var stdin: StdinOption

    @Argument(help: "The .bp file to compile ('-': standard input).")
    var file: String

    func run() throws {
        let source = try InputFile.read(file, stdinName: stdin.stdinFilename)
        try CompileCommand.refuseOtherLanguages(source)
        let compilation = Compilation.analyzing(source, kanister: kanister.version, allowing: allow.codes)
        compilation.printDiagnostics()
        guard emit == .yaml else {
            let bytes = try emitPlan(compilation)
            Parallel.releaseInBackground(consume compilation)
            try Terminal.writeOutput(bytes, to: output ?? defaultOutput)
            return Parallel.releaseInBackground(bytes)
        }
        let blueprint = compilation.blueprint
        Parallel.releaseInBackground(consume compilation)
        guard let blueprint else { throw ExitStatus.inputErrors }
        // The YAML goes to the file as its runs of actions are written.
        do {
            try Terminal.writeOutput(to: output ?? defaultOutput) { sink in try BlueprintEmitter.emit(blueprint, to: sink) }
        } catch let status as ExitStatus {
            throw status
        } catch {
            Terminal.writeError("bpc: internal error: cannot write YAML: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        Parallel.releaseInBackground(blueprint)
    }

    func emitPlan(_ compilation: Compilation) throws -> [UInt8] {
        guard let plan = compilation.plan, let main = compilation.main else { throw ExitStatus.inputErrors }
        do {
            return try PlanCodec.encode(PlanArtifact(sourcePath: main.file.path, sourceBytes: main.file.bytes, plan: plan))
        } catch {
            Terminal.writeError("bpc: internal error: cannot write the plan: \(error)\n")
            throw ExitStatus.usageOrIO
        }
    }

    /// Kanister YAML and plan files are not compiled (formatted, parsed): one
    /// line says what to do instead (never a flood of lexer errors), exit status 2.
    /// `verb` is what the command does to the .bp that `bpc import` writes.
    static func refuseOtherLanguages(_ file: SourceFile, verb: String = "compile") throws {
        switch InputLanguage.detect(path: file.path, bytes: file.bytes) {
        case .blueprintSource: return
        case .planArtifact:
            Terminal.writeError("bpc: \(file.path) is a bpc plan, already compiled: run it with 'bpc run \(file.path)'\n")
        case .kanisterYAML:
            let count = (try? KanisterStream.read(bytes: file.bytes).get())?.blueprints.count ?? 1
            let path = file.path == "<stdin>" ? "-" : file.path
            let stem = file.path == "<stdin>" ? "blueprint" : file.path
            let base = stem.hasSuffix(".yaml") ? String(stem.dropLast(5)) : stem.hasSuffix(".yml") ? String(stem.dropLast(4)) : stem
            let advice =
                count > 1
                ? "import its \(count) Blueprints with 'bpc import \(path) -o DIR/', then \(verb) each .bp"
                : "import it with 'bpc import \(path) -o \(base).bp', then \(verb) \(base).bp (bpc lint, run, graph and plan read it as it is)"
            Terminal.writeError("bpc: \(file.path) is Kanister YAML, not .bp source: \(advice)\n")
        }
        throw ExitStatus.usageOrIO
    }

    var defaultOutput: String {
        if file == "-" { return "-" }
        let base = file.hasSuffix(".bp") ? String(file.dropLast(3)) : file
        return base + (emit == .plan ? ".plan.json" : ".yaml")
    }
}
