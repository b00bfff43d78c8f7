// Artifact types: what an output artifact carries (keyValue keys, a Kopia
// snapshot), indexed once per module with its imports, and the type an action's
// `input` receives from the outputs of the same name or from its declared shape.

import BlueprintSyntax

/// What an artifact carries: Kanister's `crv1alpha1.Artifact` has `KeyValue`
/// (a string map) and `KopiaSnapshot` (a string).
public struct ArtifactType: Sendable, Equatable {
    /// The keyValue keys, in declaration order.
    public var keys: [String] = []
    public var hasKopiaSnapshot = false
    /// A key is computed (`"{{ .Options.k }}": v`), so any key may be there.
    public var hasOpenKeys = false

    public init(keys: [String] = [], hasKopiaSnapshot: Bool = false, hasOpenKeys: Bool = false) {
        self.keys = keys
        self.hasKopiaSnapshot = hasKopiaSnapshot
        self.hasOpenKeys = hasOpenKeys
    }

    public func hasKey(_ key: String) -> Bool { hasOpenKeys || keys.contains(key) }

    /// The type of `output NAME = kopia(...) { key: value }`; any value is the
    /// snapshot (the lowering reports one that is not `kopia(...)`).
    public init(_ output: OutputDecl) {
        hasKopiaSnapshot = output.value != nil
        for entry in output.keyValues ?? [] {
            switch entry.key {
            case .identifier(let name): add(name.text)
            case .string(let literal):
                if let text = literal.constantText, !literal.hasTemplate { add(text) } else { hasOpenKeys = true }
            }
        }
    }

    /// The type an input shape declares.
    public init(_ shape: InputShape) {
        hasKopiaSnapshot = shape.kopia != nil
        for key in shape.keys ?? [] { add(key.text) }
    }

    mutating func add(_ key: String) {
        if !keys.contains(key) { keys.append(key) }
    }

    /// What either of two producers may hand over: the keys of both, a snapshot if either has one.
    mutating func formUnion(_ other: ArtifactType) {
        for key in other.keys { add(key) }
        hasKopiaSnapshot = hasKopiaSnapshot || other.hasKopiaSnapshot
        hasOpenKeys = hasOpenKeys || other.hasOpenKeys
    }

    /// `{ path, id }`, `kopia`, `kopia { path }`: the shape syntax of the type.
    public var shapeSpelling: String {
        let keyList = keys.isEmpty ? "{}" : "{ " + keys.map { Name.spelling(of: $0) }.joined(separator: ", ") + " }"
        if hasKopiaSnapshot { return keys.isEmpty ? "kopia" : "kopia " + keyList }
        return keyList
    }

    /// "keys path, id and a Kopia snapshot", for messages.
    public var description: String {
        var parts: [String] = []
        if !keys.isEmpty { parts.append("keyValue keys " + keys.joined(separator: ", ")) }
        if hasOpenKeys { parts.append("computed keyValue keys") }
        if hasKopiaSnapshot { parts.append("a Kopia snapshot") }
        return parts.isEmpty ? "nothing" : parts.joined(separator: " and ")
    }
}

extension StringLiteral {
    /// A text segment holds a Go template (`{{ ... }}`).
    var hasTemplate: Bool {
        segments.contains {
            if case .text(let text, _) = $0 { return text.containsTemplateOpen }
            return false
        }
    }
}

extension Name {
    /// A key as .bp spells it: bare when it is a plain identifier, else quoted.
    static func spelling(of text: String) -> String {
        let bytes = Array(text.utf8)
        let isPlain =
            !bytes.isEmpty && !(bytes[0] >= 0x30 && bytes[0] <= 0x39)
            && bytes.allSatisfy { byte in
                (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
            }
        return isPlain ? text : StringLiteral.quote(text)
    }
}

/// An output artifact of some action: the producer of the inputs of its name.
public struct ArtifactProducer: Sendable, Equatable {
    public var action: String
    public var name: Name
    public var type: ArtifactType
    /// The path of the imported file it is declared in, and the name's line
    /// and column there (notes in another file are shown without its source); nil in the main file.
    public var file: String?
    public var position: SourcePosition?

