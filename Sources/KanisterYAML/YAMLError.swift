// YAMLError (a reader error with its position), YAMLWriterError, and the reader's
// limits on alias expansion and nesting.

/// A reader error: libyaml's problem (with its context) or a limit/alias error, at a
/// 1-based line and column (in characters) and a 0-based byte offset.
public struct YAMLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var line: Int
    public var column: Int
    public var offset: Int

    public init(message: String, line: Int, column: Int, offset: Int) {
        self.message = message
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// An error at a libyaml-style (0-based) mark.
    public init(message: String, at mark: YAMLMark) {
        self.init(message: message, line: mark.line + 1, column: mark.column + 1, offset: mark.offset)
    }

    public var description: String { "\(line):\(column): \(message)" }
}

/// A writer error: libyaml's emitter refused an event (it names the problem).
public struct YAMLWriterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}

/// Bounds that keep hostile input (alias bombs, deep nesting) from exhausting memory.
public struct YAMLReaderLimits: Sendable, Equatable {
    /// The most nodes all documents may hold once aliases are expanded.
    public var maxNodes: Int
    /// The most nested sequences and mappings, aliases expanded.
    public var maxDepth: Int

    public init(maxNodes: Int = 1_000_000, maxDepth: Int = 512) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
    }

    public static let standard = YAMLReaderLimits()
}
