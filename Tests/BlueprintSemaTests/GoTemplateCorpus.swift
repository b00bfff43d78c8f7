// Template strings for differential tests, taken at run time from the example
// blueprints: YAML scalar values holding `{{` (a conservative line-based reading of
// plain, quoted and block scalars) plus each such line on its own.

import Foundation

enum GoTemplateCorpus {
    static let examplesDirectory = GoTemplateOracle.sharedDirectory.appendingPathComponent("kanister/examples")

    static func exampleFiles() throws -> [URL] {
        guard
            let enumerator = FileManager.default.enumerator(
                at: examplesDirectory, includingPropertiesForKeys: nil)
        else { return [] }
        var files: [URL] = []
        for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension) {
            files.append(url)
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Every distinct template-looking string in the example blueprints.
    static func exampleTemplates() throws -> [String] {
        var seen = Set<String>()
        var templates: [String] = []
        for file in try exampleFiles() {
            let text = try String(contentsOf: file, encoding: .utf8)
            for value in scalarValues(in: text) where value.contains("{{") && seen.insert(value).inserted {
                templates.append(value)
            }
        }
        return templates
    }

    /// Scalar values of a YAML text: `key: value`, `- value`, block scalars (`|`, `>`),
    /// and every line containing `{{` verbatim (trimmed) as an extra sample.
    static func scalarValues(in yaml: String) -> [String] {
        let lines = yaml.components(separatedBy: "\n")
        var values: [String] = []
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.contains("{{") { values.append(trimmed) }
            guard let value = valuePart(of: line) else { continue }
            if value.hasPrefix("|") || value.hasPrefix(">") {
                let (block, next) = blockScalar(
                    lines, from: index, parentIndent: indent(of: line), folded: value.hasPrefix(">"))
                values.append(block)
                for inner in lines[index..<next] where inner.contains("{{") {
                    values.append(inner.trimmingCharacters(in: .whitespaces))
                }
                index = next
            } else {
                values.append(unquote(value))
            }
        }
        return values
    }

    private static func indent(of line: String) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// The text after `- ` or `key: `, or nil when the line holds no value.
    private static func valuePart(of line: String) -> String? {
        var rest = Substring(line.trimmingCharacters(in: .whitespaces))
        if rest.hasPrefix("#") || rest.isEmpty { return nil }
        while rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        if let first = rest.first, first != "\"" && first != "'", let colon = rest.range(of: ": ") {
            let key = rest[..<colon.lowerBound]
            if !key.contains("{{") && !key.contains(" ") { rest = rest[colon.upperBound...] }
        }
        let value = rest.trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    private static func unquote(_ value: String) -> String {
        if value.count >= 2 && value.hasPrefix("'") && value.hasSuffix("'") {
            return String(value.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") {
            return String(value.dropFirst().dropLast())
                .replacingOccurrences(of: "\\\"", with: "\"")
                .replacingOccurrences(of: "\\\\", with: "\\")
        }
        return value
    }

    /// The lines of a block scalar indented deeper than its parent, joined as YAML does
    /// (folded scalars approximately: single line breaks become spaces).
    private static func blockScalar(
        _ lines: [String], from start: Int, parentIndent: Int, folded: Bool
    ) -> (value: String, next: Int) {
        var index = start
        var body: [String] = []
        var blockIndent: Int?
        while index < lines.count {
            let line = lines[index]
            let isBlank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if !isBlank && indent(of: line) <= parentIndent { break }
            if !isBlank && blockIndent == nil { blockIndent = indent(of: line) }
            body.append(isBlank ? "" : String(line.dropFirst(min(blockIndent ?? 0, indent(of: line)))))
            index += 1
        }
        while body.last == "" { body.removeLast() }
        let value = body.joined(separator: folded ? " " : "\n") + "\n"
        return (value, index)
    }
}
