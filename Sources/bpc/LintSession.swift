// One `bpc lint` run: checks each input (.bp with its imports, or Kanister
// YAML), merges the reports of files seen twice, and records unreadable inputs.

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

    static func isKanisterYAML(_ path: String) -> Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml")
    }

    mutating func lint(_ path: String) {
        if LintSession.isKanisterYAML(path) {
            lintKanisterYAML(path)
        } else {
            lintBlueprintSource(path)
        }
    }

    /// A .bp file and the files it imports.
    mutating func lintBlueprintSource(_ path: String) {
        var compilation: Compilation
        do {
            compilation = try Compilation.load(path, from: FileSources())
        } catch {
            failures.append("\(error)")
            return
        }
        // Lint is compile without the write: the same passes, the same diagnostics.
        compilation.analyze(kanister: kanister, allowing: allowed)
        for (index, report) in compilation.reports.enumerated() {
            add(report, isInput: index == 0)
        }
    }

    mutating func lintKanisterYAML(_ path: String) {
        let file: SourceFile
        do {
            file = try Terminal.read(path)
        } catch {
            failures.append("\(error)")
            return
        }
        add(DiagnosticReport(file: file, diagnostics: KanisterYAMLLint.lint(file, kanister: kanister).allowing(allowed)), isInput: true)
    }

    /// Adds a file's diagnostics, merged with an earlier report of the same file
    /// (an import shared by two inputs is reported once). Imports without
    /// diagnostics are left out.
    mutating func add(_ report: DiagnosticReport, isInput: Bool) {
        let key = FileSources.canonicalPath(report.file.path)
        if let index = indexByPath[key] {
            for diagnostic in report.diagnostics where !reports[index].diagnostics.contains(diagnostic) {
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
