// The compile target's properties on parseable .bp input: every pass runs without
// a crash, diagnostics lie in the file, and the pipeline's invariants hold (lint
// fails iff compile fails; the YAML lints clean, imports and compiles back).

import BlueprintSyntax
import KanisterYAML

/// A source provider for inputs that import nothing: every import is unreadable.
struct NoImports: SourceProvider {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    func read(_ path: String) throws -> SourceFile { throw Missing(description: "\(path): no such file") }
    func identity(of path: String) -> String { path }
}

extension FuzzChecks {
    static func checkCompile(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
        let file = SourceFile(path: "fuzz.bp", bytes: bytes)
        var compilation = Compilation.load(file, identity: file.path, from: NoImports())
        guard !compilation.hasErrors else { return }
        compilation.analyze()
        for report in compilation.reports {
            failures.expectInBounds(report.diagnostics, count: report.file.bytes.count, "lint")
        }
        let lintErrors = compilation.reports.flatMap(\.diagnostics).filter { $0.severity == .error }
        failures.expect(
            lintErrors.isEmpty == (compilation.blueprint != nil),
            "lint: \(lintErrors.count) errors but the Kanister model is \(compilation.blueprint == nil ? "missing" : "there")")
        let compiled = BlueprintCompiler.compile(file)
        failures.expectInBounds(compiled.diagnostics, count: bytes.count, "compile")
        failures.expect(
            lintErrors.isEmpty == (compiled.yaml != nil),
            "lint fails: \(!lintErrors.isEmpty), compile fails: \(compiled.yaml == nil): \(describe(lintErrors + compiled.diagnostics.filter { $0.severity == .error }))"
        )
        guard let yaml = compiled.yaml else { return }
        checkCompiledYAML(yaml, &failures)
    }

    /// What compiles lints clean as YAML, and imports to a .bp that compiles to the same YAML.
    static func checkCompiledYAML(_ yaml: [UInt8], _ failures: inout FuzzFailures) {
        let lint = BlueprintLinter.lint(bytes: yaml, path: "compiled.yaml")
        failures.expectInBounds(lint, count: yaml.count, "lint of the compiled YAML")
        let lintErrors = lint.filter { $0.severity == .error }
        failures.expect(lintErrors.isEmpty, "lint of the compiled YAML: \(describe(lintErrors))")
        let imported = BlueprintImporter.importBlueprint(yaml)
        guard let source = imported.source else {
            failures.fail("import of the compiled YAML: \(describe(imported.diagnostics))")
            return
        }
        let again = BlueprintCompiler.compile(SourceFile(path: "imported.bp", text: source))
        guard let yamlAgain = again.yaml else {
            failures.fail("the imported .bp does not compile: \(describe(again.diagnostics))\n\(source)")
            return
        }
        failures.expect(body(yamlAgain) == body(yaml), "import then compile differs\n\(source)")
    }

    /// The YAML without its header comment (which names the source file).
    static func body(_ yaml: [UInt8]) -> String {
        String(decoding: yaml, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("#") }.joined(separator: "\n")
    }
}
