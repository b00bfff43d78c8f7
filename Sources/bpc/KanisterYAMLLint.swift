// The checks `bpc lint` runs on a Kanister Blueprint YAML file: YAML syntax and
// "is this a Blueprint" here, then KanisterYAML's BlueprintLinter (the .bp checks).

import BlueprintSema
import BlueprintSyntax
import KanisterYAML

enum KanisterYAMLLint {
    /// Every diagnostic for one YAML file; ranges are byte offsets into `file.bytes`.
    /// The first two checks point at the offending character or `kind` value.
    static func lint(_ file: SourceFile, kanister: KanisterVersion = .default) -> [Diagnostic] {
        switch YAMLReader.parse(bytes: file.bytes) {
        case .failure(let error):
            let range = characterRange(at: error.offset, in: file.bytes)
            return [.error(.yamlSyntax, "invalid YAML: \(error.message)", at: range)]
        case .success(let documents):
            let problems = checkBlueprintDocuments(documents)
            guard problems.isEmpty else { return problems }
            return BlueprintLinter.lint(bytes: file.bytes, path: file.path, kanister: kanister)
        }
    }

    /// A file passes when one of its documents is a mapping with `kind: Blueprint`;
    /// otherwise the error points at the first document's kind (or the document).
    static func checkBlueprintDocuments(_ documents: [YAMLNode]) -> [Diagnostic] {
        let nonEmpty = documents.filter { !$0.isNullScalar }
        if nonEmpty.contains(where: { $0.mapping?["kind"]?.scalar?.value == "Blueprint" }) { return [] }
        guard let first = nonEmpty.first else {
            let message = "the file holds no YAML document; expected a Kanister Blueprint (kind: Blueprint)"
            return [.error(.notBlueprint, message, at: SourceRange(0, 0))]
        }
        guard let mapping = first.mapping else {
            return [.error(.notBlueprint, "expected a Kanister Blueprint: a YAML mapping with kind: Blueprint", at: range(of: first))]
        }
        guard let kind = mapping["kind"] else {
            let message = "not a Kanister Blueprint (no kind); expected kind: Blueprint"
            return [.error(.notBlueprint, message, at: SourceRange(first.start.offset, first.start.offset))]
        }
        let found = kind.scalar.map { "kind: \($0.value)" } ?? "kind is not a string"
        return [.error(.notBlueprint, "not a Kanister Blueprint (\(found)); expected kind: Blueprint", at: range(of: kind))]
    }

    static func range(of node: YAMLNode) -> SourceRange {
        SourceRange(node.start.offset, max(node.start.offset, node.end.offset))
    }

    /// The UTF-8 character at `offset`, or an empty range at a line end or the end of input.
    static func characterRange(at offset: Int, in bytes: [UInt8]) -> SourceRange {
        let start = min(max(0, offset), bytes.count)
        guard start < bytes.count, bytes[start] != 0x0A, bytes[start] != 0x0D else { return SourceRange(start, start) }
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return SourceRange(start, end)
    }
}
