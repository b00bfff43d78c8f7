// One `bpc lint` run: checks each input (.bp with its imports, or Kanister
// YAML), merges the reports of files seen twice, and records unreadable inputs.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import KanisterYAML

struct LintSession {
    /// Each file once, in the order first seen; inputs are listed even when clean.
    private(set) var reports: [DiagnosticReport] = []
    /// Inputs that could not be read, as `path: reason`.
    private(set) var failures: [String] = []
    private var indexByPath: [String: Int] = [:]
    /// The Kanister version phases are checked against.
    var kanister: KanisterVersion = .default
    /// Warning codes not reported (`--allow`).
    var allowed: Set<String> = []

    /// Names standard input ('-') in diagnostics (`--stdin-filename`).
    var stdinName: String?

    /// Checks one input: .bp with its imports, Kanister YAML (every Blueprint of
    /// it) or a plan file, by its extension or else its content.
    mutating func lint(_ path: String) {
        let file: SourceFile
        do {
            file = try Terminal.read(path, stdinName: stdinName)
        } catch {
            failures.append("\(error)")
            return
        }
        switch InputLanguage.detect(path: file.path, bytes: file.bytes) {
        case .blueprintSource: lintBlueprintSource(file)
        case .kanisterYAML:
            let analysis = BlueprintLinter.analyze(file, kanister: kanister)
            add(DiagnosticReport(file: file, diagnostics: analysis.diagnostics.allowing(allowed)), isInput: true)
            // The trees are not freed one node at a time before the report.
            Parallel.releaseInBackground(consume analysis)
        case .planArtifact:
            add(DiagnosticReport(file: file, diagnostics: PlanCodec.decode(file.bytes).diagnostics), isInput: true)
        }
    }

    /// A .bp file and the files it imports.
    mutating func lintBlueprintSource(_ file: SourceFile) {
        var compilation = Compilation.load(file, identity: FileSources().identity(of: file.path), from: FileSources())
        // Lint is compile without the write: the same passes, the same diagnostics.
        compilation.analyze(kanister: kanister, allowing: allowed)
        for (index, report) in compilation.reports.enumerated() {
            add(report, isInput: index == 0)
        }
    }

    /// Adds a file's diagnostics, merged with an earlier report of the same file
    /// (an import shared by two inputs is reported once). Imports without
    /// diagnostics are left out.
    mutating func add(_ report: DiagnosticReport, isInput: Bool) {
        let key = FileSources.canonicalPath(report.file.path)
        if let index = indexByPath[key] {
            // A set of what the file already has: the merge is linear, not a scan per diagnostic.
            var seen = Set(reports[index].diagnostics)
            for diagnostic in report.diagnostics where seen.insert(diagnostic).inserted {
                reports[index].diagnostics.append(diagnostic)
            }
            return
        }
        guard isInput || !report.diagnostics.isEmpty else { return }
        indexByPath[key] = reports.count
        reports.append(report)
    }

    /// The reports with each file's diagnostics in source order (ties keep their order).
    func sortedReports() -> [DiagnosticReport] {
        reports.map { DiagnosticReport(file: $0.file, diagnostics: $0.diagnostics.inSourceOrder) }
    }
}
