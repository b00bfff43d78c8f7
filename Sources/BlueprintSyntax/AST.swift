// The syntax tree of a .bp file: value types, each node with its byte range.
// Semantic facts live in side tables elsewhere, never in the tree.

/// A name written as an identifier or, for names an identifier cannot spell, a string.
public struct Name: Sendable, Equatable, Hashable {
    public var text: String
    public var range: SourceRange
    public var isQuoted: Bool

    public init(_ text: String, range: SourceRange, isQuoted: Bool = false) {
        self.text = text
        self.range = range
        self.isQuoted = isQuoted
    }
}

public struct SourceFileSyntax: Sendable, Equatable {
    public init(declarations: [Declaration], range: SourceRange) {
        self.declarations = declarations
        self.range = range
    }

    public var declarations: [Declaration]
    public var range: SourceRange
}

public enum Declaration: Sendable, Equatable {
    case blueprint(BlueprintDecl)
    case importFile(ImportDecl)
    case constant(LetDecl)
    case definition(DefDecl)
    case action(ActionDecl)
    /// `allow BP3010, BP2106`: warnings this file does not report.
    case allow(AllowDecl)
    /// Junk the parser skipped; its diagnostic was reported.
    case error(SourceRange)

    /// The declaration's source range.
    public var range: SourceRange {
        switch self {
        case .blueprint(let decl): decl.range
        case .importFile(let decl): decl.range
        case .allow(let decl): decl.range
        case .constant(let decl): decl.range
        case .definition(let decl): decl.range
        case .action(let decl): decl.range
        case .error(let range): range
        }
    }
}

/// `blueprint NAME [{ namespace: ..., labels: {...}, annotations: {...} }]`
public struct BlueprintDecl: Sendable, Equatable {
    public init(name: Name, metadata: [MapEntry]?, range: SourceRange) {
        self.name = name
        self.metadata = metadata
        self.range = range
    }

    public var name: Name
    public var metadata: [MapEntry]?
    public var range: SourceRange
}

/// `import "other.bp"`
public struct ImportDecl: Sendable, Equatable {
    public var path: StringLiteral
    public var range: SourceRange
}

/// `allow CODE { , CODE }`: the file's warnings with these codes are not
/// reported (errors always are). Sema checks the codes' spelling (BP2070).
public struct AllowDecl: Sendable, Equatable {
    public init(codes: [Name], range: SourceRange) {
        self.codes = codes
        self.range = range
    }

    public var codes: [Name]
    public var range: SourceRange
}

extension SourceFileSyntax {
    /// The codes the file's `allow` declarations name, as written.
    public var allowedCodes: Set<String> {
        var codes: Set<String> = []
        for case .allow(let decl) in declarations { codes.formUnion(decl.codes.map(\.text)) }
        return codes
    }
}

/// `let NAME = Expr`
public struct LetDecl: Sendable, Equatable {
    public var name: Name
    public var value: Expr
    public var range: SourceRange
}

/// `def NAME(params) = PhaseCall`
public struct DefDecl: Sendable, Equatable {
    public var name: Name
    public var parameters: [Name]?
    public var call: PhaseCall
    public var range: SourceRange
}

/// `action NAME [on KIND] { items }`
public struct ActionDecl: Sendable, Equatable {
    public init(name: Name, kind: Name?, items: [ActionItem], range: SourceRange) {
        self.name = name
        self.kind = kind
        self.items = items
        self.range = range
    }

    public var name: Name
    public var kind: Name?
    public var items: [ActionItem]
    public var range: SourceRange
}

public enum ActionItem: Sendable, Equatable {
    case input(NameList)
    case secret(NameList)
    case configMap(NameList)
    case output(OutputDecl)
    case phase(PhaseDecl)
    case parallel(ParallelGroup)
    case finally(PhaseDecl)
    case constant(LetDecl)
    case error(SourceRange)
}

/// `input a, b` and its siblings `secret` and `configmap`.
public struct NameList: Sendable, Equatable {
    public init(names: [Name], shapes: [InputShape] = [], range: SourceRange) {
        self.names = names
        self.shapes = shapes
        self.range = range
    }

    public var names: [Name]
    /// The declared shapes of an `input` list's names (`input dump: { path }`), in order;
    /// names without one have none here.
    public var shapes: [InputShape]
    public var range: SourceRange

    /// The declared shape of `name`, if any.
    public func shape(of name: Name) -> InputShape? { shapes.first { $0.name == name } }
}

