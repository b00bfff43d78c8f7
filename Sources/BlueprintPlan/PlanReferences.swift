// Phase references inside Go templates, found with Sema's GoTemplate parser:
// `.Phases.X.Output.k`, `index .Phases.X.Output "k"`, `(index .Phases "x-y").Output.k`
// and `.DeferPhase.Output.k`. They give data edges and drive the rollback rewrite.

import BlueprintSema
import BlueprintSyntax

/// One place where a template reads another phase.
struct TemplatePhaseReference: Equatable {
    enum Target: Equatable {
        case phase(String)
        /// `.DeferPhase`: the action's finally phase.
        case deferPhase
    }

    var target: Target
    /// Field names read after the phase (`Output`, `k`), then `index` keys.
    var fields: [String]
    var indexKeys: [String]
    /// The template bytes that spell the phase and everything read of it.
    var range: Range<Int>
    /// Written from `$` (`$.Phases…`), as it must be where `.` is rebound.
    var isFromRoot = false

    var path: [String] { fields + indexKeys }
    /// What a data edge records: `Output.k`, `Secrets.s`, or just `Output`.
    var key: String { path.prefix(2).joined(separator: ".") }
}

enum TemplateReferences {
    /// True when `text` holds both `{{` and `Phase`: only then can a template read a phase.
    static func mayReadPhase(_ text: String) -> Bool {
        // `{{` and `Phase` take at least 7 bytes. One pass over the bytes; `{{`
        // is the cheaper scan and the rarer find.
        guard text.utf8.count >= 7 else { return false }
        var text = text
        return text.withUTF8 { bytes in
            guard UTF8Scan.containsTemplateOpen(bytes) else { return false }
            return ("Phase" as StaticString).withUTF8Buffer { UTF8Scan.contains(bytes, $0) }
        }
    }

    /// The phase references of one string; none when it holds no valid template.
    static func phaseReferences(in text: String) -> [TemplatePhaseReference] {
        // Most templates read no phase: skip parsing those.
        guard mayReadPhase(text) else { return [] }
        // A plain template (field chains and function names only, no literal, so no
        // `index` key) has no scope and no index call: its phase references are its
        // field chains that start at a phase, read off the bytes without a tree.
        if let plain = GoTemplateFastPath.rootReferences(text, functions: TemplateFunctions.kanister) {
            return plain.compactMap { reference in
                guard let root = ReferenceCollector.root(names: reference.path), let target = root.target,
                    let first = reference.ranges.first, let last = reference.ranges.last
                else { return nil }
                return TemplatePhaseReference(target: target, fields: root.fields, indexKeys: [], range: first.lowerBound..<last.upperBound)
            }
        }
        return parsedPhaseReferences(in: text)
    }

    /// The phase references of one string by a walk over its parsed tree.
    static func parsedPhaseReferences(in text: String) -> [TemplatePhaseReference] {
        guard let tree = GoTemplate.parse(text).tree else { return [] }
        var collector = ReferenceCollector()
        collector.visit(tree.nodes, dotIsRoot: true)
        return collector.references
    }
}

/// A walk over a template tree that records phase references in source order.
/// Inside `range` and `with` bodies `.` is rebound, so only `$.Phases…` reaches
/// the phases there; inside `define` and `block` bodies `$` too is the data the
/// template is called with, so nothing there is known to read a phase.
struct ReferenceCollector {
    var references: [TemplatePhaseReference] = []
    var dotIsRoot = true
    var dollarIsRoot = true

    mutating func visit(_ nodes: [GoTemplateNode], dotIsRoot: Bool) {
        let saved = self.dotIsRoot
        defer { self.dotIsRoot = saved }
        for node in nodes {
            self.dotIsRoot = dotIsRoot
            switch node {
            case .action(let action): visit(action.pipeline)
            case .control(let control):
                visit(control.pipeline)
                visit(control.body, dotIsRoot: dotIsRoot && control.kind == .if)
                if let elseClause = control.elseClause { visit(elseClause.body, dotIsRoot: dotIsRoot) }
            case .define(let define): visitSeparateTemplate(define.body)
            case .templateCall(let call): if let pipeline = call.pipeline { visit(pipeline) }
            case .block(let block):
                visit(block.pipeline)
                visitSeparateTemplate(block.body)
            case .text, .comment, .breakLoop, .continueLoop: break
            }
        }
    }

    /// A defined template's body, where neither `.` nor `$` is the root data.
    mutating func visitSeparateTemplate(_ body: [GoTemplateNode]) {
        let saved = dollarIsRoot
        dollarIsRoot = false
        visit(body, dotIsRoot: false)
        dollarIsRoot = saved
    }

    mutating func visit(_ pipeline: GoTemplatePipeline) {
        for command in pipeline.commands { visit(command) }
    }

