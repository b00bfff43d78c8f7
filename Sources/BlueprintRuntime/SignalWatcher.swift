// SIGINT and SIGTERM as an async stream: the default action is turned off and
// DispatchSource handlers yield each signal, so the scheduler can cancel the
// running phases and still roll back.

import Dispatch
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public final class SignalWatcher: @unchecked Sendable {
    public let signals: AsyncStream<Int32>
    private let continuation: AsyncStream<Int32>.Continuation
    private var sources: [any DispatchSourceSignal] = []
    private let lock = Lock()
    private var received = 0

    /// Watches `numbers`; `onSignal` hears each one with the count so far (1 for the first).
    public init(_ numbers: [Int32] = [SIGINT, SIGTERM], onSignal: @escaping @Sendable (Int32, Int) -> Void = { _, _ in }) {
        let (stream, continuation) = AsyncStream<Int32>.makeStream(bufferingPolicy: .bufferingNewest(8))
        signals = stream
        self.continuation = continuation
        for number in numbers {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                let count = self.count()
                onSignal(number, count)
                self.continuation.yield(number)
            }
            source.resume()
            sources.append(source)
        }
    }

    private func count() -> Int {
        lock.lock()
        defer { lock.unlock() }
        received += 1
        return received
    }

    /// Stops watching and restores the default actions.
    public func cancel() {
        for source in sources { source.cancel() }
        sources = []
        continuation.finish()
        signal(SIGINT, SIG_DFL)
        signal(SIGTERM, SIG_DFL)
    }
}
