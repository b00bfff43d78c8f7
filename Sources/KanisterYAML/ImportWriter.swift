// The importer's writer: walks the Blueprint mapping and prints .bp, placing
// recovered YAML comments before the item that follows them in the YAML.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax

struct ImportWriter {
    let bytes: [UInt8]
    let comments: [SourceRange]
    var nextComment = 0
    var output = ""
    var indent = 0
    var diagnostics: [Diagnostic] = []
    /// Names that shadow template roots in the action being written.
    var actionNames: Set<String> = []
    /// Phases a whole-string reference may name as `phase.output.key`.
    var referablePhases: Set<String> = []
    var inputNames: Set<String> = []
    /// The output artifacts of every action: an input of another name gets a shape declaration.
    var producedArtifacts: Set<String> = []
    var deferPhaseName: String?
    /// The .bp names given to the action's phases that the YAML leaves unnamed, by the phase's offset.
    var readableNames: [Int: String] = [:]
    var isWritingArtifacts = false
    /// Writing the blueprint's own metadata, which Kanister never renders: a
    /// string there is text, even one that looks like a template.
    var isWritingMetadata = false
    /// Option idioms used more than once, written once as `let NAME = option(...)`: text -> let name.
    var sharedOptions: [String: String] = [:]
    /// At most how many groups of actions are written concurrently.
    var actionGroups = Parallel.processorCount

    /// The fewest YAML bytes a group of the import is cut to: a smaller blueprint
    /// is imported on the calling thread (a worker's start costs more).
    static let minimumBytesPerGroup = 64 * 1024

    /// How many groups of actions an input of `byteCount` bytes is written in.
    static func actionGroups(forBytes byteCount: Int) -> Int {
        max(1, min(Parallel.processorCount, byteCount / minimumBytesPerGroup))
    }
    /// The output keys compiled YAML says its phases declared (`DeclaredOutputs`), by action and phase.
    var declaredOutputs: [String: [String: [String]]] = [:]
    /// The action being written.
    var actionName = ""
    /// The idiomatic form (`ImportWriter+Idioms`); false writes the literal form of `bpc import --literal`.
    var isIdiomatic = false
    /// The idiomatic form's passes, its shared values and its layout state.
    var idioms = ImportIdiomState()

    init(bytes: [UInt8], comments: [SourceRange]) {
        self.bytes = bytes
        self.comments = comments
    }

    mutating func line(_ text: String, at offset: Int? = nil) {
        if let offset { flushComments(before: offset) }
        output += String(repeating: "  ", count: indent) + text + "\n"
    }

    mutating func flushComments(before offset: Int) {
        while nextComment < comments.count, comments[nextComment].start < offset {
            let range = comments[nextComment]
            let text = String(decoding: bytes[range.start..<range.end], as: UTF8.self)
            output += String(repeating: "  ", count: indent) + text + "\n"
            nextComment += 1
        }
    }

    /// Writes the comments before `end` that stand at `column` or to its right:
    /// inside the block mapping being closed (whose keys are at `column`), they go
    /// before its closing brace rather than after it.
    mutating func flushComments(before end: Int, fromColumn column: Int) {
        while nextComment < comments.count, comments[nextComment].start < end {
            let start = comments[nextComment].start
            let lineStart = bytes[..<start].lastIndex(where: { $0 == 0x0A || $0 == 0x0D }).map { $0 + 1 } ?? 0
            guard start - lineStart >= column else { return }
            flushComments(before: start + 1)
        }
    }

