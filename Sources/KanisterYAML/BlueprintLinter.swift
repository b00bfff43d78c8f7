// `bpc lint` of Kanister YAML: every Blueprint of a stream (or of a `kind: List`)
// checked with the .bp checks on the syntax tree `YAMLSyntaxBuilder` builds,
// positions in the original file; other objects skipped with a note each.

import BlueprintSema
import BlueprintSyntax

/// What the checks made of a YAML file: one analysis per Blueprint, and every
/// diagnostic of the file (YAML syntax, skipped objects, each Blueprint's).
public struct YAMLFileAnalysis: Sendable {
    /// One Blueprint of the file and its diagnostics (ranges into the whole file).
    public struct Document: Sendable {
        public var object: StreamObject
        public var module: Module
        public var diagnostics: [Diagnostic]
    }

    public var documents: [Document] = []
    /// Every diagnostic of the file, in the order of the objects.
    public var diagnostics: [Diagnostic] = []
    /// The file's objects; nil when it is not valid YAML (then `documents` are
    /// those of the documents before the error).
    public var stream: KanisterStream?
}

public enum BlueprintLinter {
    /// The diagnostics of a Kanister YAML file checked against Kanister `kanister`.
    public static func lint(bytes: [UInt8], path: String, kanister: KanisterVersion = .default) -> [Diagnostic] {
        analyze(SourceFile(path: path, bytes: bytes), kanister: kanister).diagnostics
    }

    /// Checks every Blueprint of `file`. A file with no Blueprint is an error
    /// (BP4002); in a file of several objects each diagnostic names its object.
    public static func analyze(_ file: SourceFile, kanister: KanisterVersion = .default) -> YAMLFileAnalysis {
        var analysis = YAMLFileAnalysis()
        // On a YAML error, the Blueprints of the documents before it are still checked.
        let (stream, yamlError) = KanisterStream.readUntilError(bytes: file.bytes)
        var syntaxProblem: Diagnostic?
        if let yamlError {
            let range = characterRange(at: yamlError.offset, in: file.bytes)
            var problem = Diagnostic.error(.yamlSyntax, "invalid YAML: \(yamlError.message)", at: range)
            if InputLanguage.detect(content: file.bytes) == .blueprintSource { problem.notes.append(readsLikeSource) }
            syntaxProblem = problem
        } else {
            analysis.stream = stream
        }
        if syntaxProblem == nil, var problem = noBlueprint(in: stream) {
            if InputLanguage.detect(content: file.bytes) == .blueprintSource, stream.objects.allSatisfy({ $0.root.mapping == nil }) {
                problem.notes.append(readsLikeSource)
            }
            analysis.diagnostics = [problem]
            return analysis
        }
        // A file cut short by an error may hold more objects than were read.
        let namesObjects = stream.namesObjects || (yamlError != nil && !stream.objects.isEmpty)
        for object in stream.objects {
            guard object.isBlueprint, let root = object.root.mapping else { continue }
            var builder = YAMLSyntaxBuilder(bytes: file.bytes)
            let span = namesObjects ? BlueprintImporter.range(of: object.root) : nil
            let syntax = builder.build(root, range: span)
            // YAML cannot declare an input's shape: an input no action of the
            // blueprint outputs is open, its reads unchecked.
            let module = Module(file: file, syntax: syntax, leavesUnproducedInputsOpen: true)
            var diagnostics = builder.diagnostics + BlueprintCompiler.check(main: module, kanister: kanister)
            if namesObjects {
                for index in diagnostics.indices { diagnostics[index].document = object.label }
            }
            analysis.documents.append(YAMLFileAnalysis.Document(object: object, module: module, diagnostics: diagnostics))
        }
        // Each object's diagnostics (or its note) in the order of the objects.
        var notes = stream.skippedNotes.makeIterator()
        var documents = analysis.documents.makeIterator()
        for object in stream.objects {
            if object.isBlueprint, object.root.mapping != nil {
                analysis.diagnostics += documents.next()?.diagnostics ?? []
            } else if let note = notes.next() {
                analysis.diagnostics.append(note)
            }
        }
        if let syntaxProblem { analysis.diagnostics.append(syntaxProblem) }
        return analysis
    }

    /// The note on a YAML file that holds .bp source.
    static let readsLikeSource = DiagnosticNote(
        "the file reads like .bp source: give it the .bp extension (or, on standard input, --stdin-filename NAME.bp)")

    /// BP4002 when no object is a Blueprint: at the first object's kind (or the object).
    public static func noBlueprint(in stream: KanisterStream) -> Diagnostic? {
        guard !stream.objects.contains(where: \.isBlueprint) else { return nil }
        guard let first = stream.objects.first else {
            let message = "the file holds no YAML document (or a List without items); expected a Kanister Blueprint (kind: Blueprint)"
            return .error(.notBlueprint, message, at: SourceRange(0, 0))
        }
        let others = stream.objects.count > 1 ? " (nor do the \(stream.objects.count - 1) other objects of the file)" : ""
        guard let mapping = first.root.mapping else {
            let message = "expected a Kanister Blueprint: a YAML mapping with kind: Blueprint\(others)"
            return .error(.notBlueprint, message, at: BlueprintImporter.range(of: first.root))
        }
        guard let kind = mapping["kind"] else {
            let message = "not a Kanister Blueprint (no kind); expected kind: Blueprint\(others)"
            return .error(.notBlueprint, message, at: SourceRange(first.root.start.offset, first.root.start.offset))
        }
        let found = kind.scalar.map { "kind: \($0.value)" } ?? "kind is not a string"
        return .error(.notBlueprint, "not a Kanister Blueprint (\(found)); expected kind: Blueprint\(others)", at: BlueprintImporter.range(of: kind))
    }

    /// The UTF-8 character at `offset`, or an empty range at a line end or the end of input.
    public static func characterRange(at offset: Int, in bytes: [UInt8]) -> SourceRange {
        let start = min(max(0, offset), bytes.count)
        guard start < bytes.count, bytes[start] != 0x0A, bytes[start] != 0x0D else { return SourceRange(start, start) }
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return SourceRange(start, end)
    }
}
