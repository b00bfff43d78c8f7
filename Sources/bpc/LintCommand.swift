// `bpc lint`: checks .bp files and Kanister Blueprint YAML files and reports
// the diagnostics as human text, gcc lines, JSON or SARIF 2.1.0.

import ArgumentParser
import BlueprintSyntax

enum LintFormat: String, ExpressibleByArgument, CaseIterable {
    case human, gcc, json, sarif
}

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check .bp files and Kanister Blueprint YAML files without writing anything.",
        discussion: """
            A FILE ending in .yaml or .yml is read as Kanister YAML: every Blueprint of a \
            stream ('---') or of a 'kind: List' is checked, objects of other kinds are \
            skipped with a note, and in a file of several objects each diagnostic names \
            its object (JSON 'document', a SARIF logical location). A FILE ending in .bp is \
            read as .bp, together with the files it imports; .json as a bpc plan. Any \
            other FILE (and '-', standard input, named by --stdin-filename) is told by \
            its content. \
            Human output goes to standard error (in colour on a terminal unless \
            NO_COLOR is set); gcc ('file:line:col: severity: message [code]'), json \
            and sarif (SARIF 2.1.0) go to standard output. A file that cannot be read \
            is reported and the others are still checked. \
            Exit status: 0 no errors (warnings allowed unless --warnings-as-errors), \
            1 errors, 2 usage or I/O errors.

            \(AllowOption.discussion)

            \(KanisterOption.discussion)
            """
    ).underBPC

    @Option(help: "Output format: human, gcc, json or sarif.")
    var format: LintFormat = .human

    @Flag(help: "Exit with status 1 when there are warnings, too.")
    var warningsAsErrors = false

    @Option(
        name: .customLong("max-per-file"),
        help: ArgumentHelp("Human output shows at most N diagnostics per file, then how many more.", valueName: "N"))
    var maxPerFile = 50

    @OptionGroup var kanister: KanisterOption

    @OptionGroup var allow: AllowOption

    @OptionGroup var stdin: StdinOption

    @Argument(help: "The .bp, .yaml or .yml files to check ('-' reads standard input).")
    var files: [String]

    func validate() throws {
        guard maxPerFile >= 1 else { throw ValidationError("--max-per-file must be at least 1") }
    }

    func run() throws {
        var session = LintSession()
        session.kanister = kanister.version
        session.allowed = allow.codes
        session.stdinName = stdin.stdinFilename
        for path in files { session.lint(path) }
        let reports = session.sortedReports()
        let renderer = DiagnosticRenderer(
            style: style, useColor: format == .human && Terminal.stderrIsTTY,
            limitPerFile: format == .human ? maxPerFile : nil, tool: LintRules.tool(describingRules: format == .sarif))
        let text = renderer.render(reports, failures: session.failures)
        if format == .human {
            Terminal.writeError(text)
        } else {
            try Terminal.writeOut(Array(text.utf8))
        }
        for failure in session.failures { Terminal.writeError("bpc: \(failure)\n") }
        if let status = exitStatus(reports, failures: session.failures) { throw status }
    }

    var style: DiagnosticRenderer.Style {
        switch format {
        case .human: .human
        case .gcc: .gcc
        case .json: .json
        case .sarif: .sarif
        }
    }

    /// 2 when a file could not be read, else 1 on errors (or warnings with
    /// --warnings-as-errors), else nil (success).
    func exitStatus(_ reports: [DiagnosticReport], failures: [String]) -> ExitStatus? {
        if !failures.isEmpty { return .usageOrIO }
        let failing: Severity = warningsAsErrors ? .warning : .error
        let failed = reports.contains { $0.diagnostics.contains { $0.severity >= failing } }
        return failed ? .inputErrors : nil
    }
}
