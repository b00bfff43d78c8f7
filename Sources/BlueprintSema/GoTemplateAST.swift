// Value types for a parsed Go text/template (the strings inside Kanister blueprints).
// Every node carries byte offsets into the template's UTF-8 bytes; the tree holds
// syntax only, facts found by later passes live in side tables.

/// One `{{ … }}` delimiter pair, from the first `{` to the last `}`, trim markers included.
public struct GoTemplateTag: Sendable, Equatable, Hashable {
    public var range: Range<Int>
    /// `{{- ` trims the white space before the tag.
    public var trimsBefore: Bool
    /// ` -}}` trims the white space after the tag.
    public var trimsAfter: Bool

    public init(range: Range<Int>, trimsBefore: Bool = false, trimsAfter: Bool = false) {
        self.range = range
        self.trimsBefore = trimsBefore
        self.trimsAfter = trimsAfter
    }
}

/// A whole template. `nodes` are in source order and include the `{{define}}`s,
/// which Go stores as separate templates.
public struct GoTemplateTree: Sendable, Equatable {
    /// The name the template is parsed under (Kanister uses `config`).
    public var name: String
    public var nodes: [GoTemplateNode]
    public var range: Range<Int>

    public init(name: String, nodes: [GoTemplateNode], range: Range<Int>) {
        self.name = name
        self.nodes = nodes
        self.range = range
    }
}

/// An element of a template body.
public enum GoTemplateNode: Sendable, Equatable {
    /// Literal text between actions, after trim markers removed white space.
    case text(GoTemplateText)
    /// `{{/* … */}}`.
    case comment(GoTemplateComment)
    /// `{{pipeline}}`: the value is printed unless the pipeline only declares.
    case action(GoTemplateAction)
    /// `{{if}}`, `{{range}}` or `{{with}}` with optional `{{else}}` and its `{{end}}`.
    case control(GoTemplateControl)
    /// `{{define "name"}} … {{end}}`, only at the top level.
    case define(GoTemplateDefine)
    /// `{{template "name" pipeline}}`.
    case templateCall(GoTemplateCall)
    /// `{{block "name" pipeline}} … {{end}}`: a define and a call in one.
    case block(GoTemplateBlock)
    /// `{{break}}` inside a range.
    case breakLoop(GoTemplateTag)
    /// `{{continue}}` inside a range.
    case continueLoop(GoTemplateTag)

    public var range: Range<Int> {
        switch self {
        case .text(let node): return node.range
        case .comment(let node): return node.tag.range
        case .action(let node): return node.tag.range
        case .control(let node): return node.range
        case .define(let node): return node.range
        case .templateCall(let node): return node.tag.range
        case .block(let node): return node.range
        case .breakLoop(let tag), .continueLoop(let tag): return tag.range
        }
    }
}

public struct GoTemplateText: Sendable, Equatable {
    public var range: Range<Int>
    public var value: String

    public init(range: Range<Int>, value: String) {
        self.range = range
        self.value = value
    }
}

public struct GoTemplateComment: Sendable, Equatable {
    public var tag: GoTemplateTag
    /// The text between `/*` and `*/`.
    public var text: String

    public init(tag: GoTemplateTag, text: String) {
        self.tag = tag
        self.text = text
    }
}

public struct GoTemplateAction: Sendable, Equatable {
    public var tag: GoTemplateTag
    public var pipeline: GoTemplatePipeline

    public init(tag: GoTemplateTag, pipeline: GoTemplatePipeline) {
        self.tag = tag
        self.pipeline = pipeline
    }
}

/// `{{if p}}`, `{{range p}}`, `{{with p}}`. An `{{else if q}}` is stored as an else
/// clause whose body is a single nested `if` control with `isElseChain` set; the
/// nested control's `open` is the `{{else if q}}` tag and it shares the `end` tag.
public struct GoTemplateControl: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        case `if`
        case range
        case with
    }

    public var kind: Kind
    public var open: GoTemplateTag
    public var isElseChain: Bool
    public var pipeline: GoTemplatePipeline
    public var body: [GoTemplateNode]
    public var elseClause: GoTemplateElse?
    public var end: GoTemplateTag
    /// From the opening tag to the end tag.
    public var range: Range<Int>

    public init(
        kind: Kind, open: GoTemplateTag, isElseChain: Bool, pipeline: GoTemplatePipeline,
        body: [GoTemplateNode], elseClause: GoTemplateElse?, end: GoTemplateTag
    ) {
        self.kind = kind
        self.open = open
        self.isElseChain = isElseChain
        self.pipeline = pipeline
        self.body = body
        self.elseClause = elseClause
        self.end = end
        self.range = open.range.lowerBound..<end.range.upperBound
    }
}

/// The `{{else}}` (or `{{else if …}}`) part of a control.
public struct GoTemplateElse: Sendable, Equatable {
    public var tag: GoTemplateTag
    public var body: [GoTemplateNode]

    public init(tag: GoTemplateTag, body: [GoTemplateNode]) {
        self.tag = tag
        self.body = body
    }
}

public struct GoTemplateDefine: Sendable, Equatable {
    public var open: GoTemplateTag
    public var name: GoTemplateStringLiteral
    public var body: [GoTemplateNode]
    public var end: GoTemplateTag
    public var range: Range<Int>

    public init(open: GoTemplateTag, name: GoTemplateStringLiteral, body: [GoTemplateNode], end: GoTemplateTag) {
        self.open = open
        self.name = name
        self.body = body
        self.end = end
        self.range = open.range.lowerBound..<end.range.upperBound
    }
}

public struct GoTemplateCall: Sendable, Equatable {
    public var tag: GoTemplateTag
    public var name: GoTemplateStringLiteral
    /// The data passed to the template; nil means `nil` is passed.
    public var pipeline: GoTemplatePipeline?

    public init(tag: GoTemplateTag, name: GoTemplateStringLiteral, pipeline: GoTemplatePipeline?) {
        self.tag = tag
        self.name = name
        self.pipeline = pipeline
    }
}

public struct GoTemplateBlock: Sendable, Equatable {
    public var open: GoTemplateTag
    public var name: GoTemplateStringLiteral
    public var pipeline: GoTemplatePipeline
    public var body: [GoTemplateNode]
    public var end: GoTemplateTag
    public var range: Range<Int>

    public init(
        open: GoTemplateTag, name: GoTemplateStringLiteral, pipeline: GoTemplatePipeline,
        body: [GoTemplateNode], end: GoTemplateTag
    ) {
        self.open = open
        self.name = name
        self.pipeline = pipeline
        self.body = body
        self.end = end
        self.range = open.range.lowerBound..<end.range.upperBound
    }
}
