// The importer target's properties on YAML input: the linter's and importer's
// diagnostics lie in the input, and an imported .bp parses and compiles (when the
// YAML lints clean, without errors).

import BlueprintSyntax
import KanisterYAML

extension FuzzChecks {
    static func checkImporter(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
        let lint = BlueprintLinter.lint(bytes: bytes, path: "fuzz.yaml")
        failures.expectInBounds(lint, count: bytes.count, "lint")
        let imported = BlueprintImporter.importBlueprint(bytes)
        failures.expectInBounds(imported.diagnostics, count: bytes.count, "import")
        guard let source = imported.source else { return }
        let file = SourceFile(path: "imported.bp", text: source)
        var compilation = Compilation.load(file, identity: file.path, from: NoImports())
        let parseErrors = compilation.reports.flatMap(\.diagnostics).filter { $0.severity == .error }
        failures.expect(parseErrors.isEmpty, "the imported .bp does not parse: \(describe(parseErrors))\n\(source)")
        guard parseErrors.isEmpty else { return }
        compilation.analyze()
        for report in compilation.reports {
            failures.expectInBounds(report.diagnostics, count: report.file.bytes.count, "compile of the imported .bp")
        }
        let lintClean = !lint.contains { $0.severity == .error }
        let errors = compilation.reports.flatMap(\.diagnostics).filter { $0.severity == .error }
        failures.expect(
            !lintClean || errors.isEmpty, "the YAML lints clean but its import does not compile: \(describe(errors))\n\(source)")
    }
}
