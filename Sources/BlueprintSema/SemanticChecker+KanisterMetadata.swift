// Labels and annotations: a phase's podLabels / podAnnotations (Kanister's
// Validate checks them before rendering) and the blueprint's own metadata
// (a Kubernetes ObjectMeta: known fields, labels and annotations as maps of strings).

import BlueprintSyntax

extension SemanticChecker {
    /// The blueprint's own metadata (keys given twice are `checkDuplicateKeys`, run
    /// beside the actions' checks).
    mutating func checkKanisterRules() {
        for case .blueprint(let decl) in main.syntax.declarations { checkBlueprintMetadata(decl) }
    }

    /// ObjectMeta's fields (kcheck's objectMetaFields); the later ones are set by the server.
    static let objectMetaFields = [
        "name", "generateName", "namespace", "labels", "annotations", "uid", "resourceVersion", "generation",
        "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "ownerReferences", "finalizers",
        "managedFields", "selfLink",
    ]

    static let qualifiedNameRule =
        "a qualified name: an optional DNS subdomain prefix and '/', then at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric"
    static let labelValueRule = "at most 63 alphanumerics, '-', '_' or '.', starting and ending alphanumeric (or empty)"

    /// `podLabels` / `podAnnotations`: a map whose keys (and, for labels, values)
    /// are constants of Kubernetes syntax, since Kanister checks them before rendering.
    mutating func checkPodMetadata(_ value: Expr, key: String) {
        let map = followingLets(value)
        let shape = ValueShape(map) { resolveInAction($0) }
        switch shape {
        case .map: break
        case .null, .unknown: return
        default:
            report(.podMetadata, "\(key) must be a map, not \(shape.spelling) (Kanister's Validate decodes it before rendering)", at: value.range)
            return
        }
        guard case .map(let entries) = map.kind else { return }
        checkLabelEntries(entries, what: key, code: .podMetadata, checksValues: key == "podLabels")
    }

    /// The keys (and values) of a labels or annotations map. Values that are not
    /// strings are errors for metadata and skipped by Kanister for pods (a warning).
    mutating func checkLabelEntries(_ entries: [MapEntry], what: String, code: DiagnosticCode, checksValues: Bool) {
        let isPod = code == .podMetadata
        let when = isPod ? "Kanister checks \(what) before rendering" : "Kanister never renders a Blueprint's metadata"
        for entry in entries {
            if let name = entry.key.constantText, !name.containsTemplateOpen {
                if !KubernetesNames.isQualifiedName(name) {
                    report(code, "\(what) key '\(name)' is not \(SemanticChecker.qualifiedNameRule)", at: entry.key.range)
                }
            } else {
                report(code, "\(what) key is a template; \(when), so it must be a constant", at: entry.key.range)
            }
            let shape = ValueShape(followingLets(entry.value)) { resolveInAction($0) }
            switch shape {
            case .string(let text?) where !text.containsTemplateOpen || !checksValues:
                if checksValues, !KubernetesNames.isLabelValue(text) {
                    report(code, "\(what) value \"\(text)\" is not a valid label value: \(SemanticChecker.labelValueRule)", at: entry.value.range)
                }
            case .string, .scalar:
                if checksValues || !isPod {
                    report(code, "\(what) value is computed at render time; \(when), so it must be a constant", at: entry.value.range)
                }
            case .unknown: break
            case .null where isPod: break  // BP2030 (the renderer panics on it)
            default:
                let message = "\(what) value must be a string, not \(shape.spelling)"
                if isPod {
                    report(code, message + "; Kanister skips it", at: entry.value.range, severity: .warning)
                } else {
                    report(code, message, at: entry.value.range)
                }
            }
        }
    }

    /// `blueprint NAME { ... }`: ObjectMeta fields only; labels and annotations
    /// are maps of strings with Kubernetes keys; names are strings.
    mutating func checkBlueprintMetadata(_ decl: BlueprintDecl) {
        for entry in decl.metadata ?? [] {
            guard let field = entry.key.constantText else {
                report(.unknownMetadataField, "a metadata field name must be a constant", at: entry.key.range)
                continue
            }
            guard SemanticChecker.objectMetaFields.contains(field) else {
                let sameInAnyCase = SemanticChecker.objectMetaFields.first { $0.lowercased() == field.lowercased() }
                let hint = sameInAnyCase.map { "; did you mean '\($0)'? field names are case-sensitive" }
                report(
                    .unknownMetadataField,
                    "unknown metadata field '\(field)': a Blueprint's metadata is a Kubernetes ObjectMeta\(hint ?? Suggestions.hint(for: field, in: SemanticChecker.objectMetaFields))",
                    at: entry.key.range)
                continue
            }
            checkMetadataField(field, entry)
        }
    }

    mutating func checkMetadataField(_ field: String, _ entry: MapEntry) {
        let value = followingLets(entry.value)
        let shape = ValueShape(value) { resolveInAction($0) }
        switch field {
        case "name" where !isYAMLSource:
            report(.badMetadataValue, "the blueprint's name is the one after 'blueprint'; leave 'name' out of its metadata", at: entry.key.range)
        case "name", "generateName", "namespace":
            switch shape {
            case .string(let text?) where !text.containsTemplateOpen: break
            case .string, .scalar:
                report(.badMetadataValue, "metadata.\(field) is computed, but Kanister never renders a Blueprint's metadata", at: entry.value.range)
            case .unknown, .null: break
            default: report(.badMetadataValue, "metadata.\(field) must be a string, not \(shape.spelling)", at: entry.value.range)
            }
        case "labels", "annotations":
            guard case .map(let entries) = value.kind else {
                if case .unknown = shape { return }
                if case .null = shape { return }
                report(.badMetadataValue, "metadata.\(field) must be a map of strings, not \(shape.spelling)", at: entry.value.range)
                return
            }
            checkLabelEntries(entries, what: "metadata.\(field)", code: .badMetadataValue, checksValues: field == "labels")
        default: break
        }
    }
}
