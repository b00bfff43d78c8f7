// Keys given twice in the YAML mappings the syntax tree has no map for (the
// root, an action, a phase, an artifact, metadata's name): Kanister's decoder
// refuses them. Maps that become syntax (args, objects, labels) are Sema's.

import BlueprintSema
import BlueprintSyntax

extension YAMLSyntaxBuilder {
    mutating func checkStructuralKeys(_ root: YAMLMapping) {
        checkUniqueKeys(root, where: "the blueprint")
        if let metadata = root["metadata"]?.mapping { checkUniqueKeys(metadata, where: "metadata", only: "name") }
        for pair in root["actions"]?.mapping?.pairs ?? [] {
            guard let action = pair.value.mapping else { continue }
            let name = pair.key.scalar?.value ?? ""
            checkUniqueKeys(action, where: "action '\(name)'")
            for phase in action["phases"]?.sequence?.items ?? [] {
                if let mapping = phase.mapping { checkUniqueKeys(mapping, where: "a phase of '\(name)'") }
            }
            if let phase = action["deferPhase"]?.mapping { checkUniqueKeys(phase, where: "the deferPhase of '\(name)'") }
            for artifact in action["outputArtifacts"]?.mapping?.pairs ?? [] {
                if let mapping = artifact.value.mapping {
                    checkUniqueKeys(mapping, where: "output artifact '\(artifact.key.scalar?.value ?? "")'")
                }
            }
        }
    }

    /// BP2034 at the second of two equal keys (or of `only`), with a note at the first.
    mutating func checkUniqueKeys(_ mapping: YAMLMapping, where place: String, only: String? = nil) {
        var seen: [String: YAMLNode] = [:]
        for pair in mapping.pairs {
            guard let key = pair.key.scalar?.value, only == nil || key == only else { continue }
            if let first = seen[key] {
                diagnostics.append(
                    Diagnostic(
                        .duplicateKey, .error, "key '\(key)' is given twice in \(place); Kanister's decoder refuses a duplicate key",
                        at: range(pair.key), notes: [DiagnosticNote("first given here", range: range(first))]))
            } else {
                seen[key] = pair.key
            }
        }
    }
}
