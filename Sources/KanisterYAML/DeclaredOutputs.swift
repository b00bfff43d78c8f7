// Reading back the annotation in which compiled YAML carries the output keys a
// source declared but its commands do not print (`KanisterPhase.declaredOutputs`).

import BlueprintPlan
import Foundation

enum DeclaredOutputs {
    /// action -> phase -> keys, from the metadata's annotation; empty when there is
    /// none or it is not the JSON the compiler writes.
    static func read(from metadata: YAMLMapping?) -> [String: [String: [String]]] {
        guard let node = annotationNode(in: metadata), let text = node.scalar?.value,
            let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
            let actions = object as? [String: [String: [String]]]
        else { return [:] }
        return actions
    }

    /// The annotation's value node, for positions.
    static func annotationNode(in metadata: YAMLMapping?) -> YAMLNode? {
        metadata?["annotations"]?.mapping?[KanisterBlueprint.declaredOutputsAnnotation]
    }
}
