// Diagnostics are values: a stable code, a severity, a message, a range, notes
// and fix-its. Passes return them; user errors are never thrown.

public enum Severity: String, Sendable, Hashable, Comparable {
    case note, warning, error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }
}

/// A secondary message at another place ("previous definition is here").
public struct DiagnosticNote: Sendable, Hashable {
    public var message: String
    public var range: SourceRange?
    public var file: String?

    public init(_ message: String, range: SourceRange? = nil, file: String? = nil) {
        self.message = message
        self.range = range
        self.file = file
    }
}

/// A suggested edit: replace `range` with `replacement`.
public struct FixIt: Sendable, Hashable {
    public var range: SourceRange
    public var replacement: String

    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

public struct Diagnostic: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    public var range: SourceRange
    public var notes: [DiagnosticNote]
    public var fixIts: [FixIt]
    /// The object of a multi-object file the diagnostic is about, as messages
    /// name it (`Blueprint 'mysql'`); nil in a file that holds one. Renderers
    /// add it to the message text, JSON as `document`, SARIF as a logical location.
    public var document: String?

    public init(
        _ code: DiagnosticCode, _ severity: Severity = .error, _ message: String,
        at range: SourceRange, notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.notes = notes
        self.fixIts = fixIts
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange) -> Diagnostic {
        Diagnostic(code, .error, message, at: range)
    }
}

/// A stable diagnostic code such as `BP1004`. Codes never change meaning.
public struct DiagnosticCode: Sendable, Equatable, Hashable, CustomStringConvertible {
    public let rawValue: String
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    /// `BP` and four digits: how every code is spelled (what `allow` and `--allow` take).
    public static func isWellFormed(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 6 && bytes[0] == UInt8(ascii: "B") && bytes[1] == UInt8(ascii: "P")
            && bytes[2...].allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

extension Array where Element == Diagnostic {
    /// Without the warnings and notes whose code is in `allowed`; errors always stay.
    public func allowing(_ allowed: Set<String>) -> [Diagnostic] {
        guard !allowed.isEmpty else { return self }
        return filter { $0.severity == .error || !allowed.contains($0.code.rawValue) }
    }
}

/// Codes of the front end: BP0xxx lexical, BP1xxx syntactic.
extension DiagnosticCode {
    public static let invalidByte = DiagnosticCode("BP0001")
    public static let invalidUTF8 = DiagnosticCode("BP0002")
    public static let nulByte = DiagnosticCode("BP0003")
    public static let unterminatedString = DiagnosticCode("BP0004")
    public static let invalidEscape = DiagnosticCode("BP0005")
    public static let malformedNumber = DiagnosticCode("BP0006")
    public static let multilineStringLayout = DiagnosticCode("BP0007")
    public static let unterminatedInterpolation = DiagnosticCode("BP0008")
    public static let expectedToken = DiagnosticCode("BP1001")
    public static let unexpectedToken = DiagnosticCode("BP1002")
    public static let expectedDeclaration = DiagnosticCode("BP1003")
    public static let expectedExpression = DiagnosticCode("BP1004")
    public static let nestingTooDeep = DiagnosticCode("BP1005")
    public static let expectedActionItem = DiagnosticCode("BP1006")
    public static let expectedName = DiagnosticCode("BP1007")
    public static let unclosedDelimiter = DiagnosticCode("BP1008")
    public static let invalidClause = DiagnosticCode("BP1009")
    public static let tooManyErrors = DiagnosticCode("BP1010")
}

/// Diagnostics in the order reported, each kept once (a let or def expanded
/// at several places would otherwise report one problem at every use).
public struct DiagnosticList: Sendable {
    public private(set) var items: [Diagnostic] = []
    private var seen: Set<Diagnostic> = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) {
        if seen.insert(diagnostic).inserted { items.append(diagnostic) }
    }

    public var hasErrors: Bool { items.contains { $0.severity == .error } }
}

extension Array where Element == Diagnostic {
    /// The diagnostics by where they start; ties keep their order (a stable sort).
    public var inSourceOrder: [Diagnostic] {
        enumerated().sorted { ($0.element.range.start, $0.offset) < ($1.element.range.start, $1.offset) }.map(\.element)
    }
}
