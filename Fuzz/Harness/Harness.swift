// The libFuzzer entry points (built only with BPC_FUZZ=1 and the sanitizers, see
// Fuzz/run.sh): `bpc-fuzz TARGET [libFuzzer flags] [corpus...]` runs one FuzzTarget.

import FuzzChecks

#if canImport(Glibc)
    import Glibc
#endif

/// The target this process fuzzes: the first argument, or BPC_FUZZ_TARGET in a
/// child libFuzzer starts (fork and merge modes re-run the command without it).
nonisolated(unsafe) var selectedTarget: FuzzTarget = .parser

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let failures = selectedTarget.check(bytes)
    guard failures.isEmpty else {
        for failure in failures { printError("bpc-fuzz \(selectedTarget.rawValue): property broken: \(failure)\n") }
        abort()  // libFuzzer keeps the input as a crash
    }
    return 0
}

/// Writes `text` to standard error (file descriptor 2).
func printError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in _ = write(2, bytes.baseAddress, bytes.count) }
}

typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: FuzzCallback
) -> CInt

/// SwiftPM links an executable's entry point as `<module>_main`.
@_cdecl("bpc_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var arguments = argv
    var count = argc
    if count > 1, let first = argv[1], let target = FuzzTarget(rawValue: String(cString: first)) {
        selectedTarget = target
        setenv("BPC_FUZZ_TARGET", target.rawValue, 1)
        // Drop the target's name: libFuzzer reads the rest.
        argv[1] = argv[0]
        arguments = argv + 1
        count -= 1
    } else if let name = getenv("BPC_FUZZ_TARGET").map({ String(cString: $0) }), let target = FuzzTarget(rawValue: name) {
        selectedTarget = target
    } else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        printError("usage: bpc-fuzz \(names) [libFuzzer flags] [corpus or input...]\n")
        return 2
    }
    return runFuzzerDriver(&count, &arguments, fuzzOneInput)
}
