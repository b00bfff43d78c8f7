// Converts libyaml's character index (it counts Unicode characters, not bytes) into
// byte offsets, with a cursor that moves from the last mark, so converting is linear.

struct YAMLOffsetMap {
    private let bytes: [UInt8]
    /// Where character 0 starts: libyaml skips a UTF-8 byte order mark.
    private let base: Int
    private var charIndex = 0
    private var byteOffset: Int

    /// True when every byte after `base` is ASCII: a character index is then a byte offset.
    private let isASCII: Bool

    init(bytes: [UInt8]) {
        self.bytes = bytes
        base = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        byteOffset = base
        isASCII = Self.isASCII(bytes, from: base)
    }

    /// One pass, eight bytes at a time: no byte has its high bit set.
    static func isASCII(_ bytes: [UInt8], from start: Int) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let pointer = buffer.baseAddress, start <= buffer.count else { return true }
            let raw = UnsafeRawPointer(pointer)
            var index = start
            var bits: UInt64 = 0
            while index + 8 <= buffer.count {
                bits |= raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                index += 8
            }
            while index < buffer.count {
                bits |= UInt64(buffer[index])
                index += 1
            }
            return bits & 0x8080_8080_8080_8080 == 0
        }
    }

    /// The mark for libyaml's (character index, line, column).
    mutating func mark(index: Int, line: Int, column: Int) -> YAMLMark {
        YAMLMark(offset: offset(ofCharacter: index), line: line, column: column)
    }

    mutating func offset(ofCharacter target: Int) -> Int {
        // What the walk below gives when every character is one byte.
        if isASCII { return min(max(base + target, base), bytes.count) }
        while charIndex < target, byteOffset < bytes.count {
            byteOffset += Self.width(ofLead: bytes[byteOffset])
            charIndex += 1
        }
        while charIndex > target, byteOffset > base {
            byteOffset -= 1
            while byteOffset > base, bytes[byteOffset] & 0xC0 == 0x80 { byteOffset -= 1 }
            charIndex -= 1
        }
        return min(byteOffset, bytes.count)
    }

    /// The 0-based line and character column of a byte offset (for reader errors,
    /// which libyaml reports as a byte offset only).
    func lineAndColumn(ofByte offset: Int) -> (line: Int, column: Int) {
        var line = 0
        var column = 0
        var index = base
        let limit = min(offset, bytes.count)
        while index < limit {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return (line, column)
    }

    private static func width(ofLead byte: UInt8) -> Int {
        switch byte {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }
}
