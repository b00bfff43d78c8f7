// A Swift mirror of libyaml's emitter scalar analysis (yaml_emitter_analyze_scalar) and
// the writer's style choice for strings: plain only when it reads back as the same string.

/// Which styles libyaml's emitter allows for a scalar's text.
struct YAMLScalarAnalysis {
    var isFlowPlainAllowed = true
    var isBlockPlainAllowed = true
    var isSingleQuotedAllowed = true
    var isBlockAllowed = true
    var hasLineBreaks = false
    /// A break other than `\n` (`\r`, NEL, LS, PS): never written in a block scalar.
    var hasUnusualBreaks = false

    init(_ value: String) {
        guard !value.isEmpty else {
            isFlowPlainAllowed = false
            isBlockAllowed = false
            return
        }
        var flags = Flags()
        if value.hasPrefix("---") || value.hasPrefix("...") {
            flags.blockIndicators = true
            flags.flowIndicators = true
        }
        // One pass with a window of (previous, current, next): over the bytes
        // when the text is ASCII (the common case), else over its scalars.
        let scannedBytes = value.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return false }
            for index in bytes.indices {
                let previous = index > 0 ? Unicode.Scalar(bytes[index - 1]) : nil
                let next = index + 1 < bytes.count ? Unicode.Scalar(bytes[index + 1]) : nil
                flags.scan(Unicode.Scalar(bytes[index]), previous: previous, next: next)
            }
            return true
        }
        if scannedBytes != true { Self.scan(value.unicodeScalars, into: &flags) }
        hasLineBreaks = flags.lineBreaks
        hasUnusualBreaks = flags.unusualBreaks
        apply(flags)
    }

    private static func scan<S: Sequence>(_ scalars: S, into flags: inout Flags) where S.Element == Unicode.Scalar {
        var iterator = scalars.makeIterator()
        var previous: Unicode.Scalar?
        var current = iterator.next()
        while let char = current {
            let next = iterator.next()
            flags.scan(char, previous: previous, next: next)
            previous = char
            current = next
        }
    }

    private mutating func apply(_ flags: Flags) {
        let noPlain =
            flags.leadingSpace || flags.leadingBreak || flags.trailingSpace
            || flags.trailingBreak || flags.breakSpace || flags.lineBreaks
        let special = flags.spaceBreak || flags.specialCharacters
        isFlowPlainAllowed = !(noPlain || special || flags.flowIndicators)
        isBlockPlainAllowed = !(noPlain || special || flags.blockIndicators)
        isSingleQuotedAllowed = !(flags.breakSpace || special)
        isBlockAllowed = !(flags.trailingSpace || special)
    }

    /// The running state of libyaml's analysis loop.
    fileprivate struct Flags {
        var blockIndicators = false, flowIndicators = false
        var lineBreaks = false, unusualBreaks = false, specialCharacters = false
        var leadingSpace = false, leadingBreak = false
        var trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var previousSpace = false, previousBreak = false

        mutating func scan(_ char: Unicode.Scalar, previous: Unicode.Scalar?, next: Unicode.Scalar?) {
            let followedByBlank = next.map(isBlank) ?? true
            let precededByBlank = previous.map(isBlank) ?? true
            scanIndicator(char, isFirst: previous == nil, precededByBlank, followedByBlank)
            if !isPrintable(char) { specialCharacters = true }
            if isBreak(char) {
                lineBreaks = true
                if char != "\n" { unusualBreaks = true }
            }
            scanWhitespace(char, isFirst: previous == nil, isLast: next == nil)
        }

        private mutating func scanIndicator(
            _ char: Unicode.Scalar, isFirst: Bool, _ precededByBlank: Bool, _ followedByBlank: Bool
        ) {
            if isFirst {
                if isLeadingIndicator(char) {
                    flowIndicators = true
                    blockIndicators = true
                }
                if char == "?" || char == ":" {
                    flowIndicators = true
                    if followedByBlank { blockIndicators = true }
                }
                if char == "-" && followedByBlank {
                    flowIndicators = true
                    blockIndicators = true
                }
                return
            }
            if isFlowIndicator(char) { flowIndicators = true }
            if char == ":" {
                flowIndicators = true
                if followedByBlank { blockIndicators = true }
            }
            if char == "#" && precededByBlank {
                flowIndicators = true
                blockIndicators = true
            }
        }

        private mutating func scanWhitespace(_ char: Unicode.Scalar, isFirst: Bool, isLast: Bool) {
            if char == " " {
                if isFirst { leadingSpace = true }
                if isLast { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak(char) {
                if isFirst { leadingBreak = true }
                if isLast { trailingBreak = true }
                if previousSpace { spaceBreak = true }
                previousSpace = false
                previousBreak = true
            } else {
                previousSpace = false
                previousBreak = false
            }
        }
    }
}

/// `#,[]{}&*!|>'"%@` and backquote: indicators that forbid plain style at the start.
private func isLeadingIndicator(_ char: Unicode.Scalar) -> Bool {
    switch char {
    case "#", ",", "[", "]", "{", "}", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`": return true
    default: return false
    }
}

/// `,?[]{}`: flow indicators anywhere in the text.
private func isFlowIndicator(_ char: Unicode.Scalar) -> Bool {
    switch char {
    case ",", "?", "[", "]", "{", "}": return true
    default: return false
    }
}

/// libyaml's IS_BREAK: `\r`, `\n`, NEL, LS, PS.
func isBreak(_ char: Unicode.Scalar) -> Bool {
    switch char.value {
    case 0x0D, 0x0A, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
}

/// libyaml's IS_BLANKZ without the NUL: space, tab or a break.
private func isBlank(_ char: Unicode.Scalar) -> Bool {
    char == " " || char == "\t" || isBreak(char)
}

/// libyaml's IS_PRINTABLE: `\n`, ASCII printables, U+00A0...U+D7FF, U+E000...U+FFFD
/// without the BOM. Tabs and characters beyond the BMP are not "printable".
private func isPrintable(_ char: Unicode.Scalar) -> Bool {
    switch char.value {
    case 0x0A, 0x20...0x7E, 0xA0...0xD7FF: return true
    case 0xE000...0xFFFD: return char.value != 0xFEFF
    default: return false
    }
}
