// How `bpc lint` describes itself in SARIF: the tool's name, version and home,
// and a one-line description of each diagnostic code (SARIF rules).

import BlueprintPlan
import BlueprintSyntax
import KanisterYAML

enum LintRules {
    /// Where users read about bpc and its checks (SARIF `informationUri`).
    static let informationUri = "https://kanister.io"

    static var tool: DiagnosticTool {
        DiagnosticTool(
            name: "bpc", version: BPC.configuration.version,
            informationUri: informationUri, ruleDescriptions: descriptions)
    }

    /// Codes not listed here are described by their first message.
    /// LEAD: merge a table for BlueprintSema's BP2xxx codes here.
    static let descriptions: [DiagnosticCode: String] = lexical
        .merging(syntax) { first, _ in first }
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
        .runtimeOnly: "retry and timeout are ignored by Kanister.",
        .badReference: "Invalid reference to a phase.",
        .badOption: "Invalid option(...) use.",
    ]

    static let kanisterYAML: [DiagnosticCode: String] = [
        .yamlSyntax: "Invalid YAML.",
        .notBlueprint: "Not a Kanister Blueprint.",
        .unsupportedField: "Field not supported.",
        .badShape: "Blueprint has an invalid shape.",
        .emitFailed: "YAML could not be written.",
    ]
}
