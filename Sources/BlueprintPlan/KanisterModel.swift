// The Kanister Blueprint as the compiler's back end sees it: ordered actions,
// phases, artifacts and argument values of any shape, ready to be emitted.

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

    public init(
        function: String, name: String, objects: [(name: String, reference: KanisterObjectReference)] = [], args: [KanisterEntry] = []
    ) {
        self.function = function
        self.name = name
        self.objects = objects
        self.args = args
    }

    public static func == (lhs: KanisterPhase, rhs: KanisterPhase) -> Bool {
        lhs.function == rhs.function && lhs.name == rhs.name && lhs.args == rhs.args
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
