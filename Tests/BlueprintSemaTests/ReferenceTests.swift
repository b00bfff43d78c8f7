// Grammar/REFERENCE.md against the code: its generated sections (functions,
// template parameters) are the catalog's, its diagnostics section is the one
// bpc embeds, and every code the sources can emit has an entry.
// BPC_UPDATE_GOLDENS=1 rewrites the generated parts (and fails).

import BlueprintSyntax
import Foundation
import Testing

@testable import BlueprintSema

@Suite struct ReferenceTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let referenceURL = root.appendingPathComponent("Grammar/REFERENCE.md")
    static let embeddedURL = root.appendingPathComponent("Sources/BlueprintSema/ExplanationData.swift")
    static let isUpdating = ProcessInfo.processInfo.environment["BPC_UPDATE_GOLDENS"] == "1"

    static func reference() throws -> String {
        try String(contentsOf: referenceURL, encoding: .utf8)
    }

    /// The text between the marker lines that start with `begin` and `end`.
    static func section(_ text: String, begin: String, end: String) -> (range: Range<String.Index>, body: String)? {
        guard let open = text.range(of: begin), let lineEnd = text[open.upperBound...].firstIndex(of: "\n"),
            let close = text.range(of: end, range: lineEnd..<text.endIndex)
        else { return nil }
        let bodyRange = text.index(after: lineEnd)..<close.lowerBound
        return (bodyRange, String(text[bodyRange]))
    }

    /// Compares a generated section with the file's, or rewrites it.
    static func checkSection(_ generated: String, begin: String, end: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var text = try reference()
        let found = try #require(section(text, begin: begin, end: end), "REFERENCE.md lacks the markers \(begin) ... \(end)")
        guard found.body != generated else { return }
        if isUpdating {
            text.replaceSubrange(found.range, with: generated)
            try text.write(to: referenceURL, atomically: true, encoding: .utf8)
            Issue.record("rewrote the section \(begin) of REFERENCE.md (BPC_UPDATE_GOLDENS=1 always fails)", sourceLocation: sourceLocation)
        } else {
            Issue.record("the section \(begin) of REFERENCE.md is out of date; run with BPC_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
        }
    }

    @Test func functionsSectionIsTheCatalog() throws {
        let markdown = "\n" + KanisterCatalog.shared.functionsReferenceMarkdown + "\n"
        try Self.checkSection(markdown, begin: "<!-- BEGIN GENERATED: functions", end: "<!-- END GENERATED: functions")
    }

    @Test func templateParametersSectionIsTheCatalog() throws {
        let markdown = "\n" + (try TemplateParameterReference.markdown()) + "\n"
        try Self.checkSection(markdown, begin: "<!-- BEGIN GENERATED: template parameters", end: "<!-- END GENERATED: template parameters")
    }

    /// ExplanationData.swift holds the diagnostics section verbatim.
    @Test func embeddedExplanationsAreTheReference() throws {
        let found = try #require(
            Self.section(try Self.reference(), begin: "<!-- BEGIN EMBEDDED: diagnostics", end: "<!-- END EMBEDDED: diagnostics"))
        guard ExplanationData.diagnosticsMarkdown + "\n" != found.body else { return }
        if Self.isUpdating {
            let swift = """
                // Generated from the diagnostics section of Grammar/REFERENCE.md (verbatim);
                // ReferenceTests checks they are equal, BPC_UPDATE_GOLDENS=1 rewrites it.
                // swift-format-ignore-file

                enum ExplanationData {
                    static let diagnosticsMarkdown = ####\"""

                """ + found.body + "\"\"\"####\n}\n"
            try swift.write(to: Self.embeddedURL, atomically: true, encoding: .utf8)
            Issue.record("rewrote ExplanationData.swift (BPC_UPDATE_GOLDENS=1 always fails)")
        } else {
            Issue.record("ExplanationData.swift is not the diagnostics section of REFERENCE.md; run with BPC_UPDATE_GOLDENS=1")
        }
    }

    /// Every `DiagnosticCode("BPnnnn")` in Sources/, and nothing else.
    static func codesInSources() throws -> Set<String> {
        let sources = root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var codes: Set<String> = []
        for case let url as URL in enumerator where url.pathExtension == "swift" && url.lastPathComponent != "ExplanationData.swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in text.matches(of: /DiagnosticCode\("(BP\d{4})"\)/) { codes.insert(String(match.output.1)) }
        }
        return codes
    }

    @Test func everyCodeTheSourcesEmitHasAnEntry() throws {
        let emitted = try Self.codesInSources()
        #expect(emitted.count >= 100, "found only \(emitted.count) codes in Sources")
        let documented = Set(DiagnosticExplanations.all.map(\.code.rawValue))
        #expect(emitted.subtracting(documented).sorted() == [], "codes without an entry in REFERENCE.md")
        #expect(documented.subtracting(emitted).sorted() == [], "entries for codes no source emits")
        #expect(DiagnosticExplanations.all.count == documented.count, "a code has two entries")
    }

    @Test func everyEntryHasATitleAnExampleAndAFix() {
        for entry in DiagnosticExplanations.all {
            #expect(!entry.title.isEmpty, "\(entry.code) has no title")
            #expect(entry.examples.count == 2, "\(entry.code) needs a failing example and its fix, has \(entry.examples.count) blocks")
            #expect(entry.markdown.hasPrefix("### \(entry.code): "))
        }
    }

    @Test func lookup() throws {
        let entry = try #require(DiagnosticExplanations.entry(for: .unterminatedString))
        #expect(entry.title == "unterminated string")
        #expect(entry.text.hasPrefix("BP0004: unterminated string\n"))
        #expect(entry.failingExample?.language == "bp")
        #expect(entry.fixedExample?.code.contains("\"hello\"") == true)
        #expect(DiagnosticExplanations.entry(for: DiagnosticCode("BP9999")) == nil)
    }

    @Test(arguments: [("BP2009", "BP2009"), ("bp2009", "BP2009"), ("2009", "BP2009"), ("BP20", nil), ("x", nil), ("BP20a9", nil)])
    func userSpellingsOfACode(_ typed: String, _ expected: String?) {
        #expect(DiagnosticExplanations.code(fromUserText: typed)?.rawValue == expected)
    }

    @Test func suggestionsAreNearbyCodes() {
        #expect(DiagnosticExplanations.suggestions(for: "BP2043").map(\.rawValue).contains("BP2042"))
        #expect(DiagnosticExplanations.suggestions(for: "BP9999").isEmpty)
    }

    @Test func parserSplitsEntriesAndBlocks() {
        let entries = DiagnosticExplanations.parse(
            "## Group\n\n### BP0001: one\n\nText.\n\n```bp\n# a comment\na\n```\n\nFix:\n\n```bp fixed\nb\n```\n\n## Other\n\nignored\n### BP0002: two\n")
        #expect(entries.map(\.code.rawValue) == ["BP0001", "BP0002"])
        #expect(entries.first?.examples == [.init(language: "bp", code: "# a comment\na\n"), .init(language: "bp", code: "b\n")])
        #expect(entries.first?.markdown.hasSuffix("```") == true)
    }
}

