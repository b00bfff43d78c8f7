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
        importBlueprint(bytes, limits: limits, actionGroups: Parallel.processorCount, literal: literal)
    }

    /// The import with the actions written in at most `actionGroups` groups.
    static func importBlueprint(_ bytes: [UInt8], limits: YAMLReaderLimits, actionGroups: Int, literal: Bool = false) -> ImportResult {
        let documents: [YAMLNode]
        switch YAMLReader.parse(bytes: bytes, limits: limits) {
        case .success(let parsed): documents = parsed
        case .failure(let error):
            let offset = min(max(0, error.offset), bytes.count)
            return ImportResult(source: nil, diagnostics: [.error(.yamlSyntax, "invalid YAML: \(error.message)", at: SourceRange(offset, offset))])
        }
        guard let document = documents.first, let root = document.mapping else {
            return ImportResult(
                source: nil, diagnostics: [.error(.notBlueprint, "expected a Kanister Blueprint: a YAML mapping with kind: Blueprint", at: SourceRange(0, 0))])
        }
        let kind = root["kind"]?.scalar?.value
        guard kind == "Blueprint" else {
            let range = root["kind"].map { BlueprintImporter.range(of: $0) } ?? SourceRange(0, 0)
            let found = kind.map { "kind: \($0)" } ?? "no kind"
            return ImportResult(
                source: nil, diagnostics: [.error(.notBlueprint, "not a Kanister Blueprint (\(found)); bpc imports documents of kind: Blueprint", at: range)])
        }
        let comments = YAMLComments.find(in: bytes, document: document)
        let verbatim = render(root, bytes: bytes, comments: comments, actionGroups: actionGroups, isIdiomatic: false)
        guard !literal, verbatim.source != nil else {
            Parallel.releaseInBackground(documents)
            return verbatim
        }
        let idiomatic = render(root, bytes: bytes, comments: comments, actionGroups: actionGroups, isIdiomatic: true)
        // The YAML tree is large and no longer needed: not freed on this thread.
        Parallel.releaseInBackground(documents)
        return ImportVerification.choose(idiomatic: idiomatic, literal: verbatim)
    }

    /// The .bp of one form, formatted.
    static func render(_ root: YAMLMapping, bytes: [UInt8], comments: [SourceRange], actionGroups: Int, isIdiomatic: Bool) -> ImportResult {
        var writer = ImportWriter(bytes: bytes, comments: comments)
        writer.actionGroups = actionGroups
        if isIdiomatic {
            var first = writer
            first.isIdiomatic = true
            first.idioms.isRecording = true
            first.writeBlueprint(root)
            writer.isIdiomatic = true
            var taken = first.idioms.taken
            writer.idioms.chooseSharedValues(first.idioms.records, taken: &taken)
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
    static func find(in bytes: [UInt8], document: YAMLNode) -> [SourceRange] {
        var scalars: [SourceRange] = []
        collectScalars(document, into: &scalars)
        scalars.sort { $0.start < $1.start }
        var comments: [SourceRange] = []
        var scalarIndex = 0
        var offset = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            while scalarIndex < scalars.count, scalars[scalarIndex].end <= offset { scalarIndex += 1 }
            if scalarIndex < scalars.count, scalars[scalarIndex].start <= offset {
                offset = scalars[scalarIndex].end
                continue
            }
            if byte == UInt8(ascii: "#"), offset == 0 || [0x20, 0x09, 0x0A, 0x0D].contains(bytes[offset - 1]) {
                var end = offset
                while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
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
