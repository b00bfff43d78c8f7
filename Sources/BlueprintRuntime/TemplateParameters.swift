// Kanister's TemplateParams as a template value: the subject's workload field
// (the others are nil), Object, Options, ArtifactsIn, Profile, Time, action-level
// Secrets/ConfigMaps, and the Phases seen so far with their outputs and objects.

import BlueprintPlan
import FoundationEssentials

/// What one phase contributes to `.Phases.NAME`: its secrets, configmaps and output.
public struct PhaseRecord: Sendable, Equatable {
    public var secrets: [String: TemplateValue]
    public var configMaps: [String: TemplateValue]
    /// Nil until the phase completed.
    public var output: [String: String]?
    /// Output keys a resumed run does not have (they held a secret; see
    /// `RunLedger.withheldOutputs`), and the phase's name for the error.
    public var withheldOutputs: [String] = []
    public var phaseName = ""

    public init(secrets: [String: TemplateValue] = [:], configMaps: [String: TemplateValue] = [:], output: [String: String]? = nil) {
        self.secrets = secrets
        self.configMaps = configMaps
        self.output = output
    }

    var value: TemplateValue {
        .record(
            "*param.Phase",
            [
                ("Secrets", .map(TemplateMap(kind: .object, entries: secrets))),
                ("ConfigMaps", .map(TemplateMap(kind: .object, entries: configMaps))),
                ("Output", output.map { outputValue($0) } ?? .null),
            ])
    }

    /// The output map; a withheld key fails with `withheldMessage` when read.
    func outputValue(_ output: [String: String]) -> TemplateValue {
        var map = TemplateMap(kind: .object, entries: output.mapValues { .string($0) })
        for key in withheldOutputs { map.withheld[key] = "output '\(key)' of phase '\(phaseName)'" }
        return .map(map)
    }

    /// A phase whose outputs are unknown (dry run): any key reads as `<phase.key>`.
    static func placeholder(_ phase: String) -> TemplateValue {
        .record(
            "*param.Phase",
            [
                ("Secrets", .map(TemplateMap(kind: .placeholder(phase + ".secrets"), entries: [:]))),
                ("ConfigMaps", .map(TemplateMap(kind: .placeholder(phase + ".configmaps"), entries: [:]))),
                ("Output", .map(TemplateMap(kind: .placeholder(phase + ".output"), entries: [:]))),
            ])
    }
}

public struct TemplateParameters: Sendable {
    /// Every field except Phases and DeferPhase, in param.TemplateParams order.
    let fixed: [(String, TemplateValue)]