/// The Template parameters section, from template-params.json: each root with
/// its Go type, when it is nil, and its fields (nested fields indented).
enum TemplateParameterReference {
    static func markdown() throws -> String {
        let data = Data(CatalogData.templateParamsJSON.utf8)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let fields = try #require(json["fields"] as? [String: Any])
        var lines = [
            "Templates render with these parameters (Kanister's `TemplateParams`); a",
            "`.bp` expression names them without the dot (`StatefulSet.Name`).",
            "",
        ]
        for root in KanisterCatalog.shared.templateRoots {
            guard let info = fields[root] as? [String: Any] else { continue }
            lines.append("### \(root)")
            lines.append("")
            lines.append("Type `\(info["type"] as? String ?? "?")`." + describe(info))
            let rows = rowsOf(info, depth: 0)
            if !rows.isEmpty {
                lines += ["", "| field | type |", "| --- | --- |"] + rows
            }
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ info: [String: Any]) -> String {
        var text = ""
        if let nilUnless = info["nilUnless"] as? String { text += " Nil unless the \(nilUnless)." }
        if let keys = info["keys"] as? String { text += " Keys: \(keys)." }
        if let note = info["note"] as? String { text += " \(note.prefix(1).uppercased() + note.dropFirst())." }
        return text
    }

    /// Table rows of a type's fields (and of its map values' fields), nested ones indented.
    static func rowsOf(_ info: [String: Any], depth: Int) -> [String] {
        var rows: [String] = []
        let indent = String(repeating: "&nbsp;&nbsp;", count: depth)
        if let value = info["value"] as? [String: Any], depth < 3 {
            rows.append("| \(indent)*each value* | `\(value["type"] as? String ?? "?")` |")
            rows += rowsOf(value, depth: depth + 1)
        }
        guard let fields = info["fields"] as? [String: Any] else { return rows }
        for name in fields.keys.sorted() {
            if let type = fields[name] as? String {
                rows.append("| \(indent)`\(name)` | \(type.replacingOccurrences(of: "|", with: "\\|")) |")
            } else if let nested = fields[name] as? [String: Any] {
                rows.append("| \(indent)`\(name)` | `\(nested["type"] as? String ?? "?")`\(describe(nested)) |")
                if depth < 3 { rows += rowsOf(nested, depth: depth + 1) }
            }
        }
        return rows
    }
}
