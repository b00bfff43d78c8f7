// What a run is given: the subject object, options, input artifacts, the profile
// directory and the run's time (kept in the journal so a resumed run renders the
// same templates). Secrets and configmaps are given separately and never stored.

import FoundationEssentials

/// The ActionSet's object: `statefulset/NAMESPACE/NAME`, `deployment/...`,
/// `deploymentconfig/...`, `pvc/NAMESPACE/NAME` or `namespace/NAME`.
public struct RunSubject: Sendable, Codable, Equatable {
    public static let kinds = ["statefulset", "deployment", "deploymentconfig", "pvc", "namespace"]

    public var kind: String
    public var namespace: String
    public var name: String

    public init(kind: String, namespace: String, name: String) {
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// Parses the `--object` syntax; nil with a reason in `problem` otherwise.
    public static func parse(_ text: String) -> Result<RunSubject, RunInputError> {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let kind = parts.first?.lowercased(), kinds.contains(kind) else {
            return .failure(RunInputError("--object '\(text)': the kind must be one of \(kinds.joined(separator: ", "))"))
        }
        if kind == "namespace" {
            guard parts.count == 2, !parts[1].isEmpty else {
                return .failure(RunInputError("--object '\(text)': write namespace/NAME"))
            }
            return .success(RunSubject(kind: kind, namespace: parts[1], name: parts[1]))
        }
        guard parts.count == 3, !parts[1].isEmpty, !parts[2].isEmpty else {
            return .failure(RunInputError("--object '\(text)': write \(kind)/NAMESPACE/NAME"))
        }
        return .success(RunSubject(kind: kind, namespace: parts[1], name: parts[2]))
    }

    public var description: String { kind == "namespace" ? "namespace/\(name)" : "\(kind)/\(namespace)/\(name)" }
}

public struct RunInputError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

public struct RunArtifact: Sendable, Codable, Equatable {
    public var keyValue: [String: String]
    public var kopiaSnapshot: String?

    public init(keyValue: [String: String] = [:], kopiaSnapshot: String? = nil) {
        self.keyValue = keyValue
        self.kopiaSnapshot = kopiaSnapshot
    }

    func masked(_ redactor: Redactor) -> RunArtifact {
        RunArtifact(keyValue: keyValue.mapValues(redactor.mask), kopiaSnapshot: kopiaSnapshot.map(redactor.mask))
    }

    /// The parts of artifact `name` that masking changes: `NAME.KEY`, `NAME.KopiaSnapshot`.
    func withheldParts(_ name: String, _ redactor: Redactor) -> [String] {
        var parts = keyValue.filter { redactor.mask($0.value) != $0.value }.map { "\(name).\($0.key)" }
        if let kopiaSnapshot, redactor.mask(kopiaSnapshot) != kopiaSnapshot { parts.append("\(name).KopiaSnapshot") }
        return parts
    }
}

public struct RunInputs: Sendable, Codable, Equatable {
    /// The input the plan came from (`.bp`, `.yaml` or `.plan.json`) and the action.
    public var file: String
    public var action: String
    /// The Blueprint of a YAML stream the plan came from (`--blueprint`), if one was named.
    public var blueprint: String?
    public var subject: RunSubject
    public var options: [String: String]
    public var artifacts: [String: RunArtifact]
    /// The local profile: a directory that `kando location` reads and writes.
    public var profileDirectory: String
    /// The unstructured object (`.Object`), as JSON; nil builds a minimal one.
    public var objectJSON: String?
    /// `.Time`: RFC 3339 with nanoseconds, UTC, fixed when the run starts.
    public var time: String
    public var parallel: Int
    public var backend: String
    /// Inputs that held a secret, so the journal keeps them only masked: `option.NAME`,
    /// `artifact.NAME.KEY`, `artifact.NAME.KopiaSnapshot`. A resumed run cannot read them.
    public var withheld: [String]?

    public init(
        file: String, action: String, subject: RunSubject, options: [String: String] = [:],
        artifacts: [String: RunArtifact] = [:], profileDirectory: String = ".bpc/store", objectJSON: String? = nil,
        time: String? = nil, parallel: Int = 4, backend: String = "local", blueprint: String? = nil
    ) {
        self.file = file
        self.action = action
        self.blueprint = blueprint
        self.subject = subject
        self.options = options
        self.artifacts = artifacts
        self.profileDirectory = profileDirectory
        self.objectJSON = objectJSON
        self.time = time ?? RunInputs.timeNow()
        self.parallel = parallel
        self.backend = backend
    }

    /// Now as Kanister writes `.Time` (RFC 3339, nanoseconds, trailing zeros trimmed).
    public static func timeNow() -> String {
        var time = GoTime.now()
        time.offset = 0
        time.zone = "UTC"
        return GoTimeLayout.format(time, layout: "2006-01-02T15:04:05.999999999Z07:00")
    }
}

/// Secrets and configmaps the local backend serves for phase `objects` and the
/// action's `secretNames`, by name: NAME -> KEY -> VALUE. Never journaled.
public struct RunSecrets: Sendable, Equatable {
    public var secrets: [String: [String: String]]
    public var configMaps: [String: [String: String]]

    public init(secrets: [String: [String: String]] = [:], configMaps: [String: [String: String]] = [:]) {
        self.secrets = secrets
        self.configMaps = configMaps
    }

    /// The run's redactor: every secret value (and the spellings of it that
    /// `Redactor.spellings` lists) is masked in everything the run prints or journals.
    public var redactor: Redactor { Redactor(values: secrets.values.flatMap(\.values)) }
}