    /// `isLenient` (dry runs): declared secrets, configmaps and artifacts that were
    /// not given read as placeholders.
    public init(inputs: RunInputs, secrets: RunSecrets, action: KanisterAction? = nil, isLenient: Bool = false) {
        let subject = inputs.subject
        func workload(_ kind: String, _ type: String) -> TemplateValue {
            guard subject.kind == kind else { return .null }
            let pod = "\(subject.name)-0"
            return .record(
                type,
                [
                    ("Name", .string(subject.name)), ("Namespace", .string(subject.namespace)),
                    ("Pods", .list([.string(pod)])), ("Containers", .list([.list([.string(subject.name)])])),
                    ("PersistentVolumeClaims", .map(TemplateMap(kind: .object, entries: [pod: .strings([:])]))),
                ])
        }
        func simple(_ kind: String, _ type: String) -> TemplateValue {
            guard subject.kind == kind else { return .null }
            return .record(type, [("Name", .string(subject.name)), ("Namespace", .string(subject.namespace))])
        }
        // Inputs a journal holds only masked (a resumed run's) are withheld: reading one fails.
        let withheld = Set(inputs.withheld ?? [])
        var artifacts: [String: TemplateValue] = [:]
        for (name, artifact) in inputs.artifacts {
            var keyValue = TemplateMap(kind: .strings, entries: [:])
            for (key, value) in artifact.keyValue {
                if withheld.contains("artifact.\(name).\(key)") {
                    keyValue.withheld[key] = "key '\(key)' of input artifact '\(name)'"
                } else {
                    keyValue.entries[key] = .string(value)
                }
            }
            var record = TemplateMap(
                record: "param.Artifact", fields: [("KeyValue", .map(keyValue)), ("KopiaSnapshot", .string(artifact.kopiaSnapshot ?? ""))])
            if withheld.contains("artifact.\(name).KopiaSnapshot") {
                record.entries["KopiaSnapshot"] = nil
                record.withheld["KopiaSnapshot"] = "the KopiaSnapshot of input artifact '\(name)'"
            }
            artifacts[name] = .map(record)
        }
        var options = TemplateMap(kind: .strings, entries: [:])
        for (key, value) in inputs.options {
            if withheld.contains("option.\(key)") {
                options.withheld[key] = "option '\(key)'"
            } else {
                options.entries[key] = .string(value)
            }
        }
        for name in action?.inputArtifactNames ?? [] where isLenient && artifacts[name] == nil {
            artifacts[name] = .record(
                "param.Artifact",
                [
                    ("KeyValue", .map(TemplateMap(kind: .placeholder(name), entries: [:]))), ("KopiaSnapshot", .string("<\(name).KopiaSnapshot>")),
                ])
        }
        let secretNames = action?.secretNames ?? []
        let configMapNames = action?.configMapNames ?? []
        fixed = [
            ("StatefulSet", workload("statefulset", "*param.StatefulSetParams")),
            ("DeploymentConfig", workload("deploymentconfig", "*param.DeploymentConfigParams")),
            ("Deployment", workload("deployment", "*param.DeploymentParams")),
            ("PVC", simple("pvc", "*param.PVCParams")),
            ("Namespace", simple("namespace", "*param.NamespaceParams")),
            ("ArtifactsIn", .map(TemplateMap(kind: isLenient ? .placeholder("artifacts") : .object, entries: artifacts))),
            (
                "ConfigMaps",
                .map(
                    TemplateMap(
                        kind: isLenient ? .placeholder("configmaps") : .object,
                        entries: TemplateParameters.objects(configMapNames, secrets, isSecret: false, isLenient)))
            ),
            (
                "Secrets",
                .map(
                    TemplateMap(
                        kind: isLenient ? .placeholder("secrets") : .object,
                        entries: TemplateParameters.objects(secretNames, secrets, isSecret: true, isLenient)))
            ),
            ("Time", .string(inputs.time)),
            ("Profile", TemplateParameters.profile(directory: inputs.profileDirectory, isLenient: isLenient)),
            ("Options", .map(options)),
            ("Object", TemplateParameters.object(inputs, isLenient: isLenient)),
            ("PodOverride", .object([:])),
            ("PodLabels", .strings([:])),
            ("PodAnnotations", .strings([:])),
        ]
    }

    /// The parameters with `phases` (completed or started) and the finally phase's record.
    public func value(phases: [String: TemplateValue], deferPhase: TemplateValue? = nil) -> TemplateValue {
        let empty = PhaseRecord().value
        return .record(
            "param.TemplateParams",
            fixed + [
                ("Phases", .map(TemplateMap(kind: .object, entries: phases))),
                ("DeferPhase", deferPhase ?? empty),
                ("CurrentPhase", .null),
            ])
    }

    static func objects(_ names: [String], _ store: RunSecrets, isSecret: Bool, _ isLenient: Bool) -> [String: TemplateValue] {
        var entries: [String: TemplateValue] = [:]
        for name in names {
            let given = isSecret ? store.secrets[name] : store.configMaps[name]
            guard given != nil || isLenient else { continue }
            let value = isSecret ? secret(name: name, namespace: "", data: given ?? [:]) : configMap(name: name, namespace: "", data: given ?? [:])
            entries[name] = given == nil ? unknown(value, name) ?? value : value
        }
        return entries
    }

