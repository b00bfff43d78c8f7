// Fix-its that add a declaration to the action being checked: `input X`,
// `secret X`, `configmap X` on a line of their own, after the action's others of
// that kind or before its first item (the language server offers them as quick fixes).

import BlueprintSyntax

extension SemanticChecker {
    /// Inserts `keyword name` on a line of its own: after the action's last
    /// declaration of that keyword, else before its first item, indented as that
    /// item is. None in a module built from YAML, for a name that is not a plain
    /// identifier, or when that item does not start its own line.
    func declarationFixIt(_ keyword: String, _ name: String) -> FixIt? {
        guard !main.leavesUnproducedInputsOpen, Name.spelling(of: name) == name, let action = context.action,
            let first = action.decl.items.first.map(Self.range(of:))
        else { return nil }
        let bytes = main.file.bytes
        let sameKind = action.decl.items.last { item in
            switch item {
            case .input: keyword == "input"
            case .secret: keyword == "secret"
            case .configMap: keyword == "configmap"
            default: false
            }
        }
        let anchor = sameKind.map(Self.range(of:)) ?? first
        guard anchor.end <= bytes.count else { return nil }
        var lineStart = anchor.start
        while lineStart > 0, bytes[lineStart - 1] != UInt8(ascii: "\n") { lineStart -= 1 }
        let indent = bytes[lineStart..<anchor.start]
        guard indent.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return nil }
        var at = lineStart
        if sameKind != nil {
            // The start of the line after the declaration, which must end its line (a comment may follow it).
            guard let newline = bytes[anchor.end...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let rest = bytes[anchor.end..<newline].drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            guard rest.isEmpty || rest.first == UInt8(ascii: "#") || rest.elementsEqual([UInt8(ascii: "\r")]) else { return nil }
            at = newline + 1
        }
        let replacement = String(decoding: indent, as: UTF8.self) + keyword + " " + name + "\n"
        return FixIt(range: SourceRange(at, at), replacement: replacement)
    }

    static func range(of item: ActionItem) -> SourceRange {
        switch item {
        case .input(let list), .secret(let list), .configMap(let list): list.range
        case .output(let output): output.range
        case .phase(let phase), .finally(let phase): phase.range
        case .parallel(let group): group.range
        case .constant(let decl): decl.range
        case .error(let range): range
        }
    }
}
