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
        report(.unsupportedArgument, "\(function.name) has no argument '\(key)'\(Suggestions.hint(for: key, in: names))", at: entry.key.range)
    }
}
