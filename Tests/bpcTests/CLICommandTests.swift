// The other commands end to end through the built binary: help and usage
// errors, compile (atomic, nothing on error, -o -), import, fmt and parse.

import Foundation
import TestSupport
import Testing

@Suite("bpc commands")
struct CLICommandTests {
    @Test func helpListsTheCommands() throws {
        let result = try BPCBinary.run(["--help"])
        #expect(result.status == 0)
        for command in ["compile", "import", "fmt", "parse", "lint"] {
            #expect(result.output.contains("\n  \(command) "), "\(command) missing from --help")
        }
        #expect(result.output.contains("Exit status"))
        let lintHelp = try BPCBinary.run(["help", "lint"])
        #expect(lintHelp.status == 0)
        #expect(lintHelp.output.contains("--warnings-as-errors"))
    }

    @Test(arguments: [
        ["frobnicate"], ["compile"], ["compile", "a.bp", "b.bp"], ["fmt", "--bogus", "a.bp"],
        ["parse"], ["import"], ["lint", "--format"],
    ])
    func usageErrorsExitTwo(_ arguments: [String]) throws {
        let result = try BPCBinary.run(arguments)
        #expect(result.status == 2)
        #expect(result.errors.contains("Usage:") || result.errors.contains("Error:"), "\(result.errors)")
    }

    @Test func compileWritesYAMLBesideTheInput() throws {
        let scratch = try Scratch()
        try scratch.write("demo.bp", CLIFixture.clean)
        let result = try scratch.bpc("compile", "demo.bp")
        #expect(result.status == 0, "\(result.errors)")
        let yaml = try #require(scratch.read("demo.yaml"))
        #expect(yaml.contains("apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: demo\n"))
        #expect(scratch.listing() == ["demo.bp", "demo.yaml"], "no temporary file is left behind")
        let toStdout = try scratch.bpc("compile", "demo.bp", "-o", "-")
        #expect(toStdout.status == 0)
        #expect(toStdout.output == yaml)
    }

    @Test func compileReplacesAnExistingOutput() throws {
        let scratch = try Scratch()
        try scratch.write("demo.bp", CLIFixture.clean)
        try scratch.write("out.yaml", "old\n")
        let result = try scratch.bpc("compile", "demo.bp", "-o", "out.yaml")
        #expect(result.status == 0)
        #expect(scratch.read("out.yaml")?.contains("kind: Blueprint") == true)
        #expect(scratch.listing() == ["demo.bp", "out.yaml"])
    }

    @Test func compileWritesNothingOnError() throws {
        let scratch = try Scratch()
        try scratch.write("bad.bp", CLIFixture.error)
        try scratch.write("out.yaml", "sentinel\n")
        let result = try scratch.bpc("compile", "bad.bp", "-o", "out.yaml")
        #expect(result.status == 1)
        #expect(result.errors.contains("bad.bp:4:14: error[BP1001]"))
        #expect(scratch.read("out.yaml") == "sentinel\n", "an existing output is left untouched")
        let beside = try scratch.bpc("compile", "bad.bp")
        #expect(beside.status == 1)
        #expect(beside.output == "")
        #expect(scratch.listing() == ["bad.bp", "out.yaml"], "nothing is written on error")
    }

