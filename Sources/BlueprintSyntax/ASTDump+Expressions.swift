// The expression half of the AST dump.

extension ASTDumper {
    mutating func dumpEntries(_ title: String, _ entries: [MapEntry], _ range: SourceRange) {
        line(title, entries.first.map { $0.range.union(entries[entries.count - 1].range) } ?? range)
        nested { for entry in entries { $0.dump(entry) } }
    }

    mutating func dump(_ entry: MapEntry) {
        switch entry.key {
        case .identifier(let key): line("Entry \(key.text)", entry.range)
        case .string(let literal):
            line("Entry", entry.range)
            nested { $0.dump(literal) }
        }
        nested { $0.dump(entry.value) }
    }

    mutating func dump(_ arguments: [CallArgument]) {
        for argument in arguments {
            line("Argument" + (argument.label.map { " \($0.text):" } ?? ""), argument.range)
            nested { $0.dump(argument.value) }
        }
    }

    mutating func dump(_ literal: StringLiteral) {
        let kind = (literal.hashes > 0 ? "Raw" : "") + (literal.isMultiline ? "MultilineString" : "String")
        line(kind, literal.range)
        nested {
            for segment in literal.segments {
                switch segment {
                case .text(let text, let range): $0.line("Text \($0.quoted(text))", range)
                case .literalText(let text, let range): $0.line("LiteralText \($0.quoted(text))", range)
                case .interpolation(let expr):
                    $0.line("Interpolation", expr.range)
                    $0.nested { $0.dump(expr) }
                }
            }
        }
    }

    mutating func dump(_ expr: Expr) {
        switch expr.kind {
        case .identifier(let text): line("Identifier \(text)", expr.range)
        case .string(let literal): dump(literal)
        case .int(let text): line("Int \(text)", expr.range)
        case .float(let text): line("Float \(text)", expr.range)
        case .duration(let text): line("Duration \(text)", expr.range)
        case .bool(let value): line("Bool \(value)", expr.range)
        case .null: line("Null", expr.range)
        case .bash(let literal):
            line("Bash", expr.range)
            nested { $0.dump(literal) }
        case .list(let elements):
            line("List", expr.range)
            nested { for element in elements { $0.dump(element) } }
        case .map(let entries):
            line("Map", expr.range)
            nested { for entry in entries { $0.dump(entry) } }
        case .member(let base, let member):
            line("Member \(name(member))", expr.range)
            nested { $0.dump(base) }
        case .index(let base, let subscriptExpr):
            line("Index", expr.range)
            nested {
                $0.dump(base)
                $0.dump(subscriptExpr)
            }
        case .call(let callee, let arguments):
            line("Call", expr.range)
            nested {
                $0.dump(callee)
                $0.dump(arguments)
            }
        case .pipe(let lhs, let rhs):
            line("Pipe", expr.range)
            nested {
                $0.dump(lhs)
                $0.dump(rhs)
            }
        case .parenthesized(let inner):
            line("Paren", expr.range)
            nested { $0.dump(inner) }
        case .error: line("ErrorExpr", expr.range)
        }
    }
}
