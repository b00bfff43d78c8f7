// The fix-its of the object checks: applied to the source, each one turns the
// reported read or object into one the checks accept, with nothing else reported.

import BlueprintSema
import BlueprintSyntax
import Testing

struct ObjectFixItCase: Sendable, CustomTestStringConvertible {
    var code: String
    /// An object entry of phase `dump`, or nil for the usual ones.
    var object: String?
    /// The value of phase `use`'s command: an expression or a string.
    var read: String
    /// The read once fixed.
    var fixed: String
    var testDescription: String { "\(code): \(read)" }
}

@Suite struct ObjectFixItTests {
    static let cases: [ObjectFixItCase] = [
        ObjectFixItCase(code: "BP2054", read: #"dump.secrets.db.data["user"] | toString"#, fixed: #"dump.secrets.db.Data["user"] | toString"#),
        ObjectFixItCase(
            code: "BP2054", read: #""{{ .Phases.dump.Secrets.db.Dta.user | toString }}""#,
            fixed: #""{{ .Phases.dump.Secrets.db.Data.user | toString }}""#),
        ObjectFixItCase(code: "BP2054", read: #""{{ .Secrets.creds.lables.x }}""#, fixed: #""{{ .Secrets.creds.Labels.x }}""#),
        ObjectFixItCase(code: "BP2055", read: #"dump.secrets.db["user"] | toString"#, fixed: #"dump.secrets.db.Data["user"] | toString"#),
        ObjectFixItCase(code: "BP2055", read: #"dump.configMaps.cfg.host"#, fixed: #"dump.configMaps.cfg.Data.host"#),
        ObjectFixItCase(
            code: "BP2055", read: ##"#"{{ index .Phases.dump.Secrets.db "user" | toString }}"#"##,
            fixed: ##"#"{{ index .Phases.dump.Secrets.db.Data "user" | toString }}"#"##),
        ObjectFixItCase(code: "BP2055", read: #"creds["token"] | toString"#, fixed: #"creds.Data["token"] | toString"#),
        ObjectFixItCase(code: "BP2050", object: #"x: Secrt(name: "x")"#, read: #""true""#, fixed: #""true""#),
        ObjectFixItCase(code: "BP2050", object: #"x: { kind: "Configmaps", name: "x" }"#, read: #""true""#, fixed: #""true""#),
        ObjectFixItCase(code: "BP2052", object: #"x: Secret(nmae: "x")"#, read: #""true""#, fixed: #""true""#),
        ObjectFixItCase(code: "BP2052", object: #"x: { kind: "Secret", name: "x", Namespace: "y" }"#, read: #""true""#, fixed: #""true""#),
    ]

    static func source(object: String?, read: String) -> String {
        """
        blueprint fixits

        action backup on StatefulSet {
          secret creds

          phase dump: KubeTask {
            objects {
              db: Secret(name: "db", namespace: StatefulSet.Namespace)
              cfg: ConfigMap(name: "cfg", namespace: StatefulSet.Namespace)
              \(object ?? "")
            }
            image: "busybox"
            command: ["sh", "-c", "true"]
          }

          phase use: KubeTask {
            image: "busybox"
            command: ["echo", \(read)]
          }
        }

        """
    }

    /// The source with one fix-it applied.
    static func apply(_ fix: FixIt, to text: String) -> String {
        var bytes = Array(text.utf8)
        bytes.replaceSubrange(fix.range.start..<fix.range.end, with: Array(fix.replacement.utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test(arguments: cases)
    func fixItRepairsTheRead(_ testCase: ObjectFixItCase) throws {
        let text = Self.source(object: testCase.object, read: testCase.read)
        let (_, diagnostics) = SemaFixtures.diagnostics(of: "fixits.bp", text: text)
        let errors = diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1, "\(errors.map { "\($0.code) \($0.message)" })")
        #expect(errors[0].code.rawValue == testCase.code, "\(errors[0].message)")
        try #require(errors[0].fixIts.count == 1, "no fix-it: \(errors[0].message)")
        let repaired = Self.apply(errors[0].fixIts[0], to: text)
        if testCase.object == nil { #expect(repaired == Self.source(object: nil, read: testCase.fixed), "\(repaired)") }
        let after = SemaFixtures.diagnostics(of: "fixits.bp", text: repaired).diagnostics
        #expect(after.filter { $0.severity == .error }.isEmpty, "\(after.map { "\($0.code) \($0.message)" })")
    }
}
