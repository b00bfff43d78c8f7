// The compiled plan as an artifact (`bpc compile --emit plan`): JSON with a
// format version, the source path and a SHA-256 of the source, so the runtime
// can run it later without the source. Reading problems are diagnostics.

import BlueprintSyntax
import FoundationEssentials

extension DiagnosticCode {
    public static let planVersion = DiagnosticCode("BP5101")
    public static let corruptPlan = DiagnosticCode("BP5102")
}

public struct PlanArtifact: Sendable, Equatable {
    /// The value of `format` in every plan file.
    public static let format = "bpc-plan"
    /// Bumped whenever the JSON shape changes; readers accept only their own version.
    public static let formatVersion = 1

    public var sourcePath: String
    /// `sha256:` and the hex digest of the source bytes.
    public var sourceHash: String
    public var plan: PlanBlueprint

    public init(sourcePath: String, sourceBytes: [UInt8], plan: PlanBlueprint) {
        self.sourcePath = sourcePath
        self.sourceHash = ContentHash.sha256Tagged(sourceBytes)
        self.plan = plan
    }

    init(sourcePath: String, sourceHash: String, plan: PlanBlueprint) {
        self.sourcePath = sourcePath
        self.sourceHash = sourceHash
        self.plan = plan
    }

    /// True when `bytes` are the source this plan was compiled from.
    public func isCompiled(from bytes: [UInt8]) -> Bool { sourceHash == ContentHash.sha256Tagged(bytes) }
}

public enum PlanCodec {
    /// The artifact as pretty-printed JSON with sorted keys (byte-for-byte reproducible).
    public static func encode(_ artifact: PlanArtifact) throws -> [UInt8] {
        try encodeJSON(
            CodedArtifact(
                format: PlanArtifact.format, formatVersion: PlanArtifact.formatVersion,
                sourcePath: artifact.sourcePath, sourceHash: artifact.sourceHash, blueprint: artifact.plan))
    }

    /// Actions with their graphs as JSON (for `bpc graph --format json`).
    public static func encode(_ actions: [PlanAction]) throws -> [UInt8] { try encodeJSON(actions) }

    /// Pretty-printed with sorted keys: the same value gives the same bytes.
    static func encodeJSON<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        try JSONValue.encodedUTF8(value, sortingKeys: true)
    }

    /// Reads a plan file; a file of another format version, or one that is not a
    /// well-formed plan, gives a diagnostic (at the start of the file) instead.
    public static func decode(_ bytes: [UInt8]) -> (artifact: PlanArtifact?, diagnostics: [Diagnostic]) {
        let data = Data(bytes)
        let header: CodedHeader
        do {
            header = try JSONDecoder().decode(CodedHeader.self, from: data)
        } catch {
            return (nil, [corrupt("this is not a bpc plan file: it is not a JSON object (\(describe(error)))")])
        }
        guard header.format == PlanArtifact.format else {
            return (nil, [corrupt("this is not a bpc plan file: its 'format' is not \"\(PlanArtifact.format)\"")])
        }
        guard header.formatVersion == PlanArtifact.formatVersion else {
            let found = header.formatVersion.map(String.init) ?? "missing"
            let message =
                "plan format version \(found) is not supported: this bpc reads version \(PlanArtifact.formatVersion); "
                + "compile the source again with 'bpc compile --emit plan'"
            return (nil, [Diagnostic(.planVersion, .error, message, at: SourceRange(0, 0))])
        }
        let coded: CodedArtifact
        do {
            coded = try JSONDecoder().decode(CodedArtifact.self, from: data)
        } catch {
            return (nil, [corrupt("the plan file is corrupt: \(describe(error))")])
        }
        if let problem = validate(coded.blueprint) { return (nil, [corrupt("the plan file is corrupt: \(problem)")]) }
        return (PlanArtifact(sourcePath: coded.sourcePath, sourceHash: coded.sourceHash, plan: coded.blueprint), [])
    }

    /// What JSON decoding cannot see: unique node names, edges between known nodes.
    static func validate(_ plan: PlanBlueprint) -> String? {
        for action in plan.actions {
            var names: Set<String> = []
            for node in action.graph.nodes where !names.insert(node.name).inserted {
                return "action '\(action.name)' has two nodes named '\(node.name)'"
            }
        }
        return nil
    }

    static func corrupt(_ message: String) -> Diagnostic {
        Diagnostic(.corruptPlan, .error, message, at: SourceRange(0, 0))
    }

    /// A decoding error as one readable line: where, then what.
    static func describe(_ error: Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        func place(_ path: [CodingKey]) -> String {
            let text = path.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            return text.isEmpty ? "at the top level" : "at \(text.hasPrefix(".") ? String(text.dropFirst()) : text)"
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(place(context.codingPath)): missing key '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return "\(place(context.codingPath)): \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}

/// The fields read before anything else, so a version mismatch is told apart from corruption.
struct CodedHeader: Decodable {
    var format: String?
    var formatVersion: Int?
}

struct CodedArtifact: Codable {
    var format: String
    var formatVersion: Int
    var sourcePath: String
    var sourceHash: String
    var blueprint: PlanBlueprint
}
