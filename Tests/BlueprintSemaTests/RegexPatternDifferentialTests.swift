// Constant regexp patterns of sprig's regex functions against Go's regexp.MustCompile
// through kcheck: Sema refuses exactly the patterns Go refuses (RE2Syntax.compileProblem),
// over hand-written tricky patterns and seeded random ones.

import BlueprintSema
import Foundation
import TestSupport
import Testing

enum RegexPatternCases {
    /// Patterns at the edges of RE2's syntax, valid and not.
    static let written = [
        "", "a", "a(", "a)", "()", "(|)", "(a|)", "|", "a|*", "*", "+a", "?", "a**", "a*+", "a*?", "a*??", "a+?*", "a{2}{3}",
        "a{2}?", "a{2}??", "a{2}*", "{", "a{", "a{2", "a{,2}", "a{2,}", "a{2,1}", "a{1000}", "a{1001}", "a{1000,}", "a{0,1001}",
        "a{01}", "a{01}{2}", "{2}", "a{00}", "(a{2}){500}", "(a{2}){501}", "(a{10}){100}", "((a{10}){10}){10}", "((a{10}){10}){11}",
        "((a{1000}){0}){2}", "(a{1000}|b){1}", "(a{1000}){1,}", "(a{1000}){0,}", "(?:a{2}){600}", "(a*){1000}", "a{1000}{2}",
        "(a{500}b{3}){2}", "(a{2}|b{501}){2}", "^*", "$*", "\\b*", "\\A+", "(?i)*", "a(?i)*", "a*(?i)*", "a\\Q\\E*", "\\Q\\E*",
        "a*\\Q\\E*", "\\Qa*\\E+", "\\Qab", "\\Q", "\\E", "(?i)", "(?)", "(?:)", "(?i-s)", "(?i-)", "(?-)", "(?-i)", "(?i-s-m)",
        "(?x)", "(?U)a+", "(?imsU:a)", "(?", "(?i", "(?i:", "(?P<n>a)", "(?<n>a)", "(?P<n>", "(?<n>", "(?P<>a)", "(?<>a)",
        "(?P<n", "(?<n", "(?P<", "(?<", "(?P=n)", "(?P>n)", "(?<=a)b", "(?<!a)b", "(?=a)", "(?!a)", "(?>a)", "(?#c)", "(?P<a-b>x)",
        "(?P<é>x)", "(?P<_1>x)", "(?<1x>a)(?<n>b)?", "(?P<d>a)|(?P<d>b)", "\\", "a\\", "\\\\", "\\1", "\\0", "\\01", "\\8", "\\08",
        "\\777", "\\q", "\\_", "\\.", "\\-", "\\é", "\\C", "\\Z", "\\h", "\\G", "\\K", "\\a\\f\\n\\r\\t\\v", "\\x", "\\x4", "\\x41",
        "\\xg1", "\\x{", "\\x{}", "\\x{41", "\\x{41}", "\\x{10FFFF}", "\\x{110000}", "\\x{zz}", "\\x{0000000041}", "\\pL", "\\pN+",
        "\\p", "\\p{", "\\p{}", "\\p{L", "\\p{^L}", "\\P{^Greek}", "\\p{Any}", "\\pZ{", "[", "]", "[]", "[]a]", "[^]a]", "[^]", "[a",
        "[a-]", "[-a]", "[a-z]", "[z-a]", "[a-a]", "[a-\\d]", "[\\d-z]", "[\\d.-]+", "[[:alpha:]]", "[[:^alpha:]]", "[[:foo:]]",
        "[[:alpha:]", "[[:]", "[[:]:]]", "[[:alpha]]", "[:alpha:]", "[\\p{L}\\d]", "[\\pL-z]", "[a-\\pL]", "[\\Q]\\E]", "[\\]", "[\\",
        "[\\x{41}-\\x{5A}]", "[\\x{5A}-\\x{41}]", "[\\b]", "[\\1]", "[&&a]", "[a&&b]", "[a--b]", "[[a]", "[\\[]", "x{2}{", "x*{2",
        "x*{2}", "x{2}{,3}", "a{2,3}{", "(a)(b)(c)", "(((a)))", "((a)", "(a))", "\\(a", "a\\)", "[(]", ".*", "(?s).", "(?m)^$",
        "a|b|", "|a", "(|a)*", "(a|)+", "(?i)é", "日本*", "\\d+\\s\\w", "\\D\\S\\W", "[^\\D]", "x{1000}y{1000}", "(?:x{10}y){100}",
        "((a{1000}){0}){1000}", "(a[]a]{0}(?i)\\Q\\E{3}?){1000}", "(a{0}){1000}", "(a{0,}b{1000}){1}", "\\p{latin}", "\\p{Letter}",
        "\\p{L&}", "\\p{Foo}", "\\p{i}", "\\p{0}", "\\p{a b}", "\\p{{}", "\\p{\\}", "\\pé", "\\x{D800}", "[\\x{DFFF}]", "[a-\\x{D800}]",
    ]

