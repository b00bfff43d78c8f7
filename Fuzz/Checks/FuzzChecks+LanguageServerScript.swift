// The lsp target's scripted sessions: the input's document is opened, then
// edited and queried as its operation bytes say; every answer is checked
// against a copy of the document kept alongside (TextDocument).

import BlueprintLSP
import BlueprintSyntax

/// The operation bytes of a script, read one at a time (zero when used up).
struct ScriptBytes {
    var bytes: ArraySlice<UInt8>
    var isEmpty: Bool { bytes.isEmpty }

    mutating func next() -> Int { bytes.popFirst().map(Int.init) ?? 0 }
}

extension FuzzChecks {
    static let editTexts = [
        "x", "", " ", "\n", "}", "{", "\"", "\"\"\"", ".", "(", ")", "{{", "}}", "\\(", ": ", "é", "😀", "phase q: KubeTask {\n", "output.",
    ]
    static let requestMethods = [
        "textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/references", "textDocument/prepareRename",
        "textDocument/rename", "textDocument/documentSymbol", "textDocument/formatting", "textDocument/codeAction", "textDocument/signatureHelp",
    ]

    static func checkScript(_ input: [UInt8], _ failures: inout FuzzFailures) {
        let split = input.lastIndex(of: 0) ?? input.count
        // The text as the client sends it: a JSON string, so malformed UTF-8 arrives as U+FFFD.
        let text = Array(String(decoding: input[..<split], as: UTF8.self).utf8)
        var script = ScriptBytes(bytes: split < input.count ? input[(split + 1)...] : ArraySlice(hashedScript(text)))
        let isYAML = text.starts(with: Array("apiVersion".utf8)) || text.starts(with: Array("kind:".utf8))
        let uri = isYAML ? "file:///fuzz/doc.yaml" : lspURI
        let server = makeServer()
        var session = ScriptSession(server: server, uri: uri)
        session.request("initialize", #"{"processId": null, "rootUri": null, "capabilities": {}}"#, &failures)
        session.notify("initialized", "{}", &failures)
        var mirror = TextDocument(uri: uri, version: 1, languageID: isYAML ? "yaml" : "bp", text: text)
        let quoted = JSONValue.string(String(decoding: text, as: UTF8.self)).printed()
        session.notify(
            "textDocument/didOpen",
            #"{"textDocument": {"uri": "\#(uri)", "languageId": "\#(mirror.languageID)", "version": 1, "text": \#(quoted)}}"#, &failures)
        session.checkPublished(in: mirror, &failures)
        var operations = 0
        while !script.isEmpty, operations < 24 {
            operations += 1
            let kind = script.next()
            let position = randomPosition(&script, in: mirror)
            if kind % 3 == 0 {
                let end = randomPosition(&script, in: mirror)
                let (from, to) = mirror.offset(of: position) <= mirror.offset(of: end) ? (position, end) : (end, position)
                let newText = editTexts[script.next() % editTexts.count]
                let change = JSONValue.object([
                    ("range", .object([("start", json(from)), ("end", json(to))])), ("text", .string(newText)),
                ])
                mirror.version += 1
                _ = mirror.apply(change: change)
                let params = JSONValue.object([
                    ("textDocument", .object([("uri", .string(uri)), ("version", .int(mirror.version))])), ("contentChanges", .array([change])),
                ])
                session.notify("textDocument/didChange", params.printed(), &failures)
                session.checkPublished(in: mirror, &failures)
            } else {
                let method = requestMethods[script.next() % requestMethods.count]
                var params = #"{"textDocument": {"uri": "\#(uri)"}, "position": \#(json(position).printed())"#
                if method.hasSuffix("rename") { params += #", "newName": "renamed""# }
                if method.hasSuffix("references") { params += #", "context": {"includeDeclaration": true}"# }
                if method.hasSuffix("formatting") { params += #", "options": {"tabSize": 2, "insertSpaces": true}"# }
                if method.hasSuffix("codeAction") {
                    let at = json(position).printed()
                    params += #", "range": {"start": \#(at), "end": \#(at)}, "context": {"diagnostics": []}"#
                }
                let answer = session.request(method, params + "}", &failures)
                checkRanges(answer, in: mirror, method, &failures)
            }
        }
        // Still answering.
        session.request("textDocument/documentSymbol", #"{"textDocument": {"uri": "\#(uri)"}}"#, &failures)
        session.request("shutdown", "null", &failures)
    }

    /// Operation bytes for an input without any: a few, from its bytes.
    static func hashedScript(_ text: [UInt8]) -> [UInt8] {
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return (0..<24).map { index in UInt8(truncatingIfNeeded: (state &+ UInt64(index) &* 0x9e37_79b9_7f4a_7c15) >> (8 * UInt64(index % 8))) }
    }

    /// A position in or just past the document (the server must clamp the latter).
    static func randomPosition(_ script: inout ScriptBytes, in document: TextDocument) -> LSPPosition {
        let end = document.position(of: document.file.bytes.count)
        let line = script.next() % (end.line + 2)
        return LSPPosition(line: line, character: script.next() % 90)
    }

    static func json(_ position: LSPPosition) -> JSONValue {
        .object([("line", .int(position.line)), ("character", .int(position.character))])
    }

    /// Every `range` in `value` (a result, or edits keyed by this document's URI) lies in the document.
    static func checkRanges(_ value: JSONValue?, in document: TextDocument, _ what: String, _ failures: inout FuzzFailures) {
        guard let value else { return }
        switch value {
        case .array(let items): for item in items { checkRanges(item, in: document, what, &failures) }
        case .object(let fields):
            // A location in another file is not this document's.
            if let uri = value["uri"]?.stringValue, uri != document.uri { return }
            for (key, field) in fields {
                if key == "range" || key == "selectionRange" || key == "targetRange" {
                    checkRange(field, in: document, what, &failures)
                } else if key == "changes" {
                    checkRanges(field[document.uri], in: document, what, &failures)
                } else {
                    checkRanges(field, in: document, what, &failures)
                }
            }
        default: break
        }
    }

    static func checkRange(_ range: JSONValue, in document: TextDocument, _ what: String, _ failures: inout FuzzFailures) {
        guard let start = position(range["start"]), let end = position(range["end"]) else {
            failures.fail("\(what): a range without start and end: \(range.printed())")
            return
        }
        for point in [start, end] {
            // A valid position maps to an offset and back to itself.
            let back = document.position(of: document.offset(of: point))
            failures.expect(
                back == point, "\(what): position \(point.line):\(point.character) is outside the document (nearest \(back.line):\(back.character))")
        }
        failures.expect((start.line, start.character) <= (end.line, end.character), "\(what): range ends before it starts: \(range.printed())")
    }

    static func position(_ json: JSONValue?) -> LSPPosition? {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else { return nil }
        return LSPPosition(line: line, character: character)
    }
}

/// A scripted client: unique request ids, each answered exactly once.
struct ScriptSession {
    let server: LanguageServer
    let uri: String
    var nextID = 1
    /// Messages the server sent that were not checked yet.
    var pending: [JSONValue] = []

    init(server: LanguageServer, uri: String) {
        self.server = server
        self.uri = uri
    }

    mutating func send(_ body: String, _ failures: inout FuzzFailures) {
        pending += FuzzChecks.decode(server.receive(MessageReader.frame(Array(body.utf8))), &failures)
    }

    mutating func notify(_ method: String, _ params: String, _ failures: inout FuzzFailures) {
        send(#"{"jsonrpc": "2.0", "method": "\#(method)", "params": \#(params)}"#, &failures)
    }

    /// The request's result (nil for an error); exactly one answer must carry its id.
    @discardableResult
    mutating func request(_ method: String, _ params: String, _ failures: inout FuzzFailures) -> JSONValue? {
        let id = nextID
        nextID += 1
        send(#"{"jsonrpc": "2.0", "id": \#(id), "method": "\#(method)", "params": \#(params)}"#, &failures)
        let answers = pending.filter { $0["method"] == nil }
        pending.removeAll { $0["method"] == nil }
        failures.expect(
            answers.count == 1 && answers.first?["id"] == .int(id), "\(method): expected one answer with id \(id), got \(answers.map { $0.printed() })")
        return answers.first?["result"]
    }

    /// The last diagnostics published for the document lie in it.
    mutating func checkPublished(in document: TextDocument, _ failures: inout FuzzFailures) {
        let published = pending.filter {
            $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri
        }
        pending.removeAll { $0["method"] != nil }
        guard let last = published.last else {
            failures.fail("no diagnostics published for version \(document.version)")
            return
        }
        FuzzChecks.checkRanges(last["params"]?["diagnostics"], in: document, "publishDiagnostics", &failures)
    }
}
