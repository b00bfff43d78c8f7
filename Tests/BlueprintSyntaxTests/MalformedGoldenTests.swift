// Malformed-input goldens: each Fixtures/malformed/NAME.bp is what an editor
// holds while someone types. NAME.golden is its syntax tree (what completion
// and hover work on) and its diagnostics; BPC_UPDATE_GOLDENS=1 rewrites them.

import BlueprintSyntax
import Foundation
import Testing

@Suite("Malformed-input goldens")
struct MalformedGoldenTests {
    static let directory = TestPaths.fixtures.appendingPathComponent("malformed")
    static let names = TestPaths.fixtureNames("malformed", ext: "bp")
    /// One mistake is one diagnostic, two at most (a missing closer's second report).
    static let maxDiagnostics = 2

    static func load(_ name: String) throws -> SourceFile {
        let url = directory.appendingPathComponent(name + ".bp")
        let data = try #require(FileManager.default.contents(atPath: url.path), "cannot read \(url.path)")
        return SourceFile(path: name + ".bp", bytes: Array(data))
    }

    @Test(arguments: names)
    func treeAndDiagnosticsMatchGolden(_ name: String) throws {
        let file = try Self.load(name)
        let result = Parser.parse(file)
        #expect(result.hasErrors, "\(name).bp is meant to be malformed")
        #expect(result.diagnostics.count <= Self.maxDiagnostics, "\(name).bp: \(result.diagnostics.map(\.message))")
        let text = ASTDumper.dump(result.syntax, file: file) + "--- diagnostics\n" + DiagnosticRenderer().render(result.diagnostics, in: file)
        Golden.check(text, against: Self.directory.appendingPathComponent(name + ".golden"))
    }

    /// Every prefix of each fixture (what an editor holds while the file is
    /// typed from the top) parses without a crash and with few diagnostics.
    @Test(arguments: names)
    func everyPrefixParses(_ name: String) throws {
        let bytes = try Self.load(name).bytes
        for end in stride(from: 0, through: bytes.count, by: 3) {
            let result = Parser.parse(SourceFile(path: "prefix.bp", bytes: Array(bytes[..<end])))
            #expect(result.diagnostics.count <= 6, "\(name).bp cut at \(end): \(result.diagnostics.map(\.message))")
        }
    }

    @Test func fixturesArePresent() {
        #expect(Self.names.count >= 8)
        #expect(Set(TestPaths.fixtureNames("malformed", ext: "golden")) == Set(Self.names), "each NAME.bp needs NAME.golden")
    }
}
