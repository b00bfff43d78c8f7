// Builds a .bp syntax tree from a Kanister Blueprint in YAML, with ranges
// that are byte offsets into the YAML, so the semantic checks run on YAML
// blueprints unchanged and report positions from libyaml's marks.

import BlueprintSema
import BlueprintSyntax

struct YAMLSyntaxBuilder {
    let bytes: [UInt8]
    var diagnostics: [Diagnostic] = []
    /// What the compiler's annotation says the phases declare, by action and phase
    /// (`DeclaredOutputs`), and where the annotation is.
    var declaredOutputs: [String: [String: [String]]] = [:]
    var declaredOutputsRange = SourceRange(0, 0)

    func range(_ node: YAMLNode) -> SourceRange { BlueprintImporter.range(of: node) }

    func name(_ node: YAMLNode) -> Name {
        Name(node.scalar?.value ?? "", range: range(node), isQuoted: true)
    }

    /// The syntax of one Blueprint; `range` is the bytes it spans (by default the
    /// whole input), where file-level diagnostics such as a missing name point.
    mutating func build(_ root: YAMLMapping, range fileRange: SourceRange? = nil) -> SourceFileSyntax {
        checkStructuralKeys(root)
        declaredOutputs = DeclaredOutputs.read(from: root["metadata"]?.mapping)
        if let node = DeclaredOutputs.annotationNode(in: root["metadata"]?.mapping) { declaredOutputsRange = range(node) }
        var declarations: [Declaration] = []
        if let metadata = root["metadata"]?.mapping, let nameNode = metadata["name"] {
            let rest = metadata.pairs.filter { $0.key.scalar?.value != "name" }.map { entry($0) }
            declarations.append(.blueprint(BlueprintDecl(name: name(nameNode), metadata: rest, range: range(nameNode))))
        }
        // The actions on all cores, in order: building one touches nothing else.
        let pairs = root["actions"]?.mapping?.pairs ?? []
        let builder = self
        let groups = Parallel.mapGroups(
            pairs.count, minimumWeight: Parallel.minimumPhasesPerGroup,
            weight: { pairs[$0].value.mapping?["phases"]?.sequence?.items.count ?? 1 },
            transform: { group in
                pairs[group].compactMap { pair in
                    pair.value.mapping.map { Declaration.action(builder.buildAction(builder.name(pair.key), $0, range: builder.range(pair.value))) }
                }
            })
        declarations += groups.joined()
        return SourceFileSyntax(declarations: declarations, range: fileRange ?? SourceRange(0, bytes.count))
    }

    func buildAction(_ actionName: Name, _ action: YAMLMapping, range actionRange: SourceRange) -> ActionDecl {
        var items: [ActionItem] = []
        if let list = nameList(action["inputArtifactNames"]) { items.append(.input(list)) }
        if let list = nameList(action["secretNames"]) { items.append(.secret(list)) }
        if let list = nameList(action["configMapNames"]) { items.append(.configMap(list)) }
        for pair in action["outputArtifacts"]?.mapping?.pairs ?? [] {
            guard let artifact = pair.value.mapping else { continue }
            var value: Expr?
            if let snapshot = artifact["kopiaSnapshot"] {
                let kopia = Expr(.identifier("kopia"), range: range(snapshot))
                value = Expr(.call(kopia, [CallArgument(label: nil, value: expr(snapshot), range: range(snapshot))]), range: range(snapshot))
            }
            let keyValues = artifact["keyValue"]?.mapping?.pairs.map { entry($0) }
            items.append(.output(OutputDecl(name: name(pair.key), value: value, keyValues: keyValues, range: range(pair.value))))
        }
        let declared = declaredOutputs[actionName.text] ?? [:]
        for phase in action["phases"]?.sequence?.items ?? [] {
            if let decl = buildPhase(phase, declared: declared) { items.append(.phase(decl)) }
        }
        if let phase = action["deferPhase"], let decl = buildPhase(phase, declared: declared) { items.append(.finally(decl)) }
        let kind = action["kind"].map { name($0) }
        return ActionDecl(name: actionName, kind: kind, items: items, range: actionRange)
    }

    func nameList(_ node: YAMLNode?) -> NameList? {
        guard let node, let items = node.sequence?.items, !items.isEmpty else { return nil }
        return NameList(names: items.map { name($0) }, range: range(node))
    }

