// The catalog as one Kanister version has it (functions.json with the
// version's entry of versions.json applied), built once per version, and where
// a function or argument missing from a version is available instead.

/// The functions of one Kanister version, for the checks.
public final class KanisterTarget: Sendable {
    public let version: KanisterVersion
    /// The version's functions by name, each spec behind a class reference.
    let functions: [String: FunctionFacts]
    /// The function names, for "did you mean".
    let functionNames: [String]

    init(version: KanisterVersion, functions: [String: FunctionFacts]) {
        self.version = version
        self.functions = functions
        self.functionNames = functions.keys.sorted()
    }

    public func function(_ name: String) -> FunctionSpec? { functions[name]?.spec }

    /// Whether phases have a condition of their own (kanisterio/kanister PR #4226's
    /// `if:`); no release has it, so `when` is limited to phases that run a command.
    public var supportsPhaseConditions: Bool { false }

    /// Whether the version's templates range over an integer: Kanister is built
    /// with Go 1.24 (text/template's range-over-int) from 0.115.0 on.
    public var rangesOverIntegers: Bool {
        guard let first = Self.firstGo124Release else { return true }
        return version.index >= first.index
    }

    static let firstGo124Release = KanisterVersion.known.first { $0.name == "0.115.0" }

    /// The view of `version`, built on first use. The default version's and
    /// main's are built alone (a check of one file needs one view); the others
    /// with every version's, which the "available since" notes compare.
    public static func of(_ version: KanisterVersion) -> KanisterTarget {
        if version == .main { return mainTarget }
        if version == .default { return defaultTarget }
        return all.indices.contains(version.index) ? all[version.index] : all[all.count - 1]
    }

    /// Main's view: the catalog's own `FunctionFacts`.
    static let mainTarget = KanisterTarget(version: .main, functions: KanisterCatalog.functionFacts)

    /// The default version's view.
    static let defaultTarget = build(.default)

    /// Every known version's view, in `KanisterVersion.known` order.
    static let all: [KanisterTarget] = KanisterVersion.known.map { version in
        version == .main ? mainTarget : version == .default ? defaultTarget : build(version)
    }

    /// One version's view (main's when versions.json has no entry for it).
    static func build(_ version: KanisterVersion) -> KanisterTarget {
        guard version != .main, let entry = VersionFacts.entry(version.name) else {
            return KanisterTarget(version: version, functions: KanisterCatalog.functionFacts)
        }
        return KanisterTarget(version: version, functions: apply(entry).mapValues(FunctionFacts.init))
    }

    /// functions.json (main) with one release's differences applied.
    static func apply(_ entry: VersionEntry) -> [String: FunctionSpec] {
        var functions = KanisterCatalog.shared.functions
        for name in entry.removedFunctions { functions[name] = nil }
        for (name, change) in entry.argumentChanges {
            guard var spec = functions[name] else { continue }
            let unsupported = Set(change.unsupported)
            spec.args.removeAll { unsupported.contains($0.name) }
            for extra in change.extraSupported where spec.argument(extra) == nil {
                spec.args.append(FunctionArgument(name: extra, required: false, type: argumentType(extra), note: nil))
            }
            for index in spec.args.indices {
                if change.notRequired.contains(spec.args[index].name) { spec.args[index].required = false }
                if change.extraRequired.contains(spec.args[index].name) { spec.args[index].required = true }
            }
            functions[name] = spec
        }
        for (name, change) in entry.outputChanges ?? [:] {
            guard var spec = functions[name] else { continue }
            let missing = Set(change.missing ?? [])
            spec.outputs.removeAll { missing.contains($0) }
            spec.outputs += (change.extra ?? []).filter { !spec.outputs.contains($0) }
            if let userOutputs = change.userOutputs { spec.userOutputs = userOutputs }
            functions[name] = spec
        }
        for (name, added) in entry.addedFunctions {
            let args =
                added.required.map { FunctionArgument(name: $0, required: true, type: argumentType($0), note: nil) }
                + added.optional.map { FunctionArgument(name: $0, required: false, type: argumentType($0), note: nil) }
            functions[name] = FunctionSpec(
                name: name, versions: ["v0.0.0"], args: args, outputs: added.outputs, userOutputs: added.userOutputs, summary: nil)
        }
        return functions
    }

