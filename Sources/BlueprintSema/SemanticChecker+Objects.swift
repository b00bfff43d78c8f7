// Phase objects are typed: `objects { name: Kind(field: ...) }` entries (and the
// `{ kind: ..., name: ... }` maps a YAML blueprint gives) are Kanister ObjectReferences,
// and reads of a Secret's or ConfigMap's fields follow template-params.json.

import BlueprintSyntax

extension DiagnosticCode {
    public static let unknownObjectKind = DiagnosticCode("BP2050")
    public static let unfetchedObject = DiagnosticCode("BP2051")
    public static let unknownObjectField = DiagnosticCode("BP2052")
    public static let missingObjectName = DiagnosticCode("BP2053")
    public static let unknownObjectMember = DiagnosticCode("BP2054")
    public static let objectKeyWithoutData = DiagnosticCode("BP2055")
    public static let printedBytes = DiagnosticCode("BP2056")
    public static let badObjectReference = DiagnosticCode("BP2057")
}

/// The kinds of phase object Kanister fetches (`strings.ToLower(ref.Kind)` is
/// `secret` or `configmap`) and exposes as `.Phases.p.Secrets` / `.ConfigMaps`.
enum ObjectKind: Sendable, Equatable {
    case secret, configMap

    /// Kanister compares kinds case-insensitively.
    init?(kind: String) {
        switch kind.lowercased() {
        case "secret": self = .secret
        case "configmap": self = .configMap
        default: return nil
        }
    }

    init(part: PhaseReference.Part) {
        self = part == .secrets ? .secret : .configMap
    }

    /// The constructor and Kubernetes kind: `Secret`, `ConfigMap`.
    var typeName: String { self == .secret ? "Secret" : "ConfigMap" }

    /// The field whose values are `[]byte` (template-params.json: `map[string][]byte`).
    var bytesField: String { self == .secret ? "Data" : "BinaryData" }

    /// The fields a template reads on the object (template-params.json).
    var fields: [String] { self == .secret ? KanisterCatalog.secretFields : KanisterCatalog.configMapFields }

    /// How an expression (`dump.secrets.x`) or a template (`.Phases.dump.Secrets.x`) names the part.
    func partSpelling(isTemplate: Bool) -> String {
        switch self {
        case .secret: isTemplate ? "Secrets" : "secrets"
        case .configMap: isTemplate ? "ConfigMaps" : "configMaps"
        }
    }
}

extension KanisterCatalog {
    /// The fields of an ObjectReference (crv1alpha1), which Kanister's decoding holds phase objects to.
    static let objectReferenceFields = ["apiVersion", "group", "resource", "kind", "name", "namespace"]

    /// `fields.Secrets.value.fields` of template-params.json, with the embedded
    /// `ObjectMeta` and `TypeMeta` whose fields it notes are promoted.
    static let secretFields = objectFields(of: "Secrets")
    static let configMapFields = objectFields(of: "ConfigMaps")

    static func objectFields(of root: String) -> [String] {
        guard case .map(.structure(let fields))? = rootTypes[root] else { return [] }
        return fields.keys.sorted() + ["ObjectMeta", "TypeMeta"]
    }
}

extension SemanticChecker {
    /// Each entry of `objects { ... }`: its kind, its fields, its name.
    mutating func checkObjects(_ block: ObjectsBlock) {
        for entry in block.entries {
            let name = entry.key.constantText ?? "object"
            switch entry.value.kind {
            case .call(let callee, let arguments):
                guard case .identifier(let kind) = callee.kind else {
                    reportObjectShape(name, at: entry.value.range)
                    continue
                }
                let fetched = checkObjectKind(kind, at: callee.range, object: name)
                var labels: [String] = []
                for argument in arguments {
                    guard let label = argument.label else {
                        report(.badObjectReference, "the fields of object '\(name)' are labelled: name: ..., namespace: ...", at: argument.range)
                        // Reported once: an unlabelled field is most likely the name.
                        labels.append("name")
                        continue
                    }
                    checkObjectFieldValue(argument.value, field: label.text, object: name)
                    if label.text == "kind" {
                        report(.unknownObjectField, "the kind of object '\(name)' is its constructor, \(kind)(...); leave out 'kind:'", at: label.range)
                        continue
                    }
                    // A misspelt `name` is reported once, as the misspelling.
                    labels.append(checkObjectField(label.text, at: label.range, object: name) ?? label.text)
                }
                if let fetched { checkObjectName(of: name, kind: fetched, fields: labels, at: callee.range) }
            case .map(let entries):
                var fetched: ObjectKind?
                var hasKind = false
                var labels: [String] = []
                for field in entries {
                    guard let key = field.key.constantText else { continue }
                    checkObjectFieldValue(field.value, field: key, object: name)
                    labels.append(checkObjectField(key, at: field.key.range, object: name) ?? key)
                    guard key == "kind" else { continue }
                    hasKind = true
                    if let kind = SemanticChecker.constantName(field.value) {
                        fetched = checkObjectKind(kind, at: SemanticChecker.contentRange(of: field.value), object: name)
                    }
                }
                if !hasKind {
                    report(
                        .unfetchedObject, "object '\(name)' has no kind; Kanister fetches only objects of kind Secret or ConfigMap", at: entry.key.range,
                        severity: .warning)
                }
                if let fetched {
                    checkObjectName(of: name, kind: fetched, fields: labels, at: entry.key.range)
                }
            default:
                reportObjectShape(name, at: entry.value.range)
            }
        }
    }

