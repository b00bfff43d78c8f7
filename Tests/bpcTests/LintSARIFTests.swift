// `bpc lint --format sarif` validated against the official SARIF 2.1.0 schema
// (../shared/schemas) with Python's jsonschema, plus the run's contents.

import Foundation
import TestSupport
import Testing

@Suite("bpc lint --format sarif")
struct LintSARIFTests {
    /// Validates argv[2] against the schema argv[1]; then checks that the
    /// validator rejects a broken copy, so a vacuous pass cannot hide.
    static let validator = """
        import copy, json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit("python3 cannot import jsonschema: run .ci/deps.sh (pip install jsonschema)")
        schema = json.load(open(sys.argv[1]))
        document = json.load(open(sys.argv[2]))
        checker = jsonschema.FormatChecker()
        jsonschema.validate(document, schema, format_checker=checker)
        broken = copy.deepcopy(document)
        broken["runs"][0]["results"][0]["level"] = "fatal"
        try:
            jsonschema.validate(broken, schema, format_checker=checker)
            sys.exit("the schema accepted an invalid level")
        except jsonschema.ValidationError:
            pass
        print("valid")
        """

    func validate(_ sarif: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let document = try TestSupport.temporaryFile(Array(sarif.utf8), suffix: ".sarif")
        defer { try? FileManager.default.removeItem(at: document) }
        let result = try TestSupport.run(
            "/usr/bin/env", ["python3", "-c", Self.validator, CLIFixture.sarifSchema.path, document.path])
        #expect(result.status == 0 && result.output == "valid\n", "\(result.errors)", sourceLocation: sourceLocation)
    }

    /// Several files, .bp and YAML, errors and warnings, and a missing file.
    func lintEverything() throws -> (TestSupport.ProcessResult, Scratch) {
        let scratch = try Scratch()
        try scratch.write("clean.bp", CLIFixture.clean)
        try scratch.write("warn.bp", CLIFixture.warning)
        try scratch.write("dir with space/error.bp", CLIFixture.error)
        try scratch.write("cm.yaml", CLIFixture.configMap)
        try scratch.write("bad.yaml", CLIFixture.brokenYAML)
        let result = try scratch.bpc(
            "lint", "--format", "sarif", "clean.bp", "warn.bp", "dir with space/error.bp", "cm.yaml", "bad.yaml", "nope.bp")
        return (result, scratch)
    }

    @Test func validatesAgainstTheOfficialSchema() throws {
        let (result, _) = try lintEverything()
        #expect(result.status == 2)
        try validate(result.output)
    }

    /// A stream's diagnostics carry their Blueprint as a logical location; still valid SARIF.
    @Test func streamWithLogicalLocationsValidates() throws {
        let scratch = try Scratch()
        try scratch.write("two.yaml", StreamCommandTests.twoBlueprints)
        let result = try scratch.bpc("lint", "--format", "sarif", "two.yaml")
        #expect(result.status == 1)
        #expect(result.output.contains("logicalLocations"))
        try validate(result.output)
    }

    @Test func oneRunWithEveryFile() throws {
        let (result, _) = try lintEverything()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        #expect(document["version"] as? String == "2.1.0")
        #expect((document["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        let runs = try #require(document["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        let run = runs[0]
        #expect(run["columnKind"] as? String == "utf16CodeUnits")
        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "bpc")
        #expect(driver["informationUri"] is String && driver["version"] is String)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["BP1001", "BP2103", "BP4001", "BP4002"])
        #expect(rules.allSatisfy { (($0["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false })
        let results = try #require(run["results"] as? [[String: Any]])
        let summary = results.map { result -> String in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "?"
            let region = location?["region"] as? [String: Any] ?? [:]
            let at = ["startLine", "startColumn", "endLine", "endColumn"].map { "\(region[$0] as? Int ?? 0)" }
            return "\(uri) \(at.joined(separator: ":")) \(result["level"] as? String ?? "?") \(result["ruleId"] as? String ?? "?")"
        }
        #expect(
            summary == [
                "warn.bp 10:5:10:11 warning BP2103",
                "dir%20with%20space/error.bp 4:14:4:22 error BP1001",
                "cm.yaml 2:7:2:16 error BP4002",
                "bad.yaml 2:2:2:3 error BP4001",
            ])
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notifications = invocation["toolExecutionNotifications"] as? [[String: Any]]
        #expect((notifications?.first?["message"] as? [String: Any])?["text"] as? String == "nope.bp: no such file")
    }

    /// The renderer's golden document has what lint rarely prints: notes as
    /// related locations (also into an unknown file), fixes, UTF-16 columns.
    @Test func rendererGoldenValidates() throws {
        let golden = TestSupport.packageRoot.appendingPathComponent("Tests/BlueprintSyntaxTests/Fixtures/formats/diagnostics.sarif")
        let text = String(decoding: try Data(contentsOf: golden), as: UTF8.self)
        #expect(text.contains("relatedLocations") && text.contains("fixes"))
        try validate(text)
    }

    @Test func cleanRunValidates() throws {
        let scratch = try Scratch()
        try scratch.write("clean.bp", CLIFixture.clean)
        try scratch.write("warn.bp", CLIFixture.warning)
        let result = try scratch.bpc("lint", "--format", "sarif", "clean.bp", "warn.bp")
        #expect(result.status == 0)
        try validate(result.output)
    }
}
