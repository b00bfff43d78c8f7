// The single pass behind GoTemplateTree.references(): it follows Go's scoping (variables
// live until the end of the enclosing control; define and block bodies start afresh)
// and tracks what `.` denotes while collecting references.

struct GoTemplateWalker {
    private(set) var references = GoTemplateReferences()
    private var scope = GoTemplateScope()
    private var variables: [(name: String, binding: GoTemplateBinding)] = [("$", .templateData)]
    /// Pipelines that are one field of the template's data (`.X`, `$.X`, `(.X)`), by
    /// range, with its path: what a `{{with}}`'s dot or a `$x :=` variable holds.
    private var fieldPipelines: [Range<Int>: [String]] = [:]
    /// Variables assigned with `=` so far: one may hold another value than its
    /// declaration's (an assignment in a control body outlives it), so it is not followed.
    private var assignedVariables: Set<String> = []

    mutating func walk(_ nodes: [GoTemplateNode]) {
        for node in nodes { walk(node) }
    }

    private mutating func walk(_ node: GoTemplateNode) {
        switch node {
        case .text, .comment, .breakLoop, .continueLoop:
            return
        case .action(let action):
            walk(action.pipeline, isRange: false)
        case .control(let control):
            walk(control)
        case .define(let define):
            references.definedTemplates.insert(define.name.value)
            walkSeparateTemplate(named: define.name.value, body: define.body)
        case .templateCall(let call):
            references.templateCalls.append(GoTemplateNamedCall(name: call.name.value, range: call.name.range))
            if let pipeline = call.pipeline { walk(pipeline, isRange: false) }
        case .block(let block):
            references.definedTemplates.insert(block.name.value)
            walk(block.pipeline, isRange: false)
            walkSeparateTemplate(named: block.name.value, body: block.body)
        }
    }

    private mutating func walk(_ control: GoTemplateControl) {
        let mark = variables.count
        // Before the pipeline's own declarations (`range $x := $x`) are in scope.
        if control.kind == .range { recordRangedValue(control.pipeline) }
        walk(control.pipeline, isRange: control.kind == .range)
        let outerDot = scope.dot
        switch control.kind {
        case .if: break
        case .with: scope.dot = .withValue(pipeline: control.pipeline.range)
        case .range: scope.dot = .rangeElement(pipeline: control.pipeline.range)
        }
        walk(control.body)
        scope.dot = outerDot
        if let elseClause = control.elseClause { walk(elseClause.body) }
        variables.removeSubrange(mark...)
    }

    private mutating func walkSeparateTemplate(named name: String, body: [GoTemplateNode]) {
        let savedScope = scope
        let savedVariables = variables
        scope = GoTemplateScope(template: name, dot: .templateData)
        variables = [("$", .templateData)]
        walk(body)
        scope = savedScope
        variables = savedVariables
    }

    /// Commands first (they see the variables declared before), then the declarations.
    private mutating func walk(_ pipeline: GoTemplatePipeline, isRange: Bool) {
        for (position, command) in pipeline.commands.enumerated() { walk(command, after: position > 0 ? pipeline.commands[position - 1] : nil) }
        if pipeline.commands.count == 1, pipeline.commands[0].operands.count == 1, let path = dataPath(of: pipeline.commands[0].operands[0]) {
            fieldPipelines[pipeline.range] = path
        }
        if pipeline.isAssignment {
            for declaration in pipeline.declarations { assignedVariables.insert(declaration.name) }
        }
        let count = pipeline.declarations.count
        for (position, declaration) in pipeline.declarations.enumerated() {
            let binding: GoTemplateBinding
            if isRange && count == 2 && position == 0 {
                binding = .rangeKey(declaration: declaration.range, pipeline: pipeline.range)
            } else if isRange {
                binding = .rangeElement(declaration: declaration.range, pipeline: pipeline.range)
            } else {
                binding = .value(declaration: declaration.range, pipeline: pipeline.range)
            }
            variables.append((declaration.name, binding))
        }
    }

