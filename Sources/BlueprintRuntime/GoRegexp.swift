// Go's regexp package as sprig calls it: a pattern compiled through RE2Syntax and
// matched by runes, with Go's rules for successive and empty matches, Split and Expand.

import BlueprintSema

/// A compiled Go regexp (`regexp.Compile`).
struct RE2Regex {
    /// One match: each group's range in the text (0 is the whole match), nil for a
    /// group that took no part.
    typealias Match = [Range<String.Index>?]

    /// The pattern as written (Go's `re.expr`).
    let expression: String
    /// Go's SubexpNames.
    let groupNames: [String]
    /// Matches runes, as RE2 does.
    let regex: Regex<AnyRegexOutput>
    /// For a pattern with `\b` or `\B`: the same by Characters, used on a text whose
    /// Characters are all one rune. RE2's `\b` is between an ASCII letter, digit or
    /// `_` and anything else; Swift's simple boundary by runes leaves the digits out,
    /// by Characters it does not. (A text with combining marks or `\r\n` gets the
    /// rune engine: there `\b` next to a digit is wrong. By Characters, Swift also
    /// matches canonical equivalents, such as U+212B for `Å`.)
    let boundaryRegex: Regex<AnyRegexOutput>?

    /// nil where Go's regexp.Compile fails (or Swift cannot compile the translation).
    init?(_ expression: String) {
        guard let translation = RE2Syntax.translate(expression), let regex = try? Regex(translation.pattern) else { return nil }
        self.expression = expression
        self.groupNames = translation.groupNames
        let simple = regex.wordBoundaryKind(.simple).asciiOnlyWordCharacters()
        self.regex = simple.matchingSemantics(.unicodeScalar)
        self.boundaryRegex = translation.hasWordBoundary ? simple.matchingSemantics(.graphemeCluster) : nil
    }

    /// The engine for `text`: by Characters only where they are runes.
    func engine(for text: String) -> Regex<AnyRegexOutput> {
        guard let boundaryRegex, text.count == text.unicodeScalars.count else { return regex }
        return boundaryRegex
    }

    static func match(_ match: Regex<AnyRegexOutput>.Match) -> Match { match.output.map(\.range) }

    func firstMatch(in text: String) -> Match? {
        guard let found = try? engine(for: text).firstMatch(in: text) else { return nil }
        return Self.match(found)
    }

    /// Go's allMatches: successive matches, at most `limit` (all when negative), where an
    /// empty match right after the previous match is not one. Swift's `matches(of:)`
    /// already searches on after an empty match one rune later; Go also drops an
    /// empty match that abuts the match before it.
    func matches(in text: String, limit: Int = -1) -> [Match] {
        var found: [Match] = []
        var previousEnd: String.Index?
        for candidate in text.matches(of: engine(for: text)) {
            if limit >= 0, found.count >= limit { break }
            let range = candidate.range
            defer { previousEnd = range.upperBound }
            if range.isEmpty, range.lowerBound == previousEnd { continue }
            found.append(Self.match(candidate))
        }
        return found
    }

    /// `regexp.FindAllString`: nil (printed `[]`) when nothing matches.
    func findAll(in text: String, limit: Int) -> [String] {
        matches(in: text, limit: limit < 0 ? -1 : limit).map { Self.text(text, $0[0]) }
    }

    /// `regexp.Split`: the texts between matches, at most `limit` of them (all when negative).
    func split(_ text: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if !expression.isEmpty, text.isEmpty { return [""] }
        var pieces: [String] = []
        var start = text.startIndex
        var end = text.startIndex
        for match in matches(in: text, limit: limit) {
            if limit > 0, pieces.count >= limit - 1 { break }
            guard let range = match[0] else { continue }
            end = range.lowerBound
            if range.upperBound != text.startIndex { pieces.append(String(text.unicodeScalars[start..<end])) }
            start = range.upperBound
        }
        if end != text.endIndex { pieces.append(String(text.unicodeScalars[start...])) }
        return pieces
    }

    /// `regexp.ReplaceAllString` (with `$` expansion) or `ReplaceAllLiteralString`.
    func replaceAll(_ text: String, with replacement: String, isLiteral: Bool) -> String {
        var result = String.UnicodeScalarView()
        var last = text.startIndex
        for match in matches(in: text) {
            guard let range = match[0] else { continue }
            result.append(contentsOf: text.unicodeScalars[last..<range.lowerBound])
            if isLiteral {
                result.append(contentsOf: replacement.unicodeScalars)
            } else {
                expand(replacement, text: text, match: match, into: &result)
            }
            last = range.upperBound
        }
        result.append(contentsOf: text.unicodeScalars[last...])
        return String(result)
    }

    static func text(_ text: String, _ range: Range<String.Index>?) -> String {
        range.map { String(text.unicodeScalars[$0]) } ?? ""
    }
}

extension RE2Regex {
    /// Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}` (the longest run of letters,
    /// digits and `_`, so `$1x` names the group `1x`), `$$` for `$`; a `$` followed by
    /// anything else is itself. A group that is missing or took no part is empty.
    func expand(_ template: String, text: String, match: Match, into result: inout String.UnicodeScalarView) {
        let scalars = Array(template.unicodeScalars)
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            guard scalar == "$" else {
                result.append(scalar)
                continue
            }
            if index < scalars.count, scalars[index] == "$" {
                result.append("$")
                index += 1
                continue
            }
            guard let (name, end) = Self.reference(scalars, at: index) else {
                result.append("$")
                continue
            }
            index = end
            result.append(contentsOf: Self.text(text, group(named: name, in: match)).unicodeScalars)
        }
    }

    /// The name after a `$` at `start` and the index after it (Go's extract); nil when malformed.
    static func reference(_ scalars: [Unicode.Scalar], at start: Int) -> (name: String, end: Int)? {
        var index = start
        let isBraced = index < scalars.count && scalars[index] == "{"
        if isBraced { index += 1 }
        let nameStart = index
        while index < scalars.count {
            let properties = scalars[index].properties
            let isLetter = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter].contains(properties.generalCategory)
            guard isLetter || properties.generalCategory == .decimalNumber || scalars[index] == "_" else { break }
            index += 1
        }
        guard index > nameStart else { return nil }
        let name = String(String.UnicodeScalarView(scalars[nameStart..<index]))
        if isBraced {
            guard index < scalars.count, scalars[index] == "}" else { return nil }
            index += 1
        }
        return (name, index)
    }

    /// The range of the group `name` names: a number (no leading zero, at most nine
    /// digits), or else the first group so named that took part.
    func group(named name: String, in match: Match) -> Range<String.Index>? {
        let isNumber = name.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } && (name == "0" || !name.hasPrefix("0")) && name.count <= 9
        if isNumber, let number = Int(name) {
            return number < match.count ? match[number] : nil
        }
        for (number, groupName) in groupNames.enumerated() where groupName == name && number < match.count && match[number] != nil {
            return match[number]
        }
        return nil
    }
}