    /// ` # text` when the next comment stands on the source line where `node` ends,
    /// after it, so that it stays at the end of the line written for the node.
    /// Only nodes whose end libyaml marks where their text ends qualify: scalars
    /// other than block scalars, and flow collections.
    mutating func trailingComment(after node: YAMLNode) -> String {
        switch node {
        case .scalar(let scalar) where scalar.style != .literal && scalar.style != .folded: break
        case .sequence(let sequence) where sequence.style == .flow: break
        case .mapping(let mapping) where mapping.style == .flow: break
        default: return ""
        }
        let end = node.end.offset
        guard nextComment < comments.count, comments[nextComment].start >= end, end >= 0 else { return "" }
        let comment = comments[nextComment]
        guard !bytes[end..<comment.start].contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return "" }
        nextComment += 1
        return " " + String(decoding: bytes[comment.start..<comment.end], as: UTF8.self)
    }

    mutating func fail(_ message: String, _ node: YAMLNode, code: DiagnosticCode = .unsupportedField) {
        diagnostics.append(.error(code, message, at: BlueprintImporter.range(of: node)))
    }

    /// Checks that a mapping only has `allowed` keys.
    mutating func checkKeys(_ mapping: YAMLMapping, allowed: Set<String>, context: String) {
        for pair in mapping.pairs {
            guard let key = pair.key.scalar?.value, allowed.contains(key) else {
                let shown = pair.key.scalar?.value ?? "a non-string key"
                fail("\(context) has the field '\(shown)', which a Kanister Blueprint does not have", pair.key)
                continue
            }
        }
    }

    // MARK: blueprint and actions

    mutating func writeBlueprint(_ root: YAMLMapping) {
        checkKeys(root, allowed: ["apiVersion", "kind", "metadata", "actions"], context: "the blueprint")
        if let version = root["apiVersion"], version.scalar?.value != BlueprintEmitter.apiVersion {
            fail("apiVersion must be \(BlueprintEmitter.apiVersion)", version)
        }
        guard let metadataNode = root["metadata"], let metadata = metadataNode.mapping,
            let name = metadata["name"]?.scalar?.value
        else {
            fail("the blueprint has no metadata.name", root["metadata"] ?? .mapping(root), code: .badShape)
            return
        }
        declaredOutputs = DeclaredOutputs.read(from: metadata)
        let rest = ImportWriter.withoutDeclaredOutputs(metadata.pairs.filter { $0.key.scalar?.value != "name" })
        var head = "blueprint \(BPSourceText.name(name))"
        if !rest.isEmpty {
            isWritingMetadata = true
            head += " " + mapLiteral(rest, column: head.utf8.count + 1)
            isWritingMetadata = false
        }
        line(head, at: metadataNode.start.offset)
        writeSharedOptions(root)
        writeRunLets()
        writeSharedValues()
        writeDefs()
        guard let actionsNode = root["actions"] else { return }
        guard let actions = actionsNode.mapping else { return fail("actions must be a mapping", actionsNode, code: .badShape) }
        for pair in actions.pairs {
            for artifact in pair.value.mapping?["outputArtifacts"]?.mapping?.pairs ?? [] {
                if let name = artifact.key.scalar?.value { producedArtifacts.insert(name) }
            }
        }
        writeActions(actions.pairs)
        flushComments(before: Int.max)
    }

    /// The metadata without the annotation of declared outputs (written back as
    /// `outputs [..]` in the phases), and without `annotations` when that was all.
    static func withoutDeclaredOutputs(_ pairs: [YAMLPair]) -> [YAMLPair] {
        pairs.compactMap { pair in
            guard pair.key.scalar?.value == "annotations", var annotations = pair.value.mapping,
                annotations[KanisterBlueprint.declaredOutputsAnnotation] != nil
            else { return pair }
            annotations.pairs.removeAll { $0.key.scalar?.value == KanisterBlueprint.declaredOutputsAnnotation }
            return annotations.pairs.isEmpty ? nil : YAMLPair(key: pair.key, value: .mapping(annotations))
        }
    }

    /// The actions, groups of them written on all cores by copies of this writer
    /// and joined in order. A copy starts at the first comment of its first action,
    /// and the comments before that one that the previous group left are written
    /// where a sequential run writes them: after the blank line, before the head.
    mutating func writeActions(_ pairs: [YAMLPair]) {
        let groups = Parallel.ranges(pairs.count, parts: actionGroups) { pairs[$0].value.end.offset - pairs[$0].key.start.offset }
        let parts = Parallel.map(groups.count) { group in
            var part = self
            part.output = ""
            part.diagnostics = []
            part.idioms.records = []
            part.idioms.phaseRecords = []
            let start = pairs[groups[group].lowerBound].key.start.offset
            part.nextComment = comments.firstIndex { $0.start >= start } ?? comments.count
            let firstComment = part.nextComment
            for index in groups[group] {
                let pair = pairs[index]
                guard let actionName = pair.key.scalar?.value, let action = pair.value.mapping else {
                    part.fail("an action must be a mapping", pair.value, code: .badShape)
                    continue
                }
                if index > groups[group].lowerBound { part.output += "\n" }
                part.writeAction(actionName, action, at: pair.key.start.offset)
            }
            return (part, firstComment)
        }
        for (part, firstComment) in parts {
            output += "\n"
            flushComments(before: firstComment < comments.count ? comments[firstComment].start : Int.max)
            output += part.output
            diagnostics += part.diagnostics
            nextComment = part.nextComment
            idioms.records += part.idioms.records
            idioms.phaseRecords += part.idioms.phaseRecords
        }
    }

    mutating func writeAction(_ name: String, _ action: YAMLMapping, at offset: Int) {
        checkKeys(
            action, allowed: ["name", "kind", "inputArtifactNames", "secretNames", "configMapNames", "outputArtifacts", "phases", "deferPhase"],
            context: "action '\(name)'")
        if let informational = action["name"], informational.scalar?.value != name {
            fail("the action's 'name' field differs from its key; .bp cannot keep both", informational)
        }
        actionName = name
        idioms.startAction(at: offset)
        let phases = action["phases"]?.sequence?.items ?? []
        let phaseNames = (phases + [action["deferPhase"]].compactMap { $0 }).compactMap { $0.mapping?["name"]?.scalar?.value }
        actionNames = Set(phaseNames)
        inputNames = []
        referablePhases = Set(phases.compactMap { $0.mapping?["name"]?.scalar?.value })
        var head = "action \(BPSourceText.name(name))"
        if let kind = action["kind"]?.scalar?.value { head += " on \(BPSourceText.name(kind))" }
        line(head + " {", at: offset)
        indent += 1
        writeNameList("input", action["inputArtifactNames"], shapes: inputShapes(action))
        writeNameList("secret", action["secretNames"])
        writeNameList("configmap", action["configMapNames"])
        nameUnnamedPhases(phases + [action["deferPhase"]].compactMap { $0 })
        deferPhaseName = action["deferPhase"].flatMap { phase in readableNames[phase.start.offset] ?? phase.mapping?["name"]?.scalar?.value }
        writeLocalLets(ofActionAt: offset)
        if let artifacts = action["outputArtifacts"] {
            isWritingArtifacts = true
            writeArtifacts(artifacts)
            isWritingArtifacts = false
        }
        referablePhases = []
        for phase in phases { writePhase(phase, keyword: "phase") }
        if let phase = action["deferPhase"] { writePhase(phase, keyword: "finally") }
        if action.style == .block { flushComments(before: action.end.offset, fromColumn: action.start.column) }
        indent -= 1
        line("}")
    }

    /// `name: shape` for the inputs no action outputs, the shape being what
    /// the action reads of them (.bp requires it; YAML has no place for it).
    func inputShapes(_ action: YAMLMapping) -> [String: String] {
        let names = action["inputArtifactNames"]?.sequence?.items.compactMap { $0.scalar?.value } ?? []
        let unproduced = names.filter { !producedArtifacts.contains($0) }
        guard !unproduced.isEmpty else { return [:] }
        var reads: [String: ArtifactType] = [:]
        for key in ["phases", "deferPhase", "outputArtifacts"] {
            if let node = action[key] { ImportWriter.addArtifactReads(of: node, to: &reads) }
        }
        var shapes: [String: String] = [:]
        for name in unproduced { shapes[name] = (reads[name] ?? ArtifactType()).shapeSpelling }
        return shapes
    }

    /// The artifact reads of every template in `node`'s scalars (keys included).
    static func addArtifactReads(of node: YAMLNode, to reads: inout [String: ArtifactType]) {
        switch node {
        case .scalar(let scalar):
            if scalar.value.containsTemplateOpen { ArtifactType.addReads(ofTemplate: scalar.value, to: &reads) }
        case .sequence(let sequence):
            for item in sequence.items { addArtifactReads(of: item, to: &reads) }
        case .mapping(let mapping):
            for pair in mapping.pairs {
                addArtifactReads(of: pair.key, to: &reads)
                addArtifactReads(of: pair.value, to: &reads)
            }
        }
    }

    mutating func writeNameList(_ keyword: String, _ node: YAMLNode?, shapes: [String: String] = [:]) {
        guard let node else { return }
        guard let items = node.sequence?.items, items.allSatisfy({ $0.scalar != nil }) else {
            return fail("\(keyword) names must be a list of strings", node, code: .badShape)
        }
        guard !items.isEmpty else { return }
        let names = items.compactMap { $0.scalar?.value }
        actionNames.formUnion(names)
        if keyword == "input" { inputNames.formUnion(names) }
        let text = "\(keyword) " + names.map { BPSourceText.name($0) + (shapes[$0].map { ": " + $0 } ?? "") }.joined(separator: ", ")
        flushComments(before: node.start.offset)
        line(text + (items.last.map { trailingComment(after: $0) } ?? ""))
    }

    mutating func writeArtifacts(_ node: YAMLNode) {
        guard let artifacts = node.mapping else { return fail("outputArtifacts must be a mapping", node, code: .badShape) }
        for pair in artifacts.pairs {
            guard let name = pair.key.scalar?.value, let artifact = pair.value.mapping else {
                fail("an output artifact must be a mapping", pair.value, code: .badShape)
                continue
            }
            checkKeys(artifact, allowed: ["keyValue", "kopiaSnapshot"], context: "output artifact '\(name)'")
            var text = "output \(BPSourceText.name(name))"
            if let snapshot = artifact["kopiaSnapshot"] { text += " = kopia(\(value(snapshot)))" }
            if let keyValue = artifact["keyValue"] {
                guard let entries = keyValue.mapping else {
                    fail("keyValue must be a mapping", keyValue, code: .badShape)
                    continue
                }
                text += " " + mapLiteral(entries.pairs, column: indent * 2 + text.utf8.count + 1)
            } else if artifact["kopiaSnapshot"] == nil {
                text += " {}"
            }
            line(text, at: pair.key.start.offset)
        }
    }

    /// Kanister accepts a phase without a name (it warns): .bp gives it one
    /// after its function (`kubeOps`, `kubeOps2`, unique in the action) and
    /// the `unnamed` clause, which leaves the name out of the YAML again.
    mutating func nameUnnamedPhases(_ phases: [YAMLNode]) {
        readableNames = [:]
        for phase in phases where (phase.mapping?["name"]?.scalar?.value ?? "").isEmpty {
            let function = phase.mapping?["func"]?.scalar?.value ?? ""
            let base = BPSourceText.isIdentifier(function) ? function.prefix(1).lowercased() + function.dropFirst() : "phase"
            var name = base
            var suffix = 2
            while actionNames.contains(name) {
                name = base + String(suffix)
                suffix += 1
            }
            actionNames.insert(name)
            readableNames[phase.start.offset] = name
        }
    }

    mutating func writePhase(_ node: YAMLNode, keyword: String) {
        guard let phase = node.mapping else { return fail("a phase must be a mapping", node, code: .badShape) }
        checkKeys(phase, allowed: ["func", "name", "objects", "args"], context: "a phase")
        let yamlName = phase["name"]?.scalar?.value ?? ""
        let name = readableNames[node.start.offset] ?? yamlName
        guard let function = phase["func"]?.scalar?.value, BPSourceText.isIdentifier(function) else {
            return fail("phase '\(name)' needs a func naming a Kanister function", node, code: .badShape)
        }
        flushComments(before: node.start.offset)
        let start = output.utf8.count
        let firstComment = nextComment
        line("\(keyword) \(BPSourceText.name(name)): \(function) {")
        indent += 1
        var items: [(key: String, range: Range<Int>)] = []
        func item(_ key: String, _ write: (inout ImportWriter) -> Void) {
            let itemStart = output.utf8.count
            write(&self)
            items.append((key, itemStart..<output.utf8.count))
        }
        if let objects = phase["objects"] { item("objects") { $0.writeObjects(objects) } }
        if let args = phase["args"] {
            if let mapping = args.mapping {
                for pair in mapping.pairs { item(mapKey(pair.key)) { $0.writeEntry(pair) } }
            } else if args.scalar?.resolved != .null {
                fail("args of phase '\(name)' must be a mapping", args, code: .badShape)
            }
        }
        if let keys = declaredOutputs[actionName]?[yamlName], !keys.isEmpty {
            item("outputs") { $0.line("outputs [\(keys.map { BPSourceText.name($0) }.joined(separator: ", "))]") }
        }
        if phase.style == .block { flushComments(before: phase.end.offset, fromColumn: phase.start.column) }
        indent -= 1
        line("}")
        idioms.phaseOrdinal += 1
        let hasComments = nextComment != firstComment
        let isCall = isIdiomatic && idioms.defUses[ImportIdiomState.ValueKey(action: idioms.action, ordinal: idioms.phaseOrdinal)] != nil
        finishPhase(from: start, keyword: keyword, name: name, function: function, items: items, hasComments: hasComments)
        if !joinBlockOntoOneLine(from: start), !hasComments, !isCall { hugPhaseBody(from: start, items: items) }
        if yamlName.isEmpty, output.hasSuffix("\n") {
            // After the layout: the clause follows the body, or the def call.
            output.removeLast()
            output += " unnamed\n"
        } else {
            referablePhases.insert(name)
        }
    }

    mutating func writeObjects(_ node: YAMLNode) {
        guard let objects = node.mapping else { return fail("objects must be a mapping", node, code: .badShape) }
        flushComments(before: node.start.offset)
        let start = output.utf8.count
        line("objects {")
        indent += 1
        for pair in objects.pairs {
            guard let reference = pair.value.mapping else {
                fail("an object reference must be a mapping", pair.value, code: .badShape)
                continue
            }
            let key = mapKey(pair.key)
            if let kind = reference["kind"]?.scalar, kind.resolved == .string, BPSourceText.isIdentifier(kind.value),
                reference.pairs.allSatisfy({ $0.key.scalar.map { BPSourceText.isIdentifier($0.value) } ?? false }),
                reference.pairs.filter({ $0.key.scalar?.value == "kind" }).count == 1
            {
                let fields = reference.pairs.filter { $0.key.scalar?.value != "kind" }
                    .map { "\($0.key.scalar?.value ?? ""): \(value($0.value))" }
                flushComments(before: pair.key.start.offset)
                line("\(key): \(kind.value)(\(fields.joined(separator: ", ")))" + trailingComment(after: pair.value))
            } else {
                flushComments(before: pair.key.start.offset)
                let fields = mapLiteral(reference.pairs, column: indent * 2 + key.utf8.count + 2)
                line("\(key): \(fields)" + trailingComment(after: pair.value))
            }
        }
        indent -= 1
        line("}")
        joinBlockOntoOneLine(from: start)
    }

    mutating func writeEntry(_ pair: YAMLPair) {
        flushComments(before: pair.key.start.offset)
        let key = mapKey(pair.key)
        let text = "\(key): \(value(pair.value, key: pair.key.scalar?.value, column: indent * 2 + key.utf8.count + 2))"
        output += String(repeating: "  ", count: indent) + text + trailingComment(after: pair.value) + "\n"
    }
}
