// `--allow CODE` (and `-W no-CODE`), one option group for every command that prints
// diagnostics: warning codes not reported in this run; a file silences its own with `allow CODE`.

import ArgumentParser
import BlueprintSyntax

struct AllowOption: ParsableArguments {
    static let discussion = """
        A warning that does not apply can be silenced for one run with --allow CODE \
        (or -W no-CODE; repeatable, or comma-separated) and for one file by writing \
        'allow CODE' at its top level. Errors are always reported.
        """

    @Option(
        name: .customLong("allow"),
        help: ArgumentHelp("Do not report warnings with this code (repeatable; e.g. BP2106).", valueName: "code"))
    var allowed: [String] = []

    @Option(
        name: .customShort("W", allowingJoined: true),
        help: ArgumentHelp("no-CODE: the same as --allow CODE (e.g. -W no-BP2106).", valueName: "no-code"))
    var warningFlags: [String] = []

    /// Every code named, upper-cased.
    var codes: Set<String> {
        let spelled = allowed + warningFlags.map { $0.hasPrefix("no-") ? String($0.dropFirst(3)) : $0 }
        return Set(spelled.flatMap { $0.split(separator: ",") }.map { $0.trimmingWhitespace().uppercased() })
    }

    func validate() throws {
        for flag in warningFlags where !flag.hasPrefix("no-") {
            throw ValidationError("-W takes no-CODE (as in -W no-BP2106), not '\(flag)'")
        }
        for code in codes.sorted() where !DiagnosticCode.isWellFormed(code) {
            throw ValidationError("'\(code)' is not a diagnostic code: write BP and four digits, as in --allow BP2106")
        }
    }
}
