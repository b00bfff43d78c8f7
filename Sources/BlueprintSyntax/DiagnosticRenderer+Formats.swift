// What the renderer needs for multi-file documents: a file's report, the tool's
// description, the dispatch over styles, and positions for the machine formats.

/// One file and its diagnostics (ranges are byte offsets into `file`).
public struct DiagnosticReport: Sendable {
    public var file: SourceFile
    public var diagnostics: [Diagnostic]

    public init(file: SourceFile, diagnostics: [Diagnostic]) {
        self.file = file
        self.diagnostics = diagnostics
    }
}

/// Names the tool in SARIF and JSON documents and describes its codes (SARIF rules).
public struct DiagnosticTool: Sendable {
    public var name: String
    public var version: String
    /// An absolute URI documenting the tool (SARIF `informationUri`), if any.
    public var informationUri: String?
    /// A one-line description per code; a code without one is described by its first message.
    public var ruleDescriptions: [DiagnosticCode: String]

    public init(
        name: String = "bpc", version: String = "", informationUri: String? = nil,
        ruleDescriptions: [DiagnosticCode: String] = [:]
    ) {
        self.name = name
        self.version = version
        self.informationUri = informationUri
        self.ruleDescriptions = ruleDescriptions
    }
}

extension DiagnosticRenderer {
    /// The whole output of a run over several files. Human and gcc text is each
    /// file's rendering in turn (`failures` are left to the caller); JSON and SARIF
    /// are one document holding every file and the `failures` (files that could
    /// not be read, as messages). `limitPerFile` applies to text only.
    public func render(_ reports: [DiagnosticReport], failures: [String] = []) -> String {
        switch style {
        case .human, .gcc:
            return reports.map { render($0.diagnostics, in: $0.file) }.joined()
        case .json:
            return renderJSON(reports, failures: failures)
        case .sarif:
            return renderSARIF(reports, failures: failures)
        }
    }
}

/// The files of a run by path, to place notes that point into another file.
struct ReportedFiles {
    private var byPath: [String: SourceFile] = [:]

    init(_ reports: [DiagnosticReport]) {
        for report in reports where byPath[report.file.path] == nil {
            byPath[report.file.path] = report.file
        }
    }

    /// The path a note belongs to and its file, when the run has that file.
    func locate(_ note: DiagnosticNote, from file: SourceFile) -> (path: String, file: SourceFile?) {
        guard let other = note.file, other != file.path else { return (file.path, file) }
        return (other, byPath[other])
    }
}

/// Where a range lies: 1-based lines and columns (end exclusive), columns in
/// UTF-8 bytes and in UTF-16 code units, and the byte offset and length.
struct RangePositions {
    var line: Int
    var column: Int
    var endLine: Int
    var endColumn: Int
    var utf16Column: Int
    var utf16EndColumn: Int
    var offset: Int
    var length: Int

    init(_ range: SourceRange, in file: SourceFile) {
        let start = min(max(0, range.start), file.bytes.count)
        let end = min(max(start, range.end), file.bytes.count)
        let startPosition = file.location(of: start)
        let endPosition = file.location(of: end)
        line = startPosition.line
        column = startPosition.column
        endLine = endPosition.line
        endColumn = endPosition.column
        utf16Column = RangePositions.utf16Column(of: start, in: file)
        utf16EndColumn = RangePositions.utf16Column(of: end, in: file)
        offset = start
        length = end - start
    }

    /// The 1-based UTF-16 column of a byte offset (invalid UTF-8 counts as U+FFFD).
    static func utf16Column(of offset: Int, in file: SourceFile) -> Int {
        let lineStart = file.lineStarts[file.lineIndex(of: offset)]
        let prefix = file.bytes[lineStart..<max(lineStart, offset)]
        guard prefix.contains(where: { $0 >= 0x80 }) else { return prefix.count + 1 }
        return String(decoding: prefix, as: UTF8.self).utf16.count + 1
    }
}