    mutating func reportObjectShape(_ object: String, at range: SourceRange) {
        report(
            .badObjectReference, "object '\(object)' is an object reference, written Kind(name: ..., namespace: ...) or { kind: ..., name: ... }",
            at: range)
    }

    /// The fields of an ObjectReference are strings (a template renders to one).
    mutating func checkObjectFieldValue(_ value: Expr, field: String, object: String) {
        let shape: String
        switch value.kind {
        case .list: shape = "a list"
        case .map: shape = "a map"
        default: return
        }
        report(.badObjectReference, "field '\(field)' of object '\(object)' must be a string, not \(shape)", at: value.range)
    }

    /// The range of a string's text without its quotes (a YAML scalar's too), else the expression's.
    static func contentRange(of expr: Expr) -> SourceRange {
        guard case .string(let literal) = expr.kind, literal.segments.count == 1, let text = literal.constantText else { return expr.range }
        return SourceRange(literal.sourceOffset(segment: 0, textOffset: 0), literal.sourceOffset(segment: 0, textOffset: text.utf8.count))
    }

    /// The text of a constant string or an identifier.
    static func constantName(_ expr: Expr) -> String? {
        switch expr.kind {
        case .string(let literal): literal.constantText
        case .identifier(let name): name
        default: nil
        }
    }

    /// A kind Kanister fetches; a near miss of one is an error, any other kind a warning.
    mutating func checkObjectKind(_ kind: String, at range: SourceRange, object: String) -> ObjectKind? {
        if let known = ObjectKind(kind: kind) { return known }
        guard !kind.containsTemplateOpen else { return nil }
        let kinds = ["Secret", "ConfigMap"]
        if let near = Suggestions.closest(to: kind, in: kinds) {
            report(
                .unknownObjectKind,
                "unknown object kind '\(kind)' (Kanister fetches only Secret and ConfigMap objects)\(Suggestions.hint(for: kind, in: kinds))",
                at: range, fixIts: [FixIt(range: range, replacement: near)])
        } else {
            report(
                .unfetchedObject,
                "Kanister fetches only Secret and ConfigMap objects; object '\(object)' of kind '\(kind)' is rendered and never read", at: range,
                severity: .warning)
        }
        return nil
    }

    /// A field of an ObjectReference; Kanister's decoding rejects any other (case-sensitive).
    /// Returns the field it looks like a misspelling of.
    @discardableResult
    mutating func checkObjectField(_ field: String, at range: SourceRange, object: String) -> String? {
        let fields = KanisterCatalog.objectReferenceFields
        guard !fields.contains(field) else { return field }
        let near = Suggestions.closest(to: field, in: fields)
        report(
            .unknownObjectField,
            "object '\(object)' has no field '\(field)' (an object reference has \(fields.joined(separator: ", ")))\(Suggestions.hint(for: field, in: fields))",
            at: range, fixIts: near.map { [FixIt(range: range, replacement: $0)] } ?? [])
        return near
    }

    /// Kanister looks a Secret or ConfigMap up by its name: without one the phase fails.
    mutating func checkObjectName(of object: String, kind: ObjectKind, fields: [String], at range: SourceRange) {
        guard !fields.contains("name") else { return }
        report(.missingObjectName, "\(kind.typeName) object '\(object)' needs a name: Kanister fetches it by name before the phase runs", at: range)
    }

