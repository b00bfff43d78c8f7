// Rendering a node's phase just before it runs: every string of its arguments
// (map keys too) and object references goes through the template evaluator with
// the parameters known at that point; secrets and configmaps are looked up.

import BlueprintPlan

struct PhaseRenderer: Sendable {
    let evaluator: TemplateEvaluator
    let parameters: TemplateParameters
    let secrets: RunSecrets
    /// Dry runs: a missing secret or configmap is empty instead of an error.
    let isLenient: Bool

    /// The rendered phase and what it adds to `.Phases` (its objects).
    /// Whether a `when` condition (a Go pipeline) holds, rendered as Kanister would
    /// render the wrapper's condition argument: `.Phases` holds the completed phases.
    func holds(_ condition: String, phases: [String: TemplateValue]) throws -> Bool {
        try renderString(PhaseCondition.template(condition), data: parameters.value(phases: phases), what: "when") == "true"
    }

    func render(_ node: RunNode, phases: [String: TemplateValue], deferPhase: TemplateValue? = nil) throws -> (RenderedPhase, PhaseRecord) {
        var rendered = RenderedPhase(name: node.name, kind: node.kind, function: node.phase.function)
        let (objects, record) = try renderObjects(node, phases: phases)
        rendered.objects = objects
        guard node.phase.args.contains(where: { $0.hasTemplate }) else {
            rendered.args = node.phase.args
            return (rendered, record)
        }
        // Kanister's `.Phases` holds the running phase too (its objects, no output
        // yet); the finally phase is `.DeferPhase` instead.
        var visible = phases
        if node.kind != .finally { visible[node.name] = record.value }
        let data = parameters.value(phases: visible, deferPhase: node.kind == .finally ? record.value : deferPhase)
        let isRaw = ["wait", "waitv2"].contains(node.phase.function.lowercased())
        rendered.args = try node.phase.args.map { entry in
            if isRaw { return entry }
            let key = try renderString(entry.key, data: data, what: entry.key)
            return KanisterEntry(key, try renderValue(entry.value, data: data, what: entry.key))
        }
        return (rendered, record)
    }

    /// The phase's object references, rendered, and the secrets and configmaps they name.
    func renderObjects(_ node: RunNode, phases: [String: TemplateValue]) throws -> ([String: [String: String]], PhaseRecord) {
        var record = PhaseRecord()
        var objects: [String: [String: String]] = [:]
        guard !node.phase.objects.isEmpty else { return (objects, record) }
        let needsData = node.phase.objects.contains { $0.fields.contains { $0.hasTemplate } }
        let data = needsData ? parameters.value(phases: phases) : .null
        for object in node.phase.objects {
            var fields: [String: String] = [:]
            for field in object.fields {
                guard case .string(let text) = field.value else { continue }
                fields[field.key] = try renderString(text, data: data, what: "objects.\(object.name).\(field.key)")
            }
            objects[object.name] = fields
            try resolve(object.name, fields, into: &record)
        }
        return (objects, record)
    }

    func renderValue(_ value: KanisterValue, data: TemplateValue, what: String) throws -> KanisterValue {
        switch value {
        case .string(let text): return .string(try renderString(text, data: data, what: what))
        case .list(let items): return .list(try items.map { try renderValue($0, data: data, what: what) })
        case .map(let entries):
            return .map(
                try entries.map { entry in
                    KanisterEntry(try renderString(entry.key, data: data, what: what), try renderValue(entry.value, data: data, what: what))
                })
        default: return value
        }
    }

    func renderString(_ text: String, data: TemplateValue, what: String) throws -> String {
        guard text.contains("{{") else { return text }
        do {
            return try evaluator.render(text, data: data)
        } catch let error as TemplateError {
            throw PhaseFailure("cannot render \(what): \(error.message)")
        }
    }

    /// Secrets and configmaps of the phase's `objects`, served from the run's store.
    func resolve(_ name: String, _ fields: [String: String], into record: inout PhaseRecord) throws {
        let kind = (fields["kind"] ?? "").lowercased()
        let objectName = fields["name"] ?? ""
        let namespace = fields["namespace"] ?? ""
        if kind == "secret" {
            guard let data = secrets.secrets[objectName] ?? (isLenient ? [:] : nil) else {
                throw PhaseFailure("secret '\(namespace)/\(objectName)' (object '\(name)') is not known; give it with --secret \(objectName)/KEY=VALUE")
            }
            record.secrets[name] = TemplateParameters.secret(name: objectName, namespace: namespace, data: data)
            if isLenient, secrets.secrets[objectName] == nil {
                record.secrets[name] = TemplateParameters.unknown(record.secrets[name], objectName)
            }
        } else if kind == "configmap" {
            guard let data = secrets.configMaps[objectName] ?? (isLenient ? [:] : nil) else {
                throw PhaseFailure(
                    "configmap '\(namespace)/\(objectName)' (object '\(name)') is not known; give it with --configmap \(objectName)/KEY=VALUE")
            }
            record.configMaps[name] = TemplateParameters.configMap(name: objectName, namespace: namespace, data: data)
            if isLenient, secrets.configMaps[objectName] == nil {
                record.configMaps[name] = TemplateParameters.unknown(record.configMaps[name], objectName)
            }
        }
    }
}

extension KanisterEntry {
    var hasTemplate: Bool { key.contains("{{") || value.hasTemplate }
}

extension KanisterValue {
    var hasTemplate: Bool {
        switch self {
        case .string(let text): text.contains("{{")
        case .list(let items): items.contains { $0.hasTemplate }
        case .map(let entries): entries.contains { $0.hasTemplate }
        default: false
        }
    }
}
