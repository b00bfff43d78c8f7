// A stable, indented text dump of the syntax tree (`bpc parse --dump-ast`),
// with line:col ranges; the parser's golden tests compare against it.

public struct ASTDumper {
    let file: SourceFile
    var lines: [String] = []
    var level = 0

    public init(file: SourceFile) { self.file = file }

    public static func dump(_ syntax: SourceFileSyntax, file: SourceFile) -> String {
        var dumper = ASTDumper(file: file)
        dumper.line("File", syntax.range)
        dumper.nested { for declaration in syntax.declarations { $0.dump(declaration) } }
        return dumper.lines.joined(separator: "\n") + "\n"
    }

    mutating func line(_ text: String, _ range: SourceRange) {
        let start = file.location(of: range.start)
        let end = file.location(of: range.end)
        lines.append(String(repeating: "  ", count: level) + "\(text) @\(start)-\(end)")
    }

    mutating func nested(_ body: (inout ASTDumper) -> Void) {
        level += 1
        body(&self)
        level -= 1
    }

    func quoted(_ text: String) -> String { StringLiteral.quote(text) }

    func name(_ name: Name) -> String { name.isQuoted ? quoted(name.text) : name.text }

    mutating func dump(_ declaration: Declaration) {
        switch declaration {
        case .blueprint(let decl):
            line("Blueprint \(name(decl.name))", decl.range)
            if let metadata = decl.metadata { nested { $0.dumpEntries("Metadata", metadata, decl.range) } }
        case .importFile(let decl):
            line("Import", decl.range)
            nested { $0.dump(decl.path) }
        case .allow(let decl):
            line("Allow " + decl.codes.map(\.text).joined(separator: ", "), decl.range)
        case .constant(let decl):
            dump(decl)
        case .definition(let decl):
            let parameters = decl.parameters.map { "(" + $0.map(\.text).joined(separator: ", ") + ")" } ?? ""
            line("Def \(decl.name.text)\(parameters)", decl.range)
            nested { $0.dump(decl.call) }
        case .action(let decl):
            line("Action \(name(decl.name))" + (decl.kind.map { " on \(name($0))" } ?? ""), decl.range)
            nested { for item in decl.items { $0.dump(item) } }
        case .error(let range):
            line("Error", range)
        }
    }

    mutating func dump(_ decl: LetDecl) {
        line("Let \(decl.name.text)", decl.range)
        nested { $0.dump(decl.value) }
    }

    mutating func dump(_ item: ActionItem) {
        switch item {
        case .input(let list):
            line("Input " + list.names.map(name).joined(separator: ", "), list.range)
            nested { dumper in
                for shape in list.shapes {
                    let kopia = shape.kopia == nil ? "" : " kopia"
                    let keys = shape.keys.map { " {" + $0.map(dumper.name).joined(separator: ", ") + "}" } ?? ""
                    dumper.line("InputShape \(dumper.name(shape.name))\(kopia)\(keys)", shape.range)
                }
            }
        case .secret(let list): line("Secret " + list.names.map(name).joined(separator: ", "), list.range)
        case .configMap(let list): line("ConfigMap " + list.names.map(name).joined(separator: ", "), list.range)
        case .output(let decl):
            line("Output \(name(decl.name))", decl.range)
            nested {
                if let value = decl.value { $0.dump(value) }
                if let entries = decl.keyValues { $0.dumpEntries("KeyValue", entries, decl.range) }
            }
        case .phase(let decl): dump(decl, keyword: "Phase")
        case .finally(let decl): dump(decl, keyword: "Finally")
        case .parallel(let group):
            line("Parallel", group.range)
            nested { for phase in group.phases { $0.dump(phase, keyword: "Phase") } }
        case .constant(let decl): dump(decl)
        case .error(let range): line("Error", range)
        }
    }

    mutating func dump(_ decl: PhaseDecl, keyword: String) {
        line("\(keyword) \(name(decl.name))", decl.range)
        nested { $0.dump(decl.call) }
    }

    mutating func dump(_ call: PhaseCall) {
        line("Call \(call.callee.text)", call.range)
        nested {
            if let arguments = call.arguments { $0.dump(arguments) }
            if let body = call.body { $0.dump(body) }
            for clause in call.clauses { $0.dump(clause) }
        }
    }

    mutating func dump(_ body: PhaseBody) {
        line("Body", body.range)
        nested {
            for item in body.items {
                switch item {
                case .argument(let entry): $0.dump(entry)
                case .objects(let block): $0.dumpEntries("Objects", block.entries, block.range)
                case .outputs(let decl): $0.line("Outputs " + decl.names.map($0.name).joined(separator: ", "), decl.range)
                }
            }
        }
    }

    mutating func dump(_ clause: PhaseClause) {
        switch clause {
        case .undoReference(let target, let range): line("Undo \(name(target))", range)
        case .undoInline(let target, let call, let range):
            line("UndoInline" + (target.map { " \(name($0))" } ?? ""), range)
            nested { $0.dump(call) }
        case .retry(let count, let range):
            line("Retry", range)
            nested { $0.dump(count) }
        case .timeout(let value, let range):
            line("Timeout", range)
            nested { $0.dump(value) }
        case .when(let condition, let range):
            line("When", range)
            nested { $0.dump(condition) }
        case .unnamed(let range): line("Unnamed", range)
        }
    }
}
