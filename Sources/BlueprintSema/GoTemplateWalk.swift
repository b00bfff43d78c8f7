// Queries over a parsed template for the semantic checker: field chains with what `.`
// and `$x` denote where they occur, function names used, and `index` calls with their
// constant keys. One pass collects everything (GoTemplateTree.references()).

/// Where a reference occurs: which template it belongs to and what `.` is there.
public struct GoTemplateScope: Sendable, Equatable {
    /// nil in the main template; the name of the enclosing `define` or `block` otherwise
    /// (there `$` and the initial `.` are the data passed to that template).
    public var template: String?
    public var dot: GoTemplateDot

    public init(template: String? = nil, dot: GoTemplateDot = .templateData) {
        self.template = template
        self.dot = dot
    }
}

/// What `.` denotes.
public enum GoTemplateDot: Sendable, Equatable {
    /// The data the template was executed with (the same as `$`).
    case templateData
    /// The value of a `{{with}}` pipeline (its range), inside the with's body.
    case withValue(pipeline: Range<Int>)
    /// An element of a `{{range}}` pipeline (its range), inside the range's body.
    case rangeElement(pipeline: Range<Int>)
}

/// What a variable denotes.
public enum GoTemplateBinding: Sendable, Equatable {
    /// `$`: the data the current template was executed with.
    case templateData
    /// `$x := pipeline`, `{{with $x := pipeline}}`, `$x = pipeline`.
    case value(declaration: Range<Int>, pipeline: Range<Int>)
    /// The first of `range $k, $e := pipeline`: the key or index.
    case rangeKey(declaration: Range<Int>, pipeline: Range<Int>)
    /// `range $e := pipeline`, or the second of `range $k, $e := …`: the element.
    case rangeElement(declaration: Range<Int>, pipeline: Range<Int>)
    /// Not declared before its use (Go only notices when executing).
    case unresolved
}

/// A field chain: `.Phases.dump.Output.key`, `$x.A`, `(pipeline).A`, or the path an
/// `index` call with constant string keys selects.
public struct GoTemplateFieldReference: Sendable, Equatable {
    public enum Root: Sendable, Equatable {
        /// `.A.B`: relative to `.` (see `scope.dot`).
        case dot
        /// `$x.A.B`.
        case variable(name: String, binding: GoTemplateBinding)
        /// `(pipeline).A` or `fn.A`: the range of what the fields are selected from.
        case expression(Range<Int>)
    }

    public var root: Root
    /// Field names, then `index` keys when the reference comes from an index call.
    public var path: [String]
    /// One range per path element (a field's `.Name`, or an index key's string literal).
    public var pathRanges: [Range<Int>]
    public var range: Range<Int>
    public var scope: GoTemplateScope
    /// True when the last path elements are `index` keys rather than fields.
    public var hasIndexKeys: Bool

    public init(
        root: Root, path: [String], pathRanges: [Range<Int>], range: Range<Int>, scope: GoTemplateScope,
        hasIndexKeys: Bool = false
    ) {
        self.root = root
        self.path = path
        self.pathRanges = pathRanges
        self.range = range
        self.scope = scope
        self.hasIndexKeys = hasIndexKeys
    }
}

public struct GoTemplateFunctionUse: Sendable, Equatable {
    public var name: String
    public var range: Range<Int>
    public var scope: GoTemplateScope
    /// The arguments it is called with: the command's other operands, plus the
    /// previous command's result in a pipe; none where it is itself an argument.
    public var argumentCount: Int
    /// The arguments written as constants (`"a"`, `3`, `true`, `nil`).
    public var constants: [GoTemplateConstantArgument]

    public init(
        name: String, range: Range<Int>, scope: GoTemplateScope, argumentCount: Int = 0, constants: [GoTemplateConstantArgument] = []
    ) {
        self.name = name
        self.range = range
        self.scope = scope
        self.argumentCount = argumentCount
        self.constants = constants
    }
}

