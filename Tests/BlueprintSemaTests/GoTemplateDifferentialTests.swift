// Differential tests: our parser and Go's (kcheck tmpl-parse, Kanister's function map)
// must accept and reject the same templates. If kcheck cannot be built, these fail.

import Foundation
import Testing

@testable import BlueprintSema

@Suite("Go template parser agrees with Go")
struct GoTemplateDifferentialTests {
    /// Asserts agreement on every template; returns how many Go messages we matched exactly.
    @discardableResult
    static func expectAgreement(_ templates: [String], sprig: String = "v2") throws -> Int {
        let verdicts = try GoTemplateOracle.verdicts(for: templates, sprig: sprig)
        let functions =
            sprig == "v2" ? TemplateFunctions.kanister : TemplateFunctions.kanister.union(TemplateFunctions.v3Only)
        var sameMessage = 0
        for (template, verdict) in zip(templates, verdicts) {
            let ours = GoTemplate.parse(template, functions: functions)
            #expect(
                ours.isSuccess == verdict.isValid,
                "\(template.debugDescription): Go says \(verdict.error ?? "ok"), we say \(ours.error?.description ?? "ok")"
            )
            if let error = ours.error, error.description == verdict.error {
                sameMessage += 1
            } else if let error = ours.error, ProcessInfo.processInfo.environment["GOTMPL_DEBUG"] != nil {
                print("MSG \(template.debugDescription)\n  go: \(verdict.error ?? "ok")\n  us: \(error.description)")
            }
            if ours.isSuccess && verdict.isValid { sameMessage += 1 }
        }
        if ProcessInfo.processInfo.environment["GOTMPL_DEBUG"] != nil {
            print("STATS valid \(verdicts.filter(\.isValid).count)/\(templates.count), same message \(sameMessage)")
        }
        return sameMessage
    }

    @Test func exampleBlueprintTemplates() throws {
        let templates = try GoTemplateCorpus.exampleTemplates()
        #expect(templates.count >= 150, "only \(templates.count) templates found in the examples")
        let same = try Self.expectAgreement(templates)
        print("examples: \(same)/\(templates.count) identical")
    }

    @Test func handWrittenTemplates() throws {
        let templates = GoTemplateCases.all.map(\.text)
        #expect(templates.count >= 60)
        let same = try Self.expectAgreement(templates)
        print("hand-written: \(same)/\(templates.count) identical messages")
    }

    /// GOTMPL_FUZZ=N multiplies the number of random templates (for long local runs).
    static let fuzzScale = Int(ProcessInfo.processInfo.environment["GOTMPL_FUZZ"] ?? "") ?? 1

    @Test(arguments: [UInt64(1), 2, 3])
    func randomTemplates(seed: UInt64) throws {
        try Self.expectAgreement(GoTemplateFuzz.randomTemplates(count: 1500 * Self.fuzzScale, seed: seed))
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func mutatedTemplates(seed: UInt64) throws {
        let sources = try GoTemplateCorpus.exampleTemplates() + GoTemplateCases.all.map(\.text)
        try Self.expectAgreement(GoTemplateFuzz.mutations(of: sources, count: 1500 * Self.fuzzScale, seed: seed))
    }
}
