// The JSON format of `bpc lint --format json`: one document for every file of
// a run. The schema (version 1) is documented below and only ever grows.

/// Schema version 1:
///
///     {
///       "version": 1,
///       "tool": {"name": "bpc", "version": "0.1.0"},
///       "files": [{
///         "path": "a.bp",                      // as given on the command line
///         "diagnostics": [{
///           "code": "BP1004", "severity": "error",   // "error" | "warning" | "note"
///           "message": "...",
///           "line": 3, "column": 5,            // 1-based; columns count UTF-8 bytes
///           "endLine": 3, "endColumn": 9,      // where the range ends (exclusive)
///           "offset": 42, "length": 4,         // byte offset and length in the file
///           "document": "Blueprint 'mysql'",   // only in a file of several objects (YAML)
///           "notes": [{"message": "...", "path": "a.bp",
///                      "line", "column", "endLine", "endColumn", "offset", "length"}],
///           "fixIts": [{"replacement": "...",
///                       "line", "column", "endLine", "endColumn", "offset", "length"}]
///         }]
///       }],
///       "failures": ["missing.bp: no such file"],   // inputs that could not be read
///       "summary": {"errors": 1, "warnings": 0, "notes": 0}
///     }
///
/// A note without a range has `null` positions; a note in a file that is not part
/// of the run has `null` lines and columns but its offset and length.
/// Every file of the run is listed, with an empty `diagnostics` when it is clean.
extension DiagnosticRenderer {
    func renderJSON(_ reports: [DiagnosticReport], failures: [String]) -> String {
        let files = ReportedFiles(reports)
        let entries: [JSONValue] = reports.map { report in
            let diagnostics = report.diagnostics.map { jsonDiagnostic($0, in: report.file, files: files) }
            return .object([("path", .string(report.file.path)), ("diagnostics", .array(diagnostics))])
        }
        let all = reports.flatMap(\.diagnostics)
        let summary: JSONValue = .object(
            [Severity.error, .warning, .note].map { severity in
                (severity.rawValue + "s", .int(all.filter { $0.severity == severity }.count))
            })
        let document: JSONValue = .object([
            ("version", .int(1)),
            ("tool", .object([("name", .string(tool.name)), ("version", .string(tool.version))])),
            ("files", .array(entries)),
            ("failures", .array(failures.map { .string($0) })),
            ("summary", summary),
        ])
        return document.printed()
    }

    private func jsonDiagnostic(_ diagnostic: Diagnostic, in file: SourceFile, files: ReportedFiles) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("code", .string(diagnostic.code.rawValue)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
        ]
        fields += jsonPositions(diagnostic.range, in: file)
        if let document = diagnostic.document { fields.append(("document", .string(document))) }
        let notes: [JSONValue] = diagnostic.notes.map { note in
            let (path, noteFile) = files.locate(note, from: file)
            var noteFields: [(String, JSONValue)] = [("message", .string(note.message)), ("path", .string(path))]
            noteFields += jsonPositions(note.range, in: noteFile)
            return .object(noteFields)
        }
        let fixIts: [JSONValue] = diagnostic.fixIts.map { fix in
            .object([("replacement", .string(fix.replacement))] + jsonPositions(fix.range, in: file))
        }
        fields += [("notes", .array(notes)), ("fixIts", .array(fixIts))]
        return .object(fields)
    }

    /// line, column, endLine, endColumn, offset, length; null where unknown.
    private func jsonPositions(_ range: SourceRange?, in file: SourceFile?) -> [(String, JSONValue)] {
        guard let range else {
            return ["line", "column", "endLine", "endColumn", "offset", "length"].map { ($0, .null) }
        }
        let at = file.map { RangePositions(range, in: $0) }
        return [
            ("line", .number(at?.line)), ("column", .number(at?.column)),
            ("endLine", .number(at?.endLine)), ("endColumn", .number(at?.endColumn)),
            ("offset", .int(at?.offset ?? range.start)), ("length", .int(at?.length ?? range.length)),
        ]
    }
}
