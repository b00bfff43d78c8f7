// Values and strings: typed literals stay typed; strings keep their Go
// templates byte for byte; `\( )` and bare expressions become `{{ ... }}`.

import BlueprintSema
import BlueprintSyntax

extension Lowering {
    mutating func lowerKey(_ key: MapKey) -> String {
        switch key {
        case .identifier(let name): name.text
        case .string(let literal): lowerString(literal)
        }
    }

    /// An argument value of any shape.
    mutating func lowerValue(_ expr: Expr) -> KanisterValue {
        switch expr.kind {
        case .string(let literal): return .string(lowerString(literal))
        case .int(let text): return .int(text)
        case .float(let text): return .float(text)
        case .duration(let text): return .string(text)
        case .bool(let value): return .bool(value)
        case .null: return .null
        case .bash(let literal):
            var command = TemplateIdioms.bashPreambleValues
            command.append(.string(lowerString(literal)))
            return .list(command)
        case .list(let elements): return .list(elements.map { lowerValue($0) })
        case .map(let entries): return .map(lowerEntries(entries))
        case .parenthesized(let inner): return lowerValue(inner)
        case .identifier(let name):
            if case .constant(let decl) = resolve(name) {
                // A let lowers the same way throughout an action: lower it once.
                let key = LetKey(action: action?.name ?? "", name: name)
                if let cached = letValues[key] { return cached }
                let value = withLet(decl, fallback: .string("")) { $0.lowerValue(decl.value) }
                letValues[key] = value
                return value
            }
            return .string(interpolate(expr))
        case .error: return .null
        default: return .string(interpolate(expr))
        }
    }

    /// A value that must be a string (object fields, artifacts).
    mutating func lowerScalarString(_ expr: Expr) -> String {
        switch lowerValue(expr) {
        case .string(let text): return text
        case .int(let text), .float(let text): return text
        case .bool(let value): return value ? "true" : "false"
        case .null: return ""
        case .list, .map:
            report(.notAnOperand, "expected a string here, not a list or map", at: expr.range)
            return ""
        }
    }

    /// Expands `let` bodies with cycle detection.
    mutating func withLet<T>(_ decl: LetDecl, fallback: T, _ body: (inout Lowering) -> T) -> T {
        let name = decl.name.text
        guard !letStack.contains(name) else {
            report(.letCycle, "let '\(name)' refers to itself: \((letStack + [name]).joined(separator: " -> "))", at: decl.name.range)
            return fallback
        }
        guard letStack.count < SemanticChecker.maxLetDepth else {
            report(.letTooDeep, "lets nest more than \(SemanticChecker.maxLetDepth) deep at '\(name)'", at: decl.name.range)
            return fallback
        }
        letStack.append(name)
        defer { letStack.removeLast() }
        return body(&self)
    }

    /// The template text of a string literal.
    mutating func lowerString(_ literal: StringLiteral) -> String {
        // Plain text needs no pieces: joining one text piece gives it back.
        if literal.segments.count == 1, case .text(let text, _) = literal.segments[0] { return text }
        var pieces: [TextPiece] = []
        pieces.reserveCapacity(literal.segments.count)
        appendPieces(of: literal, to: &pieces)
        return TextPiece.join(pieces)
    }

    mutating func appendPieces(of literal: StringLiteral, to pieces: inout [TextPiece]) {
        for segment in literal.segments {
            switch segment {
            case .text(let text, _): pieces.append(TextPiece(text: text, isLiteral: false))
            case .literalText(let text, _): pieces.append(TextPiece(text: text, isLiteral: true))
            case .interpolation(let expr): appendInterpolation(expr, to: &pieces)
            }
        }
    }