/// The shape of an input artifact no action produces: `: { key, ... }`,
/// `: kopia` or `: kopia { key, ... }` after its name.
public struct InputShape: Sendable, Equatable {
    public init(name: Name, kopia: SourceRange?, keys: [Name]?, range: SourceRange) {
        self.name = name
        self.kopia = kopia
        self.keys = keys
        self.range = range
    }

    /// The input the shape belongs to.
    public var name: Name
    /// The `kopia` word, when the artifact carries a Kopia snapshot.
    public var kopia: SourceRange?
    /// The keyValue keys in `{ }`, when the braces are there.
    public var keys: [Name]?
    /// From the name's end to the shape's end (the `:` and what follows).
    public var range: SourceRange
}

/// `output NAME [= Expr] [{ key: value }]`
public struct OutputDecl: Sendable, Equatable {
    public init(name: Name, value: Expr?, keyValues: [MapEntry]?, range: SourceRange) {
        self.name = name
        self.value = value
        self.keyValues = keyValues
        self.range = range
    }

    public var name: Name
    public var value: Expr?
    public var keyValues: [MapEntry]?
    public var range: SourceRange
}

/// `phase NAME: PhaseCall` (also `finally NAME: PhaseCall`).
public struct PhaseDecl: Sendable, Equatable {
    public var name: Name
    public var call: PhaseCall
    public var range: SourceRange

    public init(name: Name, call: PhaseCall, range: SourceRange) {
        self.name = name
        self.call = call
        self.range = range
    }
}

/// `parallel { phase ... }`
public struct ParallelGroup: Sendable, Equatable {
    public var phases: [PhaseDecl]
    public var range: SourceRange
}

/// `Callee [(args)] [{ body }] { clause }`: a Kanister function or a def.
public struct PhaseCall: Sendable, Equatable {
    public init(callee: Name, arguments: [CallArgument]?, body: PhaseBody?, clauses: [PhaseClause], range: SourceRange) {
        self.callee = callee
        self.arguments = arguments
        self.body = body
        self.clauses = clauses
        self.range = range
    }

    public var callee: Name
    public var arguments: [CallArgument]?
    public var body: PhaseBody?
    public var clauses: [PhaseClause]
    public var range: SourceRange

    /// The phase has the `unnamed` clause: no `name` in the YAML.
    public var isUnnamed: Bool { clauses.contains(where: \.isUnnamed) }
}

public struct PhaseBody: Sendable, Equatable {
    public init(items: [BodyItem], range: SourceRange) {
        self.items = items
        self.range = range
    }

    public var items: [BodyItem]
    public var range: SourceRange
}

public enum BodyItem: Sendable, Equatable {
    /// A function argument, `key: value`.
    case argument(MapEntry)
    /// `objects { name: Kind(...) }`
    case objects(ObjectsBlock)
    /// `outputs [a, b]`
    case outputs(OutputsDecl)
}

public struct ObjectsBlock: Sendable, Equatable {
    public init(entries: [MapEntry], range: SourceRange) {
        self.entries = entries
        self.range = range
    }

    public var entries: [MapEntry]
    public var range: SourceRange
}

public struct OutputsDecl: Sendable, Equatable {
    public var names: [Name]
    public var range: SourceRange

    public init(names: [Name], range: SourceRange) {
        self.names = names
        self.range = range
    }
}

public indirect enum PhaseClause: Sendable, Equatable {
    /// `undo NAME`: a later phase of the same action compensates this one.
    case undoReference(Name, range: SourceRange)
    /// `undo [NAME:] Callee { ... }`: an inline compensation.
    case undoInline(name: Name?, call: PhaseCall, range: SourceRange)
    /// `retry N`
    case retry(count: Expr, range: SourceRange)
    /// `timeout 10m`
    case timeout(Expr, range: SourceRange)
    /// `when EXPR`: the phase runs only when the condition is true.
    case when(Expr, range: SourceRange)
    /// `unnamed`: the YAML leaves the phase's `name` out (Kanister's optional
    /// name); the .bp name is for reading the file, runs and journals.
    case unnamed(range: SourceRange)

    public var isUnnamed: Bool {
        if case .unnamed = self { true } else { false }
    }

    public var range: SourceRange {
        switch self {
        case .undoReference(_, let range), .undoInline(_, _, let range), .retry(_, let range), .timeout(_, let range),
            .when(_, let range), .unnamed(let range):
            range
        }
    }
}

public struct Expr: Sendable, Equatable {
    public var kind: ExprKind
    public var range: SourceRange

    /// The expression inside any parentheses around it: `x` for `((x))`.
    public var withoutParentheses: Expr {
        var inner = self
        while case .parenthesized(let next) = inner.kind { inner = next }
        return inner
    }

