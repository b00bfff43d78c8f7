// The one redaction point of a run: `Redactor` masks secret values (and the
// usual spellings of them) as `******`, and `Redacted` is the type every printer
// of a run takes, which only a Redactor makes, so no printer can forget.

import BlueprintSyntax
import FoundationEssentials

/// A value that went through a run's `Redactor`. Its initializer is internal to
/// BlueprintRuntime: outside it, the only way to get one is `Redactor.redact`,
/// so a printer that takes `Redacted` cannot be handed unmasked text.
public struct Redacted<Value: Sendable>: Sendable {
    public let value: Value

    init(masked value: Value) { self.value = value }

    /// A view of the redacted value (formatting it for a printer); the result is
    /// redacted as long as `transform` adds nothing but layout.
    public func map<T: Sendable>(_ transform: (Value) -> T) -> Redacted<T> { Redacted<T>(masked: transform(value)) }
}

extension Redacted: Equatable where Value: Equatable {}

/// Replaces secret values with `******` in everything that is printed or journaled.
public struct Redactor: Sendable, Equatable {
    public static let mask = "******"
    /// Values shorter than this are not masked: masking "a" would mask every "a".
    public static let minimumLength = 3

    /// What is masked, longest first, so a secret containing another is masked whole.
    public private(set) var secrets: [String]

    /// Masks exactly `secrets` (each at least `minimumLength` long).
    public init(secrets: [String] = []) {
        self.secrets = Array(Set(secrets.filter { $0.count >= Redactor.minimumLength })).sorted {
            $0.count != $1.count ? $0.count > $1.count : $0 < $1
        }
    }

    /// Masks each of `values` in every spelling `spellings` gives.
    public init(values: [String]) {
        self.init(secrets: values.flatMap(Redactor.spellings))
    }

    /// How a secret value shows up in what a phase prints or a template renders:
    /// as it is; base64 (of the value, and of the value with the newline `echo`
    /// adds); JSON- or Go-quoted (escapes inside); and, for a multi-line value
    /// (a key, a certificate), each of its lines, since output is read line by line.
    public static func spellings(of value: String) -> [String] {
        var result = [value]
        result.append(Data(value.utf8).base64EncodedString())
        result.append(Data((value + "\n").utf8).base64EncodedString())
        // Go's %q spelling, and the spelling bpc's own JSON printer (`--events json`) writes.
        let quoted = jsonEscaped(value)
        if quoted != value { result.append(quoted) }
        let printed = JSONValue.string(value).printed().dropFirst().dropLast()
        if printed != value[...], printed != quoted[...] { result.append(String(printed)) }
        let lines = value.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace() }
        if lines.count > 1 { result += lines.filter { $0.count >= 8 } }
        return result
    }

    public var isEmpty: Bool { secrets.isEmpty }

    /// The text with every secret masked, as the type printers take.
    public func redact(_ text: String) -> Redacted<String> { Redacted(masked: mask(text)) }

    /// The event with every free-text field masked.
    public func redact(_ event: RunEvent) -> Redacted<RunEvent> { Redacted(masked: event.masked(self)) }

    /// The summary with every message masked.
    public func redact(_ summary: RunSummary) -> Redacted<RunSummary> { Redacted(masked: summary.masked(self)) }

    /// The text with every secret replaced by `mask` (for values the journal keeps).
    func mask(_ text: String) -> String {
        var result = text
        for secret in secrets where result.contains(secret) {
            result = result.replacingBytes(of: secret, with: Redactor.mask)
        }
        return result
    }

    /// The inside of a JSON (and Go `%q`) string literal of `value`.
    static func jsonEscaped(_ value: String) -> String {
        var result = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

extension RunSummary {
    /// The same summary with every message masked.
    func masked(_ redactor: Redactor) -> RunSummary {
        guard !redactor.isEmpty else { return self }
        var copy = self
        copy.failures = failures.map { PhaseError(phase: $0.phase, message: redactor.mask($0.message)) }
        copy.compensationFailures = compensationFailures.map { PhaseError(phase: $0.phase, message: redactor.mask($0.message)) }
        if case .failure(let failure) = finallyResult { copy.finallyResult = .failure(PhaseFailure(redactor.mask(failure.message))) }
        copy.artifacts = artifacts.mapValues { $0.masked(redactor) }
        copy.journalError = journalError.map(redactor.mask)
        return copy
    }
}
