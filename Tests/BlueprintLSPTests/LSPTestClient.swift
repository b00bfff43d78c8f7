// A scripted JSON-RPC client for the language server tests: drives a
// LanguageServer in process through framed bytes, as an editor would over pipes.

import BlueprintLSP
import BlueprintSema
import BlueprintSyntax
import KanisterYAML
import Testing

/// Source files on a pretend disk.
struct MemorySources: SourceProvider {
    var files: [String: String]

    func read(_ path: String) throws -> SourceFile {
        guard let text = files[path] else { throw MissingFile(path: path) }
        return SourceFile(path: path, text: text)
    }

    func identity(of path: String) -> String { path }

    struct MissingFile: Error, CustomStringConvertible {
        var path: String
        var description: String { "\(path): no such file" }
    }
}

final class LSPTestClient {
    let server: LanguageServer
    /// Every message the server sent, in order.
    private(set) var received: [JSONValue] = []
    private var nextID = 1

    init(disk: [String: String] = [:], initialize: Bool = true) {
        server = LanguageServer(
            disk: MemorySources(files: disk),
            configuration: LanguageServerConfiguration(
                explain: { code in code == "BP2020" ? "EXPLAINED: a name no let, phase or artifact defines." : nil },
                lintYAML: { BlueprintLinter.lint(bytes: $0.bytes, path: $0.path) }))
        if initialize {
            _ = request("initialize", #"{"processId": null, "rootUri": null, "capabilities": {}}"#)
            notify("initialized", "{}")
        }
    }

    /// Sends raw bytes; returns the messages the server answered with.
    @discardableResult
    func sendRaw(_ bytes: [UInt8]) -> [JSONValue] {
        var reader = MessageReader()
        for chunk in server.receive(bytes) { reader.append(chunk) }
        var messages: [JSONValue] = []
        while case .body(let body)? = reader.next() {
            if let value = body.withUnsafeBufferPointer({ JSONValue.parse(bytes: $0) }) { messages.append(value) }
        }
        received += messages
        return messages
    }

    @discardableResult
    func sendBody(_ body: String) -> [JSONValue] { sendRaw(MessageReader.frame(Array(body.utf8))) }

    /// A request's whole answer (result or error object).
    func request(_ method: String, _ params: String) -> JSONValue {
        let id = nextID
        nextID += 1
        let replies = sendBody(#"{"jsonrpc": "2.0", "id": \#(id), "method": "\#(method)", "params": \#(params)}"#)
        return replies.first { $0["id"] == .int(id) } ?? .null
    }

    @discardableResult
    func notify(_ method: String, _ params: String) -> [JSONValue] {
        sendBody(#"{"jsonrpc": "2.0", "method": "\#(method)", "params": \#(params)}"#)
    }

    static func quoted(_ text: String) -> String {
        String(JSONValue.string(text).printed().dropLast())
    }

    @discardableResult
    func open(_ uri: String, _ text: String, language: String = "bp", version: Int = 1) -> [JSONValue] {
        notify(
            "textDocument/didOpen",
            #"{"textDocument": {"uri": "\#(uri)", "languageId": "\#(language)", "version": \#(version), "text": \#(LSPTestClient.quoted(text))}}"#)
    }

    /// An incremental change replacing the range with `text`.
    @discardableResult
    func change(_ uri: String, version: Int, from start: (Int, Int), to end: (Int, Int), _ text: String) -> [JSONValue] {
        let range = #"{"start": {"line": \#(start.0), "character": \#(start.1)}, "end": {"line": \#(end.0), "character": \#(end.1)}}"#
        return notify(
            "textDocument/didChange",
            #"{"textDocument": {"uri": "\#(uri)", "version": \#(version)}, "contentChanges": [{"range": \#(range), "text": \#(LSPTestClient.quoted(text))}]}"#)
    }

    /// The diagnostics of the last publishDiagnostics for `uri` among `messages` (nil when none).
    static func diagnostics(for uri: String, in messages: [JSONValue]) -> [JSONValue]? {
        messages.last { $0["method"]?.stringValue == "textDocument/publishDiagnostics" && $0["params"]?["uri"]?.stringValue == uri }?["params"]?[
            "diagnostics"]?.arrayValue
    }

    func lastDiagnostics(for uri: String) -> [JSONValue]? { LSPTestClient.diagnostics(for: uri, in: received) }

    static func position(_ line: Int, _ character: Int) -> String { #"{"line": \#(line), "character": \#(character)}"# }

    func at(_ method: String, _ uri: String, _ line: Int, _ character: Int, extra: String = "") -> JSONValue {
        request(method, #"{"textDocument": {"uri": "\#(uri)"}, "position": \#(LSPTestClient.position(line, character))\#(extra)}"#)
    }

    /// The (line, character) of an occurrence of `needle` (which may span lines) in `text`, plus `shift` characters (UTF-16).
    static func locate(_ needle: String, in text: String, shift: Int = 0, occurrence: Int = 0) -> (Int, Int) {
        var rest = text[...]
        var seen = 0
        while let found = rest.range(of: needle) {
            if seen == occurrence {
                let before = text[..<found.lowerBound]
                let line = before.filter { $0 == "\n" }.count
                let lineStart = before.lastIndex(of: "\n").map { text.index(after: $0) } ?? text.startIndex
                return (line, text[lineStart..<found.lowerBound].utf16.count + shift)
            }
            seen += 1
            rest = text[found.upperBound...]
        }
        Issue.record("'\(needle)' not found")
        return (0, 0)
    }

    /// Applies a list of TextEdits (non-overlapping) to `text`.
    static func apply(_ edits: [JSONValue], to text: String) -> String {
        let document = TextDocument(uri: "file:///x", version: 0, languageID: "", text: Array(text.utf8))
        let ranges = edits.compactMap { edit -> (Int, Int, String)? in
            guard let start = position(edit["range"]?["start"]), let end = position(edit["range"]?["end"]), let newText = edit["newText"]?.stringValue
            else { return nil }
            return (document.offset(of: start), document.offset(of: end), newText)
        }
        var bytes = Array(text.utf8)
        for (start, end, newText) in ranges.sorted(by: { $0.0 > $1.0 }) { bytes.replaceSubrange(start..<end, with: Array(newText.utf8)) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func position(_ json: JSONValue?) -> LSPPosition? {
        guard let line = json?["line"]?.intValue, let character = json?["character"]?.intValue else { return nil }
        return LSPPosition(line: line, character: character)
    }
}

extension String {
    func range(of needle: String) -> Range<String.Index>? { Substring(self).range(of: needle) }
}

extension Substring {
    func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var index = startIndex
        while index < endIndex {
            if self[index...].hasPrefix(needle) { return index..<self.index(index, offsetBy: needle.count) }
            index = self.index(after: index)
        }
        return nil
    }
}
