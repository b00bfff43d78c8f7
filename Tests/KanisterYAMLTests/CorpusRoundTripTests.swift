// The acceptance test of import and compile: every real blueprint survives
// import then compile unchanged (kcheck equal), compiled files pass kcheck
// validate except for what kcheck reports on the original, and every sample
// compiles to YAML that kcheck validates.

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct CorpusRoundTripTests {
    static let corpus = TestSupport.corpusBlueprints()

    @Test func corpusIsPresent() {
        #expect(Self.corpus.count >= 30)
    }

    @Test(arguments: corpus)
    func importThenCompileIsIdentical(_ url: URL) throws {
        let kcheck = try TestSupport.kcheck.get()
        let original = try [UInt8](Data(contentsOf: url))
        let imported = BlueprintImporter.importBlueprint(original)
        let source = try #require(imported.source, "import failed: \(imported.diagnostics.map(\.message))")
        let file = SourceFile(path: url.lastPathComponent + ".bp", text: source)
        let compiled = BlueprintCompiler.compile(file)
        guard let yaml = compiled.yaml else {
            try expectRefusedByKanister(url, compiled.diagnostics, in: file)
            return
        }
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }

        let equal = try TestSupport.run(kcheck, ["equal", url.path, output.path])
        #expect(equal.status == 0, "kcheck equal: \(equal.output)\(equal.errors)")

        let before = try TestSupport.run(kcheck, ["validate", "-no-warn", url.path])
        let after = try TestSupport.run(kcheck, ["validate", "-no-warn", output.path])
        let problemsBefore = Set(problems(before.output, path: url.path))
        let problemsAfter = problems(after.output, path: output.path)
        for problem in problemsAfter {
            #expect(problemsBefore.contains(problem), "new kcheck problem: \(problem)")
        }
    }

    /// A real blueprint that Kanister itself refuses for reusing a phase name
    /// imports, and compiling it reports each clash on the reused name.
    func expectRefusedByKanister(_ url: URL, _ diagnostics: [Diagnostic], in file: SourceFile) throws {
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty && errors.allSatisfy { $0.code == .duplicatePhase }, "compile failed: \(errors.map(\.message))")
        for error in errors {
            #expect(error.message.contains("'\(file.text(error.range))'"), "\(error.message) at \(file.text(error.range))")
        }
        let original = try TestSupport.run(try TestSupport.kcheck.get(), ["validate", "-no-warn", url.path])
        #expect(original.status != 0 && original.output.contains("duplicated phase name"), "kcheck accepts \(url.lastPathComponent)")
    }

    /// kcheck's problem lines with the file name removed.
    func problems(_ output: String, path: String) -> [String] {
        output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("OK ") }
            .map { $0.replacingOccurrences(of: path, with: "FILE") }
    }

    @Test(arguments: TestSupport.samples())
    func sampleCompilesAndValidates(_ url: URL) throws {
        let kcheck = try TestSupport.kcheck.get()
        let file = SourceFile(path: url.lastPathComponent, bytes: try [UInt8](Data(contentsOf: url)))
        let compiled = BlueprintCompiler.compile(file)
        let errors = compiled.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let yaml = try #require(compiled.yaml)
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let result = try TestSupport.run(kcheck, ["validate", output.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(result.output.hasPrefix("OK "))
    }

    @Test func samplesArePresent() {
        #expect(TestSupport.samples().count >= 8)
    }
}
