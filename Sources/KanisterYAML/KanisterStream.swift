// The Kubernetes objects of a YAML input: every document of a stream, with the
// items of a `kind: List` (what `kubectl get -o yaml` prints) taken one by one.
// Lint, import, run, graph and the language server all read YAML through it.

import BlueprintSyntax

/// One object of a YAML input: a document, or an item of a `kind: List`.
public struct StreamObject: Sendable {
    /// The object; a Blueprint's is a mapping.
    public var root: YAMLNode
    /// The bytes that belong to it (its comments included): its document, or
    /// for a List item from its start to the next item's.
    public var span: Range<Int>
    /// Its position among the input's objects, from 0.
    public var index: Int
    /// Its position in the `items` of a List, when it is one.
    public var listIndex: Int?

    /// `kind`, when the object is a mapping with a string kind.
    public var kind: String? { root.mapping?["kind"]?.scalar?.value }
    /// `metadata.name`, when there is one.
    public var name: String? { root.mapping?["metadata"]?.mapping?["name"]?.scalar?.value }
    public var isBlueprint: Bool { kind == "Blueprint" }

    /// How messages name it: `Blueprint 'mysql'`, `ConfigMap 'x'`, `document 3`
    /// (1-based), `item 2 of the List`.
    public var label: String {
        if let kind, let name { return "\(kind) '\(name)'" }
        let place = listIndex.map { "item \($0 + 1) of the List" } ?? "document \(index + 1)"
        return kind.map { "\($0) (\(place))" } ?? place
    }

    /// Where to point at it: its `kind` value, else its first byte.
    public var kindRange: SourceRange {
        if let kind = root.mapping?["kind"] { return BlueprintImporter.range(of: kind) }
        return SourceRange(root.start.offset, root.start.offset)
    }
}

/// The objects of a YAML input, in order; empty documents (a stray `---`) are left out.
public struct KanisterStream: Sendable {
    public var objects: [StreamObject]

    public var blueprints: [StreamObject] { objects.filter(\.isBlueprint) }

    /// True when messages must say which object they are about: several objects, or a List.
    public var namesObjects: Bool { objects.count > 1 || objects.contains { $0.listIndex != nil } }

    /// Reads every document; a `kind: List`'s `items` stand for the List.
    public static func read(bytes: [UInt8], limits: YAMLReaderLimits = .standard) -> Result<KanisterStream, YAMLError> {
        YAMLReader.parseDocuments(bytes: bytes, limits: limits).map { objects(of: $0) }
    }

    /// `read`, but on a YAML error also the objects of the documents before it.
    public static func readUntilError(bytes: [UInt8], limits: YAMLReaderLimits = .standard) -> (stream: KanisterStream, error: YAMLError?) {
        let (documents, error) = YAMLReader.parseDocumentsUntilError(bytes: bytes, limits: limits)
        return (objects(of: documents), error)
    }

    static func objects(of documents: [YAMLDocument]) -> KanisterStream {
        var objects: [StreamObject] = []
        for document in documents where !document.root.isNullScalar {
            guard let items = listItems(document.root) else {
                objects.append(StreamObject(root: document.root, span: document.span, index: objects.count))
                continue
            }
            for (position, item) in items.enumerated() {
                let end = position + 1 < items.count ? items[position + 1].start.offset : document.span.upperBound
                let start = min(item.start.offset, end)
                objects.append(StreamObject(root: item, span: start..<end, index: objects.count, listIndex: position))
            }
        }
        return KanisterStream(objects: objects)
    }

    /// The items of a `kind: List` (or any `*List` kind, as kubectl prints) with an `items` sequence.
    static func listItems(_ node: YAMLNode) -> [YAMLNode]? {
        guard let mapping = node.mapping, let kind = mapping["kind"]?.scalar?.value, kind.hasSuffix("List"),
            let items = mapping["items"]?.sequence
        else { return nil }
        return items.items
    }

    /// The Blueprint named `name`, or the only Blueprint when `name` is nil.
    public func blueprint(named name: String?) -> StreamObject? {
        let all = blueprints
        guard let name else { return all.count == 1 ? all.first : nil }
        return all.first { $0.name == name }
    }

    /// The Blueprints' names for a message: `'a', 'b'` (an unnamed one by its place).
    public var blueprintNames: String {
        blueprints.map { $0.name.map { "'\($0)'" } ?? $0.label }.joined(separator: ", ")
    }
}

extension DiagnosticCode {
    /// An object of another kind than Blueprint in a YAML input, skipped (a note).
    public static let skippedObject = DiagnosticCode("BP4007")
}

extension KanisterStream {
    /// One note per object that is not a Blueprint: it is skipped, not checked.
    public var skippedNotes: [Diagnostic] {
        objects.filter { !$0.isBlueprint }.map { object in
            let what = object.kind.map { "kind \($0) is not a Kanister Blueprint" } ?? "not a Kubernetes object with a kind"
            var note = Diagnostic(.skippedObject, .note, "skipped: \(what)", at: object.kindRange)
            note.document = object.label
            return note
        }
    }
}
