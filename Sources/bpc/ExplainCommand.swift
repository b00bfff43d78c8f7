// `bpc explain CODE`: prints a diagnostic code's entry of the language
// reference (embedded in the binary; see DiagnosticExplanations).

import ArgumentParser
import BlueprintSema
import BlueprintSyntax

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code, with a failing example and its fix.",
        discussion: """
            CODE is as printed in a diagnostic (error[BP2009]): BP2009, bp2009 and 2009 \
            are the same. --list prints every code with its title. Exit status 2 for an \
            unknown code (with the nearest known ones). The entries are the Diagnostics \
            section of Grammar/REFERENCE.md.

            Examples:
              bpc explain BP2009
              bpc explain --list
            """
    ).underBPC

    @Flag(name: .customLong("list"), help: "List every diagnostic code with its title.")
    var list = false

    @Argument(help: "The diagnostic code, such as BP2009.")
    var code: String?

    func validate() throws {
        if list, code != nil { throw ValidationError("give a CODE or --list, not both") }
        if !list, code == nil { throw ValidationError("missing CODE (such as BP2009); --list prints them all") }
    }

    func run() throws {
        if list {
            let lines = DiagnosticExplanations.all.map { "\($0.code)  \($0.title)\n" }
            try Terminal.writeOut(Array(lines.joined().utf8))
            return
        }
        let typed = code ?? ""
        guard let parsed = DiagnosticExplanations.code(fromUserText: typed), let entry = DiagnosticExplanations.entry(for: parsed) else {
            let near = DiagnosticExplanations.suggestions(for: typed).map(\.rawValue)
            let hint = near.isEmpty ? "" : "; did you mean \(near.joined(separator: ", "))?"
            Terminal.writeError("bpc: unknown diagnostic code '\(typed)'\(hint) ('bpc explain --list' prints them all)\n")
            throw ExitStatus.usageOrIO
        }
        try Terminal.writeOut(Array((entry.text + "\n").utf8))
    }
}