    /// Pieces the random patterns are made of: literals, metacharacters, classes,
    /// escapes, flags, groups and repetitions, some of them half-written.
    static let pieces = [
        "a", "b", "é", "0", ".", "^", "$", "|", "|", "(", "(", ")", ")", "(?:", "(?i)", "(?s:", "(?-m)", "(?i-", "(?P<n>", "(?<m>",
        "(?P<1>", "(?<>", "(?P=n)", "(?", "[", "[", "]", "]", "[^", "[:alpha:]", "[[:word:]]", "[:foo:]", "-", "-", "\\", "\\d",
        "\\W", "\\pL", "\\p{Greek}", "\\PN", "\\p{", "\\x41", "\\x{1F600}", "\\x{", "\\x4", "\\Q", "\\E", "\\b", "\\z", "\\Z",
        "\\1", "\\01", "\\8", "\\_", "\\.", "\\q", "\\]", "\\[", "*", "*", "+", "+", "?", "?", "*?", "??", "{2}", "{2,}", "{,3}",
        "{3,2}", "{1001}", "{01}", "{1000}", "{0}", "{2,5}", "{30}", "{40,}", "{", "}", ",", ":", "<", ">", "P", "i",
    ]

    /// `count` patterns of 1 to 8 pieces from a seeded generator.
    static func random(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { _ in
            let length = Int.random(in: 1...8, using: &generator)
            return (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
        }
    }

    static let atoms = [
        "a", "é", ".", "\\d", "\\W", "[a-z]", "[^\\s]", "[[:alpha:]]", "\\pL", "\\p{Greek}", "\\x{41}", "\\101", "\\Qa.b\\E", "^",
        "$", "\\b", "\\A", "\\z", "[\\d.-]", "[]a]", "[a-]", "\\_", "\\.", "(?i)", "(?-s)", "\\Q\\E", "[\\x{41}-\\x{5A}]", "{",
        "}", "a{,2}", "|", "()",
    ]
    static let groups = ["(", "(?:", "(?i:", "(?P<g>", "(?<h>", "(?s-m:"]
    static let repetitions = [
        "*", "+", "?", "*?", "+?", "??", "{2}", "{0}", "{1,3}", "{2,}", "{0,}", "{30}", "{1000}", "{10,40}", "{3}?", "{1,}", "{0,1}",
    ]

    /// `count` patterns built as RE2's grammar builds them (atoms, groups, alternations,
    /// repetitions), mostly valid; a repetition of a repetition, one with nothing to
    /// repeat or counts whose product passes 1000 make some of them invalid.
    static func structured(count: Int, seed: UInt64) -> [String] {
        var generator = SeededGenerator(seed: seed)
        func pick(_ choices: [String]) -> String { choices[Int.random(in: 0..<choices.count, using: &generator)] }
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &generator) < percent }
        func sequence(_ depth: Int) -> String {
            var text = ""
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                text += depth < 3 && chance(30) ? pick(groups) + sequence(depth + 1) + ")" : pick(atoms)
                if chance(40) { text += pick(repetitions) }
                if chance(4) { text += pick(repetitions) }
            }
            return chance(15) ? text + "|" + sequence(depth + 1) : text
        }
        return (0..<count).map { _ in sequence(0) }
    }

    /// The template that makes Go compile `pattern` with MustCompile.
    static func template(_ pattern: String) -> String {
        let literal = pattern.contains("`") || pattern.contains("\r") ? GoQuote.quote(pattern) : "`" + pattern + "`"
        return "{{ regexFind \(literal) \"x\" }}"
    }

    /// The pattern kcheck's Go 1.19 reads as Go 1.22 and later read `pattern`:
    /// `(?<name>` is spelled `(?P<name>` (the same rules, one byte further on).
    static func asGo119(_ pattern: String) -> String { pattern.replacingOccurrences(of: "(?<", with: "(?P<") }

    /// Where Sema leaves a refusal to Go on purpose: a `\p` name (which names Go
    /// knows changes between releases: Go 1.25 takes `\p{letter}`), a surrogate rune.
    static func isLeftToGo(_ pattern: String, goError: String) -> Bool {
        if let failure = RE2Syntax.failure(pattern) { return !failure.isRefusedByGo }
        // A name RE2Syntax takes for a script (`\p{Foo}`): Swift's Regex refuses it at run time.
        guard let range = goError.range(of: "invalid character class range: `\\", options: .backwards) else { return false }
        let expression = goError[range.upperBound...].dropLast()
        return (expression.hasPrefix("p{") || expression.hasPrefix("P{")) && expression.hasSuffix("}")
            && expression.dropFirst(2).dropLast().allSatisfy { $0.isLetter || $0 == "_" || $0 == "^" }
    }
}