    /// A secret or configmap whose data is not known (dry runs): `Data` is a placeholder.
    static func unknown(_ value: TemplateValue?, _ name: String) -> TemplateValue? {
        guard case .map(var record)? = value else { return value }
        record["Data"] = .map(TemplateMap(kind: .placeholder(name + ".data"), entries: [:]))
        return .map(record)
    }

    /// A corev1.Secret: `Data` values are byte strings (templates use `toString`).
    public static func secret(name: String, namespace: String, data: [String: String]) -> TemplateValue {
        .record(
            "v1.Secret",
            [
                ("Kind", .string("Secret")), ("APIVersion", .string("v1")), ("Name", .string(name)), ("Namespace", .string(namespace)),
                ("Labels", .strings([:])), ("Annotations", .strings([:])),
                ("Data", .map(TemplateMap(kind: .byteStrings, entries: data.mapValues { .bytes(Array($0.utf8)) }))),
                ("StringData", .strings([:])), ("Type", .string("Opaque")),
            ])
    }

    public static func configMap(name: String, namespace: String, data: [String: String]) -> TemplateValue {
        .record(
            "v1.ConfigMap",
            [
                ("Kind", .string("ConfigMap")), ("APIVersion", .string("v1")), ("Name", .string(name)), ("Namespace", .string(namespace)),
                ("Labels", .strings([:])), ("Annotations", .strings([:])), ("Data", .strings(data)),
            ])
    }

    /// A dry run's `.Object`: name and namespace known, every other key a placeholder.
    static func placeholderObject(_ inputs: RunInputs) -> TemplateValue {
        var metadata = TemplateMap(kind: .placeholder("object.metadata"), entries: ["name": .string(inputs.subject.name)])
        metadata["namespace"] = inputs.subject.kind == "namespace" ? nil : .string(inputs.subject.namespace)
        metadata["labels"] = .map(TemplateMap(kind: .placeholder("object.labels"), entries: [:]))
        metadata["annotations"] = .map(TemplateMap(kind: .placeholder("object.annotations"), entries: [:]))
        return .map(TemplateMap(kind: .placeholder("object"), entries: ["metadata": .map(metadata)]))
    }

    /// The local profile: a directory store, written as a Location of type `local`.
    static func profile(directory: String, isLenient: Bool = false) -> TemplateValue {
        let unknown: (String) -> TemplateValue = { name in
            isLenient ? .map(TemplateMap(kind: .placeholder("profile.\(name)"), entries: [:])) : .null
        }
        return .record(
            "*param.Profile",
            [
                (
                    "Location",
                    .record(
                        "crv1alpha1.Location",
                        [
                            ("Type", .string("local")), ("Bucket", .string("")), ("Endpoint", .string("")),
                            ("Prefix", .string(directory)), ("Region", .string("")),
                        ])
                ),
                (
                    "Credential",
                    .record(
                        "param.Credential",
                        [
                            ("Type", .string("")), ("KeyPair", unknown("keypair")), ("Secret", unknown("secret")), ("KopiaServerSecret", unknown("kopia")),
                        ])
                ),
                ("SkipSSLVerify", .bool(false)),
            ])
    }

    /// `.Object`: the given JSON, or a minimal object with name, namespace and kind.
    static func object(_ inputs: RunInputs, isLenient: Bool = false) -> TemplateValue {
        if let text = inputs.objectJSON, let value = try? TemplateJSON.decode(text) { return value }
        if isLenient { return placeholderObject(inputs) }
        let kinds = [
            "statefulset": "StatefulSet", "deployment": "Deployment", "deploymentconfig": "DeploymentConfig",
            "pvc": "PersistentVolumeClaim", "namespace": "Namespace",
        ]
        var metadata: [String: TemplateValue] = ["name": .string(inputs.subject.name), "labels": .object([:]), "annotations": .object([:])]
        if inputs.subject.kind != "namespace" { metadata["namespace"] = .string(inputs.subject.namespace) }
        return .object([
            "kind": .string(kinds[inputs.subject.kind] ?? inputs.subject.kind), "metadata": .object(metadata),
            "spec": .object([:]), "status": .object([:]),
        ])
    }
}
