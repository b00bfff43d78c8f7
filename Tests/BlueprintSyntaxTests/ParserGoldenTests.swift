// Parser golden tests: each Fixtures/parse/NAME.bp is parsed and its AST dump
// compared with NAME.ast. BPC_UPDATE_GOLDENS=1 rewrites the .ast files (and fails).

import BlueprintSyntax
import Foundation
import Testing

@Suite("Parser goldens")
struct ParserGoldenTests {
    static let directory = TestPaths.fixtures.appendingPathComponent("parse")
    static let names = TestPaths.fixtureNames("parse", ext: "bp")

    static func load(_ name: String) throws -> SourceFile {
        let url = directory.appendingPathComponent(name + ".bp")
        let data = try #require(FileManager.default.contents(atPath: url.path), "cannot read \(url.path)")
        return SourceFile(path: name + ".bp", bytes: Array(data))
    }

    @Test(arguments: names)
    func dumpMatchesGolden(_ name: String) throws {
        let file = try Self.load(name)
        let result = Parser.parse(file)
        var text = ASTDumper.dump(result.syntax, file: file)
        // Golden inputs are valid programs; any diagnostic shows up in the dump too.
        text += DiagnosticRenderer().render(result.diagnostics, in: file)
        #expect(result.diagnostics.isEmpty, "\(name).bp: \(result.diagnostics.map(\.message))")
        Golden.check(text, against: Self.directory.appendingPathComponent(name + ".ast"))
    }

    /// The table above must not pass vacuously, and no golden may be orphaned.
    @Test func fixturesArePresent() {
        #expect(Self.names.count >= 15, "found \(Self.names.count) parse fixtures in \(Self.directory.path)")
        let goldens = TestPaths.fixtureNames("parse", ext: "ast")
        #expect(Set(goldens) == Set(Self.names), "each NAME.bp needs NAME.ast and vice versa")
    }

    /// Parsing is a pure function of the bytes: twice the same tree.
    @Test(arguments: names)
    func parsingIsDeterministic(_ name: String) throws {
        let file = try Self.load(name)
        #expect(Parser.parse(file).syntax == Parser.parse(file).syntax)
    }
}