    /// `\(expr)`: constants and string lets are spliced in; anything else is `{{ pipeline }}`.
    mutating func appendInterpolation(_ expr: Expr, to pieces: inout [TextPiece]) {
        switch expr.kind {
        case .string(let literal):
            appendPieces(of: literal, to: &pieces)
        case .int(let text), .float(let text), .duration(let text):
            pieces.append(TextPiece(text: text, isLiteral: true))
        case .bool(let value):
            pieces.append(TextPiece(text: value ? "true" : "false", isLiteral: true))
        case .parenthesized(let inner):
            appendInterpolation(inner, to: &pieces)
        case .identifier(let name):
            if case .constant(let decl) = resolve(name) {
                withLet(decl, fallback: ()) { $0.appendInterpolation(decl.value, to: &pieces) }
            } else {
                pieces.append(TextPiece(text: interpolate(expr), isLiteral: false))
            }
        default:
            pieces.append(TextPiece(text: interpolate(expr), isLiteral: false))
        }
    }

    /// The template for a non-literal expression: `{{ pipeline }}`, or the
    /// option-with-default idiom.
    mutating func interpolate(_ expr: Expr) -> String {
        // `Root.member` of a template root, the commonest template: spelled at once
        // (what `memberTerm` and `TemplateIdioms.action` would give).
        if case .member(let base, let member) = expr.kind, case .identifier(let root) = base.kind, !member.isQuoted,
            root != compensationName
        {
            let key = MemberKey(root: root, member: member.text)
            if let cached = memberTemplates[key] { return cached }
            if case .templateRoot = resolve(root), isGoIdentifier(member.text) {
                let template = FastText.concat("{{ .", root, ".", member.text, " }}")
                memberTemplates[key] = template
                return template
            }
        }
        if let option = optionDefault(expr) { return option }
        guard let pipeline = pipeline(expr) else { return "" }
        return TemplateIdioms.action(pipeline)
    }

    /// `option("name", default: "text")`: Kanister's idiom, byte for byte as the corpus writes it.
    mutating func optionDefault(_ expr: Expr) -> String? {
        guard case .call(let callee, let arguments) = expr.kind, case .identifier("option") = callee.kind,
            arguments.count == 2, arguments[1].label?.text == "default"
        else { return nil }
        guard let name = constantString(arguments[0].value), let fallback = constantString(arguments[1].value) else {
            report(.badOption, "option(name, default: text) takes constant strings", at: expr.range)
            return ""
        }
        let trimmed = fallback.trimming(" \t\n")
        if trimmed != fallback || fallback.containsTemplateOpen {
            report(.badOption, "an option's default must be text without surrounding spaces or templates", at: arguments[1].value.range)
        }
        return TemplateIdioms.optionWithDefault(name: name, fallback: fallback)
    }

    /// The text of an expression that is a constant string (lets followed).
    mutating func constantString(_ expr: Expr) -> String? {
        switch expr.kind {
        case .string(let literal):
            var pieces: [TextPiece] = []
            appendPieces(of: literal, to: &pieces)
            return pieces.allSatisfy({ $0.isLiteral || !$0.text.containsTemplateOpen }) ? TextPiece.join(pieces) : nil
        case .identifier(let name):
            guard case .constant(let decl) = resolve(name) else { return nil }
            return withLet(decl, fallback: nil) { $0.constantString(decl.value) }
        case .parenthesized(let inner): return constantString(inner)
        default: return nil
        }
    }
}

/// A run of output text; literal runs come from `\{`, constants and the like
/// and must never open a Go template.
struct TextPiece {
    var text: String
    var isLiteral: Bool