    /// `previous`: the stage of a pipe before this one, whose value is the last argument.
    private mutating func walk(_ command: GoTemplateCommand, after previous: GoTemplateCommand?) {
        if case .identifier(let function) = command.operands.first, function.name == "index",
            command.operands.count >= 2
        {
            recordIndexCall(command)
        }
        for (position, operand) in command.operands.enumerated() {
            walk(operand)
            // The command's function takes the other operands and, in a pipe, the previous result.
            if position == 0, case .identifier = operand, let last = references.functions.indices.last {
                references.functions[last].argumentCount = command.operands.count - 1 + (previous == nil ? 0 : 1)
                var arguments = command.operands.dropFirst().enumerated().compactMap {
                    GoTemplateConstantArgument($0.element, position: $0.offset)
                        ?? GoTemplateConstantArgument(result: $0.element, position: $0.offset, scope: scope)
                        ?? typedField($0.element, position: $0.offset)
                }
                for (offset, operand) in command.operands.dropFirst().enumerated() {
                    recordFieldArgument(operand, of: references.functions[last], position: offset, range: operand.range)
                }
                if let previous {
                    let position = command.operands.count - 1
                    if let piped = GoTemplateConstantArgument(piped: previous, position: position) {
                        arguments.append(piped)
                    } else if previous.operands.count == 1, var piped = typedField(previous.operands[0], position: position) {
                        piped.range = previous.range
                        arguments.append(piped)
                    }
                    if previous.operands.count == 1 {
                        recordFieldArgument(previous.operands[0], of: references.functions[last], position: position, range: previous.range)
                    }
                }
                references.functions[last].constants = arguments
            }
        }
    }

    private mutating func walk(_ operand: GoTemplateOperand) {
        switch operand {
        case .field(let field):
            references.fields.append(
                GoTemplateFieldReference(
                    root: .dot, path: field.names, pathRanges: field.nameRanges, range: field.range, scope: scope))
        case .variable(let variable) where !variable.fields.isEmpty:
            references.fields.append(
                GoTemplateFieldReference(
                    root: .variable(name: variable.name, binding: binding(of: variable.name)), path: variable.fields,
                    pathRanges: variable.fieldRanges, range: variable.range, scope: scope))
        case .identifier(let identifier):
            references.functions.append(
                GoTemplateFunctionUse(name: identifier.name, range: identifier.range, scope: scope))
        case .chain(let chain):
            walk(chain.base)
            extendIndexPath(of: chain)
            if let function = GoTemplateWalker.resultFunction(of: chain.base), let field = chain.fields.first, let range = chain.fieldRanges.first {
                references.resultFields.append(GoTemplateResultField(function: function, field: field, range: range, base: chain.base, scope: scope))
            }
            references.fields.append(
                GoTemplateFieldReference(
                    root: .expression(chain.base.range), path: chain.fields, pathRanges: chain.fieldRanges,
                    range: chain.range, scope: scope))
        case .parenthesized(let parenthesized):
            walk(parenthesized.pipeline, isRange: false)
        case .dot, .variable, .string, .number, .bool, .nilValue:
            return
        }
    }

    /// A field of the template's data given as argument `position` of `function` (see `dataPath(of:)`).
    private mutating func recordFieldArgument(_ operand: GoTemplateOperand, of function: GoTemplateFunctionUse, position: Int, range: Range<Int>) {
        guard let path = dataPath(of: operand) else { return }
        references.fieldArguments.append(
            GoTemplateFieldArgument(
                function: function.name, position: position, argumentCount: function.argumentCount, path: path, range: range, call: function.range))
    }

    /// What a `{{range}}` iterates over: its pipeline's last command (see `GoTemplateRangedValue`).
    private mutating func recordRangedValue(_ pipeline: GoTemplatePipeline) {
        guard let command = pipeline.commands.last, let first = command.operands.first else { return }
        let isPipedInto = pipeline.commands.count > 1
        var kind: TemplateFunctions.ValueKind?
        var path: [String]?
        if command.operands.count == 1, !isPipedInto {
            let operand = GoTemplateWalker.unparenthesized(first)
            let value =
                GoTemplateConstantArgument(operand, position: 0) ?? GoTemplateConstantArgument(result: operand, position: 0, scope: scope)
                ?? typedField(operand, position: 0)
            kind = value?.kind
            path = dataPath(of: operand)
        }
        if kind == nil { kind = GoTemplateConstantArgument.resultKind(of: command, isPipedInto: isPipedInto, scope: scope) }
        references.rangedValues.append(
            GoTemplateRangedValue(range: command.range, kind: kind, path: path, variableCount: pipeline.declarations.count))
    }

    /// A template parameter given as an argument (`.StatefulSet`, `.Secrets.s.Data.k`),
    /// when its type is known (see `dataPath(of:)`).
    private func typedField(_ operand: GoTemplateOperand, position: Int) -> GoTemplateConstantArgument? {
        guard let path = dataPath(of: operand), let kind = TemplateFunctions.ValueKind(KanisterCatalog.type(of: path)) else { return nil }
        var range = GoTemplateWalker.unparenthesized(operand).range
        if case .field(let field) = GoTemplateWalker.unparenthesized(operand) { range = field.range }
        return GoTemplateConstantArgument(kind: kind, range: range, position: position)
    }

