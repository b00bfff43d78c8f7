// `bpc lsp`: the language server over standard input and output. The server is
// BlueprintLSP's; this command only moves bytes and supplies the file system.

import ArgumentParser
import BlueprintLSP
import BlueprintSema
import BlueprintSyntax
import Glibc
import KanisterYAML

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (Language Server Protocol over standard input and output).",
        discussion: """
            An editor starts `bpc lsp` and talks JSON-RPC to it: diagnostics as you type (the same \
            as `bpc lint`, for .bp files and Kanister YAML), hover, completion, go to definition, \
            references, rename, document symbols, formatting (`bpc fmt`) and quick fixes. \
            See the README's "Editors" section for set-up. \
            Exit status: 0 after the client's shutdown and exit, 1 when the input ends or `exit` \
            comes without a shutdown.
            """
    )

    @OptionGroup var kanister: KanisterOption

    func run() throws {
        let version = kanister.version
        let server = LanguageServer(
            disk: FileSources(),
            configuration: LanguageServerConfiguration(
                explain: { DiagnosticExplanations.entry(for: DiagnosticCode($0))?.markdown },
                lintYAML: { BlueprintLinter.analyze($0, kanister: version).diagnostics },
                kanister: version))
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            let replies = server.receive(buffer[0..<count])
            guard Terminal.writeAll(replies.map { $0[...] }, to: 1) else { throw ExitStatus.usageOrIO }
            if let status = server.exitStatus {
                if status != 0 { throw ExitStatus(code: status) }
                return
            }
        }
        let status = server.endOfInput()
        if status != 0 { throw ExitStatus(code: status) }
    }
}