    /// A phase; `declared` holds the output keys the annotation gives its action's phases.
    func buildPhase(_ node: YAMLNode, declared: [String: [String]]) -> PhaseDecl? {
        guard let phase = node.mapping else { return nil }
        let function = phase["func"].map { name($0) } ?? Name("", range: range(node))
        let phaseName = phase["name"].map { name($0) } ?? Name("", range: range(node))
        var items: [BodyItem] = []
        if let objects = phase["objects"], let mapping = objects.mapping {
            items.append(.objects(ObjectsBlock(entries: mapping.pairs.map { entry($0) }, range: range(objects))))
        }
        for pair in phase["args"]?.mapping?.pairs ?? [] { items.append(.argument(entry(pair))) }
        if let keys = declared[phaseName.text], !keys.isEmpty {
            let names = keys.map { Name($0, range: declaredOutputsRange, isQuoted: true) }
            items.append(.outputs(OutputsDecl(names: names, range: declaredOutputsRange)))
        }
        let body = PhaseBody(items: items, range: range(node))
        let call = PhaseCall(callee: function, arguments: nil, body: body, clauses: [], range: range(node))
        return PhaseDecl(name: phaseName, call: call, range: range(node))
    }

    func entry(_ pair: YAMLPair) -> MapEntry {
        let keyRange = range(pair.key)
        let key: MapKey
        if let text = pair.key.scalar?.value, text.containsTemplateOpen {
            key = .string(literal(text, node: pair.key))
        } else {
            key = .identifier(Name(pair.key.scalar?.value ?? "", range: keyRange))
        }
        return MapEntry(key: key, value: expr(pair.value), range: keyRange.union(range(pair.value)))
    }

    func expr(_ node: YAMLNode) -> Expr {
        switch node {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .string: return Expr(.string(literal(scalar.value, node: node)), range: range(node))
            case .int: return Expr(.int(BPSourceText.integer(scalar.value) ?? scalar.value), range: range(node))
            case .float: return Expr(.float(scalar.value), range: range(node))
            case .bool: return Expr(.bool(YAMLResolved.boolValue(ofPlain: scalar.value) ?? false), range: range(node))
            case .null: return Expr(.null, range: range(node))
            }
        case .sequence(let sequence):
            return Expr(.list(sequence.items.map { expr($0) }), range: range(node))
        case .mapping(let mapping):
            return Expr(.map(mapping.pairs.map { entry($0) }), range: range(node))
        }
    }

    /// One text segment; anchors map its bytes back to the YAML source.
    func literal(_ text: String, node: YAMLNode) -> StringLiteral {
        let sourceRange = range(node)
        var text = text
        let (anchors, hasLineFeed) = text.withUTF8 { value in
            bytes.withUnsafeBufferPointer { source in
                (
                    YAMLSyntaxBuilder.align(value, in: source, from: contentStart(node), to: sourceRange.end),
                    YAMLSyntaxBuilder.containsLineFeedCharacter(value)
                )
            }
        }
        return StringLiteral(
            segments: [.text(text, sourceRange)], isMultiline: hasLineFeed, hashes: 0,
            range: sourceRange, anchors: anchors)
    }

    /// `text.contains("\n")` by bytes: a line feed is a Character of its own
    /// unless it ends a CR LF pair (one Character, not "\n").
    static func containsLineFeedCharacter(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        var from = 0
        while let index = UTF8Scan.firstIndex(of: 0x0A, in: value, from: from) {
            if index == 0 || value[index - 1] != 0x0D { return true }
            from = index + 1
        }
        return false
    }

    /// Where a scalar's content starts: after its quote, or on the line after a block header.
    func contentStart(_ node: YAMLNode) -> Int {
        let start = node.start.offset
        guard let scalar = node.scalar, start < bytes.count else { return start }
        switch scalar.style {
        case .singleQuoted?, .doubleQuoted?: return start + 1
        case .literal?, .folded?:
            var cursor = start
            while cursor < bytes.count, bytes[cursor] != 0x0A { cursor += 1 }
            return min(cursor + 1, bytes.count)
        default: return start
        }
    }

    /// Greedy alignment of decoded bytes with source bytes: each value byte is
    /// looked for a short way ahead (skipping indentation, quotes, escapes);
    /// wherever the source jumps, an anchor records it.
    static func align(_ value: UnsafeBufferPointer<UInt8>, in source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> [StringAnchor] {
        var anchors: [StringAnchor] = []
        var cursor = start
        var expected = -1
        // `end` past the source (a hand-made node) stops where the source does, as a
        // bounds check would have stopped the walk.
        let end = min(end, source.count)
        for (offset, byte) in value.enumerated() {
            var probe = cursor
            let limit = min(end, cursor + 80)
            while probe < limit, source[probe] != byte { probe += 1 }
            let position = probe < limit ? probe : cursor
            if position != expected { anchors.append(StringAnchor(segment: 0, textOffset: offset, sourceOffset: position)) }
            cursor = probe < limit ? probe + 1 : cursor
            expected = position + 1
        }
        return anchors
    }
}
