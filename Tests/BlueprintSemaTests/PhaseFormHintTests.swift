// `objects` and `outputs` written as arguments (with a colon) get a note on the
// phase-level form and a fix-it that removes the colon; a Kanister function
// called with ( ... ) is one error, not also its arguments reported missing.

import BlueprintSema
import BlueprintSyntax
import Testing

@Suite struct PhaseFormHintTests {
    static func source(_ body: String) -> String {
        "blueprint hints\n\naction backup {\n  phase dump: KubeTask {\n    \(body)\n    image: \"busybox\"\n    command: [\"./dump.sh\"]\n  }\n}\n"
    }

    @Test(arguments: [
        (#"objects: { creds: { kind: "Secret", name: "db", namespace: "ns" } }"#, "objects { name: Secret("),
        (#"outputs: ["id"]"#, "outputs [key, ...]"),
    ])
    func argumentFormGetsTheFix(_ body: String, _ form: String) throws {
        let text = Self.source(body)
        let errors = SemaFixtures.diagnostics(of: "hints.bp", text: text).diagnostics.filter { $0.severity == .error }
        try #require(errors.count == 1, "\(errors.map { "\($0.code) \($0.message)" })")
        #expect(errors[0].code == .unsupportedArgument)
        #expect(errors[0].notes.first?.message.contains(form) == true, "\(errors[0].notes)")
        let fix = try #require(errors[0].fixIts.first)
        let repaired = ObjectFixItTests.apply(fix, to: text)
        #expect(repaired == Self.source(body.replacingOccurrences(of: ": ", with: " ", options: [], range: body.range(of: ": "))))
        let after = SemaFixtures.diagnostics(of: "hints.bp", text: repaired).diagnostics
        #expect(after.filter { $0.severity == .error }.isEmpty, "\(after.map { "\($0.code) \($0.message)" })")
    }

    @Test func otherUnsupportedArgumentsGetNoFix() throws {
        let errors = SemaFixtures.diagnostics(of: "hints.bp", text: Self.source("imagePullPolicy: \"Always\"")).diagnostics
        let error = try #require(errors.first { $0.code == .unsupportedArgument })
        #expect(error.fixIts.isEmpty && error.notes.isEmpty)
    }

    @Test func functionCalledWithParenthesesIsOneError() {
        let text = "blueprint hints\n\naction backup {\n  phase x: KubeTask(image: \"busybox\", command: [\"true\"])\n}\n"
        let codes = SemaFixtures.diagnostics(of: "hints.bp", text: text).diagnostics.map(\.code.rawValue)
        #expect(codes == ["BP2028"])
    }
}
