// Go template actions as .bp expressions, for the idiomatic import: a string's
// `{{ pipeline }}` becomes `\(expr)` (a whole-string one, a bare expression) only
// when the lowering spells `expr` back as exactly that pipeline (`TemplateTerm`).

import BlueprintSema
import BlueprintSyntax

/// A pipeline of the forms the lowering writes (`Lowering+Templates`), with its
/// Go spelling (which must equal the source) and its .bp spelling.
indirect enum TemplateTerm {
    case chain(go: String, bp: String)
    case index(base: TemplateTerm, keys: [TemplateTerm])
    case call(name: String, arguments: [TemplateTerm])
    case pipe(TemplateTerm, TemplateTerm)
    case atom(go: String, bp: String)

    /// As `GoTerm.operand` spells it.
    var goOperand: String {
        switch self {
        case .chain(let go, _), .atom(let go, _): go
        case .call(let name, let arguments) where arguments.isEmpty: "(\(name))"
        case .index, .call, .pipe: "(\(goPipeline))"
        }
    }

    /// As `GoTerm.pipeline` spells it.
    var goPipeline: String {
        switch self {
        case .chain(let go, _), .atom(let go, _): go
        case .index(let base, let keys): (["index", base.goOperand] + keys.map(\.goOperand)).joined(separator: " ")
        case .call(let name, let arguments): ([name] + arguments.map(\.goOperand)).joined(separator: " ")
        case .pipe(let left, let right): "\(left.goPipeline) | \(right.goPipeline)"
        }
    }

    var bp: String {
        switch self {
        case .chain(_, let bp), .atom(_, let bp):
            return bp
        case .index(let base, let keys):
            let subscripts = keys.map { "[\($0.bp)]" }.joined()
            if case .pipe = base { return "(\(base.bp))" + subscripts }
            return base.bp + subscripts
        case .call(let name, let arguments):
            return "\(name)(\(arguments.map(\.bp).joined(separator: ", ")))"
        case .pipe(let left, let right):
            if case .call(let name, let arguments) = right, arguments.isEmpty { return "\(left.bp) | \(name)" }
            return "\(left.bp) | \(right.bp)"
        }
    }

    var isIndex: Bool {
        if case .index = self { return true }
        return false
    }

    var isAtom: Bool {
        if case .atom = self { return true }
        return false
    }
}

extension ImportWriter {
    /// `text` as a .bp value whose templates are expressions where the lowering
    /// writes them back byte for byte; nil when nothing converts.
    mutating func interpolatedLiteral(_ text: String) -> String? {
        let runSpans = idioms.runSpans(of: text)
        guard text.containsTemplateOpen || !runSpans.isEmpty else { return nil }
        let actions = text.containsTemplateOpen ? ImportWriter.templateActions(text) ?? [] : []
        var readsContext = false
        // Shared runs of lines, and the templates outside them that convert, in order.
        var spans: [(range: Range<String.UTF8View.Index>, expression: String)] = runSpans.map { ($0.range, $0.name) }
        for action in actions where !runSpans.contains(where: { $0.range.overlaps(action) }) {
            guard let term = templateTerm(String(text.utf8[action]) ?? "", readsContext: &readsContext) else { continue }
            spans.append((action, term.bp))
        }
        spans.sort { $0.range.lowerBound < $1.range.lowerBound }
        var parts: [(text: Substring, expression: String?)] = []
        var index = text.utf8.startIndex
        var converted = 0
        for span in spans {
            parts.append((Substring(text.utf8[index..<span.range.lowerBound]), nil))
            parts.append(("", span.expression))
            index = span.range.upperBound
            converted += 1
        }
        guard converted > 0 else { return nil }
        parts.append((Substring(text.utf8[index...]), nil))
        if readsContext { idioms.contextUses += 1 }
        if parts.count == 3, parts[0].text.isEmpty, parts[2].text.isEmpty, let whole = parts[1].expression { return whole }
        // Placeholders no text holds and no quoting changes, replaced by the interpolations.
        let marker = "\u{E000}"
        guard !ImportWriter.holds(text, marker) else { return nil }
        let plain = parts.map { $0.expression == nil ? String($0.text) : marker }.joined()
        let literal = BPSourceText.literal(plain, indent: indent)
        let hashes = String(literal.prefix { $0 == "#" })
        let expressions = parts.compactMap(\.expression)
        let pieces = ImportWriter.pieces(of: literal, between: marker)
        guard pieces.count == expressions.count + 1 else { return nil }
        var result = String(pieces[0])
        for (expression, piece) in zip(expressions, pieces.dropFirst()) {
            result += "\\\(hashes)(\(expression))" + piece
        }
        return result
    }

