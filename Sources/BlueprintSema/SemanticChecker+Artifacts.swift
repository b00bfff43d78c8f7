// Artifacts are typed across actions: reads of an input (`dump.KeyValue.path`,
// `{{ .ArtifactsIn.dump.KopiaSnapshot }}`) are checked against the outputs of
// that name, or against the input's declared shape (`input dump: { path }`).

import BlueprintSyntax

extension DiagnosticCode {
    public static let unknownArtifactKey = DiagnosticCode("BP2040")
    public static let missingArtifactPart = DiagnosticCode("BP2041")
    public static let unknownArtifactField = DiagnosticCode("BP2042")
    public static let unshapedInput = DiagnosticCode("BP2044")
    public static let shapeMismatch = DiagnosticCode("BP2045")
}

/// The type an action's input artifact has, and where it comes from.
struct InputArtifactType {
    /// Nil when the input is open: nothing produces it and a YAML module cannot declare a shape.
    var type: ArtifactType?
    /// The notes that show where the type comes from (the producing outputs, or the shape).
    var origins: [DiagnosticNote]
    /// "its output in action 'backup' carries", for messages.
    var source: String
}

/// What an action reads of an input: the keyValue keys in order, and whether the snapshot.
struct ArtifactReads {
    var keys: [String] = []
    var readsKopiaSnapshot = false
}

extension SemanticChecker {
    /// The fields of Kanister's `crv1alpha1.Artifact`.
    static let artifactFields = ["KeyValue", "KopiaSnapshot"]

    /// The types of the action's inputs, and the check of the declarations
    /// behind them: shapes that disagree with the producer. (An output name
    /// given twice is a duplicate key, BP2034.)
    mutating func resolveInputTypes(_ action: ActionInfo) {
        var types: [String: InputArtifactType] = [:]
        for input in action.inputs where types[input.text] == nil {
            let shape = action.inputShapes.first { $0.name.text == input.text }
            let producerNotes = table.artifacts.produced[input.text]?.notes ?? []
            if let shape {
                let declared = ArtifactType(shape)
                if let produced = table.artifacts.producedType(of: input.text) { checkShape(shape, declared, against: produced, notes: producerNotes) }
                let note = DiagnosticNote("the shape of input '\(input.text)' is declared here", range: shape.range)
                types[input.text] = InputArtifactType(type: declared, origins: [note], source: "its declared shape has")
            } else {
                types[input.text] = producedInputType(input.text)
            }
        }
        context.inputTypes = types
    }

    /// The type of input `name` from the outputs of that name; open (nil type) when there are none.
    func producedInputType(_ name: String) -> InputArtifactType {
        guard let produced = table.artifacts.produced[name] else { return InputArtifactType(type: nil, origins: [], source: "") }
        return InputArtifactType(type: produced.type, origins: produced.notes, source: produced.source)
    }

    /// A shape declared on an input some action outputs must be what the output carries.
    mutating func checkShape(_ shape: InputShape, _ declared: ArtifactType, against produced: ArtifactType, notes: [DiagnosticNote]) {
        let name = shape.name.text
        for key in shape.keys ?? [] where !produced.hasKey(key.text) {
            report(
                .shapeMismatch,
                "input '\(name)' declares keyValue key '\(key.text)', which its producer does not output (it outputs \(produced.description))"
                    + Suggestions.hint(for: key.text, in: produced.keys),
                at: key.range, notes: notes)
        }
        if let kopia = shape.kopia, !produced.hasKopiaSnapshot {
            report(
                .shapeMismatch, "input '\(name)' declares a Kopia snapshot, which its producer does not output (it outputs \(produced.description))",
                at: kopia, notes: notes)
        }
    }

    /// A read of input `name` with the path after it (`KeyValue`, `path`): the
    /// field must be one of the Artifact's, the key one the type has.
    mutating func checkArtifactRead(_ name: String, path: ArraySlice<(String, SourceRange)>) {
        guard let (field, fieldRange) = path.first else { return }
        // A read of an undeclared input (BP2010) still gets the type of the outputs of its name.
        if context.inputTypes[name] == nil { context.inputTypes[name] = producedInputType(name) }
        let key = path.dropFirst().first
        switch field {
        case "KeyValue":
            if let key { context.artifactReads[name, default: ArtifactReads()].add(key.0) }
            if let key, let read = path.dropFirst(2).first { reportValueRead(read, on: "keyValue '\(key.0)' of artifact '\(name)'") }
        case "KopiaSnapshot":
            context.artifactReads[name, default: ArtifactReads()].readsKopiaSnapshot = true
            if let read = key { reportValueRead(read, on: "the Kopia snapshot of artifact '\(name)'") }
        default:
            report(
                .unknownArtifactField,
                "an artifact has the fields KeyValue and KopiaSnapshot; '\(field)' is neither\(Suggestions.hint(for: field, in: SemanticChecker.artifactFields))",
                at: fieldRange, notes: context.inputTypes[name]?.origins ?? [])
            return
        }
        guard let input = context.inputTypes[name], let type = input.type else { return }
        let artifact = "artifact '\(name)'"
        if field == "KopiaSnapshot", !type.hasKopiaSnapshot {
            report(
                .missingArtifactPart, "\(artifact) has no Kopia snapshot; \(input.source) only \(type.description)", at: fieldRange,
                notes: input.origins)
        } else if field == "KeyValue", type.keys.isEmpty, !type.hasOpenKeys, type.hasKopiaSnapshot {
            report(
                .missingArtifactPart, "\(artifact) has no keyValue; \(input.source) only a Kopia snapshot", at: fieldRange,
                notes: input.origins)
        } else if field == "KeyValue", let (key, keyRange) = key, !type.hasKey(key) {
            let known = type.keys.isEmpty ? "it has no keyValue keys" : "its keys are \(type.keys.joined(separator: ", "))"
            report(
                .unknownArtifactKey, "\(artifact) has no keyValue key '\(key)'; \(known)\(Suggestions.hint(for: key, in: type.keys))", at: keyRange,
                notes: input.origins)
        }
    }

    /// An input that no action outputs needs its shape declared (in .bp); the
    /// fix-it declares what the action reads of it.
    mutating func checkUnproducedInputs(_ action: ActionInfo) {
        guard !table.artifacts.leavesUnproducedInputsOpen else { return }
        var seen: Set<String> = []
        for input in action.inputs where seen.insert(input.text).inserted {
            guard context.inputTypes[input.text]?.type == nil else { continue }
            let reads = context.artifactReads[input.text] ?? ArtifactReads()
            let shape = ArtifactType(keys: reads.keys, hasKopiaSnapshot: reads.readsKopiaSnapshot).shapeSpelling
            var notes: [DiagnosticNote] = []
            var hint = ""
            if let near = Suggestions.closest(to: input.text, in: table.artifacts.producedNames), let producer = table.artifacts.producers[near]?.first {
                hint = "; did you mean '\(near)'?"
                notes.append(producer.note)
            }
            report(
                .unshapedInput,
                "no action outputs artifact '\(input.text)', so its shape must be declared: 'input \(input.text): \(shape)'\(hint)",
                at: input.range, notes: notes,
                fixIts: [FixIt(range: SourceRange(input.range.end, input.range.end), replacement: ": " + shape)])
        }
    }
}

extension ArtifactReads {
    mutating func add(_ key: String) {
        if !keys.contains(key) { keys.append(key) }
    }
}
