// The seam between the scheduler and the world: a rendered phase goes to a
// PhaseExecutor (local processes, kubectl, dry run, or a test double), which
// returns the phase's outputs or throws.

import BlueprintPlan

/// A phase with every template rendered: what an executor runs.
public struct RenderedPhase: Sendable, Equatable {
    public var name: String
    public var kind: PlanNodeKind
    public var function: String
    public var args: [KanisterEntry]
    /// Rendered object references: object name -> field -> value.
    public var objects: [String: [String: String]]

    public init(name: String, kind: PlanNodeKind = .phase, function: String, args: [KanisterEntry] = [], objects: [String: [String: String]] = [:]) {
        self.name = name
        self.kind = kind
        self.function = function
        self.args = args
        self.objects = objects
    }

    public func argument(_ key: String) -> KanisterValue? { args.first { $0.key == key }?.value }

    /// A string argument (numbers and booleans as their text, as weak decoding reads them).
    public func string(_ key: String) -> String? {
        switch argument(key) {
        case .string(let text), .int(let text), .float(let text): text
        case .bool(let flag): flag ? "true" : "false"
        default: nil
        }
    }

    /// A list of strings; a single string is a one-element list (weak decoding).
    public func strings(_ key: String) -> [String]? {
        switch argument(key) {
        case .list(let items):
            items.compactMap { item in
                if case .string(let text) = item { return text }
                if case .int(let text) = item { return text }
                return nil
            }
        case .string(let text): [text]
        default: nil
        }
    }
}

/// What an executor may use besides the phase.
public struct PhaseContext: Sendable {
    public var runID: String
    public var attempt: Int
    /// A line the phase printed that is not an output (redacted by the caller).
    public var log: @Sendable (String) -> Void
    /// Called with the process group id of each process the executor starts, so
    /// a later `--resume` or `rollback` can kill what a crashed run left behind.
    public var processStarted: @Sendable (Int32) async -> Void
    /// The run's redactor, for text an executor shortens or keeps (a secret cut in
    /// half by truncation would no longer be recognised later).
    public var redactor: Redactor

    public init(
        runID: String, attempt: Int = 1, log: @escaping @Sendable (String) -> Void = { _ in },
        processStarted: @escaping @Sendable (Int32) async -> Void = { _ in }, redactor: Redactor = Redactor()
    ) {
        self.runID = runID
        self.attempt = attempt
        self.log = log
        self.processStarted = processStarted
        self.redactor = redactor
    }
}

public protocol PhaseExecutor: Sendable {
    /// `local`, `dry-run`, `kubectl`, ...
    var name: String { get }
    /// Why this backend cannot run `function`, or nil when it can.
    func unsupportedReason(for function: String) -> String?
    /// Runs the phase to completion and returns its outputs. Must stop promptly
    /// (killing what it started) when the task is cancelled.
    func run(_ phase: RenderedPhase, context: PhaseContext) async throws -> [String: String]
    /// False for a dry run: later templates then read made-up `<phase.output.key>` values.
    var producesOutputs: Bool { get }
}

extension PhaseExecutor {
    public var producesOutputs: Bool { true }
}

/// A phase that did not succeed, with a message for the user.
public struct PhaseFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
