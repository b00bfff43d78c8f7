// Differential tests of the template evaluator against the real engine: kcheck's
// `tmpl-render` executes each template with Go's text/template and sprig v2.

import BlueprintRuntime
import Foundation
import TestSupport
import Testing

struct RenderCase: Sendable, CustomStringConvertible {
    var template: String
    var data: TemplateValue?
    var description: String { template }

    init(_ template: String, _ data: TemplateValue? = nil) {
        self.template = template
        self.data = data
    }
}

enum RenderCases {
    static let object = TemplateValue.object([
        "s": .string("hello <world> & co"), "n": .int(42), "f": .float(2.5), "big": .float(1e21), "whole": .float(3),
        "t": .bool(true), "z": .string(""), "nothing": .null,
        "l": .list([.int(1), .string("x"), .object(["b": .int(2)])]),
        "m": .object(["b": .int(1), "a": .string("s"), "c-d": .string("dash")]),
        "names": .list([.string("b"), .string("a"), .string("c")]),
        "Time": .string("2024-03-05T10:11:12.123456Z"),
        "enc": .string("c2VjcmV0"),
        "meta": .object(["labels": .object(["app.kubernetes.io/instance": .string("pg")]), "name": .string("db")]),
    ])

    static let all: [RenderCase] = [
        RenderCase("plain text only"),
        RenderCase("{{ .s }}|{{ .n }}|{{ .f }}|{{ .big }}|{{ .whole }}|{{ .t }}|{{ .nothing }}", object),
        RenderCase("{{ .l }} {{ .m }}", object),
        RenderCase("{{ .missing }}", object),
        RenderCase("{{ .nothing.x }}", object),
        RenderCase("{{ .l.x }}", object),
        RenderCase("{{ index .m \"a\" }} {{ index .m \"zz\" }} {{ index .l 2 \"b\" }}", object),
        RenderCase("{{ index .l 7 }}", object),
        RenderCase("{{ index .meta.labels \"app.kubernetes.io/instance\" }}", object),
        RenderCase("{{ len .s }} {{ len .l }} {{ len .m }}", object),
        RenderCase("{{ len .n }}", object),
        RenderCase("{{ if .t }}yes{{ else }}no{{ end }}{{ if .z }}a{{ else if .n }}b{{ end }}", object),
        RenderCase("{{ with .m.a }}[{{ . }}]{{ end }}{{ with .z }}x{{ else }}empty{{ end }}", object),
        RenderCase("{{ range $i, $v := .l }}{{ $i }}={{ $v }};{{ end }}", object),
        RenderCase("{{ range $k, $v := .m }}{{ $k }}:{{ $v }},{{ end }}{{ range list }}{{ else }}none{{ end }}", object),
        RenderCase("{{ range .names }}{{ if eq . \"a\" }}{{ break }}{{ end }}{{ . }}{{ end }}", object),
        RenderCase("{{ range .names }}{{ if eq . \"a\" }}{{ continue }}{{ end }}{{ . }}{{ end }}", object),
        RenderCase("{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ $y := 3 }}{{ end }}{{ $x }}", object),
        RenderCase("{{ $.s | upper }} {{ .s | lower }}", object),
        RenderCase("{{ upper .n }}", object),
        RenderCase("{{ range .z }}x{{ end }}", object),
        RenderCase("{{ and 1 0 2 }} {{ or 0 \"\" \"x\" }} {{ not .z }} {{ and .t .n }}", object),
        RenderCase("{{ eq .n 42 }} {{ ne .s \"x\" }} {{ eq .s \"a\" \"hello <world> & co\" }} {{ lt 1 2 }} {{ ge \"b\" \"a\" }}", object),
        RenderCase("{{ eq .n 42.0 }}", object),
        RenderCase("{{ toJson . }}", object),
        RenderCase("{{ toJson .l }} {{ toPrettyJson .m }}", object),
        RenderCase("{{ toString .n }} {{ toString .f }} {{ .n | toString | quote }}", object),
        RenderCase("{{ quote .s 1 nil }} {{ squote .s }}", object),
        RenderCase("{{ b64enc .s }} {{ b64dec .enc }} {{ b64dec \"!!notbase64\" }}", object),
        RenderCase("{{ default \"dflt\" .z }} {{ default \"dflt\" .s }} {{ .z | default \"piped\" }} {{ default 5 0 }}", object),
        RenderCase("{{ replace \"l\" \"L\" .s }} {{ trim \"  padded \\t\" }} {{ trimSuffix \"co\" .s }} {{ trimPrefix \"he\" .s }}", object),
        RenderCase("{{ printf \"%s=%d (%v) %q %5.2f %x %t %T %%\" .s .n .l .s .f 255 .t .m }}", object),
        RenderCase("{{ printf \"%d %s\" .s }}", object),
        RenderCase("{{ printf \"%-6s|%06d|%+d\" \"ab\" 42 7 }}", object),
        RenderCase("{{ toDate \"2006-01-02T15:04:05.999999999Z07:00\" .Time | date \"2006-01-02T15-04-05\" }}", object),
        RenderCase("{{ toDate \"2006-01-02T15:04:05.999999999Z07:00\" .Time }}", object),
        RenderCase("{{ toDate \"2006-01-02\" \"2024-02-29\" | date \"Mon Jan _2 3:04PM 2006 MST .000\" }}", object),
        RenderCase("{{ toDate \"2006-01-02\" \"not a date\" }}", object),
        RenderCase("{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T10:11:12+02:00\" }}", nil),
        RenderCase("{{ toDate \"2006-01-02T15:04:05Z07:00\" \"2024-03-05T10:11:12+02:00\" | date \"2006-01-02 15:04 MST -07:00\" }}", nil),
        RenderCase("{{ toDate \"02 Jan 06 15:04 -0700\" \"05 Mar 24 10:11 -0330\" | date \"January 2, 2006 3:04:05.000 pm Z0700\" }}", nil),
        RenderCase("{{ date \"2006-01-02\" 86400 }}", object),
        RenderCase("{{ add 1 2 3 }} {{ sub 10 4 }} {{ mul 2 \"3\" }} {{ div 7 2 }} {{ mod 7 3 }} {{ add1 .n }} {{ max 1 9 3 }}", object),
        RenderCase("{{ list 1 \"a\" | toJson }} {{ first .names }} {{ last .names }} {{ rest .names }} {{ .names | sortAlpha }}", object),
        RenderCase("{{ dict \"k\" 1 \"j\" \"v\" | toJson }} {{ hasKey .m \"a\" }} {{ keys .m | sortAlpha }}", object),
        RenderCase("{{ join \",\" .names }} {{ splitList \":\" \"a:b:c\" }} {{ contains \"ell\" .s }} {{ hasPrefix \"he\" .s }}", object),
        RenderCase("{{ substr 1 4 .s }} {{ trunc 3 .s }} {{ repeat 3 \"ab\" }} {{ nospace \"a b\\tc\" }} {{ title \"hello world\" }}", object),
        RenderCase("{{ indent 2 \"a\\nb\" }}|{{ nindent 2 \"c\" }}", object),
        RenderCase("{{ sha256sum \"abc\" }}", object),
        RenderCase("{{ cat \"a\" 1 nil .t }} {{ empty .z }} {{ empty .l }} {{ coalesce .z .nothing \"c\" }} {{ ternary \"y\" \"n\" .t }}", object),
        RenderCase("{{ atoi \"42\" }} {{ int \"7\" }} {{ float64 \"1.5\" }} {{ int64 3.9 }}", object),
        RenderCase("{{ define \"sub\" }}<{{ . }}>{{ end }}{{ template \"sub\" .n }}{{ block \"b\" .s }}[{{ . }}]{{ end }}", object),
        RenderCase("{{- .n -}}  \n  {{- .s }} {{/* comment */}}", object),
        RenderCase("{{ (index .l 2).b }} {{ print 1 2 \"a\" \"b\" 3 }} {{ println .n }}", object),
        RenderCase("{{ .s 1 }}", object),
        RenderCase("{{ nosuchfunc 1 }}", object),
        RenderCase("{{ .m.a.b }}", object),
        RenderCase("{{ html \"<a href='x'>&</a>\" }} {{ urlquery \"a b&c\" }}", object),
        RenderCase("{{ 1.5 }} {{ 1e6 }} {{ 0.00001 }} {{ 'a' }} {{ 0x1F }} {{ -3 }}", nil),
        RenderCase("{{ . }}", nil),
        RenderCase("{{ .x }}", nil),
        RenderCase("{{ range 1.5 }}x{{ end }}", nil),
        RenderCase("{{ fail \"boom\" }}", nil),
        RenderCase("{{ uniq (list 1 1 2) }} {{ has 2 (list 1 2) }} {{ without (list 1 2 3) 2 }} {{ reverse (list 1 2) }}", nil),
        RenderCase("{{ split \"-\" \"a-b\" }} {{ (split \"-\" \"a-b\")._1 }}", nil),
        RenderCase("{{ until 3 }} {{ concat (list 1) (list 2 3) }} {{ append (list 1) 2 }} {{ prepend (list 1) 0 }}", nil),
        // Go's path package, url.QueryEscape, RE2 matching, Unicode trimming and
        // zoneinfo files, which the evaluator does without Foundation.
        RenderCase(
            "{{ base \"a/b/\" }}|{{ base \"\" }}|{{ base \"//\" }}"
                + "|{{ dir \"a/b/\" }}|{{ dir \"/a\" }}|{{ dir \"x\" }}|{{ dir \"\" }}", nil),
        RenderCase(
            "{{ ext \"a.b/c\" }}|{{ ext \"f.tar.gz\" }}|{{ ext \"d.x/\" }}"
                + "|{{ clean \"a//b/../c/.\" }}|{{ clean \"../../x/..\" }}|{{ clean \"/../a\" }}", nil),
        RenderCase(
            "{{ urlquery \"\u{00FC}/+$ ~a-b_c.d\" }} {{ regexMatch \"^[a-z]+[0-9]?$\" \"abc1\" }}"
                + " {{ regexMatch \"b+\" \"abbbc\" }} {{ regexMatch \"^b\" \"abc\" }}", nil),
        // strings.Replace with an empty old string; RE2's syntax and its runes.
        RenderCase("{{ replace \"\" \"-\" \"a\u{E9}\" }}|{{ replace \"\" \"-\" \"\" }}|{{ replace \"\" \"\" \"ab\" }}", nil),
        RenderCase(
            "{{ regexMatch \"(a)\\\\1\" \"aa\" }} {{ regexMatch \"(?>a)\" \"a\" }} {{ regexMatch \"a*+\" \"a\" }}"
                + " {{ regexMatch \"^.$\" \"e\u{301}\" }} {{ regexMatch \"(?P<n>a)b\" \"ab\" }}"
                + " {{ regexMatch \"a\\\\Z\" \"a\" }} {{ regexMatch \"(?<!b)a\" \"a\" }} {{ regexMatch \"(?=a)\" \"a\" }}", nil),
        RenderCase(
            "{{ regexMatch \"a**\" \"a\" }} {{ regexMatch \"a*?b\" \"aab\" }} {{ regexMatch \"a??\" \"a\" }}"
                + " {{ regexMatch \"[(?=]\" \"=\" }} {{ regexMatch \"[]a]\" \"]\" }} {{ regexMatch \"\\\\x{41}\" \"A\" }}"
                + " {{ regexMatch \"(?i)ABC\" \"xabcx\" }} {{ regexMatch \"a{2}{3}\" \"aaaaaa\" }} {{ regexMatch \"a{x}\" \"a{x}\" }}"
                + " {{ regexMatch \"\\\\pL+\" \"\u{E9}\" }} {{ regexMatch \"[[:alpha:]]+\" \"x1\" }} {{ regexMatch \"a{2,}?\" \"aaa\" }}"
                + " {{ regexMatch \"^a{,2}$\" \"a{,2}\" }} {{ regexMatch \"^a{,2}$\" \"aa\" }}", nil),
        RenderCase(
            "[{{ trim \"\u{00A0}\u{3000} x y\u{2028}\\n\" }}] [{{ nospace \"a\u{00A0}b\u{2003}c\" }}"
                + "] [{{ nospace \"h\u{E9}llo\" }}] [{{ trimAll \"-=\" \"=-x-=\" }}]", nil),
        RenderCase(
            "{{ dateInZone \"2006-01-02 15:04 MST -0700\" 1700000000 \"Europe/Berlin\" }}"
                + " {{ dateInZone \"Jan 2 15:04 MST\" 1720000000 \"America/New_York\" }}", nil),
        RenderCase(
            "{{ dateInZone \"15:04 MST\" 1700000000 \"No/Such\" }} {{ dateInZone \"15:04 MST\" 1700000000 \"UTC\" }}"
                + " {{ dateInZone \"15:04 MST\" 1700000000 \"\" }}", nil),
    ]
}