    /// Joins pieces, escaping a literal `{` that would touch another `{` as `{{"{"}}`.
    static func join(_ pieces: [TextPiece]) -> String {
        // Without a literal `{` (a byte search first; the loop below compares
        // characters) the pieces are copied as they are.
        if pieces.allSatisfy({ !$0.isLiteral || !$0.text.utf8.contains(UInt8(ascii: "{")) }) {
            return FastText.concat(pieces)
        }
        var output = ""
        // One piece is taken as it is; several are copied into one buffer.
        if pieces.count > 1 { output.reserveCapacity(pieces.reduce(0) { $0 + $1.text.utf8.count }) }
        for (index, piece) in pieces.enumerated() {
            guard piece.isLiteral, piece.text.contains("{") else {
                output += piece.text
                continue
            }
            let next = pieces[(index + 1)...].first { !$0.text.isEmpty }?.text.first
            let characters = Array(piece.text)
            for (position, character) in characters.enumerated() {
                let previous = position > 0 ? characters[position - 1] : output.last
                let following = position + 1 < characters.count ? characters[position + 1] : next
                if character == "{", previous == "{" || following == "{" {
                    output += "{{\"{\"}}"
                } else {
                    output.append(character)
                }
            }
        }
        return output
    }
}

/// Template spellings shared by the lowering and the importer, so that an
/// imported idiom compiles back to the same bytes.
public enum TemplateIdioms {
    /// `option("name", default: "text")`, as the Kanister corpus writes it.
    public static func optionWithDefault(name: String, fallback: String) -> String {
        let lookup = isGoIdentifier(name) ? ".Options.\(name)" : "index .Options \(goQuote(name))"
        return "{{if index .Options \(goQuote(name)) }} {{- \(lookup) -}} {{else -}} \(fallback) {{- end}}"
    }

    /// The preamble of the `bash """..."""` command sugar.
    public static let bashPreamble = ["bash", "-o", "errexit", "-o", "pipefail", "-c"]
    /// `bashPreamble` as argument values.
    static let bashPreambleValues = bashPreamble.map { KanisterValue.string($0) }

    /// `{{ PIPELINE }}`: how every expression outside a string is written.
    public static func action(_ pipeline: String) -> String { FastText.concat("{{ ", pipeline, " }}") }
}

/// `root.member` in a template, for the templates of template roots' members.
struct MemberKey: Hashable {
    var root: String
    var member: String
}

/// The key of a lowered let: the action and the let's name.
struct LetKey: Hashable {
    var action: String
    var name: String
}

/// String concatenation with one allocation and no interpolation machinery.
enum FastText {
    static func concat(_ parts: String...) -> String { join(parts) }

    static func concat(_ pieces: [TextPiece]) -> String {
        pieces.count == 1 ? pieces[0].text : join(pieces.lazy.map(\.text))
    }

    /// The parts one after the other, copied into one string of the exact size.
    static func join<Parts: Collection<String>>(_ parts: Parts) -> String {
        let total = parts.reduce(0) { $0 + $1.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            guard let base = buffer.baseAddress else { return 0 }
            var offset = 0
            for var part in parts {
                part.withUTF8 { bytes in
                    guard let source = bytes.baseAddress else { return }
                    (base + offset).update(from: source, count: bytes.count)
                    offset += bytes.count
                }
            }
            return offset
        }
    }
}

extension Lowering {
    /// A map's entries, lowered. Two keys that Sema saw as different (`"a-\\(x)"` and
    /// `"a-{{ .x }}"`) may lower to one YAML key, which Kanister's decoder refuses:
    /// the second is BP2034 here, the one pass every command runs after Sema.
    mutating func lowerEntries(_ entries: [MapEntry]) -> [KanisterEntry] {
        var seen: [String: SourceRange] = [:]
        var lowered: [KanisterEntry] = []
        lowered.reserveCapacity(entries.count)
        for entry in entries {
            let key = lowerKey(entry.key)
            if let first = seen[key] {
                report(
                    .duplicateKey, "key '\(key)' is given twice once written as YAML; Kanister's decoder refuses a duplicate key", at: entry.key.range,
                    notes: [DiagnosticNote("it is first given here", range: first)])
            } else {
                seen[key] = entry.key.range
            }
            lowered.append(KanisterEntry(key, lowerValue(entry.value)))
        }
        return lowered
    }
}
