// Reading inputs, writing outputs atomically, and printing diagnostics: the
// executable's only I/O helpers.

import BlueprintSyntax
import Foundation

enum Terminal {
    static var stderrIsTTY: Bool { isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static func writeOut(_ bytes: [UInt8]) {
        FileHandle.standardOutput.write(Data(bytes))
    }

    /// Reads a file, or standard input for "-". Throws a printable message.
    static func read(_ path: String) throws -> SourceFile {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return SourceFile(path: "<stdin>", bytes: [UInt8](data))
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw IOFailure("\(path): no such file")
        }
        guard !isDirectory.boolValue else { throw IOFailure("\(path): is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw IOFailure("\(path): cannot read the file")
        }
        return SourceFile(path: path, bytes: [UInt8](data))
    }

    /// Writes to `path` atomically, or to standard output for nil and "-"; an
    /// I/O failure is printed and ends the command with status 2.
    static func writeOutput(_ bytes: [UInt8], to path: String?) throws {
        guard let path, path != "-" else {
            writeOut(bytes)
            return
        }
        do {
            try writeAtomically(bytes, to: path)
        } catch {
            writeError("bpc: \(error)\n")
            throw ExitStatus.usageOrIO
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same
    /// directory, then rename, so readers never see a half-written file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).bpc-\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(bytes)) else {
            throw IOFailure("\(path): cannot write a temporary file in \(directory.path)")
        }
        if let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let permissions = attributes[.posixPermissions]
        {
            try? FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw IOFailure("\(path): cannot replace the file: \(reason)")
        }
    }

    static func printDiagnostics(_ diagnostics: [Diagnostic], in file: SourceFile, limit: Int? = 50) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(style: .human, useColor: stderrIsTTY, limitPerFile: limit)
        writeError(renderer.render(diagnostics, in: file))
    }
}

/// An I/O problem, printed as `bpc: message` with exit status 2.
struct IOFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
