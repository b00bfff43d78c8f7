// Tokens are a kind and a byte range; their text stays in the SourceFile.

public enum TokenKind: UInt8, Sendable, Equatable, CustomStringConvertible {
    case identifier, int, float, duration
    /// `"..."` or raw `#"..."#`, on one line.
    case string
    /// `"""` ... `"""` or raw `#"""` ... `"""#`.
    case multilineString
    case leftBrace, rightBrace, leftParen, rightParen, leftBracket, rightBracket
    case colon, comma, dot, pipe, equals
    case whitespace, newline, comment
    /// Bytes the lexer could not use; a diagnostic says why.
    case invalid
    case endOfFile

    public var isTrivia: Bool { self == .whitespace || self == .newline || self == .comment }

    /// `}`, `]`, `)`, `,` or the end of the file: a token no expression starts with.
    var isCloserOrSeparator: Bool {
        switch self {
        case .rightBrace, .rightBracket, .rightParen, .comma, .endOfFile: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .identifier: "identifier"
        case .int: "integer"
        case .float: "number"
        case .duration: "duration"
        case .string: "string"
        case .multilineString: "multi-line string"
        case .leftBrace: "'{'"
        case .rightBrace: "'}'"
        case .leftParen: "'('"
        case .rightParen: "')'"
        case .leftBracket: "'['"
        case .rightBracket: "']'"
        case .colon: "':'"
        case .comma: "','"
        case .dot: "'.'"
        case .pipe: "'|'"
        case .equals: "'='"
        case .whitespace: "whitespace"
        case .newline: "line end"
        case .comment: "comment"
        case .invalid: "invalid character"
        case .endOfFile: "end of file"
        }
    }
}

/// The range comes first so that the three one-byte fields share its padding:
/// 24 bytes a token instead of 32 (tokens are the largest array of a parse).
public struct Token: Sendable, Equatable {
    public var range: SourceRange
    public var kind: TokenKind
    /// True when a line end stands between this token and the previous non-trivia one.
    public var isAtLineStart: Bool
    /// True for a string the lexer found unterminated (and reported).
    public var isUnterminated: Bool

    public init(kind: TokenKind, range: SourceRange, isAtLineStart: Bool = false, isUnterminated: Bool = false) {
        self.kind = kind
        self.range = range
        self.isAtLineStart = isAtLineStart
        self.isUnterminated = isUnterminated
    }
}
