// Templates of a compensation moved into the companion `<action>-rollback`
// action, where the main action's phases do not exist: an output read becomes
// an ActionSet option, a secret or configmap read takes the object along.

/// Rewrites the templates of one compensation for the rollback action.
struct RollbackRewrite {
    /// The forward phases of the main action and their lowered phases.
    let mainPhases: [String: KanisterPhase]
    /// The compensation's name in the plan and in the rollback action.
    let original: String
    let renamed: String
    /// Option names the rollback action reads, in order of first use.
    private(set) var options: [String] = []
    /// Objects taken from other phases (the rollback phase declares them itself).
    private(set) var objects: [(name: String, reference: KanisterObjectReference)] = []
    /// What cannot be carried over, as readable descriptions.
    private(set) var problems: [String] = []

    init(mainPhases: [String: KanisterPhase], original: String, renamed: String) {
        self.mainPhases = mainPhases
        self.original = original
        self.renamed = renamed
    }

    /// The name of the option that carries output `key` of `phase`.
    static func optionName(phase: String, key: String) -> String { "\(phase)_\(key)" }

    /// The phase for the rollback action, or nil when a reference cannot be carried.
    mutating func rewrite(_ phase: KanisterPhase) -> KanisterPhase? {
        var result = phase.mapStrings { rewrite($0) }
        result.name = renamed
        for object in objects where !result.objects.contains(where: { $0.name == object.name }) {
            result.objects.append(object)
        }
        return problems.isEmpty ? result : nil
    }

    mutating func rewrite(_ text: String) -> String {
        var replacements: [(range: Range<Int>, text: String)] = []
        for reference in TemplateReferences.phaseReferences(in: text) {
            if let replacement = replacement(for: reference) { replacements.append((reference.range, replacement)) }
        }
        guard !replacements.isEmpty else { return text }
        var bytes = Array(text.utf8)
        for replacement in replacements.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            bytes.replaceSubrange(replacement.range, with: Array(replacement.text.utf8))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    mutating func replacement(for reference: TemplatePhaseReference) -> String? {
        guard case .phase(let phase) = reference.target else {
            problems.append("it reads the finally phase (.DeferPhase)")
            return nil
        }
        if phase == original {
            return renamed == original ? nil : spell(RollbackRewrite.phaseBase(renamed, reference), reference.fields, reference.indexKeys)
        }
        guard let source = mainPhases[phase] else {
            problems.append("it reads '\(phase)', which is not a phase of the main action")
            return nil
        }
        let path = reference.path
        guard path.count >= 2 else {
            problems.append("it reads '\(phase)' as a whole, not one output, secret or configmap")
            return nil
        }
        switch path[0] {
        case "Output": return optionReplacement(phase, reference)
        case "Secrets", "ConfigMaps":
            guard let object = source.objects.first(where: { $0.name == path[1] }) else {
                problems.append("it reads object '\(path[1])' of '\(phase)', which that phase does not declare")
                return nil
            }
            if let existing = objects.first(where: { $0.name == object.name }), existing.reference != object.reference {
                problems.append("two phases it reads declare different objects named '\(object.name)'")
                return nil
            }
            if !objects.contains(where: { $0.name == object.name }) { objects.append(object) }
            return spell(RollbackRewrite.phaseBase(renamed, reference), reference.fields, reference.indexKeys)
        default:
            problems.append("it reads '\(path[0])' of '\(phase)'")
            return nil
        }
    }

    /// `.Phases.X.Output.k` is `.Options.X_k`; `index .Phases.X.Output "k"` is `index .Options "X_k"`.
    mutating func optionReplacement(_ phase: String, _ reference: TemplatePhaseReference) -> String {
        let key = reference.path[1]
        let option = RollbackRewrite.optionName(phase: phase, key: key)
        if !options.contains(option) { options.append(option) }
        if reference.fields.count >= 2 {
            let root = reference.isFromRoot ? "$" : ""
            let operand = isGoIdentifier(option) ? "\(root).Options.\(option)" : "(index \(root).Options \(goQuote(option)))"
            return spell(operand, Array(reference.fields.dropFirst(2)), reference.indexKeys)
        }
        let keyPosition = 1 - reference.fields.count
        return spell((reference.isFromRoot ? "$" : "") + ".Options", [], [option] + reference.indexKeys.dropFirst(keyPosition + 1))
    }

    /// `.Phases.name`, or `(index .Phases "name")` for names that are no Go identifier
    /// (`$.Phases…` when the reference was written from `$`).
    static func phaseBase(_ name: String, _ reference: TemplatePhaseReference) -> String {
        let root = reference.isFromRoot ? "$" : ""
        return isGoIdentifier(name) ? "\(root).Phases.\(name)" : "(index \(root).Phases \(goQuote(name)))"
    }

    func spell(_ base: String, _ fields: [String], _ indexKeys: [String]) -> String {
        base + fields.map { "." + $0 }.joined() + indexKeys.map { " " + goQuote($0) }.joined()
    }
}
