// Reading an ActionSet as `kubectl get actionset -o yaml` prints it: its spec
// (options, secrets, profile, artifacts) and its status (state, each action's
// phases with their state and output), with positions for diagnostics.

import BlueprintSyntax

/// One `status.actions[].phases[]` entry.
public struct ActionSetPhaseStatus: Sendable, Equatable {
    public var name: String
    /// pending, running, failed or complete.
    public var state: String
    /// Output values that are scalars, as text (what `{{ .Phases.X.Output.k }}` prints).
    public var output: [String: String]
    /// Output keys whose value is a map or a list: no option can carry them.
    public var structuredKeys: [String]
}

/// One action of a read ActionSet: its spec and its status.
public struct ActionSetActionStatus: Sendable, Equatable {
    public var spec: ActionSetAction
    public var phases: [ActionSetPhaseStatus]
    public var deferPhase: ActionSetPhaseStatus?
    /// The output artifacts the action rendered (`status.actions[].artifacts`).
    public var artifacts: [String: ActionSetArtifact]
    /// Where the action is in the file (its `spec.actions[]` entry).
    public var range: SourceRange
}

/// An ActionSet read back from the cluster.
public struct ActionSetDocument: Sendable, Equatable {
    public var name: String?
    public var namespace: String?
    /// `status.state`, nil when the document has no status.
    public var state: String?
    public var errorMessage: String?
    public var actions: [ActionSetActionStatus]

    /// Reads the one ActionSet in `bytes`; problems are diagnostics at their YAML position.
    public static func read(_ bytes: [UInt8]) -> (document: ActionSetDocument?, diagnostics: [Diagnostic]) {
        var reader = ActionSetReader()
        let document = reader.read(bytes)
        return (document, reader.diagnostics)
    }
}

extension DiagnosticCode {
    /// A file given as an ActionSet is not one, or lacks what the command needs.
    public static let actionSetDocument = DiagnosticCode("BP4051")
}

struct ActionSetReader {
    var diagnostics: [Diagnostic] = []

    mutating func fail(_ message: String, at node: YAMLNode?) {
        let range = node.map { SourceRange($0.start.offset, max($0.start.offset + 1, $0.end.offset)) } ?? SourceRange(0, 0)
        diagnostics.append(.error(.actionSetDocument, message, at: range))
    }

    mutating func read(_ bytes: [UInt8]) -> ActionSetDocument? {
        let root: YAMLNode
        switch YAMLReader.parse(bytes: bytes) {
        case .failure(let error):
            diagnostics.append(.error(.actionSetDocument, error.message, at: SourceRange(error.offset, error.offset)))
            return nil
        case .success(let documents):
            guard documents.count == 1, let only = documents.first else {
                fail("expected one YAML document (an ActionSet), found \(documents.count)", at: documents.dropFirst().first)
                return nil
            }
            root = only
        }
        guard var mapping = root.mapping else {
            fail("an ActionSet is a mapping", at: root)
            return nil
        }
        // `kubectl get actionset -o yaml` without a name prints a List.
        if mapping["kind"]?.scalar?.value == "List" {
            let items = mapping["items"]?.sequence?.items ?? []
            guard items.count == 1, let item = items.first?.mapping else {
                fail("the List holds \(items.count) items; give one ActionSet (kubectl get actionset NAME -o yaml)", at: mapping["items"] ?? root)
                return nil
            }
            mapping = item
        }
        guard mapping["kind"]?.scalar?.value == KanisterActionSet.kind else {
            fail("not an ActionSet (kind: \(mapping["kind"]?.scalar?.value ?? "missing"))", at: mapping["kind"] ?? root)
            return nil
        }
        let metadata = mapping["metadata"]?.mapping
        var document = ActionSetDocument(
            name: metadata?["name"]?.scalar?.value, namespace: metadata?["namespace"]?.scalar?.value,
            state: nil, errorMessage: nil, actions: [])
        let specs = mapping["spec"]?.mapping?["actions"]?.sequence?.items ?? []
        let status = mapping["status"]?.mapping
        document.state = status?["state"]?.scalar?.value
        document.errorMessage = status?["error"]?.mapping?["message"]?.scalar?.value
        let statuses = status?["actions"]?.sequence?.items ?? []
        for (index, node) in specs.enumerated() {
            guard let spec = readSpec(node) else { continue }
            let statusNode = index < statuses.count ? statuses[index].mapping : nil
            let phases = (statusNode?["phases"]?.sequence?.items ?? []).compactMap(readPhase)
            let deferPhase = statusNode?["deferPhase"].flatMap(readPhase)
            let artifacts = statusNode?["artifacts"].map(readArtifacts) ?? [:]
            let range = SourceRange(node.start.offset, node.end.offset)
            document.actions.append(ActionSetActionStatus(spec: spec, phases: phases, deferPhase: deferPhase, artifacts: artifacts, range: range))
        }
        return document
    }

