// The lsp target's properties: the language server, fed framed JSON-RPC bytes or
// a script of didOpen/didChange/hover/completion/rename/... derived from the input,
// never crashes, answers every request exactly once with its id, puts every range
// it returns inside the document it names, and answers a next request.

import BlueprintLSP
import BlueprintSema
import BlueprintSyntax
import KanisterYAML

extension FuzzChecks {
    static let lspURI = "file:///fuzz/doc.bp"

    /// An input starting with `Content-Length` is a raw byte stream for the server;
    /// any other is a document, with after its last NUL byte the script of operations on it.
    static func checkLanguageServer(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
        if bytes.starts(with: Array("Content-Length".utf8)) {
            checkRawStream(bytes, &failures)
        } else {
            checkScript(bytes, &failures)
        }
    }

    static func makeServer() -> LanguageServer {
        LanguageServer(
            disk: NoImports(),
            configuration: LanguageServerConfiguration(
                explain: { DiagnosticExplanations.entry(for: DiagnosticCode($0))?.markdown },
                lintYAML: { BlueprintLinter.analyze($0).diagnostics }))
    }

    /// The messages in `frames`; a frame that is not one JSON value breaks a property.
    static func decode(_ frames: [[UInt8]], _ failures: inout FuzzFailures) -> [JSONValue] {
        var reader = MessageReader()
        for frame in frames { reader.append(frame) }
        var messages: [JSONValue] = []
        while let next = reader.next() {
            guard case .body(let body) = next, let value = body.withUnsafeBufferPointer({ JSONValue.parse(bytes: $0) }) else {
                failures.fail("the server wrote a frame that is not one JSON message")
                continue
            }
            messages.append(value)
        }
        return messages
    }

    /// Raw bytes, cut into chunks where the input says: every request the server
    /// could read (found by a reader of its own) is answered exactly once.
    static func checkRawStream(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
        let server = makeServer()
        var output: [[UInt8]] = []
        var start = 0
        while start < bytes.count {
            let length = 1 + Int(bytes[start]) * 7 % 97
            output += server.receive(bytes[start..<min(bytes.count, start + length)])
            start += length
        }
        let answers = decode(output, &failures)
        var reader = MessageReader()
        reader.append(bytes)
        var requests: [String: Int] = [:]
        var exited = false
        while let next = reader.next() {
            guard !exited, case .body(let body) = next, let message = body.withUnsafeBufferPointer({ JSONValue.parse(bytes: $0) }), message.isObject
            else { continue }
            let isVersion2 = message["jsonrpc"]?.stringValue == "2.0"
            if isVersion2, message["method"]?.stringValue == "exit", message["id"] == nil { exited = true }
            // JSON-RPC: every message with an id is answered once, an invalid one with its id
            // too; but a response (version 2.0, no method), which nothing answers.
            guard let id = message["id"], isPlainID(id), !isVersion2 || message["method"] != nil else { continue }
            requests[id.printed(), default: 0] += 1
        }
        var responses: [String: Int] = [:]
        for answer in answers where answer["method"] == nil {
            if let id = answer["id"], isPlainID(id) { responses[id.printed(), default: 0] += 1 }
        }
        for (id, count) in requests where responses[id] != count {
            failures.fail("request id \(id.dropLast()) was sent \(count) times and answered \(responses[id] ?? 0) times")
        }
    }

    /// Ids the server answers as they are (strings and integers).
    static func isPlainID(_ id: JSONValue) -> Bool {
        switch id {
        case .string, .int: true
        default: false
        }
    }
}
