// Cycles among lets: `let a = b` with `let b = a` has no value. Each cycle is
// reported once, at the let where it is first entered in source order.

import BlueprintSyntax

extension SemanticChecker {
    /// Deeper chains of lets (`let a = b`, `let b = c`, ...) are an error, not a stack overflow.
    public static let maxLetDepth = 64

    mutating func checkLetCycles() {
        var finished: Set<LetKey> = []
        var stack: [LetDecl] = []
        // Actions by where their name is, looked up once each (a search per action copied every ActionInfo).
        var actionIndex: [SourceRange: Int] = [:]
        for (index, info) in table.actions.enumerated() where actionIndex[info.decl.name.range] == nil {
            actionIndex[info.decl.name.range] = index
        }
        for declaration in main.syntax.declarations {
            switch declaration {
            case .constant(let decl):
                visitLet(decl, in: nil, stack: &stack, finished: &finished)
            case .action(let action):
                guard action.items.contains(where: { if case .constant = $0 { true } else { false } }) else { continue }
                let info = actionIndex[action.name.range].map { table.actions[$0] }
                for case .constant(let decl) in action.items {
                    visitLet(decl, in: info, stack: &stack, finished: &finished)
                }
            default: break
            }
        }
    }

    /// Depth-first over the lets a let's value names; a let met again on the stack closes a cycle.
    mutating func visitLet(_ decl: LetDecl, in action: ActionInfo?, stack: inout [LetDecl], finished: inout Set<LetKey>) {
        let key = LetKey(decl)
        guard !finished.contains(key) else { return }
        if let start = stack.firstIndex(where: { LetKey($0) == key }) {
            let names = (stack[start...].map(\.name.text) + [decl.name.text]).joined(separator: " -> ")
            report(.semanticCycle, "let '\(decl.name.text)' refers to itself: \(names)", at: decl.name.range)
            return
        }
        guard stack.count < SemanticChecker.maxLetDepth else {
            // One error per file: a long chain would otherwise give one every 64 lets.
            if !hasReportedLetDepth {
                report(.letTooDeep, "lets nest more than \(SemanticChecker.maxLetDepth) deep at '\(decl.name.text)'", at: decl.name.range)
                hasReportedLetDepth = true
            }
            finished.insert(key)
            return
        }
        stack.append(decl)
        var names: [String] = []
        SemanticChecker.rootNames(in: decl.value, into: &names)
        for name in names {
            if case .constant(let next) = table.resolve(name, in: action) {
                visitLet(next, in: action, stack: &stack, finished: &finished)
            }
        }
        stack.removeLast()
        finished.insert(key)
    }

    /// The identifiers an expression reads as values (not function names or members).
    static func rootNames(in expr: Expr, into names: inout [String]) {
        switch expr.kind {
        case .identifier(let name): names.append(name)
        case .string(let literal), .bash(let literal): rootNames(in: literal, into: &names)
        case .list(let elements): for element in elements { rootNames(in: element, into: &names) }
        case .map(let entries):
            for entry in entries {
                if case .string(let literal) = entry.key { rootNames(in: literal, into: &names) }
                rootNames(in: entry.value, into: &names)
            }
        case .member(let base, _): rootNames(in: base, into: &names)
        case .index(let base, let key):
            rootNames(in: base, into: &names)
            rootNames(in: key, into: &names)
        case .call(_, let arguments): for argument in arguments { rootNames(in: argument.value, into: &names) }
        case .pipe(let lhs, let rhs):
            rootNames(in: lhs, into: &names)
            if case .call(_, let arguments) = rhs.kind { for argument in arguments { rootNames(in: argument.value, into: &names) } }
        case .parenthesized(let inner): rootNames(in: inner, into: &names)
        case .int, .float, .duration, .bool, .null, .error: break
        }
    }

    static func rootNames(in literal: StringLiteral, into names: inout [String]) {
        for case .interpolation(let expr) in literal.segments { rootNames(in: expr, into: &names) }
    }
}

/// A let is known by its name and where it is declared (action lets may share names).
struct LetKey: Hashable {
    var name: String
    var start: Int

    init(_ decl: LetDecl) {
        name = decl.name.text
        start = decl.name.range.start
    }
}
