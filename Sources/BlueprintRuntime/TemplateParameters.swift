// Kanister's TemplateParams as a template value: the subject's workload field
// (the others are nil), Object, Options, ArtifactsIn, Profile, Time, action-level
// Secrets/ConfigMaps, and the Phases seen so far with their outputs and objects.

import Foundation

/// What one phase contributes to `.Phases.NAME`: its secrets, configmaps and output.
public struct PhaseRecord: Sendable, Equatable {
    public var secrets: [String: TemplateValue]
    public var configMaps: [String: TemplateValue]
    /// Nil until the phase completed.
    public var output: [String: String]?

    public init(secrets: [String: TemplateValue] = [:], configMaps: [String: TemplateValue] = [:], output: [String: String]? = nil) {
        self.secrets = secrets
        self.configMaps = configMaps
        self.output = output
    }

    var value: TemplateValue {
        .record("*param.Phase", [
            ("Secrets", .map(TemplateMap(kind: .object, entries: secrets))),
            ("ConfigMaps", .map(TemplateMap(kind: .object, entries: configMaps))),
            ("Output", output.map { .object($0.mapValues { .string($0) }) } ?? .null),
        ])
    }

    /// A phase whose outputs are unknown (dry run): any key reads as `<phase.key>`.
    static func placeholder(_ phase: String) -> TemplateValue {
        .record("*param.Phase", [
            ("Secrets", .map(TemplateMap(kind: .placeholder(phase + ".secrets"), entries: [:]))),
            ("ConfigMaps", .map(TemplateMap(kind: .placeholder(phase + ".configmaps"), entries: [:]))),
            ("Output", .map(TemplateMap(kind: .placeholder(phase + ".output"), entries: [:]))),
        ])
    }
}

public struct TemplateParameters: Sendable {
    /// Every field except Phases and DeferPhase, in param.TemplateParams order.
    let fixed: [(String, TemplateValue)]

    public init(inputs: RunInputs, secrets: RunSecrets, action: (secretNames: [String], configMapNames: [String]) = ([], [])) {
        let subject = inputs.subject
        func workload(_ kind: String, _ type: String) -> TemplateValue {
            guard subject.kind == kind else { return .null }
            let pod = "\(subject.name)-0"
            return .record(type, [
                ("Name", .string(subject.name)), ("Namespace", .string(subject.namespace)),
                ("Pods", .list([.string(pod)])), ("Containers", .list([.list([.string(subject.name)])])),
                ("PersistentVolumeClaims", .map(TemplateMap(kind: .object, entries: [pod: .strings([:])]))),
            ])
        }
        func simple(_ kind: String, _ type: String) -> TemplateValue {
            guard subject.kind == kind else { return .null }
            return .record(type, [("Name", .string(subject.name)), ("Namespace", .string(subject.namespace))])
        }
        let artifacts = inputs.artifacts.mapValues { artifact in
            TemplateValue.record("param.Artifact", [
                ("KeyValue", .strings(artifact.keyValue)), ("KopiaSnapshot", .string(artifact.kopiaSnapshot ?? "")),
            ])
        }
        fixed = [
            ("StatefulSet", workload("statefulset", "*param.StatefulSetParams")),
            ("DeploymentConfig", workload("deploymentconfig", "*param.DeploymentConfigParams")),
            ("Deployment", workload("deployment", "*param.DeploymentParams")),
            ("PVC", simple("pvc", "*param.PVCParams")),
            ("Namespace", simple("namespace", "*param.NamespaceParams")),
            ("ArtifactsIn", .map(TemplateMap(kind: .object, entries: artifacts))),
            ("ConfigMaps", .map(TemplateMap(kind: .object, entries: TemplateParameters.objects(action.configMapNames, secrets, isSecret: false)))),
            ("Secrets", .map(TemplateMap(kind: .object, entries: TemplateParameters.objects(action.secretNames, secrets, isSecret: true)))),
            ("Time", .string(inputs.time)),
            ("Profile", TemplateParameters.profile(directory: inputs.profileDirectory)),
            ("Options", .strings(inputs.options)),
            ("Object", TemplateParameters.object(inputs)),
            ("PodOverride", .object([:])),
            ("PodLabels", .strings([:])),
            ("PodAnnotations", .strings([:])),
        ]
    }

