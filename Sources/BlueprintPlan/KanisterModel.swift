// The Kanister Blueprint as the compiler's back end sees it: ordered actions,
// phases, artifacts and argument values of any shape, ready to be emitted.

import BlueprintSema
import BlueprintSyntax

/// An argument value: what a YAML node can hold. Numbers keep their source text.
public enum KanisterValue: Sendable, Equatable {
    case string(String)
    case int(String)
    case float(String)
    case bool(Bool)
    case null
    case list([KanisterValue])
    case map([KanisterEntry])
}

public struct KanisterEntry: Sendable, Equatable {
    public var key: String
    public var value: KanisterValue

    public init(_ key: String, _ value: KanisterValue) {
        self.key = key
        self.value = value
    }
}

public struct KanisterObjectReference: Sendable, Equatable {
    /// Fields in source order: kind, name, namespace, apiVersion, group, resource.
    public var fields: [(key: String, value: String)]

    public static func == (lhs: KanisterObjectReference, rhs: KanisterObjectReference) -> Bool {
        lhs.fields.map(\.key) == rhs.fields.map(\.key) && lhs.fields.map(\.value) == rhs.fields.map(\.value)
    }
}

public struct KanisterPhase: Sendable, Equatable {
    public var function: String
    public var name: String
    public var objects: [(name: String, reference: KanisterObjectReference)]
    public var args: [KanisterEntry]
    /// Output keys the source declares (`outputs [..]`) that its command does not
    /// print literally: a program it runs writes them. Kanister has no field for
    /// them; the blueprint carries them in an annotation (`declaredOutputsAnnotation`).
    public var declaredOutputs: [String] = []
    /// `unnamed`: the YAML has no `name` for the phase; `name` is the .bp's,
    /// which runs, journals and the plan graph show.
    public var isUnnamed = false
    /// The phase's `name` in the YAML (empty: none).
    public var yamlName: String { isUnnamed ? "" : name }

    public init(
        function: String, name: String, objects: [(name: String, reference: KanisterObjectReference)] = [], args: [KanisterEntry] = []
    ) {
        self.function = function
        self.name = name
        self.objects = objects
        self.args = args
    }

    public static func == (lhs: KanisterPhase, rhs: KanisterPhase) -> Bool {
        lhs.function == rhs.function && lhs.name == rhs.name && lhs.isUnnamed == rhs.isUnnamed && lhs.args == rhs.args
            && lhs.declaredOutputs == rhs.declaredOutputs
            && lhs.objects.map(\.name) == rhs.objects.map(\.name) && lhs.objects.map(\.reference) == rhs.objects.map(\.reference)
    }
}

public struct KanisterArtifact: Sendable, Equatable, Codable {
    public var name: String
    public var keyValue: [KanisterEntry]?
    public var kopiaSnapshot: String?
}

public struct KanisterAction: Sendable, Equatable, Codable {
    public var name: String
    public var kind: String?
    public var inputArtifactNames: [String]?
    public var secretNames: [String]?
    public var configMapNames: [String]?
    public var outputArtifacts: [KanisterArtifact]?
    public var phases: [KanisterPhase]?
    public var deferPhase: KanisterPhase?
}

public struct KanisterBlueprint: Sendable, Equatable {
    public var name: String
    /// The other metadata fields (namespace, labels, annotations, ...) in source order.
    public var metadata: [KanisterEntry]
    public var actions: [KanisterAction]
    /// The .bp file this was compiled from, for the emitted header comment.
    public var sourcePath: String?
    /// Further lines of the header comment (how to run the rollback actions).
    public var notes: [String] = []
}

extension KanisterValue {
    /// Every string in the value, depth first (list items, map values).
    public var strings: [String] {
        switch self {
        case .string(let text): [text]
        case .list(let items): items.flatMap(\.strings)
        case .map(let entries): entries.flatMap(\.value.strings)
        case .int, .float, .bool, .null: []
        }
    }
}

extension KanisterBlueprint {
    /// The metadata annotation that carries the phases' `declaredOutputs`, so that a
    /// check of the YAML (`bpc lint`) and `bpc import` see what the source declared:
    /// compact JSON, `{"action":{"phase":["key",...]}}`. Kanister ignores it.
    public static let declaredOutputsAnnotation = "bpc/declared-outputs"

    /// The annotation's value for these actions, or nil when no phase declares such outputs.
    static func declaredOutputsValue(of actions: [KanisterAction]) -> String? {
        func quoted(_ text: String) -> String {
            var printed = JSONValue.string(text).printed()
            if printed.hasSuffix("\n") { printed.removeLast() }
            return printed
        }
        var parts: [String] = []
        for action in actions {
            let phases = (action.phases ?? []) + (action.deferPhase.map { [$0] } ?? [])
            let declaring = phases.filter { !$0.declaredOutputs.isEmpty }
            guard !declaring.isEmpty else { continue }
            let entries = declaring.map { "\(quoted($0.yamlName)):[\($0.declaredOutputs.map(quoted).joined(separator: ","))]" }
            parts.append("\(quoted(action.name)):{\(entries.joined(separator: ","))}")
        }
        return parts.isEmpty ? nil : "{\(parts.joined(separator: ","))}"
    }

    /// Sets the annotation (last among the annotations) from the actions' phases.
    mutating func annotateDeclaredOutputs() {
        guard let value = KanisterBlueprint.declaredOutputsValue(of: actions) else { return }
        let entry = KanisterEntry(KanisterBlueprint.declaredOutputsAnnotation, .string(value))
        guard let index = metadata.firstIndex(where: { $0.key == "annotations" }), case .map(var annotations) = metadata[index].value else {
            metadata.append(KanisterEntry("annotations", .map([entry])))
            return
        }
        annotations.removeAll { $0.key == KanisterBlueprint.declaredOutputsAnnotation }
        annotations.append(entry)
        metadata[index].value = .map(annotations)
    }
}
