// Reads through a `let` (`img.field`, `cfg["key"]`, `n[0]`): the let's value is
// substituted, so the read is checked as if written on the value itself; a value
// that has no fields or keys (a string, number, bool, null, list, map) refuses it.

import BlueprintSyntax

extension DiagnosticCode {
    /// A field or key read on a value that has none (a let bound to a string, number,
    /// bool, null, list or map): Go's template engine refuses it, or it cannot be lowered.
    public static let noMembers = DiagnosticCode("BP2080")
    /// An integer literal outside the 64-bit range.
    public static let integerOutOfRange = DiagnosticCode("BP2082")
}

extension SemanticChecker {
    /// `name.path…` where `name` is a let: the read is checked on the let's value;
    /// `firstRead`: how the path's first name is read (a field or a key), when known.
    mutating func checkLetRead(_ name: String, _ decl: LetDecl, path: [(String, SourceRange)], firstRead: ValueRead.Kind? = nil) {
        guard let first = path.first, !letStack.contains(name), letStack.count < SemanticChecker.maxLetDepth else { return }
        letStack.append(name)
        defer { letStack.removeLast() }
        let (value, owner) = letValue(decl)
        if let kind = SemanticChecker.memberlessKind(of: value) {
            reportMemberless(name, kind: kind, owner: owner, value: value, at: first)
            return
        }
        switch value.kind {
        case .call, .pipe:
            // What a function returns (`upper(x)`, `x | toJson`).
            guard let function = SemanticChecker.resultFunction(of: value) else { return }
            if function == "option" {
                reportMemberless(name, kind: "an option (a string)", owner: owner, value: value, at: first)
            } else if let problem = SemanticChecker.resultReadProblem(
                function, arguments: SemanticChecker.constantArguments(of: value), read: first.0, kind: firstRead)
            {
                reportBadCall(problem, at: first.1)
            }
        default:
            // A chain (`StatefulSet`, `dump.output`, `Object["a"]`): the read continues it.
            guard let (root, rootRange, prefix) = SemanticChecker.constantChain(value) else { return }
            checkRoot(root, rootRange, path: prefix + path, firstRead: prefix.isEmpty ? firstRead : nil)
        }
    }

    /// The value a let stands for, lets followed, and the let that binds it.
    mutating func letValue(_ decl: LetDecl) -> (Expr, LetDecl) {
        var owner = decl
        var current = decl.value
        for _ in 0..<SemanticChecker.maxLetDepth {
            switch current.kind {
            case .parenthesized(let inner): current = inner
            case .identifier(let name):
                guard case .constant(let next) = resolvedInAction(name).symbol, next.name.text != owner.name.text else { return (current, owner) }
                owner = next
                current = next.value
            default: return (current, owner)
            }
        }
        return (current, owner)
    }

    /// What a value with no fields or keys is ("a string"), or nil when it may have some.
    static func memberlessKind(of value: Expr) -> String? {
        switch value.kind {
        case .string, .duration: "a string"
        case .int, .float: "a number"
        case .bool: "a boolean"
        case .null: "null"
        case .bash: "a command"
        case .list: "a list written in .bp"
        case .map: "a map written in .bp"
        default: nil
        }
    }

    mutating func reportMemberless(_ name: String, kind: String, owner: LetDecl, value: Expr, at part: (String, SourceRange)) {
        let notes = isInMainFile(owner) ? [DiagnosticNote("'\(owner.name.text)' is \(kind) here", range: value.range)] : []
        report(.noMembers, SemanticChecker.memberlessMessage(name, kind: kind, value: value, part: part.0), at: part.1, notes: notes)
    }

    /// The message for reading `part` on `value`, which is `kind` and has no
    /// fields or keys: through the let `name`, or written on the value when nil.
    static func memberlessMessage(_ name: String?, kind: String, value: Expr, part: String) -> String {
        switch value.kind {
        case .map, .list:
            let element = if case .list = value.kind { "element" } else { "entry" }
            let subject = name.map { "'\($0)' is \(kind), and templates cannot read inside one" } ?? "templates cannot read inside \(kind)"
            return "\(subject) ('\(part)'): give the \(element) a let of its own"
        default:
            guard let name else { return "\(kind) has no field or key '\(part)'; Go's template engine refuses the read" }
            return "'\(name)' is \(kind), which has no field or key '\(part)'; Go's template engine refuses the read when it renders"
        }
    }

    /// A field or key read (`read`) on a value Kanister fills with a string (an
    /// output of a phase, a keyValue of an artifact): Go's template engine refuses it.
    mutating func reportValueRead(_ read: (String, SourceRange), on value: String, kind: String = "a string") {
        report(.noMembers, SemanticChecker.valueReadMessage(read.0, on: value, kind: kind), at: read.1)
    }

    /// Why Go refuses reading `name` on `value`, a value of `kind` that has no fields or keys.
    static func valueReadMessage(_ name: String, on value: String, kind: String) -> String {
        "\(value) is \(kind), which has no field or key '\(name)'; Go's template engine refuses the read"
    }

    /// Whether `decl` is written in the file being checked (a note elsewhere would point at the wrong bytes).
    func isInMainFile(_ decl: LetDecl) -> Bool {
        for declaration in main.syntax.declarations {
            switch declaration {
            case .constant(let other) where other == decl: return true
            case .action(let action):
                for case .constant(let other) in action.items where other == decl { return true }
            default: continue
            }
        }
        return false
    }

    /// `a.b["c"]`: the root name, its range and the constant path after it; nil
    /// for anything else (a computed key, a call).
    static func constantChain(_ expr: Expr) -> (String, SourceRange, [(String, SourceRange)])? {
        var path: [(String, SourceRange)] = []
        var current = expr
        while true {
            switch current.kind {
            case .member(let base, let name):
                path.append((name.text, name.range))
                current = base
            case .index(let base, let key):
                guard let text = constantKeyText(key) else { return nil }
                path.append((text, key.range))
                current = base
            case .parenthesized(let inner): current = inner
            case .identifier(let name): return (name, current.range, path.reversed())
            default: return nil
            }
        }
    }

    /// `x[3]` where `x` is a let whose value has no elements (a number, bool, null,
    /// list or map written in .bp; Go indexes a string by position).
    mutating func checkIntegerIndex(of base: Expr, key: Expr) {
        guard case .identifier(let name) = base.kind, case .constant(let decl) = resolvedInAction(name).symbol else { return }
        let (value, owner) = letValue(decl)
        guard let kind = SemanticChecker.memberlessKind(of: value), kind != "a string" else { return }
        var text = ""
        if case .int(let spelled) = key.kind { text = spelled }
        reportMemberless(name, kind: kind, owner: owner, value: value, at: (text, key.range))
    }
}

/// A field or key read written on a value: `.name`, `["name"]` or `[3]`.
struct ValueRead {
    enum Kind { case field, key, position }

    var name: String
    var range: SourceRange
    /// Nil when the read came through a let, which keeps only its text.
    var kind: Kind?
}
