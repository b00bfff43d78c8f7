// The function sets against ../shared/kanister/template-funcs.txt and, through kcheck,
// against the function map Go really uses (parse `{{name}}` for every known name).

import Foundation
import Testing

@testable import BlueprintSema

@Suite("Template functions")
struct TemplateFunctionsTests {
    static func listedNames() throws -> Set<String> {
        let url = GoTemplateOracle.sharedDirectory.appendingPathComponent("kanister/template-funcs.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        return Set(text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) })
            .subtracting([""])
    }

    @Test func setsMatchTheListedNames() throws {
        let listed = try Self.listedNames()
        let known = TemplateFunctions.kanister.union(TemplateFunctions.v3Only)
        #expect(listed.subtracting(known).isEmpty, "missing: \(listed.subtracting(known).sorted())")
        // sprig's map also has push and mustPush, which the list leaves out.
        #expect(known.subtracting(listed) == ["push", "mustPush"])
        #expect(TemplateFunctions.v3Only.count == 59)
        #expect(TemplateFunctions.kanister.isDisjoint(with: TemplateFunctions.v3Only))
        #expect(TemplateFunctions.goBuiltins.isSubset(of: TemplateFunctions.kanister))
        #expect(TemplateFunctions.fipsDisabled.isSubset(of: TemplateFunctions.kanister))
    }

    @Test func hints() {
        #expect(
            TemplateFunctions.unavailabilityHint(for: "toRawJson")
                == "toRawJson is sprig v3 only; Kanister pins sprig v2")
        #expect(TemplateFunctions.unavailabilityHint(for: "toJson") == nil)
    }

    /// Every name we know of, plus near misses, parsed by Go with sprig v2 and v3.
    @Test(arguments: ["v2", "v3"])
    func goAgreesOnEveryName(sprig: String) throws {
        let names = try Self.listedNames().union(TemplateFunctions.kanister).union(TemplateFunctions.v3Only)
            .union(["gte", "lte", "Upper", "toYaml", "fromYaml", "include", "tpl", "required", "lookup", "exists"])
        let templates = names.sorted().map { "{{ \($0) }}" }
        try GoTemplateDifferentialTests.expectAgreement(templates, sprig: sprig)
    }

    /// Every function called with 0 to 5 arguments (each a string Go accepts for
    /// any parameter type it converts): Go fails with "wrong number of args"
    /// exactly where `arityProblem` says it does.
    @Test func arityAgreesWithGo() throws {
        var templates: [String] = []
        var expected: [Bool] = []
        for name in TemplateFunctions.kanister.sorted() where !TemplateFunctions.fipsDisabled.contains(name) {
            for count in 0...5 {
                templates.append("{{ \(name)\(String(repeating: " \"1\"", count: count)) }}")
                expected.append(TemplateFunctions.arityProblem(name, arguments: count) != nil)
            }
        }
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates)
        for (index, verdict) in verdicts.enumerated() {
            let isArityError = verdict.error?.contains("wrong number of args") ?? false
            #expect(isArityError == expected[index], "\(templates[index]): Go says \(verdict.error ?? "ok")")
        }
    }

    /// Each function called with the right number of arguments, one of them a
    /// constant of each kind in turn (the others constants of their own type;
    /// a function with another parameter type that no constant gives is left out):
    /// Go refuses the constant ("expected string; found 3", "can't handle",
    /// "cannot assign nil") exactly where `constantProblem` says it does.
    @Test func constantArgumentsAgreeWithGo() throws {
        let constants: [(String, TemplateFunctions.ConstantKind)] = [
            ("\"1\"", .string), ("1", .integer), ("-1", .negativeInteger), ("1.5", .float), ("2.0", .integralFloat),
            ("true", .bool), ("nil", .null),
        ]
        var templates: [String] = []
        var expected: [Bool] = []
        // index and slice refuse keys by their collection: see indexKeysAgreeWithGo.
        for name in TemplateFunctions.kanister.sorted() where !TemplateFunctions.fipsDisabled.contains(name) && name != "index" && name != "slice" {
            guard let signature = TemplateFunctions.signatures[name] else { continue }
            let letters = signature.filter { $0 != "*" }.map { String($0) }
            let fillers = ["s": "\"x\"", "a": "\"x\"", "i": "1", "f": "1.5", "b": "true"]
            for position in letters.indices {
                guard letters.indices.allSatisfy({ $0 == position || fillers[letters[$0]] != nil }) else { continue }
                for (spelling, kind) in constants {
                    let arguments = letters.indices.map { $0 == position ? spelling : fillers[letters[$0]] ?? "" }
                    templates.append("{{ \(name) \(arguments.joined(separator: " ")) }}")
                    expected.append(TemplateFunctions.constantProblem(name, position: position, kind: kind) != nil)
                }
            }
        }
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates)
        for (index, verdict) in verdicts.enumerated() {
            let error = verdict.error ?? ""
            let isConstantError = ["expected ", "can't handle", "cannot assign nil"].contains { error.contains($0) } && !error.contains("wrong number")
            #expect(isConstantError == expected[index], "\(templates[index]): Go says \(verdict.error ?? "ok")")
        }
    }

    /// A constant key that `constantProblem` refuses for `index` fails on a map and
    /// on a list alike; one it accepts works on one of them.
    @Test func indexKeysAgreeWithGo() throws {
        let keys: [(String, TemplateFunctions.ConstantKind)] = [
            ("\"k\"", .string), ("0", .integer), ("-1", .negativeInteger), ("1.5", .float), ("2.0", .integralFloat),
            ("1e0", .integralFloat), ("true", .bool), ("nil", .null),
        ]
        let templates = keys.flatMap { key, _ in ["{{ index (dict \"k\" 1) \(key) }}", "{{ index (list 1) \(key) }}"] }
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates)
        for (index, (key, kind)) in keys.enumerated() {
            let refused = TemplateFunctions.constantProblem("index", position: 1, kind: kind) != nil
            let (onMap, onList) = (verdicts[2 * index], verdicts[2 * index + 1])
            if refused {
                #expect(!onMap.isValid && !onList.isValid, "index with \(key): Go accepts it")
            } else {
                #expect(onMap.isValid || onList.isValid, "index with \(key): Go refuses it on a map and on a list")
            }
        }
    }
}
