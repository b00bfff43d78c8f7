// JSON-RPC base protocol framing: `Content-Length: N\r\n\r\n` then N bytes of
// JSON. The reader takes bytes as they come and hands out whole message bodies.

import BlueprintSyntax

/// One framed unit read from the stream.
public enum FramedMessage: Sendable, Equatable {
    case body([UInt8])
    /// A header the server cannot use (no Content-Length, a bad number); it was skipped.
    case badHeader(String)
}

/// Accumulates input bytes and cuts them into messages.
public struct MessageReader: Sendable {
    private var buffer: [UInt8] = []
    private var start = 0
    /// Largest body accepted; a larger one is skipped and reported.
    public static let maxBodyLength = 512 << 20
    /// Longest header block before the reader gives up on finding its end.
    public static let maxHeaderLength = 64 << 10
    private var skipping = 0

    public init() {}

    public mutating func append(_ bytes: some Collection<UInt8>) {
        if start > 0, start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
        buffer.append(contentsOf: bytes)
    }

    /// The next complete message, or nil until more bytes arrive.
    public mutating func next() -> FramedMessage? {
        if skipping > 0 {
            let available = min(skipping, buffer.count - start)
            start += available
            skipping -= available
            if skipping > 0 { return nil }
        }
        guard let end = headerEnd() else {
            if buffer.count - start > MessageReader.maxHeaderLength {
                start = buffer.count
                return .badHeader("no end of header within \(MessageReader.maxHeaderLength) bytes")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        let bodyStart = end + 4
        guard let length = MessageReader.contentLength(in: header) else {
            start = bodyStart
            return .badHeader("header without a valid Content-Length")
        }
        guard length <= MessageReader.maxBodyLength else {
            start = bodyStart
            skipping = length
            return .badHeader("message of \(length) bytes is larger than \(MessageReader.maxBodyLength)")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .body(body)
    }

    /// Where `\r\n\r\n` starts after `start`.
    private func headerEnd() -> Int? {
        var index = start
        let count = buffer.count
        while index + 3 < count {
            if buffer[index] == 0x0D, buffer[index + 1] == 0x0A, buffer[index + 2] == 0x0D, buffer[index + 3] == 0x0A {
                return index
            }
            index += 1
        }
        return nil
    }

    static func contentLength(in header: String) -> Int? {
        // Bytes before the field (junk the client wrote unframed) are skipped with it.
        for line in header.split(separator: "\r\n") {
            let lowered = line.lowercased()
            guard let found = lowered.firstUTF8Offset(of: "content-length:") else { continue }
            let value = lowered.utf8.dropFirst(found + "content-length:".utf8.count)
            guard let length = Int(String(decoding: value, as: UTF8.self).trimming(" \t")), length >= 0 else { return nil }
            return length
        }
        return nil
    }

    /// The bytes of one message on the wire.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