    /// The objects of a phase call that Kanister fetches, by entry name, with their kinds and keys.
    func fetchedObjects(of call: ExpandedCall) -> [(name: String, kind: ObjectKind, key: SourceRange)] {
        var objects: [(name: String, kind: ObjectKind, key: SourceRange)] = []
        for case .objects(let block) in call.items {
            for entry in block.entries {
                guard let name = entry.key.constantText, let kind = objectKind(entry.value).flatMap(ObjectKind.init(kind:)) else { continue }
                objects.append((name, kind, entry.key.range))
            }
        }
        return objects
    }

    /// `dump.secrets.x...` or `.Phases.dump.Secrets.x...`: an object of the phase, of that kind, and its fields.
    mutating func checkObjectName(
        _ name: String, _ range: SourceRange, of phase: PhaseInfo, part: PhaseReference.Part, rest: ArraySlice<(String, SourceRange)>
    ) {
        checkObjectRead(name, range, in: fetchedObjects(of: expansion(of: phase)), kind: ObjectKind(part: part), owner: (phase.name, "phase"), rest: rest)
    }

    /// The check of a read of object `name` among `objects` (those of `owner`, a phase or a compensation).
    mutating func checkObjectRead(
        _ name: String, _ range: SourceRange, in objects: [(name: String, kind: ObjectKind, key: SourceRange)], kind: ObjectKind,
        owner: (name: String, what: String), rest: ArraySlice<(String, SourceRange)>
    ) {
        if let object = objects.first(where: { $0.name == name && $0.kind == kind }) {
            checkObjectMembers(kind, object: (name, range), rest: rest, declared: object.key)
            return
        }
        let note = objects.first { $0.name == name }.map { DiagnosticNote("'\(name)' is declared here", range: $0.key) }
        if let other = note.flatMap({ _ in objects.first { $0.name == name }?.kind }) {
            let spelling =
                context.isTemplate
                ? ".Phases.\(owner.name).\(other.partSpelling(isTemplate: true)).\(name)" : "\(owner.name).\(other.partSpelling(isTemplate: false)).\(name)"
            report(
                .undeclaredObject, "'\(name)' is a \(other.typeName) of \(owner.what) '\(owner.name)': read it as \(spelling)", at: range,
                notes: note.map { [$0] } ?? [])
            return
        }
        let lower = kind == .secret ? "secret" : "configmap"
        let candidates = objects.filter { $0.kind == kind }.map(\.name)
        let advice = owner.what == "phase" ? "; declare it in objects { \(name): \(kind.typeName)(...) }" : ""
        report(
            .undeclaredObject, "\(owner.what) '\(owner.name)' has no \(lower) object '\(name)'\(Suggestions.hint(for: name, in: candidates))\(advice)",
            at: range)
    }

    /// The path after a Secret or ConfigMap: its first element must be a field of
    /// the type (`Data`, `Name`, ...); a key read on the object itself goes through `Data`.
    mutating func checkObjectMembers(_ kind: ObjectKind, object: (String, SourceRange), rest: ArraySlice<(String, SourceRange)>, declared: SourceRange?) {
        guard let (member, range) = rest.first else { return }
        let fields = kind.fields
        guard !fields.isEmpty, !fields.contains(member) else {
            // A value of Data (bytes of a Secret, a ConfigMap's string) or BinaryData has no fields, nor has a string field.
            if member == "Data" || member == kind.bytesField, let (key, _) = rest.dropFirst().first, let read = rest.dropFirst(2).first {
                reportValueRead(read, on: "\(kind.typeName) \(member) value '\(key)'", kind: member == kind.bytesField ? "a list of bytes" : "a string")
            } else if let read = rest.dropFirst().first,
                case .scalar = KanisterCatalog.type(of: [kind == .secret ? "Secrets" : "ConfigMaps", object.0, member])
            {
                reportValueRead(read, on: "the \(member) of \(kind.typeName) '\(object.0)'")
            } else if member == kind.bytesField, let (_, keyRange) = rest.dropFirst().first, !context.isFunctionInput {
                report(
                    .printedBytes,
                    "\(kind.typeName) \(member) values are bytes, which a template prints as a list of numbers; pipe the value through toString",
                    at: range.union(keyRange), severity: .warning, fixIts: [FixIt(range: SourceRange(keyRange.end, keyRange.end), replacement: " | toString")])
            }
            return
        }
        // A quoted key (`x["k"]` in an expression) spans more than its text: it is a key, not a field.
        let isIndexKey = range.end - range.start != member.utf8.count && !context.isTemplate
        let near = isIndexKey ? nil : Suggestions.closest(to: member, in: fields)
        let notes = declared.map { [DiagnosticNote("'\(object.0)' is declared here", range: $0)] } ?? []
        if let near {
            report(
                .unknownObjectMember, "a \(kind.typeName) has no field '\(member)'; did you mean '\(near)'?", at: range, notes: notes,
                fixIts: [FixIt(range: range, replacement: near)])
            return
        }
        let dataField = "Data"
        report(
            .objectKeyWithoutData,
            "'\(member)' is not a field of a \(kind.typeName): its keys are read through \(dataField); insert .\(dataField) after '\(object.0)'", at: range,
            notes: notes, fixIts: [FixIt(range: SourceRange(object.1.end, object.1.end), replacement: "." + dataField)])
    }

