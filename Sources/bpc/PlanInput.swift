// Where `bpc graph` and `bpc plan` get a plan: a .bp file compiled on the
// spot, or a plan artifact written by `bpc compile --emit plan` (.json).

import BlueprintPlan
import BlueprintSyntax
import KanisterYAML

enum PlanInput {
    /// The plan of `path`, diagnostics printed; throws the exit status on failure.
    static func load(_ path: String) throws -> PlanBlueprint {
        if path.hasSuffix(".json") { return try loadArtifact(path).plan }
        let compilation = try Compilation.analyzing(path)
        compilation.printDiagnostics()
        guard let plan = compilation.plan else { throw ExitStatus.inputErrors }
        return plan
    }

    /// A plan artifact; a corrupt file or one of another format version is an input error.
    static func loadArtifact(_ path: String) throws -> PlanArtifact {
        let file: SourceFile
        do {
            file = try Terminal.read(path)
        } catch {
            Terminal.writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
        let (artifact, diagnostics) = PlanCodec.decode(file.bytes)
        Terminal.printDiagnostics(diagnostics, in: file)
        guard let artifact else { throw ExitStatus.inputErrors }
        return artifact
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
