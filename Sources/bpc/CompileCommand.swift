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
            Exit status: 0 compiled, 1 errors in the input, 2 usage or I/O errors.

            \(AllowOption.discussion)

            \(KanisterOption.discussion)
            """
    )

    @Option(name: .shortAndLong, help: "Output path, or '-' for standard output.")
    var output: String?

    @Option(help: "yaml (a Kanister Blueprint) or plan (the plan graph as JSON).")
    var emit: EmitKind = .yaml

    @OptionGroup var kanister: KanisterOption

    @OptionGroup var allow: AllowOption

    @Argument(help: "The .bp file to compile.")
    var file: String

    func run() throws {
        let compilation = try Compilation.analyzing(file, kanister: kanister.version, allowing: allow.codes)
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

    var defaultOutput: String {
        if file == "-" { return "-" }
        let base = file.hasSuffix(".bp") ? String(file.dropLast(3)) : file
        return base + (emit == .plan ? ".plan.json" : ".yaml")
    }
}
