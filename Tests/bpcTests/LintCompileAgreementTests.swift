// Invariant (a) as a user meets it: for seeded mutants of the samples, the
// `bpc lint` and `bpc compile` processes agree (exit 0 both or 1 both), print
// the same diagnostics, and a failed compile writes no file.

import Foundation
import TestSupport
import Testing

@Suite struct LintCompileAgreementTests {
    @Test func lintAndCompileAgreeOnMutants() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-agree-\(getpid())")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let samples = TestSupport.samples().compactMap { try? String(contentsOf: $0, encoding: .utf8) }
        var mutator = BlueprintMutator(seed: 0xA6EE)
        var failures = 0
        for index in 0..<80 {
            let source = index < samples.count ? samples[index] : mutator.mutate(samples[index % samples.count])
            try Data(source.utf8).write(to: scratch.appendingPathComponent("m.bp"))
            let output = scratch.appendingPathComponent("m.yaml")
            try? FileManager.default.removeItem(at: output)
            let lint = try BPCBinary.run(["lint", "--format", "gcc", "m.bp"], in: scratch)
            let compile = try BPCBinary.run(["compile", "m.bp", "-o", "m.yaml"], in: scratch)
            #expect([0, 1].contains(lint.status) && lint.status == compile.status, "lint \(lint.status), compile \(compile.status)\n\(source)")
            if compile.status != 0 {
                failures += 1
                #expect(!FileManager.default.fileExists(atPath: output.path), "a failed compile wrote m.yaml")
            }
            // The same errors, in gcc form from lint and rendered from compile.
            let lintErrors = lint.output.split(separator: "\n").compactMap { Self.gccErrorAsRendered(String($0)) }
            let compileErrors = compile.errors.split(separator: "\n").filter { $0.contains(": error[") }.map { String($0) }
            // The human renderer stops after 50 diagnostics of a file; gcc lines do not.
            #expect(Array(lintErrors.prefix(50)) == compileErrors, "\(lintErrors) vs \(compileErrors)")
        }
        #expect(failures > 10, "too few mutants fail to test the agreement: \(failures)")
    }

    /// `f:1:2: error: message [BP0000]` as the human renderer's first line, `f:1:2: error[BP0000]: message`.
    static func gccErrorAsRendered(_ line: String) -> String? {
        guard let marker = line.range(of: ": error: "), line.hasSuffix("]"), let open = line.range(of: " [", options: .backwards) else { return nil }
        let code = line[open.upperBound..<line.index(before: line.endIndex)]
        return "\(line[..<marker.lowerBound]): error[\(code)]: \(line[marker.upperBound..<open.lowerBound])"
    }
}
