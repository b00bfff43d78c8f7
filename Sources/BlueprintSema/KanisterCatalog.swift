// The Kanister function catalog and template parameters: the facts Sema checks
// phases against, decoded once from the embedded copy in CatalogData.swift.

import BlueprintSyntax

public enum ArgumentType: String, Sendable, Decodable, Equatable {
    case string, stringList, int, bool, map, object

    /// How a user reads the type in a diagnostic.
    public var spelling: String {
        switch self {
        case .string: "a string"
        case .stringList: "a list of strings"
        case .int: "an integer"
        case .bool: "a boolean"
        case .map: "a map"
        case .object: "an object"
        }
    }
}

public struct FunctionArgument: Sendable, Decodable, Equatable {
    public var name: String
    public var required: Bool
    public var type: ArgumentType
    public var note: String?
}

public struct FunctionSpec: Sendable, Decodable, Equatable {
    public var name: String
    public var versions: [String]
    public var args: [FunctionArgument]
    /// Outputs the function itself always sets.
    public var outputs: [String]
    /// True when outputs come from `kando output` in the user's command.
    public var userOutputs: Bool
    public var summary: String?

    public func argument(_ name: String) -> FunctionArgument? {
        args.first { $0.name == name }
    }
}

public struct KanisterCatalog: Sendable {
    public let functions: [String: FunctionSpec]
    /// Top-level template parameters (`StatefulSet`, `Phases`, ...) in catalog order.
    public let templateRoots: [String]
    public var templateRootSet: Set<String> { rootSet }
    private let rootSet: Set<String>
    /// The field names of each root that has fixed fields.
    public let rootFields: [String: [String]]

    public static let shared: KanisterCatalog = KanisterCatalog.load()

    public func function(_ name: String) -> FunctionSpec? { functions[name] }

    /// The roots that are nil unless the ActionSet object is of a given kind.
    public static let workloadRoots: [String: String] = [
        "StatefulSet": "statefulset", "Deployment": "deployment", "DeploymentConfig": "deploymentconfig",
        "PVC": "pvc", "Namespace": "namespace",
    ]

    static func load() -> KanisterCatalog {
        // Values generated from functions.json (CatalogSpecs.swift): parsing the
        // JSON at start cost a sixth of a small `bpc lint`.
        var functions: [String: FunctionSpec] = [:]
        functions.reserveCapacity(CatalogData.functionSpecs.count)
        for spec in CatalogData.functionSpecs { functions[spec.name] = spec }
        // The roots' fields come from their types (template-params.json, read once
        // there), in the order the file lists them.
        let roots = rootTypes.isEmpty ? [] : rootOrder
        var fields: [String: [String]] = [:]
        for (name, type) in rootTypes {
            switch type {
            case .structure(let members): fields[name] = members.keys.sorted()
            case .scalar("string"): fields[name] = []  // a string (`.Time`) has no fields at all
            default: break
            }
        }
        return KanisterCatalog(functions: functions, templateRoots: roots, rootSet: Set(roots), rootFields: fields)
    }
}

/// What the checks need to know about one template root, found with one lookup
/// (a class, so passing it around costs one retain).
final class TemplateRootInfo: Sendable {
    /// The roots the checks treat specially; the rest are `other`.
    enum Kind: Sendable {
        case phases, artifactsIn, secrets, configMaps, deferPhase, other
    }

    let kind: Kind
    /// The root's fixed fields (sorted), when it has any.
    let fields: [String]?
    /// `fields` as a set, for membership.
    let fieldSet: Set<String>
    /// The ActionSet object kind the root needs, for the workload roots (`StatefulSet`).
    let workloadKind: String?

    init(kind: Kind, fields: [String]?, workloadKind: String?) {
        self.kind = kind
        self.fields = fields
        self.fieldSet = Set(fields ?? [])
        self.workloadKind = workloadKind
    }
}

extension KanisterCatalog {
    /// Every template root of the shared catalog with what the checks need about it.
    static let rootInfo: [String: TemplateRootInfo] = {
        let catalog = KanisterCatalog.shared
        let kinds: [String: TemplateRootInfo.Kind] = [
            "Phases": .phases, "ArtifactsIn": .artifactsIn, "Secrets": .secrets, "ConfigMaps": .configMaps, "DeferPhase": .deferPhase,
        ]
        var info: [String: TemplateRootInfo] = [:]
        for root in catalog.templateRoots {
            let fields = catalog.rootFields[root]
            info[root] = TemplateRootInfo(kind: kinds[root] ?? .other, fields: fields, workloadKind: workloadRoots[root])
        }
        return info
    }()

    /// The lowercased kinds of ActionSet objects that have a workload root.
    static let workloadKinds: Set<String> = Set(workloadRoots.values)
}

/// A catalog function behind a class reference, so the checks pass it around
/// without copying the spec's arrays and strings.
final class FunctionFacts: Sendable {
    let spec: FunctionSpec

    init(_ spec: FunctionSpec) {
        self.spec = spec
    }
}

extension KanisterCatalog {
    /// `shared.functions` with each spec behind a `FunctionFacts`.
    static let functionFacts: [String: FunctionFacts] = shared.functions.mapValues(FunctionFacts.init)
}
