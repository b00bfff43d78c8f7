// Hard to break, as a user runs it: one secret value never printed by any path
// (events lines/json/live, summary, dry-run, rollback), refused runs leave
// nothing, temporary folders honour TMPDIR and are cleaned after kill -9, a
// third Ctrl-C kills the running compensation, the summary says what happened.

import BlueprintRuntime
import BlueprintSyntax
import Foundation
import TestSupport
import Testing

/// Runs bpc in the sandbox with extra environment variables; output captured in files.
func runBPC(_ sandbox: Sandbox, _ arguments: [String], environment: [String: String] = [:]) throws -> TestSupport.ProcessResult {
    let variables = environment.map { "\($0.key)=\($0.value)" }
    return try TestSupport.run(
        "/usr/bin/env", variables + [PostgresEnvironment.bpcPath] + arguments + ["--runs-directory", sandbox.directory.appendingPathComponent("runs").path],
        directory: sandbox.directory)
}

extension Sandbox {
    var journals: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("runs").path)) ?? []).sorted()
    }

    func journalText(_ id: String) -> String {
        (try? String(contentsOfFile: directory.appendingPathComponent("runs/\(id).jsonl").path, encoding: .utf8)) ?? ""
    }

    func write(_ name: String, _ text: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Folders in `root` named like a run's workspace.
    func workspaces(in root: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter { $0.hasPrefix("bpc-run-") }
    }
}

@Suite(.serialized) struct RunHygieneTests {
    static let secret = "zq-UNIQUE-\(UUID().uuidString.prefix(8))-pw"

    /// a reads the secret and outputs it; b prints it (plain, via base64, JSON-quoted) and fails;
    /// a's compensation prints the output it got.
    func leakyBlueprint(_ sandbox: Sandbox) throws -> String {
        try sandbox.write(
            "leaky.bp",
            """
            blueprint leaky
            action backup on StatefulSet {
              phase a: KubeTask {
                objects { creds: Secret(name: "db", namespace: "n") }
                namespace: "n"
                image: "i"
                command: ["sh", "-c", "kando output k \\"$(echo {{ .Phases.a.Secrets.creds.Data.password | toString | b64enc }} | base64 -d)\\""]
              } undo KubeTask { namespace: "n" image: "i" command: ["sh", "-c", "echo undo sees {{ .Phases.a.Output.k }} >&2"] }
              phase b: KubeTask {
                objects { creds: Secret(name: "db", namespace: "n") }
                namespace: "n"
                image: "i"
                command: ["sh", "-c", "P=$(echo {{ .Phases.b.Secrets.creds.Data.password | toString | b64enc }} | base64 -d); echo \\"$P\\"; echo \\"$P\\" | base64; printf '{\\"p\\":\\"%s\\"}\\\\n' \\"$P\\"; echo bad password \\"$P\\" >&2; exit 1"]
              }
            }
            """)
    }