    /// The parameters with `phases` (completed or started) and the finally phase's record.
    public func value(phases: [String: TemplateValue], deferPhase: TemplateValue? = nil) -> TemplateValue {
        let empty = PhaseRecord().value
        return .record("param.TemplateParams", fixed + [
            ("Phases", .map(TemplateMap(kind: .object, entries: phases))),
            ("DeferPhase", deferPhase ?? empty),
            ("CurrentPhase", .null),
        ])
    }

    static func objects(_ names: [String], _ store: RunSecrets, isSecret: Bool) -> [String: TemplateValue] {
        var entries: [String: TemplateValue] = [:]
        for name in names {
            if isSecret, let data = store.secrets[name] { entries[name] = secret(name: name, namespace: "", data: data) }
            if !isSecret, let data = store.configMaps[name] { entries[name] = configMap(name: name, namespace: "", data: data) }
        }
        return entries
    }

    /// A corev1.Secret: `Data` values are byte strings (templates use `toString`).
    public static func secret(name: String, namespace: String, data: [String: String]) -> TemplateValue {
        .record("v1.Secret", [
            ("Kind", .string("Secret")), ("APIVersion", .string("v1")), ("Name", .string(name)), ("Namespace", .string(namespace)),
            ("Labels", .strings([:])), ("Annotations", .strings([:])),
            ("Data", .map(TemplateMap(kind: .byteStrings, entries: data.mapValues { .bytes(Array($0.utf8)) }))),
            ("StringData", .strings([:])), ("Type", .string("Opaque")),
        ])
    }

    public static func configMap(name: String, namespace: String, data: [String: String]) -> TemplateValue {
        .record("v1.ConfigMap", [
            ("Kind", .string("ConfigMap")), ("APIVersion", .string("v1")), ("Name", .string(name)), ("Namespace", .string(namespace)),
            ("Labels", .strings([:])), ("Annotations", .strings([:])), ("Data", .strings(data)),
        ])
    }

    /// The local profile: a directory store, written as a Location of type `local`.
    static func profile(directory: String) -> TemplateValue {
        .record("*param.Profile", [
            ("Location", .record("crv1alpha1.Location", [
                ("Type", .string("local")), ("Bucket", .string("")), ("Endpoint", .string("")),
                ("Prefix", .string(directory)), ("Region", .string("")),
            ])),
            ("Credential", .record("param.Credential", [
                ("Type", .string("")), ("KeyPair", .null), ("Secret", .null), ("KopiaServerSecret", .null),
            ])),
            ("SkipSSLVerify", .bool(false)),
        ])
    }

    /// `.Object`: the given JSON, or a minimal object with name, namespace and kind.
    static func object(_ inputs: RunInputs) -> TemplateValue {
        if let text = inputs.objectJSON, let value = try? TemplateJSON.decode(text) { return value }
        let kinds = ["statefulset": "StatefulSet", "deployment": "Deployment", "deploymentconfig": "DeploymentConfig",
                     "pvc": "PersistentVolumeClaim", "namespace": "Namespace"]
        var metadata: [String: TemplateValue] = ["name": .string(inputs.subject.name), "labels": .object([:]), "annotations": .object([:])]
        if inputs.subject.kind != "namespace" { metadata["namespace"] = .string(inputs.subject.namespace) }
        return .object([
            "kind": .string(kinds[inputs.subject.kind] ?? inputs.subject.kind), "metadata": .object(metadata),
            "spec": .object([:]), "status": .object([:]),
        ])
    }
}
