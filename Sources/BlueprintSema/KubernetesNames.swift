// The syntax Kubernetes (and Kanister's Validate, before rendering) holds label
// and annotation keys and label values to: kcheck's regular expressions, as byte checks.

public enum KubernetesNames {
    /// `[prefix/]name`: an optional DNS subdomain (at most 253 bytes) and a name part
    /// of at most 63 bytes matching `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
    public static func isQualifiedName(_ text: String) -> Bool {
        let parts = text.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        switch parts.count {
        case 1: return isNamePart(parts[0])
        case 2:
            let prefix = parts[0]
            guard !prefix.isEmpty, prefix.count <= 253, isDNSSubdomain(prefix) else { return false }
            return isNamePart(parts[1])
        default: return false
        }
    }

    /// A label value: empty, or at most 63 bytes matching the name part's pattern.
    public static func isLabelValue(_ text: String) -> Bool {
        let bytes = text.utf8[...]
        return bytes.isEmpty || (bytes.count <= 63 && matchesNamePattern(bytes))
    }

    static func isNamePart(_ bytes: Substring.UTF8View) -> Bool {
        !bytes.isEmpty && bytes.count <= 63 && matchesNamePattern(bytes)
    }

    /// `^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`
    static func matchesNamePattern<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        guard let first = bytes.first, let last = bytes.last, isAlphanumeric(first), isAlphanumeric(last) else { return false }
        return bytes.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: ".") }
    }

    /// `^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`
    static func isDNSSubdomain<Bytes: BidirectionalCollection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false).allSatisfy { label in
            guard let first = label.first, let last = label.last, isLowerAlphanumeric(first), isLowerAlphanumeric(last) else { return false }
            return label.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
        }
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
