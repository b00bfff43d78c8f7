// Go's path package (slash-separated paths) for sprig's base, dir, ext and clean:
// byte-for-byte ports of path.Base, path.Dir, path.Ext and path.Clean.

enum GoPath {
    static func base(_ path: String) -> String {
        var bytes = Array(path.utf8)
        if bytes.isEmpty { return "." }
        while bytes.last == UInt8(ascii: "/") { bytes.removeLast() }
        if let slash = bytes.lastIndex(of: UInt8(ascii: "/")) { bytes.removeSubrange(...slash) }
        return bytes.isEmpty ? "/" : String(decoding: bytes, as: UTF8.self)
    }

    static func dir(_ path: String) -> String {
        let bytes = Array(path.utf8)
        let end = (bytes.lastIndex(of: UInt8(ascii: "/")) ?? -1) + 1
        return clean(String(decoding: bytes[..<end], as: UTF8.self))
    }

    static func ext(_ path: String) -> String {
        let bytes = Array(path.utf8)
        var index = bytes.count - 1
        while index >= 0 && bytes[index] != UInt8(ascii: "/") {
            if bytes[index] == UInt8(ascii: ".") { return String(decoding: bytes[index...], as: UTF8.self) }
            index -= 1
        }
        return ""
    }

    static func clean(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        let dot = UInt8(ascii: ".")
        let bytes = Array(path.utf8)
        if bytes.isEmpty { return "." }
        let rooted = bytes[0] == slash
        let count = bytes.count
        var out: [UInt8] = []
        var read = 0
        var dotdot = 0
        if rooted {
            out.append(slash)
            read = 1
            dotdot = 1
        }
        while read < count {
            if bytes[read] == slash {
                read += 1
            } else if bytes[read] == dot && (read + 1 == count || bytes[read + 1] == slash) {
                read += 1
            } else if bytes[read] == dot && bytes[read + 1] == dot && (read + 2 == count || bytes[read + 2] == slash) {
                read += 2
                if out.count > dotdot {
                    var end = out.count - 1
                    while end > dotdot && out[end] != slash { end -= 1 }
                    out.removeSubrange(end...)
                } else if !rooted {
                    if !out.isEmpty { out.append(slash) }
                    out += [dot, dot]
                    dotdot = out.count
                }
            } else {
                if rooted && out.count != 1 || !rooted && !out.isEmpty { out.append(slash) }
                while read < count && bytes[read] != slash {
                    out.append(bytes[read])
                    read += 1
                }
            }
        }
        return out.isEmpty ? "." : String(decoding: out, as: UTF8.self)
    }
}
