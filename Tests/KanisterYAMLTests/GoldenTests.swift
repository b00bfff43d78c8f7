// Golden tests of the importer (Fixtures/import/X.yaml -> X.bp) and of the
// whole compile path (Fixtures/compile/X.bp -> X.yaml): quoting traps, chomping,
// idioms, comments. BPC_UPDATE_GOLDENS=1 rewrites the goldens and fails.

import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct GoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func inputs(_ folder: String, _ suffix: String) -> [URL] {
        let directory = fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(suffix) }.sorted().map { directory.appendingPathComponent($0) }
    }

    /// Compares `actual` with the golden file; with BPC_UPDATE_GOLDENS=1 rewrites it and fails.
    func expectGolden(_ actual: String, _ golden: URL) throws {
        if ProcessInfo.processInfo.environment["BPC_UPDATE_GOLDENS"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            Issue.record("rewrote \(golden.lastPathComponent); run again without BPC_UPDATE_GOLDENS")
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(actual == expected, "\(golden.lastPathComponent) differs")
    }

    @Test func fixturesExist() {
        #expect(Self.inputs("import", ".yaml").count >= 2)
        #expect(Self.inputs("compile", ".bp").count >= 1)
    }

    @Test(arguments: inputs("import", ".yaml"))
    func importMatchesGolden(_ url: URL) throws {
        let result = BlueprintImporter.importBlueprint(try [UInt8](Data(contentsOf: url)))
        let source = try #require(result.source, "\(result.diagnostics.map(\.message))")
        try expectGolden(source, url.deletingPathExtension().appendingPathExtension("bp"))
        // The import compiles back to the same blueprint.
        let compiled = BlueprintCompiler.compile(SourceFile(path: url.lastPathComponent, text: source))
        if ["idioms.yaml", "artifacts.yaml", "shared-values.yaml"].contains(url.lastPathComponent) {
            let yaml = try #require(compiled.yaml, "\(compiled.diagnostics.map(\.message))")
            let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
            defer { try? FileManager.default.removeItem(at: output) }
            let equal = try TestSupport.run(try TestSupport.kcheck.get(), ["equal", url.path, output.path])
            #expect(equal.status == 0, "\(equal.output)\(equal.errors)")
        }
    }

    @Test(arguments: inputs("compile", ".bp"))
    func compileMatchesGolden(_ url: URL) throws {
        let file = SourceFile(path: "Fixtures/compile/" + url.lastPathComponent, bytes: try [UInt8](Data(contentsOf: url)))
        let result = BlueprintCompiler.compile(file)
        let yaml = try #require(result.yaml, "\(result.diagnostics.map(\.message))")
        try expectGolden(String(decoding: yaml, as: UTF8.self), url.deletingPathExtension().appendingPathExtension("yaml"))
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let validated = try TestSupport.run(try TestSupport.kcheck.get(), ["validate", output.path])
        #expect(validated.status == 0, "\(validated.output)\(validated.errors)")
    }

    @Test func notABlueprintIsAClearError() {
        let result = BlueprintImporter.importBlueprint(Array("apiVersion: v1\nkind: ConfigMap\n".utf8))
        #expect(result.source == nil)
        #expect(result.diagnostics.map(\.code) == [.notBlueprint])
        #expect(result.diagnostics.first?.message.contains("kind: ConfigMap") == true)
    }

    @Test func yamlBombIsAnErrorNotAnOutOfMemory() {
        var text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = level == 1 ? "a" : "l\(level - 1)"
            text += "l\(level): &l\(level) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
        }
        let result = BlueprintImporter.importBlueprint(Array(text.utf8))
        #expect(result.source == nil)
        #expect(result.diagnostics.first?.code == .yamlSyntax)
    }
}
