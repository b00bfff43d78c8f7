// Reading back the annotation in which compiled YAML carries the output keys a
// source declared but its commands do not print (`KanisterPhase.declaredOutputs`).

import BlueprintPlan
import BlueprintSyntax

enum DeclaredOutputs {
    /// action -> phase -> keys, from the metadata's annotation; empty when there is
    /// none or it is not the JSON the compiler writes.
    static func read(from metadata: YAMLMapping?) -> [String: [String: [String]]] {
        guard let node = annotationNode(in: metadata), let text = node.scalar?.value,
            case .object(let actionEntries)? = JSONValue.parse(text)
        else { return [:] }
        var actions: [String: [String: [String]]] = [:]
        for (action, value) in actionEntries {
            guard case .object(let phaseEntries) = value else { return [:] }
            var phases: [String: [String]] = [:]
            for (phase, keys) in phaseEntries {
                guard case .array(let items) = keys else { return [:] }
                var names: [String] = []
                for item in items {
                    guard case .string(let name) = item else { return [:] }
                    names.append(name)
                }
                phases[phase] = names
            }
            actions[action] = phases
        }
        return actions
    }

    /// The annotation's value node, for positions.
    static func annotationNode(in metadata: YAMLMapping?) -> YAMLNode? {
        metadata?["annotations"]?.mapping?[KanisterBlueprint.declaredOutputsAnnotation]
    }
}
