// Kanister's own rules on YAML blueprints: each broken phase is reported by
// `BlueprintLinter` with the right code at the offending YAML scalar, and kcheck
// (real Go, Kanister's validation) rejects the same file where it models the rule.

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

struct YAMLRuleCase: Sendable, CustomTestStringConvertible {
    var name: String
    /// The phase (or metadata) YAML, spliced into a blueprint.
    var phase: String
    var metadata = ""
    var code: DiagnosticCode
    /// The source text under the caret.
    var caret: String
    /// Whether kcheck reports an error too (false where bpc models Kanister more closely).
    var kcheckRejects = true

    var testDescription: String { name }

    var yaml: String {
        """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: rules\(metadata)
        actions:
          backup:
            phases:
        \(phase)
        """
    }
}

@Suite struct KanisterRulesLintTests {
    static let cases: [YAMLRuleCase] = [
        YAMLRuleCase(
            name: "duplicate argument",
            phase: "    - func: KubeTask\n      name: a\n      args:\n        image: busybox\n        image: alpine\n        command: [date]",
            code: .duplicateKey, caret: "image"),
        YAMLRuleCase(
            name: "duplicate phase key",
            phase: "    - func: KubeTask\n      name: a\n      name: b\n      args: {image: busybox, command: [date]}",
            code: .duplicateKey, caret: "name"),
        YAMLRuleCase(
            name: "command with spaces",
            phase: "    - func: KubeTask\n      name: a\n      args:\n        image: busybox\n        command: echo hello",
            code: .commandWords, caret: "echo hello", kcheckRejects: false),
        YAMLRuleCase(
            name: "podLabels key",
            phase: "    - func: KubeTask\n      name: a\n      args:\n        image: busybox\n        command: [date]\n        podLabels: {\"-bad\": x}",
            code: .podMetadata, caret: "\"-bad\""),
        YAMLRuleCase(
            name: "templated podLabels value",
            phase:
                "    - func: KubeTask\n      name: a\n      args:\n        image: busybox\n        command: [date]\n        podLabels:\n          ok: '{{ .Options.x }}'",
            code: .podMetadata, caret: "'{{ .Options.x }}'"),
        YAMLRuleCase(
            name: "WaitV2 templated timeout",
            phase: """
                    - func: WaitV2
                      name: a
                      args:
                        timeout: "{{ .Options.t }}"
                        conditions:
                          anyOf:
                          - objectReference: {apiVersion: v1, resource: pods, name: p, namespace: ns}
                            condition: '{{ true }}'
                """,
            code: .badDuration, caret: "\"{{ .Options.t }}\""),
        YAMLRuleCase(
            name: "Wait timeout",
            phase: """
                    - func: Wait
                      name: a
                      args:
                        timeout: 5 minutes
                        conditions:
                          anyOf:
                          - objectReference: {apiVersion: v1, resource: pods, name: p, namespace: ns}
                            condition: '{{ true }}'
                """,
            code: .badDuration, caret: "5 minutes"),
        YAMLRuleCase(
            name: "ParseBool",
            phase: """
                    - func: BackupData
                      name: a
                      args: {namespace: ns, pod: p, container: c, includePath: /d, backupArtifactPrefix: p, insecureTLS: "yes"}
                """,
            code: .argumentType, caret: "\"yes\"", kcheckRejects: false),
        YAMLRuleCase(
            name: "metadata field",
            phase: "    - func: KubeTask\n      name: a\n      args: {image: busybox, command: [date]}",
            metadata: "\n  lables: {a: b}", code: .unknownMetadataField, caret: "lables"),
        YAMLRuleCase(
            name: "metadata label value",
            phase: "    - func: KubeTask\n      name: a\n      args: {image: busybox, command: [date]}",
            metadata: "\n  labels: {a: 3}", code: .badMetadataValue, caret: "3"),
    ]

    @Test(arguments: cases)
    func reportedAtTheScalar(_ testCase: YAMLRuleCase) throws {
        let bytes = Array(testCase.yaml.utf8)
        let diagnostics = BlueprintLinter.lint(bytes: bytes, path: "rules.yaml")
        let found = diagnostics.filter { $0.code == testCase.code && $0.severity == .error }
        try #require(found.count == 1, "\(diagnostics.map { "\($0.code) \($0.message)" })")
        let range = found[0].range
        #expect(String(decoding: bytes[range.start..<range.end], as: UTF8.self) == testCase.caret)
        let others = diagnostics.filter { $0.severity == .error && $0.code != testCase.code }
        #expect(others.isEmpty, "\(others.map { "\($0.code) \($0.message)" })")

        let kcheck = try TestSupport.kcheck.get()
        let file = try TestSupport.temporaryFile(bytes, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try TestSupport.run(kcheck, ["validate", "-no-warn", file.path])
        let rejects = result.status != 0
        #expect(rejects == testCase.kcheckRejects, "kcheck: \(result.output)")
    }

    /// The command fix-it is YAML in a YAML file, and the fixed file lints clean.
    @Test func commandFixItIsYAML() throws {
        let yaml = try #require(Self.cases.first { $0.code == .commandWords }).yaml
        let bytes = Array(yaml.utf8)
        let diagnostic = try #require(BlueprintLinter.lint(bytes: bytes, path: "rules.yaml").first { $0.code == .commandWords })
        let fix = try #require(diagnostic.fixIts.first)
        #expect(fix.replacement == #"["bash", "-c", "echo hello"]"#)
        let fixed = Array(bytes[..<fix.range.start]) + Array(fix.replacement.utf8) + Array(bytes[fix.range.end...])
        #expect(BlueprintLinter.lint(bytes: fixed, path: "rules.yaml").filter { $0.severity == .error }.isEmpty)
    }
}
