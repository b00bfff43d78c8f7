// The language server: takes JSON-RPC bytes, answers with framed messages. One
// queue of messages handled in order; a cancelled request and work for a
// document version a later message replaces are dropped, never done late.

import BlueprintSema
import BlueprintSyntax
import KanisterYAML

/// What the command passes in: the file system, and the lookups that live elsewhere.
public struct LanguageServerConfiguration: Sendable {
    /// A diagnostic code's explanation (the language reference's entry), if known.
    public var explain: @Sendable (String) -> String?
    /// `bpc lint`'s checks of a Kanister YAML file.
    public var lintYAML: @Sendable (SourceFile) -> [Diagnostic]
    public var kanister: KanisterVersion
    /// Reuse each action's check and plan results between edits while its text and
    /// environment are unchanged (`AnalysisCache`); off, every edit runs every pass.
    public var reusesActionResults = true

    public init(
        explain: @escaping @Sendable (String) -> String? = { _ in nil },
        lintYAML: @escaping @Sendable (SourceFile) -> [Diagnostic] = { _ in [] },
        kanister: KanisterVersion = .default
    ) {
        self.explain = explain
        self.lintYAML = lintYAML
        self.kanister = kanister
    }
}

/// JSON-RPC and LSP error codes.
public enum ErrorCode {
    public static let parseError = -32700
    public static let invalidRequest = -32600
    public static let methodNotFound = -32601
    public static let invalidParams = -32602
    public static let internalError = -32603
    public static let serverNotInitialized = -32002
    public static let requestCancelled = -32800
}

/// A request the client made that cannot be answered with a result.
struct RequestFailure: Error {
    var code: Int
    var message: String
}

public final class LanguageServer {
    let disk: any SourceProvider
    let configuration: LanguageServerConfiguration
    private var reader = MessageReader()
    var documents: [String: OpenDocument] = [:]
    /// Messages read but not handled yet.
    var queue: [JSONValue] = []
    private var outgoing: [[UInt8]] = []
    private(set) var isInitialized = false
    private(set) var isShutDown = false
    /// Set by the `exit` notification: 0 after `shutdown`, 1 without.
    public private(set) var exitStatus: Int32?

    public init(disk: any SourceProvider, configuration: LanguageServerConfiguration = LanguageServerConfiguration()) {
        self.disk = disk
        self.configuration = configuration
    }

    /// Feeds bytes from the client; returns the framed messages to write, in order.
    public func receive(_ bytes: some Collection<UInt8>) -> [[UInt8]] {
        reader.append(bytes)
        while let framed = reader.next() {
            switch framed {
            case .badHeader(let reason):
                send(error: ErrorCode.parseError, "bad message header: \(reason)", id: .null)
            case .body(let body):
                if let value = body.withUnsafeBufferPointer({ JSONValue.parse(bytes: $0) }) {
                    queue.append(value)
                } else {
                    send(error: ErrorCode.parseError, "parse error: the message body is not one JSON value", id: .null)
                }
            }
        }
        while !queue.isEmpty, exitStatus == nil {
            let message = queue.removeFirst()
            handle(message)
        }
        defer { outgoing = [] }
        return outgoing
    }

    /// The end of input: what the process should exit with.
    public func endOfInput() -> Int32 { exitStatus ?? (isShutDown ? 0 : 1) }

    func send(_ message: JSONValue) {
        outgoing.append(MessageReader.frame(message.printedUTF8()))
    }

    func send(result: JSONValue, id: JSONValue) {
        send(.object([("jsonrpc", .string("2.0")), ("id", id), ("result", result)]))
    }

    func send(error code: Int, _ message: String, id: JSONValue) {
        let error = JSONValue.object([("code", .int(code)), ("message", .string(message))])
        send(.object([("jsonrpc", .string("2.0")), ("id", id), ("error", error)]))
    }

    func notify(_ method: String, _ params: JSONValue) {
        send(.object([("jsonrpc", .string("2.0")), ("method", .string(method)), ("params", params)]))
    }

