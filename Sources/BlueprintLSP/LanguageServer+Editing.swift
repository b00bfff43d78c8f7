// Edits the server offers: formatting (the SourceFormatter of `bpc fmt`) and
// code actions that apply the fix-its of the diagnostics at a range.

import BlueprintSyntax

extension LanguageServer {
    func format(_ params: JSONValue) throws -> JSONValue {
        let uri = try openDocument(params)
        guard let document = documents[uri] else { return .null }
        guard !document.text.isYAML else { return .array([]) }
        let (text, _) = SourceFormatter.format(document.text.file)
        guard let text else {
            throw RequestFailure(code: ErrorCode.requestFailed, message: "the document has syntax errors; fix them to format it")
        }
        guard Array(text.utf8) != document.text.file.bytes else { return .array([]) }
        return .array([.object([("range", document.text.fullRange), ("newText", .string(text))])])
    }

    func codeActions(_ params: JSONValue) throws -> JSONValue {
        let uri = try openDocument(params)
        guard let document = documents[uri], let analysis = document.analysis else { return .array([]) }
        let requested = document.text.sourceRange(params["range"]) ?? SourceRange(0, document.text.file.bytes.count)
        var actions: [JSONValue] = []
        for diagnostic in analysis.diagnostics where !diagnostic.fixIts.isEmpty {
            let range = diagnostic.range
            guard range.start <= requested.end, requested.start <= range.end else { continue }
            let edits = diagnostic.fixIts.map { fix in
                JSONValue.object([("range", document.text.range(fix.range)), ("newText", .string(fix.replacement))])
            }
            let action: [(String, JSONValue)] = [
                ("title", .string(LanguageServer.title(of: diagnostic, in: document.text.file))), ("kind", .string("quickfix")),
                ("diagnostics", .array([diagnosticJSON(diagnostic, in: document.text, analysis: analysis)])),
                ("isPreferred", .bool(diagnostic.fixIts.count == 1)),
                ("edit", .object([("changes", .object([(uri, .array(edits))]))])),
            ]
            actions.append(.object(action))
        }
        return .array(actions)
    }

    /// A code action's title, from its first edit: "Replace 'x' with 'y'", "Insert ...", "Remove ...".
    static func title(of diagnostic: Diagnostic, in file: SourceFile) -> String {
        guard let fix = diagnostic.fixIts.first else { return "Fix \(diagnostic.code)" }
        let old = file.text(fix.range)
        let new = fix.replacement.trimming(" \n")
        let short = { (text: String) in text.count > 40 ? String(text.prefix(40)) + "…" : text }
        let verb: String
        if old.isEmpty {
            verb = "Insert '\(short(new))'"
        } else if fix.replacement.isEmpty {
            verb = "Remove '\(short(old))'"
        } else {
            verb = "Replace '\(short(old))' with '\(short(new))'"
        }
        return "\(verb) (\(diagnostic.code))"
    }
}

extension ErrorCode {
    /// LSP's RequestFailed: a valid request the server could not carry out.
    public static let requestFailed = -32803
}
