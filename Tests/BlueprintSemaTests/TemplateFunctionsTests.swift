// The function sets against ../shared/kanister/template-funcs.txt and, through kcheck,
// against the function map Go really uses (parse `{{name}}` for every known name).

import BlueprintSyntax
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
    /// "cannot assign nil", "error calling len", a list function's "Cannot find" or
    /// "should be type of slice") exactly where `argumentProblem` says it does.
    @Test func constantArgumentsAgreeWithGo() throws {
        // A list or map is what a function returns, a value of its own Go type.
        let constants: [(String, TemplateFunctions.ValueKind)] = [
            ("\"1\"", .string), ("1", .integer), ("-1", .negativeInteger), ("1.5", .float), ("2.0", .integralFloat),
            ("true", .bool), ("nil", .null), ("(list 1)", .list), ("(dict \"a\" 1)", .map),
        ]
        var templates: [String] = []
        var expected: [Bool] = []
        // index refuses keys by its collection: see indexKeysAgreeWithGo.
        for name in TemplateFunctions.kanister.sorted() where !TemplateFunctions.fipsDisabled.contains(name) && name != "index" {
            guard let signature = TemplateFunctions.signatures[name] else { continue }
            let letters = signature.filter { $0 != "*" }.map { String($0) }
            for position in letters.indices {
                guard letters.indices.allSatisfy({ $0 == position || Self.fillers[letters[$0]] != nil }) else { continue }
                for (spelling, kind) in constants {
                    let arguments = letters.indices.map { $0 == position ? spelling : Self.filler(name, $0, letters[$0], Self.fillers) ?? "" }
                    templates.append("{{ \(name) \(arguments.joined(separator: " ")) }}")
                    let isValue = kind == .list || kind == .map
                    expected.append(TemplateFunctions.argumentProblem(name, position: position, kind: kind, asValue: isValue) != nil)
                }
            }
        }
        // Each letter of a map or slice parameter is in the table, with a list and a map given to it.
        for (name, spelling) in [("keys", "(list 1)"), ("pluck", "(list 1)"), ("merge", "(list 1)"), ("genSelfSignedCert", "(dict \"a\" 1)")] {
            #expect(templates.contains { $0.hasPrefix("{{ \(name) ") && $0.contains(spelling) }, "\(name) with \(spelling)")
        }
        // Sprig's slice, which replaces Go's builtin, takes no string (nor a number).
        #expect(templates.contains("{{ slice \"1\" \"x\" }}") && templates.contains("{{ slice 1 \"x\" }}"))
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates)
        for (index, verdict) in verdicts.enumerated() {
            let error = verdict.error ?? ""
            #expect(Self.isArgumentKindError(error) == expected[index], "\(templates[index]): Go says \(verdict.error ?? "ok")")
        }
    }

    /// Go's words for an argument of a kind the function refuses (not for a wrong count).
    static func isArgumentKindError(_ error: String) -> Bool {
        ["expected ", "can't handle", "cannot assign nil", "error calling len", "Cannot ", "should be type of slice", "invalid memory address"].contains {
            error.contains($0)
        }
            && !error.contains("wrong number")
    }

    /// An argument Go accepts for each letter of `TemplateFunctions.signatures`
    /// (`o`, a structure, has none): sprig's map for `m`, a list for `l`.
    static let fillers = ["s": "\"x\"", "a": "\"x\"", "i": "1", "f": "1.5", "b": "true", "m": "(dict)", "l": "(list)"]

    /// An argument Go accepts at `position` of `name`: a list where a list function takes one.
    static func filler(_ name: String, _ position: Int, _ letter: String, _ fillers: [String: String]) -> String? {
        if let listPosition = TemplateFunctions.listParameters[name], listPosition == nil || listPosition == position { return "(list 1)" }
        return fillers[letter]
    }

    /// A constant piped into a function (`{{ true | upper }}`) is its last argument,
    /// passed as a value of the constant's own Go type: Go refuses it exactly where
    /// `argumentProblem(asValue:)` says it does.
    @Test func pipedConstantsAgreeWithGo() throws {
        let constants: [(String, TemplateFunctions.ValueKind)] = [
            ("\"1\"", .string), ("1", .integer), ("-1", .negativeInteger), ("1.5", .float), ("2.0", .integralFloat), ("true", .bool),
            ("list 1", .list), ("dict \"a\" 1", .map),
        ]
        let fillers = Self.fillers
        var templates: [String] = []
        var expected: [Bool] = []
        for name in TemplateFunctions.kanister.sorted() where !TemplateFunctions.fipsDisabled.contains(name) && name != "index" {
            guard let signature = TemplateFunctions.signatures[name], !signature.isEmpty else { continue }
            let letters = signature.filter { $0 != "*" }.map { String($0) }
            let leading = letters.dropLast().enumerated().map { Self.filler(name, $0.offset, $0.element, fillers) }
            guard leading.allSatisfy({ $0 != nil }) else { continue }
            for (spelling, kind) in constants {
                templates.append("{{ \(spelling) | \(([name] + leading.compactMap { $0 }).joined(separator: " ")) }}")
                expected.append(TemplateFunctions.argumentProblem(name, position: letters.count - 1, kind: kind, asValue: true) != nil)
            }
        }
        #expect(templates.count > 300)
        #expect(templates.contains("{{ list 1 | keys }}") && templates.contains("{{ list 1 | merge (dict) }}"))
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates)
        for (index, verdict) in verdicts.enumerated() {
            let error = verdict.error ?? ""
            #expect(Self.isArgumentKindError(error) == expected[index], "\(templates[index]): Go says \(verdict.error ?? "ok")")
        }
    }

    /// The kind `resultKinds` gives each function is the Go type of what it
    /// returns, as `printf "%T"` prints it.
    @Test func resultKindsAgreeWithGo() throws {
        let calls: [String: String] = [
            "abbrev": "abbrev 1 \"x\"", "abbrevboth": "abbrevboth 1 1 \"x\"", "add": "add 1 2", "add1": "add1 1", "adler32sum": "adler32sum \"x\"",
            "ago": "ago now", "append": "append (list 1) 2", "atoi": "atoi \"x\"", "b32dec": "b32dec \"x\"", "b32enc": "b32enc \"x\"", "b64dec": "b64dec \"x\"",
            "b64enc": "b64enc \"x\"", "base": "base \"x\"", "biggest": "biggest 1 2", "camelcase": "camelcase \"x\"", "cat": "cat 1", "ceil": "ceil 1.5",
            "clean": "clean \"x\"", "compact": "compact (list 1)", "concat": "concat (list 1)", "contains": "contains \"x\" \"x\"", "date": "date \"2006\" now",
            "dateInZone": "dateInZone \"2006\" now \"UTC\"", "date_in_zone": "date_in_zone \"2006\" now \"UTC\"", "deepEqual": "deepEqual 1 1",
            "dict": "dict \"a\" 1", "dir": "dir \"x\"", "div": "div 4 2", "empty": "empty 1", "encryptAES": "encryptAES \"k\" \"x\"", "env": "env \"HOME\"",
            "eq": "eq 1 1", "expandenv": "expandenv \"x\"", "ext": "ext \"x\"", "float64": "float64 1", "floor": "floor 1.5", "ge": "ge 1 2",
            "genPrivateKey": "genPrivateKey \"rsa\"", "gt": "gt 1 2", "has": "has 1 (list 1)", "hasKey": "hasKey (dict \"a\" 1) \"a\"",
            "hasPrefix": "hasPrefix \"x\" \"x\"", "hasSuffix": "hasSuffix \"x\" \"x\"", "hello": "hello", "html": "html \"x\"", "htmlDate": "htmlDate now",
            "htmlDateInZone": "htmlDateInZone now \"UTC\"", "indent": "indent 1 \"x\"", "initial": "initial (list 1 2)", "initials": "initials \"x\"",
            "int": "int 1", "int64": "int64 1", "isAbs": "isAbs \"x\"", "join": "join \",\" (list 1)", "js": "js \"x\"", "kebabcase": "kebabcase \"x\"",
            "keys": "keys (dict \"a\" 1)", "kindIs": "kindIs \"int\" 1", "kindOf": "kindOf 1", "le": "le 1 2", "len": "len \"x\"", "list": "list 1",
            "lower": "lower \"x\"", "lt": "lt 1 2", "max": "max 1 2", "merge": "merge (dict) (dict \"a\" 1)",
            "mergeOverwrite": "mergeOverwrite (dict) (dict \"a\" 1)", "min": "min 1 2", "mod": "mod 4 3", "mul": "mul 1 2", "mustPush": "mustPush (list 1) 2",
            "ne": "ne 1 1", "nindent": "nindent 1 \"x\"", "nospace": "nospace \"x\"", "not": "not 1", "omit": "omit (dict \"a\" 1) \"a\"",
            "pick": "pick (dict \"a\" 1) \"a\"", "pluck": "pluck \"a\" (dict \"a\" 1)", "plural": "plural \"x\" \"x\" 1", "prepend": "prepend (list 1) 2",
            "print": "print 1", "printf": "printf \"%d\" 1", "println": "println 1", "push": "push (list 1) 2", "quote": "quote 1", "randAlpha": "randAlpha 2",
            "randAlphaNum": "randAlphaNum 2", "randAscii": "randAscii 2", "randNumeric": "randNumeric 2", "regexFind": "regexFind \"x\" \"x\"",
            "regexFindAll": "regexFindAll \"a\" \"aa\" -1", "regexMatch": "regexMatch \"x\" \"x\"", "regexReplaceAll": "regexReplaceAll \"x\" \"x\" \"x\"",
            "regexReplaceAllLiteral": "regexReplaceAllLiteral \"x\" \"x\" \"x\"", "regexSplit": "regexSplit \"a\" \"bab\" -1", "repeat": "repeat 1 \"x\"",
            "replace": "replace \"x\" \"x\" \"x\"", "rest": "rest (list 1 2)", "reverse": "reverse (list 1)", "round": "round 1.5 0",
            "semverCompare": "semverCompare \">1.0\" \"1.2.0\"", "decryptAES": "decryptAES \"k\" (encryptAES \"k\" \"x\")", "set": "set (dict \"a\" 1) \"b\" 2",
            "sha1sum": "sha1sum \"x\"", "sha256sum": "sha256sum \"x\"", "shuffle": "shuffle \"ab\"", "snakecase": "snakecase \"x\"",
            "sortAlpha": "sortAlpha (list 1)", "split": "split \"/\" \"a/b\"", "splitList": "splitList \"/\" \"a/b\"", "splitn": "splitn \"/\" 2 \"a/b\"",
            "squote": "squote 1", "sub": "sub 4 3", "substr": "substr 1 1 \"x\"", "swapcase": "swapcase \"x\"", "title": "title \"x\"",
            "toDecimal": "toDecimal \"777\"", "toJson": "toJson 1", "toPrettyJson": "toPrettyJson 1", "toString": "toString 1",
            "toStrings": "toStrings (list 1)", "trim": "trim \"x\"", "trimAll": "trimAll \"x\" \"x\"", "trimPrefix": "trimPrefix \"x\" \"x\"",
            "trimSuffix": "trimSuffix \"x\" \"x\"", "trimall": "trimall \"x\" \"x\"", "trunc": "trunc 1 \"x\"", "tuple": "tuple 1",
            "typeIs": "typeIs \"int\" 1", "typeIsLike": "typeIsLike \"int\" 1", "typeOf": "typeOf 1", "uniq": "uniq (list 1)", "unixEpoch": "unixEpoch now",
            "unset": "unset (dict \"a\" 1) \"a\"", "until": "until 2", "untilStep": "untilStep 0 2 1", "untitle": "untitle \"x\"", "upper": "upper \"x\"",
            "urlJoin": "urlJoin (dict \"host\" \"a\")", "urlParse": "urlParse \"http://a/b\"", "urlquery": "urlquery \"x\"", "uuidv4": "uuidv4",
            "values": "values (dict \"a\" 1)", "without": "without (list 1) 1", "wrap": "wrap 1 \"x\"", "wrapWith": "wrapWith 1 \"x\" \"x\"",
        ]
        // `fail` always fails, `getHostByName` asks the network, `derivePassword` is off under FIPS.
        let unsampled: Set<String> = ["derivePassword", "fail", "getHostByName"]
        #expect(Set(calls.keys).union(unsampled) == Set(TemplateFunctions.resultKinds.keys))
        let names = calls.keys.sorted()
        let verdicts = try GoTemplateOracle.renderVerdicts(for: names.map { "{{ printf \"%T\" (\(calls[$0]!)) }}" })
        let goTypes: [TemplateFunctions.ValueKind: String] = [.string: "string", .integer: "int", .int64: "int64", .float: "float64", .bool: "bool"]
        for (name, verdict) in zip(names, verdicts) {
            let type = try #require(verdict.output, "\(calls[name]!): Go says \(verdict.error ?? "")")
            switch TemplateFunctions.resultKinds[name] {
            case .list: #expect(type.hasPrefix("[]"), "\(name) returns \(type)")
            case .map: #expect(type == "map[string]interface {}", "\(name) returns \(type)")
            case .typedMap: #expect(type == "map[string]string", "\(name) returns \(type)")
            case let kind?: #expect(goTypes[kind] == type, "\(name) returns \(type), not \(kind)")
            case nil: Issue.record("\(name) has no kind")
            }
        }
    }

    /// What Go says of a field read on each function that returns a list or a map
    /// of positions (`(list 1 2).x`), and of a read by position (`index (list 1 2) 0`):
    /// `resultReadProblem` refuses the first and accepts the second.
    @Test func resultReadsAgreeWithGo() throws {
        let calls = [
            "append": "append (list 1) 2", "compact": "compact (list 1 2)", "concat": "concat (list 1) (list 2)", "initial": "initial (list 1 2)",
            "keys": "keys (dict \"a\" 1)", "list": "list 1 2", "pluck": "pluck \"a\" (dict \"a\" 1)", "mustPush": "mustPush (list 1) 2",
            "prepend": "prepend (list 1) 2",
            "push": "push (list 1) 2", "regexFindAll": "regexFindAll \"a\" \"aa\" -1", "regexSplit": "regexSplit \"a\" \"bab\" -1",
            "rest": "rest (list 1 2)", "reverse": "reverse (list 1 2)", "sortAlpha": "sortAlpha (list 1 2)", "splitList": "splitList \"/\" \"a/b\"",
            "toStrings": "toStrings (list 1 2)", "tuple": "tuple 1 2", "uniq": "uniq (list 1 2)", "until": "until 2",
            "untilStep": "untilStep 0 2 1", "values": "values (dict \"a\" 1)", "without": "without (list 1 2) 1",
            "split": "split \"/\" \"a/b\"", "splitn": "splitn \"/\" 2 \"a/b\"",
        ]
        let listFunctions = Set(TemplateFunctions.resultKinds.filter { $0.value == .list }.keys)
        #expect(Set(calls.keys) == listFunctions.union(TemplateFunctions.positionalMapResults))
        let names = calls.keys.sorted()
        var templates: [String] = []
        for name in names {
            let position = listFunctions.contains(name) ? "index (\(calls[name]!)) 0" : "(\(calls[name]!))._0"
            templates += ["{{ (\(calls[name]!)).x }}", "{{ \(position) }}"]
        }
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates)
        for (index, name) in names.enumerated() {
            let (field, position) = (verdicts[2 * index], verdicts[2 * index + 1])
            #expect(!field.isValid, "\(templates[2 * index]): Go accepts it")
            #expect(TemplateFunctions.resultReadProblem(name, read: "x", kind: .field) != nil, "\(name)")
            #expect(position.isValid, "\(templates[2 * index + 1]): Go says \(position.error ?? "")")
            let positionRead: (String, ValueRead.Kind) = listFunctions.contains(name) ? ("0", .position) : ("_0", .field)
            #expect(TemplateFunctions.resultReadProblem(name, read: positionRead.0, kind: positionRead.1) == nil, "\(name)")
        }
    }

    /// Each template with Go's verdict on rendering it with `data` and the calls
    /// Sema's summary refuses; a template Sema cannot parse is an issue and left out.
    static func goAndSemaVerdicts(
        _ templates: [String], data: [String: Any]
    ) throws -> [(template: String, verdict: GoTemplateOracle.Verdict, badCalls: [TemplateBadCall])] {
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates, data: data)
        return zip(templates, verdicts).compactMap { template, verdict in
            guard case .success(_, let badCalls, _) = SemanticChecker.summarize(template) else {
                Issue.record("\(template) does not parse")
                return nil
            }
            return (template, verdict, badCalls)
        }
    }

    /// A field read on what `index`, `dict`, `first`, `last`, `default` or `coalesce`
    /// returns in a template string: Sema refuses it (BP2080 for an element that is
    /// a string or byte, BP2065 for a key a dict of constant keys lacks or for what
    /// may be a string) exactly where Go fails on data of the types Kanister's
    /// parameters have.
    @Test func resultFieldReadsAgreeWithGo() throws {
        let templates = [
            "{{ (index .StatefulSet.Name 1).y }}", "{{ (index .StatefulSet.Pods 0).x }}", "{{ (index .StatefulSet.Pods 0 1).y }}",
            "{{ (index (list 1 2) 1).y }}", "{{ (index (tuple \"a\" 2) 0).y }}", "{{ (index .ConfigMaps.c.Data.k 0).y }}",
            "{{ (index (list \"a\" (dict \"a\" 1)) 1).a }}", "{{ (index .Object \"a\").b }}", "{{ (dict \"a\" 1).b }}",
            "{{ (dict \"a\" 1).a }}", "{{ (dict).b }}", "{{ (dict \"a\" 1 \"b\" 2).b }}", "{{ (dict \"a\" (dict \"c\" 1)).a.c }}",
            "{{ (first .StatefulSet.Pods).Name }}", "{{ (.StatefulSet.Pods | last).k }}", "{{ (first (list (dict \"a\" 1))).a }}",
            "{{ dict.b }}", "{{ \"b\" | dict.b }}", "{{ (\"b\" | dict).b }}", "{{ (default \"a\" .Options.x).y }}",
            "{{ (coalesce .Options.x \"a\").y }}", "{{ (.Options.x | default (dict)).y }}", "{{ (default 1 (dict)).y }}",
            "{{ (default (dict \"y\" 1) (dict)).y }}", "{{ (coalesce (dict) (dict \"y\" 1)).y }}",
        ]
        let data: [String: Any] = [
            "StatefulSet": ["Name": "abc", "Pods": ["p1", "p2"]], "ConfigMaps": ["c": ["Data": ["k": "v"]]], "Object": ["a": ["b": 1]],
            "Options": ["x": "v"],
        ]
        var refused = 0
        for (template, verdict, badCalls) in try Self.goAndSemaVerdicts(templates, data: data) {
            #expect(badCalls.isEmpty == verdict.isValid, "\(template): Go says \(verdict.error ?? "ok"), Sema \(badCalls.map(\.problem))")
            refused += verdict.isValid ? 0 : 1
        }
        #expect(refused == 16)
    }

    /// Go's comparison functions refuse values of two basic kinds (but int and
    /// uint) and an ordering of booleans: Sema's verdict on every pair of these
    /// operands is Go's, for each of eq, ne, lt, le, gt and ge.
    @Test func comparisonsAgreeWithGo() throws {
        let operands = [
            "\"a\"", "1", "-1", "1.5", "2.0", "true", "(add 1 2)", "(len \"a\")", ".StatefulSet.Name", "(list 1)", "(dict)", ".Options.x",
            "(index \"ab\" 0)", "(index .StatefulSet.Name 1)",
        ]
        var templates: [String] = []
        for function in TemplateFunctions.comparisons.sorted() {
            for first in operands {
                for second in operands { templates.append("{{ \(function) \(first) \(second) }}") }
            }
        }
        templates += ["{{ eq 1 1 \"a\" }}", "{{ eq 1 \"a\" 1 }}"]
        let data: [String: Any] = ["StatefulSet": ["Name": "abc"], "Options": ["x": "v"]]
        var refused = 0
        for (template, verdict, badCalls) in try Self.goAndSemaVerdicts(templates, data: data) {
            let goRefuses = ["incompatible types for comparison", "invalid type for comparison"].contains { verdict.error?.contains($0) == true }
            let semaRefuses = badCalls.contains { $0.problem.contains("comparison") }
            #expect(semaRefuses == goRefuses, "\(template): Go says \(verdict.error ?? "ok"), Sema \(badCalls.map(\.problem))")
            refused += goRefuses ? 1 : 0
        }
        #expect(refused > 100)
    }

    /// `{{range}}` over a value whose kind a constant, a template parameter's type
    /// or a function's result fixes: for Kanister 0.114.0 (built with Go 1.23),
    /// Sema refuses it exactly where kcheck's Go fails ("range can't iterate
    /// over"). For the default target (Go 1.24 and later) a range over an integer
    /// counts instead, with one variable at most; the rest is unchanged.
    /// (`.StatefulSet` is a structure in Kanister, which Go does not range over
    /// either, but a map in this data.)
    @Test func rangesAgreeWithGo() throws {
        let values = [
            ".StatefulSet.Name", "\"ab\"", "1", "1.5", "true", "(list 1)", ".StatefulSet.Pods", "(dict \"a\" 1)", ".Options", ".Options.x",
            "(upper \"a\")", "upper \"a\"", "(len \"a\")", "(index \"ab\" 0)", "(splitList \",\" \"a,b\")", "list 1 2", "\"a,b\" | splitList \",\"",
            "(index .StatefulSet.Pods 0)", "(index (list 1 \"a\") 1)", "(index (list (list 1)) 0)", "$x := .StatefulSet.Name", "$i, $e := .StatefulSet.Pods",
            "$i, $e := 2",
        ]
        let integers: Set<String> = ["1", "(len \"a\")", "(index \"ab\" 0)", "$i, $e := 2"]
        let templates = values.map { "{{ range \($0) }}x{{ end }}" } + ["{{ with .StatefulSet.Name }}{{ range . }}x{{ end }}{{ end }}"]
        let data: [String: Any] = ["StatefulSet": ["Name": "abc", "Pods": ["p1", "p2"]], "Options": ["x": "v"]]
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates, data: data)
        let before = Self.refusedTemplates(templates, kanister: "0.114.0")
        let now = Self.refusedTemplates(templates, kanister: nil)
        for (index, (template, verdict)) in zip(templates, verdicts).enumerated() {
            #expect((verdict.error?.contains("range can't iterate over") == true) == !verdict.isValid, "\(template): Go says \(verdict.error ?? "ok")")
            #expect(before.contains(index) == !verdict.isValid, "\(template): Go says \(verdict.error ?? "ok"), Sema for 0.114.0 does not agree")
            // Go 1.24 counts to an integer, and refuses a second variable for it.
            let isInteger = index < values.count && integers.contains(values[index])
            let refusedNow = isInteger ? values[index].contains(",") : !verdict.isValid
            #expect(now.contains(index) == refusedNow, "\(template): Sema for the default target \(now.contains(index) ? "refuses" : "accepts") it")
        }
        #expect(verdicts.filter { !$0.isValid }.count == 15)
    }

    /// The indices of `templates` whose phases Sema refuses, each template the
    /// command of its own phase (from line 6 on) of an action where `p` prints n
    /// and m (strings) and `s` is a ScaleWorkload; `kanister` is the target.
    static func refusedTemplates(_ templates: [String], kanister: String?) -> Set<Int> {
        var source = """
            blueprint outputs
            \(kanister.map { "# kanister \($0)" } ?? "")
            action backup on StatefulSet {
              phase p: KubeTask { image: "busybox", command: ["sh", "-c", "kando output n 1; kando output m 2"] }
              phase s: ScaleWorkload { replicas: 0 }

            """
        for (index, template) in templates.enumerated() {
            source += "  phase t\(index): KubeTask { image: \"busybox\", command: [\"echo\", \(StringLiteral.quote(template))] }\n"
        }
        source += "}\n"
        let (file, diagnostics) = SemaFixtures.diagnostics(of: "outputs.bp", text: source)
        var refused: Set<Int> = []
        for diagnostic in diagnostics where diagnostic.severity == .error {
            let line = file.location(of: diagnostic.range.start).line
            #expect(diagnostic.code == .templateCall && line >= 6, "\(FixtureMatcher.describe(diagnostic, in: file))")
            refused.insert(line - 6)
        }
        return refused
    }

    /// Templates that compare or range over phase outputs, whose kinds only the
    /// action tells: each is checked in its own phase of an action where `p`
    /// prints n and m (strings) and `s` is a ScaleWorkload (originalReplicaCount
    /// a number), and Sema's verdict is Go's on data of those types. Two strings,
    /// `eq .Phases.p.Output.n "1"`, and originalReplicaCount with a number pass.
    @Test func outputUsesAgreeWithGo() throws {
        let outputs = [".Phases.p.Output.n", ".Phases.s.Output.originalReplicaCount", "(.Phases.p.Output.m)"]
        let others = [
            "\"1\"", "1", "1.5", "true", "(index \"ab\" 0)", ".StatefulSet.Name", "(list 1)", ".Phases.p.Output.m",
            ".Phases.s.Output.originalReplicaCount",
        ]
        var templates: [String] = []
        for function in TemplateFunctions.comparisons.sorted() {
            for output in outputs {
                for other in others { templates += ["{{ \(function) \(output) \(other) }}", "{{ \(function) \(other) \(output) }}"] }
            }
        }
        templates += [
            "{{ .Phases.p.Output.n | eq 1 }}", "{{ .Phases.p.Output.n | eq \"1\" }}", "{{ with .Phases.p.Output.n }}{{ lt . 2 }}{{ end }}",
            "{{ $r := .Phases.s.Output.originalReplicaCount }}{{ eq $r \"1\" }}", "{{ $r := .Phases.s.Output.originalReplicaCount }}{{ ge $r 1 }}",
            "{{ range .Phases.p.Output.n }}x{{ end }}", "{{ range .Phases.s.Output.originalReplicaCount }}x{{ end }}",
            "{{ range splitList \",\" .Phases.p.Output.n }}x{{ end }}", "{{ with .Phases.p.Output.n }}{{ range . }}x{{ end }}{{ end }}",
            "{{ range $c := (.Phases.p.Output.m) }}x{{ end }}",
        ]
        // kcheck's Go (1.19) ranges over no integer, as the Go of Kanister 0.114.0.
        let refusedIndices = Self.refusedTemplates(templates, kanister: "0.114.0")
        let data: [String: Any] = [
            "Phases": ["p": ["Output": ["n": "1", "m": "2"]], "s": ["Output": ["originalReplicaCount": 1]]], "StatefulSet": ["Name": "abc"],
        ]
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates, data: data)
        var refused = 0
        for (index, (template, verdict)) in zip(templates, verdicts).enumerated() {
            let semaRefuses = refusedIndices.contains(index)
            #expect(semaRefuses == !verdict.isValid, "\(template): Go says \(verdict.error ?? "ok"), Sema \(semaRefuses ? "refuses" : "accepts")")
            refused += verdict.isValid ? 0 : 1
        }
        #expect(refused > 200)
    }

    /// A constant key that `argumentProblem` refuses for `index` fails on a map and
    /// on a list alike; one it accepts works on one of them.
    @Test func indexKeysAgreeWithGo() throws {
        let keys: [(String, TemplateFunctions.ValueKind)] = [
            ("\"k\"", .string), ("0", .integer), ("-1", .negativeInteger), ("1.5", .float), ("2.0", .integralFloat),
            ("1e0", .integralFloat), ("true", .bool), ("nil", .null),
        ]
        let templates = keys.flatMap { key, _ in ["{{ index (dict \"k\" 1) \(key) }}", "{{ index (list 1) \(key) }}"] }
        let verdicts = try GoTemplateOracle.renderVerdicts(for: templates)
        for (index, (key, kind)) in keys.enumerated() {
            let refused = TemplateFunctions.argumentProblem("index", position: 1, kind: kind) != nil
            let (onMap, onList) = (verdicts[2 * index], verdicts[2 * index + 1])
            if refused {
                #expect(!onMap.isValid && !onList.isValid, "index with \(key): Go accepts it")
            } else {
                #expect(onMap.isValid || onList.isValid, "index with \(key): Go refuses it on a map and on a list")
            }
        }
    }
}
