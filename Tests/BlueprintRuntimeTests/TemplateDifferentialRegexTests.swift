// sprig's regex functions against Go's regexp through kcheck: every function over
// a table of patterns and texts (empty matches, runes, groups, `$` expansions,
// n = -1, 0, 1, 2), invalid patterns, and the sprig v3 names Kanister lacks.

import BlueprintRuntime
import Foundation
import TestSupport
import Testing

enum RegexCases {
    static let patterns = [
        "a*", "", "b+", "x*", "a|b", "(a)(b)?", "(a|ab)(c|bcd)(d*)", "(?P<first>\\w+)\\s(?P<second>\\w+)", "(?P<1x>a)(?P<n>b)?",
        "(?P<d>a)|(?P<d>b)", "é+", "\\x{e9}", ".", ".+", "(?s).+", "\\d+", "\\w+", "\\s+", "\\S+", "\\b", "\\B", "\\bx\\b",
        "[[:alpha:]]+", "[[:^space:]]+", "[\\d.-]+", "[^a-z]+", "[]a]", "\\pL+", "\\p{Greek}+", "\\PL", "(?i)STRASSE", "(?i)é",
        "^", "$", "^a", "a$", "(?m)^\\w", "(?m)$", "(?U)a+", "a+?", "a{2,3}", "a{,2}", "a{2}", "\\Qa.b\\E", "\\101\\x42",
        "[\\x{3b1}-\\x{3c9}]+", "(?:ab)+", "(a|b)+", "\\A.", ".\\z", "x*y*", "\\r?\\n", "\\b\\d+\\b", "\\B..\\B",
        "[a-]+", "\\_|\\.", "\\pN+", "(?i:A)b", "(?s-s:.)", "[\\p{Lu}\\d]+", "[^\\D]+", "a{0}b", "(?U)a+?", "\\p{^L}+", "[&&a]+",
    ]
    static let texts = [
        "baaab", "", "aaa bbb", "héllo wörld 42", "e\u{301}x", "line1\nline2\r\nline3\r", "ab12cd345", "a.b a-b x_y",
        "Straße STRASSE", "日本語 テキスト", "abcd", "αβγ δ AB", "x", "\u{1F600}a\u{1F600}",
    ]
    static let replacement = "<$0|$1|${2}|$1x|${first}|${d}|$n|$$|$|${x|$01|${}|$second.>"

    static let bad = [
        "(", "a**", "a*+", "(?P<n>", "(?P=n)", "\\1", "[z-a]", "a{1001}", "\\q", "x{2}{3}", "(?x)a", "[[:foo:]]", "\\pZ{",
        "(?i-)", "\\8", "[a", "a{2,1}", "\\x{110000}", "\\p{Foo}", "(?P<a-b>x)", "*a", "\\Z", "(?#c)", "\\é",
    ]

    static func data(_ pattern: String, _ text: String) -> TemplateValue {
        .object(["p": .string(pattern), "s": .string(text), "r": .string(replacement)])
    }

    /// One template per function and limit, the lists written element by element.
    static let everyFunction =
        "{{ regexMatch .p .s }}|{{ regexFind .p .s }}"
        + "|{{ range regexFindAll .p .s -1 }}<{{ . }}>{{ end }}|{{ range regexFindAll .p .s 0 }}<{{ . }}>{{ end }}"
        + "|{{ range regexFindAll .p .s 1 }}<{{ . }}>{{ end }}|{{ range regexFindAll .p .s 2 }}<{{ . }}>{{ end }}"
        + "|{{ range regexSplit .p .s -1 }}<{{ . }}>{{ end }}|{{ range regexSplit .p .s 0 }}<{{ . }}>{{ end }}"
        + "|{{ range regexSplit .p .s 1 }}<{{ . }}>{{ end }}|{{ range regexSplit .p .s 2 }}<{{ . }}>{{ end }}"
        + "|{{ len (regexSplit .p .s -1) }}|{{ regexReplaceAll .p .s .r }}|{{ regexReplaceAll .p .s \"-\" }}"
        + "|{{ regexReplaceAllLiteral .p .s .r }}"

    /// Where Swift's engine and Go's part ways (see `RE2Regex`): a group repeated by
    /// `+` or `*` that can match empty keeps Swift's last, empty iteration; `\b` next
    /// to a digit in a text with multi-rune Characters (`\r\n`, combining marks).
    static func isKnownDivergence(_ pattern: String, _ text: String) -> Bool {
        pattern.hasPrefix("(a*)") || (pattern.contains("\\b") || pattern.contains("\\B")) && text.count != text.unicodeScalars.count
    }

    static let table: [RenderCase] = patterns.flatMap { pattern in
        texts.filter { !isKnownDivergence(pattern, $0) }.map { RenderCase(everyFunction, data(pattern, $0)) }
    }

    static let knownDivergences: [RenderCase] = [
        RenderCase("{{ regexReplaceAll .p .s .r }}", data("(a*)+", "baaab")),
        RenderCase("{{ regexReplaceAll .p .s .r }}", data("(a*)*b", "aab")),
        RenderCase("{{ regexReplaceAll .p .s \"|\" }}", data("\\b", "line1\r\n")),
    ]

    /// A bad pattern: regexMatch is false, the others panic in MustCompile.
    static let badPatterns: [RenderCase] = bad.flatMap { pattern in
        [
            "{{ regexMatch .p .s }}", "{{ regexFind .p .s }}", "{{ regexFindAll .p .s -1 }}", "{{ regexSplit .p .s 0 }}",
            "{{ regexReplaceAll .p .s .r }}", "{{ regexReplaceAllLiteral .p .s .r }}",
        ].map { RenderCase($0, data(pattern, "aab")) }
    }

