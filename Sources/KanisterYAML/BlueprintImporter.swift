// `bpc import`: a Kanister Blueprint (YAML) to idiomatic .bp. Templates stay
// byte-exact; whole-string field chains and the option idiom become
// expressions only where they compile back to identical bytes.

import BlueprintPlan
import BlueprintSyntax

/// Codes of the importer: BP4xxx.
extension DiagnosticCode {
    public static let yamlSyntax = DiagnosticCode("BP4001")
    public static let notBlueprint = DiagnosticCode("BP4002")
    public static let unsupportedField = DiagnosticCode("BP4003")
    public static let badShape = DiagnosticCode("BP4005")
    /// `importBlueprint` of a file with several Blueprints (the CLI imports each with -o DIR).
    public static let severalBlueprints = DiagnosticCode("BP4008")
}

public struct ImportResult: Sendable {
    /// The .bp text, or nil when the input cannot be imported.
    public var source: String?
    /// Positions are byte offsets into the YAML input.
    public var diagnostics: [Diagnostic]
}

public enum BlueprintImporter {
    /// The idiomatic .bp of a blueprint (`literal`: today's verbatim form, `bpc import --literal`).
    public static func importBlueprint(_ bytes: [UInt8], limits: YAMLReaderLimits = .standard, literal: Bool = false) -> ImportResult {
        importBlueprint(bytes, limits: limits, actionGroups: ImportWriter.actionGroups(forBytes: bytes.count), literal: literal)
    }

    /// The import with the actions written in at most `actionGroups` groups.
    /// The input holds one Blueprint; with several, nothing is imported and the
    /// error lists them (`importStream` imports each).
    static func importBlueprint(_ bytes: [UInt8], limits: YAMLReaderLimits, actionGroups: Int, literal: Bool = false) -> ImportResult {
        let stream = importStream(bytes, limits: limits, actionGroups: actionGroups, literal: literal)
        guard stream.blueprints.count <= 1 else {
            let names = stream.blueprints.map { $0.name.map { "'\($0)'" } ?? $0.label }.joined(separator: ", ")
            let message = "the file holds \(stream.blueprints.count) Blueprints (\(names)); import each to a file of its own"
            return ImportResult(source: nil, diagnostics: stream.diagnostics + [.error(.severalBlueprints, message, at: SourceRange(0, 0))])
        }
        guard let only = stream.blueprints.first else { return ImportResult(source: nil, diagnostics: stream.diagnostics) }
        return ImportResult(source: only.source, diagnostics: stream.diagnostics + only.diagnostics)
    }

    /// One Blueprint mapping to .bp, idiomatic unless `literal`. `document` is its
    /// node as read (comments are found around its scalars) and `span` the bytes
    /// whose comments are its own.
    static func importDocument(
        _ root: YAMLMapping, document: YAMLNode, span: Range<Int>, bytes: [UInt8], actionGroups: Int, literal: Bool = false
    ) -> ImportResult {
        let comments = YAMLComments.find(in: bytes, document: document, within: span)
        let verbatim = render(root, bytes: bytes, comments: comments, actionGroups: actionGroups, isIdiomatic: false)
        guard !literal, verbatim.source != nil else { return verbatim }
        let idiomatic = render(root, bytes: bytes, comments: comments, actionGroups: actionGroups, isIdiomatic: true)
        return ImportVerification.choose(idiomatic: idiomatic, literal: verbatim)
    }

    /// The .bp of one form, formatted.
    static func render(_ root: YAMLMapping, bytes: [UInt8], comments: [SourceRange], actionGroups: Int, isIdiomatic: Bool) -> ImportResult {
        var writer = ImportWriter(bytes: bytes, comments: comments)
        writer.actionGroups = actionGroups
        if isIdiomatic {
            var names = writer
            names.writeSharedOptions(root)
            var taken = names.idioms.taken
            writer.idioms.chooseRuns(writer.multilineStrings(root), taken: &taken)
            var first = writer
            first.isIdiomatic = true
            first.idioms.isRecording = true
            first.writeBlueprint(root)
            writer.isIdiomatic = true
            taken.formUnion(first.idioms.taken)
            writer.idioms.chooseSharedValues(first.idioms.records, taken: &taken)
            // A second pass writes the phases with those lets, for the choice of defs.
            var second = writer
            second.idioms.isRecordingPhases = true
            second.writeBlueprint(root)
            writer.idioms.chooseDefs(second.idioms.phaseRecords, taken: &taken)
        }
        writer.writeBlueprint(root)
        guard !writer.diagnostics.contains(where: { $0.severity == .error }) else {
            return ImportResult(source: nil, diagnostics: writer.diagnostics)
        }
        let file = SourceFile(path: "import.bp", text: writer.output)
        let formatted = SourceFormatter.format(file)
        guard let text = formatted.text else {
            if formatted.diagnostics.contains(where: { $0.code == .nestingTooDeep }) {
                let message = "the blueprint nests values deeper than .bp allows (\(Parser.maxDepth) levels)"
                return ImportResult(source: nil, diagnostics: writer.diagnostics + [.error(.badShape, message, at: SourceRange(0, 0))])
            }
            let messages = formatted.diagnostics.prefix(3).map { "\(file.location(of: $0.range.start)): \($0.message)" }
            let problem = Diagnostic.error(
                .badShape, "internal error: the generated .bp does not parse: \(messages.joined(separator: "; "))", at: SourceRange(0, 0))
            return ImportResult(source: nil, diagnostics: writer.diagnostics + [problem])
        }
        return ImportResult(source: text, diagnostics: writer.diagnostics)
    }

    static func range(of node: YAMLNode) -> SourceRange {
        SourceRange(node.start.offset, max(node.start.offset, node.end.offset))
    }
}

/// Finds YAML comments: a `#` at a line start or after a blank, outside every scalar.
enum YAMLComments {
    /// The comments in `span` (by default the whole input).
    static func find(in bytes: [UInt8], document: YAMLNode, within span: Range<Int>? = nil) -> [SourceRange] {
        var scalars: [SourceRange] = []
        collectScalars(document, into: &scalars)
        scalars.sort { $0.start < $1.start }
        var comments: [SourceRange] = []
        var scalarIndex = 0
        var offset = max(0, span?.lowerBound ?? 0)
        let limit = min(bytes.count, span?.upperBound ?? bytes.count)
        while offset < limit {
            let byte = bytes[offset]
            while scalarIndex < scalars.count, scalars[scalarIndex].end <= offset { scalarIndex += 1 }
            if scalarIndex < scalars.count, scalars[scalarIndex].start <= offset {
                offset = scalars[scalarIndex].end
                continue
            }
            if byte == UInt8(ascii: "#"), offset == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset - 1]) {
                var end = offset
                while end < limit, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
                comments.append(SourceRange(offset, end))
                offset = end
                continue
            }
            offset += 1
        }
        return comments
    }

    static func collectScalars(_ node: YAMLNode, into ranges: inout [SourceRange]) {
        switch node {
        case .scalar(let scalar): ranges.append(SourceRange(scalar.start.offset, scalar.end.offset))
        case .sequence(let sequence): for item in sequence.items { collectScalars(item, into: &ranges) }
        case .mapping(let mapping):
            for pair in mapping.pairs {
                collectScalars(pair.key, into: &ranges)
                collectScalars(pair.value, into: &ranges)
            }
        }
    }
}
