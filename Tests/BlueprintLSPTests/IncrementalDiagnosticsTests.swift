// The server reuses each action's results between edits (AnalysisCache): after
// every edit of a random sequence, what it publishes must be exactly what a fresh
// `bpc lint` (Compilation.analyze, nothing cached) reports on the same text.

import BlueprintLSP
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct IncrementalDiagnosticsTests {
    /// The samples and the corpus imported: realistic documents of many actions.
    static func seeds() -> [(String, String)] {
        var seeds: [(String, String)] = TestSupport.samples().compactMap { url in
            (try? String(contentsOf: url, encoding: .utf8)).map { (url.lastPathComponent, $0) }
        }
        for url in TestSupport.corpusBlueprints().prefix(12) {
            guard let bytes = try? [UInt8](Data(contentsOf: url)), let source = BlueprintImporter.importBlueprint(bytes).source else { continue }
            seeds.append((url.lastPathComponent, source))
        }
        return seeds
    }

    /// What `bpc lint` reports for `text`: each diagnostic's code, range, severity,
    /// message and notes as the server publishes them, and the fix-its its code actions offer.
    static func expected(_ text: String, path: String) -> (diagnostics: [String], fixes: [String]) {
        let file = SourceFile(path: path, text: text)
        var compilation = Compilation.load(file, identity: path, from: MemorySources(files: [:]))
        compilation.analyze()
        let diagnostics = compilation.reports.first { $0.file.path == path }?.diagnostics.inSourceOrder ?? []
        let document = TextDocument(uri: "file://" + path, version: 0, languageID: "bp", text: Array(text.utf8))
        func spell(_ range: SourceRange) -> String {
            let start = document.position(of: range.start)
            let end = document.position(of: range.end)
            return "\(start.line):\(start.character)-\(end.line):\(end.character)"
        }
        let lines = diagnostics.map { diagnostic in
            let severity = diagnostic.severity == .error ? 1 : diagnostic.severity == .warning ? 2 : 3
            let notes = diagnostic.notes.compactMap { note in note.range.map { "\(spell($0)) \(note.message)" } }
            // Notes without a place are published at the end of the message.
            let message = diagnostic.notes.filter { $0.range == nil }.reduce(diagnostic.message) { $0 + "\nnote: " + $1.message }
            return "\(diagnostic.code) \(spell(diagnostic.range)) s\(severity) \(message) \(notes)"
        }
        let fixes = diagnostics.filter { !$0.fixIts.isEmpty }.map { diagnostic in
            diagnostic.fixIts.map { "\(spell($0.range))=\($0.replacement)" }.joined(separator: " ")
        }
        return (lines, fixes)
    }

    static func spell(_ range: JSONValue?) -> String {
        func at(_ key: String) -> String { "\(range?[key]?["line"]?.intValue ?? -1):\(range?[key]?["character"]?.intValue ?? -1)" }
        return "\(at("start"))-\(at("end"))"
    }

    static func published(_ items: [JSONValue]) -> [String] {
        items.map { item in
            let message = item["message"]?.stringValue ?? ""
            let notes = (item["relatedInformation"]?.arrayValue ?? []).map { related in
                "\(spell(related["location"]?["range"])) \(related["message"]?.stringValue ?? "")"
            }
            return "\(item["code"]?.stringValue ?? "") \(spell(item["range"])) s\(item["severity"]?.intValue ?? 0) \(message) \(notes)"
        }
    }

    static func offered(_ actions: JSONValue, uri: String) -> [String] {
        (actions["result"]?.arrayValue ?? []).map { action in
            (action["edit"]?["changes"]?[uri]?.arrayValue ?? []).map { edit in
                "\(spell(edit["range"]))=\(edit["newText"]?.stringValue ?? "")"
            }.joined(separator: " ")
        }
    }

    /// One edit: a mutant of the text (as the smallest replacement), or a few characters typed or deleted.
    static func edit(_ text: String, _ mutator: inout BlueprintMutator, _ random: inout SeededGenerator) -> String {
        let bytes = Array(text.utf8)
        let choice = random.next() % 4
        if choice == 0 || bytes.isEmpty { return mutator.mutate(text) }
        var offset = Int(random.next() % UInt64(bytes.count))
        while offset > 0, bytes[offset] & 0xC0 == 0x80 { offset -= 1 }
        var result = bytes
        if choice == 1 {
            var end = min(bytes.count, offset + 1 + Int(random.next() % 4))
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            result.removeSubrange(offset..<end)
        } else {
            let typed = ["x", "a", " ", "\n", "}", "{", "\"", ".", "(", "1", "_", "{{", "\\("]
            result.insert(contentsOf: Array(typed[Int(random.next() % UInt64(typed.count))].utf8), at: offset)
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The smallest change turning `old` into `new`, as an incremental didChange's range and text.
    static func change(from old: String, to new: String) -> (start: LSPPosition, end: LSPPosition, text: String) {
        let a = Array(old.utf8)
        let b = Array(new.utf8)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        // Whole characters only: back off to a UTF-8 boundary.
        while prefix > 0, prefix < a.count, a[prefix] & 0xC0 == 0x80 { prefix -= 1 }
        while suffix > 0, a.count - suffix < a.count, a[a.count - suffix] & 0xC0 == 0x80 { suffix -= 1 }
        let document = TextDocument(uri: "file:///x", version: 0, languageID: "bp", text: a)
        let inserted = String(decoding: b[prefix..<(b.count - suffix)], as: UTF8.self)
        return (document.position(of: prefix), document.position(of: a.count - suffix), inserted)
    }

    @Test(arguments: seeds().map(\.0))
    func editsPublishWhatLintReports(_ name: String) throws {
        let text = try #require(Self.seeds().first { $0.0 == name }?.1)
        let path = "/work/\(name).bp"
        let uri = "file://" + path
        let client = LSPTestClient()
        var current = text
        client.open(uri, current)
        var mutator = BlueprintMutator(seed: UInt64(name.utf8.count) &* 7919)
        var random = SeededGenerator(seed: name.utf8.reduce(UInt64(17)) { $0 &* 31 &+ UInt64($1) })
        let steps = ProcessInfo.processInfo.environment["BPC_LSP_EDITS"].flatMap(Int.init) ?? 12
        for version in 2..<(2 + steps) {
            // Mostly edits of the last text; sometimes back to the original (an undo).
            let next = random.next() % 6 == 0 ? text : Self.edit(current, &mutator, &random)
            let change = Self.change(from: current, to: next)
            let replies = client.change(
                uri, version: version, from: (change.start.line, change.start.character), to: (change.end.line, change.end.character), change.text)
            current = next
            let items = try #require(LSPTestClient.diagnostics(for: uri, in: replies), "no diagnostics published at version \(version)")
            let expected = Self.expected(current, path: path)
            #expect(Self.published(items) == expected.diagnostics, "\(name) version \(version)")
            let actions = client.request("textDocument/codeAction", #"{"textDocument": {"uri": "\#(uri)"}, "context": {"diagnostics": []}}"#)
            #expect(Self.offered(actions, uri: uri) == expected.fixes, "\(name) version \(version): fix-its")
        }
    }
}
