// How `bpc lint` describes itself in SARIF: the tool's name, version and home,
// and a one-line description of each diagnostic code (SARIF rules).

import BlueprintPlan
import BlueprintSyntax
import KanisterYAML

enum LintRules {
    /// Where users read about bpc and its checks (SARIF `informationUri`).
    static let informationUri = "https://kanister.io"

    /// bpc as the renderer names it; the rule descriptions only for SARIF, the
    /// one format that prints them (building the table costs at every start).
    static func tool(describingRules: Bool) -> DiagnosticTool {
        DiagnosticTool(
            name: "bpc", version: BPC.configuration.version,
            informationUri: informationUri, ruleDescriptions: describingRules ? descriptions : [:])
    }

    /// Codes not listed here are described by their first message.
    static let descriptions: [DiagnosticCode: String] =
        lexical
        .merging(syntax) { first, _ in first }
        .merging(semantic) { first, _ in first }
        .merging(lowering) { first, _ in first }
        .merging(kanisterYAML) { first, _ in first }

    static let lexical: [DiagnosticCode: String] = [
        .invalidByte: "Invalid byte in the source.",
        .invalidUTF8: "Invalid UTF-8.",
        .nulByte: "NUL byte in the source.",
        .unterminatedString: "Unterminated string literal.",
        .invalidEscape: "Invalid escape sequence.",
        .malformedNumber: "Malformed number.",
        .multilineStringLayout: "Multi-line string laid out incorrectly.",
        .unterminatedInterpolation: "Unterminated interpolation.",
    ]

    static let syntax: [DiagnosticCode: String] = [
        .expectedToken: "Expected token missing.",
        .unexpectedToken: "Unexpected token.",
        .expectedDeclaration: "Expected a declaration.",
        .expectedExpression: "Expected an expression.",
        .nestingTooDeep: "Nesting too deep.",
        .expectedActionItem: "Expected a phase or another action item.",
        .expectedName: "Expected a name.",
        .unclosedDelimiter: "Unclosed delimiter.",
        .invalidClause: "Invalid clause.",
        .tooManyErrors: "Too many errors; the rest of the file was not checked.",
        .importFailed: "An imported file cannot be read.",
    ]

