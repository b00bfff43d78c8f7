// Checks of actions and phases: finally, undo targets, functions and their
// arguments (names, required, types), clauses, parallel groups.

import BlueprintSyntax

extension SemanticChecker {
    /// Whether `function` (in any case) is Wait or WaitV2, whose timeout and conditions have rules of their own.
    static func isWait(_ function: String) -> Bool {
        ["wait", "waitv2"].contains(function.lowercased())
    }

    mutating func checkAction(_ action: ActionInfo) {
        context = CheckContext(action: action)
        let finals = action.phases.filter(\.isFinally)
        for extra in finals.dropFirst() {
            report(
                .duplicateFinally, "action '\(action.name)' has more than one finally phase; Kanister has one deferPhase per action", at: extra.decl.name.range,
                notes: [DiagnosticNote("the first finally is here", range: finals[0].decl.name.range)])
        }
        checkDuplicateNames(action.inputs, what: "input")
        checkDuplicateNames(action.secrets, what: "secret")
        checkDuplicateNames(action.configMaps, what: "configmap")
        resolveInputTypes(action)
        context.expansions.reserveCapacity(action.phases.count)
        for phase in action.phases { context.expansions[phase.decl.range.start] = table.expand(phase.decl.call) }
        model.expandedPhases[action.name] = action.phases.map(expansion(of:))
        var phaseRefs: [String: [PhaseReference]] = [:]
        for phase in action.phases {
            context.phase = phase
            context.references = []
            checkPhase(phase, in: action)
            phaseRefs[phase.name] = context.references
        }
        context.phase = nil
        context.isArtifact = true
        for output in action.outputs { checkArtifact(output) }
        context.isArtifact = false
        model.phaseReferences[action.name] = phaseRefs
        checkConditionalReads()
        checkParallelGroups(action, phaseRefs)
        checkUnused(action)
        checkUnproducedInputs(action)
    }

    mutating func checkDuplicateNames(_ names: [Name], what: String, code: DiagnosticCode = .duplicateDefinition) {
        var seen: [String: Name] = [:]
        for name in names {
            if let previous = seen[name.text] {
                report(
                    code, "\(what) '\(name.text)' is declared twice", at: name.range,
                    notes: [DiagnosticNote("first declared here", range: previous.range)])
            } else {
                seen[name.text] = name
            }
        }
    }

    /// `phase` with its defs expanded: the action's expansion when it is being checked.
    func expansion(of phase: PhaseInfo) -> ExpandedCall {
        context.expansions[phase.decl.range.start]?.call ?? table.expand(phase.decl.call).call
    }

    mutating func checkPhase(_ phase: PhaseInfo, in action: ActionInfo) {
        let (expanded, problems) = context.expansions[phase.decl.range.start] ?? table.expand(phase.decl.call)
        for problem in problems { report(problem.code, problem.message, at: problem.range) }
        usedDefs.formUnion(expanded.defs)
        checkCall(expanded, phaseName: phase.name)
        checkDeclaredOutputs(phase, expanded)
        for clause in expanded.clauses { checkClause(clause, of: phase, in: action) }
        checkRepeatedClauses(expanded.clauses, of: phase)
    }

    /// `retry`, `timeout` and `unnamed` once a phase (a def's and its use's
    /// clauses together): which of two retry counts would hold is not the
    /// reader's guess. Two `when`s are reported by the condition check.
    mutating func checkRepeatedClauses(_ clauses: [PhaseClause], of phase: PhaseInfo) {
        var first: [String: SourceRange] = [:]
        for clause in clauses {
            let keyword: String
            let range: SourceRange
            switch clause {
            case .retry(_, let clauseRange): (keyword, range) = ("retry", clauseRange)
            case .timeout(_, let clauseRange): (keyword, range) = ("timeout", clauseRange)
            case .unnamed(let clauseRange): (keyword, range) = ("unnamed", clauseRange)
            case .undoReference, .undoInline, .when: continue
            }
            if let previous = first[keyword] {
                report(
                    .badClause, "phase '\(phase.name)' has two '\(keyword)' clauses; keep one", at: range,
                    notes: [DiagnosticNote("the first one is here", range: previous)])
            } else {
                first[keyword] = range
            }
        }
    }

    /// The function, its arguments, objects and every expression in them.
    mutating func checkCall(_ call: ExpandedCall, phaseName: String) {
        // A class reference: handing it to each argument's check copies no FunctionSpec.
        let function = target.functions[call.function.text]
        if function == nil, !call.function.text.isEmpty { reportUnknownFunction(call.function) }
        var given: [String] = []
        given.reserveCapacity(call.items.count)
        // WaitV2 leaves its arguments unrendered (opaque, but for the object references it
        // renders itself); Wait renders them all itself, as any phase's are.
        let isUnrendered = call.function.text.lowercased() == "waitv2"
        for item in call.items {
            switch item {
            case .argument(let entry):
                let key = entry.key.constantText ?? ""
                given.append(key)
                if let function { checkArgument(entry, key: key, of: function) }
                guard !isUnrendered else {
                    if key == "conditions" { checkWaitObjectReferences(entry.value) }
                    continue
                }
                context.isCommand = key == "command" || key.hasSuffix("Command")
                checkKey(entry.key)
                checkExpression(entry.value)
                context.isCommand = false
            case .objects(let block):
                checkObjects(block)
                context.isObjects = true
                for entry in block.entries {
                    checkKey(entry.key)
                    // `Kind(name: ..., namespace: ...)`: the kind is a name, not a reference.
                    if case .call(_, let arguments) = entry.value.kind {
                        for argument in arguments { checkExpression(argument.value) }
                    } else {
                        checkExpression(entry.value)
                    }
                }
                context.isObjects = false
            case .outputs:
                break
            }
        }
        guard let function = function?.spec else { return }
        for argument in function.args where argument.required && !given.contains(argument.name) {
            report(.missingArgument, "\(function.name) needs the argument '\(argument.name)' (\(argument.type.spelling))", at: call.function.range)
        }
    }

