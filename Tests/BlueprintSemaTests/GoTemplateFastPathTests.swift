// The fast path for plain templates must give exactly the full parser's root
// references whenever it answers (leaving out no check of the full parse), and
// answer for the plain templates that make up most blueprints (else it is dead weight).

import TestSupport
import Testing

@testable import BlueprintSema

@Suite("Go template fast path")
struct GoTemplateFastPathTests {
    /// Plain-looking templates with perturbations that must push them to the full parser.
    static func plainish(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        let words = [
            ".Profile", ".Phases.dump.Output.key", ".StatefulSet.Name", ".Options.x", ".ArtifactsIn.a.KeyValue.k",
            "toJson", "quote", "upper", "nosuchfunc", "if", "end", "range", "nil", "true", ".", ".A.B.C", "$.Profile",
            "$x", "\"s\"", "1", "|", "(", ")", ".A..B", ".1x", "é", ".Ünï", ".Phases.p.Output.originalReplicaCount", "len",
        ]
        let spaces = [" ", " ", "  ", "\t", "\n", ""]
        let opens = ["{{", "{{", "{{ ", "{{- ", "{{{", "{"]
        let closes = ["}}", "}}", " }}", " -}}", "}}}", "}"]
        return (0..<count).map { _ in
            var text = Bool.random(using: &generator) ? "cmd --flag '" : ""
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                text += opens.randomElement(using: &generator) ?? "{{"
                for index in 0..<Int.random(in: 0...3, using: &generator) {
                    if index > 0 || Bool.random(using: &generator) { text += spaces.randomElement(using: &generator) ?? " " }
                    text += words.randomElement(using: &generator) ?? ".A"
                }
                text += closes.randomElement(using: &generator) ?? "}}"
                if Bool.random(using: &generator) { text += "' /path/x" }
            }
            return text
        }
    }

    static let templates: [String] =
        ((try? GoTemplateCorpus.exampleTemplates()) ?? [])
        + GoTemplateCases.all.map(\.text)
        + GoTemplateFuzz.randomTemplates(count: 3000, seed: 41)
        + plainish(count: 20_000, seed: 42)
        // Comparisons, whose verdict depends on their operands' kinds together.
        + ["{{ eq .StatefulSet.Name .StatefulSet.Pods }}", "{{ eq .Phases.p.Output.n .Phases.q.Output.m }}", "{{ lt .StatefulSet.Name .Phases.p.Output.n }}"]

    @Test func fastPathAgreesWithTheParser() {
        let functions = TemplateFunctions.kanister
        var answered = 0
        for template in Self.templates {
            guard let fast = GoTemplateFastPath.rootReferences(template, functions: functions) else { continue }
            answered += 1
            switch GoTemplate.parse(template, functions: functions) {
            case .success(let tree):
                #expect(fast == tree.rootReferences, "\(template.debugDescription)")
                // Nothing the full parse would check is skipped: no bad call, no output given to a function that may refuse it.
                let all = tree.references()
                #expect(SemanticChecker.badCalls(in: all).isEmpty, "\(template.debugDescription)")
                #expect(
                    !all.fieldArguments.contains { SemanticChecker.mayRefuseOutput($0.path, of: $0.function, position: $0.position) },
                    "\(template.debugDescription)")
            case .failure(let error):
                Issue.record("the fast path accepted \(template.debugDescription), which Go rejects: \(error)")
            }
        }
        #expect(answered > 2000, "the fast path answered only \(answered) times")
    }
}