    /// The path in the template's data of a field an operand reads, outside a
    /// define or block body: `.X` where dot is the template's data, `$.X`, `(.X)`;
    /// `.` or `.Y` in the body of `{{with .X}}`; `$x` or `$x.Y` after `$x := .X`
    /// (or `{{with $x := .X}}`) when no `=` has assigned `$x` since. Nil for
    /// anything else (a range element, a function's result, ...).
    private func dataPath(of operand: GoTemplateOperand) -> [String]? {
        guard scope.template == nil else { return nil }
        let path: [String]?
        switch GoTemplateWalker.unparenthesized(operand) {
        case .field(let field):
            switch scope.dot {
            case .templateData: path = field.names
            case .withValue(let pipeline): path = fieldPipelines[pipeline].map { $0 + field.names }
            case .rangeElement: path = nil
            }
        case .dot:
            if case .withValue(let pipeline) = scope.dot { path = fieldPipelines[pipeline] } else { path = nil }
        case .variable(let variable):
            switch binding(of: variable.name) {
            case .templateData: path = variable.fields
            case .value(_, let pipeline) where !assignedVariables.contains(variable.name): path = fieldPipelines[pipeline].map { $0 + variable.fields }
            default: path = nil
            }
        default: path = nil
        }
        guard let path, !path.isEmpty else { return nil }
        return path
    }

    /// `(.X)`, `((.X))`: the operand alone in parentheses, which Go evaluates as the operand.
    static func unparenthesized(_ operand: GoTemplateOperand) -> GoTemplateOperand {
        var operand = operand
        while case .parenthesized(let inner) = operand, inner.pipeline.declarations.isEmpty, inner.pipeline.commands.count == 1,
            inner.pipeline.commands[0].operands.count == 1
        {
            operand = inner.pipeline.commands[0].operands[0]
        }
        return operand
    }

    /// The function whose result an operand is: `f` or `(... | f args)`.
    static func resultFunction(of operand: GoTemplateOperand) -> String? {
        switch operand {
        case .identifier(let identifier): return identifier.name
        case .parenthesized(let inner):
            guard case .identifier(let function) = inner.pipeline.commands.last?.operands.first else { return nil }
            return function.name
        default: return nil
        }
    }

    /// `(index .X "k").A.B`: the fields read on the index call's result extend its path.
    private mutating func extendIndexPath(of chain: GoTemplateChain) {
        guard case .parenthesized(let inner) = chain.base, inner.pipeline.declarations.isEmpty, inner.pipeline.commands.count == 1,
            let last = references.indexCalls.indices.last, references.indexCalls[last].range == inner.pipeline.commands[0].range,
            references.indexCalls[last].path != nil
        else { return }
        references.indexCalls[last].path?.path += chain.fields
        references.indexCalls[last].path?.pathRanges += chain.fieldRanges
        references.indexCalls[last].chainedFieldCount = chain.fields.count
    }

    private func binding(of name: String) -> GoTemplateBinding {
        variables.last { $0.name == name }?.binding ?? .unresolved
    }

    private mutating func recordIndexCall(_ command: GoTemplateCommand) {
        let collection = command.operands[1]
        let keys = Array(command.operands.dropFirst(2))
        var constantKeys: [String]? = []
        var keyRanges: [Range<Int>] = []
        for key in keys {
            guard case .string(let literal) = key else {
                constantKeys = nil
                break
            }
            constantKeys?.append(literal.value)
            keyRanges.append(literal.range)
        }
        var path: GoTemplateFieldReference?
        if let constantKeys {
            let base: (root: GoTemplateFieldReference.Root, names: [String], ranges: [Range<Int>])?
            switch collection {
            case .field(let field):
                base = (.dot, field.names, field.nameRanges)
            case .variable(let variable):
                base = (
                    .variable(name: variable.name, binding: binding(of: variable.name)), variable.fields,
                    variable.fieldRanges
                )
            default:
                base = nil
            }
            if let base {
                path = GoTemplateFieldReference(
                    root: base.root, path: base.names + constantKeys, pathRanges: base.ranges + keyRanges,
                    range: command.range, scope: scope, hasIndexKeys: !constantKeys.isEmpty)
            }
        }
        references.indexCalls.append(
            GoTemplateIndexCall(
                collection: collection, keys: keys, constantStringKeys: constantKeys, path: path,
                range: command.range, scope: scope))
    }
}