    static let semantic: [DiagnosticCode: String] = [
        .unknownFunction: "Unknown Kanister function.",
        .missingArgument: "A required argument of the function is missing.",
        .unsupportedArgument: "The function has no such argument.",
        .argumentType: "An argument has the wrong type.",
        .functionNotInVersion: "The target Kanister version (--kanister) has no such function; other versions have it.",
        .argumentNotInVersion: "The function has no such argument in the target Kanister version (--kanister); other versions accept it.",
        .templateCall: "A template function called with arguments Go refuses when it renders (their number, or a constant of the wrong type).",
        .unprintedOutput: "A declared output that the phase's command does not print, though it prints others.",
        .duplicatePhase: "Phase names must be unique across the blueprint.",
        .undefinedPhase: "Reference to a phase that does not exist.",
        .laterPhase: "Reference to a phase that runs later (or to a phase's own output).",
        .crossActionPhase: "Reference to a phase of another action.",
        .unknownOutput: "Reference to an output the phase does not produce.",
        .undeclaredArtifact: "Reference to an undeclared input artifact.",
        .undeclaredObject: "Reference to an object the phase does not declare.",
        .undeclaredSecret: "Reference to an undeclared secret or configmap.",
        .unpopulatedParameter: "Template parameter that the action's kind leaves empty.",
        .unknownTemplateFunction: "Unknown template function (Go builtins and sprig v2 only).",
        .malformedTemplate: "Malformed Go template.",
        .duplicateFinally: "More than one finally phase in an action.",
        .badUndo: "An undo target must be a later phase of the same action.",
        .parallelDataEdge: "A data reference between phases of one parallel group.",
        .semanticCycle: "A cycle between definitions or phases.",
        .unknownIdentifier: "Unknown name.",
        .duplicateDefinition: "A name is defined twice.",
        .unknownTemplateParameter: "Unknown template parameter or field.",
        .missingBlueprintDecl: "Missing 'blueprint NAME' declaration.",
        .badClause: "Malformed retry or timeout clause.",
        .deferPhaseOutside: "DeferPhase read outside the output artifacts.",
        .nullValue: "Null argument value (Kanister's renderer panics on it).",
        .letTooDeep: "Lets nest too deeply.",
        .badReferencePart: "A phase reference must name output, secrets or configmaps.",
        .unknownArtifactKey: "Read of a keyValue key the artifact's producer does not output.",
        .missingArtifactPart: "KopiaSnapshot of a keyValue-only artifact, or KeyValue of a snapshot-only one.",
        .unknownArtifactField: "An artifact has only the fields KeyValue and KopiaSnapshot.",
        .unshapedInput: "An input artifact no action outputs needs a declared shape.",
        .shapeMismatch: "An input's declared shape disagrees with the artifact's producer.",
        .unusedOutput: "A declared phase output is never used.",
        .unusedInput: "An input artifact is never used.",
        .unusedLet: "A let is never used.",
        .unusedDef: "A def is never used.",
        .badCondition: "A 'when' condition that is not a boolean, or a second one.",
        .unguardedRead: "A read of a conditional phase's output that is not guarded by the same condition.",
        .conditionalFunction: "'when' on a phase whose function the Kanister YAML cannot skip.",
        .secretInCommand: "A secret value is written into a command line.",
        .malformedAllow: "An 'allow' names something that is not a diagnostic code.",
        .unverifiableOutput: "An output key that the script may not produce.",
        .weakConversion: "A value Kanister's weak decoding accepts but changes.",
        .commandWords: "A command string with spaces, run as one program name.",
        .duplicateKey: "A key given twice; Kanister's decoder refuses it.",
        .podMetadata: "podLabels or podAnnotations that Kanister rejects before rendering.",
        .badDuration: "A Wait or WaitV2 timeout that is not a Go duration.",
        .waitConditions: "Wait conditions that are ignored or can never succeed.",
        .unknownMetadataField: "A blueprint metadata field that ObjectMeta does not have.",
        .badMetadataValue: "Blueprint metadata of the wrong shape.",
        .unknownObjectKind: "A phase object's kind looks like a misspelt Secret or ConfigMap.",
        .unfetchedObject: "A phase object Kanister never fetches (not a Secret or ConfigMap).",
        .unknownObjectField: "An object reference field that Kanister's decoding rejects.",
        .missingObjectName: "A Secret or ConfigMap object without a name.",
        .unknownObjectMember: "A field a Secret or ConfigMap does not have.",
        .objectKeyWithoutData: "A Secret or ConfigMap key read without .Data.",
        .printedBytes: "Secret Data (ConfigMap BinaryData) printed as bytes, without toString.",
        .badObjectReference: "A phase object that is not an object reference.",
    ]

    static let lowering: [DiagnosticCode: String] = [
        .missingBlueprint: "Missing 'blueprint NAME' declaration.",
        .unknownName: "Unknown name.",
        .notAnOperand: "Value cannot be used inside a template.",
        .letCycle: "A let refers to itself.",
        .defCycle: "A def expands into itself.",
        .defArguments: "Wrong arguments to a def.",
        .functionArguments: "A Kanister function called with ( ) instead of { }.",
        .badObject: "Malformed object reference.",
        .badOutput: "Malformed output artifact.",
        .runtimeOnly: "Retired: retry and timeout are for bpc run (the YAML header names the phases).",
        .badReference: "Invalid reference to a phase.",
        .badOption: "Invalid option(...) use.",
    ]

    static let kanisterYAML: [DiagnosticCode: String] = [
        .yamlSyntax: "Invalid YAML.",
        .notBlueprint: "Not a Kanister Blueprint.",
        .unsupportedField: "Field not supported.",
        .badShape: "Blueprint has an invalid shape.",
        .emitFailed: "YAML could not be written.",
        .skippedObject: "An object of another kind than Blueprint, skipped.",
        .severalBlueprints: "Several Blueprints where one was expected.",
    ]
}
