// What an ActionSet for one action of a compiled blueprint must carry: the
// options its templates read without a default, the secrets, configmaps and
// input artifacts it declares. Read off the lowered Kanister model.

import BlueprintSema
import BlueprintSyntax

/// The inputs one Kanister action reads from its ActionSet.
public struct ActionRequirements: Sendable, Equatable {
    /// An option read as `.Options.k` outside `{{if index .Options "k"}}`: rendering
    /// fails (`missingkey=error`) unless the ActionSet gives it.
    public struct RequiredOption: Sendable, Equatable {
        public var name: String
        /// The phases (or `outputArtifacts`) that read it, in order.
        public var readers: [String]
    }

    public var requiredOptions: [RequiredOption] = []
    /// Options read only through `index .Options "k"` or under a guard (a default).
    public var optionalOptions: [String] = []
    /// True when a template reads `.Options` with a computed key or as a whole,
    /// so options no template names may still be read.
    public var readsComputedOptions = false
    public var secretNames: [String] = []
    public var configMapNames: [String] = []
    public var inputArtifactNames: [String] = []

    /// The requirements of `action`: every string Kanister renders in its phases,
    /// its finally phase and its output artifacts.
    public static func of(_ action: KanisterAction) -> ActionRequirements {
        var result = ActionRequirements()
        result.secretNames = action.secretNames ?? []
        result.configMapNames = action.configMapNames ?? []
        result.inputArtifactNames = action.inputArtifactNames ?? []
        let phases = (action.phases ?? []) + (action.deferPhase.map { [$0] } ?? [])
        for phase in phases {
            phase.forEachTemplateString { result.addReads(in: $0, reader: phase.name) }
        }
        for artifact in action.outputArtifacts ?? [] {
            for entry in artifact.keyValue ?? [] { result.addReads(in: entry.value.strings.joined(), reader: "outputArtifacts") }
            if let snapshot = artifact.kopiaSnapshot { result.addReads(in: snapshot, reader: "outputArtifacts") }
        }
        result.optionalOptions.removeAll { name in result.requiredOptions.contains { $0.name == name } }
        return result
    }

    mutating func addReads(in text: String, reader: String) {
        guard text.containsTemplateOpen, let tree = GoTemplate.parse(text).tree else { return }
        let references = tree.references()
        let guards = OptionGuards(tree.nodes, references: references)
        let indexed = Set(references.indexCalls.compactMap { $0.path == nil ? nil : $0.collection.range })
        for field in references.fields where field.isFromRootData && field.path.first == "Options" && !indexed.contains(field.range) {
            guard field.path.count >= 2 else {
                readsComputedOptions = true
                continue
            }
            let name = field.path[1]
            if guards.isGuarded(name, at: field.range.lowerBound) {
                addOptional(name)
            } else {
                addRequired(name, reader: reader)
            }
        }
        for call in references.indexCalls {
            guard let path = call.path, path.isFromRootData, path.path.first == "Options" else { continue }
            if path.path.count >= 2 { addOptional(path.path[1]) } else { readsComputedOptions = true }
        }
    }

    mutating func addRequired(_ name: String, reader: String) {
        if let index = requiredOptions.firstIndex(where: { $0.name == name }) {
            if !requiredOptions[index].readers.contains(reader) { requiredOptions[index].readers.append(reader) }
        } else {
            requiredOptions.append(RequiredOption(name: name, readers: [reader]))
        }
    }

    mutating func addOptional(_ name: String) {
        if !optionalOptions.contains(name) { optionalOptions.append(name) }
    }
}

/// The byte ranges in which an option is known to be present: the then-branch of
/// `{{if index .Options "k"}}` (the option-with-default idiom) or `{{with ...}}`.
struct OptionGuards {
    private var ranges: [(name: String, range: Range<Int>)] = []

    init(_ nodes: [GoTemplateNode], references: GoTemplateReferences) {
        let tests = references.indexCalls.compactMap { call -> (String, Range<Int>)? in
            guard let path = call.path, path.isFromRootData, path.path.count == 2, path.path[0] == "Options" else { return nil }
            return (path.path[1], call.range)
        }
        collect(nodes, tests: tests)
    }

    func isGuarded(_ name: String, at offset: Int) -> Bool {
        ranges.contains { $0.name == name && $0.range.contains(offset) }
    }

    private mutating func collect(_ nodes: [GoTemplateNode], tests: [(String, Range<Int>)]) {
        for node in nodes {
            switch node {
            case .control(let control):
                if control.kind != .range {
                    let thenEnd = control.elseClause?.tag.range.lowerBound ?? control.end.range.lowerBound
                    for (name, range) in tests where control.pipeline.range.contains(range.lowerBound) {
                        ranges.append((name, control.open.range.upperBound..<thenEnd))
                    }
                }
                collect(control.body, tests: tests)
                if let elseClause = control.elseClause { collect(elseClause.body, tests: tests) }
            case .define(let define): collect(define.body, tests: tests)
            case .block(let block): collect(block.body, tests: tests)
            case .text, .comment, .action, .templateCall, .breakLoop, .continueLoop: break
            }
        }
    }
}
