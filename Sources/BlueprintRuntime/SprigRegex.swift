// sprig v2's regular expression functions (regex.go) over Go's regexp (`RE2Regex`).
// Kanister's sprig v2.22.0 has no `mustRegex…` nor `regexQuoteMeta` (sprig v3 only).

import BlueprintSema

enum SprigRegex {
    static func register(into table: inout [String: TemplateFunction]) {
        // regexp.MatchString: false for a pattern Go refuses.
        table["regexMatch"] = { values in
            try Argument.count(values, 2)
            let (pattern, text) = (try Argument.string(values[0]), try Argument.string(values[1]))
            return .bool(RE2Regex(pattern)?.firstMatch(in: text) != nil)
        }
        // The others call regexp.MustCompile, whose panic on a bad pattern fails the template.
        table["regexFind"] = { values in
            try Argument.count(values, 2)
            let (pattern, text) = (try Argument.string(values[0]), try Argument.string(values[1]))
            let regex = try compile(pattern)
            return .string(regex.firstMatch(in: text).map { RE2Regex.text(text, $0[0]) } ?? "")
        }
        table["regexFindAll"] = { values in
            try Argument.count(values, 3)
            let (pattern, text, limit) = (try Argument.string(values[0]), try Argument.string(values[1]), try Argument.int(values[2]))
            return strings(try compile(pattern).findAll(in: text, limit: limit))
        }
        table["regexSplit"] = { values in
            try Argument.count(values, 3)
            let (pattern, text, limit) = (try Argument.string(values[0]), try Argument.string(values[1]), try Argument.int(values[2]))
            return strings(try compile(pattern).split(text, limit: limit))
        }
        table["regexReplaceAll"] = replaceAll(isLiteral: false)
        table["regexReplaceAllLiteral"] = replaceAll(isLiteral: true)
    }

    static func replaceAll(isLiteral: Bool) -> TemplateFunction {
        { values in
            try Argument.count(values, 3)
            let (pattern, text) = (try Argument.string(values[0]), try Argument.string(values[1]))
            let replacement = try Argument.string(values[2])
            return .string(try compile(pattern).replaceAll(text, with: replacement, isLiteral: isLiteral))
        }
    }

    static func strings(_ items: [String]) -> TemplateValue { .list(items.map { .string($0) }) }

    /// regexp.MustCompile; its panic names the pattern as Go's `quote` does.
    static func compile(_ pattern: String) throws -> RE2Regex {
        if let regex = RE2Regex(pattern) { return regex }
        let canBackquote = !pattern.unicodeScalars.contains { $0 == "`" || $0 == "\u{FEFF}" || ($0.properties.generalCategory == .control && $0 != "\t") }
        let quoted = canBackquote ? "`" + pattern + "`" : GoQuote.quote(pattern)
        throw TemplateFunctionError("regexp: Compile(\(quoted)): error parsing regexp: invalid or unsupported RE2 syntax")
    }
}
