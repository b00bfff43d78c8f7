// Artifact types beyond the fixtures: the fix-it that declares an unproduced
// input's shape, producers in imported files, and the union of two producers.

import BlueprintSema
import BlueprintSyntax
import Testing

@Suite struct ArtifactTypeTests {
    static func module(_ text: String, path: String = "main.bp") -> Module {
        let file = SourceFile(path: path, text: text)
        return Module(file: file, syntax: Parser.parse(file).syntax)
    }

    static func check(_ main: Module, imports: [Module] = []) -> [Diagnostic] {
        SemanticChecker.check(SymbolTable(main: main, imports: imports), main: main).diagnostics
    }

    static let restore = """
        blueprint b
        action restore {
          input dump
          phase load: KubeTask {
            image: "busybox"
            command: ["echo", dump.KeyValue.path, "{{ .ArtifactsIn.dump.KopiaSnapshot }} {{ index .ArtifactsIn.dump.KeyValue \\"id\\" }}"]
          }
        }

        """

    /// Applying the fix-it gives a file that checks clean.
    @Test func fixItDeclaresTheShapeRead() throws {
        let main = Self.module(Self.restore)
        let diagnostics = Self.check(main)
        let error = try #require(diagnostics.first { $0.code == .unshapedInput }, "\(diagnostics.map(\.message))")
        let fix = try #require(error.fixIts.first)
        #expect(fix.replacement == ": kopia { path, id }")
        var bytes = main.file.bytes
        bytes.replaceSubrange(fix.range.start..<fix.range.end, with: Array(fix.replacement.utf8))
        let fixed = Self.module(String(decoding: bytes, as: UTF8.self))
        #expect(String(decoding: bytes, as: UTF8.self).contains("input dump: kopia { path, id }\n"))
        #expect(Self.check(fixed).filter { $0.severity == .error }.isEmpty)
    }

    /// An output in an imported file types the input; the note names that file.
    @Test func importedProducerTypesTheInput() throws {
        let library = Self.module(
            """
            action backup {
              output dump = kopia("{{ .Phases.save.Output.snapshot }}") { path: "/backups" }
              phase save: KubeTask { image: "busybox", command: ["echo"] }
            }

            """, path: "lib.bp")
        let main = Self.module(Self.restore)
        let diagnostics = Self.check(main, imports: [library])
        #expect(!diagnostics.contains { $0.code == .unshapedInput })
        let key = try #require(diagnostics.first { $0.code == .unknownArtifactKey }, "\(diagnostics.map(\.message))")
        #expect(key.message.contains("no keyValue key 'id'; its keys are path"))
        #expect(key.notes.first?.file == "lib.bp")
        #expect(key.notes.first?.message == "'dump' is output by action 'backup' here (2:10)")
    }

    /// Two actions output one name: an input may come from either, so it has the keys of both.
    @Test func twoProducersGiveTheUnion() {
        let main = Self.module(
            """
            blueprint b
            action full {
              output dump = kopia("{{ .Phases.a.Output.s }}") { path: "/x" }
              phase a: KubeTask { image: "busybox", command: ["bash", "-c", "kando output s 1"] }
            }
            action light {
              output dump { id: "1" }
              phase b: KubeTask { image: "busybox", command: ["echo"] }
            }

            """ + Self.restore.replacingOccurrences(of: "blueprint b\n", with: ""))
        let errors = Self.check(main).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let table = SymbolTable(main: main)
        #expect(table.artifacts.producedType(of: "dump") == ArtifactType(keys: ["path", "id"], hasKopiaSnapshot: true))
    }

    /// `bpc lint` of YAML builds its module open; the same .bp module is not.
    @Test func openModulesLeaveUnproducedInputsUnchecked() {
        var main = Self.module(Self.restore)
        main.leavesUnproducedInputsOpen = true
        #expect(Self.check(main).filter { $0.severity == .error }.isEmpty)
    }
}