    /// "'dump' is output by action 'backup' here", a note at the output's name.
    public var note: DiagnosticNote {
        let place = position.map { " (\($0))" } ?? ""
        return DiagnosticNote("'\(name.text)' is output by action '\(action)' here\(place)", range: name.range, file: file)
    }
}

/// The output artifacts of a module and its imports, by name.
public struct ArtifactTypes: Sendable {
    public var producers: [String: [ArtifactProducer]] = [:]
    /// An input no action produces and without a declared shape is open (its
    /// reads unchecked) rather than an error: so in a module built from
    /// Kanister YAML, which cannot declare a shape (`Module.leavesUnproducedInputsOpen`).
    public var leavesUnproducedInputsOpen = false

    public init() {}

    /// What every action reading an output name needs, computed once per name (a
    /// blueprint with many actions reads a name many times).
    public struct Produced: Sendable {
        /// The union of the producers' types: an input may come from either ActionSet.
        public var type: ArtifactType
        /// A note at each producing output.
        public var notes: [DiagnosticNote]
        /// Where the type comes from, for messages: "its output in action 'backup' carries".
        public var source: String
    }

    public private(set) var produced: [String: Produced] = [:]

    init(main: Module, imports: [Module]) {
        leavesUnproducedInputsOpen = main.leavesUnproducedInputsOpen
        for module in imports { index(module, isImported: true) }
        index(main, isImported: false)
        for (name, list) in producers {
            guard var type = list.first?.type else { continue }
            for producer in list.dropFirst() { type.formUnion(producer.type) }
            let actions = Set(list.map(\.action)).sorted().map { "'\($0)'" }
            let source = actions.count == 1 ? "its output in action \(actions[0]) carries" : "its outputs in actions \(actions.joined(separator: ", ")) carry"
            produced[name] = Produced(type: type, notes: list.map(\.note), source: source)
        }
    }

    mutating func index(_ module: Module, isImported: Bool) {
        for case .action(let action) in module.syntax.declarations {
            for case .output(let output) in action.items {
                let producer = ArtifactProducer(
                    action: action.name.text, name: output.name, type: ArtifactType(output), file: isImported ? module.file.path : nil,
                    position: isImported ? module.file.location(of: output.name.range.start) : nil)
                producers[output.name.text, default: []].append(producer)
            }
        }
    }

    /// The type of the artifact `name` as its producers write it: with two
    /// producers (two actions output one name), the union, since an input may
    /// come from either ActionSet.
    public func producedType(of name: String) -> ArtifactType? { produced[name]?.type }

    /// Every output artifact's name, for suggestions.
    public var producedNames: [String] { Array(producers.keys) }
}

extension ArtifactType {
    /// Adds to `types` what a Go template reads of the input artifacts
    /// (`.ArtifactsIn.x.KeyValue.k`, `index .ArtifactsIn.x.KeyValue "k"`,
    /// `.ArtifactsIn.x.KopiaSnapshot`), by artifact name; for the importer,
    /// which declares the shape of the inputs no action produces.
    public static func addReads(ofTemplate text: String, to types: inout [String: ArtifactType]) {
        guard case .success(let references, _, _) = SemanticChecker.summarize(text) else { return }
        for reference in references where reference.path.count >= 2 && reference.path[0] == "ArtifactsIn" {
            var type = types[reference.path[1]] ?? ArtifactType()
            if reference.path.count >= 3 {
                switch reference.path[2] {
                case "KeyValue" where reference.path.count >= 4: type.add(reference.path[3])
                case "KopiaSnapshot": type.hasKopiaSnapshot = true
                default: break
                }
            }
            types[reference.path[1]] = type
        }
    }
}
