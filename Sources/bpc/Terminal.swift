// Reading inputs, writing outputs atomically, and printing diagnostics: the
// executable's only I/O helpers.

import BlueprintRuntime
import BlueprintSyntax
import FoundationEssentials
import Glibc

enum Terminal {
    static var stderrIsTTY: Bool { isatty(2) == 1 && getenv("NO_COLOR") == nil }

    static func writeError(_ text: String) {
        Descriptor.write(text.utf8, to: 2)
    }

    enum FileKind { case directory, other }

    /// What `path` names (following links), or nil when `stat` cannot see it.
    static func fileKind(_ path: String) -> FileKind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .other
    }

    /// The absolute path without links, `.` or `..`, of an existing file; else nil.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Writes to standard output; a failure is printed and ends the command with status 2.
    static func writeOut(_ bytes: [UInt8]) throws {
        try writeOut([bytes[...]])
    }

    static func writeOut(_ chunks: [ArraySlice<UInt8>]) throws {
        guard writeAll(chunks, to: 1) else {
            writeError("bpc: cannot write to standard output: \(String(cString: strerror(errno)))\n")
            throw ExitStatus.usageOrIO
        }
    }

    /// Writes all of `chunks`, in order, to a file descriptor (short writes and
    /// interrupts retried, nothing copied); false on an error.
    static func writeAll(_ chunks: [ArraySlice<UInt8>], to descriptor: Int32) -> Bool {
        chunks.allSatisfy { Descriptor.write($0, to: descriptor) }
    }

    /// A file's bytes, read straight into one buffer of the size `fstat` gives
    /// (then any bytes beyond it); nil on an error.
    static func readFile(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = max(0, Int(status.st_size))
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            while count < size {
                let result = Glibc.read(descriptor, buffer.baseAddress! + count, size - count)
                if result < 0 && errno == EINTR { continue }
                if result <= 0 {
                    failed = result < 0
                    return
                }
                count += result
            }
        }
        guard !failed, let rest = Descriptor.readAll(descriptor) else { return nil }
        bytes += rest
        return bytes
    }

    /// Reads a file, or standard input for "-" (reported as `stdinName`, else
    /// `<stdin>`). Throws a printable message.
    static func read(_ path: String, stdinName: String? = nil) throws -> SourceFile {
        if path == "-" {
            guard let bytes = Descriptor.readAll(0) else { throw IOFailure("cannot read the standard input") }
            return SourceFile(path: stdinName ?? "<stdin>", bytes: bytes)
        }
        guard let kind = fileKind(path) else { throw IOFailure("\(path): no such file") }
        guard kind != .directory else { throw IOFailure("\(path): is a directory") }
        guard let bytes = readFile(path) else { throw IOFailure("\(path): cannot read the file") }
        return SourceFile(path: path, bytes: bytes)
    }

    /// Writes to `path` atomically, or to standard output for nil and "-"; an
    /// I/O failure is printed and ends the command with status 2.
    static func writeOutput(_ bytes: [UInt8], to path: String?) throws {
        try writeOutput(to: path) { try $0(bytes[...]) }
    }

    /// `writeOutput` of what `produce` hands to its sink, in order: into the
    /// temporary file of an atomic write as it comes, to standard output once
    /// `produce` is done (so that when it fails nothing is written there). An error
    /// of `produce` other than an I/O failure is rethrown as it is.
    static func writeOutput(to path: String?, _ produce: (_ sink: (ArraySlice<UInt8>) throws -> Void) throws -> Void) throws {
        guard let path, path != "-" else {
            var chunks: [ArraySlice<UInt8>] = []
            try produce { chunks.append($0) }
            return try writeOut(chunks)
        }
        do {
            try writeAtomically(to: path, produce)
        } catch let failure as IOFailure {
            writeError("bpc: \(failure)\n")
            throw ExitStatus.usageOrIO
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same
    /// directory, then rename, so readers never see a half-written file.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        try writeAtomically(to: path) { try $0(bytes[...]) }
    }

    /// `writeAtomically` of what `produce` hands to its sink, in order; when
    /// `produce` or a write fails, the temporary file is removed and `path` is
    /// left as it was.
    static func writeAtomically(to path: String, _ produce: (_ sink: (ArraySlice<UInt8>) throws -> Void) throws -> Void) throws {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let temporary = (slash.map { String(path[...$0]) } ?? "") + ".\(name).bpc-\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw IOFailure("\(path): cannot write a temporary file in \(directory)") }
        do {
            try produce { chunk in
                guard writeAll([chunk], to: descriptor) else {
                    throw IOFailure("\(path): cannot write a temporary file in \(directory): \(String(cString: strerror(errno)))")
                }
            }
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        guard close(descriptor) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw IOFailure("\(path): cannot write a temporary file in \(directory): \(reason)")
        }
        // A file replaced keeps its permission bits.
        var status = stat()
        if stat(path, &status) == 0 { chmod(temporary, status.st_mode & 0o7777) }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
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