    /// versions.json names a release's arguments without their types. An
    /// argument main also has (in any function) takes main's type; the others
    /// are typed here as Kanister's code at those tags reads them (`Arg` /
    /// `OptArg` into a Go string, []string or bool). A name in neither is taken
    /// as a string; `everyReleaseArgumentHasAKnownType` fails when that happens.
    static func argumentType(_ name: String) -> ArgumentType {
        mainArgumentTypes[name] ?? releaseArgumentTypes[name] ?? .string
    }

    static let releaseArgumentTypes: [String: ArgumentType] = [
        "snapshotTags": .string,  // a comma-separated string (BackupDataUsingKopiaServer)
        "repositoryServerUserHostname": .string,
        "snapshots": .string,  // the JSON manifest of CreateVolumeSnapshot's output
        "pvcNames": .stringList,
        "pvcs": .stringList,
        "skipWait": .bool,
    ]

    /// The type of each argument name in main's catalog (the first function that has it).
    static let mainArgumentTypes: [String: ArgumentType] = {
        var types: [String: ArgumentType] = [:]
        for name in KanisterCatalog.shared.functions.keys.sorted() {
            for argument in KanisterCatalog.shared.functions[name]?.args ?? [] where types[argument.name] == nil {
                types[argument.name] = argument.type
            }
        }
        return types
    }()
}

extension KanisterTarget {
    /// The indices (into `KanisterVersion.known`) of the versions that have each function.
    static let functionVersions: [String: [Int]] = {
        var versions: [String: [Int]] = [:]
        for target in all {
            for name in target.functions.keys { versions[name, default: []].append(target.version.index) }
        }
        return versions
    }()

    /// Function name -> argument name -> the indices of the versions that accept it.
    static let argumentVersions: [String: [String: [Int]]] = {
        var versions: [String: [String: [Int]]] = [:]
        for target in all {
            for (name, facts) in target.functions {
                for argument in facts.spec.args { versions[name, default: [:]][argument.name, default: []].append(target.version.index) }
            }
        }
        return versions
    }()

    /// Whether some known version has a function of this name.
    public static func isFunctionInAnyVersion(_ name: String) -> Bool { functionVersions[name] != nil }

    /// Where a function this version lacks is available ("since Kanister
    /// 0.112.0"), or nil when no known version has it.
    func availability(ofFunction name: String) -> String? {
        KanisterTarget.functionVersions[name].map(KanisterTarget.describe)
    }

    /// Where an argument this version's function rejects is accepted, or nil.
    func availability(ofArgument argument: String, in function: String) -> String? {
        KanisterTarget.argumentVersions[function]?[argument].map(KanisterTarget.describe)
    }

    /// "available since Kanister 0.115.0", "available up to Kanister 0.114.0",
    /// "available in Kanister 0.112.0–0.117.0", "available in Kanister main";
    /// runs of versions joined with "and". `indices` ascend.
    static func describe(_ indices: [Int]) -> String {
        let known = KanisterVersion.known
        guard let last = known.indices.last else { return "available in Kanister main" }
        var runs: [(Int, Int)] = []
        for index in indices {
            if let run = runs.last, run.1 + 1 == index {
                runs[runs.count - 1].1 = index
            } else {
                runs.append((index, index))
            }
        }
        let phrases = runs.map { start, end -> String in
            let first = known[start].name
            let final = known[end].name
            if start == end { return "in Kanister \(first)" }
            if end == last { return "since Kanister \(first)" }
            if start == 0 { return "up to Kanister \(final)" }
            return "in Kanister \(first)–\(final)"
        }
        return "available " + phrases.joined(separator: " and ")
    }
}
