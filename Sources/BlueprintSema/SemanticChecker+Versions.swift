// Functions and arguments the target Kanister version lacks: unknown in every
// version (BP2001, BP2003) or only in other versions (BP2060, BP2061).

import BlueprintSyntax

extension SemanticChecker {
    /// A phase's function the target does not register.
    mutating func reportUnknownFunction(_ function: Name) {
        let name = function.text
        let version = target.version
        if let availability = target.availability(ofFunction: name) {
            report(
                .functionNotInVersion,
                "Kanister \(version) has no function '\(name)'; it is \(availability) (choose the version with --kanister)",
                at: function.range)
            return
        }
        let candidates = target.functionNames + Array(table.defs.keys)
        report(.unknownFunction, "unknown Kanister function '\(name)'\(Suggestions.hint(for: name, in: candidates))", at: function.range)
    }

    /// An argument the target's function does not accept.
    mutating func reportUnsupportedArgument(_ entry: MapEntry, key: String, of facts: FunctionFacts) {
        let function = facts.spec
        if let availability = target.availability(ofArgument: key, in: function.name) {
            report(
                .argumentNotInVersion,
                "\(function.name) of Kanister \(target.version) has no argument '\(key)'; it is \(availability) (choose the version with --kanister)",
                at: entry.key.range)
            return
        }
        let names = function.args.map(\.name)
        let (notes, fixIts) = phaseLevelForm(of: entry, key: key)
        report(
            .unsupportedArgument, "\(function.name) has no argument '\(key)'\(Suggestions.hint(for: key, in: names))", at: entry.key.range,
            notes: notes, fixIts: fixIts)
    }

    /// `objects: { ... }` and `outputs: [ ... ]` written as arguments: a note on
    /// the phase-level form (no colon) and a fix-it that removes the colon.
    func phaseLevelForm(of entry: MapEntry, key: String) -> ([DiagnosticNote], [FixIt]) {
        guard !isYAMLSource else { return ([], []) }
        let form: String
        switch (key, entry.value.kind) {
        case ("objects", .map): form = "objects { name: Secret(name: ..., namespace: ...) }"
        case ("outputs", .list): form = "outputs [key, ...]"
        default: return ([], [])
        }
        let note = DiagnosticNote("'\(key)' is part of the phase, not an argument of its function: write `\(form)`, without ':'")
        let colon = SourceRange(entry.key.range.end, entry.value.range.start)
        return ([note], [FixIt(range: colon, replacement: " ")])
    }
}
