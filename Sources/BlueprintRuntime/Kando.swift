// The `kando` helper the local backend puts first on PATH: `kando output KEY
// VALUE` prints a phase-output line; `kando location push/pull/delete` work on
// the local profile directory ($BPC_STORE, or the profile's Location.Prefix),
// with paths confined to it. The script execs `bpc kando`, which calls `Kando.main`.

import BlueprintPlan
import BlueprintSyntax
import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum Kando {
    public static let storeVariable = "BPC_STORE"

    /// Writes the `kando` script into `directory` (created) and returns its path.
    public static func install(in directory: String, executable: String) throws -> String {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = directory + "/kando"
        let quoted = "'" + executable.replacingBytes(of: "'", with: "'\\''") + "'"
        let script = "#!/bin/sh\n# Written by bpc run: the local backend's kando.\nexec \(quoted) kando \"$@\"\n"
        guard FileManager.default.createFile(atPath: path, contents: Data(script.utf8), attributes: [.posixPermissions: 0o755]) else {
            throw RunInputError("cannot write \(path)")
        }
        return path
    }

    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Runs kando with `arguments` (after the program name); returns the exit status.
    public static func main(
        _ arguments: [String], environment: [String: String], input: Int32 = 0, output: Int32 = 1
    ) -> Int32 {
        do {
            try dispatch(arguments, environment: environment, input: input, output: output)
            return 0
        } catch let failure as Failure {
            Descriptor.write("kando: \(failure.message)\n".utf8, to: 2)
            return 1
        } catch {
            Descriptor.write("kando: \(describeFileError(error))\n".utf8, to: 2)
            return 1
        }
    }

    static func dispatch(_ arguments: [String], environment: [String: String], input: Int32, output: Int32) throws {
        switch arguments.first {
        case "output":
            guard arguments.count == 3 else { throw Failure("usage: kando output KEY VALUE") }
            let key = arguments[1]
            guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                throw Failure("output key '\(key)' must match ^[a-zA-Z0-9_]+$")
            }
            try write(OutputProtocol.line(key: key, value: arguments[2]) + "\n", to: output)
        case "location":
            let flags = try Flags(Array(arguments.dropFirst(2)))
            let store = try storeDirectory(environment: environment, profile: flags.values["profile"])
            switch arguments.dropFirst().first {
            case "push": try push(flags, store: store, input: input, output: output)
            case "pull": try pull(flags, store: store, output: output)
            case "delete": try FileManager.default.removeItem(atPath: try confine(flags.require("path"), to: store))
            default: throw Failure("usage: kando location push|pull|delete --profile P --path PATH [SOURCE|TARGET]")
            }
        default:
            throw Failure("the local backend's kando supports 'output' and 'location push|pull|delete'")
        }
    }

    static func push(_ flags: Flags, store: String, input: Int32, output: Int32) throws {
        let relative = try flags.require("path")
        let target = try confine(relative, to: store)
        guard let source = flags.positional.first else { throw Failure("location push needs a source: a file or '-'") }
        let data: Data
        if source == "-" {
            guard let bytes = Descriptor.readAll(input) else { throw Failure("cannot read the standard input") }
            data = Data(bytes)
        } else {
            guard let contents = FileManager.default.contents(atPath: source) else { throw Failure("cannot read \(source)") }
            data = contents
        }
        try FileManager.default.createDirectory(atPath: PathName.deletingLast(target), withIntermediateDirectories: true)
        let temporary = target + ".kando-\(getpid()).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data), rename(temporary, target) == 0 else {
            throw Failure("cannot write \(relative) in the store")
        }
        let digest = ContentHash.sha256Hex([UInt8](data))
        let info = TemplateJSON.encode(
            .record(
                "snapshot",
                [
                    ("id", .string(String(digest.prefix(16)))), ("logicalSize", .int(data.count)), ("physicalSize", .int(data.count)),
                    ("path", .string(relative)),
                ]))
        let key = flags.values["output-name"] ?? "kandoOutput"
        try write(OutputProtocol.line(key: key, value: info) + "\n", to: output)
    }

    static func pull(_ flags: Flags, store: String, output: Int32) throws {
        let relative = try flags.require("path")
        let source = try confine(relative, to: store)
        guard let data = FileManager.default.contents(atPath: source) else { throw Failure("\(relative): not in the store") }
        guard let target = flags.positional.first, target != "-" else {
            guard Descriptor.write(data, to: output) else { throw Failure("cannot write \(relative) to the output") }
            return
        }
        guard FileManager.default.createFile(atPath: target, contents: data) else { throw Failure("cannot write \(target)") }
    }

    static func write(_ text: String, to descriptor: Int32) throws {
        guard Descriptor.write(text.utf8, to: descriptor) else { throw Failure("cannot write to the output") }
    }

    /// `$BPC_STORE`, else the `Location.Prefix` of a local profile given as JSON.
    static func storeDirectory(environment: [String: String], profile: String?) throws -> String {
        if let store = environment[storeVariable], !store.isEmpty { return store }
        if let profile, case .map(let object)? = try? TemplateJSON.decode(profile),
            case .map(let location)? = object.entries["Location"], location.entries["Type"]?.stringValue == "local",
            let prefix = location.entries["Prefix"]?.stringValue, !prefix.isEmpty
        {
            return prefix
        }
        throw Failure("no local store: \(storeVariable) is not set and --profile is not a local profile")
    }

    /// The store path of `relative`; `..` components are rejected, and so is a
    /// symbolic link that leads out of the store.
    public static func confine(_ relative: String, to store: String) throws -> String {
        let components = relative.split(separator: "/").filter { $0 != "." }
        guard !components.isEmpty else { throw Failure("--path must name a file in the store") }
        guard !components.contains("..") else { throw Failure("--path '\(relative)' leaves the store ('..' is not allowed)") }
        let root = URL(fileURLWithPath: store).standardizedFileURL.resolvingSymlinksInPath().path
        let path = root + "/" + components.joined(separator: "/")
        let parent = URL(fileURLWithPath: PathName.deletingLast(path)).resolvingSymlinksInPath().path
        guard parent == root || parent.hasPrefix(root + "/") else { throw Failure("--path '\(relative)' leaves the store") }
        return path
    }

    /// `--name value`, `--name=value` and `-o value`; everything else is positional.
    struct Flags {
        var values: [String: String] = [:]
        var positional: [String] = []
        static let short = ["o": "output-name", "p": "profile", "s": "path"]

        init(_ arguments: [String]) throws {
            var index = 0
            while index < arguments.count {
                let argument = arguments[index]
                index += 1
                guard argument.hasPrefix("-"), argument != "-" else {
                    positional.append(argument)
                    continue
                }
                var name = String(argument.drop { $0 == "-" })
                if let equals = name.firstIndex(of: "=") {
                    values[String(name[..<equals])] = String(name[name.index(after: equals)...])
                    continue
                }
                name = Flags.short[name] ?? name
                guard index < arguments.count else { throw Failure("--\(name) needs a value") }
                values[name] = arguments[index]
                index += 1
            }
        }

        func require(_ name: String) throws -> String {
            guard let value = values[name], !value.isEmpty else { throw Failure("--\(name) is required") }
            return value
        }
    }
}