    /// Whether `text` holds the bytes of `part` (a search by Characters took a
    /// twentieth of an import).
    static func holds(_ text: String, _ part: String) -> Bool {
        var text = text
        var part = part
        return text.withUTF8 { haystack in part.withUTF8 { UTF8Scan.contains(haystack, $0) } }
    }

    /// The parts of `text` between occurrences of `separator` (not empty), found
    /// as bytes: one part when there is none.
    static func pieces(of text: String, between separator: String) -> [String] {
        var text = text
        var separator = separator
        return text.withUTF8 { haystack in
            separator.withUTF8 { needle in
                var pieces: [String] = []
                var start = 0
                while !needle.isEmpty, let found = UTF8Scan.firstIndex(of: needle, in: UnsafeBufferPointer(rebasing: haystack[start...])) {
                    pieces.append(String(decoding: UnsafeBufferPointer(rebasing: haystack[start..<(start + found)]), as: UTF8.self))
                    start += found + needle.count
                }
                pieces.append(String(decoding: UnsafeBufferPointer(rebasing: haystack[start...]), as: UTF8.self))
                return pieces
            }
        }
    }

    /// The ranges of the `{{ ... }}` actions, or nil when the text has control
    /// actions or variables (a run of text between interpolations must be a whole template).
    static func templateActions(_ text: String) -> [Range<String.UTF8View.Index>]? {
        let bytes = text.utf8
        var actions: [Range<String.UTF8View.Index>] = []
        var index = bytes.startIndex
        while let open = ImportWriter.templateOpen(in: bytes, from: index) {
            var cursor = open.upperBound
            var quote: UInt8?
            var close: String.UTF8View.Index?
            while cursor < bytes.endIndex {
                let byte = bytes[cursor]
                if let open = quote {
                    if byte == UInt8(ascii: "\\"), open == UInt8(ascii: "\"") {
                        cursor = bytes.index(after: cursor)
                    } else if byte == open {
                        quote = nil
                    }
                } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "'") {
                    quote = byte
                } else if byte == UInt8(ascii: "}"), bytes.index(after: cursor) < bytes.endIndex, bytes[bytes.index(after: cursor)] == UInt8(ascii: "}") {
                    close = bytes.index(cursor, offsetBy: 2)
                    break
                }
                if cursor < bytes.endIndex { cursor = bytes.index(after: cursor) }
            }
            guard let close else { return nil }
            let inner = String(Substring(bytes[open.upperBound..<bytes.index(close, offsetBy: -2)])).trimmingSpacesAndDashes
            // The checker reads each run of text between interpolations as a template of its own.
            for keyword in ["if", "else", "end", "range", "with", "define", "template", "block", "break", "continue", "/*"]
            where inner.hasPrefix(keyword) {
                return nil
            }
            if inner.contains("$") { return nil }
            actions.append(open.lowerBound..<close)
            index = close
        }
        return actions
    }

    /// The next `{{` from `start` (a plain scan: the generic substring search costs
    /// several times more on the long scripts of real blueprints).
    static func templateOpen(in bytes: String.UTF8View, from start: String.UTF8View.Index) -> Range<String.UTF8View.Index>? {
        var cursor = start
        while cursor < bytes.endIndex {
            let next = bytes.index(after: cursor)
            if bytes[cursor] == UInt8(ascii: "{"), next < bytes.endIndex, bytes[next] == UInt8(ascii: "{") {
                return cursor..<bytes.index(after: next)
            }
            cursor = next
        }
        return nil
    }

    /// The term of `{{ P }}` (single spaces, no trim markers) when the lowering spells it back as `P`.
    func templateTerm(_ action: String, readsContext: inout Bool) -> TemplateTerm? {
        guard action.hasPrefix("{{ "), action.hasSuffix(" }}"), action.utf8.count > 6 else { return nil }
        let pipeline = String(action.dropFirst(3).dropLast(3))
        guard let first = pipeline.utf8.first, first != UInt8(ascii: " "), first != UInt8(ascii: "-"),
            pipeline.utf8.last != UInt8(ascii: " "), pipeline.utf8.last != UInt8(ascii: "-")
        else { return nil }
        var parser = TemplateTermParser(tokens: TemplateTermParser.tokens(pipeline) ?? [], writer: self)
        guard !parser.tokens.isEmpty, let term = parser.pipeline(), parser.isAtEnd, !term.isAtom, term.goPipeline == pipeline else { return nil }
        readsContext = readsContext || parser.readsContext
        return term
    }
}

