// String edits the tools once took from Foundation: every occurrence replaced byte
// for byte (as Go's strings.ReplaceAll), and Unicode white space trimmed from both
// ends (CharacterSet's whitespaces and whitespacesAndNewlines).

extension StringProtocol {
    /// Every occurrence of `target`, left to right and not overlapping, replaced by
    /// `replacement`, comparing UTF-8 bytes; an empty `target` changes nothing.
    public func replacingBytes(of target: String, with replacement: String) -> String {
        let text = Array(utf8)
        let pattern = Array(target.utf8)
        guard !pattern.isEmpty, text.count >= pattern.count else { return String(self) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var start = 0
        text.withUnsafeBufferPointer { bytes in
            pattern.withUnsafeBufferPointer { needle in
                while start <= bytes.count - needle.count,
                    let found = UTF8Scan.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: bytes[start...]))
                {
                    out += bytes[start..<start + found]
                    out += replacement.utf8
                    start += found + needle.count
                }
            }
        }
        out += text[start...]
        return String(decoding: out, as: UTF8.self)
    }

    /// The text without leading and trailing white space: general category Zs and
    /// tab, with `newlines` also Z*, U+000A–U+000D and U+0085.
    public func trimmingWhitespace(newlines: Bool = false) -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first.isWhitespace(newlines: newlines) { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace(newlines: newlines) { scalars.removeLast() }
        return String(scalars)
    }
}

extension Unicode.Scalar {
    /// CharacterSet.whitespaces (`newlines` false) or .whitespacesAndNewlines.
    public func isWhitespace(newlines: Bool) -> Bool {
        if value == 0x09 || properties.generalCategory == .spaceSeparator { return true }
        guard newlines else { return false }
        switch properties.generalCategory {
        case .lineSeparator, .paragraphSeparator: return true
        default: return (0x0A...0x0D).contains(value) || value == 0x85
        }
    }
}
