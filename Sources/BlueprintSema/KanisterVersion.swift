// A target Kanister version ("main" or a release x.y.z) and the decoded
// versions.json: how each release's functions differ from the catalog (main).

import BlueprintSyntax

/// The Kanister a blueprint is checked against: `main` (what the embedded
/// catalog describes) or one of the releases versions.json lists.
public struct KanisterVersion: Hashable, Sendable, CustomStringConvertible {
    /// "main" or "x.y.z".
    public let name: String
    /// Position in `known` (oldest release first, main last).
    let index: Int

    public var description: String { name }

    /// Every version bpc knows, oldest release first, then main.
    /// Only the names are read here (every command's --help names them): the
    /// release differences are decoded when a release's view is first built.
    public static let known: [KanisterVersion] = VersionFacts.releaseNames.enumerated().map { KanisterVersion(name: $0.element, index: $0.offset) }

    public static let main: KanisterVersion = known.last { $0.name == "main" } ?? KanisterVersion(name: "main", index: known.count)

    /// The newest release (0.119.0 when this was written).
    public static let newestRelease: KanisterVersion = known.last { $0.name != "main" } ?? main

    /// The default target of `bpc lint` and `bpc compile`: the newest release.
    /// Clusters run releases, not main, so a blueprint is checked against what
    /// it will most likely meet. versions.json shows the newest release accepts
    /// every function and argument main does (plus the Kopia-server functions
    /// main dropped), so this default rejects nothing main accepts.
    public static let `default`: KanisterVersion = newestRelease

    /// A version as users write it: "0.119.0", "v0.119.0", "0.119" (patch 0) or
    /// "main"; nil when it is not one bpc knows.
    public init?(parsing text: String) {
        // Trimmed by indices: the generic reversed/drop(while:) wrappers cost
        // type lookups at run time, and every lint and compile parses a version.
        let blank: (Character) -> Bool = { $0.isWhitespace && !$0.isNewline }
        var start = text.startIndex
        var end = text.endIndex
        while start < end, blank(text[start]) { start = text.index(after: start) }
        while end > start, blank(text[text.index(before: end)]) { end = text.index(before: end) }
        var spelled = String(text[start..<end]).lowercased()
        if spelled.hasPrefix("v") { spelled.removeFirst() }
        let parts = spelled.split(separator: ".", omittingEmptySubsequences: false)
        if spelled != "main" {
            guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
            let numbers = parts.compactMap { Int($0) } + (parts.count == 2 ? [0] : [])
            spelled = numbers.map(String.init).joined(separator: ".")
        }
        guard let found = KanisterVersion.known.first(where: { $0.name == spelled }) else { return nil }
        self = found
    }

    init(name: String, index: Int) {
        self.name = name
        self.index = index
    }

    /// The known versions for a usage message: "0.110.0, ..., 0.119.0, main".
    public static var knownList: String { known.map(\.name).joined(separator: ", ") }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// One release's entry of versions.json (see its `description`).
struct VersionEntry: Decodable, Sendable, Equatable {
    struct AddedFunction: Decodable, Sendable, Equatable {
        var required: [String]
        var optional: [String]
        var outputs: [String]
        var userOutputs: Bool
    }

    struct ArgumentChange: Decodable, Sendable, Equatable {
        var unsupported: [String]
        var extraSupported: [String]
        var notRequired: [String]
        var extraRequired: [String]
    }

    struct OutputChange: Decodable, Sendable, Equatable {
        var missing: [String]?
        var extra: [String]?
        var userOutputs: Bool?
    }

    var addedFunctions: [String: AddedFunction]
    var removedFunctions: [String]
    var argumentChanges: [String: ArgumentChange]
    var outputChanges: [String: OutputChange]?
}

/// versions.json, decoded once.
struct VersionFacts: Decodable, Sendable {
    var base: String
    var releases: [String]
    var versions: [String: VersionEntry]

