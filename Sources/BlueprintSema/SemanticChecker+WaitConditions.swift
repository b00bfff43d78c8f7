// Wait's conditions as Kanister evaluates them: from the unrendered arguments,
// `{ $… }` JSONPath replaced by the object's values, then executed with no
// template data (nil, missingkey=zero). A data read there has no value.

import BlueprintSyntax

extension DiagnosticCode {
    /// A Wait condition that reads template data, which Wait never gives it: an
    /// error where Go's execution fails on the missing value, else a warning.
    public static let waitConditionData = DiagnosticCode("BP2081")
}

extension SemanticChecker {
    /// Go functions that fail on a missing value whatever their parameter types say.
    static let failOnNoValue: Set<String> = ["index", "len", "slice", "lt", "le", "gt", "ge", "call"]

    /// Checks one Wait (not WaitV2) condition as Kanister's `evaluateWaitCondition` runs it.
    mutating func checkWaitConditionData(_ text: String, value: Expr) {
        let substituted = SemanticChecker.substitutingJSONPath(text)
        // Parse errors of the text as written are the template checks' to report.
        guard GoTemplate.parse(text).isSuccess else { return }
        let context = "Wait executes a condition with no template data, after replacing each { $… } JSONPath"
        let literal: StringLiteral? = if case .string(let literal) = value.kind, literal.segments.count == 1 { literal } else { nil }
        func range(_ bytes: Range<Int>) -> SourceRange {
            guard let literal else { return value.range }
            return sourceRange(bytes, segment: 0, of: literal, text: substituted)
        }
        switch GoTemplate.parse(substituted) {
        case .failure(let error):
            report(.waitConditionData, "\(context), and then it is no template: \(error.message); the wait can never succeed", at: value.range)
        case .success(let tree):
            var finder = NoValueFinder()
            finder.visit(tree.nodes, dotIsData: true)
            for read in finder.reads {
                let spelled = String(decoding: Array(substituted.utf8)[read.range], as: UTF8.self)
                if let consumer = read.failingConsumer {
                    report(
                        .waitConditionData,
                        "\(context): '\(spelled)' has no value there, and \(consumer) fails on it, so the wait fails; read the object with { $.… } JSONPath",
                        at: range(read.range))
                } else {
                    report(
                        .waitConditionData, "\(context): '\(spelled)' has no value there (it prints \"<no value>\"); read the object with { $.… } JSONPath",
                        at: range(read.range), severity: .warning)
                }
            }
        }
    }

    /// `text` with each `{ $… }` Kanister substitutes replaced by `X` and spaces of
    /// the same length, so byte offsets stay those of the source.
    static func substitutingJSONPath(_ text: String) -> String {
        var bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "{") else {
                index += 1
                continue
            }
            var cursor = index + 1
            while cursor < bytes.count, [0x20, 0x09, 0x0A, 0x0D, 0x0B, 0x0C].contains(bytes[cursor]) { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == UInt8(ascii: "$"),
                let close = bytes[cursor...].firstIndex(of: UInt8(ascii: "}"))
            else {
                index += 1
                continue
            }
            bytes[index] = UInt8(ascii: "X")
            for position in (index + 1)...close { bytes[position] = 0x20 }
            index = close + 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The template-data reads of a Wait condition and what consumes each.
struct NoValueFinder {
    struct Read {
        var range: Range<Int>
        /// "index", "upper" and the like when the read is passed to a function that fails on no value.
        var failingConsumer: String?
    }

    var reads: [Read] = []

    mutating func visit(_ nodes: [GoTemplateNode], dotIsData: Bool) {
        for node in nodes {
            switch node {
            case .action(let action): visit(action.pipeline, dotIsData: dotIsData)
            case .control(let control):
                visit(control.pipeline, dotIsData: dotIsData)
                // `with` and `range` rebind dot in their bodies (a missing value skips them).
                visit(control.body, dotIsData: dotIsData && control.kind == .if)
                if let otherwise = control.elseClause { visit(otherwise.body, dotIsData: dotIsData) }
            case .templateCall(let call): if let pipeline = call.pipeline { visit(pipeline, dotIsData: dotIsData) }
            default: continue
            }
        }
    }

    mutating func visit(_ pipeline: GoTemplatePipeline, dotIsData: Bool) {
        var previousIsRead: Range<Int>?
        for command in pipeline.commands {
            guard case .identifier(let function) = command.operands.first else {
                // A value, not a call: a lone read is printed, or passed to the next command.
                if command.operands.count == 1, let read = dataRead(command.operands[0], dotIsData: dotIsData) {
                    previousIsRead = read
                } else {
                    for operand in command.operands { visitOperand(operand, dotIsData: dotIsData, consumer: nil) }
                    previousIsRead = nil
                }
                continue
            }
            let arguments = Array(command.operands.dropFirst())
            for (position, argument) in arguments.enumerated() {
                visitOperand(argument, dotIsData: dotIsData, consumer: failing(function.name, position: position))
            }
            if let read = previousIsRead {
                reads.append(Read(range: read, failingConsumer: failing(function.name, position: arguments.count)))
            }
            previousIsRead = nil
        }
        if let read = previousIsRead { reads.append(Read(range: read, failingConsumer: nil)) }
    }

    mutating func visitOperand(_ operand: GoTemplateOperand, dotIsData: Bool, consumer: String?) {
        if let read = dataRead(operand, dotIsData: dotIsData) {
            reads.append(Read(range: read, failingConsumer: consumer))
            return
        }
        switch operand {
        case .parenthesized(let inner): visit(inner.pipeline, dotIsData: dotIsData)
        case .chain(let chain): visitOperand(chain.base, dotIsData: dotIsData, consumer: nil)
        default: return
        }
    }

    /// The range of a read of the (absent) template data: `.`, `.A.B`, `$`, `$.A`.
    func dataRead(_ operand: GoTemplateOperand, dotIsData: Bool) -> Range<Int>? {
        switch operand {
        case .dot(let range): dotIsData ? range : nil
        case .field(let field): dotIsData ? field.range : nil
        case .variable(let variable): variable.name == "$" ? variable.range : nil
        default: nil
        }
    }

    /// `"index"` when function `name` fails on a missing value at argument `position`.
    func failing(_ name: String, position: Int) -> String? {
        if SemanticChecker.failOnNoValue.contains(name) { return "'\(name)'" }
        guard let signature = TemplateFunctions.signatures[name] else { return nil }
        let letters = Array(signature.filter { $0 != "*" })
        guard !letters.isEmpty else { return nil }
        let letter = position < letters.count ? letters[position] : (signature.hasSuffix("*") ? letters[letters.count - 1] : nil)
        guard let letter, "sifbo".contains(letter) else { return nil }
        return "'\(name)' (which takes \(letter == "s" ? "a string" : letter == "b" ? "a bool" : letter == "o" ? "a struct" : "a number"))"
    }
}