    @Test(arguments: ["lines", "json", "live"])
    func noSecretInAnyOutput(events: String) throws {
        let sandbox = try Sandbox()
        let path = try leakyBlueprint(sandbox)
        let result = try runBPC(
            sandbox, ["run", path, "--action", "backup", "--object", "statefulset/n/x", "--secret", "db/password=\(Self.secret)", "--events", events])
        #expect(result.status == 3)
        let everything = result.output + result.errors + sandbox.journals.map { sandbox.journalText(String($0.dropLast(6))) }.joined()
        #expect(!everything.contains(Self.secret))
        #expect(!everything.contains(Data(Self.secret.utf8).base64EncodedString()))
        #expect(!everything.contains(Data((Self.secret + "\n").utf8).base64EncodedString()))
        #expect(result.errors.contains("failed:      b: command exited with status 1: bad password ******"))
        if events != "json" { #expect(result.errors.contains("undo sees ******")) }
    }

    @Test func noSecretInADryRun() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "dry.bp",
            """
            blueprint dry
            action backup on StatefulSet {
              secret db
              phase a: KubeTask { namespace: "n" image: "i" command: ["echo", "{{ index .Options \\"pw\\" }}"] }
            }
            """)
        let result = try runBPC(
            sandbox,
            [
                "run", path, "--action", "backup", "--object", "statefulset/n/x", "--backend", "dry-run", "--option", "pw=\(Self.secret)",
                "--secret", "db/password=\(Self.secret)", "--events", "lines",
            ])
        #expect(result.status == 0)
        #expect(!(result.output + result.errors).contains(Self.secret))
        #expect(result.errors.contains("******"))
    }

    @Test func aRunRefusedBeforeItStartsLeavesNoJournalAndNoFolder() throws {
        let sandbox = try Sandbox()
        let temporary = sandbox.directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let path = try sandbox.write(
            "needs.bp",
            """
            blueprint needs
            action backup on StatefulSet {
              secret db
              input dump: { path }
              phase a: KubeTask { namespace: "n" image: "i" command: ["echo", "{{ .ArtifactsIn.dump.KeyValue.path }}"] }
            }
            """)
        let result = try runBPC(sandbox, ["run", path, "--action", "backup", "--object", "statefulset/n/x"], environment: ["TMPDIR": temporary])
        #expect(result.status == 2)
        #expect(result.errors.contains("nothing was run"))
        #expect(sandbox.journals.isEmpty, "a refused run left a journal")
        #expect(sandbox.workspaces(in: temporary).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: sandbox.directory.appendingPathComponent(".bpc").path), "a refused run made the profile directory")
    }

    @Test func theWorkspaceIsUnderTMPDIRAndRollbackRemovesItAfterKillNine() async throws {
        let sandbox = try Sandbox()
        let temporary = sandbox.directory.appendingPathComponent("tmp").path
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: PostgresEnvironment.bpcPath)
        process.arguments = [
            "run", try sandbox.writeBlueprint(), "--action", "backup", "--object", "statefulset/ns/db", "--runs-directory",
            sandbox.directory.appendingPathComponent("runs").path,
        ]
        process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary]) { $1 }
        process.currentDirectoryURL = sandbox.directory
        process.standardError = FileHandle(forWritingAtPath: "/dev/null")
        try process.run()
        try await sandbox.waitFor("c")
        #expect(sandbox.workspaces(in: temporary).count == 1, "the kando folder is not under TMPDIR")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(sandbox.workspaces(in: temporary).count == 1)
        let id = try #require(sandbox.runID)
        let rollback = try runBPC(sandbox, ["rollback", id, "--events", "lines"])
        #expect(rollback.status == 0)
        #expect(sandbox.workspaces(in: temporary).isEmpty, "rollback left the killed run's temporary folder")
        // c was running when bpc died: interrupted, not "not run".
        #expect(rollback.errors.contains("interrupted: c"))
        #expect(!rollback.errors.contains("not run"))
        #expect(rollback.errors.contains("completed phases were undone"))
    }

    @Test func aThirdInterruptKillsTheRunningCompensation() async throws {
        let sandbox = try Sandbox()
        let marker = "43.43\(Int.random(in: 100...999))"
        let path = try sandbox.write(
            "slow-undo.bp",
            """
            blueprint slow
            action backup on StatefulSet {
              phase a: KubeTask { namespace: "n" image: "i" command: ["true"] } undo KubeTask { namespace: "n" image: "i" command: ["sh", "-c", "echo undoing >> \(sandbox.log); sleep \(marker)"] }
              phase b: KubeTask { namespace: "n" image: "i" command: ["false"] }
            }
            """)
        let process = try sandbox.start(["run", path, "--action", "backup", "--object", "statefulset/ns/db", "--events", "lines"])
        #expect(await eventually { sandbox.sideEffects.contains("undoing") && processRunning(withArgument: marker) })
        for _ in 0..<3 {
            kill(process.processIdentifier, SIGINT)
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(await eventually(5) { !processRunning(withArgument: marker) }, "the compensation outlived bpc")
        let id = try #require(sandbox.runID)
        let ledger = RunLedger(try RunJournal.read(sandbox.directory.appendingPathComponent("runs/\(id).jsonl").path))
        #expect(ledger.finishedStatus == nil, "bpc rollback must still be able to finish the run")
        #expect(!ledger.compensationsDone.contains("a-undo"))
    }

    @Test func aFailureBeforeAnythingCompletedDoesNotClaimAnUndo() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "first.bp",
            """
            blueprint first
            action backup on StatefulSet {
              phase a: KubeTask { namespace: "n" image: "i" command: ["false"] } undo KubeTask { namespace: "n" image: "i" command: ["true"] }
            }
            """)
        let result = try runBPC(sandbox, ["run", path, "--action", "backup", "--object", "statefulset/n/x", "--events", "lines"])
        #expect(result.status == 3)
        #expect(!result.errors.contains("were undone"))
        #expect(result.errors.contains("failed; no phase had completed, nothing to undo"))
    }

    @Test func compensationsAndFinallyAreListedInTheOrderTheyRan() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "order.bp",
            """
            blueprint order
            action backup on StatefulSet {
              phase a: KubeTask { namespace: "n" image: "i" command: ["true"] } undo KubeTask { namespace: "n" image: "i" command: ["true"] }
              phase b: KubeTask { namespace: "n" image: "i" command: ["true"] } undo KubeTask { namespace: "n" image: "i" command: ["true"] }
              phase c: KubeTask { namespace: "n" image: "i" command: ["false"] }
              phase d: KubeTask { namespace: "n" image: "i" command: ["true"] }
              finally fin: KubeTask { namespace: "n" image: "i" command: ["true"] }
            }
            """)
        let result = try runBPC(sandbox, ["run", path, "--action", "backup", "--object", "statefulset/n/x", "--events", "live"])
        #expect(result.status == 3)
        // The last drawing of the table: the rows after the last cursor-up sequence.
        let last = try #require(result.errors.components(separatedBy: "\u{1B}[J").last)
        let rows = last.split(separator: "\n").prefix { !$0.hasPrefix("run ") }.compactMap { row in
            row.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first
        }
        #expect(rows == ["a", "b", "c", "b-undo", "a-undo", "fin", "d"])
    }

    @Test func theRedactorMasksTheSpellingsOfASecret() {
        let key = "-----BEGIN KEY-----\nMIIEvQIBADANBgkqhkiG9w0B\n-----END KEY-----"
        let redactor = RunSecrets(secrets: ["k": ["pem": key, "pw": "p\"w\\1x"]]).redactor
        let printed = [
            "line MIIEvQIBADANBgkqhkiG9w0B here", "json {\"pw\":\"p\\\"w\\\\1x\"}", Data((key + "\n").utf8).base64EncodedString(),
            "whole " + key,
        ]
        for text in printed {
            let masked = redactor.redact(text).value
            #expect(masked.contains(Redactor.mask), "not masked: \(text)")
            #expect(!masked.contains("MIIEvQIBADANBgkqhkiG9w0B") && !masked.contains("p\\\"w"), "\(masked)")
        }
        #expect(redactor.redact("nothing secret here").value == "nothing secret here")
    }

    /// A secret with a character only bpc's JSON printer escapes (a control
    /// character, U+2028) is masked as `--events json` prints it.
    @Test func theRedactorMasksTheJSONPrintersSpelling() {
        let secret = "pa\u{1}ss\u{2028}word"
        let redactor = RunSecrets(secrets: ["k": ["pw": secret]]).redactor
        let printed = JSONValue.object([("pw", .string(secret))]).printed()
        #expect(!printed.contains(secret))
        #expect(redactor.redact(printed).value.contains(Redactor.mask), "not masked: \(printed)")
    }
}
