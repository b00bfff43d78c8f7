// The semantic checks: every static check a user can count on (LANGUAGE.md),
// each with its own code, a message naming the thing, a note at the related
// declaration and a "did you mean" where a name looks misspelled.

import BlueprintSyntax

/// Codes of semantic analysis: BP2xxx (errors), BP21xx (warnings).
extension DiagnosticCode {
    public static let unknownFunction = DiagnosticCode("BP2001")
    /// `allow X` where X is not spelled as a diagnostic code.
    public static let malformedAllow = DiagnosticCode("BP2070")
    public static let missingArgument = DiagnosticCode("BP2002")
    public static let unsupportedArgument = DiagnosticCode("BP2003")
    public static let argumentType = DiagnosticCode("BP2004")
    public static let duplicatePhase = DiagnosticCode("BP2005")
    public static let undefinedPhase = DiagnosticCode("BP2006")
    public static let laterPhase = DiagnosticCode("BP2007")
    public static let crossActionPhase = DiagnosticCode("BP2008")
    public static let unknownOutput = DiagnosticCode("BP2009")
    public static let undeclaredArtifact = DiagnosticCode("BP2010")
    public static let undeclaredObject = DiagnosticCode("BP2011")
    public static let undeclaredSecret = DiagnosticCode("BP2012")
    public static let unpopulatedParameter = DiagnosticCode("BP2013")
    public static let unknownTemplateFunction = DiagnosticCode("BP2014")
    public static let malformedTemplate = DiagnosticCode("BP2015")
    public static let duplicateFinally = DiagnosticCode("BP2016")
    public static let badUndo = DiagnosticCode("BP2017")
    public static let parallelDataEdge = DiagnosticCode("BP2018")
    public static let semanticCycle = DiagnosticCode("BP2019")
    public static let unknownIdentifier = DiagnosticCode("BP2020")
    public static let duplicateDefinition = DiagnosticCode("BP2021")
    public static let unknownTemplateParameter = DiagnosticCode("BP2022")
    public static let missingBlueprintDecl = DiagnosticCode("BP2023")
    public static let badClause = DiagnosticCode("BP2024")
    public static let deferPhaseOutside = DiagnosticCode("BP2025")
    public static let nullValue = DiagnosticCode("BP2030")
    public static let letTooDeep = DiagnosticCode("BP2031")
    public static let unusedOutput = DiagnosticCode("BP2101")
    public static let unusedInput = DiagnosticCode("BP2102")
    public static let unusedLet = DiagnosticCode("BP2103")
    public static let unusedDef = DiagnosticCode("BP2104")
    public static let secretInCommand = DiagnosticCode("BP2106")
    public static let unverifiableOutput = DiagnosticCode("BP2107")
    public static let functionNotInVersion = DiagnosticCode("BP2060")
    public static let argumentNotInVersion = DiagnosticCode("BP2061")
}

/// A reference from a phase (or artifact) to another phase of its action.
public struct PhaseReference: Sendable, Equatable {
    public enum Part: String, Sendable { case output, secrets, configMaps }
    public var phase: String
    public var part: Part
    public var key: String?
    public var range: SourceRange
    /// The inline `undo` clause the read is written in: that compensation, not
    /// the phase, reads (a compensation may read its own phase).
    public var compensation: SourceRange?
}

/// What the checks learned, for later passes (the plan's data edges).
public struct SemanticModel: Sendable {
    /// action name -> phase name -> the phases it references.
    public var phaseReferences: [String: [String: [PhaseReference]]] = [:]
    /// action name -> its phases with their defs expanded, in `ActionInfo.phases`
    /// order: the plan lowers these rather than expanding each phase again.
    public var expandedPhases: [String: [ExpandedCall]] = [:]
}

public struct SemanticChecker {
    let table: SymbolTable
    let main: Module
    /// The Kanister version's functions the phases are checked against.
    let target: KanisterTarget
    var reported = DiagnosticList()
    var model = SemanticModel()
    var usedLets: Set<String> = []
    var usedDefs: Set<String> = []
    /// Lets being checked, so `let a = b` / `let b = a` does not recurse forever.
    var letStack: [String] = []
    /// "action NUL let" for lets already checked in that action that read no phase.
    var phaseFreeLets: Set<String> = []
    var hasReportedLetDepth = false
    /// Output keys per "action NUL phase", computed once.
    var outputCache: [String: OutputSet] = [:]
    /// The phase being checked and where its references are recorded.
    var context = CheckContext()
    /// The template texts met so far by hash value, with the parse outcome of
    /// those met more than once (a def or let repeats them).
    var templateCache: [Int: TemplateCacheEntry] = [:]
    /// Per-action results kept between runs (the language server's edits).
    var actionCache: ActionResultCache<ActionCheckResult>?