    mutating func visit(_ command: GoTemplateCommand) {
        let operands = command.operands
        var start = 0
        if case .identifier(let function) = operands.first, function.name == "index", operands.count > 1,
            let reference = indexed(Array(operands.dropFirst()))
        {
            references.append(reference.reference)
            start = 1 + reference.consumed
        }
        for operand in operands.dropFirst(start) { visit(operand) }
    }

    mutating func visit(_ operand: GoTemplateOperand) {
        if let root = root(operand) {
            if let target = root.target {
                references.append(
                    TemplatePhaseReference(target: target, fields: root.fields, indexKeys: [], range: operand.range, isFromRoot: operand.isRootVariable))
            }
            return
        }
        switch operand {
        case .chain(let chain): visit(chain.base)
        case .parenthesized(let inner): visit(inner.pipeline)
        default: break
        }
    }

    /// `index BASE "k"...` with BASE rooted at a phase: the reference and the operands it uses.
    func indexed(_ arguments: [GoTemplateOperand]) -> (reference: TemplatePhaseReference, consumed: Int)? {
        guard let base = arguments.first, let root = root(base) else { return nil }
        var keys: [String] = []
        var end = base.range.upperBound
        for argument in arguments.dropFirst() {
            guard case .string(let literal) = argument else { break }
            keys.append(literal.value)
            end = literal.range.upperBound
        }
        var target = root.target
        if target == nil {
            guard let name = keys.first else { return nil }
            target = .phase(name)
            keys.removeFirst()
        }
        guard let target else { return nil }
        let reference = TemplatePhaseReference(
            target: target, fields: root.fields, indexKeys: keys, range: base.range.lowerBound..<end, isFromRoot: base.isRootVariable)
        return (reference, 1 + keys.count + (root.target == nil ? 1 : 0))
    }

    /// A field chain rooted at `.Phases` (target nil: the phase comes as an index key),
    /// `.Phases.X`, `.DeferPhase`, `$.Phases…` or `(index .Phases "X")…`.
    func root(_ operand: GoTemplateOperand) -> (target: TemplatePhaseReference.Target?, fields: [String])? {
        switch operand {
        case .field(let field) where dotIsRoot: return ReferenceCollector.root(names: field.names)
        case .variable(let variable) where variable.name == "$" && dollarIsRoot:
            return ReferenceCollector.root(names: variable.fields)
        case .chain(let chain):
            guard case .parenthesized(let inner) = chain.base, inner.pipeline.declarations.isEmpty,
                inner.pipeline.commands.count == 1, let command = inner.pipeline.commands.first,
                command.operands.count == 3, case .identifier(let function) = command.operands[0], function.name == "index",
                case .field(let field) = command.operands[1], field.names == ["Phases"], dotIsRoot,
                case .string(let name) = command.operands[2]
            else { return nil }
            return (.phase(name.value), chain.fields)
        default: return nil
        }
    }

    static func root(names: [String]) -> (target: TemplatePhaseReference.Target?, fields: [String])? {
        switch names.first {
        case "Phases": return names.count > 1 ? (.phase(names[1]), Array(names.dropFirst(2))) : (nil, [])
        case "DeferPhase": return (.deferPhase, Array(names.dropFirst()))
        default: return nil
        }
    }
}

extension GoTemplateOperand {
    var isRootVariable: Bool {
        if case .variable(let variable) = self { return variable.name == "$" }
        return false
    }
}

extension KanisterValue {
    /// Calls `body` with every string of the value, map keys included, in order.
    func forEachString(_ body: (String) -> Void) {
        switch self {
        case .string(let text): body(text)
        case .int, .float, .bool, .null: break
        case .list(let items): for item in items { item.forEachString(body) }
        case .map(let entries):
            for entry in entries {
                body(entry.key)
                entry.value.forEachString(body)
            }
        }
    }

    /// The value with every string (map keys included) transformed.
    func mapStrings(_ transform: (String) -> String) -> KanisterValue {
        switch self {
        case .string(let text): .string(transform(text))
        case .int, .float, .bool, .null: self
        case .list(let items): .list(items.map { $0.mapStrings(transform) })
        case .map(let entries): .map(entries.map { KanisterEntry(transform($0.key), $0.value.mapStrings(transform)) })
        }
    }
}

extension KanisterPhase {
    /// Calls `body` with each string Kanister renders, in order: object fields,
    /// then argument keys and values.
    func forEachTemplateString(_ body: (String) -> Void) {
        for object in objects {
            for field in object.reference.fields { body(field.value) }
        }
        for entry in args {
            body(entry.key)
            entry.value.forEachString(body)
        }
    }

    /// The phase with every rendered string transformed.
    func mapStrings(_ transform: (String) -> String) -> KanisterPhase {
        var copy = self
        copy.objects = objects.map { object in
            (object.name, KanisterObjectReference(fields: object.reference.fields.map { ($0.key, transform($0.value)) }))
        }
        copy.args = args.map { KanisterEntry(transform($0.key), $0.value.mapStrings(transform)) }
        return copy
    }
}
