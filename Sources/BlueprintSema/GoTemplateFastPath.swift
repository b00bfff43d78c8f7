// A fast path for the plainest templates, the bulk of a blueprint's strings:
// every action is space-separated function names and field chains, such as
// `{{ toJson .Profile }}` or `{{ .Phases.dump.Output.key }}`. Such a template
// always parses, and its root references are its field chains in source order,
// so they are read off the bytes without building a tree. Anything else (a
// trim marker, comment, pipe, variable, literal, keyword, unknown name,
// non-ASCII name, tab or newline in an action, a call with the wrong number
// of arguments, a template parameter of a kind its function refuses, a phase
// output given to a function that may refuse it, a comparison, ...)
// takes the full parser.

public enum GoTemplateFastPath {
    /// The words Go's lexer may treat as keywords or constants; they take the full parser.
    static let reservedWords: Set<String> = [
        "block", "break", "continue", "define", "else", "end", "if", "range", "nil", "template", "with", "true", "false",
    ]

    /// `tree.rootReferences` of `GoTemplate.parse(text, functions: functions)` when
    /// the template is plain (see above); nil when the full parser must decide.
    public static func rootReferences(_ text: String, functions: Set<String>) -> [TemplateReference]? {
        if let result = text.utf8.withContiguousStorageIfAvailable({ scan($0, functions: functions) }) {
            return result
        }
        return nil
    }

    @inline(__always)
    private static func isNameStart(_ byte: UInt8) -> Bool {
        byte == 0x5F || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
    }

    @inline(__always)
    private static func isNameByte(_ byte: UInt8) -> Bool {
        isNameStart(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, functions: Set<String>) -> [TemplateReference]? {
        let open = UInt8(ascii: "{")
        let close = UInt8(ascii: "}")
        let space = UInt8(ascii: " ")
        let dot = UInt8(ascii: ".")
        let count = bytes.count
        var references: [TemplateReference] = []
        var index = 0
        // Text: up to the next `{{`.
        while index + 1 < count {
            guard bytes[index] == open, bytes[index + 1] == open else {
                index += 1
                continue
            }
            index += 2
            // `{{-` (a trim marker or a negative number) and `{{/*` take the full parser.
            var operands = 0
            // The action's function, when its first operand is a name: it takes the other operands.
            var function: String?
            while true {
                while index < count, bytes[index] == space { index += 1 }
                guard index < count else { return nil }
                let byte = bytes[index]
                if byte == close {
                    guard index + 1 < count, bytes[index + 1] == close, operands > 0 else { return nil }
                    // A call with the wrong number of arguments: the full parse reports it.
                    if let function, TemplateFunctions.arityProblem(function, arguments: operands - 1) != nil { return nil }
                    index += 2
                    break
                }
                if byte == dot {
                    var path: [String] = []
                    var ranges: [Range<Int>] = []
                    while index < count, bytes[index] == dot {
                        let start = index
                        index += 1
                        guard index < count, isNameStart(bytes[index]) else { return nil }
                        while index < count, isNameByte(bytes[index]) { index += 1 }
                        path.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<index]), as: UTF8.self))
                        ranges.append(start..<index)
                    }
                    // A template parameter of a kind the function refuses, or an output
                    // it may refuse (a string, or a number: only the action tells): the full parse reports it.
                    if let function, operands > 0, TemplateFunctions.checksArgumentKind(function, position: operands - 1),
                        let kind = TemplateFunctions.ValueKind(KanisterCatalog.type(of: path)),
                        TemplateFunctions.argumentProblem(function, position: operands - 1, kind: kind, asValue: true) != nil
                    {
                        return nil
                    }
                    if let function, operands > 0, SemanticChecker.mayRefuseOutput(path, of: function, position: operands - 1) { return nil }
                    references.append(TemplateReference(path: path, ranges: ranges))
                } else if isNameStart(byte) {
                    let start = index
                    while index < count, isNameByte(bytes[index]) { index += 1 }
                    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                    guard functions.contains(name), !reservedWords.contains(name) else { return nil }
                    if operands == 0 {
                        // A comparison's verdict depends on its operands' kinds together: the full parse checks it.
                        guard !TemplateFunctions.comparisons.contains(name) else { return nil }
                        function = name
                    } else if TemplateFunctions.arityProblem(name, arguments: 0) != nil {
                        return nil  // an argument that is a function is called with none
                    }
                } else {
                    return nil
                }
                // Go's terminators after a name; only a space and `}}` stay on the fast path.
                guard index < count else { return nil }
                let next = bytes[index]
                guard next == space || (next == close && index + 1 < count && bytes[index + 1] == close) else { return nil }
                operands += 1
            }
        }
        return references
    }
}
