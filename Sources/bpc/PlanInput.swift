// Where `bpc graph`, `bpc plan` and `bpc run` get a plan: a .bp file compiled
// on the spot, a plan artifact written by `bpc compile --emit plan`, or a
// Blueprint of Kanister YAML imported in memory (one of a stream by --blueprint).

import BlueprintPlan
import BlueprintSyntax
import KanisterYAML

enum PlanInput {
    /// The plan of `path` (by extension, else by content), diagnostics printed;
    /// throws the exit status on failure. `blueprint` picks one Blueprint of a
    /// YAML stream, and must name the blueprint of any other input. Warnings
    /// with a code in `allowed` (`--allow`) are not printed.
    static func load(_ path: String, blueprint: String? = nil, stdinName: String? = nil, allowing allowed: Set<String> = []) throws -> PlanBlueprint {
        let file = try InputFile.read(path, stdinName: stdinName)
        let plan: PlanBlueprint
        switch InputLanguage.detect(path: file.path, bytes: file.bytes) {
        case .planArtifact: plan = try loadArtifact(file).plan
        case .kanisterYAML: return try importedPlan(file, blueprint: blueprint, allowing: allowed)
        case .blueprintSource:
            let compilation = Compilation.analyzing(file, allowing: allowed)
            compilation.printDiagnostics()
            guard let compiled = compilation.plan else { throw ExitStatus.inputErrors }
            plan = compiled
        }
        if let blueprint, blueprint != plan.name {
            Terminal.writeError("bpc: \(file.path) holds the blueprint '\(plan.name)', not '\(blueprint)'\n")
            throw ExitStatus.usageOrIO
        }
        return plan
    }

    /// A plan artifact; a corrupt file or one of another format version is an input error.
    static func loadArtifact(_ path: String) throws -> PlanArtifact {
        try loadArtifact(InputFile.read(path))
    }

    static func loadArtifact(_ file: SourceFile) throws -> PlanArtifact {
        let (artifact, diagnostics) = PlanCodec.decode(file.bytes)
        Terminal.printDiagnostics(diagnostics, in: file)
        guard let artifact else { throw ExitStatus.inputErrors }
        return artifact
    }

    /// A Blueprint of Kanister YAML: the only one, or the one `name` picks;
    /// imported to .bp in memory, then planned like a source file.
    static func importedPlan(_ file: SourceFile, blueprint name: String?, allowing allowed: Set<String> = []) throws -> PlanBlueprint {
        let object = try selectBlueprint(name, in: file)
        let imported = BlueprintImporter.importObject(object, in: file.bytes, namesObject: false)
        Terminal.printDiagnostics(imported.diagnostics.allowing(allowed), in: file)
        guard let source = imported.source, !imported.diagnostics.contains(where: { $0.severity == .error }) else {
            throw ExitStatus.inputErrors
        }
        let converted = SourceFile(path: file.path + " (imported)", bytes: Array(source.utf8))
        // An imported blueprint has no imports of its own.
        var compilation = Compilation.load(converted, identity: converted.path, from: FileSources())
        compilation.analyze(allowing: allowed)
        compilation.printDiagnostics()
        guard let plan = compilation.plan else { throw ExitStatus.inputErrors }
        return plan
    }

    /// The Blueprint of a YAML file that `name` picks (nil: the only one). Invalid
    /// YAML or no Blueprint is an input error; several without a name, or a name
    /// that is not there, a usage error that lists the choices.
    static func selectBlueprint(_ name: String?, in file: SourceFile) throws -> StreamObject {
        let stream: KanisterStream
        switch KanisterStream.read(bytes: file.bytes) {
        case .failure:
            Terminal.printDiagnostics(BlueprintLinter.analyze(file).diagnostics, in: file)
            throw ExitStatus.inputErrors
        case .success(let read): stream = read
        }
        let blueprints = stream.blueprints
        if blueprints.isEmpty {
            Terminal.printDiagnostics(BlueprintLinter.noBlueprint(in: stream).map { [$0] } ?? [], in: file)
            throw ExitStatus.inputErrors
        }
        if let object = stream.blueprint(named: name) { return object }
        if let name {
            Terminal.writeError("bpc: \(file.path) has no Blueprint named '\(name)' (its Blueprints: \(stream.blueprintNames))\n")
        } else {
            Terminal.writeError(
                "bpc: \(file.path) holds \(blueprints.count) Blueprints: choose one with --blueprint NAME (\(stream.blueprintNames))\n")
        }
        throw ExitStatus.usageOrIO
    }

    /// The actions `name` selects (all when nil); an unknown name is a usage error.
    static func select(_ name: String?, in plan: PlanBlueprint, file: String) throws -> [PlanAction] {
        guard let name else { return plan.actions }
        guard let action = plan.action(named: name) else {
            let known = plan.actions.map(\.name).joined(separator: ", ")
            Terminal.writeError("bpc: \(file) has no action '\(name)' (its actions: \(known.isEmpty ? "none" : known))\n")
            throw ExitStatus.usageOrIO
        }
        return [action]
    }
}
