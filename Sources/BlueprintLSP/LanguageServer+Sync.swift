// Document synchronization: open, change (full or incremental), save and close,
// publishing diagnostics, and re-checking the documents that import a changed file.

import BlueprintSema
import BlueprintSyntax

extension LanguageServer {
    func didOpen(_ params: JSONValue) {
        guard let item = params["textDocument"], let uri = item["uri"]?.stringValue, let text = item["text"]?.stringValue else { return }
        let document = TextDocument(
            uri: uri, version: item["version"]?.intValue ?? 0, languageID: item["languageId"]?.stringValue ?? "", text: Array(text.utf8))
        documents[uri] = OpenDocument(text: document, analysis: nil)
        documentChanged(uri)
    }

    func didChange(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, var document = documents[uri]?.text else { return }
        for change in params["contentChanges"]?.arrayValue ?? [] where !document.apply(change: change) {
            // A change the server cannot apply: the text is unknown from here on.
            notify("window/logMessage", .object([("type", .int(1)), ("message", .string("bpc: a change to \(uri) could not be applied"))]))
        }
        if let version = params["textDocument"]?["version"]?.intValue { document.version = version }
        documents[uri]?.text = document
        documents[uri]?.analysis = nil
        documentChanged(uri)
    }

    func didClose(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue, let document = documents.removeValue(forKey: uri) else { return }
        notify("textDocument/publishDiagnostics", .object([("uri", .string(uri)), ("diagnostics", .array([]))]))
        recheckImporters(of: document.text.path)
    }

    func didSave(_ params: JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else { return }
        recheckImporters(of: DocumentURI.path(of: uri))
    }

    func didChangeWatchedFiles(_ params: JSONValue) {
        for change in params["changes"]?.arrayValue ?? [] {
            guard let uri = change["uri"]?.stringValue else { continue }
            recheckImporters(of: DocumentURI.path(of: uri))
        }
    }

    /// Publishes a changed document's diagnostics and those of its importers,
    /// unless a later message in the queue changes it again.
    func documentChanged(_ uri: String) {
        guard let document = documents[uri] else { return }
        if !hasPendingChange(uri) { publish(uri) }
        recheckImporters(of: document.text.path)
    }

    func recheckImporters(of path: String) {
        let identity = disk.identity(of: path)
        for (uri, document) in documents where document.text.path != path {
            guard let analysis = document.analysis, analysis.dependencies.contains(identity) else { continue }
            documents[uri]?.analysis = nil
            if !hasPendingChange(uri) { publish(uri) }
        }
    }

    /// True when the queue holds a later change or close of `uri`: work for this version would be stale.
    func hasPendingChange(_ uri: String) -> Bool {
        queue.contains { message in
            guard let method = message["method"]?.stringValue, method.hasPrefix("textDocument/did"), method != "textDocument/didSave" else {
                return false
            }
            return message["params"]?["textDocument"]?["uri"]?.stringValue == uri
        }
    }

    func publish(_ uri: String) {
        ensureAnalysis(uri)
        guard let document = documents[uri], let analysis = document.analysis else { return }
        let items = analysis.diagnostics.map { diagnosticJSON($0, in: document.text, analysis: analysis) }
        notify(
            "textDocument/publishDiagnostics",
            .object([("uri", .string(uri)), ("version", .int(document.text.version)), ("diagnostics", .array(items))]))
    }

    func diagnosticJSON(_ diagnostic: Diagnostic, in document: TextDocument, analysis: DocumentAnalysis) -> JSONValue {
        var message = diagnostic.message
        var related: [JSONValue] = []
        for note in diagnostic.notes {
            guard let noteRange = note.range else {
                message += "\nnote: \(note.message)"
                continue
            }
            var uri = document.uri
            var range = document.range(noteRange)
            if let path = note.file, path != document.path {
                guard let file = analysis.files[path] else {
                    message += "\nnote: \(path): \(note.message)"
                    continue
                }
                let other = TextDocument(uri: DocumentURI.uri(of: path), version: 0, languageID: "", text: file.bytes)
                uri = other.uri
                range = other.range(noteRange)
            }
            let location = JSONValue.object([("uri", .string(uri)), ("range", range)])
            related.append(.object([("location", location), ("message", .string(note.message))]))
        }
        let severity: Int =
            switch diagnostic.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
        var fields: [(String, JSONValue)] = [
            ("range", document.range(diagnostic.range)), ("severity", .int(severity)), ("code", .string(diagnostic.code.rawValue)),
            ("source", .string("bpc")), ("message", .string(message)),
        ]
        if !related.isEmpty { fields.append(("relatedInformation", .array(related))) }
        return .object(fields)
    }
}