/// A constant passed to a function, or a value whose kind is fixed (a constant
/// piped in, what another function returns): its position among the arguments
/// (from 0) and kind.
public struct GoTemplateConstantArgument: Sendable, Equatable {
    public var position: Int
    public var kind: TemplateFunctions.ValueKind
    public var range: Range<Int>
    /// The value keeps its own Go type (piped in, or returned), so it converts
    /// to no other parameter type, as a constant argument would.
    public var isValue = false
    /// The value of a string constant (`"a("`), which some functions judge too.
    public var text: String?

    /// A value of `kind` that keeps its own Go type.
    init(kind: TemplateFunctions.ValueKind, range: Range<Int>, position: Int) {
        self.position = position
        self.kind = kind
        self.range = range
        self.isValue = true
    }

    /// What a function returns, written as an argument (`(list 1)`, `(index "ab" 0)`);
    /// `scope` is where it is written.
    init?(result operand: GoTemplateOperand, position: Int, scope: GoTemplateScope) {
        guard case .parenthesized(let inner) = operand, let command = inner.pipeline.commands.last,
            let kind = GoTemplateConstantArgument.resultKind(of: command, isPipedInto: inner.pipeline.commands.count > 1, scope: scope)
        else { return nil }
        self.position = position
        self.kind = kind
        self.range = operand.range
        self.isValue = true
    }

    /// The kind of what the function a command calls returns, when it is fixed:
    /// `resultKinds`, or for `index X 0` (not piped into) an element of known
    /// kind (a byte of a string, see `SemanticChecker.indexedElementKind`).
    static func resultKind(of command: GoTemplateCommand, isPipedInto: Bool, scope: GoTemplateScope) -> TemplateFunctions.ValueKind? {
        guard case .identifier(let function) = command.operands.first else { return nil }
        if function.name == "index" {
            return isPipedInto ? nil : SemanticChecker.indexedElementKind(command.operands.dropFirst(), scope: scope)?.1
        }
        return TemplateFunctions.resultKinds[function.name]
    }

    /// The value the command `piped` passes on to the next stage of a pipe:
    /// a constant (`true | upper`) or what its function returns (`len "x" | upper`).
    init?(piped command: GoTemplateCommand, position: Int) {
        guard let first = command.operands.first else { return nil }
        if command.operands.count == 1, let constant = GoTemplateConstantArgument(first, position: position) {
            self = constant
        } else if let function = GoTemplateWalker.resultFunction(of: first), function != "index", let kind = TemplateFunctions.resultKinds[function] {
            self.position = position
            self.kind = kind
        } else {
            return nil
        }
        self.range = command.range
        self.isValue = true
    }

    /// The constant an operand is, if it is one.
    init?(_ operand: GoTemplateOperand, position: Int) {
        switch operand {
        case .string(let literal):
            kind = .string
            text = literal.value
        case .bool: kind = .bool
        case .nilValue: kind = .null
        case .number(let number):
            switch number.kind {
            case .integer: kind = number.text.hasPrefix("-") ? .negativeInteger : .integer
            case .character: kind = .integer
            case .float: kind = TemplateFunctions.ValueKind(floatText: number.text)
            case .imaginary, .complex: kind = .float
            }
        default: return nil
        }
        self.position = position
        self.range = operand.range
    }
}

/// `index collection key…` written as a command (not as the last stage of a pipe).
public struct GoTemplateIndexCall: Sendable, Equatable {
    public var collection: GoTemplateOperand
    public var keys: [GoTemplateOperand]
    /// The keys' values when every key is a string literal.
    public var constantStringKeys: [String]?
    /// The collection's field reference extended by the constant string keys, when the
    /// collection is `.A…`, `$x.A…` or `$x` and every key is a string literal:
    /// `index .X "a" "b"` → path `["X", "a", "b"]`. Fields read on the call's
    /// result extend it: `(index .Phases "a-b").Output.k` → `["Phases", "a-b", "Output", "k"]`.
    public var path: GoTemplateFieldReference?
    /// How many of `path`'s names are such fields, after the keys.
    public var chainedFieldCount = 0
    /// The whole command.
    public var range: Range<Int>
    public var scope: GoTemplateScope

