// Options every command shares: `--allow` / `-W no-CODE` silence warnings in
// graph, plan, run and rollback as in lint and compile; and the one parser of
// structured values (`--secret`, `--configmap`, `--profile`, `--artifact`)
// with one wording for a malformed value.

import Foundation
import TestSupport
import Testing

@Suite struct SharedOptionTests {
    /// The commands that compile a .bp and print its diagnostics, as argument lists after `bpc`.
    static let commands: [[String]] = [
        ["graph", "w.bp"],
        ["plan", "w.bp"],
        ["run", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--backend", "dry-run", "--events", "lines"],
    ]

    @Test(arguments: commands)
    func aWarningIsPrintedWithoutAllow(_ command: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", PaperCutTests.warned)
        let result = try BPCBinary.run(command, in: scratch.url)
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("BP2106"), "\(result.errors)")
    }

    @Test(arguments: commands, [["--allow", "BP2106"], ["-Wno-BP2106"], ["-W", "no-bp2106"]])
    func allowSilencesTheWarning(_ command: [String], _ flags: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", PaperCutTests.warned)
        let result = try BPCBinary.run(command + flags, in: scratch.url)
        #expect(result.status == 0, "\(result.errors)")
        #expect(!result.errors.contains("BP2106"), "\(result.errors)")
    }

    @Test(arguments: commands)
    func aBadAllowIsAUsageError(_ command: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", PaperCutTests.warned)
        let result = try BPCBinary.run(command + ["--allow", "BP21O6"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.errors.contains("is not a diagnostic code"))
    }

    @Test(arguments: ["graph", "plan", "run", "rollback", "actionset", "import"])
    func helpDescribesAllow(_ command: String) throws {
        let result = try BPCBinary.run([command, "--help"])
        #expect(result.output.contains("--allow <code>"), "\(result.output)")
        #expect(result.output.contains("-W <no-code>"))
    }

    struct Malformed: Sendable, CustomStringConvertible {
        var arguments: [String]
        var message: String
        var description: String { arguments.joined(separator: " ") }
    }

    static let malformed: [Malformed] = [
        Malformed(
            arguments: ["actionset", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--secret", "db=n"],
            message: "--secret 'db=n': write NAME=NAMESPACE/NAME"),
        Malformed(
            arguments: ["actionset", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--configmap", "c=/x"],
            message: "--configmap 'c=/x': write NAME=NAMESPACE/NAME"),
        Malformed(
            arguments: ["actionset", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--secret", "db"],
            message: "--secret 'db': write NAME=NAMESPACE/NAME"),
        Malformed(
            arguments: ["actionset", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--profile", "a/b/c"],
            message: "--profile 'a/b/c': write NAMESPACE/NAME or NAME"),
        Malformed(
            arguments: ["actionset", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--option", "=v"], message: "--option '=v': write KEY=VALUE"),
        Malformed(
            arguments: ["actionset", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--artifact", ".k=v"],
            message: "--artifact '.k=v': write NAME.KEY=VALUE or NAME=SNAPSHOT"),
        Malformed(
            arguments: ["run", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--secret", "db=hunter2-value"],
            message: "--secret 'db=...': write NAME/KEY=VALUE"),
        Malformed(
            arguments: ["run", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--configmap", "c/=v"],
            message: "--configmap 'c/=...': write NAME/KEY=VALUE"),
        Malformed(
            arguments: ["run", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--artifact", "a.=v"],
            message: "--artifact 'a.=v': write NAME.KEY=VALUE or NAME=SNAPSHOT"),
        Malformed(arguments: ["rollback", "no-such-run", "--secret", "x"], message: "--secret 'x': write NAME/KEY=VALUE"),
        // No key at all: the value is still not echoed.
        Malformed(
            arguments: ["run", "w.bp", "--action", "backup", "--object", "statefulset/n/db", "--secret", "=hunter2-value"],
            message: "--secret '=...': write NAME/KEY=VALUE"),
    ]

    @Test(arguments: malformed)
    func aMalformedValueIsOneUsageError(_ test: Malformed) throws {
        let scratch = try Scratch()
        try scratch.write("w.bp", PaperCutTests.warned)
        let result = try BPCBinary.run(test.arguments, in: scratch.url)
        #expect(result.status == 2, "\(result.errors)")
        #expect(result.errors.contains("bpc: \(test.message)"), "\(result.errors)")
        #expect(!result.errors.contains("hunter2"), "a value that may be a secret is not echoed")
        #expect(!scratch.exists(".bpc/runs"), "a refused run leaves no journal")
    }
}
