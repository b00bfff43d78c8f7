// The quick fixes the checks carry for a read of something the action does not
// declare: `input X`, `secret X`, `configmap X` inserted as the action's first
// item, and `| toString` after a bytes value a template would print as numbers.

import BlueprintSema
import BlueprintSyntax
import Testing

struct DeclarationFixItCase: Sendable, CustomTestStringConvertible {
    var code: String
    /// The action's items before its phase (declarations).
    var declarations: String
    /// The value of phase `use`'s command.
    var read: String
    /// The source line the fix-it inserts, or nil when it edits the read.
    var inserted: String?
    /// The read once fixed (when the fix-it edits the read).
    var fixedRead: String?
    var testDescription: String { "\(code): \(read)" }
}

@Suite struct DeclarationFixItTests {
    static let cases: [DeclarationFixItCase] = [
        // No input declared: a warning, with the declaration as its fix-it.
        DeclarationFixItCase(code: "BP2010", declarations: "", read: #""{{ .ArtifactsIn.snap.KeyValue.path }}""#, inserted: "  input snap\n"),
        // Other inputs declared, none near the name: an error, and the same fix-it.
        DeclarationFixItCase(
            code: "BP2010", declarations: "  input cfg\n", read: #""{{ .ArtifactsIn.backup.KeyValue.path }}""#, inserted: "  input backup\n"),
        DeclarationFixItCase(code: "BP2012", declarations: "", read: #""{{ .Secrets.creds.Data.user | toString }}""#, inserted: "  secret creds\n"),
        DeclarationFixItCase(
            code: "BP2012", declarations: "  secret other\n", read: #""{{ .Secrets.token.Data.user | toString }}""#, inserted: "  secret token\n"),
        DeclarationFixItCase(code: "BP2012", declarations: "", read: #""{{ .ConfigMaps.cfg.Data.host }}""#, inserted: "  configmap cfg\n"),
        // Bytes printed as they are: pipe them through toString.
        DeclarationFixItCase(
            code: "BP2056", declarations: "  secret creds\n", read: #""{{ .Secrets.creds.Data.user }}""#,
            fixedRead: #""{{ .Secrets.creds.Data.user | toString }}""#),
        DeclarationFixItCase(
            code: "BP2056", declarations: "  secret creds\n", read: #"creds.Data.user"#, fixedRead: #"creds.Data.user | toString"#),
    ]

    static func source(declarations: String, read: String) -> String {
        """
        blueprint fixits

        action restore on StatefulSet {
        \(declarations)  phase use: KubeTask {
            image: "busybox"
            command: ["echo", \(read)]
          }
        }

        """
    }

    @Test(arguments: cases)
    func fixItDeclaresWhatIsRead(_ testCase: DeclarationFixItCase) throws {
        let text = Self.source(declarations: testCase.declarations, read: testCase.read)
        let (_, diagnostics) = SemaFixtures.diagnostics(of: "fixits.bp", text: text)
        let found = try #require(diagnostics.first { $0.code.rawValue == testCase.code }, "\(diagnostics.map { "\($0.code) \($0.message)" })")
        try #require(found.fixIts.count == 1, "no fix-it: \(found.message)")
        let repaired = ObjectFixItTests.apply(found.fixIts[0], to: text)
        if let inserted = testCase.inserted {
            #expect(repaired == Self.source(declarations: testCase.declarations + inserted, read: testCase.read), "\(repaired)")
        }
        if let fixedRead = testCase.fixedRead {
            #expect(repaired == Self.source(declarations: testCase.declarations, read: fixedRead), "\(repaired)")
        }
        let after = SemaFixtures.diagnostics(of: "fixits.bp", text: repaired).diagnostics
        #expect(!after.contains { $0.code.rawValue == testCase.code }, "\(after.map { "\($0.code) \($0.message)" })")
    }

    /// A near declared name is a typo: the message says "did you mean", and no declaration is offered.
    @Test func aNearNameGetsNoDeclaration() {
        let text = Self.source(declarations: "  input snapshot\n", read: #""{{ .ArtifactsIn.snapshots.KeyValue.path }}""#)
        let diagnostics = SemaFixtures.diagnostics(of: "fixits.bp", text: text).diagnostics
        let found = diagnostics.first { $0.code.rawValue == "BP2010" }
        #expect(found?.message.contains("did you mean 'snapshot'") == true, "\(diagnostics.map(\.message))")
        #expect(found?.fixIts.isEmpty == true)
    }
}