    static let others: [RenderCase] = [
        // Lists as Go prints them, string constants, pipelines.
        RenderCase("{{ regexFindAll \"a.\" \"abacad\" -1 }} {{ regexSplit \",\" \"a,b,,c\" -1 }} {{ regexFindAll \"z\" \"abc\" -1 }}"),
        RenderCase("{{ \"Hello World\" | regexReplaceAll \"(\\\\w+) (\\\\w+)\" \"${2}_$1\" }} {{ regexFind \"[0-9]+\" \"v1.23\" }}"),
        RenderCase("{{ regexReplaceAll \"\" \"abc\" \"-\" }}|{{ regexReplaceAll \"x*\" \"abc\" \"-\" }}|{{ regexReplaceAll \"b*\" \"abc\" \"-\" }}"),
        RenderCase("{{ regexSplit \"\" \"\" -1 }}|{{ regexSplit \"a\" \"\" -1 }}|{{ regexSplit \"\" \"abc\" 2 }}|{{ regexSplit \"x*\" \"axbc\" -1 }}"),
        // Argument types are Go's: n is an int, the others strings.
        RenderCase("{{ regexFindAll \"a\" \"aa\" \"1\" }}"),
        RenderCase("{{ regexFind 1 \"a\" }}"),
        RenderCase("{{ regexReplaceAll \"a\" \"aa\" }}"),
        // sprig v3 only: Kanister (sprig v2.22.0) does not parse them, nor does bpc.
        RenderCase("{{ mustRegexFind \"a\" \"a\" }}"),
        RenderCase("{{ mustRegexMatch \"a\" \"a\" }}"),
        RenderCase("{{ regexQuoteMeta \"a.b\" }}"),
    ]
}

@Suite struct TemplateDifferentialRegexTests {
    @Test func everyFunctionAgreesWithGoOnEveryPatternAndText() throws {
        try RenderOracle.expectAgreement(RegexCases.table)
        #expect(RegexCases.table.count > 500)
    }

    @Test func knownDivergencesStillDiverge() {
        for item in RegexCases.knownDivergences {
            withKnownIssue("Swift's Regex, not RE2: \(item.data.map(RenderOracle.json) ?? "")") {
                try RenderOracle.expectAgreement([item])
            }
        }
    }

    @Test func aBadPatternFailsWhereGoPanics() throws {
        try RenderOracle.expectAgreement(RegexCases.badPatterns)
    }

    @Test func listsConstantsAndArgumentTypesAgreeWithGo() throws {
        try RenderOracle.expectAgreement(RegexCases.others)
    }

    /// `(?<name>re)` is a named group in Go 1.22 and later, which builds every Kanister
    /// release bpc knows (kcheck's Go 1.19 refuses it, so it is no differential case).
    @Test func aNamedGroupWithoutPIsOneAsInGo122() throws {
        let output = try TemplateEvaluator().render(
            "{{ regexReplaceAll \"(?<first>a+)(?P<second>b)\" \"xaab\" \"${second}${first}\" }}|{{ regexFind \"(?<n>a)\" \"ba\" }}|{{ regexMatch \"(?<n>a)\" \"a\" }}",
            data: .null)
        #expect(output == "xbaa|a|true")
        #expect(throws: TemplateError.self) { try TemplateEvaluator().render("{{ regexFind \"(?<n>a\" \"x\" }}", data: .null) }
    }

    @Test func aBadPatternNamesItselfInTheError() {
        #expect(throws: TemplateError.self) { try TemplateEvaluator().render("{{ regexFind \"a(\" \"x\" }}", data: .null) }
        do {
            _ = try TemplateEvaluator().render("{{ regexFind \"a(\" \"x\" }}", data: .null)
        } catch {
            #expect("\(error)".contains("error calling regexFind: regexp: Compile(`a(`)"), "\(error)")
        }
    }
}

@Suite struct SprigRegexRunTests {
    /// `bpc run` with the local backend: the phase's arguments are rendered by the
    /// runtime (regexReplaceAll with a class, then with `${2}` and `$1`) before `sh` runs.
    @Test func bpcRunRendersAPhaseArgumentWithRegexReplaceAll() throws {
        let sandbox = try Sandbox()
        let path = try sandbox.write(
            "regex.bp",
            #"""
            blueprint regex
            action backup on StatefulSet {
              phase tag: KubeTask {
                namespace: "n"
                image: "i"
                command: [
                  "sh", "-c", "kando output slug \"$1\"; kando output swapped \"$2\"", "sh",
                  "\(regexReplaceAll("[^a-z0-9]+", lower(Options.release), "-"))",
                  "\(regexReplaceAll("^([a-z]+)-v([0-9]+)$", StatefulSet.Name, "${2}:$1"))"
                ]
              }
            }
            """#)
        let result = try runBPC(
            sandbox, ["run", path, "--action", "backup", "--object", "statefulset/ns/db-v12", "--option", "release=My App_1.2", "--events", "json"])
        #expect(result.status == 0, "\(result.errors)")
        let events = try result.output.split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let completed = events.first { $0?["event"] as? String == "phase-completed" }
        #expect((completed??["outputs"] as? [String: String]) == ["slug": "my-app-1-2", "swapped": "12:db"])
    }
}