    static let shared: VersionFacts = {
        // Read without Codable: every bpc command needs the version names (the
        // --kanister option's help and default), and JSONDecoder cost more than
        // the rest of `bpc --version`.
        let decoded = JSONValue.parse(VersionData.versionsJSON).flatMap(VersionFacts.init(json:))
        guard let decoded, decoded.releases.contains("main") else {
            // The embedded copy is checked by a test; without it only main is known.
            return VersionFacts(base: "main", releases: ["main"], versions: [:])
        }
        return decoded
    }()

    /// One release's entry of versions.json, read alone (a check of one file
    /// needs one release's view; decoding the whole file cost 7% of a small
    /// `bpc lint`); from the whole decoding when it cannot be read so.
    static func entry(_ name: String) -> VersionEntry? {
        if let value = JSONValue.parse(VersionData.versionsJSON, at: ["versions", name]), let entry = VersionEntry(json: value) {
            return entry
        }
        return shared.versions[name]
    }

    /// The `releases` of versions.json, read without decoding the rest: the
    /// array is the first member spelled `"releases":` (inside the description
    /// the quotes are escaped). Falls back to the whole decoding when that
    /// array cannot be read on its own.
    static let releaseNames: [String] = {
        let text = VersionData.versionsJSON.utf8
        let key = Array(#""releases":"#.utf8)
        var start = text.startIndex
        while start != text.endIndex {
            guard let quote = text[start...].firstIndex(of: UInt8(ascii: "\"")) else { break }
            if text[quote...].starts(with: key) {
                let open = text.index(quote, offsetBy: key.count)
                guard let close = text[open...].firstIndex(of: UInt8(ascii: "]")),
                    let names = JSONValue.parse(String(decoding: text[open...close], as: UTF8.self))?.stringArray,
                    names.contains("main")
                else { break }
                return names
            }
            start = text.index(after: quote)
        }
        return shared.releases
    }()
}

extension VersionFacts {
    /// versions.json read from its JSON; nil when it does not have the expected shape.
    init?(json: JSONValue) {
        guard let base = json["base"]?.stringValue, let releases = json["releases"]?.stringArray,
            let entries = json["versions"]?.objectValue
        else { return nil }
        var versions: [String: VersionEntry] = [:]
        for (name, entry) in entries {
            guard let version = VersionEntry(json: entry) else { return nil }
            versions[name] = version
        }
        self.init(base: base, releases: releases, versions: versions)
    }
}

extension VersionEntry {
    init?(json: JSONValue) {
        guard let added = json["addedFunctions"]?.objectValue, let removed = json["removedFunctions"]?.stringArray,
            let changes = json["argumentChanges"]?.objectValue
        else { return nil }
        var addedFunctions: [String: AddedFunction] = [:]
        for (name, item) in added {
            guard let required = item["required"]?.stringArray, let optional = item["optional"]?.stringArray,
                let outputs = item["outputs"]?.stringArray, let userOutputs = item["userOutputs"]?.boolValue
            else { return nil }
            addedFunctions[name] = AddedFunction(required: required, optional: optional, outputs: outputs, userOutputs: userOutputs)
        }
        var argumentChanges: [String: ArgumentChange] = [:]
        for (name, item) in changes {
            guard let unsupported = item["unsupported"]?.stringArray, let extraSupported = item["extraSupported"]?.stringArray,
                let notRequired = item["notRequired"]?.stringArray, let extraRequired = item["extraRequired"]?.stringArray
            else { return nil }
            argumentChanges[name] = ArgumentChange(
                unsupported: unsupported, extraSupported: extraSupported, notRequired: notRequired, extraRequired: extraRequired)
        }
        var outputChanges: [String: OutputChange]?
        if let items = json["outputChanges"]?.objectValue {
            var changes: [String: OutputChange] = [:]
            for (name, item) in items {
                changes[name] = OutputChange(
                    missing: item["missing"]?.stringArray, extra: item["extra"]?.stringArray, userOutputs: item["userOutputs"]?.boolValue)
            }
            outputChanges = changes
        }
        self.init(
            addedFunctions: addedFunctions, removedFunctions: removed, argumentChanges: argumentChanges, outputChanges: outputChanges)
    }
}
