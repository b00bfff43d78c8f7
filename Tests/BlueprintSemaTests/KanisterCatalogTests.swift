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

    /// The values start-up reads (CatalogSpecs.swift) are functions.json as
    /// JSONDecoder decodes it; the file is generated from it here
    /// (BPC_UPDATE_GOLDENS=1 rewrites it, and fails).
    @Test func generatedSpecsAreTheEmbeddedFunctions() throws {
        let decoded = try JSONDecoder().decode([FunctionSpec].self, from: Data(CatalogData.functionsJSON.utf8))
        let parsed = try #require(JSON.parse(CatalogData.functionsJSON).flatMap(FunctionSpec.specs(json:)))
        #expect(parsed == decoded)
        #expect(parsed.contains { $0.summary != nil } && parsed.contains { $0.args.contains { $0.note != nil } })
        #expect(CatalogData.functionSpecs == decoded)
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/BlueprintSema/CatalogSpecs.swift")
        let source = Self.swiftSource(decoded)
        guard (try? String(contentsOf: url, encoding: .utf8)) != source else { return }
        if ProcessInfo.processInfo.environment["BPC_UPDATE_GOLDENS"] == "1" {
            try source.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("rewrote CatalogSpecs.swift (BPC_UPDATE_GOLDENS=1 always fails)")
        } else {
            Issue.record("CatalogSpecs.swift is not functions.json; run with BPC_UPDATE_GOLDENS=1")
        }
    }

    /// CatalogSpecs.swift for `specs`.
    static func swiftSource(_ specs: [FunctionSpec]) -> String {
        // .bp's string escapes are Swift's: the one escaper spells both.
        let literal = StringLiteral.quote
        func list(_ items: [String]) -> String { "[" + items.map(literal).joined(separator: ", ") + "]" }
        func optional(_ text: String?) -> String { text.map(literal) ?? "nil" }
        var out = """
            // Generated from functions.json (CatalogData.functionsJSON) by KanisterCatalogTests,
            // which fails when they differ (BPC_UPDATE_GOLDENS=1 rewrites this file): the
            // catalog as values, so that start-up does not parse JSON.
            // swift-format-ignore-file

            extension CatalogData {
                static let functionSpecs: [FunctionSpec] = [

            """
        for spec in specs {
            out += "        FunctionSpec(\n"
            out += "            name: \(literal(spec.name)), versions: \(list(spec.versions)),\n"
            out += "            args: [\n"
            for argument in spec.args {
                out += "                FunctionArgument(name: \(literal(argument.name)), required: \(argument.required), "
                out += "type: .\(argument.type.rawValue), note: \(optional(argument.note))),\n"
            }
            out += "            ],\n"
            out += "            outputs: \(list(spec.outputs)), userOutputs: \(spec.userOutputs),\n"
            out += "            summary: \(optional(spec.summary))),\n"
        }
        return out + "    ]\n}\n"
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

extension FunctionSpec {
    /// The entries of functions.json; nil when one does not have the catalog's shape.
    fileprivate static func specs(json: JSON) -> [FunctionSpec]? {
        guard let items = json.arrayValue else { return nil }
        var specs: [FunctionSpec] = []
        specs.reserveCapacity(items.count)
        for item in items {
            guard let spec = FunctionSpec(json: item) else { return nil }
            specs.append(spec)
        }
        return specs
    }

    fileprivate init?(json: JSON) {
        guard let name = json["name"]?.stringValue, let versions = json["versions"]?.stringArray,
            let argItems = json["args"]?.arrayValue, let outputs = json["outputs"]?.stringArray,
            let userOutputs = json["userOutputs"]?.boolValue
        else { return nil }
        var args: [FunctionArgument] = []
        for item in argItems {
            guard let argName = item["name"]?.stringValue, let required = item["required"]?.boolValue,
                let type = item["type"]?.stringValue.flatMap(ArgumentType.init(rawValue:))
            else { return nil }
            args.append(FunctionArgument(name: argName, required: required, type: type, note: item["note"]?.stringValue))
        }
        self.init(name: name, versions: versions, args: args, outputs: outputs, userOutputs: userOutputs, summary: json["summary"]?.stringValue)
    }
}
