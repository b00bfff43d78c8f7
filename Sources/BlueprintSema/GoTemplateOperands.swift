// Value types for Go template pipelines: declarations, `|`-separated commands and
// their operands (fields, variables, functions, literals, parenthesised pipelines).

/// `$x := cmd | cmd`, `$i, $e := …` (range only), `$x = …` or just `cmd | cmd`.
public struct GoTemplatePipeline: Sendable, Equatable {
    /// Variables declared (`:=`) or assigned (`=`) by this pipeline; names keep the `$`.
    public var declarations: [GoTemplateVariable]
    /// True for `$x = …`, false for `$x := …` and for pipelines without declarations.
    public var isAssignment: Bool
    public var commands: [GoTemplateCommand]
    public var range: Range<Int>

    public init(
        declarations: [GoTemplateVariable], isAssignment: Bool, commands: [GoTemplateCommand], range: Range<Int>
    ) {
        self.declarations = declarations
        self.isAssignment = isAssignment
        self.commands = commands
        self.range = range
    }
}

/// Space-separated operands; the first is the function when it is an identifier.
public struct GoTemplateCommand: Sendable, Equatable {
    public var operands: [GoTemplateOperand]
    public var range: Range<Int>

    public init(operands: [GoTemplateOperand], range: Range<Int>) {
        self.operands = operands
        self.range = range
    }
}

public enum GoTemplateOperand: Sendable, Equatable {
    /// `.`
    case dot(Range<Int>)
    /// `.A.B`
    case field(GoTemplateField)
    /// `$`, `$x`, `$x.A.B`
    case variable(GoTemplateVariable)
    /// A function name such as `index` or `toJson`.
    case identifier(GoTemplateIdentifier)
    /// Fields selected from a parenthesised pipeline or a function result: `(pipe).A`.
    indirect case chain(GoTemplateChain)
    /// `( pipeline )`
    case parenthesized(GoTemplateParenthesized)
    /// `"…"` or `` `…` ``
    case string(GoTemplateStringLiteral)
    /// Integers, floats, imaginary and complex numbers, character constants.
    case number(GoTemplateNumber)
    /// `true` / `false`
    case bool(GoTemplateBool)
    /// `nil`
    case nilValue(Range<Int>)

    public var range: Range<Int> {
        switch self {
        case .dot(let range), .nilValue(let range): return range
        case .field(let node): return node.range
        case .variable(let node): return node.range
        case .identifier(let node): return node.range
        case .chain(let node): return node.range
        case .parenthesized(let node): return node.range
        case .string(let node): return node.range
        case .number(let node): return node.range
        case .bool(let node): return node.range
        }
    }
}

/// `.Phases.dump.Output.key`: names without dots, one range per `.Name` segment.
public struct GoTemplateField: Sendable, Equatable {
    public var names: [String]
    public var nameRanges: [Range<Int>]
    public var range: Range<Int>

    public init(names: [String], nameRanges: [Range<Int>], range: Range<Int>) {
        self.names = names
        self.nameRanges = nameRanges
        self.range = range
    }
}

/// `$x.A.B`: `name` is `$x` (or `$`), `fields` the selected names.
public struct GoTemplateVariable: Sendable, Equatable {
    public var name: String
    public var fields: [String]
    public var fieldRanges: [Range<Int>]
    public var range: Range<Int>

    public init(name: String, fields: [String] = [], fieldRanges: [Range<Int>] = [], range: Range<Int>) {
        self.name = name
        self.fields = fields
        self.fieldRanges = fieldRanges
        self.range = range
    }
}

public struct GoTemplateIdentifier: Sendable, Equatable {
    public var name: String
    public var range: Range<Int>

    public init(name: String, range: Range<Int>) {
        self.name = name
        self.range = range
    }
}

/// `(pipeline).A.B` or `fn.A`: a base that is not a field or variable, then fields.
public struct GoTemplateChain: Sendable, Equatable {
    public var base: GoTemplateOperand
    public var fields: [String]
    public var fieldRanges: [Range<Int>]
    public var range: Range<Int>

    public init(base: GoTemplateOperand, fields: [String], fieldRanges: [Range<Int>], range: Range<Int>) {
        self.base = base
        self.fields = fields
        self.fieldRanges = fieldRanges
        self.range = range
    }
}

public struct GoTemplateParenthesized: Sendable, Equatable {
    public var pipeline: GoTemplatePipeline
    /// From `(` to `)`.
    public var range: Range<Int>

    public init(pipeline: GoTemplatePipeline, range: Range<Int>) {
        self.pipeline = pipeline
        self.range = range
    }
}

public struct GoTemplateStringLiteral: Sendable, Equatable {
    /// The unquoted value (escapes resolved; `\r` dropped from raw strings).
    public var value: String
    /// Backquoted.
    public var isRaw: Bool
    /// Quotes included.
    public var range: Range<Int>

    public init(value: String, isRaw: Bool, range: Range<Int>) {
        self.value = value
        self.isRaw = isRaw
        self.range = range
    }
}

public struct GoTemplateNumber: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Fits `int64` or `uint64`: `42`, `-0x1F`, `0o17`, `0b101`, `1_000`.
        case integer
        /// `1.5`, `1e3`, `0x1p-2`.
        case float
        /// `2i`, `1.5i`.
        case imaginary
        /// `1+2i`.
        case complex
        /// `'a'`, `'\n'`, `'\u00e9'`.
        case character
    }

    /// The source spelling.
    public var text: String
    public var kind: Kind
    public var range: Range<Int>

    public init(text: String, kind: Kind, range: Range<Int>) {
        self.text = text
        self.kind = kind
        self.range = range
    }
}

public struct GoTemplateBool: Sendable, Equatable {
    public var value: Bool
    public var range: Range<Int>

    public init(value: Bool, range: Range<Int>) {
        self.value = value
        self.range = range
    }
}
