// Executes Go text/template trees (parsed by BlueprintSema's GoTemplate parser)
// as Kanister does: template "config", missingkey=error, sprig functions.
// Control structures, variables and template calls are here; pipelines in +Pipeline.

import BlueprintSema

/// A failure to render, with Go's wording: `template: config:1:3: executing ...`.
public struct TemplateError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Stage: String, Sendable, Equatable {
        case parse
        case exec
    }

    public var stage: Stage
    public var message: String

    public init(stage: Stage, message: String) {
        self.stage = stage
        self.message = message
    }

    public var description: String { message }
}

/// Thrown by template functions; the evaluator adds `error calling NAME:`.
public struct TemplateFunctionError: Error, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

public typealias TemplateFunction = @Sendable ([TemplateValue]) throws -> TemplateValue

public struct TemplateEvaluator: Sendable {
    /// Callable functions by name; `and` and `or` are handled by the evaluator.
    public var functions: [String: TemplateFunction]
    /// The names the parser accepts (a known name without an implementation fails when called).
    public var knownFunctions: Set<String>

    public init(functions: [String: TemplateFunction] = TemplateLibrary.kanister(), knownFunctions: Set<String> = TemplateFunctions.kanister) {
        self.functions = functions
        self.knownFunctions = knownFunctions
    }

    /// Parses and executes `text` with `data` as dot.
    public func render(_ text: String, data: TemplateValue) throws -> String {
        switch GoTemplate.parse(text, functions: knownFunctions) {
        case .failure(let error):
            throw TemplateError(stage: .parse, message: error.description)
        case .success(let tree):
            return try execute(tree, source: text, data: data)
        }
    }

    public func execute(_ tree: GoTemplateTree, source: String, data: TemplateValue) throws -> String {
        let execution = TemplateExecution(evaluator: self, tree: tree, source: source, data: data)
        do {
            try execution.walk(tree.nodes.filter(\.isExecutable), dot: data)
        } catch let signal as LoopSignal {
            throw execution.failure("{{\(signal)}} outside {{range}}", at: 0..<0)
        }
        return execution.output
    }
}

extension GoTemplateNode {
    /// Definitions are not part of the body that runs.
    var isExecutable: Bool {
        if case .define = self { return false }
        return true
    }
}

enum LoopSignal: Error, CustomStringConvertible {
    case breakLoop
    case continueLoop

    var description: String { self == .breakLoop ? "break" : "continue" }
}

/// The state of one execution: output, variables, named templates.
final class TemplateExecution {
    let evaluator: TemplateEvaluator
    let source: [UInt8]
    let name: String
    var output = ""
    var variables: [(name: String, value: TemplateValue)]
    var templates: [String: [GoTemplateNode]] = [:]
    var depth = 0
    static let maxDepth = 1000

    init(evaluator: TemplateEvaluator, tree: GoTemplateTree, source: String, data: TemplateValue) {
        self.evaluator = evaluator
        self.source = Array(source.utf8)
        self.name = tree.name
        self.variables = [("$", data)]
        for node in tree.nodes {
            switch node {
            case .define(let define): templates[define.name.value] = define.body
            case .block(let block): templates[block.name.value] = block.body
            default: break
            }
        }
    }

    /// An exec error at `range` of the template, worded as Go words them.
    func failure(_ message: String, at range: Range<Int>) -> TemplateError {
        let start = min(range.lowerBound, source.count)
        let before = source[..<start]
        let line = before.filter { $0 == 0x0A }.count + 1
        let column = start - ((before.lastIndex(of: 0x0A)).map { $0 + 1 } ?? 0)
        let end = min(max(range.upperBound, start), source.count)
        let snippet = String(decoding: source[start..<end], as: UTF8.self)
        return TemplateError(stage: .exec, message: "template: \(name):\(line):\(column): executing \"\(name)\" at <\(snippet)>: \(message)")
    }

    func walk(_ nodes: [GoTemplateNode], dot: TemplateValue) throws {
        for node in nodes {
            switch node {
            case .text(let text): output += text.value
            case .comment, .define: break
            case .action(let action):
                let value = try evalPipeline(action.pipeline, dot: dot)
                if action.pipeline.declarations.isEmpty { output += value.printed }
            case .control(let control): try walkControl(control, dot: dot)
            case .templateCall(let call):
                let value = try call.pipeline.map { try evalPipeline($0, dot: dot) } ?? .null
                try callTemplate(call.name.value, data: value, at: call.tag.range)
            case .block(let block):
                try callTemplate(block.name.value, data: try evalPipeline(block.pipeline, dot: dot), at: block.open.range)
            case .breakLoop: throw LoopSignal.breakLoop
            case .continueLoop: throw LoopSignal.continueLoop
            }
        }
    }