    mutating func readSpec(_ node: YAMLNode) -> ActionSetAction? {
        guard let mapping = node.mapping, let name = mapping["name"]?.scalar?.value else {
            fail("an action of spec.actions has no name", at: node)
            return nil
        }
        guard let object = mapping["object"].flatMap(readReference) else {
            fail("action '\(name)' has no object", at: node)
            return nil
        }
        var action = ActionSetAction(name: name, blueprint: mapping["blueprint"]?.scalar?.value ?? "", object: object)
        action.profile = mapping["profile"].flatMap(readReference)
        action.secrets = readReferences(mapping["secrets"])
        action.configMaps = readReferences(mapping["configMaps"])
        action.options = readStrings(mapping["options"])
        action.artifacts = mapping["artifacts"].map(readArtifacts) ?? [:]
        return action
    }

    func readReference(_ node: YAMLNode) -> ActionSetObjectReference? {
        guard let mapping = node.mapping, let name = mapping["name"]?.scalar?.value else { return nil }
        var reference = ActionSetObjectReference(
            kind: mapping["kind"]?.scalar?.value ?? "", namespace: mapping["namespace"]?.scalar?.value ?? "", name: name)
        reference.apiVersion = mapping["apiVersion"]?.scalar?.value ?? ""
        reference.group = mapping["group"]?.scalar?.value ?? ""
        reference.resource = mapping["resource"]?.scalar?.value ?? ""
        return reference
    }

    func readReferences(_ node: YAMLNode?) -> [String: ActionSetObjectReference] {
        var result: [String: ActionSetObjectReference] = [:]
        for pair in node?.mapping?.pairs ?? [] {
            if let key = pair.key.scalar?.value, let reference = readReference(pair.value) { result[key] = reference }
        }
        return result
    }

    func readStrings(_ node: YAMLNode?) -> [String: String] {
        var result: [String: String] = [:]
        for pair in node?.mapping?.pairs ?? [] {
            if let key = pair.key.scalar?.value, let value = pair.value.scalar, !value.isNull { result[key] = value.value }
        }
        return result
    }

    func readArtifacts(_ node: YAMLNode) -> [String: ActionSetArtifact] {
        var result: [String: ActionSetArtifact] = [:]
        for pair in node.mapping?.pairs ?? [] {
            guard let key = pair.key.scalar?.value, let mapping = pair.value.mapping else { continue }
            result[key] = ActionSetArtifact(keyValue: readStrings(mapping["keyValue"]), kopiaSnapshot: mapping["kopiaSnapshot"]?.scalar?.value)
        }
        return result
    }

    func readPhase(_ node: YAMLNode) -> ActionSetPhaseStatus? {
        guard let mapping = node.mapping, let name = mapping["name"]?.scalar?.value else { return nil }
        var output: [String: String] = [:]
        var structured: [String] = []
        for pair in mapping["output"]?.mapping?.pairs ?? [] {
            guard let key = pair.key.scalar?.value else { continue }
            if let scalar = pair.value.scalar, !scalar.isNull { output[key] = scalar.value } else { structured.append(key) }
        }
        return ActionSetPhaseStatus(name: name, state: mapping["state"]?.scalar?.value ?? "", output: output, structuredKeys: structured)
    }
}
