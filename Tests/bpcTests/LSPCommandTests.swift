// `bpc lsp` as a process: a scripted session over its standard input and output,
// and the end-to-end test in Neovim (skipped, saying why, when nvim is absent).

import BlueprintLSP
import BlueprintSyntax
import Foundation
import TestSupport
import Testing

@Suite struct LSPCommandTests {
    static func frame(_ body: String) -> Data {
        Data(MessageReader.frame(Array(body.utf8)))
    }

    /// The messages a session wrote to standard output.
    static func messages(_ output: String) -> [JSONValue] {
        var reader = MessageReader()
        reader.append(Array(output.utf8))
        var result: [JSONValue] = []
        while case .body(let body)? = reader.next() {
            if let value = body.withUnsafeBufferPointer({ JSONValue.parse(bytes: $0) }) { result.append(value) }
        }
        return result
    }

    @Test func aSessionOverStandardInputAndOutput() throws {
        let scratch = try Scratch()
        try scratch.write("lib.bp", "let shared = \"busybox\"\n")
        let path = scratch.url.appendingPathComponent("main.bp").path
        let text =
            "blueprint demo\nimport \"lib.bp\"\naction backup on StatefulSet {\n  phase p: KubeTask {\n    image: shared\n    command: [\"true\", nope]\n  }\n}\n"
        let uri = DocumentURI.uri(of: path)
        var input = Data()
        input += Self.frame(#"{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}}"#)
        input += Self.frame(#"{"jsonrpc": "2.0", "method": "initialized", "params": {}}"#)
        input += Self.frame(
            #"{"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": "\#(uri)", "languageId": "bp", "version": 1, "text": \#(String(JSONValue.string(text).printed().dropLast()))}}}"#
        )
        input += Self.frame("not json at all")
        input += Self.frame(
            #"{"jsonrpc": "2.0", "id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": "\#(uri)"}, "position": {"line": 4, "character": 12}}}"#
        )
        input += Self.frame(#"{"jsonrpc": "2.0", "id": 3, "method": "no/such/method"}"#)
        input += Self.frame(#"{"jsonrpc": "2.0", "id": 4, "method": "shutdown"}"#)
        input += Self.frame(#"{"jsonrpc": "2.0", "method": "exit"}"#)
        let result = try BPCBinary.run(["lsp"], input: String(decoding: input, as: UTF8.self), in: scratch.url)
        #expect(result.status == 0)
        let messages = Self.messages(result.output)
        #expect(messages.first { $0["id"] == .int(1) }?["result"]?["capabilities"]?["renameProvider"]?["prepareProvider"] == .bool(true))
        let diagnostics = messages.first { $0["method"]?.stringValue == "textDocument/publishDiagnostics" }?["params"]?["diagnostics"]?.arrayValue
        // The import is read from disk; the one error is `nope`.
        #expect(diagnostics?.compactMap { $0["code"]?.stringValue } == ["BP2020"])
        #expect(diagnostics?.first?["range"]?["start"] == .object([("line", .int(5)), ("character", .int(22))]))
        #expect(messages.contains { $0["id"] == .null && $0["error"]?["code"]?.intValue == -32700 })
        #expect(messages.first { $0["id"] == .int(2) }?["result"]?["contents"]?["value"]?.stringValue?.contains("let shared") == true)
        #expect(messages.first { $0["id"] == .int(3) }?["error"]?["code"]?.intValue == -32601)
        #expect(messages.first { $0["id"] == .int(4) }?["result"] == .null)
    }

    @Test func endOfInputWithoutShutdownExitsOne() throws {
        let input = Self.frame(#"{"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {}}"#)
        let result = try BPCBinary.run(["lsp"], input: String(decoding: input, as: UTF8.self))
        #expect(result.status == 1)
        #expect(Self.messages(result.output).count == 1)
    }

    static let neovim: String? = ["/usr/bin/nvim", "/usr/local/bin/nvim"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test(.enabled(if: neovim != nil, "nvim is not installed (bash .ci/deps.sh installs Debian's neovim); the editor test is skipped"))
    func neovimEndToEnd() throws {
        let nvim = try #require(Self.neovim)
        let binary = try BPCBinary.path.get()
        let scratch = try Scratch()
        let sample = TestSupport.packageRoot.appendingPathComponent("Samples/postgresql.bp")
        try scratch.write("postgresql.bp", String(decoding: try Data(contentsOf: sample), as: UTF8.self))
        let script = TestSupport.packageRoot.appendingPathComponent("Tests/Editors/neovim-lsp.lua").path
        let settings = "let g:bpc_binary='\(binary)' | let g:bpc_sample='\(scratch.url.appendingPathComponent("postgresql.bp").path)'"
        let result = try TestSupport.run(
            nvim, ["--headless", "-u", "NONE", "-i", "NONE", "-n", "--cmd", settings, "-c", "luafile \(script)"], directory: scratch.url)
        let output = result.output + result.errors
        #expect(result.status == 0, "\(output)")
        #expect(output.contains("PASS"), "\(output)")
        #expect(output.contains("ok: rename rewrote every use"))
        #expect(output.contains("ok: BP2012 cleared after the quick fix"), "\(output)")
    }
}
