// Keys given twice: an argument (labelled ones of a call too), a key of any map
// (nested, podLabels, metadata, an artifact's keyValue), an object or an output name. Kanister's YAML decoder
// refuses a duplicate key, and the compiler would write one; checked on the syntax
// as written (def expansion lets a use site's argument replace the def's).

import BlueprintSyntax

extension SemanticChecker {
    /// Every map-like thing in the main file, once.
    mutating func checkDuplicateKeys() {
        for declaration in main.syntax.declarations {
            switch declaration {
            case .blueprint(let decl): checkUniqueEntries(decl.metadata ?? [], what: "metadata field")
            case .constant(let decl): checkDuplicateKeys(in: decl.value)
            case .definition(let decl): checkDuplicateKeys(in: decl.call)
            case .action(let decl):
                for item in decl.items { checkDuplicateKeys(in: item) }
                checkUniqueOutputArtifacts(decl)
            case .importFile, .allow, .error: break
            }
        }
    }

    mutating func checkDuplicateKeys(in item: ActionItem) {
        switch item {
        case .output(let decl):
            if let value = decl.value { checkDuplicateKeys(in: value) }
            checkUniqueEntries(decl.keyValues ?? [], what: "keyValue key")
        case .phase(let decl), .finally(let decl): checkDuplicateKeys(in: decl.call)
        case .parallel(let group): for phase in group.phases { checkDuplicateKeys(in: phase.call) }
        case .constant(let decl): checkDuplicateKeys(in: decl.value)
        case .input, .secret, .configMap, .error: break
        }
    }

    /// A phase call's arguments, objects and outputs, and its inline compensations.
    mutating func checkDuplicateKeys(in call: PhaseCall) {
        checkUniqueLabels(call.arguments ?? [])
        var arguments: [MapEntry] = []
        var objects: [MapEntry] = []
        var outputs: [Name] = []
        for item in call.body?.items ?? [] {
            switch item {
            case .argument(let entry): arguments.append(entry)
            case .objects(let block): objects += block.entries
            case .outputs(let decl): outputs += decl.names
            }
        }
        checkUniqueEntries(arguments, what: "argument")
        checkUniqueEntries(objects, what: "object")
        checkDuplicateNames(outputs, what: "output", code: .duplicateKey)
        for case .undoInline(_, let compensation, _) in call.clauses { checkDuplicateKeys(in: compensation) }
    }

    /// Maps nested anywhere in an expression.
    mutating func checkDuplicateKeys(in expr: Expr) {
        switch expr.kind {
        case .map(let entries): checkUniqueEntries(entries, what: "key")
        case .list(let elements): for element in elements { checkDuplicateKeys(in: element) }
        case .parenthesized(let inner): checkDuplicateKeys(in: inner)
        case .call(_, let arguments): checkUniqueLabels(arguments)
        default: break
        }
    }

    /// The labels of one call's arguments (`Secret(name: a, name: b)`) are distinct; values are searched too.
    mutating func checkUniqueLabels(_ arguments: [CallArgument]) {
        var seen: [String: Name] = [:]
        for argument in arguments {
            checkDuplicateKeys(in: argument.value)
            guard let label = argument.label else { continue }
            if let first = seen[label.text] {
                report(
                    .duplicateKey, "argument '\(label.text)' is given twice; only one can be written", at: label.range,
                    notes: [DiagnosticNote("first given here", range: first.range)])
            } else {
                seen[label.text] = label
            }
        }
    }

    /// The entries of one map have distinct constant keys; values are searched too.
    mutating func checkUniqueEntries(_ entries: [MapEntry], what: String) {
        var seen: [String: MapEntry] = [:]
        for entry in entries {
            checkDuplicateKeys(in: entry.value)
            guard let key = entry.key.constantText else { continue }
            if let first = seen[key] {
                report(
                    .duplicateKey, "\(what) '\(key)' is given twice; Kanister's decoder refuses a duplicate key", at: entry.key.range,
                    notes: [DiagnosticNote("first given here", range: first.key.range)])
            } else {
                seen[key] = entry
            }
        }
    }

    /// `output NAME` twice in one action (two outputArtifacts keys in YAML).
    mutating func checkUniqueOutputArtifacts(_ action: ActionDecl) {
        var seen: [String: Name] = [:]
        for case .output(let decl) in action.items {
            if let first = seen[decl.name.text] {
                report(
                    .duplicateKey, "output artifact '\(decl.name.text)' is declared twice in action '\(action.name.text)'", at: decl.name.range,
                    notes: [DiagnosticNote("first declared here", range: first.range)])
            } else {
                seen[decl.name.text] = decl.name
            }
        }
    }
}
