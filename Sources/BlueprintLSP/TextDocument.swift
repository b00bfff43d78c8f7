// An open document: its URI, version and text as a SourceFile, and the one place
// where LSP positions (line, UTF-16 code unit) and byte offsets meet.

import BlueprintSyntax

/// An LSP position: a 0-based line and a character offset in UTF-16 code units.
public struct LSPPosition: Sendable, Equatable {
    public var line: Int
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    init?(_ json: JSONValue?) {
        guard let json, let line = json["line"]?.intValue, let character = json["character"]?.intValue else { return nil }
        self.init(line: line, character: character)
    }

    var json: JSONValue { .object([("line", .int(line)), ("character", .int(character))]) }
}

public struct TextDocument: Sendable {
    public let uri: String
    public let path: String
    public var version: Int
    public var languageID: String
    public private(set) var file: SourceFile

    public init(uri: String, version: Int, languageID: String, text: [UInt8]) {
        self.uri = uri
        self.path = DocumentURI.path(of: uri)
        self.version = version
        self.languageID = languageID
        self.file = SourceFile(path: path, bytes: text)
    }

    /// Kanister YAML rather than .bp source.
    public var isYAML: Bool {
        let lowered = path.lowercased()
        return lowered.hasSuffix(".yaml") || lowered.hasSuffix(".yml") || languageID == "yaml"
    }

    /// The byte offset of an LSP position; past the end of a line it is the line's end.
    public func offset(of position: LSPPosition) -> Int {
        let starts = file.lineStarts
        guard position.line >= 0 else { return 0 }
        guard position.line < starts.count else { return file.bytes.count }
        let lineEnd = endOfLineContent(position.line)
        var offset = starts[position.line]
        var units = 0
        let bytes = file.bytes
        while offset < lineEnd, units < position.character {
            let width = TextDocument.sequenceLength(bytes[offset])
            units += width == 4 ? 2 : 1
            offset = min(lineEnd, offset + width)
        }
        return offset
    }

    /// The LSP position of a byte offset (an offset inside a character counts as its start).
    public func position(of offset: Int) -> LSPPosition {
        let clamped = min(max(0, offset), file.bytes.count)
        let line = file.lineIndex(of: clamped)
        var index = file.lineStarts[line]
        var units = 0
        let bytes = file.bytes
        while index < clamped {
            let width = TextDocument.sequenceLength(bytes[index])
            if index + width > clamped { break }
            units += width == 4 ? 2 : 1
            index += width
        }
        return LSPPosition(line: line, character: units)
    }

    func range(_ range: SourceRange) -> JSONValue {
        .object([("start", position(of: range.start).json), ("end", position(of: range.end).json)])
    }

    func sourceRange(_ json: JSONValue?) -> SourceRange? {
        guard let start = LSPPosition(json?["start"]), let end = LSPPosition(json?["end"]) else { return nil }
        let lower = offset(of: start)
        return SourceRange(lower, max(lower, offset(of: end)))
    }

    /// The whole text as an LSP range.
    var fullRange: JSONValue { range(SourceRange(0, file.bytes.count)) }

    /// Where line `line`'s text ends (before LF, CR LF or CR).
    private func endOfLineContent(_ line: Int) -> Int {
        let starts = file.lineStarts
        guard line + 1 < starts.count else { return file.bytes.count }
        var end = starts[line + 1]
        let bytes = file.bytes
        if end > starts[line], bytes[end - 1] == 0x0A { end -= 1 }
        if end > starts[line], bytes[end - 1] == 0x0D { end -= 1 }
        return end
    }

    /// The length of the UTF-8 sequence a lead byte starts (1 for stray bytes).
    static func sequenceLength(_ byte: UInt8) -> Int {
        switch byte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }

    /// Applies one `contentChanges` entry: with a range, an incremental edit; without, the whole text.
    public mutating func apply(change: JSONValue) -> Bool {
        guard let text = change["text"]?.stringValue else { return false }
        guard let rangeJSON = change["range"], rangeJSON != .null else {
            file = SourceFile(path: path, bytes: Array(text.utf8))
            return true
        }
        guard let range = sourceRange(rangeJSON) else { return false }
        var bytes = file.bytes
        bytes.replaceSubrange(range.start..<range.end, with: text.utf8)
        file = SourceFile(path: path, bytes: bytes)
        return true
    }
}

/// `file://` URIs and paths, percent-decoded and encoded (RFC 3986), without Foundation.
public enum DocumentURI {
    public static func path(of uri: String) -> String {
        guard uri.hasPrefix("file://") else { return uri }
        var rest = Substring(uri.dropFirst("file://".count))
        // file://host/path: a host other than localhost is kept out of the path.
        if !rest.hasPrefix("/"), let slash = rest.firstIndex(of: "/") { rest = rest[slash...] }
        return percentDecoded(rest)
    }

    public static func uri(of path: String) -> String {
        var out = "file://"
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "/"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return out
    }

    static func percentDecoded(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let value = UInt8(String(decoding: utf8[(index + 1)...(index + 2)], as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
