// What the runtime and the executable took from Foundation, on POSIX alone: a
// mutex, a detached thread, whole-descriptor reads and writes, printf formatting
// and NSString's path splitting (Foundation's ICU and its records stay out of bpc).

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pthread mutex, in place of NSLock.
public final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    public init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    public func lock() { pthread_mutex_lock(mutex) }

    public func unlock() { pthread_mutex_unlock(mutex) }

    public func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        lock()
        defer { unlock() }
        return try body()
    }
}

/// A detached thread of its own, for work that blocks (a process monitor) and
/// must not hold one of the few cooperative or dispatch threads.
public enum DetachedThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    /// Runs `body` on a new thread with `stackSize` bytes of stack; when no thread
    /// can be made, on a dispatch-free fallback: the calling thread.
    public static func start(stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void) {
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, stackSize)
        pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, &attributes,
            { context in
                guard let context else { return nil }
                Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
                return nil
            }, context)
        if status != 0 {
            Unmanaged<Body>.fromOpaque(context).takeRetainedValue().run()
        }
    }
}

/// Whole reads and writes of a file descriptor (short counts and EINTR retried).
public enum Descriptor {
    /// Writes all of `bytes`; false on an error.
    @discardableResult
    public static func write(_ bytes: some Collection<UInt8>, to descriptor: Int32) -> Bool {
        let written = bytes.withContiguousStorageIfAvailable { writeBuffer(UnsafeRawBufferPointer($0), to: descriptor) }
        if let written { return written }
        return Array(bytes).withUnsafeBytes { writeBuffer($0, to: descriptor) }
    }

    private static func writeBuffer(_ buffer: UnsafeRawBufferPointer, to descriptor: Int32) -> Bool {
        guard let base = buffer.baseAddress else { return true }
        var offset = 0
        while offset < buffer.count {
            #if canImport(Glibc)
                let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
            #else
                let count = Darwin.write(descriptor, base + offset, buffer.count - offset)
            #endif
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            offset += count
        }
        return true
    }

    /// Everything up to end of file; nil on an error.
    public static func readAll(_ descriptor: Int32) -> [UInt8]? {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                #if canImport(Glibc)
                    return Glibc.read(descriptor, base, buffer.count)
                #else
                    return Darwin.read(descriptor, base, buffer.count)
                #endif
            }
            if count < 0 && errno == EINTR { continue }
            if count < 0 { return nil }
            if count == 0 { return bytes }
            bytes += chunk[..<count]
        }
    }
}

/// C's printf formatting of numbers (`%.3g`, `%6.1f`), in place of String(format:).
public func printfFormat(_ format: String, _ arguments: CVarArg...) -> String {
    let needed = withVaList(arguments) { vsnprintf(nil, 0, format, $0) }
    guard needed > 0 else { return "" }
    var buffer = [CChar](repeating: 0, count: Int(needed) + 1)
    _ = withVaList(arguments) { list in
        buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, list) }
    }
    return String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// NSString's `lastPathComponent` and `deletingLastPathComponent` for POSIX paths.
public enum PathName {
    /// The last component, trailing slashes ignored: `a/b/` is `b`, `/` is `/`, `` is ``.
    public static func last(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" || trimmed.isEmpty { return trimmed }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// The path without its last component: `a/b` is `a`, `/a` is `/`, `a` is ``.
    public static func deletingLast(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        var directory = trimmed[..<slash]
        while directory.count > 1 && directory.hasSuffix("/") { directory = directory.dropLast() }
        return directory.isEmpty ? "/" : String(directory)
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
