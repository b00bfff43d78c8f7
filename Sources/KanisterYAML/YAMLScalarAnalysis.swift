// A Swift mirror of libyaml's emitter scalar analysis (yaml_emitter_analyze_scalar) and
// the writer's style choice for strings: plain only when it reads back as the same string.

/// Which styles libyaml's emitter allows for a scalar's text.
struct YAMLScalarAnalysis: Equatable {
    var isFlowPlainAllowed = true
    var isBlockPlainAllowed = true
    var isSingleQuotedAllowed = true
    var isBlockAllowed = true
    var hasLineBreaks = false
    /// A break other than `\n` (`\r`, NEL, LS, PS): never written in a block scalar.
    var hasUnusualBreaks = false
    /// A `"` or `\`, which read better single-quoted.
    var hasQuoteOrBackslash = false

    init(_ value: String) {
        var text = value
        self = text.withUTF8 { Self(utf8: $0) }
    }

    /// The analysis of UTF-8 text: one pass with a window of (previous, current,
    /// next) over the bytes when the text is ASCII (the common case), else over
    /// its Unicode scalars.
    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        guard !bytes.isEmpty else {
            isFlowPlainAllowed = false
            isBlockPlainAllowed = true
            isBlockAllowed = false
            return
        }
        var flags = Flags()
        if Self.hasDocumentMarker(bytes) {
            flags.blockIndicators = true
            flags.flowIndicators = true
        }
        if !Self.scanASCII(bytes, into: &flags) {
            flags = Self.scalarFlags(bytes)
        }
        self = Self(flags: flags)
    }

    /// The scan of ASCII text, byte by byte; false (flags unfinished) at the first
    /// non-ASCII byte. The first and last characters get the full scan; between
    /// them most characters matter little (an indicator only counts at the start),
    /// so letters, digits, most punctuation, spaces and flow indicators take short paths.
    private static func scanASCII(_ bytes: UnsafeBufferPointer<UInt8>, into flags: inout Flags) -> Bool {
        let last = bytes.count - 1
        guard bytes[0] < 0x80 else { return false }
        flags.scan(UInt32(bytes[0]), previous: Flags.none, next: last > 0 ? UInt32(bytes[1]) : Flags.none)
        guard last > 0 else { return true }
        var index = 1
        // True when the characters since the last full scan leave previousSpace and
        // previousBreak false (anything but a space or a break does).
        var isStateCleared = false
        while index < last {
            let byte = bytes[index]
            if byte < 0x80 && !isInMask(byte, low: middleScanLow, high: middleScanHigh) {
                isStateCleared = true
            } else if byte == 0x20 {
                if !isStateCleared && flags.previousBreak { flags.breakSpace = true }
                flags.previousSpace = true
                flags.previousBreak = false
                isStateCleared = false
            } else if byte < 0x80 && isInMask(byte, low: flowIndicatorLow, high: flowIndicatorHigh) {
                flags.flowIndicators = true
                isStateCleared = true
            } else {
                guard byte < 0x80 else { return false }
                if isStateCleared { flags.clearPrevious() }
                isStateCleared = false
                flags.scan(UInt32(byte), previous: UInt32(bytes[index - 1]), next: UInt32(bytes[index + 1]))
            }
            index += 1
        }
        guard bytes[last] < 0x80 else { return false }
        if isStateCleared { flags.clearPrevious() }
        flags.scan(UInt32(bytes[last]), previous: UInt32(bytes[last - 1]), next: Flags.none)
        return true
    }

    /// The reference analysis, one Unicode scalar at a time: what non-ASCII text
    /// gets, and what tests hold the ASCII path to.
    init(scanningScalarsOf value: String) {
        var text = value
        self = text.withUTF8 { bytes in
            bytes.isEmpty ? Self(utf8: bytes) : Self(flags: Self.scalarFlags(bytes))
        }
    }

    private init(flags: Flags) {
        hasLineBreaks = flags.lineBreaks
        hasUnusualBreaks = flags.unusualBreaks
        hasQuoteOrBackslash = flags.quoteOrBackslash
        apply(flags)
    }

    private static func scalarFlags(_ bytes: UnsafeBufferPointer<UInt8>) -> Flags {
        var flags = Flags()
        flags.blockIndicators = hasDocumentMarker(bytes)
        flags.flowIndicators = flags.blockIndicators
        scanScalars(String(decoding: bytes, as: UTF8.self).unicodeScalars, into: &flags)
        return flags
    }

    private static func scanScalars(_ scalars: String.UnicodeScalarView, into flags: inout Flags) {
        var iterator = scalars.makeIterator()
        var previous = Flags.none
        var current = iterator.next()?.value
        while let char = current {
            let next = iterator.next()?.value
            flags.scan(char, previous: previous, next: next ?? Flags.none)
            previous = char
            current = next
        }
    }

    /// `---` or `...` at the start.
    private static func hasDocumentMarker(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: ".") else { return false }
        return bytes[1] == bytes[0] && bytes[2] == bytes[0]
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

    /// The running state of libyaml's analysis loop, over code points.
    fileprivate struct Flags {
        /// No character: before the first or after the last (counts as blank).
        static let none: UInt32 = .max

        var blockIndicators = false, flowIndicators = false
        var lineBreaks = false, unusualBreaks = false, specialCharacters = false
        var leadingSpace = false, leadingBreak = false
        var trailingSpace = false, trailingBreak = false
        var breakSpace = false, spaceBreak = false
        var previousSpace = false, previousBreak = false
        var quoteOrBackslash = false

        /// What a character other than a space or a break leaves behind.
        mutating func clearPrevious() {
            previousSpace = false
            previousBreak = false
        }

        @inline(__always)
        mutating func scan(_ char: UInt32, previous: UInt32, next: UInt32) {
            let isFirst = previous == Self.none
            let isLast = next == Self.none
            scanIndicator(char, isFirst: isFirst, precededByBlank: isBlank(previous), followedByBlank: isBlank(next))
            if !isPrintable(char) { specialCharacters = true }
            if char == 0x22 || char == 0x5C { quoteOrBackslash = true }
            let isBreakChar = isBreak(char)
            if isBreakChar {
                lineBreaks = true
                if char != 0x0A { unusualBreaks = true }
            }
            scanWhitespace(isSpace: char == 0x20, isBreak: isBreakChar, isFirst: isFirst, isLast: isLast)
        }

        @inline(__always)
        private mutating func scanIndicator(_ char: UInt32, isFirst: Bool, precededByBlank: Bool, followedByBlank: Bool) {
            // Letters, digits and most text are no indicator at all.
            guard char < 0x80, isInMask(UInt8(char), low: indicatorLow, high: indicatorHigh) else { return }
            if isFirst {
                if isInMask(UInt8(char), low: leadingIndicatorLow, high: leadingIndicatorHigh) {
                    flowIndicators = true
                    blockIndicators = true
                }
                if char == 0x3F || char == 0x3A {  // ? :
                    flowIndicators = true
                    if followedByBlank { blockIndicators = true }
                }
                if char == 0x2D && followedByBlank {  // -
                    flowIndicators = true
                    blockIndicators = true
                }
                return
            }
            if isInMask(UInt8(char), low: flowIndicatorLow, high: flowIndicatorHigh) { flowIndicators = true }
            if char == 0x3A {  // :
                flowIndicators = true
                if followedByBlank { blockIndicators = true }
            }
            if char == 0x23 && precededByBlank {  // #
                flowIndicators = true
                blockIndicators = true
            }
        }

        @inline(__always)
        private mutating func scanWhitespace(isSpace: Bool, isBreak: Bool, isFirst: Bool, isLast: Bool) {
            if isSpace {
                if isFirst { leadingSpace = true }
                if isLast { trailingSpace = true }
                if previousBreak { breakSpace = true }
                previousSpace = true
                previousBreak = false
            } else if isBreak {
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

// ASCII character classes as bit masks over 0...63 (low) and 64...127 (high);
// literal constants, so no lazy initialization on the hot path.

/// `#,[]{}&*!|>'"%@` and backquote: indicators that forbid plain style at the start.
private let leadingIndicatorLow: UInt64 = 0x4000_14EE_0000_0000
private let leadingIndicatorHigh: UInt64 = 0x3800_0001_2800_0001
/// `,?[]{}`: flow indicators anywhere in the text.
private let flowIndicatorLow: UInt64 = 0x8000_1000_0000_0000
private let flowIndicatorHigh: UInt64 = 0x2800_0000_2800_0000
/// Characters that need more than the short path after the first position:
/// `,?[]{}:#"\`, space, controls and DEL.
private let middleScanLow: UInt64 = 0x8400_100D_FFFF_FFFF
private let middleScanHigh: UInt64 = 0xA800_0000_3800_0000
/// Every indicator (the two sets above and `:-#?`) with `\`, controls, space and
/// DEL: a character outside it is no indicator.
private let indicatorLow: UInt64 = 0xC400_34EF_FFFF_FFFF
private let indicatorHigh: UInt64 = 0xB800_0001_3800_0001

@inline(__always)
private func isInMask(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
    byte < 64 ? (low >> UInt64(byte)) & 1 != 0 : (high >> UInt64(byte &- 64)) & 1 != 0
}

/// libyaml's IS_BREAK: `\r`, `\n`, NEL, LS, PS.
@inline(__always)
private func isBreak(_ char: UInt32) -> Bool {
    switch char {
    case 0x0D, 0x0A, 0x85, 0x2028, 0x2029: return true
    default: return false
    }
}

/// libyaml's IS_BLANKZ without the NUL: space, tab or a break; also "no character".
@inline(__always)
private func isBlank(_ char: UInt32) -> Bool {
    char == 0x20 || char == 0x09 || char == YAMLScalarAnalysis.Flags.none || isBreak(char)
}

/// libyaml's IS_PRINTABLE: `\n`, ASCII printables, U+00A0...U+D7FF, U+E000...U+FFFD
/// without the BOM. Tabs and characters beyond the BMP are not "printable".
@inline(__always)
private func isPrintable(_ char: UInt32) -> Bool {
    switch char {
    case 0x20...0x7E, 0x0A, 0xA0...0xD7FF: return true
    case 0xE000...0xFFFD: return char != 0xFEFF
    default: return false
    }
}
