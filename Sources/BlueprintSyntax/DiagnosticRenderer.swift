// The one pure renderer from diagnostics to text: `file:line:col: error[CODE]:
// message`, the source line, a caret under the range, then the notes. JSON and
// SARIF are in DiagnosticRenderer+JSON.swift and +SARIF.swift.

public struct DiagnosticRenderer: Sendable {
    /// `json` and `sarif` render whole documents (see `render(_:failures:)`).
    public enum Style: Sendable { case human, gcc, json, sarif }

    public var style: Style
    public var useColor: Bool
    /// Human output stops after this many diagnostics per file and says how many were left.
    public var limitPerFile: Int?
    /// Names the tool and describes its codes in SARIF (and JSON) documents.
    public var tool: DiagnosticTool

    public init(style: Style = .human, useColor: Bool = false, limitPerFile: Int? = nil, tool: DiagnosticTool = DiagnosticTool()) {
        self.style = style
        self.useColor = useColor
        self.limitPerFile = limitPerFile
        self.tool = tool
    }

    public func render(_ diagnostics: [Diagnostic], in file: SourceFile) -> String {
        if style == .json || style == .sarif { return render([DiagnosticReport(file: file, diagnostics: diagnostics)]) }
        var out = ""
        let shown = limitPerFile.map { Array(diagnostics.prefix($0)) } ?? diagnostics
        for diagnostic in shown { out += render(diagnostic, in: file) }
        if shown.count < diagnostics.count {
            out += "\(file.path): and \(diagnostics.count - shown.count) more diagnostics\n"
        }
        return out
    }

    public func render(_ diagnostic: Diagnostic, in file: SourceFile) -> String {
        if style == .json || style == .sarif { return render([diagnostic], in: file) }
        let location = file.location(of: diagnostic.range.start)
        let severity = diagnostic.severity.rawValue
        if style == .gcc {
            var line = "\(file.path):\(location): \(severity): \(diagnostic.messageNamingDocument) [\(diagnostic.code)]\n"
            for note in diagnostic.notes {
                // A range in another file cannot be placed with this file's line table.
                let isHere = note.file == nil || note.file == file.path
                let at = isHere ? note.range.map { "\(file.path):\(file.location(of: $0.start))" } ?? file.path : note.file ?? file.path
                line += "\(at): note: \(note.message)\n"
            }
            return line
        }
        var out = "\(file.path):\(location): \(paint(severity, diagnostic.severity))"
        out += "[\(diagnostic.code)]: \(diagnostic.messageNamingDocument)\n"
        out += snippet(diagnostic.range, in: file)
        for note in diagnostic.notes {
            if let range = note.range, note.file == nil || note.file == file.path {
                out += "\(file.path):\(file.location(of: range.start)): note: \(note.message)\n"
                out += snippet(range, in: file)
            } else if let other = note.file, other != file.path {
                out += "\(other): note: \(note.message)\n"
            } else {
                out += "  note: \(note.message)\n"
            }
        }
        for fix in diagnostic.fixIts where !fix.replacement.isEmpty {
            out += "  fix: replace with '\(fix.replacement)'\n"
        }
        return out
    }

    /// The source line and a caret line under `range` (clipped to that line).
    func snippet(_ range: SourceRange, in file: SourceFile) -> String {
        let lineIndex = file.lineIndex(of: range.start)
        let lineStart = file.lineStarts[lineIndex]
        let line = file.lineBytes(lineIndex)
        let maxShown = 240
        let column = range.start - lineStart
        let windowStart = column > maxShown - 40 ? column - (maxShown - 40) : 0
        let shown = line.dropFirst(windowStart).prefix(maxShown)
        // Tabs and control bytes print as one column each, so the caret lines up.
        let sanitized = shown.map { $0 == 0x09 ? 0x20 : ($0 < 0x20 || $0 == 0x7F ? 0x3F : $0) }
        let text = String(decoding: sanitized, as: UTF8.self)
        let before = sanitized.prefix(max(0, column - windowStart))
        let pad = String(repeating: " ", count: String(decoding: before, as: UTF8.self).count)
        let lineEnd = lineStart + line.count
        let caretLength = max(1, min(range.end, lineEnd) - range.start)
        let carets = "^" + String(repeating: "~", count: min(caretLength, maxShown) - 1)
        let prefix = windowStart > 0 ? "..." : ""
        return "    \(prefix)\(text)\n    \(String(repeating: " ", count: prefix.count))\(pad)\(paint(carets, .note))\n"
    }

    private func paint(_ text: String, _ severity: Severity) -> String {
        guard useColor else { return text }
        let code = severity == .error ? "1;31" : severity == .warning ? "1;33" : "1;32"
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}

extension Diagnostic {
    /// The message with the object it is about, for text formats: `... (in Blueprint 'mysql')`.
    public var messageNamingDocument: String {
        guard let document else { return message }
        return "\(message) (in \(document))"
    }
}
