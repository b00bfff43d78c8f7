// `importStream`: one .bp per Blueprint of a stream or List, comments kept with
// their own document, server-set fields left out (round trip modulo them, on
// the real corpus shaped as `kubectl get -o yaml` prints it).

import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct StreamImportTests {
    @Test(arguments: [1, 2, 10])
    func everyBlueprintIsImported(count: Int) throws {
        let names = (0..<count).map { "bp-\($0)" }
        let text = StreamFixture.stream(
            [StreamFixture.configMap] + names.map { StreamFixture.blueprint($0, comment: "comment of \($0)") })
        let result = BlueprintImporter.importStream(Array(text.utf8))
        #expect(!result.hasErrors)
        #expect(result.blueprints.map(\.name) == names)
        #expect(result.diagnostics.map(\.code) == [.skippedObject])
        for (name, imported) in zip(names, result.blueprints) {
            let source = try #require(imported.source)
            #expect(source.hasPrefix("blueprint \(name)") || source.contains("\nblueprint \(name)"), "\(source)")
            // Each comment stays with its own Blueprint.
            #expect(source.contains("# comment of \(name)\n"))
            #expect(source.components(separatedBy: "# comment of").count == 2, "\(source)")
            let compiled = BlueprintCompiler.compile(SourceFile(path: name + ".bp", text: source))
            #expect(compiled.yaml != nil, "\(compiled.diagnostics.map(\.message))")
        }
    }

    @Test func importBlueprintRefusesSeveralAndListsThem() {
        let text = StreamFixture.stream([StreamFixture.blueprint("a"), StreamFixture.blueprint("b")])
        let result = BlueprintImporter.importBlueprint(Array(text.utf8))
        #expect(result.source == nil)
        let error = result.diagnostics.first { $0.severity == .error }
        #expect(error?.code == .severalBlueprints)
        #expect(error?.message.contains("'a', 'b'") == true)
    }

    @Test func serverFieldsAreLeftOutAndListed() throws {
        let text = StreamFixture.withServerFields(StreamFixture.blueprint("x")) + "status:\n  phase: Ready\n"
        let result = BlueprintImporter.importStream(Array(text.utf8))
        let imported = try #require(result.blueprints.first)
        let source = try #require(imported.source, "\(imported.diagnostics.map(\.message))")
        #expect(
            imported.omittedFields == [
                "status", "metadata.creationTimestamp", "metadata.generation", "metadata.managedFields", "metadata.resourceVersion",
                "metadata.selfLink", "metadata.uid", "the annotation kubectl.kubernetes.io/last-applied-configuration",
            ])
        for field in ["uid", "resourceVersion", "managedFields", "creationTimestamp", "last-applied", "annotations", "selfLink", "status"] {
            #expect(!source.contains(field), "\(field) in \(source)")
        }
    }

    @Test func keepServerFieldsKeepsMetadata() throws {
        let text = StreamFixture.withServerFields(StreamFixture.blueprint("x"))
        let result = BlueprintImporter.importStream(Array(text.utf8), keepServerFields: true)
        let imported = try #require(result.blueprints.first)
        let source = try #require(imported.source, "\(imported.diagnostics.map(\.message))")
        #expect(imported.omittedFields.isEmpty)
        for field in ["uid", "resourceVersion", "managedFields", "last-applied-configuration"] {
            #expect(source.contains(field), "\(field) missing")
        }
        let compiled = BlueprintCompiler.compile(SourceFile(path: "x.bp", text: source))
        #expect(compiled.yaml != nil, "\(compiled.diagnostics.map(\.message))")
    }

    @Test func anAnnotationsMapWrittenEmptyStays() throws {
        let text = StreamFixture.blueprint("x").replacingOccurrences(of: "  name: x\n", with: "  name: x\n  annotations: {}\n")
        let source = try #require(BlueprintImporter.importStream(Array(text.utf8)).blueprints.first?.source)
        #expect(source.contains("annotations: {}"), "\(source)")
    }

    @Test func otherAnnotationsStay() throws {
        let text = StreamFixture.withServerFields(StreamFixture.blueprint("x"))
            .replacingOccurrences(of: "  annotations:\n", with: "  annotations:\n    team: storage\n")
        let source = try #require(BlueprintImporter.importStream(Array(text.utf8)).blueprints.first?.source)
        #expect(source.contains("team") && !source.contains("last-applied"))
    }

    /// The real corpus as one `kubectl get blueprints -o yaml` List, server fields
    /// and all: each item imports, and compiles back to its original file.
    @Test func corpusAsAKubectlListRoundTrips() throws {
        let kcheck = try TestSupport.kcheck.get()
        let urls = TestSupport.corpusBlueprints().filter {
            ((try? String(contentsOf: $0, encoding: .utf8)) ?? "").contains("\nmetadata:\n")
        }
        #expect(urls.count >= 20)
        let texts = try urls.map { StreamFixture.withServerFields(try String(contentsOf: $0, encoding: .utf8)) }
        let list = StreamFixture.list(texts)
        let result = BlueprintImporter.importStream(Array(list.utf8))
        #expect(result.blueprints.count == urls.count)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.message))")
        var compared = 0
        for (url, imported) in zip(urls, result.blueprints) {
            let source = try #require(imported.source, "\(url.lastPathComponent): \(imported.diagnostics.map(\.message))")
            #expect(imported.omittedFields.count == 7, "\(url.lastPathComponent): \(imported.omittedFields)")
            #expect(!source.contains("managedFields") && !source.contains("4b1d3c0e"))
            guard let yaml = BlueprintCompiler.compile(SourceFile(path: "x.bp", text: source)).yaml else { continue }
            let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
            defer { try? FileManager.default.removeItem(at: output) }
            let equal = try TestSupport.run(kcheck, ["equal", url.path, output.path])
            #expect(equal.status == 0, "\(url.lastPathComponent): \(equal.output)\(equal.errors)")
            compared += 1
        }
        #expect(compared >= 20)
    }
}
