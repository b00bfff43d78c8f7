// RE2's bracketed classes for Swift: every member spelled out (literals as `\x{…}`,
// ranges, ASCII POSIX and Perl classes, Unicode classes), as Go's parseClass reads them.

extension RE2Translator {
    /// After `[`: Go's parseClass, written with every member spelled out.
    mutating func translateClass() -> Bool {
        let start = index - 1
        var members = ""
        let isNegated = next == "^"
        if isNegated { index += 1 }
        var isFirst = true
        while true {
            guard let scalar = next else { return fail(.missingBracket, String(String.UnicodeScalarView(scalars[start...]))) }
            if scalar == "]", !isFirst {
                index += 1
                break
            }
            isFirst = false
            if scalar == "[", index + 1 < scalars.count, scalars[index + 1] == ":", let posix = readPosixClass() {
                guard let text = posix else { return false }  // readPosixClass says why
                members += text
                continue
            }
            if scalar == "\\", index + 1 < scalars.count {
                let letter = scalars[index + 1]
                if letter == "p" || letter == "P" {
                    index += 2
                    guard let text = readUnicodeClass(isNegated: letter == "P", start: index - 2) else { return false }
                    members += text
                    continue
                }
                if "dswDSW".unicodeScalars.contains(letter) {
                    index += 2
                    let text = perlClass(letter)
                    members += letter.properties.isLowercase ? String(text.dropFirst().dropLast()) : text
                    continue
                }
            }
            let rangeStart = index
            guard let low = readClassCharacter(wholeClass: start) else { return false }
            var high = low
            if next == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard let end = readClassCharacter(wholeClass: start) else { return false }
                guard end.value >= low.value else { return fail(.invalidCharRange, text(from: rangeStart)) }
                high = end
            }
            members += RE2Syntax.literal(low) + (high == low ? "" : "-" + RE2Syntax.literal(high))
        }
        beginOperand()
        emit("[" + (isNegated ? "^" : "") + members + "]")
        return true
    }

    /// One character of a class (starting at `wholeClass`), a literal or an escape (Go's parseClassChar).
    mutating func readClassCharacter(wholeClass: Int) -> Unicode.Scalar? {
        guard let scalar = next else {
            _ = fail(.missingBracket, String(String.UnicodeScalarView(scalars[wholeClass...])))
            return nil
        }
        index += 1
        guard scalar == "\\" else { return scalar }
        guard let escaped = next else {
            _ = fail(.trailingBackslash, "")
            return nil
        }
        index += 1
        return readEscapedLiteral(escaped, start: index - 2)
    }

    /// `[:alpha:]` or `[:^alpha:]` at the index: nil when no `:]` follows (then `[` is
    /// a literal), .some(nil) for an unknown name, which Go refuses.
    mutating func readPosixClass() -> String?? {
        let start = index
        var close = index + 2
        while close + 1 < scalars.count, !(scalars[close] == ":" && scalars[close + 1] == "]") { close += 1 }
        guard close + 1 < scalars.count else { return nil }
        var name = String(String.UnicodeScalarView(scalars[(index + 2)..<close]))
        index = close + 2
        let isNegated = name.hasPrefix("^")
        if isNegated { name.removeFirst() }
        guard let members = RE2Syntax.posixClasses[name] else {
            _ = fail(.invalidCharRange, String(String.UnicodeScalarView(scalars[start..<index])))
            return .some(nil)
        }
        return isNegated ? "[^" + members + "]" : members
    }
}
