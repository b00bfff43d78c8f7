// A Kanister ActionSet (cr.kanister.io/v1alpha1), the fields of Kanister's
// pkg/apis/cr/v1alpha1 ActionSet that `kanctl create actionset` fills in, and
// its YAML as kanctl's `--dry-run` prints it (keys sorted, as sigs.k8s.io/yaml does).

/// Kanister's ObjectReference: `kind`/`namespace`/`name` are what kanctl sets.
public struct ActionSetObjectReference: Sendable, Equatable {
    public var apiVersion = ""
    public var group = ""
    public var resource = ""
    public var kind = ""
    public var name: String
    public var namespace: String

    public init(kind: String = "", namespace: String, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }
}

/// Kanister's Artifact: KeyValue and/or KopiaSnapshot.
public struct ActionSetArtifact: Sendable, Equatable {
    public var keyValue: [String: String]
    public var kopiaSnapshot: String?

    public init(keyValue: [String: String] = [:], kopiaSnapshot: String? = nil) {
        self.keyValue = keyValue
        self.kopiaSnapshot = kopiaSnapshot
    }
}

/// One `spec.actions[]` entry (Kanister's ActionSpec).
public struct ActionSetAction: Sendable, Equatable {
    public var name: String
    public var blueprint: String
    public var object: ActionSetObjectReference
    public var profile: ActionSetObjectReference?
    public var secrets: [String: ActionSetObjectReference] = [:]
    public var configMaps: [String: ActionSetObjectReference] = [:]
    public var options: [String: String] = [:]
    public var artifacts: [String: ActionSetArtifact] = [:]

    public init(name: String, blueprint: String, object: ActionSetObjectReference) {
        self.name = name
        self.blueprint = blueprint
        self.object = object
    }
}

/// An ActionSet to create: its metadata and spec (a new ActionSet has no status).
public struct KanisterActionSet: Sendable, Equatable {
    /// `metadata.name`; when nil, `metadata.generateName` is `<first action>-`
    /// and the API server completes the name (kanctl appends five random letters).
    public var name: String?
    public var namespace: String?
    public var actions: [ActionSetAction]

    public init(name: String? = nil, namespace: String? = nil, actions: [ActionSetAction]) {
        self.name = name
        self.namespace = namespace
        self.actions = actions
    }

    public static let apiVersion = "cr.kanister.io/v1alpha1"
    public static let kind = "ActionSet"

    /// The document, keys in the order kanctl's YAML has them (sorted).
    public var yamlNode: YAMLNode {
        var metadata: [(String, YAMLNode)] = [("creationTimestamp", .null)]
        if let name {
            metadata.append(("name", .string(name)))
        } else {
            metadata.append(("generateName", .string((actions.first?.name ?? "actionset") + "-")))
        }
        if let namespace { metadata.append(("namespace", .string(namespace))) }
        return Self.sorted([
            ("apiVersion", .string(Self.apiVersion)),
            ("kind", .string(Self.kind)),
            ("metadata", Self.sorted(metadata)),
            ("spec", Self.sorted([("actions", .list(actions.map(\.yamlNode)))])),
        ])
    }

    /// The YAML text.
    public func yaml() throws -> [UInt8] { try YAMLWriter.write(yamlNode) }

    static func sorted(_ pairs: [(String, YAMLNode)]) -> YAMLNode {
        .map(pairs: pairs.sorted { $0.0 < $1.0 }.map { YAMLPair(key: .string($0.0), value: $0.1) })
    }

    static func typedMap(_ values: [String: String]) -> YAMLNode {
        sorted(values.map { ($0.key, YAMLNode.string($0.value)) })
    }
}

extension ActionSetObjectReference {
    var yamlNode: YAMLNode {
        var pairs: [(String, YAMLNode)] = [
            ("apiVersion", .string(apiVersion)), ("group", .string(group)), ("resource", .string(resource)),
            ("kind", .string(kind)), ("name", .string(name)),
        ]
        // `namespace` is omitempty in Kanister's ObjectReference.
        if !namespace.isEmpty { pairs.append(("namespace", .string(namespace))) }
        return KanisterActionSet.sorted(pairs)
    }
}

extension ActionSetArtifact {
    var yamlNode: YAMLNode {
        var pairs: [(String, YAMLNode)] = []
        if !keyValue.isEmpty { pairs.append(("keyValue", KanisterActionSet.typedMap(keyValue))) }
        if let kopiaSnapshot { pairs.append(("kopiaSnapshot", .string(kopiaSnapshot))) }
        return KanisterActionSet.sorted(pairs)
    }
}

extension ActionSetAction {
    /// Omitempty fields are left out when empty; podLabels, podAnnotations and
    /// preferredVersion are not omitempty in Kanister's ActionSpec.
    var yamlNode: YAMLNode {
        var pairs: [(String, YAMLNode)] = [
            ("name", .string(name)), ("object", object.yamlNode), ("blueprint", .string(blueprint)),
            ("preferredVersion", .string("")), ("podLabels", .null), ("podAnnotations", .null),
        ]
        if !artifacts.isEmpty {
            pairs.append(("artifacts", KanisterActionSet.sorted(artifacts.map { ($0.key, $0.value.yamlNode) })))
        }
        if !configMaps.isEmpty {
            pairs.append(("configMaps", KanisterActionSet.sorted(configMaps.map { ($0.key, $0.value.yamlNode) })))
        }
        if !secrets.isEmpty {
            pairs.append(("secrets", KanisterActionSet.sorted(secrets.map { ($0.key, $0.value.yamlNode) })))
        }
        if let profile { pairs.append(("profile", profile.yamlNode)) }
        if !options.isEmpty { pairs.append(("options", KanisterActionSet.typedMap(options))) }
        return KanisterActionSet.sorted(pairs)
    }
}
