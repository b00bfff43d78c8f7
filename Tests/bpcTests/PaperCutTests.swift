// The CLI without paper cuts: warnings silenced per file (`allow CODE`) and per
// run (`--allow`, `-W no-CODE`), the samples and their generated rollback
// actions lint clean with --warnings-as-errors, help texts and exit codes, and
// `bpc run`'s printers reach the terminal only through RunConsole.

import Foundation
import TestSupport
import Testing

@Suite("CLI paper cuts")
struct PaperCutTests {
    /// A file with one warning (BP2106: a secret on a command line) and nothing else.
    static let warned = """
        blueprint warned
        action backup on StatefulSet {
          phase dump: KubeTask {
            objects { db: Secret(name: "db", namespace: "n") }
            namespace: "n"
            image: "i"
            command: ["mysqldump", "--password", "\\(dump.secrets.db.Data["password"] | toString)"]
          }
        }

        """

    @Test func aFileWarnsWithoutAllow() throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", Self.warned)
        let result = try scratch.bpc("lint", "--format", "gcc", "--warnings-as-errors", "w.bp")
        #expect(result.status == 1)
        #expect(result.output.contains("[BP2106]"))
    }

    @Test func allowInTheFileSilencesItsWarnings() throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", "allow BP2106, BP2102\n" + Self.warned)
        let lint = try scratch.bpc("lint", "--format", "gcc", "--warnings-as-errors", "w.bp")
        #expect(lint.status == 0, "\(lint.output)")
        #expect(lint.output.isEmpty)
        let compile = try scratch.bpc("compile", "w.bp", "-o", "-")
        #expect(compile.status == 0)
        #expect(!compile.errors.contains("BP2106"))
    }

    @Test func allowNeverSilencesAnError() throws {
        let scratch = try Scratch()
        try scratch.write("e.bp", "allow BP2001\n" + Self.warned.replacingOccurrences(of: "KubeTask", with: "KubeTusk"))
        let result = try scratch.bpc("lint", "--format", "gcc", "--allow", "BP2001", "e.bp")
        #expect(result.status == 1)
        #expect(result.output.contains("error: ") && result.output.contains("[BP2001]"))
    }

    @Test func aMisspelledCodeIsAnErrorWithAFixIt() throws {
        let scratch = try Scratch()
        try scratch.write("m.bp", "allow bp2106\n" + Self.warned)
        let result = try scratch.bpc("lint", "--format", "json", "m.bp")
        #expect(result.status == 1)
        #expect(result.output.contains("BP2070"))
        #expect(result.output.contains("\"replacement\":\"BP2106\"") || result.output.contains("\"replacement\": \"BP2106\""), "\(result.output)")
    }

    @Test(arguments: [["--allow", "BP2106"], ["--allow", "bp2106,BP2102"], ["-W", "no-BP2106"], ["-Wno-BP2106"]])
    func allowOnTheCommandLine(_ flags: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", Self.warned)
        let lint = try BPCBinary.run(["lint", "--format", "gcc", "--warnings-as-errors"] + flags + ["w.bp"], in: scratch.url)
        #expect(lint.status == 0, "\(lint.output)\(lint.errors)")
        let compile = try BPCBinary.run(["compile", "w.bp", "-o", "-"] + flags, in: scratch.url)
        #expect(compile.status == 0)
        #expect(!compile.errors.contains("BP2106"))
    }

    @Test(arguments: [["--allow", "nonsense"], ["-W", "BP2106"], ["--allow", "BP21060"]])
    func aBadAllowIsAUsageError(_ flags: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", Self.warned)
        let result = try BPCBinary.run(["lint"] + flags + ["w.bp"], in: scratch.url)
        #expect(result.status == 2)
    }

    @Test func allowIsFormattedAndDumped() throws {
        let scratch = try Scratch()
        try scratch.write("f.bp", "allow   BP2106 ,BP2102\n" + Self.warned)
        let formatted = try scratch.bpc("fmt", "-", input: "allow   BP2106 ,BP2102\n" + Self.warned)
        #expect(formatted.status == 0)
        #expect(formatted.output.hasPrefix("allow BP2106, BP2102\n\nblueprint warned\n"), "\(formatted.output)")
        let again = try scratch.bpc("fmt", "-", input: formatted.output)
        #expect(again.output == formatted.output)
        let dump = try scratch.bpc("parse", "--dump-ast", "f.bp")
        #expect(dump.status == 0)
        #expect(dump.output.contains("Allow BP2106, BP2102"))
    }

    @Test func theSamplesLintCleanWithWarningsAsErrors() throws {
        let samples = TestSupport.packageRoot.appendingPathComponent("Samples")
        let files = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".bp") }.sorted()
        #expect(files.count >= 9)
        let result = try BPCBinary.run(["lint", "--format", "gcc", "--warnings-as-errors"] + files, in: samples)
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty)
    }

    /// A run's journal names its FILE, which --resume and rollback read again, so
    /// standard input is refused in one line (it was read as a file named '-').
    @Test func runRefusesStandardInput() throws {
        let source = try String(contentsOf: TestSupport.packageRoot.appendingPathComponent("Samples/postgresql.bp"), encoding: .utf8)
        let run = try BPCBinary.run(["run", "-", "--action", "backup", "--object", "statefulset/db/pg", "--backend", "dry-run"], input: source)
        #expect(run.status == 2)
        #expect(run.errors.contains("FILE cannot be standard input ('-')"), "\(run.errors)")
    }

    @Test func generatedRollbackActionsLintCleanAsYAML() throws {
        let scratch = try Scratch()
        let samples = TestSupport.packageRoot.appendingPathComponent("Samples")
        var yamls: [String] = []
        for file in try FileManager.default.contentsOfDirectory(atPath: samples.path).filter({ $0.hasSuffix(".bp") }).sorted() {
            let output = scratch.url.appendingPathComponent(file.replacingOccurrences(of: ".bp", with: ".yaml")).path
            let compile = try BPCBinary.run(["compile", file, "-o", output], in: samples)
            #expect(compile.status == 0)
            yamls.append(output)
        }
        let rollbacks = try yamls.filter { try String(contentsOfFile: $0, encoding: .utf8).contains("-rollback:") }
        #expect(rollbacks.count >= 3)
        let lint = try BPCBinary.run(["lint", "--format", "gcc", "--warnings-as-errors"] + yamls)
        #expect(lint.status == 0, "\(lint.output)")
        #expect(lint.output.isEmpty)
    }

    @Test func helpShowsDefaultsAndExamplesFitTheLine() throws {
        let run = try BPCBinary.run(["run", "--help"])
        #expect(run.status == 0)
        #expect(run.output.contains("(default: 4"))
        #expect(run.output.contains("(default: local)"))
        for arguments in [["--help"], ["run", "--help"], ["rollback", "--help"], ["lint", "--help"], ["compile", "--help"]] {
            let help = try BPCBinary.run(arguments)
            let examples = help.output.components(separatedBy: "Examples:").dropFirst().joined()
            for line in examples.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("  -") {
                #expect(line.count <= 80, "an example in \(arguments) is wider than 80 columns: \(line)")
                // A wrapped example would leave a line that is not a command or its continuation.
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if !trimmed.isEmpty, line.hasPrefix("    "), !line.hasPrefix("      ") {
                    #expect(trimmed.hasPrefix("bpc ") || trimmed.hasPrefix("--"), "a wrapped example in \(arguments): \(line)")
                }
            }
        }
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        let result = try BPCBinary.run(["help", "nosuch"])
        #expect(result.status == 2)
        #expect(result.errors.contains("nosuch"))
    }

    @Test func rollbackDocumentsEveryExitCode() throws {
        let help = try BPCBinary.run(["rollback", "--help"])
        let text = help.output.replacingOccurrences(of: "\n", with: " ").split(separator: " ").joined(separator: " ")
        for code in ["0 ", "1 ", "2 ", "4 ", "130 "] {
            #expect(text.contains("Exit status:") && text.contains(code), "rollback --help does not document \(code)")
        }
    }

    @Test func completionsAreDocumentedAndTheParserIsPinned() throws {
        let root = TestSupport.packageRoot
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("--generate-completion-script"))
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("swift-argument-parser\", exact: \"1.8.2\""))
        let completion = try BPCBinary.run(["--generate-completion-script", "bash"])
        #expect(completion.status == 0)
        #expect(completion.output.contains("rollback"))
    }

    /// Every printer of `bpc run` goes through RunConsole, which takes only Redacted text.
    @Test func runPrintersGoThroughTheRedactor() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources/bpc")
        let runFiles = ["RunCommand.swift", "RunSession.swift", "RunProgress.swift", "RunSummaryText.swift", "RollbackCommand.swift"]
        for file in runFiles {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for forbidden in ["Terminal.write", "print(", "FileHandle.standard", "fputs(", "FileManager.default.createFile"] {
                let lines = text.split(separator: "\n").filter { line in
                    line.contains(forbidden) && !line.contains("RunSummaryText.print(") && !line.contains("func print(")
                }
                #expect(lines.isEmpty, "\(file) prints around RunConsole: \(lines)")
            }
        }
    }
}