    func handle(_ message: JSONValue) {
        guard message.isObject else {
            send(error: ErrorCode.invalidRequest, "invalid request: expected a JSON object (batches are not supported)", id: .null)
            return
        }
        let id = message["id"]
        if let id, !JSONRPC.isValidID(id) {
            send(error: ErrorCode.invalidRequest, "invalid request: id must be a string or a number", id: .null)
            return
        }
        guard message["jsonrpc"]?.stringValue == "2.0" else {
            send(error: ErrorCode.invalidRequest, "invalid request: jsonrpc must be \"2.0\"", id: id ?? .null)
            return
        }
        guard let methodValue = message["method"] else {
            // A response to a request of ours (none is sent that needs an answer), or junk.
            if id == nil { send(error: ErrorCode.invalidRequest, "invalid request: no method", id: .null) }
            return
        }
        guard let method = methodValue.stringValue else {
            send(error: ErrorCode.invalidRequest, "invalid request: method must be a string", id: id ?? .null)
            return
        }
        let params = message["params"] ?? .null
        if let id {
            handleRequest(method, params: params, id: id)
        } else {
            handleNotification(method, params: params)
        }
    }

    func handleRequest(_ method: String, params: JSONValue, id: JSONValue) {
        if isCancelledLater(id) {
            send(error: ErrorCode.requestCancelled, "request cancelled", id: id)
            return
        }
        if method == "initialize" {
            guard !isInitialized else {
                send(error: ErrorCode.invalidRequest, "initialize was already received", id: id)
                return
            }
            isInitialized = true
            send(result: LanguageServer.capabilities, id: id)
            return
        }
        guard isInitialized else {
            send(error: ErrorCode.serverNotInitialized, "the server is not initialized", id: id)
            return
        }
        guard !isShutDown else {
            send(error: ErrorCode.invalidRequest, "the server is shut down", id: id)
            return
        }
        do {
            send(result: try answer(method, params: params), id: id)
        } catch let failure as RequestFailure {
            send(error: failure.code, failure.message, id: id)
        } catch {
            send(error: ErrorCode.internalError, "\(error)", id: id)
        }
    }

    func answer(_ method: String, params: JSONValue) throws -> JSONValue {
        switch method {
        case "shutdown":
            isShutDown = true
            return .null
        case "textDocument/hover": return try hover(params)
        case "textDocument/completion": return try complete(params)
        case "textDocument/definition": return try definition(params)
        case "textDocument/references": return try references(params)
        case "textDocument/prepareRename": return try prepareRename(params)
        case "textDocument/rename": return try rename(params)
        case "textDocument/documentSymbol": return try documentSymbols(params)
        case "textDocument/formatting": return try format(params)
        case "textDocument/codeAction": return try codeActions(params)
        default: throw RequestFailure(code: ErrorCode.methodNotFound, message: "method not found: \(method)")
        }
    }

    func handleNotification(_ method: String, params: JSONValue) {
        if method == "exit" {
            exitStatus = isShutDown ? 0 : 1
            return
        }
        guard isInitialized, !isShutDown else { return }
        switch method {
        case "textDocument/didOpen": didOpen(params)
        case "textDocument/didChange": didChange(params)
        case "textDocument/didClose": didClose(params)
        case "textDocument/didSave": didSave(params)
        case "workspace/didChangeWatchedFiles": didChangeWatchedFiles(params)
        default: break  // `initialized`, `$/cancelRequest` (seen ahead), `$/setTrace`, unknown notifications
        }
    }

    /// True when a `$/cancelRequest` for `id` waits in the queue.
    func isCancelledLater(_ id: JSONValue) -> Bool {
        queue.contains { $0["method"]?.stringValue == "$/cancelRequest" && $0["params"]?["id"] == id }
    }

    static let capabilities: JSONValue = .object([
        (
            "capabilities",
            .object([
                (
                    "textDocumentSync",
                    .object([
                        ("openClose", .bool(true)), ("change", .int(2)), ("save", .object([("includeText", .bool(false))])),
                    ])
                ),
                ("hoverProvider", .bool(true)),
                (
                    "completionProvider",
                    .object([("triggerCharacters", .array([".", ":", "(", " "].map { .string($0) })), ("resolveProvider", .bool(false))])
                ),
                ("definitionProvider", .bool(true)),
                ("referencesProvider", .bool(true)),
                ("renameProvider", .object([("prepareProvider", .bool(true))])),
                ("documentSymbolProvider", .bool(true)),
                ("documentFormattingProvider", .bool(true)),
                ("codeActionProvider", .object([("codeActionKinds", .array([.string("quickfix")]))])),
                ("positionEncoding", .string("utf-16")),
            ])
        ),
        ("serverInfo", .object([("name", .string("bpc")), ("version", .string("0.1.0"))])),
    ])
}

enum JSONRPC {
    static func isValidID(_ id: JSONValue) -> Bool {
        switch id {
        case .string, .int, .null: true
        case .double(let value): value.rounded() == value
        default: false
        }
    }
}
