// `--kanister VERSION` of `bpc lint` and `bpc compile`: the Kanister version
// (a release or main) whose functions and arguments the phases are checked against.

import ArgumentParser
import BlueprintSema

struct KanisterOption: ParsableArguments {
    /// How the commands' --help explains the option and its default.
    static let discussion = """
        Phases are checked against the functions and arguments of one Kanister \
        version, --kanister VERSION: a release from \(KanisterVersion.known.first?.name ?? "main") \
        to \(KanisterVersion.newestRelease) ('0.119', 'v0.119.0' and '0.119.0' are the same) or \
        'main' (unreleased Kanister, which the embedded function catalog describes). The \
        default is the newest release, \(KanisterVersion.default), what a cluster most likely \
        runs. A function or argument that only other versions have is reported with the \
        versions that have it.
        """

    @Option(
        name: .customLong("kanister"),
        help: ArgumentHelp(
            "The Kanister version to check against: \(KanisterVersion.knownList).", valueName: "version"))
    var spelled: String = KanisterVersion.default.name

    /// The version named; the default when validation has not run.
    var version: KanisterVersion { KanisterVersion(parsing: spelled) ?? .default }

    func validate() throws {
        guard KanisterVersion(parsing: spelled) != nil else {
            throw ValidationError("unknown Kanister version '\(spelled)'; bpc knows \(KanisterVersion.knownList)")
        }
    }
}