    /// Every check of `main` (with its imports' definitions) against the
    /// functions of Kanister `kanister`, in source order.
    public static func check(
        _ table: SymbolTable, main: Module, kanister: KanisterVersion = .default
    ) -> (model: SemanticModel, diagnostics: [Diagnostic]) {
        var checker = SemanticChecker(table: table, main: main, target: KanisterTarget.of(kanister))
        checker.checkFile()
        return (checker.model, checker.reported.items.inSourceOrder)
    }

    mutating func report(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange, severity: Severity = .error, notes: [DiagnosticNote] = [],
        fixIts: [FixIt] = []
    ) {
        reported.append(Diagnostic(code, severity, message, at: range, notes: notes, fixIts: fixIts))
    }

    mutating func checkFile() {
        checkDeclarations()
        checkKanisterRules()
        // Two passes over the whole file that read only its syntax and the table
        // run beside the checks of the lets and the actions, on a copy of the
        // checker; their findings go where a one-by-one run reports them (duplicate
        // keys before the lets, duplicate phases after the actions).
        var side = self
        side.reported = DiagnosticList()
        let earlier = reported
        reported = DiagnosticList()
        let (_, (keys, phases)) = Parallel.both(
            {
                checkLetCycles()
                checkActions()
            },
            beside: { () -> ([Diagnostic], [Diagnostic]) in
                var keys = side
                keys.checkDuplicateKeys()
                var phases = side
                phases.checkDuplicatePhases()
                return (keys.reported.items, phases.reported.items)
            })
        let letsAndActions = reported.items
        reported = earlier
        for diagnostic in keys + letsAndActions + phases { reported.append(diagnostic) }
        checkUnusedDefinitions()
    }

    /// Checks the actions on all cores: each contiguous group of actions on its own
    /// copy of the checker, the copies' findings merged in action order, which
    /// gives the same diagnostics in the same order as checking one by one.
    mutating func checkActions() {
        if let actionCache { return checkActionsIncrementally(actionCache) }
        let actions = table.actions
        var base = self
        base.reported = DiagnosticList()
        let parts = Parallel.mapGroups(
            actions.count, minimumWeight: Parallel.minimumPhasesPerGroup, weight: { actions[$0].phases.count },
            transform: { group -> SemanticChecker in
                var checker = base
                for action in actions[group] { checker.checkAction(action) }
                return checker
            })
        for part in parts { merge(part) }
    }

    /// Takes over what a copy that checked some actions found.
    mutating func merge(_ part: SemanticChecker) {
        for diagnostic in part.reported.items { take(diagnostic) }
        model.phaseReferences.merge(part.model.phaseReferences) { _, later in later }
        model.expandedPhases.merge(part.model.expandedPhases) { _, later in later }
        usedLets.formUnion(part.usedLets)
        usedDefs.formUnion(part.usedDefs)
    }

    /// Reports what a copy found, keeping the let-depth error to one per file as a
    /// single checker does, whatever the groups of actions were.
    mutating func take(_ diagnostic: Diagnostic) {
        if diagnostic.code == .letTooDeep {
            guard !hasReportedLetDepth else { return }
            hasReportedLetDepth = true
        }
        reported.append(diagnostic)
    }

    /// One blueprint header; no two lets, defs or actions with one name.
    mutating func checkDeclarations() {
        var blueprints: [BlueprintDecl] = []
        var seen: [String: Name] = [:]
        for declaration in main.syntax.declarations {
            let name: Name?
            var kind = "definition"
            switch declaration {
            case .blueprint(let decl):
                blueprints.append(decl)
                name = nil
            case .constant(let decl):
                name = decl.name
                kind = "let"
            case .definition(let decl):
                name = decl.name
                kind = "def"
            case .action(let decl):
                name = Name("action " + decl.name.text, range: decl.name.range)
                kind = "action"
            case .allow(let decl):
                checkAllow(decl)
                name = nil
            case .importFile, .error: name = nil
            }
            guard let name else { continue }
            if let previous = seen[name.text] {
                let shown = name.text.hasPrefix("action ") ? String(name.text.dropFirst(7)) : name.text
                report(
                    .duplicateDefinition, "\(kind) '\(shown)' is defined twice", at: name.range,
                    notes: [DiagnosticNote("the first definition is here", range: previous.range)])
            } else {
                seen[name.text] = name
            }
        }
        if blueprints.isEmpty {
            // At the start of the file (of the Blueprint's object in a YAML stream).
            let start = SourceRange(main.syntax.range.start, main.syntax.range.start)
            report(.missingBlueprintDecl, "missing 'blueprint NAME' declaration; it gives the Blueprint its metadata.name", at: start)
        }
        for extra in blueprints.dropFirst() {
            report(
                .duplicateDefinition, "a file declares one blueprint", at: extra.name.range,
                notes: [DiagnosticNote("the blueprint is declared here", range: blueprints[0].name.range)])
        }
    }

