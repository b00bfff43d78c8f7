// How the importer spells things in .bp: names, keys, string literals (plain,
// escaped, raw or multi-line, whichever keeps the exact bytes most readably)
// and scalars by their YAML 1.1 type.

import BlueprintSema
import BlueprintSyntax

enum BPSourceText {
    /// An identifier when the grammar allows one, else a quoted string.
    static func name(_ text: String) -> String {
        isIdentifier(text) ? text : quoted(text)
    }

    /// Whether a `let` of this name reads back as that let: an identifier that is
    /// not a literal (`true`, `false`, `null`), a template parameter or a function.
    static func isLetName(_ text: String) -> Bool {
        isIdentifier(text) && !["true", "false", "null"].contains(text) && !KanisterCatalog.shared.templateRoots.contains(text)
            && !TemplateFunctions.kanister.contains(text)
    }

    static func isIdentifier(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, isLetter(first) else { return false }
        var index = 1
        while index < bytes.count {
            let byte = bytes[index]
            if isLetter(byte) || isDigitByte(byte) {
                index += 1
            } else if byte == UInt8(ascii: "-"), index + 1 < bytes.count, isLetter(bytes[index + 1]) || isDigitByte(bytes[index + 1]) {
                index += 2
            } else {
                return false
            }
        }
        return true
    }

    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A || byte == 0x5F
    }

    static func isDigitByte(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// A string literal whose decoded value is exactly `text`.
    static func literal(_ text: String, indent: Int) -> String {
        let hasControl = text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\t" && $0 != "\n") || $0.value == 0x7F }
        if text.containsBytes("\n"), !hasControl {
            return multiline(text, indent: indent)
        }
        if !hasControl, !text.containsBytes("\n"), text.containsBytes("\\") || text.containsBytes("\"") {
            return raw(text)
        }
        return quoted(text)
    }

    /// `"..."` with escapes.
    static func quoted(_ text: String) -> String { StringLiteral.quote(text) }

    /// The fewest `#` such that neither `"#...` nor `\#...` occurs in `text`.
    static func hashCount(for text: String, quote: String) -> Int {
        var count = 1
        while text.containsBytes(quote + String(repeating: "#", count: count))
            || text.containsBytes("\\" + String(repeating: "#", count: count))
        {
            count += 1
        }
        return count
    }

    /// `#"..."#`: backslashes and quotes stay as they are.
    static func raw(_ text: String) -> String {
        let hashes = String(repeating: "#", count: hashCount(for: text, quote: "\""))
        return "\(hashes)\"\(text)\"\(hashes)"
    }

    /// `"""` block, raw when the text has backslashes; a final line without
    /// a line feed ends in a joining backslash.
    static func multiline(_ text: String, indent: Int) -> String {
        let isRaw = text.containsBytes("\\")
        let hashes = isRaw ? String(repeating: "#", count: hashCount(for: text, quote: "\"\"\"")) : ""
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(Substring($0)) }
        let endsWithNewline = lines.last == ""
        if endsWithNewline { lines.removeLast() }
        let pad = String(repeating: "  ", count: indent + 1)
        var out = "\(hashes)\"\"\"\n"
        for (index, line) in lines.enumerated() {
            let body = isRaw || !line.containsBytes("\"\"\"") ? line : line.replacingBytes(of: "\"\"\"", with: "\\\"\"\"")
            out += body.isEmpty ? "" : pad + body
            if index == lines.count - 1, !endsWithNewline { out += "\\" + hashes }
            out += "\n"
        }
        return out + pad + "\"\"\"" + hashes
    }

    /// A scalar as .bp: bools, nulls and numbers typed as YAML 1.1 reads them.
    static func scalar(_ node: YAMLScalar, indent: Int) -> String {
        switch node.resolved {
        case .bool: return YAMLResolved.boolValue(ofPlain: node.value) == true ? "true" : "false"
        case .null: return "null"
        case .int: return integer(node.value) ?? literal(node.value, indent: indent)
        case .float: return float(node.value) ?? literal(node.value, indent: indent)
        case .string: return literal(node.value, indent: indent)
        }
    }

    /// A YAML 1.1 integer as decimal text: underscores dropped (as go-yaml
    /// does), then Go's ParseInt(s, 0, 64).
    static func integer(_ text: String) -> String? {
        GoInteger.parse(text.filter { $0 != "_" }).map { String($0) }
    }

    /// A float literal the .bp lexer reads (digits '.' digits, optional exponent).
    static func float(_ text: String) -> String? {
        guard let value = Double(text.filter { $0 != "_" }), value.isFinite else { return nil }
        // Spelled as .bp spells a float already (`1e3`, `2.50`): kept, so the compiler writes it back as it was.
        let tokens = Lexer.tokenize(Array(text.utf8)).tokens
        if tokens.count == 2, tokens[0].kind == .float, tokens[0].range == SourceRange(0, text.utf8.count) { return text }
        let spelled = "\(value)"
        if spelled.contains(".") { return spelled }
        return spelled.contains("e") ? spelled.replacingBytes(of: "e", with: ".0e") : nil
    }
}
