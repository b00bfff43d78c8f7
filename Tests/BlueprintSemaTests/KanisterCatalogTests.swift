// The embedded Kanister facts are the shared ones, byte for byte, and decode
// into a usable catalog.

import Foundation
import Testing

@testable import BlueprintSema

@Suite struct KanisterCatalogTests {
    static let kanister = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/kanister").standardizedFileURL

    func shared(_ name: String) throws -> String {
        let text = try String(contentsOf: Self.kanister.appendingPathComponent(name), encoding: .utf8)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    @Test func embeddedFunctionsAreTheSharedFile() throws {
        #expect(CatalogData.functionsJSON == (try shared("functions.json")))
    }

    @Test func embeddedTemplateParametersAreTheSharedFile() throws {
        #expect(CatalogData.templateParamsJSON == (try shared("template-params.json")))
    }

    @Test func catalogDecodes() {
        let catalog = KanisterCatalog.shared
        #expect(catalog.functions.count == 28)
        #expect(catalog.function("KubeTask")?.userOutputs == true)
        #expect(catalog.function("BackupData")?.outputs.contains("backupID") == true)
        #expect(catalog.templateRoots.first == "StatefulSet")
        #expect(catalog.templateRoots.contains("Phases"))
        #expect(catalog.rootFields["StatefulSet"]?.contains("Namespace") == true)
    }
}