    /// Phase names are unique across the whole blueprint: Kanister's validation
    /// rejects a blueprint that reuses one, even in another action.
    mutating func checkDuplicatePhases() {
        var seen: [String: (action: String, name: Name)] = [:]
        for action in table.actions {
            // Source order, so the second occurrence is the one reported.
            let names = phaseAndCompensationNames(of: action).sorted { $0.range.start < $1.range.start }
            for name in names {
                guard !name.text.isEmpty else { continue }
                if let previous = seen[name.text] {
                    let isSameAction = previous.action == action.name
                    let place = isSameAction ? "in this action" : "in action '\(previous.action)'"
                    report(
                        .duplicatePhase, "phase name '\(name.text)' is used twice; Kanister requires unique phase names across the blueprint", at: name.range,
                        notes: [DiagnosticNote("also used \(place) here", range: previous.name.range)])
                } else {
                    seen[name.text] = (action.name, name)
                }
            }
        }
    }

    /// The names of an action's phases, then of its named inline compensations
    /// (which become phases of the rollback action).
    func phaseAndCompensationNames(of action: ActionInfo) -> [Name] {
        var names = action.phases.map(\.decl.name)
        for phase in action.phases {
            for case .undoInline(let name?, _, _) in phase.decl.call.clauses { names.append(name) }
        }
        return names
    }

    mutating func checkUnusedDefinitions() {
        for declaration in main.syntax.declarations {
            switch declaration {
            case .constant(let decl) where !usedLets.contains(decl.name.text):
                report(.unusedLet, "let '\(decl.name.text)' is never used", at: decl.name.range, severity: .warning)
            case .definition(let decl) where !usedDefs.contains(decl.name.text):
                report(.unusedDef, "def '\(decl.name.text)' is never used", at: decl.name.range, severity: .warning)
            case .action(let action):
                for case .constant(let decl) in action.items where !usedLets.contains(decl.name.text) {
                    report(.unusedLet, "let '\(decl.name.text)' is never used in action '\(action.name.text)'", at: decl.name.range, severity: .warning)
                }
            default: break
            }
        }
    }
}

/// Where a reference stands: which action, which phase (or an artifact).
struct CheckContext {
    var action: ActionInfo?
    var phase: PhaseInfo?
    /// Each phase of the action expanded once, by where its declaration starts,
    /// with the expansion's problems (reported when the phase is checked).
    var expansions: [Int: (call: ExpandedCall, diagnostics: [Diagnostic])] = [:]
    var isArtifact = false
    var isObjects = false
    /// Checking the references of a Go template (`.Phases.p.Secrets.x`) rather than of an expression.
    var isTemplate = false
    /// The expression is a function's input (`x | toString`, `b64enc(x)`), or the
    /// template reference is (`{{ .X | toString }}`): its value is not printed as is.
    var isFunctionInput = false
    /// In a `command`-like argument, where secrets should not appear inline.
    var isCommand = false
    /// The inline `undo` clause being checked: a compensation runs after its phase.
    var compensationClause: SourceRange?
    var isCompensation: Bool { compensationClause != nil }
    /// The named inline compensation being checked, which may read its own objects.
    var compensation: (name: String, call: ExpandedCall)?
    var references: [PhaseReference] = []
    /// Each phase's `when` condition, and every read of a phase output in the action
    /// (for the check that a possibly skipped phase's outputs are read only guarded).
    var conditions: [String: Expr] = [:]
    var outputReads: [OutputRead] = []
    /// Checking a `when` condition.
    var isCondition = false
    var usedInputs: Set<String> = []
    /// The types of the action's inputs, and what the action reads of each.
    var inputTypes: [String: InputArtifactType] = [:]
    var artifactReads: [String: ArtifactReads] = [:]
    var usedOutputs: [String: Set<String>] = [:]
    /// The action's kind, lowercased, when it is one a workload root needs (`statefulset`, ...).
    var workloadKind: String?
    /// `table.resolve(name, in: action)` of the names met in this action.
    var resolved: [String: ResolvedName] = [:]
    /// The name last looked up in `resolved` and its entry: names repeat (`StatefulSet`).
    var lastName = ""
    var lastResolved: ResolvedName?

