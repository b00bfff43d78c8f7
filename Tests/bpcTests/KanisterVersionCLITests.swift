// `--kanister VERSION` end to end through the built binary: the target version
// decides which functions and arguments lint and compile accept (.bp and YAML
// alike), an unknown version is a usage error, and kcheck given that version's
// catalog accepts what bpc accepts for it.

import Foundation
import TestSupport
import Testing

@Suite("bpc --kanister")
struct KanisterVersionCLITests {
    /// A phase of BackupDataUsingKopiaServer, which the releases have and main does not.
    static let kopiaServer = """
        blueprint kopia
        action backup on StatefulSet {
          phase push: BackupDataUsingKopiaServer {
            namespace: StatefulSet.Namespace
            pod: "db-0"
            container: "db"
            includePath: "/data"
          }
        }

        """

    /// CopyVolumeData with podOverride, which releases before 0.117.0 reject.
    static let podOverrideYAML = """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: copy
        actions:
          backup:
            phases:
            - func: CopyVolumeData
              name: copy
              args:
                namespace: ns
                volume: data
                dataArtifactPrefix: s3://bucket/x
                podOverride:
                  dnsPolicy: Default

        """

    @Test func functionOfTheReleasesIsCleanByDefaultAndReportedUnderMain() throws {
        let scratch = try Scratch()
        try scratch.write("kopia.bp", Self.kopiaServer)
        for spelled in [[], ["--kanister", "0.119"], ["--kanister", "v0.110.0"]] {
            let clean = try BPCBinary.run(["lint", "--format", "gcc"] + spelled + ["kopia.bp"], in: scratch.url)
            #expect(clean.status == 0, "\(spelled): \(clean.output)\(clean.errors)")
        }
        let main = try scratch.bpc("lint", "--format", "gcc", "--kanister", "main", "kopia.bp")
        #expect(main.status == 1)
        #expect(
            main.output
                == "kopia.bp:3:15: error: Kanister main has no function 'BackupDataUsingKopiaServer'; it is available up to Kanister 0.119.0 (choose the version with --kanister) [BP2060]\n"
        )
    }

    @Test func argumentAnOlderReleaseRejectsIsReportedAtTheYAMLKey() throws {
        let scratch = try Scratch()
        try scratch.write("copy.yaml", Self.podOverrideYAML)
        #expect(try scratch.bpc("lint", "copy.yaml").status == 0)
        #expect(try scratch.bpc("lint", "--kanister", "0.117.0", "copy.yaml").status == 0)
        let old = try scratch.bpc("lint", "--format", "gcc", "--kanister", "0.116", "copy.yaml")
        #expect(old.status == 1)
        #expect(
            old.output
                == "copy.yaml:14:9: error: CopyVolumeData of Kanister 0.116.0 has no argument 'podOverride'; it is available since Kanister 0.117.0 (choose the version with --kanister) [BP2061]\n"
        )
    }

    @Test func compileChecksAgainstTheTargetAndWritesNothingOnError() throws {
        let scratch = try Scratch()
        try scratch.write("kopia.bp", Self.kopiaServer)
        let rejected = try scratch.bpc("compile", "--kanister", "main", "kopia.bp")
        #expect(rejected.status == 1)
        #expect(rejected.errors.contains("[BP2060]") || rejected.errors.contains("BP2060"))
        #expect(!scratch.exists("kopia.yaml"))
        let accepted = try scratch.bpc("compile", "--kanister", "0.119.0", "kopia.bp")
        #expect(accepted.status == 0, "\(accepted.errors)")
        #expect(scratch.read("kopia.yaml")?.contains("func: BackupDataUsingKopiaServer") == true)
    }

    @Test(arguments: [["lint"], ["compile"]])
    func unknownVersionIsAUsageError(_ command: [String]) throws {
        let scratch = try Scratch()
        try scratch.write("kopia.bp", Self.kopiaServer)
        let result = try BPCBinary.run(command + ["--kanister", "0.120.0", "kopia.bp"], in: scratch.url)
        #expect(result.status == 2)
        #expect(result.errors.contains("unknown Kanister version '0.120.0'"))
        #expect(result.errors.contains("0.110.0, 0.111.0"))
        #expect(result.errors.contains("0.119.0, main"))
        #expect(!scratch.exists("kopia.yaml"))
    }

    @Test(arguments: [["lint"], ["compile"]])
    func helpDocumentsTheOptionAndItsDefault(_ command: [String]) throws {
        let result = try BPCBinary.run(command + ["--help"])
        #expect(result.output.contains("--kanister <version>"))
        #expect(result.output.contains("(default: 0.119.0)"))
    }

    // MARK: - kcheck with the version's catalog

    /// functions.json with a release's entry of versions.json applied, written
    /// here apart from bpc's own code (types of release-only args left out, so
    /// kcheck does not check them).
    static func catalog(for version: String) throws -> Data {
        let kanister = TestSupport.sharedDirectory.appendingPathComponent("kanister")
        let main = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: kanister.appendingPathComponent("functions.json"))) as? [[String: Any]])
        guard version != "main" else { return try JSONSerialization.data(withJSONObject: main) }
        let versions = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: kanister.appendingPathComponent("versions.json"))) as? [String: Any])
        let entry = try #require((versions["versions"] as? [String: [String: Any]])?[version])
        let removed = Set(entry["removedFunctions"] as? [String] ?? [])
        let changes = entry["argumentChanges"] as? [String: [String: [String]]] ?? [:]
        var functions: [[String: Any]] = []
        for var function in main {
            let name = function["name"] as? String ?? ""
            if removed.contains(name) { continue }
            if let change = changes[name] {
                var args = (function["args"] as? [[String: Any]] ?? []).filter { !(change["unsupported"] ?? []).contains($0["name"] as? String ?? "") }
                for extra in change["extraSupported"] ?? [] { args.append(["name": extra, "required": false, "type": ""]) }
                for index in args.indices {
                    let arg = args[index]["name"] as? String ?? ""
                    if (change["notRequired"] ?? []).contains(arg) { args[index]["required"] = false }
                    if (change["extraRequired"] ?? []).contains(arg) { args[index]["required"] = true }
                }
                function["args"] = args
            }
            functions.append(function)
        }
        for (name, value) in entry["addedFunctions"] as? [String: [String: Any]] ?? [:] {
            let required = (value["required"] as? [String] ?? []).map { ["name": $0, "required": true, "type": ""] as [String: Any] }
            let optional = (value["optional"] as? [String] ?? []).map { ["name": $0, "required": false, "type": ""] as [String: Any] }
            functions.append([
                "name": name, "versions": ["v0.0.0"], "args": required + optional, "outputs": value["outputs"] ?? [],
                "userOutputs": value["userOutputs"] ?? false,
            ])
        }
        return try JSONSerialization.data(withJSONObject: functions)
    }

    static let versionsUnderTest = ["0.110.0", "0.114.0", "0.117.0", "0.119.0", "main"]

    /// Every sample bpc compiles for a version passes kcheck with that version's
    /// catalog, and kcheck rejects each one bpc rejects for it (as compiled for
    /// the default version); the two crafted inputs get the same verdict from both.
    @Test(arguments: versionsUnderTest)
    func kcheckAcceptsWhatBPCAcceptsForTheVersion(_ version: String) throws {
        let kcheck = try TestSupport.kcheck.get()
        let scratch = try Scratch()
        try Self.catalog(for: version).write(to: scratch.url.appendingPathComponent("catalog.json"))
        let validate = ["validate", "-version", "v0.0.0", "-catalog", "catalog.json"]
        var compiled: [String] = []
        for sample in TestSupport.samples() {
            let out = sample.deletingPathExtension().lastPathComponent + ".yaml"
            let result = try scratch.bpc("compile", "--kanister", version, sample.path, "-o", out)
            if result.status == 0 {
                compiled.append(out)
                continue
            }
            #expect(result.errors.contains("BP2061") || result.errors.contains("BP2060"), "\(sample.lastPathComponent): \(result.errors)")
            #expect(try scratch.bpc("compile", sample.path, "-o", out).status == 0)
            let rejected = try TestSupport.run(kcheck, validate + [out], directory: scratch.url)
            #expect(rejected.status == 1, "kcheck accepts \(out) for \(version), bpc does not")
        }
        #expect(compiled.count >= (version == "0.110.0" ? 1 : TestSupport.samples().count), "samples compiled for \(version)")
        try scratch.write("kopia.bp", Self.kopiaServer)
        try scratch.write("copy.yaml", Self.podOverrideYAML)
        let kopia = try scratch.bpc("compile", "--kanister", version, "kopia.bp", "-o", "kopia.yaml")
        if kopia.status == 0 { compiled.append("kopia.yaml") }
        #expect((kopia.status == 0) == (version != "main"))
        let accepted = try TestSupport.run(kcheck, validate + compiled, directory: scratch.url)
        #expect(accepted.status == 0, "\(version): \(accepted.output)")
        // The YAML input: bpc lint and kcheck agree on accept or reject.
        let lint = try scratch.bpc("lint", "--kanister", version, "copy.yaml")
        let checked = try TestSupport.run(kcheck, validate + ["copy.yaml"], directory: scratch.url)
        #expect((lint.status == 0) == (checked.status == 0), "\(version): bpc \(lint.errors) kcheck \(checked.output)")
        #expect((lint.status == 0) == ["0.117.0", "0.119.0", "main"].contains(version))
        // Under main, the function bpc rejects is rejected by kcheck too.
        if version == "main" {
            let other = try scratch.bpc("compile", "--kanister", "0.119.0", "kopia.bp", "-o", "kopia.yaml")
            #expect(other.status == 0)
            let rejected = try TestSupport.run(kcheck, validate + ["kopia.yaml"], directory: scratch.url)
            #expect(rejected.status == 1, "\(rejected.output)")
        }
    }
}
