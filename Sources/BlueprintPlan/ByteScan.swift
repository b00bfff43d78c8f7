// Byte searches over a string's contiguous UTF-8, specialized for the hot
// paths of plan building (every lowered template string is scanned once).

/// Plain byte searches; no Unicode folding, the same answers as the generic
/// `containsTemplateOpen` and `containsBytes` of BlueprintSyntax.
enum ByteScan {
    /// True when `text` holds both `{{` and `Phase`: only then can a template read a phase.
    static func mayReadPhase(_ text: String) -> Bool {
        // `{{` and `Phase` take seven bytes at least.
        guard text.utf8.count >= 7 else { return false }
        var text = text
        return text.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            return contains(phase, in: bytes) && contains(templateOpen, in: bytes)
        }
    }

    /// `Phase` and `{{` as bytes.
    static let phase = Array("Phase".utf8)
    static let templateOpen = Array("{{".utf8)

    /// True when `bytes` hold `pattern` (not empty).
    static func contains(_ pattern: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        var start = 0
        while let index = firstIndex(of: pattern[0], in: bytes, from: start) {
            guard index + pattern.count <= bytes.count else { return false }
            if pattern.indices.dropFirst().allSatisfy({ bytes[index + $0] == pattern[$0] }) { return true }
            start = index + 1
        }
        return false
    }

    /// The first position at or after `start` that holds `target`, eight bytes at a time.
    static func firstIndex(of target: UInt8, in bytes: UnsafeRawBufferPointer, from start: Int) -> Int? {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let pattern = UInt64(target) &* ones
        var index = start
        while index + 8 <= bytes.count {
            // A zero byte in `word` marks `target`; the lowest flagged byte is always a true match.
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) ^ pattern
            let found = (word &- ones) & ~word & (ones << 7)
            if found != 0 { return index + found.trailingZeroBitCount / 8 }
            index += 8
        }
        while index < bytes.count {
            if bytes[index] == target { return index }
            index += 1
        }
        return nil
    }
}
