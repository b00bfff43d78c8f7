// Parallel: the compiler's data parallelism. Independent work items (actions, YAML
// subtrees) run on every core through libdispatch; results come back in input
// order, so output and diagnostics are the same as a sequential run.

import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public enum Parallel {
    /// `transform(index)` for each index in `0..<count`, run concurrently; the
    /// results in index order. `transform` must only touch its own state.
    public static func map<T>(_ count: Int, _ transform: (Int) -> T) -> [T] {
        guard count > 1 else { return (0..<count).map(transform) }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer {
            results.deinitialize()
            results.deallocate()
        }
        withoutActuallyEscaping(transform) { transform in
            let shared = UncheckedBox((results, transform))
            DispatchQueue.concurrentPerform(iterations: count) { index in
                shared.value.0[index] = shared.value.1(index)
            }
        }
        return results.map { result in
            guard let result else { fatalError("internal error: Parallel.map: an iteration left no result") }
            return result
        }
    }

    /// `transform(index)` for each index in `0..<count`, run concurrently, and
    /// `consume(index, result)` for each in index order as soon as the results up
    /// to it are there: on whichever thread completes that run, never two at once.
    /// For output written while later parts are still being made.
    public static func forEachInOrder<T>(_ count: Int, _ transform: (Int) -> T, consume: (Int, T) -> Void) {
        guard count > 1 else {
            for index in 0..<count { consume(index, transform(index)) }
            return
        }
        let state = InOrderState<T>(count: count)
        withoutActuallyEscaping(transform) { transform in
            withoutActuallyEscaping(consume) { consume in
                let shared = UncheckedBox((state, transform, consume))
                DispatchQueue.concurrentPerform(iterations: count) { index in
                    guard shared.value.0.deposit(shared.value.1(index), at: index) else { return }
                    // This thread consumes until no result is ready.
                    while let ready = shared.value.0.takeReady() {
                        for (index, item) in ready { shared.value.2(index, item) }
                    }
                }
            }
        }
    }

    /// `first()` on the calling thread and `second()` on another at the same
    /// time; both results once both are done. For a pass that needs no result of
    /// the work beside it (`first` may itself spread over every core).
    public static func both<A, B>(_ first: () -> A, beside second: () -> B) -> (A, B) {
        guard processorCount > 1 else { return (first(), second()) }
        var secondResult: B?
        let group = DispatchGroup()
        let a = withoutActuallyEscaping(second) { second in
            let shared = UncheckedBox((second, UnsafeMutablePointer<B?>.allocate(capacity: 1)))
            shared.value.1.initialize(to: nil)
            DispatchQueue.global().async(group: group) { shared.value.1.pointee = shared.value.0() }
            let a = first()
            group.wait()
            secondResult = shared.value.1.move()
            shared.value.1.deallocate()
            return a
        }
        guard let secondResult else { fatalError("internal error: Parallel.both: the second part left no result") }
        return (a, secondResult)
    }

    /// A group's minimum weight in phases for the per-action passes (checks,
    /// lowering, the Kanister model): about a millisecond of work, more than a
    /// worker's start.
    public static let minimumPhasesPerGroup = 64

    /// `transform` of each contiguous group of `0..<count` (see `ranges`), run
    /// concurrently; the results in group order. A group weighs at least
    /// `minimumWeight`, so small inputs run on the calling thread: starting a
    /// worker costs more than checking a few phases.
    public static func mapGroups<T>(
        _ count: Int, minimumWeight: Int = 1, weight: (Int) -> Int, transform: (Range<Int>) -> T
    ) -> [T] {
        let groups = ranges(count, minimumWeight: minimumWeight, weight: weight)
        return map(groups.count) { transform(groups[$0]) }
    }

    /// `0..<count` cut into at most `min(count, parts)` non-empty contiguous ranges
    /// of about equal total `weight`, for work whose items cost unequal amounts;
    /// fewer when a range would weigh less than `minimumWeight`.
    public static func ranges(
        _ count: Int, parts: Int = processorCount, minimumWeight: Int = 1, weight: (Int) -> Int
    ) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let weights = (0..<count).map { max(1, weight($0)) }
        let total = weights.reduce(0, +)
        let parts = max(1, min(parts, count, total / max(1, minimumWeight)))
        var result: [Range<Int>] = []
        var start = 0
        var sum = 0
        for index in 0..<count where result.count < parts - 1 {
            sum += weights[index]
            // Close a range when it reaches its share, or when each range still
            // to come needs one of the items left.
            let itemsLeft = count - index - 1
            let rangesLeft = parts - result.count - 1
            let share = total * (result.count + 1) / parts
            if itemsLeft == rangesLeft || (sum >= share && itemsLeft > rangesLeft) {
                result.append(start..<(index + 1))
                start = index + 1
            }
        }
        if start < count { result.append(start..<count) }
        return result
    }

    /// Drops `value` on a background thread: freeing a large tree of objects (an
    /// AST, a plan) then overlaps the work that follows instead of delaying it.
    /// With `keepsReleasedValuesUntilExit`, keeps it instead. Callers pass their
    /// last reference (`consume`), else nothing is gained.
    public static func releaseInBackground<T: Sendable>(_ value: consuming T) {
        let held: any Sendable = value
        let isHeld = released.sync {
            if keepsReleasedValuesUntilExit {
                keptValues.append(held)
            } else if deferringScopes > 0 {
                deferredValues.append(held)
            } else {
                return false
            }
            return true
        }
        guard !isHeld, releasesInBackground else { return }
        DispatchQueue.global(qos: .utility).async(group: backgroundReleases) { [held] in withExtendedLifetime(held) {} }
    }

    /// Runs `body`, holding what it hands to `releaseInBackground` until it
    /// returns, then freeing it all in the background: a pass whose result is
    /// wanted soon (a whole compile) does not share the cores with its own frees.
    /// Scopes nest and count for every thread.
    public static func deferringReleases<Result>(_ body: () throws -> Result) rethrows -> Result {
        released.sync { deferringScopes += 1 }
        defer {
            let values: [any Sendable] = released.sync {
                deferringScopes -= 1
                guard deferringScopes == 0 else { return [] }
                defer { deferredValues = [] }
                return deferredValues
            }
            if !values.isEmpty { releaseInBackground(values) }
        }
        return try body()
    }

    /// Waits until every value handed to `releaseInBackground` so far is freed:
    /// a benchmark calls it between timed runs, so that one run's frees do not
    /// take the cores from the next.
    public static func waitForBackgroundReleases() {
        backgroundReleases.wait()
    }

    private static let backgroundReleases = DispatchGroup()

    /// Set once at the start of a short-lived process (the `bpc` command line):
    /// values handed to `releaseInBackground` are kept until the process exits,
    /// whose teardown returns their memory at once, instead of being freed object
    /// by object while the process still works (as compilers such as clang do).
    nonisolated(unsafe) public static var keepsReleasedValuesUntilExit = false
    /// Cleared by a process that wants each value freed where it is dropped: the
    /// fuzz harness, whose leak check runs whenever an input's mallocs and frees
    /// differ (libdispatch's per-thread caches make every background free differ).
    nonisolated(unsafe) public static var releasesInBackground = true
    /// Guards the held values and the count of deferring scopes.
    private static let released = DispatchQueue(label: "bpc.released-values")
    nonisolated(unsafe) private static var keptValues: [any Sendable] = []
    nonisolated(unsafe) private static var deferredValues: [any Sendable] = []
    nonisolated(unsafe) private static var deferringScopes = 0

    /// The number of cores work is spread over.
    public static let processorCount = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// A value handed to concurrent iterations that each touch a distinct part of it
/// (or, for closures, that their callers promise are safe to run concurrently).
private struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// The results of `Parallel.forEachInOrder` not yet consumed, the next index to
/// consume, and whether a thread is consuming; all under `lock`.
private final class InOrderState<T>: @unchecked Sendable {
    private let lock = DispatchQueue(label: "bpc.parallel.in-order")
    private var slots: [T?]
    private var next = 0
    private var isConsuming = false

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores result `index`; true when the caller is to consume from now on.
    func deposit(_ item: T, at index: Int) -> Bool {
        lock.sync {
            slots[index] = item
            guard !isConsuming, index == next else { return false }
            isConsuming = true
            return true
        }
    }

    /// The results ready from the next index on, taken; nil (and consuming
    /// stops) when there is none.
    func takeReady() -> [(Int, T)]? {
        lock.sync {
            var taken: [(Int, T)] = []
            while next < slots.count, let item = slots[next] {
                slots[next] = nil
                taken.append((next, item))
                next += 1
            }
            if taken.isEmpty { isConsuming = false }
            return taken.isEmpty ? nil : taken
        }
    }
}
