// The one parser of the structured values `run`, `rollback` and `actionset` take
// on the command line (KEY=VALUE, NAME/KEY=VALUE, NAME=NAMESPACE/NAME, artifacts),
// with one wording for a malformed value: "--flag 'value': write FORM".

import BlueprintRuntime

enum CommandLineValues {
    /// The usage error for `item` given to `flag`, which takes values spelled `form`.
    static func malformed(_ flag: String, _ item: String, form: String) -> RunInputError {
        RunInputError("\(flag) '\(item)': write \(form)")
    }

    /// `KEY=VALUE` pairs in order (the key not empty; the value may hold `=`). With
    /// `hidesValues`, a malformed item is shown with its value as `...`.
    static func pairs(_ items: [String], flag: String, form: String = "KEY=VALUE", hidesValues: Bool = false) throws -> [(String, String)] {
        try items.map { item in
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                let shown = hidesValues ? String(item.prefix { $0 != "=" }) + (item.contains("=") ? "=..." : "") : item
                throw malformed(flag, shown, form: form)
            }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// `NAME/KEY=VALUE` (`bpc run --secret`, `--configmap`): the values of each object by
    /// key. A malformed one is shown without its value, which may be a secret.
    static func objectValues(_ items: [String], flag: String) throws -> [String: [String: String]] {
        let form = "NAME/KEY=VALUE"
        var result: [String: [String: String]] = [:]
        for (target, value) in try pairs(items, flag: flag, form: form, hidesValues: true) {
            guard let slash = target.firstIndex(of: "/"), slash != target.startIndex, target.index(after: slash) != target.endIndex else {
                throw malformed(flag, target + "=...", form: form)
            }
            result[String(target[..<slash]), default: [:]][String(target[target.index(after: slash)...])] = value
        }
        return result
    }

    /// `NAME=NAMESPACE/NAME` (`bpc actionset --secret`, `--configmap`, as kanctl takes them).
    static func references(_ items: [String], flag: String) throws -> [String: (namespace: String, name: String)] {
        let form = "NAME=NAMESPACE/NAME"
        var result: [String: (namespace: String, name: String)] = [:]
        for (item, (key, value)) in zip(items, try pairs(items, flag: flag, form: form)) {
            guard let reference = namespacedName(value, defaultNamespace: nil) else { throw malformed(flag, item, form: form) }
            result[key] = reference
        }
        return result
    }

    /// `NAMESPACE/NAME`, or `NAME` alone when a default namespace is given; nil when malformed.
    static func namespacedName(_ value: String, defaultNamespace: String?) -> (namespace: String, name: String)? {
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty }) else { return nil }
        switch parts.count {
        case 2: return (parts[0], parts[1])
        case 1: return defaultNamespace.map { ($0, parts[0]) }
        default: return nil
        }
    }

    /// `NAMESPACE/NAME` or `NAME` (in `defaultNamespace`) given to `flag`.
    static func namespacedName(_ value: String, flag: String, defaultNamespace: String) throws -> (namespace: String, name: String) {
        guard let reference = namespacedName(value, defaultNamespace: defaultNamespace) else {
            throw malformed(flag, value, form: "NAMESPACE/NAME or NAME")
        }
        return reference
    }

    /// `--artifact NAME.KEY=VALUE` (a KeyValue entry) or `NAME=SNAPSHOT` (its KopiaSnapshot).
    static func artifacts(_ items: [String], into artifacts: inout [String: RunArtifact]) throws {
        let flag = "--artifact"
        let form = "NAME.KEY=VALUE or NAME=SNAPSHOT"
        for (item, (target, value)) in zip(items, try pairs(items, flag: flag, form: form)) {
            if let dot = target.firstIndex(of: ".") {
                let name = String(target[..<dot])
                let key = String(target[target.index(after: dot)...])
                guard !name.isEmpty, !key.isEmpty else { throw malformed(flag, item, form: form) }
                artifacts[name, default: RunArtifact()].keyValue[key] = value
            } else {
                artifacts[target, default: RunArtifact()].kopiaSnapshot = value
            }
        }
    }
}