    func walkControl(_ control: GoTemplateControl, dot: TemplateValue) throws {
        let mark = variables.count
        defer { variables.removeSubrange(mark...) }
        switch control.kind {
        case .if, .with:
            let value = try evalPipeline(control.pipeline, dot: dot)
            if value.isTruthy {
                try walk(control.body, dot: control.kind == .with ? value : dot)
            } else if let elseClause = control.elseClause {
                try walk(elseClause.body, dot: dot)
            }
        case .range:
            try walkRange(control, dot: dot)
        }
    }

    func walkRange(_ control: GoTemplateControl, dot: TemplateValue) throws {
        var pipeline = control.pipeline
        let declarations = pipeline.declarations
        pipeline.declarations = []
        let value = try evalPipeline(pipeline, dot: dot)
        // The items by position, made as they are walked (a count makes no list).
        let count: Int
        let itemAt: (Int) -> (key: TemplateValue, value: TemplateValue)
        switch value {
        case .list(let list): (count, itemAt) = (list.count, { (.int($0), list[$0]) })
        case .bytes(let bytes): (count, itemAt) = (bytes.count, { (.int($0), .int(Int(bytes[$0]))) })
        case .map(let map) where !map.kind.isRecord:
            let keys = map.orderedKeys
            (count, itemAt) = (keys.count, { (.string(keys[$0]), map.entries[keys[$0]] ?? .null) })
        case .int(let limit):
            // Go 1.24's range over an integer (Kanister 0.115.0 and later are built
            // with it): 0 up to the limit, one variable at most.
            guard declarations.count <= 1 else {
                throw failure("can't use \(limit) to iterate over more than one variable", at: control.pipeline.range)
            }
            (count, itemAt) = (max(0, limit), { (.int($0), .int($0)) })
        case .null: (count, itemAt) = (0, { _ in (.null, .null) })
        default: throw failure("range can't iterate over \(value.printed(topLevel: false))", at: control.pipeline.range)
        }
        if count == 0 {
            if let elseClause = control.elseClause { try walk(elseClause.body, dot: dot) }
            return
        }
        for position in 0..<count {
            let item = itemAt(position)
            let mark = variables.count
            defer { variables.removeSubrange(mark...) }
            if declarations.count == 1 {
                try bind(declarations[0].name, item.value, isAssignment: control.pipeline.isAssignment)
            } else if declarations.count == 2 {
                try bind(declarations[0].name, item.key, isAssignment: control.pipeline.isAssignment)
                try bind(declarations[1].name, item.value, isAssignment: control.pipeline.isAssignment)
            }
            do {
                try walk(control.body, dot: item.value)
            } catch LoopSignal.breakLoop {
                break
            } catch LoopSignal.continueLoop {
                continue
            }
        }
    }

    func bind(_ name: String, _ value: TemplateValue, isAssignment: Bool) throws {
        if isAssignment {
            guard let index = variables.lastIndex(where: { $0.name == name }) else {
                throw TemplateError(stage: .exec, message: "template: \(self.name): undefined variable: \(name)")
            }
            variables[index].value = value
        } else {
            variables.append((name, value))
        }
    }

    func lookupVariable(_ name: String, at range: Range<Int>) throws -> TemplateValue {
        guard let entry = variables.last(where: { $0.name == name }) else {
            throw failure("undefined variable: \(name)", at: range)
        }
        return entry.value
    }

    func callTemplate(_ templateName: String, data: TemplateValue, at range: Range<Int>) throws {
        guard let body = templates[templateName] else {
            throw failure("template: no template \(GoQuote.quote(templateName)) associated with template \(GoQuote.quote(name))", at: range)
        }
        guard depth < TemplateExecution.maxDepth else {
            throw failure("exceeded maximum template depth (\(TemplateExecution.maxDepth))", at: range)
        }
        let saved = variables
        variables = [("$", data)]
        depth += 1
        defer {
            variables = saved
            depth -= 1
        }
        try walk(body, dot: data)
    }
}
