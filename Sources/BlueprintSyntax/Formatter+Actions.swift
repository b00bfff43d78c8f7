// Formatting of actions, phases, bodies and clauses.

extension FormatPrinter {
    mutating func printAction(_ decl: ActionDecl) {
        startLine()
        write("action \(name(decl.name))")
        if let kind = decl.kind { write(" on \(name(kind))") }
        write(" {")
        endLine(after: decl.kind?.range.end ?? decl.name.range.end)
        indent += 1
        for item in decl.items {
            let range = itemRange(item)
            emitLeading(before: range.start)
            printActionItem(item)
        }
        indent -= 1
        emitInnerTrailing(before: decl.range.end)
        startLine()
        write("}")
        endLine(after: decl.range.end)
    }

    func itemRange(_ item: ActionItem) -> SourceRange {
        switch item {
        case .input(let list), .secret(let list), .configMap(let list): list.range
        case .output(let decl): decl.range
        case .phase(let decl), .finally(let decl): decl.range
        case .parallel(let group): group.range
        case .constant(let decl): decl.range
        case .error(let range): range
        }
    }

    mutating func printActionItem(_ item: ActionItem) {
        switch item {
        case .input(let list):
            startLine()
            write("input " + list.names.map { inputName($0, list) }.joined(separator: ", "))
            endLine(after: list.range.end)
        case .secret(let list): printNameList("secret", list)
        case .configMap(let list): printNameList("configmap", list)
        case .output(let decl):
            startLine()
            write("output \(name(decl.name))")
            if let value = decl.value {
                write(" = ")
                printExpr(value)
            }
            if let entries = decl.keyValues {
                write(" ")
                printMap(entries, range: SourceRange(decl.value?.range.end ?? decl.name.range.end, decl.range.end))
            }
            endLine(after: decl.range.end)
        case .phase(let decl): printPhase("phase", decl)
        case .finally(let decl): printPhase("finally", decl)
        case .parallel(let group):
            startLine()
            write("parallel {")
            endLine(after: group.range.start + 1)
            indent += 1
            for phase in group.phases {
                emitLeading(before: phase.range.start)
                printPhase("phase", phase)
            }
            indent -= 1
            emitInnerTrailing(before: group.range.end)
            startLine()
            write("}")
            endLine(after: group.range.end)
        case .constant(let decl): printLet(decl)
        case .error(let range):
            startLine()
            write(source(range))
            endLine(after: range.end)
        }
    }

    mutating func printNameList(_ keyword: String, _ list: NameList) {
        startLine()
        write(keyword + " " + list.names.map(name).joined(separator: ", "))
        endLine(after: list.range.end)
    }

    /// `dump`, `dump: { path, id }`, `snap: kopia`, `both: kopia { path }`.
    func inputName(_ input: Name, _ list: NameList) -> String {
        guard let shape = list.shape(of: input) else { return name(input) }
        var text = name(input) + ":"
        if shape.kopia != nil { text += " kopia" }
        if let keys = shape.keys { text += keys.isEmpty ? " {}" : " { " + keys.map(name).joined(separator: ", ") + " }" }
        return text
    }

    mutating func printPhase(_ keyword: String, _ decl: PhaseDecl) {
        startLine()
        write("\(keyword) \(name(decl.name)): ")
        printPhaseCall(decl.call)
        endLine(after: decl.range.end)
    }

    mutating func printPhaseCall(_ call: PhaseCall) {
        write(call.callee.text)
        if let arguments = call.arguments {
            printArguments(arguments, range: SourceRange(call.callee.range.end, call.body?.range.start ?? call.range.end))
        }
        if let body = call.body {
            write(" ")
            printBody(body)
        }
        for clause in call.clauses {
            write(" ")
            printClause(clause)
        }
    }

    mutating func printBody(_ body: PhaseBody) {
        printSequence(body.items, range: body.range, open: "{", close: "}", isPadded: true, hasCommas: false, itemRange: FormatPrinter.bodyItemRange) {
            $0.printBodyItem($1)
        }
    }

    /// True when a comment starts inside `range` (comments are sorted: binary search).
    func hasComment(in range: SourceRange) -> Bool {
        var low = 0
        var high = comments.count
        while low < high {
            let middle = (low + high) / 2
            if comments[middle].start < range.start { low = middle + 1 } else { high = middle }
        }
        return low < comments.count && comments[low].start < range.end
    }

    /// Static, so passing it as a function value copies no printer state.
    static func bodyItemRange(_ item: BodyItem) -> SourceRange {
        switch item {
        case .argument(let entry): entry.range
        case .objects(let block): block.range
        case .outputs(let decl): decl.range
        }
    }

    mutating func printBodyItem(_ item: BodyItem) {
        switch item {
        case .argument(let entry): printEntry(entry)
        case .objects(let block):
            write("objects ")
            printMap(block.entries, range: block.range)
        case .outputs(let decl):
            write("outputs [" + decl.names.map(name).joined(separator: ", ") + "]")
        }
    }

    mutating func printClause(_ clause: PhaseClause) {
        switch clause {
        case .undoReference(let target, _): write("undo \(name(target))")
        case .undoInline(let target, let call, _):
            write("undo ")
            if let target { write("\(name(target)): ") }
            printPhaseCall(call)
        case .retry(let count, _):
            write("retry ")
            printExpr(count)
        case .timeout(let value, _):
            write("timeout ")
            printExpr(value)
        case .when(let condition, _):
            write("when ")
            printExpr(condition)
        case .unnamed: write("unnamed")
        }
    }
}
