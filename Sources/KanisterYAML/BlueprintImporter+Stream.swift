// `bpc import` of a whole YAML input: each Blueprint of a stream or `kind: List`
// to its own .bp, other objects skipped with a note, and the fields the API
// server sets (what `kubectl get -o yaml` prints) left out unless asked to keep.

import BlueprintSyntax

/// One Blueprint of an imported input.
public struct ImportedBlueprint: Sendable {
    /// `metadata.name`, when it has one.
    public var name: String?
    /// How messages name it (`Blueprint 'mysql'`).
    public var label: String
    /// The .bp text, or nil when it cannot be imported.
    public var source: String?
    /// Its diagnostics (byte offsets into the whole input).
    public var diagnostics: [Diagnostic]
    /// The server-set fields left out, as paths (`metadata.uid`, `status`).
    public var omittedFields: [String]
}

/// Every Blueprint of an input, and the diagnostics of the input as a whole
/// (invalid YAML, no Blueprint, a note per object of another kind).
public struct StreamImportResult: Sendable {
    public var blueprints: [ImportedBlueprint] = []
    public var diagnostics: [Diagnostic] = []

    public var hasErrors: Bool {
        (diagnostics + blueprints.flatMap(\.diagnostics)).contains { $0.severity == .error }
    }
}

extension BlueprintImporter {
    /// Imports each Blueprint of `bytes`. Unless `keepServerFields`, the fields
    /// the API server sets (`ServerFields`) are left out and listed.
    public static func importStream(
        _ bytes: [UInt8], keepServerFields: Bool = false, limits: YAMLReaderLimits = .standard, literal: Bool = false
    ) -> StreamImportResult {
        importStream(
            bytes, keepServerFields: keepServerFields, limits: limits, actionGroups: ImportWriter.actionGroups(forBytes: bytes.count),
            literal: literal)
    }

    static func importStream(
        _ bytes: [UInt8], keepServerFields: Bool = false, limits: YAMLReaderLimits, actionGroups: Int, literal: Bool = false
    ) -> StreamImportResult {
        var result = StreamImportResult()
        let stream: KanisterStream
        switch KanisterStream.read(bytes: bytes, limits: limits) {
        case .failure(let error):
            let offset = min(max(0, error.offset), bytes.count)
            result.diagnostics = [.error(.yamlSyntax, "invalid YAML: \(error.message)", at: SourceRange(offset, offset))]
            return result
        case .success(let read): stream = read
        }
        defer { Parallel.releaseInBackground(stream) }
        if let problem = BlueprintLinter.noBlueprint(in: stream) {
            result.diagnostics = [problem]
            return result
        }
        result.diagnostics = stream.skippedNotes
        for object in stream.objects where object.isBlueprint {
            result.blueprints.append(
                importObject(
                    object, in: bytes, keepServerFields: keepServerFields, namesObject: stream.namesObjects, actionGroups: actionGroups,
                    literal: literal))
        }
        return result
    }

    /// One Blueprint of a `KanisterStream` read from `bytes`; with `namesObject`
    /// its diagnostics name it (in a file of several objects).
    public static func importObject(
        _ object: StreamObject, in bytes: [UInt8], keepServerFields: Bool = false, namesObject: Bool, literal: Bool = false
    ) -> ImportedBlueprint {
        importObject(
            object, in: bytes, keepServerFields: keepServerFields, namesObject: namesObject,
            actionGroups: ImportWriter.actionGroups(forBytes: object.span.count),
            literal: literal)
    }

    static func importObject(
        _ object: StreamObject, in bytes: [UInt8], keepServerFields: Bool, namesObject: Bool, actionGroups: Int, literal: Bool = false
    ) -> ImportedBlueprint {
        guard let root = object.root.mapping else {
            let problem = Diagnostic.error(.notBlueprint, "expected a Kanister Blueprint: a YAML mapping with kind: Blueprint", at: range(of: object.root))
            return ImportedBlueprint(name: nil, label: object.label, source: nil, diagnostics: [problem], omittedFields: [])
        }
        let (kept, omitted) = keepServerFields ? ServerFields.withoutStatus(root) : ServerFields.strip(root)
        var imported = importDocument(
            kept, document: object.root, span: object.span, bytes: bytes, actionGroups: actionGroups, literal: literal)
        if namesObject {
            for index in imported.diagnostics.indices { imported.diagnostics[index].document = object.label }
        }
        return ImportedBlueprint(
            name: object.name, label: object.label, source: imported.source, diagnostics: imported.diagnostics, omittedFields: omitted)
    }
}

/// The fields of an object that the API server sets and a source file should
/// not hold: round trips through `bpc import` are defined modulo these.
public enum ServerFields {
    /// Under `metadata`.
    public static let metadata = ["uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "selfLink"]
    /// Under `metadata.annotations`: what `kubectl apply` records.
    public static let annotations = ["kubectl.kubernetes.io/last-applied-configuration"]

    /// `root` without the server's fields and `status`, and the paths left out.
    static func strip(_ root: YAMLMapping) -> (YAMLMapping, [String]) {
        var (result, omitted) = withoutStatus(root)
        guard let index = result.pairs.firstIndex(where: { $0.key.scalar?.value == "metadata" }),
            var fields = result.pairs[index].value.mapping
        else { return (result, omitted) }
        fields.pairs.removeAll { pair in
            guard let key = pair.key.scalar?.value, metadata.contains(key) else { return false }
            omitted.append("metadata.\(key)")
            return true
        }
        if let annotationsIndex = fields.pairs.firstIndex(where: { $0.key.scalar?.value == "annotations" }),
            var annotations = fields.pairs[annotationsIndex].value.mapping
        {
            let count = annotations.pairs.count
            annotations.pairs.removeAll { pair in
                guard let key = pair.key.scalar?.value, Self.annotations.contains(key) else { return false }
                omitted.append("the annotation \(key)")
                return true
            }
            // An annotations map emptied here goes too; one written empty stays.
            if annotations.pairs.isEmpty && count > 0 {
                fields.pairs.remove(at: annotationsIndex)
            } else {
                fields.pairs[annotationsIndex].value = .mapping(annotations)
            }
        }
        result.pairs[index].value = .mapping(fields)
        return (result, omitted)
    }

    /// `root` without `status` (a Blueprint has none, and .bp cannot hold one).
    static func withoutStatus(_ root: YAMLMapping) -> (YAMLMapping, [String]) {
        var result = root
        let count = result.pairs.count
        result.pairs.removeAll { $0.key.scalar?.value == "status" }
        return (result, result.pairs.count < count ? ["status"] : [])
    }
}