/// A recursive-descent reader of the pipelines the lowering writes.
struct TemplateTermParser {
    var tokens: [String]
    let writer: ImportWriter
    var position = 0
    var readsContext = false

    var isAtEnd: Bool { position == tokens.count }

    /// Splits on spaces, keeping `"..."` strings, `(`, `)` and `|` apart.
    static func tokens(_ text: String) -> [String]? {
        var tokens: [String] = []
        var current = ""
        var inString = false
        for character in text {
            if inString {
                current.append(character)
                if character == "\"" { inString = false }
                if character == "\\" { return nil }
                continue
            }
            switch character {
            case "\"":
                current.append(character)
                inString = true
            case " ":
                if !current.isEmpty { tokens.append(current) }
                current = ""
            case "(", ")":
                if !current.isEmpty { tokens.append(current) }
                current = ""
                tokens.append(String(character))
            default: current.append(character)
            }
        }
        guard !inString else { return nil }
        if !current.isEmpty { tokens.append(current) }
        return tokens
    }

    mutating func pipeline() -> TemplateTerm? {
        guard var term = command(isFirst: true) else { return nil }
        while position < tokens.count, tokens[position] == "|" {
            position += 1
            guard let right = command(isFirst: false), case .call = right else { return nil }
            term = .pipe(term, right)
        }
        return term
    }

    /// `f a b`, `index x k`, or (first in a pipeline) one operand.
    mutating func command(isFirst: Bool) -> TemplateTerm? {
        guard position < tokens.count else { return nil }
        let head = tokens[position]
        if isFunction(head) {
            position += 1
            var arguments: [TemplateTerm] = []
            while position < tokens.count, tokens[position] != "|", tokens[position] != ")" {
                guard let argument = operand() else { return nil }
                arguments.append(argument)
            }
            // `index (index x a) b` is no `x[a][b]`, which the lowering writes as `index x a b`.
            if head == "index", arguments.count >= 2, !arguments[0].isAtom, !arguments[0].isIndex {
                return .index(base: arguments[0], keys: Array(arguments.dropFirst()))
            }
            return .call(name: head, arguments: arguments)
        }
        guard isFirst else { return nil }
        return operand()
    }

    mutating func operand() -> TemplateTerm? {
        guard position < tokens.count else { return nil }
        let token = tokens[position]
        position += 1
        if token == "(" {
            guard let inner = pipeline(), position < tokens.count, tokens[position] == ")" else { return nil }
            position += 1
            // `(f)` alone is a call of f with no arguments; only `f()` as an operand spells it.
            if case .call(_, let arguments) = inner, arguments.isEmpty { return inner }
            if case .chain = inner { return nil }
            if case .atom = inner { return nil }
            return inner
        }
        if token.hasPrefix("\""), token.hasSuffix("\""), token.utf8.count >= 2 {
            let content = String(token.dropFirst().dropLast())
            guard content.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F && !"\"\\{}#".unicodeScalars.contains($0) }) else { return nil }
            return .atom(go: token, bp: token)
        }
        if token == "true" || token == "false" { return .atom(go: token, bp: token) }
        if let first = token.utf8.first, BPSourceText.isDigitByte(first) || first == UInt8(ascii: "-"),
            token.utf8.dropFirst().allSatisfy(BPSourceText.isDigitByte), token != "-"
        {
            return .atom(go: token, bp: token)
        }
        if token.hasPrefix("."), let bp = writer.expression(for: "{{ \(token) }}") {
            if ImportIdiomState.readsContext("{{ \(token) }}") { readsContext = true }
            return .chain(go: token, bp: bp)
        }
        return nil
    }

    /// A template function the .bp can call by this name in this action.
    func isFunction(_ name: String) -> Bool {
        TemplateFunctions.kanister.contains(name) && !writer.actionNames.contains(name) && writer.sharedOptions.values.contains(name) == false
            && !["option", "bash", "kopia"].contains(name)
    }
}

extension String {
    /// Without the spaces and trim markers around an action's text.
    var trimmingSpacesAndDashes: String {
        var text = Substring(self)
        while let first = text.first, first == " " || first == "-" || first == "\t" || first == "\n" { text = text.dropFirst() }
        return String(text)
    }
}
