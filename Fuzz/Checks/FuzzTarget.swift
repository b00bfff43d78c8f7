// The fuzz targets and the properties each one checks on an input: shared by the
// libFuzzer harness (Fuzz/Harness, a sanitizer build) and by the replay of every
// kept input in the normal test suite (Tests/FuzzReplayTests).

import BlueprintSyntax

/// One fuzz target: a part of the compiler and the properties it must keep on any input.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Lexer and parser; for parseable inputs the formatter (idempotent, output parses).
    case parser
    /// The Go-template parser and its fast path, which must agree.
    case template
    /// The whole check-and-compile path on parseable inputs, and the pipeline's invariants.
    case compile
    /// The Kanister YAML linter and importer: an imported `.bp` parses and compiles.
    case importer
    /// The language server: framed JSON-RPC bytes, or a document and a script of
    /// edits and requests; every request answered once, every range in its document.
    case lsp

    /// Inputs above this size are skipped: they test the sanitizer's speed, not the code.
    public static let maxInputSize = 64 * 1024

    /// The properties `bytes` breaks, one message each; empty when it keeps them all.
    public func check(_ bytes: [UInt8]) -> [String] {
        guard bytes.count <= Self.maxInputSize else { return [] }
        // Every value is freed where the passes drop it, not on a background queue,
        // so each input ends with a settled heap: libFuzzer's leak check (slow, and
        // with false reports) runs whenever an input's mallocs and frees differ.
        Parallel.releasesInBackground = false
        var failures = FuzzFailures()
        switch self {
        case .parser: FuzzChecks.checkParser(bytes, &failures)
        case .template: FuzzChecks.checkTemplate(bytes, &failures)
        case .compile: FuzzChecks.checkCompile(bytes, &failures)
        case .importer: FuzzChecks.checkImporter(bytes, &failures)
        case .lsp: FuzzChecks.checkLanguageServer(bytes, &failures)
        }
        return failures.messages
    }
}

/// The property violations found on one input.
public struct FuzzFailures: Sendable {
    public private(set) var messages: [String] = []

    public init() {}

    mutating func fail(_ message: String) { messages.append(message) }

    mutating func expect(_ condition: Bool, _ message: @autoclosure () -> String) {
        if !condition { messages.append(message()) }
    }

    /// Every diagnostic, note and fix-it range lies within the file it names
    /// (`bytes` bytes long); a note naming another file is not checked.
    public mutating func expectInBounds(_ diagnostics: [Diagnostic], count: Int, _ stage: String) {
        func inside(_ range: SourceRange) -> Bool { range.start >= 0 && range.start <= range.end && range.end <= count }
        for diagnostic in diagnostics {
            let context = "\(stage): \(diagnostic.code) \(diagnostic.message)"
            expect(inside(diagnostic.range), "\(context): range \(diagnostic.range) outside the \(count)-byte input")
            for note in diagnostic.notes where note.file == nil {
                if let range = note.range { expect(inside(range), "\(context): note range \(range) outside the \(count)-byte input") }
            }
            for fixIt in diagnostic.fixIts {
                expect(inside(fixIt.range), "\(context): fix-it range \(fixIt.range) outside the \(count)-byte input")
            }
        }
    }
}

/// The property checks of each target.
enum FuzzChecks {}
