// Every input a fuzz campaign ever failed on is kept under Fixtures/<target>/ and
// replayed here with the harness's own property checks (FuzzChecks), without the
// sanitizer build, so a regression fails the normal test suite.

import BlueprintSema
import BlueprintSyntax
import Foundation
import FuzzChecks
import Testing

@Suite struct FuzzReplayTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Each kept input as (target, file name).
    static let inputs: [FuzzInput] = FuzzTarget.allCases.flatMap { target in
        let directory = fixtures.appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { FuzzInput(target: target, name: $0) }
    }

    @Test func everyTargetHasKeptInputs() {
        // The two findings the campaign started from are kept; the folders exist for the rest.
        #expect(Self.inputs.contains { $0.target == .template })
        #expect(Self.inputs.contains { $0.target == .importer })
    }

    @Test(arguments: inputs)
    func keptInputKeepsTheProperties(_ input: FuzzInput) throws {
        let url = Self.fixtures.appendingPathComponent(input.target.rawValue).appendingPathComponent(input.name)
        let bytes = try [UInt8](Data(contentsOf: url))
        let failures = input.target.check(bytes)
        #expect(failures.isEmpty, "\(input): \(failures.joined(separator: "\n"))")
    }

    /// The checks can fail: a broken property is reported, not hidden.
    @Test func aRangeOutsideTheInputIsReported() {
        var failures = FuzzFailures()
        let diagnostic = Diagnostic.error(.malformedTemplate, "malformed template", at: SourceRange(60, 61))
        failures.expectInBounds([diagnostic], count: 60, "lint")
        #expect(failures.messages.count == 1)
        failures.expectInBounds([diagnostic], count: 61, "lint")
        #expect(failures.messages.count == 1)
    }

    /// Inputs that keep every property give no message.
    @Test func cleanInputsPass() {
        #expect(FuzzTarget.parser.check(Array("action a {\n".utf8)).isEmpty)
        #expect(FuzzTarget.template.check(Array("{{ .Phases.p.Output.k }}".utf8)).isEmpty)
        let program = "blueprint b\naction a { phase p: KubeTask { image: \"x\", command: [\"x\"] } }\n"
        #expect(FuzzTarget.compile.check(Array(program.utf8)).isEmpty)
        #expect(FuzzTarget.lsp.check(Array(program.utf8)).isEmpty)
        #expect(FuzzTarget.lsp.check(Array(program.utf8) + [0, 3, 1, 2, 3, 0, 2, 4, 1]).isEmpty)
    }

    /// The lsp target counts answers: a stream whose request the server could read is answered once.
    @Test func languageServerStreamsAreChecked() {
        let body = #"{"jsonrpc": "2.0", "id": 7, "method": "initialize", "params": {}}"#
        let frame = "Content-Length: \(body.utf8.count)\r\n\r\n" + body
        #expect(FuzzTarget.lsp.check(Array((frame + frame).utf8)).isEmpty)
        // Cut short: the request is not read, and nothing is owed.
        #expect(FuzzTarget.lsp.check(Array(frame.utf8.dropLast())).isEmpty)
    }
}

struct FuzzInput: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    var target: FuzzTarget
    var name: String
    var testDescription: String { "\(target.rawValue)/\(name)" }
    var description: String { testDescription }
}
