// The writer's style choice for auto-styled strings: plain when a YAML 1.1 reader
// (kubectl) reads it back as the same string, a literal block for multi-line text, else quotes.

/// Where a scalar is written, which limits the styles libyaml can use.
struct YAMLScalarContext: Equatable {
    /// Inside a flow collection (`[...]`, `{...}`).
    var isFlow = false
    /// A mapping key.
    var isKey = false
    /// The root node of a document.
    var isRoot = false
}

enum YAMLStringStyle {
    /// The style to write `value` in so that it reads back as the same string.
    static func choose(for value: String, in context: YAMLScalarContext) -> YAMLScalarStyle {
        var text = value
        return text.withUTF8 { choose(utf8: $0, in: context) }
    }

    static func choose(utf8 bytes: UnsafeBufferPointer<UInt8>, in context: YAMLScalarContext) -> YAMLScalarStyle {
        let analysis = YAMLScalarAnalysis(utf8: bytes)
        if analysis.hasLineBreaks {
            let isLiteralPossible =
                analysis.isBlockAllowed && !analysis.hasUnusualBreaks
                && !context.isFlow && !context.isKey
            return isLiteralPossible ? .literal : .doubleQuoted
        }
        if isPlainSafe(bytes, analysis: analysis, in: context) { return .plain }
        return analysis.hasQuoteOrBackslash && analysis.isSingleQuotedAllowed ? .singleQuoted : .doubleQuoted
    }

    /// Plain is safe when libyaml allows it here and the text resolves to a string
    /// under YAML 1.1, also for readers stricter than go-yaml (dates, sexagesimal).
    static func isPlainSafe(
        _ bytes: UnsafeBufferPointer<UInt8>, analysis: YAMLScalarAnalysis, in context: YAMLScalarContext
    ) -> Bool {
        let isAllowed = context.isFlow ? analysis.isFlowPlainAllowed : analysis.isBlockPlainAllowed
        guard isAllowed, !bytes.isEmpty else { return false }
        guard YAMLResolved.resolvePlain(utf8: bytes) == .string else { return false }
        let isMergeOrValueKey = bytes.count <= 2 && (bytes.elementsEqual("<<".utf8) || bytes.elementsEqual("=".utf8))
        return !isMergeOrValueKey && !looksLikeDate(bytes) && !looksSexagesimal(bytes)
    }

    /// `YYYY-M-D...`: a YAML 1.1 timestamp for readers that resolve them.
    static func looksLikeDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        // The shortest date, `YYYY-M-D`, has 8 bytes and starts with a digit.
        guard bytes.count >= 8, YAMLResolved.isDigit(bytes[0]) else { return false }
        var index = 0
        return skipDigits(bytes, &index, 4...4) && skipDash(bytes, &index) && skipDigits(bytes, &index, 1...2)
            && skipDash(bytes, &index) && skipDigits(bytes, &index, 1...2)
    }

    /// Skips up to `counts.upperBound` digits; true when their number is in `counts`.
    private static func skipDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int, _ counts: ClosedRange<Int>) -> Bool {
        let start = index
        while index < bytes.count, index - start < counts.upperBound, YAMLResolved.isDigit(bytes[index]) {
            index += 1
        }
        return counts.contains(index - start)
    }

    private static func skipDash(_ bytes: UnsafeBufferPointer<UInt8>, _ index: inout Int) -> Bool {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "-") else { return false }
        index += 1
        return true
    }

    /// `1:20`, `-3:25:45.5`: YAML 1.1 base-60 numbers.
    static func looksSexagesimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var body = bytes[...]
        if let first = body.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            body = body.dropFirst()
        }
        guard let first = body.first, YAMLResolved.isDigit(first) else { return false }
        guard body.contains(UInt8(ascii: ":")) else { return false }
        return body.allSatisfy { byte in
            YAMLResolved.isDigit(byte) || byte == UInt8(ascii: ":")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
