// The embedded versions.json is the shared one, byte for byte; versions parse
// leniently; each version's catalog view is versions.json applied to main.

import BlueprintSyntax
import Foundation
import Testing

@testable import BlueprintSema

@Suite struct KanisterVersionTests {
    @Test func embeddedVersionsAreTheSharedFile() throws {
        let url = KanisterCatalogTests.kanister.appendingPathComponent("versions.json")
        var text = try String(contentsOf: url, encoding: .utf8)
        if text.hasSuffix("\n") { text.removeLast() }
        #expect(VersionData.versionsJSON == text)
    }

    @Test func knownVersionsAreTheReleasesThenMain() {
        #expect(KanisterVersion.known.first?.name == "0.110.0")
        #expect(KanisterVersion.known.last == .main)
        #expect(KanisterVersion.newestRelease.name == "0.119.0")
        #expect(KanisterVersion.default == KanisterVersion.newestRelease)
    }

    @Test func releaseNamesReadAloneAreTheDecodedOnes() {
        // The names are read without decoding versions.json (every command's
        // help needs them); they must be exactly what the whole decoding gives.
        #expect(VersionFacts.releaseNames == VersionFacts.shared.releases)
        #expect(KanisterVersion.known.map(\.name) == VersionFacts.shared.releases)
    }

    @Test(arguments: ["0.119.0", "v0.119.0", "0.119", "V0.119", " 0.119.0 "])
    func lenientSpellingsNameOneRelease(_ spelled: String) {
        #expect(KanisterVersion(parsing: spelled)?.name == "0.119.0")
    }

    @Test(arguments: ["0.120.0", "0.109.0", "1", "0.119.0.1", "latest", "", "0..119", "0.119-rc1"])
    func unknownVersionsDoNotParse(_ spelled: String) {
        #expect(KanisterVersion(parsing: spelled) == nil)
    }

    @Test func mainIsTheCatalog() {
        #expect(KanisterVersion(parsing: "main") == .main)
        #expect(KanisterTarget.of(.main).functions.count == KanisterCatalog.shared.functions.count)
    }

    /// versions.json counts each release's registered functions; the view must agree.
    @Test func eachReleaseHasTheFunctionCountVersionsJSONStates() throws {
        let data = Data(VersionData.versionsJSON.utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let versions = try #require(object["versions"] as? [String: [String: Any]])
        for version in KanisterVersion.known {
            let count = try #require(versions[version.name]?["functionCount"] as? Int)
            #expect(KanisterTarget.of(version).functions.count == count, "\(version)")
        }
    }

    @Test func releaseViewsApplyTheirDifferences() throws {
        let newest = KanisterTarget.of(.newestRelease)
        let kopia = try #require(newest.function("BackupDataUsingKopiaServer"))
        #expect(kopia.args.filter(\.required).map(\.name) == ["container", "includePath", "namespace", "pod"])
        #expect(kopia.argument("snapshotTags")?.type == .string)
        #expect(kopia.outputs == ["backupID", "size", "phySize"])
        #expect(KanisterTarget.of(.main).function("BackupDataUsingKopiaServer") == nil)
        let old = KanisterTarget.of(try #require(KanisterVersion(parsing: "0.110")))
        #expect(old.function("MultiContainerRun") == nil)
        #expect(old.function("CopyVolumeData")?.argument("podOverride") == nil)
        #expect(old.function("CopyVolumeData")?.argument("volume")?.required == true)
        #expect(old.function("CreateVolumeSnapshot")?.argument("pvcs")?.type == .stringList)
        #expect(newest.function("CopyVolumeData") == KanisterCatalog.shared.function("CopyVolumeData"))
    }

    /// A release's entry read alone is the one the whole decoding has.
    @Test func entriesReadAloneEqualTheWholeDecoding() throws {
        #expect(!VersionFacts.shared.versions.isEmpty)
        for (name, entry) in VersionFacts.shared.versions {
            let alone = try #require(JSONValue.parse(VersionData.versionsJSON, at: ["versions", name]).flatMap(VersionEntry.init(json:)))
            #expect(alone == entry, "\(name)")
            #expect(VersionFacts.entry(name) == entry)
        }
        #expect(VersionFacts.entry("9.9.9") == nil)
    }

    /// versions.json gives no types: each argument a release adds must have one
    /// in main's catalog or in `releaseArgumentTypes` (not the string fallback).
    @Test func everyReleaseArgumentHasAKnownType() {
        for (_, entry) in VersionFacts.shared.versions {
            var names = entry.argumentChanges.values.flatMap(\.extraSupported)
            for added in entry.addedFunctions.values { names += added.required + added.optional }
            for name in names {
                #expect(KanisterTarget.mainArgumentTypes[name] ?? KanisterTarget.releaseArgumentTypes[name] != nil, "\(name)")
            }
        }
    }

    @Test func availabilityIsDescribedAsRuns() {
        let last = KanisterVersion.known.count - 1
        #expect(KanisterTarget.describe([last]) == "available in Kanister main")
        #expect(KanisterTarget.describe([2, 3, last - 1, last]) == "available in Kanister 0.112.0–0.113.0 and since Kanister 0.119.0")
        #expect(KanisterTarget.describe([0, 1, 2]) == "available up to Kanister 0.112.0")
        #expect(KanisterTarget.describe(Array(2...last)) == "available since Kanister 0.112.0")
        #expect(KanisterTarget.describe([4]) == "available in Kanister 0.114.0")
    }

    /// The hand-written reader of versions.json gives every release's entry as
    /// the JSON states it.
    @Test func versionReaderReadsEveryEntry() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(VersionData.versionsJSON.utf8)) as? [String: Any])
        let versions = try #require(object["versions"] as? [String: [String: Any]])
        #expect(VersionFacts.shared.releases == object["releases"] as? [String])
        #expect(Set(VersionFacts.shared.versions.keys) == Set(versions.keys))
        for (name, entry) in versions {
            let read = try #require(VersionFacts.shared.versions[name])
            #expect(read.removedFunctions == entry["removedFunctions"] as? [String], "\(name)")
            #expect(Set(read.addedFunctions.keys) == Set((entry["addedFunctions"] as? [String: Any] ?? [:]).keys), "\(name)")
            let changes = entry["argumentChanges"] as? [String: [String: [String]]] ?? [:]
            #expect(Set(read.argumentChanges.keys) == Set(changes.keys), "\(name)")
            for (function, change) in changes {
                #expect(read.argumentChanges[function]?.extraSupported == change["extraSupported"], "\(name) \(function)")
                #expect(read.argumentChanges[function]?.unsupported == change["unsupported"], "\(name) \(function)")
            }
        }
    }

    /// The default version's and main's views are the ones every view lists.
    @Test func viewsAreBuiltOncePerVersion() {
        #expect(KanisterTarget.of(.default) === KanisterTarget.all[KanisterVersion.default.index])
        #expect(KanisterTarget.of(.main) === KanisterTarget.all[KanisterVersion.main.index])
    }
}