@Suite struct RegexPatternDifferentialTests {
    @Test func semaRefusesExactlyThePatternsGoRefuses() throws {
        let patterns =
            RegexPatternCases.written + RegexPatternCases.random(count: 600, seed: 0x5EED_2065)
            + RegexPatternCases.structured(count: 600, seed: 0x2065_5EED)
        let verdicts = try GoTemplateOracle.renderVerdicts(for: patterns.map { RegexPatternCases.template(RegexPatternCases.asGo119($0)) })
        var refusedByGo = 0
        var agreements = 0
        var sameMessages = 0
        var leftToGo: [String] = []
        for (pattern, verdict) in zip(patterns, verdicts) {
            // A template that does not parse would test nothing.
            #expect(verdict.error.map { $0.contains("error calling regexFind") } ?? true, "\(pattern): \(verdict.error ?? "")")
            let goRefuses = !verdict.isValid
            let problem = TemplateFunctions.argumentProblem("regexFind", position: 0, kind: .string, text: pattern)
            if goRefuses { refusedByGo += 1 }
            if goRefuses, problem == nil, RegexPatternCases.isLeftToGo(pattern, goError: verdict.error ?? "") {
                leftToGo.append(pattern)
                continue
            }
            #expect((problem != nil) == goRefuses, "\(pattern): Go says \(verdict.error ?? "ok"), Sema \(problem ?? "nothing")")
            if (problem != nil) == goRefuses { agreements += 1 }
            // Go's own message, where kcheck's Go 1.19 reads the same text.
            // (Go 1.19 reports some patterns over its size limits as an internal error.)
            if let problem, let error = verdict.error, !pattern.contains("(?<"), !error.contains("internal error") {
                #expect(error.hasSuffix(problem), "\(pattern): Go says \(error), Sema \(problem)")
                if error.hasSuffix(problem) { sameMessages += 1 }
            }
        }
        print(
            "regexp patterns: \(patterns.count) tried, \(refusedByGo) refused by Go, \(agreements) agree,"
                + " \(leftToGo.count) left to Go (\\p names, surrogates), \(sameMessages) with Go's exact message")
        #expect(patterns.count >= 1200)
        #expect(refusedByGo > 300 && patterns.count - refusedByGo > 500)
    }

    /// Go 1.22 and later (every Kanister release bpc knows) take `(?<name>re)`.
    @Test func aNamedGroupWithoutPIsAccepted() {
        #expect(RE2Syntax.failure("(?<n>a)") == nil)
        #expect(RE2Syntax.translate("(?<first>a)(b)(?P<third>c)")?.groupNames == ["", "first", "", "third"])
        #expect(RE2Syntax.failure("(?<n>a")?.code == .missingParen)
        #expect(RE2Syntax.failure("(?<1-x>a)")?.code == .invalidNamedCapture)
    }

    /// regexMatch is false on a bad pattern, and other arguments are not patterns.
    @Test func onlyThePatternOfAFunctionThatPanicsIsJudged() {
        #expect(TemplateFunctions.argumentProblem("regexMatch", position: 0, kind: .string, text: "a(") == nil)
        #expect(TemplateFunctions.argumentProblem("regexReplaceAll", position: 2, kind: .string, text: "a(") == nil)
        #expect(TemplateFunctions.argumentProblem("regexSplit", position: 0, kind: .string, text: "a(") != nil)
        #expect(
            TemplateFunctions.argumentProblem("regexReplaceAllLiteral", position: 0, kind: .string, text: "a**")
                == "error calling regexReplaceAllLiteral: regexp: Compile(`a**`): error parsing regexp: invalid nested repetition operator: `**`")
    }
}
