// What an input is, .bp source, Kanister YAML or a bpc plan file: by its
// extension where that says, else by its first significant line, so standard
// input and files without an extension are read as what they hold.

import BlueprintPlan
import BlueprintSyntax

public enum InputLanguage: String, Sendable, Equatable {
    /// .bp source.
    case blueprintSource
    /// Kanister YAML (or JSON): a Blueprint, a stream, a `kind: List`.
    case kanisterYAML
    /// A plan written by `bpc compile --emit plan`.
    case planArtifact

    /// `.bp`, `.yaml`/`.yml` and `.json` decide; any other name (standard input,
    /// no extension, `.txt`) is read by content (`detect(content:)`).
    public static func detect(path: String, bytes: [UInt8]) -> InputLanguage {
        byExtension(path) ?? detect(content: bytes)
    }

    /// The language an extension names, if it names one.
    public static func byExtension(_ path: String) -> InputLanguage? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        switch name[name.index(after: dot)...].lowercased() {
        case "bp": return .blueprintSource
        case "yaml", "yml": return .kanisterYAML
        case "json": return .planArtifact
        default: return nil
        }
    }

    /// From the first line that is not blank or a `#` comment (after a byte order
    /// mark): YAML starts with `---`, `%`, a `key:`, a `- ` item or a JSON `{`/`[`
    /// (a plan file when it holds `"format": "bpc-plan"`); a .bp file starts with
    /// a keyword (`blueprint`, `import`, `let`, `def`, `action`), never a `key:`.
    public static func detect(content bytes: [UInt8]) -> InputLanguage {
        guard let line = firstSignificantLine(bytes) else { return .blueprintSource }
        if line.starts(with: Array("---".utf8)) || line.starts(with: Array("...".utf8)) || line.first == UInt8(ascii: "%") {
            return .kanisterYAML
        }
        if line.first == UInt8(ascii: "{") || line.first == UInt8(ascii: "[") {
            return isPlanArtifact(bytes) ? .planArtifact : .kanisterYAML
        }
        if line.first == UInt8(ascii: "-"), line.count == 1 || line[line.startIndex + 1] == 0x20 || line[line.startIndex + 1] == 0x09 {
            return .kanisterYAML
        }
        return isMappingKey(line) ? .kanisterYAML : .blueprintSource
    }

    /// The first line with something other than blanks or a `#` comment, trimmed at the start.
    static func firstSignificantLine(_ bytes: [UInt8]) -> ArraySlice<UInt8>? {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            var end = index
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var start = index
            while start < end, [0x20, 0x09, 0x0D].contains(bytes[start]) { start += 1 }
            if start < end, bytes[start] != UInt8(ascii: "#") { return bytes[start..<end] }
            index = end + 1
        }
        return nil
    }

    /// `key:` followed by a blank or the line end, the key plain or quoted.
    static func isMappingKey(_ line: ArraySlice<UInt8>) -> Bool {
        var index = line.startIndex
        guard index < line.endIndex else { return false }
        if let quote = line.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            index += 1
            while index < line.endIndex, line[index] != quote { index += 1 }
            index += 1
        } else {
            while index < line.endIndex, ![0x20, 0x09, UInt8(ascii: ":"), UInt8(ascii: "{"), UInt8(ascii: "\"")].contains(line[index]) {
                index += 1
            }
            guard index > line.startIndex else { return false }
        }
        while index < line.endIndex, line[index] == 0x20 || line[index] == 0x09 { index += 1 }
        guard index < line.endIndex, line[index] == UInt8(ascii: ":") else { return false }
        let next = index + 1
        return next == line.endIndex || [0x20, 0x09, 0x0D].contains(line[next])
    }

    static func isPlanArtifact(_ bytes: [UInt8]) -> Bool {
        let patterns = ["\"format\":\"\(PlanArtifact.format)\"", "\"format\": \"\(PlanArtifact.format)\""]
        return bytes.withUnsafeBufferPointer { haystack in
            patterns.contains { pattern in
                Array(pattern.utf8).withUnsafeBufferPointer { UTF8Scan.firstIndex(of: $0, in: haystack) != nil }
            }
        }
    }
}
