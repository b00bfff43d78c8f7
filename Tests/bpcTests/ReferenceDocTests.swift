// The doc test of Grammar/REFERENCE.md: every ```bp example is linted by the
// built bpc (lint is compile without the write): the language's examples have
// no error, each diagnostic's failing example reports exactly its code, and its
// fix reports no error and not that code. Also `bpc explain`.

import BlueprintSema
import BlueprintSyntax
import Foundation
import TestSupport
import Testing

@Suite("Reference doc test")
struct ReferenceDocTests {
    /// One ```bp block: where it is, the code it illustrates (nil outside the
    /// diagnostics), whether it is the fix, and the --kanister its first line asks for.
    struct Example {
        var name: String
        var code: String?
        var isFix: Bool
        var text: String
        var kanister: String?
        /// `bp` or `yaml`: the file's extension.
        var language = "bp"
    }

    /// Entries whose examples cannot be whole .bp files, and why.
    static let uncheckable: [String: String] = [
        "BP0002": "invalid UTF-8 cannot be written in Markdown",
        "BP1002": "reserved: no source reports it", "BP1009": "reserved: no source reports it",
        "BP0003": "a NUL byte cannot be written in Markdown",
        "BP1005": "129 levels of nesting",
        "BP1010": "500 syntax errors",
        "BP3001": "safety net behind BP2023", "BP3002": "safety net behind BP2020 and BP2014", "BP3003": "safety net of the lowering",
        "BP3004": "safety net behind BP2019", "BP3008": "safety net behind BP2057", "BP3009": "safety net of the lowering",
        "BP3011": "safety net behind BP2029", "BP3012": "safety net of the lowering",
        "BP2031": "a chain of 65 lets",
        "BP4003": "bpc import", "BP4005": "bpc import", "BP4006": "an internal error",
        "BP5001": "safety net behind BP2007", "BP5002": "safety net behind BP2017", "BP5003": "safety net behind BP2005",
        "BP5004": "the grammar cannot express it", "BP5005": "safety net behind BP2024",
        "BP5101": "a plan file", "BP5102": "a plan file",
        "BP1051": "bpc actionset", "BP1052": "bpc actionset", "BP1053": "bpc actionset", "BP1054": "bpc actionset --rollback-of",
        "BP4051": "bpc actionset --rollback-of", "BP4007": "a YAML stream of several objects", "BP4008": "the one-Blueprint import",
        "BP4010": "a bpc bug, by construction", "BP3010": "retired: no source reports it",
    ]