    /// A write error on standard output is an I/O failure, said and exited with 2.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func compileToAFullStandardOutputExitsTwo() throws {
        let scratch = try Scratch()
        try scratch.write("demo.bp", CLIFixture.clean)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try BPCBinary.path.get())
        process.arguments = ["compile", "demo.bp", "-o", "-"]
        process.currentDirectoryURL = scratch.url
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/full")
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.hasPrefix("bpc: cannot write to standard output: "))
    }

    @Test func compileMissingInputExitsTwo() throws {
        let scratch = try Scratch()
        let result = try scratch.bpc("compile", "nope.bp")
        #expect(result.status == 2)
        #expect(result.errors == "bpc: nope.bp: no such file\n")
        #expect(scratch.listing().isEmpty)
    }

    @Test func importKanisterExample() throws {
        let scratch = try Scratch()
        let result = try scratch.bpc("import", CLIFixture.kanisterExample.path)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.hasPrefix("blueprint time-log-bp {"))
        let written = try scratch.bpc("import", CLIFixture.kanisterExample.path, "-o", "time-log.bp")
        #expect(written.status == 0)
        #expect(scratch.read("time-log.bp") == result.output)
        let parsed = try scratch.bpc("parse", "time-log.bp")
        #expect(parsed.status == 0, "the imported .bp parses: \(parsed.errors)")
        let check = try scratch.bpc("fmt", "--check", "time-log.bp")
        #expect(check.status == 0, "the imported .bp is canonically formatted")
    }

    @Test func importRejectsOtherKinds() throws {
        let scratch = try Scratch()
        try scratch.write("cm.yaml", CLIFixture.configMap)
        let result = try scratch.bpc("import", "cm.yaml", "-o", "cm.bp")
        #expect(result.status == 1)
        #expect(result.errors.hasPrefix("cm.yaml:2:7: error[BP4002]: not a Kanister Blueprint (kind: ConfigMap)"))
        #expect(!scratch.exists("cm.bp"))
        let missing = try scratch.bpc("import", "nope.yaml")
        #expect(missing.status == 2)
    }

    @Test func fmtCheckExitCodes() throws {
        let scratch = try Scratch()
        try scratch.write("good.bp", CLIFixture.clean)
        try scratch.write("ugly.bp", CLIFixture.unformatted)
        try scratch.write("bad.bp", CLIFixture.error)
        #expect(try scratch.bpc("fmt", "--check", "good.bp").status == 0)
        let ugly = try scratch.bpc("fmt", "--check", "good.bp", "ugly.bp")
        #expect(ugly.status == 1)
        #expect(ugly.output == "ugly.bp\n")
        #expect(scratch.read("ugly.bp") == CLIFixture.unformatted, "--check writes nothing")
        #expect(try scratch.bpc("fmt", "--check", "bad.bp").status == 1)
        #expect(try scratch.bpc("fmt", "--check", "nope.bp").status == 2)
        let rewrite = try scratch.bpc("fmt", "ugly.bp")
        #expect(rewrite.status == 0)
        #expect(scratch.read("ugly.bp") == CLIFixture.clean)
        #expect(try scratch.bpc("fmt", "--check", "ugly.bp").status == 0)
        #expect(scratch.listing() == ["bad.bp", "good.bp", "ugly.bp"])
    }

    @Test func fmtStandardInputToStandardOutput() throws {
        let formatted = try BPCBinary.run(["fmt", "-"], input: CLIFixture.unformatted)
        #expect(formatted.status == 0)
        #expect(formatted.output == CLIFixture.clean)
        #expect(try BPCBinary.run(["fmt", "--check", "-"], input: CLIFixture.unformatted).status == 1)
        #expect(try BPCBinary.run(["fmt", "--check", "-"], input: CLIFixture.clean).status == 0)
        let broken = try BPCBinary.run(["fmt", "-"], input: CLIFixture.error)
        #expect(broken.status == 1)
        #expect(broken.output == "")
        #expect(broken.errors.contains("<stdin>:4:14: error[BP1001]"))
    }

    @Test func parseDumpsTheSyntaxTree() throws {
        let scratch = try Scratch()
        try scratch.write("demo.bp", CLIFixture.clean)
        try scratch.write("bad.bp", CLIFixture.error)
        let result = try scratch.bpc("parse", "--dump-ast", "demo.bp")
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("File @1:1-"))
        #expect(result.output.contains("Blueprint demo @1:1-1:18"))
        #expect(result.output.contains("Phase dump @4:3-8:4"))
        #expect(result.errors == "")
        let quiet = try scratch.bpc("parse", "demo.bp")
        #expect(quiet.status == 0 && quiet.output == "")
        let bad = try scratch.bpc("parse", "bad.bp", "nope.bp")
        #expect(bad.status == 2)
        #expect(bad.errors.contains("bad.bp:4:14: error[BP1001]"))
        #expect(bad.errors.contains("bpc: nope.bp: no such file"))
        #expect(try scratch.bpc("parse", "bad.bp").status == 1)
    }
}
