// YAMLOffsetMap turns libyaml's character indexes into byte offsets: by a walk
// over UTF-8, or at once when the file is ASCII; both must give the same offsets.

import Testing

@testable import KanisterYAML

@Suite struct YAMLOffsetMapTests {
    /// The byte offset of character `target` by counting lead bytes, as a reference.
    static func walked(_ bytes: [UInt8], _ target: Int) -> Int {
        let base = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var characters = 0
        var offset = base
        while characters < target, offset < bytes.count {
            offset += 1
            while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            characters += 1
        }
        return min(offset, bytes.count)
    }

    @Test(arguments: ["key: value\nlist: [a, b]\n", "\u{FEFF}bom: ascii after it\n", "é: ü\n- ✓ 𝄞 x\n", "\u{FEFF}ß\n", ""])
    func offsetsMatchAWalk(_ text: String) {
        let bytes = Array(text.utf8)
        // In order, backwards and jumping: the map keeps a cursor.
        let targets = Array(0...(bytes.count + 2)) + Array((0...(bytes.count + 2)).reversed()) + [3, 0, 7, 1]
        var map = YAMLOffsetMap(bytes: bytes)
        for target in targets {
            #expect(map.offset(ofCharacter: target) == YAMLOffsetMapTests.walked(bytes, target), "character \(target) of \(text.debugDescription)")
        }
    }

    @Test func asciiIsFoundEightBytesAtATime() {
        let ascii = Array(String(repeating: "abcdefg\n", count: 9).utf8)
        #expect(YAMLOffsetMap.isASCII(ascii, from: 0))
        for position in ascii.indices {
            var bytes = ascii
            bytes[position] = 0xC3
            #expect(!YAMLOffsetMap.isASCII(bytes, from: 0), "high byte at \(position)")
        }
    }
}