    public init(_ kind: ExprKind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }
}

public indirect enum ExprKind: Sendable, Equatable {
    case identifier(String)
    case string(StringLiteral)
    /// The literal's text, exactly as written (`-3`, `1.5e3`, `1h30m`).
    case int(String)
    case float(String)
    case duration(String)
    case bool(Bool)
    case null
    /// `bash "script"`: `["bash", "-o", "errexit", "-o", "pipefail", "-c", script]`.
    case bash(StringLiteral)
    case list([Expr])
    case map([MapEntry])
    case member(Expr, Name)
    case index(Expr, Expr)
    case call(Expr, [CallArgument])
    /// `lhs | rhs`: rhs is a function name or a call whose last argument lhs becomes.
    case pipe(Expr, Expr)
    case parenthesized(Expr)
    /// A missing or malformed expression; its diagnostic was reported.
    case error
}

public struct CallArgument: Sendable, Equatable {
    public init(label: Name?, value: Expr, range: SourceRange) {
        self.label = label
        self.value = value
        self.range = range
    }

    public var label: Name?
    public var value: Expr
    public var range: SourceRange
}

public struct MapEntry: Sendable, Equatable {
    public init(key: MapKey, value: Expr, range: SourceRange) {
        self.key = key
        self.value = value
        self.range = range
    }

    public var key: MapKey
    public var value: Expr
    public var range: SourceRange
}

public enum MapKey: Sendable, Equatable {
    case identifier(Name)
    case string(StringLiteral)

    public var range: SourceRange {
        switch self {
        case .identifier(let name): name.range
        case .string(let literal): literal.range
        }
    }

    /// The key's text when it has no interpolation.
    public var constantText: String? {
        switch self {
        case .identifier(let name): name.text
        case .string(let literal): literal.constantText
        }
    }
}

public struct StringLiteral: Sendable, Equatable {
    public var segments: [StringSegment]
    public var isMultiline: Bool
    /// The number of `#` of a raw string (0 for an ordinary one).
    public var hashes: Int
    public var range: SourceRange
    /// Where decoded text comes from: escapes and stripped indentation make
    /// text offsets and source offsets drift apart; each anchor re-aligns them.
    /// In increasing (segment, textOffset) order, as the decoders append them.
    public var anchors: [StringAnchor] = []

    public init(segments: [StringSegment], isMultiline: Bool, hashes: Int, range: SourceRange, anchors: [StringAnchor] = []) {
        self.segments = segments
        self.isMultiline = isMultiline
        self.hashes = hashes
        self.range = range
        self.anchors = anchors
    }

    /// The source offset of byte `textOffset` of text segment `segment`.
    public func sourceOffset(segment: Int, textOffset: Int) -> Int {
        // The last anchor at or before (segment, textOffset), found by bisection
        // (anchors are in that order, see `anchors`): a template in a long script
        // maps each reference in logarithmic time, not by a scan of every line.
        var low = 0
        var high = anchors.count
        while low < high {
            let middle = (low + high) / 2
            let anchor = anchors[middle]
            if anchor.segment < segment || (anchor.segment == segment && anchor.textOffset <= textOffset) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        let best = low > 0 && anchors[low - 1].segment == segment ? anchors[low - 1] : nil
        guard let best else {
            if case .text(_, let range) = segments[safe: segment] { return range.start + textOffset }
            return range.start
        }
        return best.sourceOffset + (textOffset - best.textOffset)
    }

    /// The decoded text when the literal holds no interpolation.
    public var constantText: String? {
        var text = ""
        for segment in segments {
            switch segment {
            case .text(let part, _), .literalText(let part, _): text += part
            case .interpolation: return nil
            }
        }
        return text
    }
}

/// Byte `textOffset` of the decoded text of segment `segment` came from `sourceOffset`.
public struct StringAnchor: Sendable, Equatable {
    public var segment: Int
    public var textOffset: Int
    public var sourceOffset: Int

    public init(segment: Int, textOffset: Int, sourceOffset: Int) {
        self.segment = segment
        self.textOffset = textOffset
        self.sourceOffset = sourceOffset
    }
}

extension Array {
    subscript(safe index: Int) -> Element? {
        index >= 0 && index < count ? self[index] : nil
    }
}

public enum StringSegment: Sendable, Equatable {
    /// Decoded text; `{{ ... }}` in it is a Go template.
    case text(String, SourceRange)
    /// Text from `\{` or `\}` escapes: never part of a template.
    case literalText(String, SourceRange)
    /// `\( expr )`
    case interpolation(Expr)
}
