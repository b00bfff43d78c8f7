// References to template parameters inside a parsed Go template: field chains
// on the root data (`.Phases.dump.Output.key`, `$.Options.x`), extended by the
// constant keys of `index` (`index .Phases.dump.Output "key"`), and the
// functions a template calls.

/// A path from the root of the template data, each segment with its byte range.
public struct TemplateReference: Sendable, Equatable {
    public var path: [String]
    public var ranges: [Range<Int>]
}

public struct TemplateFunctionUse: Sendable, Equatable {
    public var name: String
    public var range: Range<Int>
}

public struct TemplateReferenceCollector {
    public private(set) var references: [TemplateReference] = []
    public private(set) var functions: [TemplateFunctionUse] = []

    public static func collect(_ tree: GoTemplateTree) -> TemplateReferenceCollector {
        var collector = TemplateReferenceCollector()
        collector.walk(tree.nodes, dotIsRoot: true)
        return collector
    }

    /// `dotIsRoot` is false inside `range` and `with` bodies, where `.` is rebound.
    mutating func walk(_ nodes: [GoTemplateNode], dotIsRoot: Bool) {
        for node in nodes {
            switch node {
            case .action(let action): walk(action.pipeline, dotIsRoot: dotIsRoot)
            case .control(let control):
                walk(control.pipeline, dotIsRoot: dotIsRoot)
                walk(control.body, dotIsRoot: dotIsRoot && control.kind == .if)
                if let elseClause = control.elseClause { walk(elseClause.body, dotIsRoot: dotIsRoot) }
            case .define(let define): walk(define.body, dotIsRoot: false)
            case .templateCall(let call): if let pipeline = call.pipeline { walk(pipeline, dotIsRoot: dotIsRoot) }
            case .block(let block):
                walk(block.pipeline, dotIsRoot: dotIsRoot)
                walk(block.body, dotIsRoot: false)
            case .text, .comment, .breakLoop, .continueLoop: break
            }
        }
    }

    mutating func walk(_ pipeline: GoTemplatePipeline, dotIsRoot: Bool) {
        for command in pipeline.commands { walk(command, dotIsRoot: dotIsRoot) }
    }

    mutating func walk(_ command: GoTemplateCommand, dotIsRoot: Bool) {
        let operands = command.operands
        if case .identifier(let function) = operands.first, function.name == "index", operands.count >= 2,
            var base = rootPath(operands[1], dotIsRoot: dotIsRoot)
        {
            // index BASE "k1" "k2": extend the path while the keys are constant strings.
            for key in operands.dropFirst(2) {
                guard case .string(let literal) = key else { break }
                base.path.append(literal.value)
                // The key's text, not its quotes, so a diagnostic points at the name.
                let range = literal.range
                base.ranges.append(range.count >= 2 ? (range.lowerBound + 1)..<(range.upperBound - 1) : range)
            }
            references.append(base)
            functions.append(TemplateFunctionUse(name: function.name, range: function.range))
            for operand in operands.dropFirst(2) { walk(operand, dotIsRoot: dotIsRoot) }
            return
        }
        for operand in operands { walk(operand, dotIsRoot: dotIsRoot) }
    }

    mutating func walk(_ operand: GoTemplateOperand, dotIsRoot: Bool) {
        switch operand {
        case .identifier(let function):
            functions.append(TemplateFunctionUse(name: function.name, range: function.range))
        case .field, .variable:
            if let reference = rootPath(operand, dotIsRoot: dotIsRoot) { references.append(reference) }
        case .chain(let chain):
            walk(chain.base, dotIsRoot: dotIsRoot)
        case .parenthesized(let inner):
            walk(inner.pipeline, dotIsRoot: dotIsRoot)
        case .dot, .string, .number, .bool, .nilValue:
            break
        }
    }

    /// The root path an operand names, if it starts at the root data.
    func rootPath(_ operand: GoTemplateOperand, dotIsRoot: Bool) -> TemplateReference? {
        switch operand {
        case .field(let field) where dotIsRoot && !field.names.isEmpty:
            return TemplateReference(path: field.names, ranges: field.nameRanges)
        case .variable(let variable) where variable.name == "$" && !variable.fields.isEmpty:
            return TemplateReference(path: variable.fields, ranges: variable.fieldRanges)
        default:
            return nil
        }
    }
}
