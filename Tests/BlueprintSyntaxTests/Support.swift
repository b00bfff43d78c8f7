// Shared helpers of the BlueprintSyntax tests: fixture paths (found from
// #filePath, no bundle), golden-file checks, diagnostic summaries and a
// seeded random number generator.

import BlueprintSyntax
import Foundation
import Testing

/// Paths of the test fixtures and of the package's samples.
enum TestPaths {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let samples = packageRoot.appendingPathComponent("Samples")

    /// The files in `directory` whose name ends with `.ext`, sorted by name.
    static func files(in directory: URL, ext: String) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix("." + ext) }.sorted().map { directory.appendingPathComponent($0) }
    }

    static func fixtureNames(_ subdirectory: String, ext: String) -> [String] {
        files(in: fixtures.appendingPathComponent(subdirectory), ext: ext).map {
            $0.deletingPathExtension().lastPathComponent
        }
    }
}

/// `BPC_UPDATE_GOLDENS=1` rewrites golden files, and every rewrite fails the test.
enum Golden {
    static let isUpdating = ProcessInfo.processInfo.environment["BPC_UPDATE_GOLDENS"] == "1"

    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if isUpdating {
            do {
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("rewrote \(url.lastPathComponent) (BPC_UPDATE_GOLDENS=1 always fails; rerun without it)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path); run with BPC_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if actual != expected {
            Issue.record("\(url.lastPathComponent) differs: \(firstDifference(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first line where two texts differ, for a readable failure.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for line in 0..<max(left.count, right.count) {
            let want = line < left.count ? String(left[line]) : "<end>"
            let got = line < right.count ? String(right[line]) : "<end>"
            if want != got { return "line \(line + 1): expected \(want.debugDescription), got \(got.debugDescription)" }
        }
        return "texts differ"
    }
}

/// An expected diagnostic: code, "line:col" (or "line:col-line:col" to check
/// the end too), message and notes as ("line:col", message).
struct D: Equatable, Sendable, CustomStringConvertible {
    var code: String
    var at: String
    var message: String
    var notes: [String]

    init(_ code: String, _ at: String, _ message: String, notes: [(String, String)] = []) {
        self.code = code
        self.at = at
        self.message = message
        self.notes = notes.map { "\($0.0): \($0.1)" }
    }

    /// The actual diagnostic in the same shape as `template` (with or without the end).
    init(_ diagnostic: Diagnostic, in file: SourceFile, like template: D? = nil) {
        var at = file.location(of: diagnostic.range.start).description
        if template?.at.contains("-") ?? false { at += "-\(file.location(of: diagnostic.range.end))" }
        self.init(diagnostic.code.rawValue, at, diagnostic.message)
        notes = diagnostic.notes.map { note in
            "\(note.range.map { file.location(of: $0.start).description } ?? "-"): \(note.message)"
        }
    }

    var description: String {
        "\(code) \(at) \(message)" + notes.map { " [note \($0)]" }.joined()
    }
}

/// Compares diagnostics with expectations, one issue per mismatch.
func expectDiagnostics(
    _ actual: [Diagnostic], in file: SourceFile, _ expected: [D], sourceLocation: SourceLocation = #_sourceLocation
) {
    let shaped = actual.enumerated().map { index, diagnostic in
        D(diagnostic, in: file, like: index < expected.count ? expected[index] : nil)
    }
    #expect(shaped == expected, sourceLocation: sourceLocation)
}

func parse(_ text: String, path: String = "test.bp") -> (file: SourceFile, result: ParseResult) {
    let file = SourceFile(path: path, text: text)
    return (file, Parser.parse(file))
}

/// An AST dump without its ` @line:col-line:col` suffixes, to compare trees
/// whose positions differ (formatted and unformatted source).
func dumpWithoutPositions(_ syntax: SourceFileSyntax, file: SourceFile) -> String {
    ASTDumper.dump(syntax, file: file)
        .split(separator: "\n", omittingEmptySubsequences: false)
        .map { line -> Substring in
            guard let at = line.range(of: " @", options: .backwards) else { return line }
            return line[..<at.lowerBound]
        }
        .joined(separator: "\n")
}

/// SplitMix64: a tiny, seedable, portable generator for the property tests.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