    public init(
        collection: GoTemplateOperand, keys: [GoTemplateOperand], constantStringKeys: [String]?,
        path: GoTemplateFieldReference?, range: Range<Int>, scope: GoTemplateScope
    ) {
        self.collection = collection
        self.keys = keys
        self.constantStringKeys = constantStringKeys
        self.path = path
        self.range = range
        self.scope = scope
    }
}

/// Everything the checker needs from one template, in source order.
public struct GoTemplateReferences: Sendable, Equatable {
    public var fields: [GoTemplateFieldReference] = []
    public var functions: [GoTemplateFunctionUse] = []
    public var indexCalls: [GoTemplateIndexCall] = []
    /// `{{template "name"}}` calls.
    public var templateCalls: [GoTemplateNamedCall] = []
    /// The names `{{define}}` and `{{block}}` give templates in this text.
    public var definedTemplates: Set<String> = []
    /// Fields read on a function's result (`(quote .x).Name`, `toJson.a`).
    public var resultFields: [GoTemplateResultField] = []
    /// Fields of the template's data given to a function (`upper .x`, `.x | upper`, `index .x 0`).
    public var fieldArguments: [GoTemplateFieldArgument] = []
    /// What each `{{range}}` iterates over.
    public var rangedValues: [GoTemplateRangedValue] = []

    public init() {}
}

/// `{{template "name"}}`: the name and the range of its literal.
public struct GoTemplateNamedCall: Sendable, Equatable {
    public var name: String
    public var range: Range<Int>
}

/// A field of the template's data given to a function: `upper .Phases.p.Output.k`,
/// `.Phases.p.Output.k | upper` (the last argument), `index .Phases.p.Output.k 0`
/// (argument 0), whose kind the checker may know from the action.
public struct GoTemplateFieldArgument: Sendable, Equatable {
    public var function: String
    /// From 0, among `argumentCount` arguments.
    public var position: Int
    public var argumentCount: Int
    public var path: [String]
    /// The field, or the command that passes it on in a pipe.
    public var range: Range<Int>
    /// The range of the function's name: the call the argument belongs to.
    public var call: Range<Int>
}

/// The value a `{{range}}` iterates over: the last command of its pipeline,
/// with its kind when a constant, a template parameter's type or a function's
/// result fixes it, and its path when it is a field of the template's data
/// (`.Phases.p.Output.k`, whose kind only the action tells).
public struct GoTemplateRangedValue: Sendable, Equatable {
    public var range: Range<Int>
    public var kind: TemplateFunctions.ValueKind?
    public var path: [String]?
    /// The variables the range declares (`$i, $e :=`: 2).
    public var variableCount = 0
}

/// The first field read on a function's result, and its range.
public struct GoTemplateResultField: Sendable, Equatable {
    public var function: String
    public var field: String
    public var range: Range<Int>
    /// What the field is read on: `f` or `(... | f args)`.
    public var base: GoTemplateOperand
    public var scope: GoTemplateScope
}

extension GoTemplateTree {
    /// Field chains, function uses and index calls, with their scopes.
    public func references() -> GoTemplateReferences {
        var walker = GoTemplateWalker()
        walker.walk(nodes)
        return walker.references
    }

    /// Every field chain: `.A.B`, `$x.A`, `(pipe).A` (bare `.` and `$x` are not chains).
    public var fieldReferences: [GoTemplateFieldReference] { references().fields }

    /// Every function name used, including ones passed as arguments.
    public var functionUses: [GoTemplateFunctionUse] { references().functions }

    public var indexCalls: [GoTemplateIndexCall] { references().indexCalls }
}
