// `bpc lint` end to end through the built binary: exit codes, where each format
// goes, exact gcc lines, the human cap, JSON fields, YAML inputs, imports, stdin.

import Foundation
import TestSupport
import Testing

@Suite("bpc lint")
struct LintCommandTests {
    struct ExitCase: Sendable, CustomStringConvertible {
        var name: String
        var files: [(String, String)]
        var arguments: [String]
        var status: Int32
        var description: String { name }
    }

    static let exitCases: [ExitCase] = [
        ExitCase(name: "clean", files: [("a.bp", CLIFixture.clean)], arguments: ["a.bp"], status: 0),
        ExitCase(name: "warnings only", files: [("a.bp", CLIFixture.warning)], arguments: ["a.bp"], status: 0),
        ExitCase(
            name: "warnings as errors", files: [("a.bp", CLIFixture.warning)],
            arguments: ["--warnings-as-errors", "a.bp"], status: 1),
        ExitCase(
            name: "clean with warnings as errors", files: [("a.bp", CLIFixture.clean)],
            arguments: ["--warnings-as-errors", "a.bp"], status: 0),
        ExitCase(name: "errors", files: [("a.bp", CLIFixture.error)], arguments: ["a.bp"], status: 1),
        ExitCase(
            name: "errors in one of two", files: [("a.bp", CLIFixture.clean), ("b.bp", CLIFixture.error)],
            arguments: ["a.bp", "b.bp"], status: 1),
        ExitCase(name: "YAML not a Blueprint", files: [("cm.yaml", CLIFixture.configMap)], arguments: ["cm.yaml"], status: 1),
        ExitCase(name: "broken YAML", files: [("bad.yml", CLIFixture.brokenYAML)], arguments: ["bad.yml"], status: 1),
        ExitCase(name: "missing file", files: [("a.bp", CLIFixture.clean)], arguments: ["nope.bp", "a.bp"], status: 2),
        ExitCase(name: "missing beats errors", files: [("a.bp", CLIFixture.error)], arguments: ["a.bp", "nope.yaml"], status: 2),
        ExitCase(name: "a directory", files: [("d/a.bp", CLIFixture.clean)], arguments: ["d"], status: 2),
        ExitCase(name: "no files", files: [], arguments: [], status: 2),
        ExitCase(name: "unknown format", files: [("a.bp", CLIFixture.clean)], arguments: ["--format", "xml", "a.bp"], status: 2),
        ExitCase(name: "zero cap", files: [("a.bp", CLIFixture.clean)], arguments: ["--max-per-file", "0", "a.bp"], status: 2),
        ExitCase(name: "unknown flag", files: [("a.bp", CLIFixture.clean)], arguments: ["--fix", "a.bp"], status: 2),
    ]

    @Test(arguments: exitCases)
    func exitStatus(_ testCase: ExitCase) throws {
        let scratch = try Scratch()
        for (name, text) in testCase.files { try scratch.write(name, text) }
        for format in testCase.status == 2 ? ["human"] : ["human", "gcc", "json", "sarif"] {
            let result = try BPCBinary.run(["lint", "--format", format] + testCase.arguments, in: scratch.url)
            #expect(result.status == testCase.status, "\(format): \(result.errors)")
        }
    }