    static func examples() throws -> [Example] {
        let url = TestSupport.packageRoot.appendingPathComponent("Grammar/REFERENCE.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        var examples: [Example] = []
        var code: String?
        var blocksInEntry = 0
        var open: (language: String, lines: [Substring], line: Int)?
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let block = open {
                guard line.hasPrefix("```") else {
                    open?.lines.append(line)
                    continue
                }
                open = nil
                defer { blocksInEntry += 1 }
                guard block.language == "bp" || block.language == "yaml" else { continue }
                let body = block.lines.joined(separator: "\n") + "\n"
                let kanister = block.lines.first.flatMap { $0.firstMatch(of: /^# bpc lint --kanister (\S+)/) }.map { String($0.output.1) }
                examples.append(
                    Example(
                        name: "line \(block.line + 1)", code: code, isFix: code != nil && blocksInEntry == 1, text: body, kanister: kanister,
                        language: block.language))
            } else if line.hasPrefix("```") {
                open = (String(line.dropFirst(3)), [], number)
            } else if line.hasPrefix("### BP") {
                code = String(line.dropFirst(4).prefix(6))
                blocksInEntry = 0
            } else if line.hasPrefix("## ") || line.hasPrefix("### ") {
                code = nil
            }
        }
        return examples
    }

    /// Lints every example (one bpc process per --kanister) and returns each file's codes.
    static func lint(_ examples: [Example], in scratch: Scratch) throws -> [String: [String]] {
        var codes: [String: [String]] = [:]
        let groups = Dictionary(grouping: examples.indices) { examples[$0].kanister ?? "" }
        for (kanister, indices) in groups {
            var arguments = ["lint", "--format", "json"]
            if !kanister.isEmpty { arguments += ["--kanister", kanister] }
            for index in indices {
                arguments.append(try scratch.write("example\(index).\(examples[index].language)", examples[index].text))
            }
            let result = try BPCBinary.run(arguments, in: scratch.url)
            #expect(result.status == 0 || result.status == 1, "bpc lint exited \(result.status): \(result.errors)")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
            for file in json["files"] as? [[String: Any]] ?? [] {
                let path = file["path"] as? String ?? ""
                let diagnostics = file["diagnostics"] as? [[String: Any]] ?? []
                codes[path] = diagnostics.map { "\($0["severity"] as? String ?? "?"):\($0["code"] as? String ?? "?")" }
            }
        }
        return codes
    }

    @Test func everyExampleCompilesAsDocumented() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 150, "found only \(examples.count) bp examples")
        let scratch = try Scratch()
        let codes = try Self.lint(examples, in: scratch)
        for (index, example) in examples.enumerated() {
            let found = try #require(codes["example\(index).\(example.language)"], "no lint result for \(example.name)")
            let errors = found.filter { $0.hasPrefix("error:") }
            switch (example.code, example.isFix) {
            case (nil, _):
                #expect(errors.isEmpty, "REFERENCE.md \(example.name): the example has errors \(found)")
            case (let code?, false):
                let others = Set(found.map { $0.split(separator: ":")[1] }).subtracting([Substring(code)])
                #expect(!found.isEmpty && others.isEmpty, "REFERENCE.md \(example.name): \(code)'s example reports \(found)")
            case (let code?, true):
                #expect(
                    errors.isEmpty && !found.contains { $0.hasSuffix(":" + code) },
                    "REFERENCE.md \(example.name): \(code)'s fix reports \(found)")
            }
        }
    }

    /// Every entry either has a checked failing example and fix, or is listed as uncheckable.
    @Test func everyEntryIsCheckedOrExplained() throws {
        let checked = Set(try Self.examples().compactMap(\.code))
        for entry in DiagnosticExplanations.all {
            let code = entry.code.rawValue
            let kinds = entry.examples.map(\.language)
            if Self.uncheckable[code] != nil {
                #expect(!checked.contains(code), "\(code) is checked; remove it from the uncheckable list")
            } else {
                #expect(
                    kinds == ["bp", "bp"] || kinds == ["yaml", "yaml"], "\(code) has blocks \(kinds); give a bp example and a bp fix, or list why not")
            }
        }
    }

    @Test func explainPrintsTheEntry() throws {
        let result = try BPCBinary.run(["explain", "bp2009"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("BP2009: unknown output\n"))
        #expect(result.output.contains("dump.output.sise"))
    }

    @Test func explainRefusesAnUnknownCode() throws {
        let result = try BPCBinary.run(["explain", "BP2043"])
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.errors.contains("unknown diagnostic code 'BP2043'; did you mean"))
        #expect(result.errors.contains("BP2042"))
        #expect(try BPCBinary.run(["explain"]).status == 2)
        #expect(try BPCBinary.run(["explain", "--list", "BP2009"]).status == 2)
    }

    @Test func explainListsEveryCode() throws {
        let result = try BPCBinary.run(["explain", "--list"])
        #expect(result.status == 0)
        #expect(result.output.split(separator: "\n").count == DiagnosticExplanations.all.count)
    }

    @Test func helpMentionsExplain() throws {
        let result = try BPCBinary.run(["--help"])
        #expect(result.output.contains("bpc explain BP2009"))
        #expect(result.output.contains("explain"))
    }
}
