// Kanister's phase-output protocol: `###Phase-output###: {"key":K,"value":V}`
// lines on a phase's stdout become its outputs (a later key overwrites an earlier
// one; a marker followed by malformed JSON fails the phase).

import BlueprintSyntax
import FoundationEssentials

public enum OutputProtocol {
    public static let marker = "###Phase-output###:"

    /// The line `kando output KEY VALUE` prints.
    public static func line(key: String, value: String) -> String {
        "\(marker) {\"key\":\(TemplateJSON.quote(key)),\"value\":\(TemplateJSON.quote(value))}"
    }

    /// The outputs in `stdout`; throws on a marker followed by something that is
    /// not a `{key, value}` object of strings.
    public static func outputs(in stdout: [UInt8]) throws -> [String: String] {
        var outputs: [String: String] = [:]
        for line in String(decoding: stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: true) {
            if let (key, value) = try parse(line) { outputs[key] = value }
        }
        return outputs
    }

    public static func parse<Line: StringProtocol>(_ line: Line) throws -> (String, String)? {
        guard let offset = line.firstUTF8Offset(of: marker) else { return nil }
        let rest = String(decoding: line.utf8.dropFirst(offset + marker.utf8.count), as: UTF8.self).trimmingWhitespace()
        guard !rest.isEmpty else { return nil }
        let decoded = try? TemplateJSON.decode(rest)
        guard case .map(let object)? = decoded, let key = object.entries["key"]?.stringValue,
            let value = object.entries["value"]?.stringValue
        else { throw PhaseFailure("malformed phase output: \(rest.prefix(200))") }
        return (key, value)
    }
}