    @Test func gccLinesGoToStandardOutput() throws {
        let scratch = try Scratch()
        try scratch.write("warn.bp", CLIFixture.warning)
        try scratch.write("error.bp", CLIFixture.error)
        try scratch.write("cm.yaml", CLIFixture.configMap)
        try scratch.write("bad.yaml", CLIFixture.brokenYAML)
        try scratch.write("clean.bp", CLIFixture.clean)
        let result = try scratch.bpc("lint", "--format", "gcc", "clean.bp", "warn.bp", "error.bp", "cm.yaml", "bad.yaml")
        #expect(result.status == 1)
        #expect(
            result.output == """
                warn.bp:10:5: warning: let 'unused' is never used [BP2103]
                error.bp:4:14: error: expected ':' after the phase name 'dump', found 'KubeTask' [BP1001]
                cm.yaml:2:7: error: not a Kanister Blueprint (kind: ConfigMap); expected kind: Blueprint [BP4002]
                bad.yaml:2:2: error: invalid YAML: while parsing a flow sequence: did not find expected ',' or ']' [BP4001]

                """)
        #expect(result.errors == "")
    }

    @Test func humanGoesToStandardErrorWithoutColour() throws {
        let scratch = try Scratch()
        try scratch.write("error.bp", CLIFixture.error)
        let result = try scratch.bpc("lint", "error.bp")
        #expect(result.status == 1)
        #expect(result.output == "")
        #expect(
            result.errors == """
                error.bp:4:14: error[BP1001]: expected ':' after the phase name 'dump', found 'KubeTask'
                      phase dump KubeTask {
                                 ^~~~~~~~

                """)
    }

    /// Colour only on a terminal (a pseudo-terminal from util-linux `script`), never with NO_COLOR.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func colourOnlyOnATerminal() throws {
        let scratch = try Scratch()
        try scratch.write("error.bp", CLIFixture.error)
        let binary = try BPCBinary.path.get()
        let command = "'\(binary)' lint error.bp"
        let terminal = try TestSupport.run("/usr/bin/env", ["-u", "NO_COLOR", "script", "-qec", command, "/dev/null"], directory: scratch.url)
        #expect(terminal.status == 1)
        #expect(terminal.output.contains("\u{1B}[1;31merror\u{1B}[0m[BP1001]"))
        let noColor = try TestSupport.run("/usr/bin/env", ["NO_COLOR=1", "script", "-qec", command, "/dev/null"], directory: scratch.url)
        #expect(noColor.status == 1)
        #expect(noColor.output.contains("error.bp:4:14: error[BP1001]"))
        #expect(!noColor.output.contains("\u{1B}"))
    }

    @Test func humanOutputIsCappedPerFile() throws {
        let scratch = try Scratch()
        try scratch.write("many.bp", CLIFixture.fourErrors)
        try scratch.write("one.bp", CLIFixture.error)
        let result = try scratch.bpc("lint", "--max-per-file", "2", "many.bp", "one.bp")
        #expect(result.status == 1)
        let lines = result.errors.split(separator: "\n").map(String.init)
        #expect(lines.filter { $0.hasPrefix("many.bp:") && $0.contains("error[BP1001]") }.count == 2)
        #expect(lines.contains("many.bp: and 2 more diagnostics"))
        #expect(lines.contains { $0.hasPrefix("one.bp:4:14: error[BP1001]") })
        #expect(!lines.contains { $0.hasPrefix("one.bp: and") })
        let uncapped = try scratch.bpc("lint", "--format", "gcc", "--max-per-file", "2", "many.bp")
        #expect(uncapped.output.split(separator: "\n").count == 4, "the cap is for human output only")
    }

    @Test func missingFileIsReportedAndTheOthersAreChecked() throws {
        let scratch = try Scratch()
        try scratch.write("error.bp", CLIFixture.error)
        let result = try scratch.bpc("lint", "--format", "gcc", "nope.bp", "error.bp")
        #expect(result.status == 2)
        #expect(result.output.hasPrefix("error.bp:4:14: error:"))
        #expect(result.errors == "bpc: nope.bp: no such file\n")
    }

    @Test func jsonHasEveryFileAndField() throws {
        let scratch = try Scratch()
        try scratch.write("clean.bp", CLIFixture.clean)
        try scratch.write("error.bp", CLIFixture.error)
        try scratch.write("cm.yaml", CLIFixture.configMap)
        let result = try scratch.bpc("lint", "--format", "json", "clean.bp", "error.bp", "cm.yaml", "nope.bp")
        #expect(result.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        #expect(document["failures"] as? [String] == ["nope.bp: no such file"])
        let files = try #require(document["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == ["clean.bp", "error.bp", "cm.yaml"])
        #expect((files[0]["diagnostics"] as? [Any])?.isEmpty == true)
        let diagnostic = try #require((files[1]["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["code"] as? String == "BP1001")
        #expect(diagnostic["severity"] as? String == "error")
        #expect((diagnostic["message"] as? String)?.hasPrefix("expected ':'") == true)
        let position = ["line", "column", "endLine", "endColumn", "offset", "length"].map { diagnostic[$0] as? Int }
        #expect(position == [4, 14, 4, 22, 63, 8])
        #expect(diagnostic["notes"] is [Any] && diagnostic["fixIts"] is [Any])
        let yaml = try #require((files[2]["diagnostics"] as? [[String: Any]])?.first)
        #expect([yaml["code"] as? String, yaml["line"] as? Int, yaml["column"] as? Int] as [AnyHashable?] == ["BP4002", 2, 7])
        let summary = document["summary"] as? [String: Int]
        #expect(summary == ["errors": 2, "warnings": 0, "notes": 0])
    }

    @Test func kanisterExampleIsCheckedDirectly() throws {
        let result = try BPCBinary.run(["lint", "--format", "gcc", CLIFixture.kanisterExample.path])
        #expect(result.status == 0, "\(result.output)\(result.errors)")
        #expect(!result.output.contains("error:"))
    }

    @Test func standardInputIsBlueprintSource() throws {
        let result = try BPCBinary.run(["lint", "--format", "gcc", "-"], input: CLIFixture.error)
        #expect(result.status == 1)
        #expect(result.output.hasPrefix("<stdin>:4:14: error: expected ':'"))
    }

    /// An import shared by two inputs (and named itself) is reported once.
    @Test func sharedImportIsReportedOnce() throws {
        let scratch = try Scratch()
        try scratch.write("common.bp", "let x = \n")
        try scratch.write("a.bp", "import \"common.bp\"\n" + CLIFixture.clean)
        try scratch.write("b.bp", "import \"common.bp\"\n" + CLIFixture.clean)
        let result = try scratch.bpc("lint", "--format", "gcc", "a.bp", "b.bp", "common.bp")
        #expect(result.status == 1)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 1, "\(result.output)")
        #expect(lines.first?.hasSuffix("common.bp:1:8: error: expected an expression, found end of file [BP1004]") == true)
    }
}
