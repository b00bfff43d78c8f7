// The server stays up: malformed JSON-RPC, invalid requests, unknown methods,
// unopened documents, cancellation, the lifecycle and very large documents each
// get a protocol answer, never a crash or a stall.

import BlueprintLSP
import BlueprintSyntax
import TestSupport
import Testing

@Suite struct LanguageServerProtocolTests {
    @Test func requestsBeforeInitializeAreRefused() {
        let client = LSPTestClient(initialize: false)
        let reply = client.request("textDocument/hover", #"{"textDocument": {"uri": "file:///x.bp"}, "position": {"line": 0, "character": 0}}"#)
        #expect(reply["error"]?["code"]?.intValue == -32002)
        let initialized = client.request("initialize", #"{"capabilities": {}}"#)
        #expect(initialized["result"]?["capabilities"]?["hoverProvider"] == .bool(true))
        #expect(initialized["result"]?["capabilities"]?["textDocumentSync"]?["change"]?.intValue == 2)
        #expect(client.request("initialize", #"{"capabilities": {}}"#)["error"]?["code"]?.intValue == -32600)
    }

    @Test func malformedJSONIsAParseErrorAndTheServerGoesOn() {
        let client = LSPTestClient()
        let replies = client.sendBody(#"{"jsonrpc": "2.0", "id": 1, "method": "#)
        #expect(replies.first?["error"]?["code"]?.intValue == -32700)
        #expect(replies.first?["id"] == .null)
        // Still answering.
        #expect(client.request("shutdown", "null")["result"] == .null)
    }

    @Test(arguments: [
        #"[1, 2]"#, #"42"#, #"{"id": 1, "method": "shutdown"}"#, #"{"jsonrpc": "2.0", "id": 1, "method": 7}"#,
        #"{"jsonrpc": "2.0", "id": {"a": 1}, "method": "shutdown"}"#, #"{"jsonrpc": "2.0"}"#,
    ])
    func invalidRequests(body: String) {
        let client = LSPTestClient()
        let replies = client.sendBody(body)
        #expect(replies.count == 1)
        #expect(replies.first?["error"]?["code"]?.intValue == -32600)
    }

    @Test func unknownMethodsAndNotifications() {
        let client = LSPTestClient()
        #expect(client.request("textDocument/semanticTokens/full", "{}")["error"]?["code"]?.intValue == -32601)
        #expect(client.notify("$/somethingNew", "{}").isEmpty)
        #expect(client.notify("workspace/didChangeConfiguration", #"{"settings": {}}"#).isEmpty)
    }

    @Test func requestsForUnopenedDocuments() {
        let client = LSPTestClient()
        for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/rename"] {
            let reply = client.at(method, "file:///never/opened.bp", 0, 0, extra: #", "newName": "x""#)
            #expect(reply["error"]?["code"]?.intValue == -32602, "\(method)")
            #expect(reply["error"]?["message"]?.stringValue?.contains("not open") == true)
        }
        #expect(client.request("textDocument/hover", #"{"position": {"line": 0, "character": 0}}"#)["error"]?["code"]?.intValue == -32602)
        // A change or close of an unopened document is ignored.
        #expect(client.change("file:///never/opened.bp", version: 2, from: (0, 0), to: (0, 0), "x").isEmpty)
        // Positions far outside the document are clamped.
        client.open(Fixture.uri, Fixture.source)
        #expect(client.at("textDocument/hover", Fixture.uri, 10_000, 10_000)["error"] == nil)
        #expect(client.at("textDocument/completion", Fixture.uri, -5, -5)["error"] == nil)
    }

    @Test func cancelledRequestsAreAnsweredAsCancelled() {
        let client = LSPTestClient()
        client.open(Fixture.uri, Fixture.source)
        let hover =
            #"{"jsonrpc": "2.0", "id": 77, "method": "textDocument/hover", "params": {"textDocument": {"uri": "\#(Fixture.uri)"}, "position": {"line": 9, "character": 18}}}"#
        let cancel = #"{"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 77}}"#
        let replies = client.sendRaw(MessageReader.frame(Array(hover.utf8)) + MessageReader.frame(Array(cancel.utf8)))
        #expect(replies.count == 1)
        #expect(replies.first?["id"] == .int(77))
        #expect(replies.first?["error"]?["code"]?.intValue == -32800)
        // A cancel for a request already answered is ignored.
        #expect(client.notify("$/cancelRequest", #"{"id": 77}"#).isEmpty)
    }

    @Test func changesQueuedTogetherPublishOnlyTheLastVersion() {
        let client = LSPTestClient()
        client.open(Fixture.uri, "blueprint demo\n")
        var bytes: [UInt8] = []
        for version in 2...6 {
            let change =
                #"{"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {"textDocument": {"uri": "\#(Fixture.uri)", "version": \#(version)}, "contentChanges": [{"text": "blueprint demo\nlet v\#(version) = 1\n"}]}}"#
            bytes += MessageReader.frame(Array(change.utf8))
        }
        let replies = client.sendRaw(bytes)
        #expect(replies.count == 1)
        #expect(replies.first?["params"]?["version"]?.intValue == 6)
        #expect(replies.first?["params"]?["diagnostics"]?.arrayValue?.first?["message"]?.stringValue?.contains("v6") == true)
    }

    @Test func shutdownAndExit() {
        let client = LSPTestClient()
        #expect(client.request("shutdown", "null")["result"] == .null)
        #expect(client.request("textDocument/hover", "{}")["error"]?["code"]?.intValue == -32600)
        client.notify("exit", "null")
        #expect(client.server.exitStatus == 0)
        let abrupt = LSPTestClient()
        abrupt.notify("exit", "null")
        #expect(abrupt.server.exitStatus == 1)
        #expect(LSPTestClient(initialize: true).server.endOfInput() == 1)
    }

    @Test func badHeadersAndMessagesSplitAnywhere() {
        let client = LSPTestClient()
        let garbage = client.sendRaw(Array("Content-Type: text/plain\r\n\r\n".utf8))
        #expect(garbage.first?["error"]?["code"]?.intValue == -32700)
        // A request cut into one-byte pieces is answered once it is whole.
        let request = MessageReader.frame(Array(#"{"jsonrpc": "2.0", "id": 5, "method": "shutdown"}"#.utf8))
        var answers: [JSONValue] = []
        for byte in request { answers += client.sendRaw([byte]) }
        #expect(answers.count == 1)
        #expect(answers.first?["id"] == .int(5))
    }

    @Test func randomBytesNeverCrashTheServer() {
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<200 {
            let client = LSPTestClient()
            let length = Int.random(in: 0..<300, using: &generator)
            var body = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            if Bool.random(using: &generator) {
                // Mostly valid JSON-RPC with a damaged field.
                let text =
                    #"{"jsonrpc": "2.0", "id": 1, "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "file:///r.bp", "text": "phase \u00e9 {{ \(\"}}}}"#
                body = Array(text.utf8.prefix(Int.random(in: 0...text.utf8.count, using: &generator))) + body.prefix(5)
            }
            client.sendRaw(MessageReader.frame(body))
            client.sendRaw(body)
            #expect(client.request("shutdown", "null")["result"] == .null)
        }
    }

    @Test func hostileDocumentsGetAnswers() {
        let client = LSPTestClient()
        let texts = [
            String(repeating: "(", count: 50_000), String(repeating: "\"\\(", count: 5_000), String(repeating: "{{", count: 20_000),
            "action a {\n  phase p: KubeTask {\n    command: \"{{ .Phases.p.Output.", "\u{0}\u{FFFF}😀\r\r\n",
        ]
        for (index, text) in texts.enumerated() {
            let uri = "file:///hostile\(index).bp"
            client.open(uri, text)
            #expect(client.lastDiagnostics(for: uri) != nil)
            for method in ["textDocument/hover", "textDocument/completion", "textDocument/definition", "textDocument/prepareRename"] {
                #expect(client.at(method, uri, 0, 3)["error"] == nil, "\(method) on text \(index)")
            }
            #expect(client.request("textDocument/documentSymbol", #"{"textDocument": {"uri": "\#(uri)"}}"#)["error"] == nil)
        }
    }

    @Test func aDocumentOfSeveralMegabytes() {
        var text = "blueprint big\nlet image = \"busybox\"\n"
        var index = 0
        while text.utf8.count < 2_000_000 {
            text +=
                "action a\(index) on StatefulSet {\n  phase p\(index): KubeTask {\n    image: image\n    command: [\"echo\", \"{{ .StatefulSet.Name }}\"]\n  }\n}\n"
            index += 1
        }
        text += "action broken on StatefulSet {\n  phase p: KubeTask {\n    image: nope\n    command: [\"true\"]\n  }\n}\n"
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        let diagnostics = client.lastDiagnostics(for: Fixture.uri) ?? []
        #expect(diagnostics.map { $0["code"]?.stringValue } == ["BP2020"])
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(diagnostics.first?["range"]?["start"]?["line"]?.intValue == lines - 5)
        let completion = client.at("textDocument/completion", Fixture.uri, lines - 5, 11)
        #expect(completion["result"]?["items"]?.arrayValue?.contains { $0["label"]?.stringValue == "image" } == true)
    }
}
