// Incremental analysis for the language server: each action's results (checks,
// lowering) kept by its text and reused, moved to where the action now starts,
// while its environment (every declaration but the action bodies) is unchanged.

import BlueprintSyntax

/// An action's text as a cache key: hashed once (FNV-1a), compared byte for byte.
public struct ActionKey: Hashable, Sendable {
    public let bytes: [UInt8]
    let hash: UInt64

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        hash = bytes.withUnsafeBufferPointer { buffer in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            return hash
        }
    }

    public static func == (left: ActionKey, right: ActionKey) -> Bool { left.hash == right.hash && left.bytes == right.bytes }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}

/// Per-action results of one pass, valid for one environment. Used from one
/// thread at a time (the language server's queue); the passes read it before
/// and write it after their parallel part. An analysis keeps only the entries
/// of the actions it saw (`prepare` ... `finish`).
public final class ActionResultCache<Entry>: @unchecked Sendable {
    /// The environment the entries were computed in (`ActionEnvironment.key`).
    private var environment: [UInt8]?
    private var entries: [ActionKey: (start: Int, entry: Entry)] = [:]
    /// The entries of the analysis under way.
    private var kept: [ActionKey: (start: Int, entry: Entry)] = [:]
    /// How many actions were taken from the cache, and computed, since it was made.
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init() {}

    /// Starts an analysis: every entry is dropped unless computed in `environment`.
    public func prepare(environment: [UInt8]) {
        if self.environment != environment {
            self.environment = environment
            entries = [:]
        }
        kept = [:]
    }

    /// The entry of an action whose text is `key`, and where that text started then.
    public func lookup(_ key: ActionKey) -> (start: Int, entry: Entry)? {
        if let found = entries[key] {
            hits += 1
            kept[key] = found
            return found
        }
        misses += 1
        return nil
    }

    public func store(_ key: ActionKey, start: Int, _ entry: Entry) { kept[key] = (start, entry) }

    /// Ends an analysis: the entries it looked up or stored are the cache's.
    public func finish() {
        entries = kept
        kept = [:]
    }
}

/// The environment of a module's actions: what an action's results may depend
/// on besides its own text. Every declaration that is not an action, with where
/// it starts (a result may point at it); each action's text with its phases'
/// argument bodies left out (its name, phase names, clauses, inputs, outputs,
/// secrets); the imported files; the Kanister version.
public enum ActionEnvironment {
    public static func key(main: Module, imports: [Module], kanister: KanisterVersion) -> [UInt8] {
        var key = Array("kanister \(kanister)\n".utf8)
        let bytes = main.file.bytes
        for declaration in main.syntax.declarations {
            if case .action(let action) = declaration {
                key += Array("action\n".utf8)
                var cursor = action.range.start
                for body in bodyRanges(of: action) where body.start >= cursor && body.end <= action.range.end {
                    key += bytes[cursor..<body.start]
                    key += Array("{}".utf8)
                    cursor = body.end
                }
                key += bytes[cursor..<min(action.range.end, bytes.count)]
            } else {
                let range = declaration.range
                key += Array("\ndecl \(range.start)\n".utf8)
                key += bytes[min(range.start, bytes.count)..<min(range.end, bytes.count)]
            }
        }
        for module in imports {
            key += Array("\nimport \(module.file.path) \(module.file.bytes.count)\n".utf8)
            key += module.file.bytes
        }
        return key
    }

    /// The argument bodies of an action's phases, in source order.
    static func bodyRanges(of action: ActionDecl) -> [SourceRange] {
        var ranges: [SourceRange] = []
        for item in action.items {
            switch item {
            case .phase(let phase), .finally(let phase):
                if let body = phase.call.body { ranges.append(body.range) }
            case .parallel(let group):
                ranges += group.phases.compactMap { $0.call.body?.range }
            case .input, .secret, .configMap, .output, .constant, .error: break
            }
        }
        return ranges.sorted { $0.start < $1.start }
    }

    /// The text of an action, its cache key.
    public static func key(of action: ActionDecl, in file: SourceFile) -> ActionKey {
        ActionKey(Array(file.bytes[min(action.range.start, file.bytes.count)..<min(action.range.end, file.bytes.count)]))
    }

    /// The ranges of `module` outside its actions that a cached result may point
    /// at: the other declarations, whose places are part of the environment.
    public static func fixedRanges(of module: Module) -> [SourceRange] {
        module.syntax.declarations.compactMap { declaration in
            if case .action = declaration { return nil }
            return declaration.range
        }
    }

}

/// Moving an action's diagnostics to where the action now starts.
public struct ActionRelocation {
    /// The action's range when the results were computed.
    public var span: SourceRange
    /// Declarations outside the action whose places the environment fixes.
    public var fixed: [SourceRange]

    public init(span: SourceRange, fixed: [SourceRange]) {
        self.span = span
        self.fixed = fixed
    }

    func isInside(_ range: SourceRange, _ outer: SourceRange) -> Bool { range.start >= outer.start && range.end <= outer.end }

    /// A range inside the action, or one in a fixed declaration.
    func isMovable(_ range: SourceRange) -> Bool { isInside(range, span) || fixed.contains { isInside(range, $0) } }

    /// True when every range of `diagnostics` in this file can be moved with the action.
    public func canMove(_ diagnostics: [Diagnostic]) -> Bool {
        diagnostics.allSatisfy { diagnostic in
            diagnostic.document == nil && isMovable(diagnostic.range)
                && diagnostic.notes.allSatisfy { note in note.file != nil || note.range.map(isMovable) ?? true }
                && diagnostic.fixIts.allSatisfy { isMovable($0.range) }
        }
    }

    /// `range` moved by `delta` when it lies in the action.
    public func move(_ range: SourceRange, by delta: Int) -> SourceRange {
        isInside(range, span) ? SourceRange(range.start + delta, range.end + delta) : range
    }

    public func move(_ diagnostic: Diagnostic, by delta: Int) -> Diagnostic {
        guard delta != 0 else { return diagnostic }
        var moved = diagnostic
        moved.range = move(diagnostic.range, by: delta)
        for index in moved.notes.indices where moved.notes[index].file == nil {
            moved.notes[index].range = moved.notes[index].range.map { move($0, by: delta) }
        }
        for index in moved.fixIts.indices { moved.fixIts[index].range = move(moved.fixIts[index].range, by: delta) }
        return moved
    }
}