    init(action: ActionInfo? = nil) {
        self.action = action
        if let kind = action?.decl.kind?.text.lowercased(), KanisterCatalog.workloadKinds.contains(kind) {
            workloadKind = kind
        }
    }
}

/// What the checks need from one template text: its root references and the calls
/// that would fail when it is rendered, or Go's parse error.
enum TemplateSummary {
    /// `outputUses`: what only the action can check (see `TemplateOutputUses`).
    case success([TemplateReference], badCalls: [TemplateBadCall] = [], outputUses: TemplateOutputUses = TemplateOutputUses())
    case failure(GoTemplateParseError)
}

/// The phase outputs in a template that Go may refuse: whether the phase is one
/// of this action, and so whether the output is a string or a number, only the
/// action tells. Also the ranges over an integer, which only the target refuses.
struct TemplateOutputUses {
    /// Outputs given to a function that may refuse them (`mayRefuseOutput`).
    var arguments: [GoTemplateFieldArgument] = []
    /// Comparisons with an output among their operands.
    var comparisons: [TemplateComparison] = []
    /// `{{range}}` over an output, or over an integer (Go 1.24 counts up to it).
    var ranges: [GoTemplateRangedValue] = []
}

/// A call of a comparison function in a template string: the kinds of its
/// operands where constants, parameter types or results fix them, and the
/// positions of the phase outputs among them, whose kinds the action fills in.
struct TemplateComparison {
    var function: String
    /// The range of the function's name.
    var range: Range<Int>
    var kinds: [TemplateFunctions.ValueKind?]
    var outputs: [(position: Int, path: [String])]
}

/// What Go refuses when it renders a template: a template function called with
/// arguments it does not take (BP2065), a field read on a value that has none (BP2080).
struct TemplateBadCall {
    var range: Range<Int>
    var problem: String
    var code: DiagnosticCode = .templateCall
}

/// A name resolved in an action and, for a template root, what the checks know about it
/// (a class, so a lookup costs one retain rather than a copy of the symbol). Only the
/// checker whose context holds it reads or sets its flags.
final class ResolvedName: @unchecked Sendable {
    /// For a let: whether the checker's `usedLets` has the name, and its
    /// `phaseFreeLets` the context's "action NUL name".
    var isInUsedLets = false
    var isInPhaseFreeLets = false
    let symbol: Symbol
    let rootInfo: TemplateRootInfo?
    /// The root's name when `symbol` is `.templateRoot`.
    let templateRoot: String?
    /// Whether `symbol` is `.phase`, or `.secret`.
    let isPhase: Bool
    let isSecret: Bool

    init(symbol: Symbol, rootInfo: TemplateRootInfo?) {
        self.symbol = symbol
        self.rootInfo = rootInfo
        var templateRoot: String?
        var isPhase = false
        var isSecret = false
        switch symbol {
        case .templateRoot(let root): templateRoot = root
        case .phase: isPhase = true
        case .secret: isSecret = true
        default: break
        }
        self.templateRoot = templateRoot
        self.isPhase = isPhase
        self.isSecret = isSecret
    }
}

/// A template text seen by the checker and, once it is seen again, its summary.
struct TemplateCacheEntry {
    var text: String
    var summary: TemplateSummary?
}

extension SemanticChecker {
    /// `allow CODE, ...`: each code is `BP` and four digits. Only warnings are
    /// silenced (errors are always reported), which the driver applies.
    mutating func checkAllow(_ decl: AllowDecl) {
        for code in decl.codes where !DiagnosticCode.isWellFormed(code.text) {
            let upper = code.text.uppercased()
            let fixIts = DiagnosticCode.isWellFormed(upper) ? [FixIt(range: code.range, replacement: upper)] : []
            report(
                .malformedAllow, "'\(code.text)' is not a diagnostic code; write BP and four digits, as in 'allow BP3010'",
                at: code.range, fixIts: fixIts)
        }
    }
}
