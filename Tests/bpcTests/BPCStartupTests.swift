// What bpc answers before argument-parser runs (`bpc --version`) is exactly what
// argument-parser would answer, a subcommand parsed alone is what the full parse
// gives, help and version text still reach standard output whole, with status 0,
// and Foundation is not linked in.

import Foundation
import TestSupport
import Testing

@testable import bpc

@Suite struct BPCStartupTests {
    @Test func versionAnsweredEarlyIsArgumentParsersAnswer() throws {
        let early = try #require(BPC.immediateAnswer(["--version"]))
        do {
            _ = try BPC.parseAsRoot(["--version"])
            Issue.record("argument-parser did not answer --version")
        } catch {
            #expect(BPC.exitCode(for: error) == .success)
            #expect(early == BPC.fullMessage(for: error) + "\n")
        }
        #expect(early == "0.1.0\n")
    }

    @Test(arguments: [
        [], ["--version", "--help"], ["--help"], ["-h"], ["lint", "--version"], ["--version", "lint"], ["version"], ["--versions"],
        ["--Version"], ["--version="],
    ])
    func everyOtherCommandLineGoesToArgumentParser(_ arguments: [String]) {
        #expect(BPC.immediateAnswer(arguments) == nil)
    }

    @Test func versionAndHelpReachStandardOutput() throws {
        let version = try BPCBinary.run(["--version"])
        #expect(version.status == 0)
        #expect(version.output == "0.1.0\n")
        #expect(version.errors.isEmpty)
        let help = try BPCBinary.run(["--help"])
        #expect(help.status == 0)
        #expect(help.output.hasPrefix("OVERVIEW: The blueprint compiler"))
        #expect(help.output.hasSuffix("\n") && !help.output.hasSuffix("\n\n\n"))
        #expect(help.output.contains("  lint "))
        let lintHelp = try BPCBinary.run(["help", "lint"])
        #expect(lintHelp.status == 0)
        // The version names come from versions.json read in part (VersionFacts.releaseNames).
        let words = lintHelp.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("a release from 0.110.0 to 0.119.0"))
        #expect(words.contains("The default is the newest release, 0.119.0,"))
        #expect(words.contains("0.117.0, 0.118.0, 0.119.0, main. (default: 0.119.0)"))
    }

    /// Foundation (with FoundationInternationalization and ICU) is not in the
    /// executable: its conformance records were a third of those every first
    /// `as?` scans at start. A dynamic build would name its library, a static one
    /// carries its mangled module names; FoundationEssentials is allowed.
    @Test func foundationIsNotLinkedIn() throws {
        let path = try BPCBinary.path.get()
        let bytes = try #require(FileManager.default.contents(atPath: path))
        for marker in ["libFoundation.so", "10Foundation", "30FoundationInternationalization", "_FoundationICU"] {
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "\(path) holds \(marker)")
        }
        #expect(bytes.range(of: Data("20FoundationEssentials".utf8)) != nil, "the marker search no longer finds module names")
    }

    /// A command line the marked subcommand parses alone gives the command the
    /// full parse gives; anything else (help, versions, errors, completion
    /// requests, unmarked commands) is left to the full parse.
    @Test(arguments: [
        ["lint", "x.bp"], ["lint", "--format", "sarif", "-W", "no-BP2106", "a.bp", "b.yaml"], ["compile", "x.bp", "-o", "-"],
        ["fmt", "--check", "x.bp"], ["graph", "x.bp"], ["plan", "x.bp"], ["import", "x.yaml", "-o", "x.bp"], ["parse", "x.bp"],
        ["explain", "BP2009"], ["lint", "--", "-odd.bp"], ["lint", "help"],
    ])
    func directParseAgreesWithTheFullParse(_ arguments: [String]) throws {
        let direct = try #require(BPC.parsedDirectly(arguments))
        let full = try BPC.parseAsRoot(arguments)
        #expect(type(of: direct) == type(of: full))
        #expect(String(reflecting: direct) == String(reflecting: full))
    }

    @Test(arguments: [
        [], ["lint"], ["lint", "--help"], ["lint", "-h"], ["lint", "--version"], ["lint", "--bogus", "x.bp"],
        ["lint", "--max-per-file", "0", "x.bp"], ["lint", "--generate-completion-script", "bash"], ["help", "lint"],
        ["run", "x.bp"], ["nosuch", "x.bp"], ["--version"], ["lint", "--kanister", "9.9", "x.bp"], ["explain"],
    ])
    func everythingElseGoesToTheFullParse(_ arguments: [String]) {
        #expect(BPC.parsedDirectly(arguments) == nil)
    }

    @Test func onlyLeafCommandsAreMarked() {
        for command in BPC.configuration.subcommands where command.configuration._superCommandName != nil {
            #expect(command.configuration.subcommands.isEmpty, "\(command._commandName) has subcommands")
            #expect(command.configuration._superCommandName == "bpc")
        }
    }
}
