// The embedded Kanister facts are the shared ones, byte for byte, and decode
// into a usable catalog.

import BlueprintSyntax
import Foundation
import Testing

@testable import BlueprintSema

private typealias JSON = BlueprintSyntax.JSONValue

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

    @Test(arguments: [
        ("string", TemplateParameterType.scalar("string")), ("*bool", .scalar("bool")), ("int64 // a comment", .scalar("int64")),
        ("  float64", .scalar("float64")), ("[]byte", .scalar("[]byte")), ("[]string", .list(.scalar("string"))),
        ("*[]*int", .list(.scalar("int"))), ("map[string][]byte", .map(.scalar("[]byte"))),
        ("map[string]map[string]string", .map(.map(.scalar("string")))), ("[][]string", .list(.list(.scalar("string")))),
        ("interface{}", .any), ("crv1alpha1.Artifact", .any), ("", .any), ("strings", .any), ("[]", .list(.any)), ("map[string]", .map(.any)),
        ("*", .any),
    ])
    func goTypeSpellings(_ spelling: String, _ type: TemplateParameterType) {
        #expect(TemplateParameterType(spelling: spelling) == type)
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

    /// The hand-written reader of functions.json (no Codable at start-up) gives
    /// what Foundation's JSONDecoder gives from the same text.
    @Test func catalogReaderAgreesWithJSONDecoder() throws {
        let decoded = try JSONDecoder().decode([FunctionSpec].self, from: Data(CatalogData.functionsJSON.utf8))
        let parsed = try #require(JSON.parse(CatalogData.functionsJSON).flatMap(FunctionSpec.specs(json:)))
        #expect(parsed == decoded)
        #expect(parsed.contains { $0.summary != nil } && parsed.contains { $0.args.contains { $0.note != nil } })
    }

    /// Template roots keep the file's order; a root without fixed fields has none.
    @Test func templateRootsFollowTheFile() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(CatalogData.templateParamsJSON.utf8)) as? [String: Any])
        let fields = try #require(object["fields"] as? [String: Any])
        #expect(Set(KanisterCatalog.shared.templateRoots) == Set(fields.keys))
        #expect(KanisterCatalog.rootOrder.prefix(3) == ["StatefulSet", "DeploymentConfig", "Deployment"])
        #expect(KanisterCatalog.shared.rootFields["Time"] == [])
        #expect(KanisterCatalog.rootTypes["Options"] == .map(.scalar("string")))
    }
}