    /// `.Secrets.x...` / `.ConfigMaps.x...` or the action's `secret x` read as `x...`: declared, and its fields.
    mutating func checkActionObject(_ name: String, _ range: SourceRange, kind: ObjectKind, rest: ArraySlice<(String, SourceRange)>) {
        let declared = (kind == .secret ? context.action?.secrets : context.action?.configMaps) ?? []
        if let decl = declared.first(where: { $0.text == name }) {
            checkObjectMembers(kind, object: (name, range), rest: rest, declared: decl.range)
            return
        }
        let otherKind: ObjectKind = kind == .secret ? .configMap : .secret
        let others = (otherKind == .secret ? context.action?.secrets : context.action?.configMaps) ?? []
        if let other = others.first(where: { $0.text == name }) {
            report(
                .undeclaredSecret,
                "'\(name)' is a \(otherKind == .secret ? "secret" : "configmap") of this action: read it as .\(otherKind.partSpelling(isTemplate: true)).\(name)",
                at: range, notes: [DiagnosticNote("'\(name)' is declared here", range: other.range)])
            return
        }
        let what = kind == .secret ? "secret" : "configmap"
        checkDeclared(name, range, in: declared, what: what, keyword: what)
        // Without a list Kanister takes any name the ActionSet gives (a warning); the type is still known.
        if declared.isEmpty { checkObjectMembers(kind, object: (name, range), rest: rest, declared: nil) }
    }
}

extension SemanticChecker {
    /// Checks an input of a function (a call's argument, a pipe's left side),
    /// whose value the function converts rather than prints as it is.
    mutating func checkFunctionInput(_ input: Expr) {
        let outer = context.isFunctionInput
        context.isFunctionInput = true
        checkExpression(input)
        context.isFunctionInput = outer
    }

    /// Whether a template prints the reference as it is: `{{ .X.Data.k }}` or
    /// `{{ index .X.Data "k" }}`, with nothing but the action's delimiters around it.
    static func isPrintedAsIs(_ reference: TemplateReference, in text: String) -> Bool {
        guard let first = reference.ranges.first, let last = reference.ranges.last else { return false }
        if let answer = text.utf8.withContiguousStorageIfAvailable({ isPrintedAsIs(from: first.lowerBound, to: last.upperBound, in: $0) }) {
            return answer
        }
        return Array(text.utf8).withUnsafeBufferPointer { isPrintedAsIs(from: first.lowerBound, to: last.upperBound, in: $0) }
    }

    /// The byte scan of `isPrintedAsIs`: only the blanks and words next to the reference are read.
    static func isPrintedAsIs(from start: Int, to end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard start <= end, end <= bytes.count else { return false }
        func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var cursor = start
        while cursor > 0, isBlank(bytes[cursor - 1]) { cursor -= 1 }
        // `index` before the reference, compared in place (no array per reference).
        if cursor >= 5, bytes[cursor - 5] == UInt8(ascii: "i"), bytes[cursor - 4] == UInt8(ascii: "n"),
            bytes[cursor - 3] == UInt8(ascii: "d"), bytes[cursor - 2] == UInt8(ascii: "e"), bytes[cursor - 1] == UInt8(ascii: "x")
        {
            cursor -= 5
            while cursor > 0, isBlank(bytes[cursor - 1]) { cursor -= 1 }
        }
        if cursor > 0, bytes[cursor - 1] == UInt8(ascii: "-") { cursor -= 1 }
        guard cursor >= 2, bytes[cursor - 1] == UInt8(ascii: "{"), bytes[cursor - 2] == UInt8(ascii: "{") else { return false }
        var after = end
        if after < bytes.count, bytes[after] == UInt8(ascii: "\"") { after += 1 }
        while after < bytes.count, isBlank(bytes[after]) { after += 1 }
        if after < bytes.count, bytes[after] == UInt8(ascii: "-") { after += 1 }
        return after + 1 < bytes.count && bytes[after] == UInt8(ascii: "}") && bytes[after + 1] == UInt8(ascii: "}")
    }
}
