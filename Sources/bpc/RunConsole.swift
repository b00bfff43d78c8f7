// The one way `bpc run`, `--resume` and `bpc rollback` print: every sink takes
// `Redacted` text, which only the run's Redactor makes (a test holds the run's
// other files to using this).

import BlueprintRuntime

enum RunConsole {
    /// Progress, messages and the summary, on standard error.
    static func error(_ text: Redacted<String>) {
        Terminal.writeError(text.value)
    }

    /// Machine-readable events (`--events json`), on standard output.
    static func output(_ text: Redacted<String>) {
        Descriptor.write(text.value.utf8, to: 1)
    }

    /// A message before any secret is known to the run: masks what the command
    /// line gave as `--secret` values (even malformed ones).
    static func error(_ text: String, secretArguments: [String]) {
        let values = secretArguments.map { argument in
            argument.firstIndex(of: "=").map { String(argument[argument.index(after: $0)...]) } ?? argument
        }
        error(Redactor(values: values).redact(text))
    }
}