struct OracleFailure: Error {
    var message: String
    init(_ message: String) { self.message = message }
}

struct OracleResult: Equatable {
    var ok: Bool
    var output: String?
    var stage: String?
}

enum RenderOracle {
    /// JSON for kcheck: integral floats keep a ".0" so Go decodes them as float64.
    static func json(_ value: TemplateValue) -> String {
        switch value {
        case .float(let number) where number.rounded() == number && abs(number) < 1e15:
            return String(format: "%.1f", number)
        case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
        case .map(let map):
            return "{" + map.orderedKeys.map { TemplateJSON.quote($0) + ":" + json(map.entries[$0] ?? .null) }.joined(separator: ",") + "}"
        default: return TemplateJSON.encode(value)
        }
    }

    static func results(_ cases: [RenderCase]) throws -> [OracleResult] {
        let kcheck = try TestSupport.kcheck.get()
        let input =
            cases.map { item in
                let data = item.data.map { ",\"data\":" + json($0) } ?? ""
                return "{\"template\":" + TemplateJSON.quote(item.template) + data + "}"
            }.joined(separator: "\n") + "\n"
        let result = try TestSupport.run(kcheck, ["tmpl-render"], input: Data(input.utf8))
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: true)
        guard result.status == 0, lines.count == cases.count else {
            throw OracleFailure("kcheck tmpl-render: \(result.errors)")
        }
        return try lines.map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw OracleFailure("bad line \(line)")
            }
            return OracleResult(ok: object["ok"] as? Bool ?? false, output: object["output"] as? String, stage: object["stage"] as? String)
        }
    }
}

extension RenderOracle {
    /// The evaluator's result for `item`, as kcheck reports one (output, or the failing stage).
    static func evaluatorResult(_ item: RenderCase, _ evaluator: TemplateEvaluator) throws -> OracleResult {
        do {
            return OracleResult(ok: true, output: try evaluator.render(item.template, data: item.data ?? .null), stage: nil)
        } catch let error as TemplateError {
            return OracleResult(ok: false, output: nil, stage: error.stage.rawValue)
        }
    }

    /// Expects the evaluator and kcheck to give the same output, or to fail at the same stage, on every case.
    static func expectAgreement(_ cases: [RenderCase], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let expected = try results(cases)
        let evaluator = TemplateEvaluator()
        for (item, oracle) in zip(cases, expected) {
            let actual = try evaluatorResult(item, evaluator)
            #expect(actual == oracle, "template: \(item.template) data: \(item.data.map(json) ?? "nil")", sourceLocation: sourceLocation)
        }
    }
}

@Suite struct TemplateDifferentialTests {
    @Test func agreesWithGoOnEveryCase() throws {
        try RenderOracle.expectAgreement(RenderCases.all)
        #expect(RenderCases.all.count >= 40)
    }
}