    /// `conditions: { anyOf: [{ objectReference: {...}, condition: ... }] }`: the
    /// references are templates rendered with the phase's parameters; the
    /// conditions are evaluated against the live object and stay opaque.
    mutating func checkWaitObjectReferences(_ conditions: Expr) {
        guard case .map(let groups) = conditions.kind else { return }
        for group in groups where ["anyof", "allof"].contains(group.key.constantText?.lowercased() ?? "") {
            guard case .list(let items) = group.value.kind else { continue }
            for item in items {
                guard case .map(let fields) = item.kind else { continue }
                for field in fields where field.key.constantText?.lowercased() == "objectreference" {
                    checkExpression(field.value)
                }
            }
        }
    }

    mutating func checkArgument(_ entry: MapEntry, key: String, of facts: FunctionFacts) {
        guard let type = facts.spec.args.first(where: { $0.name == key })?.type else {
            reportUnsupportedArgument(entry, key: key, of: facts)
            return
        }
        checkArgumentValue(entry, key: key, type: type, function: facts.spec.name)
    }

    mutating func checkClause(_ clause: PhaseClause, of phase: PhaseInfo, in action: ActionInfo) {
        switch clause {
        case .undoReference(let target, _):
            guard let targetPhase = action.phase(named: target.text) else {
                let names = action.phases.map(\.name)
                report(
                    .badUndo, "undo names '\(target.text)', which is not a phase of action '\(action.name)'\(Suggestions.hint(for: target.text, in: names))",
                    at: target.range)
                return
            }
            if targetPhase.order <= phase.order || targetPhase.isFinally {
                report(
                    .badUndo, "undo target '\(target.text)' must be a later phase of the same action (it compensates '\(phase.name)')", at: target.range,
                    notes: [DiagnosticNote("'\(target.text)' is declared here", range: targetPhase.decl.name.range)])
            }
        case .undoInline(let name, let call, let range):
            let (expanded, problems) = table.expand(call)
            for problem in problems { report(problem.code, problem.message, at: problem.range) }
            usedDefs.formUnion(expanded.defs)
            // A compensation runs after its phase: it may read that phase's outputs.
            context.compensationClause = range
            context.compensation = name.map { ($0.text, expanded) }
            checkCall(expanded, phaseName: name?.text ?? "\(phase.name)-undo")
            context.compensation = nil
            context.compensationClause = nil
        case .retry(let count, _):
            if case .int(let text) = count.kind, let value = Int(text), value >= 0 { return }
            report(.badClause, "retry of phase '\(phase.name)' takes a whole number of retries, such as retry 3", at: count.range)
        case .timeout(let value, _):
            if case .duration = value.kind { return }
            report(.badClause, "timeout of phase '\(phase.name)' takes a duration, such as timeout 10m or timeout 1h30m", at: value.range)
        case .when(let condition, let range):
            checkCondition(condition, clauseRange: range, of: phase)
        case .unnamed(let range):
            // From a def: the name is the phase's, so is leaving it out of the YAML.
            if !phase.decl.call.isUnnamed {
                report(.badClause, "'unnamed' is written on the phase that uses the def, not in the def", at: range)
            }
        }
    }

    mutating func checkArtifact(_ output: OutputDecl) {
        if let value = output.value {
            if case .call(let callee, let arguments) = value.kind, case .identifier("kopia") = callee.kind, arguments.count == 1 {
                checkExpression(arguments[0].value)
            } else {
                checkExpression(value)
            }
        }
        for entry in output.keyValues ?? [] {
            checkKey(entry.key)
            checkExpression(entry.value)
        }
    }

    /// A data reference between members of one parallel group would race.
    mutating func checkParallelGroups(_ action: ActionInfo, _ references: [String: [PhaseReference]]) {
        for phase in action.phases {
            guard let group = phase.parallelGroup else { continue }
            for reference in references[phase.name] ?? [] {
                guard let target = action.phase(named: reference.phase), target.parallelGroup == group, target.name != phase.name else { continue }
                report(
                    .parallelDataEdge, "phase '\(phase.name)' uses '\(target.name)', which runs in the same parallel group; move one of them out of the group",
                    at: reference.range,
                    notes: [DiagnosticNote("'\(target.name)' is declared here", range: target.decl.name.range)])
            }
        }
    }

    mutating func checkUnused(_ action: ActionInfo) {
        for input in action.inputs where !context.usedInputs.contains(input.text) {
            report(.unusedInput, "input artifact '\(input.text)' is never used in action '\(action.name)'", at: input.range, severity: .warning)
        }
        for phase in action.phases {
            for item in phase.decl.call.body?.items ?? [] {
                guard case .outputs(let decl) = item else { continue }
                for name in decl.names where !(context.usedOutputs[phase.name]?.contains(name.text) ?? false) {
                    report(.unusedOutput, "output '\(name.text)' of phase '\(phase.name)' is never used", at: name.range, severity: .warning)
                }
            }
        }
    }
}
