// Go templates inside strings: parsed with the Go-compatible parser, their
// references checked like expressions, positions mapped back to the source.

import BlueprintSyntax

extension DiagnosticCode {
    public static let badReferencePart = DiagnosticCode("BP2029")
}

extension SemanticChecker {
    mutating func checkString(_ literal: StringLiteral) {
        // The text of the current line before the segment, for the secret check.
        var linePrefix = ""
        for (index, segment) in literal.segments.enumerated() {
            switch segment {
            case .interpolation(let expr):
                checkExpression(expr)
                if context.isCommand { checkSecretInterpolation(expr, linePrefix: linePrefix) }
                linePrefix += "\u{1}"
            case .literalText(let text, _):
                SemanticChecker.extendLine(&linePrefix, with: text)
            case .text(let text, _):
                if text.utf8.count >= 2, text.containsTemplateOpen {
                    checkTemplate(text, segment: index, of: literal, linePrefix: linePrefix)
                }
                SemanticChecker.extendLine(&linePrefix, with: text)
            }
        }
    }

    /// The source range of a template's byte range; a field's leading `.` is left out.
    func sourceRange(_ range: Range<Int>, segment: Int, of literal: StringLiteral, text: String) -> SourceRange {
        let utf8 = text.utf8
        let startsWithDot =
            range.lowerBound < utf8.count && range.count > 1
            && utf8[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)] == UInt8(ascii: ".")
        let lower = range.lowerBound + (startsWithDot ? 1 : 0)
        return SourceRange(
            literal.sourceOffset(segment: segment, textOffset: lower),
            literal.sourceOffset(segment: segment, textOffset: range.upperBound))
    }

    mutating func checkTemplate(_ text: String, segment: Int, of literal: StringLiteral, linePrefix: String = "") {
        switch GoTemplate.parse(text) {
        case .failure(let error):
            let at = literal.sourceOffset(segment: segment, textOffset: min(error.offset, text.utf8.count))
            let range = SourceRange(at, at + 1)
            let hint = error.hint.map { " (\($0))" } ?? ""
            if error.message.hasPrefix("function \"") {
                report(.unknownTemplateFunction, "unknown template function: \(error.message)\(hint)", at: range)
            } else {
                report(.malformedTemplate, "malformed template: \(error.message)\(hint)", at: range)
            }
        case .success(let tree):
            for reference in tree.rootReferences {
                let path = zip(reference.path, reference.ranges).map { ($0, sourceRange($1, segment: segment, of: literal, text: text)) }
                checkTemplatePath(path)
                if context.isCommand, reference.path.contains(where: { $0 == "Secrets" }) {
                    checkSecretUse(text, at: reference.ranges[0], range: path[0].1, name: "." + reference.path.joined(separator: "."), linePrefix: linePrefix)
                }
            }
        }
    }

    /// A template parameter path: `.Phases.p.Output.k`, `.ArtifactsIn.a`, `.StatefulSet.Name`, ...
    mutating func checkTemplatePath(_ path: [(String, SourceRange)]) {
        guard let (root, rootRange) = path.first else { return }
        let catalog = KanisterCatalog.shared
        guard catalog.templateRoots.contains(root) else {
            report(.unknownTemplateParameter, "unknown template parameter '.\(root)'\(Suggestions.hint(for: root, in: catalog.templateRoots))", at: rootRange)
            return
        }
        let second = path.dropFirst().first
        switch root {
        case "Phases":
            guard let (phase, range) = second else { return }
            guard let part = path.dropFirst(2).first else {
                checkPhaseReference(phase, nil, key: nil, at: range)
                return
            }
            let parts: [String: PhaseReference.Part] = ["Output": .output, "Secrets": .secrets, "ConfigMaps": .configMaps]
            guard let kind = parts[part.0] else {
                report(
                    .badReferencePart,
                    "a phase has Output, Secrets and ConfigMaps; '\(part.0)' is none of them\(Suggestions.hint(for: part.0, in: Array(parts.keys)))", at: part.1
                )
                return
            }
            checkPhaseReference(phase, kind, key: path.dropFirst(3).first, at: range)
        case "ArtifactsIn":
            if let (name, range) = second { checkDeclared(name, range, in: context.action?.inputs ?? [], what: "input artifact", keyword: "input") }
        case "Secrets":
            if let (name, range) = second { checkDeclared(name, range, in: context.action?.secrets ?? [], what: "secret", keyword: "secret") }
        case "ConfigMaps":
            if let (name, range) = second { checkDeclared(name, range, in: context.action?.configMaps ?? [], what: "configmap", keyword: "configmap") }
        case "DeferPhase":
            if !context.isArtifact {
                let reader = context.phase.map { "phase '\($0.name)'" } ?? "a phase"
                report(.deferPhaseOutside, "\(reader) cannot read .DeferPhase: only output artifacts are rendered after the deferPhase", at: rootRange)
            }
        default:
            checkWorkloadRoot(root, rootRange)
            if let (field, range) = second, let fields = catalog.rootFields[root], !fields.contains(field) {
                report(.unknownTemplateParameter, "'.\(root)' has no field '\(field)'\(Suggestions.hint(for: field, in: fields))", at: range)
            }
        }
    }

    /// `.StatefulSet` is nil unless the ActionSet's object is a StatefulSet.
    mutating func checkWorkloadRoot(_ root: String, _ range: SourceRange) {
        guard let requiredKind = KanisterCatalog.workloadRoots[root], let action = context.action,
            let kind = action.decl.kind?.text.lowercased(),
            KanisterCatalog.workloadRoots.values.contains(kind), kind != requiredKind
        else { return }
        report(
            .unpopulatedParameter, "'.\(root)' is empty in action '\(action.name)', which runs on \(action.decl.kind?.text ?? kind)", at: range,
            notes: [DiagnosticNote("the action's kind is set here", range: action.decl.kind?.range)])
    }

    mutating func checkDeclared(_ name: String, _ range: SourceRange, in declared: [Name], what: String, keyword: String) {
        if what == "input artifact" { context.usedInputs.insert(name) }
        guard !declared.contains(where: { $0.text == name }) else { return }
        let code: DiagnosticCode = what == "input artifact" ? .undeclaredArtifact : .undeclaredSecret
        if declared.isEmpty {
            report(code, "\(what) '\(name)' is not declared; add '\(keyword) \(name)' to the action", at: range, severity: .warning)
        } else {
            report(
                code, "\(what) '\(name)' is not declared in this action\(Suggestions.hint(for: name, in: declared.map(\.text)))", at: range,
                notes: [DiagnosticNote("declared \(what)s are listed here", range: declared[0].range)])
        }
    }

    /// A secret rendered into a command line shows in process listings; assign it to a variable.
    mutating func checkSecretUse(_ text: String, at offset: Range<Int>, range: SourceRange, name: String, linePrefix: String) {
        let bytes = Array(text.utf8)
        var lineStart = min(offset.lowerBound, bytes.count)
        while lineStart > 0, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        // A line that began in an earlier segment (before an interpolation) starts with its text.
        let before = lineStart == 0 ? linePrefix : ""
        let line = before + String(decoding: bytes[lineStart..<min(bytes.count, lineStart + 200)], as: UTF8.self)
        guard !SemanticChecker.isOffCommandLine(line) else { return }
        report(
            .secretInCommand, "secret value \(name) is written into a command line, where process listings show it; assign it to a variable first", at: range,
            severity: .warning)
    }
}
