// SourceFile keeps the bytes of one input and a line-start table; positions are
// byte offsets, and line/column are computed on demand (Go's go/token model).

/// A half-open byte range `[start, end)` into one `SourceFile`.
public struct SourceRange: Sendable, Equatable, Hashable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(_ start: Int, _ end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    public var length: Int { end - start }
    public var description: String { "\(start)..<\(end)" }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(min(start, other.start), max(end, other.end))
    }
}

/// A 1-based line and column (the column counts bytes, as gcc and Go do).
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var description: String { "\(line):\(column)" }
}

/// One input file: its path as given by the user and its exact bytes.
public struct SourceFile: Sendable {
    public let path: String
    public let bytes: [UInt8]
    /// Offsets at which each line starts; a line ends at LF (CR LF is one end).
    public let lineStarts: [Int]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = Self.lineStarts(of: bytes)
    }

    /// Where each line starts. A line ends at LF, at CR LF, or at a lone CR: as
    /// the lexer counts them.
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            for index in 0..<count {
                let byte = buffer[index]
                guard byte <= 0x0D else { continue }
                if byte == 0x0A || (byte == 0x0D && (index + 1 == count || buffer[index + 1] != 0x0A)) {
                    starts.append(index + 1)
                }
            }
        }
        return starts
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The 0-based index of the line holding `offset` (binary search).
    public func lineIndex(of offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    public func location(of offset: Int) -> SourcePosition {
        let line = lineIndex(of: offset)
        return SourcePosition(line: line + 1, column: offset - lineStarts[line] + 1)
    }

    /// The bytes of line `index` (0-based) without its line end (LF, CR LF or CR).
    public func lineBytes(_ index: Int) -> ArraySlice<UInt8> {
        guard index >= 0, index < lineStarts.count else { return [] }
        let start = lineStarts[index]
        guard index + 1 < lineStarts.count else { return bytes[start..<max(start, bytes.count)] }
        var end = lineStarts[index + 1] - 1
        if bytes[end] == 0x0A, end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<max(start, end)]
    }

    /// The text of a range, invalid UTF-8 repaired with U+FFFD.
    public func text(_ range: SourceRange) -> String {
        let lower = min(max(0, range.start), bytes.count)
        let upper = min(max(lower, range.end), bytes.count)
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

extension StringProtocol {
    /// True when the text holds `{{`, the start of a Go template action (a byte
    /// scan, no Foundation; inlinable, so it is specialized for String and Substring).
    @inlinable
    public var containsTemplateOpen: Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ UTF8Scan.containsTemplateOpen($0) }) { return found }
        var copy = String(self)
        return copy.withUTF8 { UTF8Scan.containsTemplateOpen($0) }
    }

    /// A plain byte search for `needle` (no Foundation, no Unicode folding).
    @inlinable
    public func containsBytes(_ needle: String) -> Bool {
        firstUTF8Offset(of: needle) != nil
    }

    /// The UTF-8 offset where `needle` first occurs, by bytes (no Foundation).
    @inlinable
    public func firstUTF8Offset(of needle: String) -> Int? {
        var needle = needle
        return needle.withUTF8 { pattern in
            if let found = utf8.withContiguousStorageIfAvailable({ UTF8Scan.firstIndex(of: pattern, in: $0) }) { return found }
            var copy = String(self)
            return copy.withUTF8 { UTF8Scan.firstIndex(of: pattern, in: $0) }
        }
    }
}

/// Byte scans over contiguous UTF-8, shared by the string helpers.
public enum UTF8Scan {
    /// True when `bytes` holds two consecutive `{`.
    @inlinable
    public static func containsTemplateOpen(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 2, let base = bytes.baseAddress else { return false }
        // Look at every second byte: a `{{` always covers one of them.
        var index = 1
        let count = bytes.count
        while index < count {
            if base[index] == 0x7B {
                if base[index - 1] == 0x7B || (index + 1 < count && base[index + 1] == 0x7B) { return true }
            }
            index &+= 2
        }
        return false
    }

    /// True when `haystack` holds `needle` as a byte sequence.
    @inlinable
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        firstIndex(of: needle, in: haystack) != nil
    }

    /// Where `needle` first occurs in `haystack` as a byte sequence (0 for an empty needle).
    @inlinable
    public static func firstIndex(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        let count = needle.count
        guard count > 0 else { return 0 }
        guard count <= haystack.count, let base = haystack.baseAddress, let pattern = needle.baseAddress else { return nil }
        let last = haystack.count - count
        var index = 0
        while let found = firstIndex(of: pattern[0], in: haystack, from: index), found <= last {
            var matched = 1
            while matched < count, base[found + matched] == pattern[matched] { matched += 1 }
            if matched == count { return found }
            index = found + 1
        }
        return nil
    }

    /// The first position at or after `start` that holds `target`, eight bytes at a time.
    @inlinable
    public static func firstIndex(of target: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let index = firstIndex(
            in: bytes, from: start, to: bytes.count, mayStop: { matches(target, in: $0) }, isStop: { $0 == target })
        return index < bytes.count ? index : nil
    }

    /// The first position in `start..<end` whose byte satisfies `isStop`, or `end`.
    /// Words of eight bytes for which `mayStop` is false are skipped whole;
    /// `mayStop` must be true for every word that holds a stop byte.
    @inlinable @inline(__always)
    public static func firstIndex(
        in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, mayStop: (UInt64) -> Bool,
        isStop: (UInt8) -> Bool
    ) -> Int {
        guard let base = bytes.baseAddress else { return start }
        let raw = UnsafeRawPointer(base)
        var index = start
        while index + 8 <= end {
            if mayStop(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))) { break }
            index += 8
        }
        while index < end, !isStop(base[index]) { index += 1 }
        return index
    }

    /// True when some byte of `word` may be `byte`: never false when one is (a
    /// byte after a match may show up as one too).
    @inlinable @inline(__always)
    public static func matches(_ byte: UInt8, in word: UInt64) -> Bool {
        let bits = word ^ (0x0101_0101_0101_0101 &* UInt64(byte))
        return (bits &- 0x0101_0101_0101_0101) & ~bits & 0x8080_8080_8080_8080 != 0
    }
}

extension StringProtocol {
    /// The text without leading and trailing characters from `characters`
    /// (by Unicode scalar; no Foundation).
    public func trimming(_ characters: String) -> String {
        let set = Set(characters.unicodeScalars)
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, set.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, set.contains(last) { scalars.removeLast() }
        return String(scalars)
    }
}
