// The compiler's data parallelism: Parallel keeps input order, and the parallel
// parse gives exactly the sequential parse (or declines) on real and mutated files.

import Foundation
import Testing

@testable import BlueprintSyntax

@Suite("Parallel")
struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 1000])
    func mapKeepsOrder(_ count: Int) {
        #expect(Parallel.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
    }

    @Test(arguments: [(0, 2), (1, 2), (5, 2), (5, 3), (10, 4), (3, 8), (100, 2)])
    func rangesTileTheItems(_ count: Int, _ parts: Int) {
        let weights = (0..<count).map { ($0 * 7919) % 13 }
        let ranges = Parallel.ranges(count, parts: parts) { weights[$0] }
        #expect(ranges.count == min(count, parts))
        #expect(ranges.first?.lowerBound ?? 0 == 0)
        #expect(ranges.last?.upperBound ?? 0 == count)
        for (range, next) in zip(ranges, ranges.dropFirst()) { #expect(range.upperBound == next.lowerBound) }
        #expect(ranges.allSatisfy { !$0.isEmpty })
    }

    @Test func rangesBalanceWeight() {
        // One heavy item first: it gets a range of its own.
        let weights = [100] + Array(repeating: 1, count: 100)
        let ranges = Parallel.ranges(weights.count, parts: 2) { weights[$0] }
        #expect(ranges == [0..<1, 1..<101])
    }

    @Test func aRangeWeighsAtLeastTheMinimum() {
        // 10 items of weight 10: at most 100 / 30 = 3 ranges, each of 30 or more but the last.
        let ranges = Parallel.ranges(10, parts: 8, minimumWeight: 30) { _ in 10 }
        #expect(ranges.count == 3)
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == 10)
        #expect(ranges.dropLast().allSatisfy { $0.count * 10 >= 30 })
        // Less than the minimum in all: one range, run on the calling thread.
        #expect(Parallel.ranges(3, parts: 8, minimumWeight: 64) { _ in 5 } == [0..<3])
        #expect(Parallel.mapGroups(3, minimumWeight: 64, weight: { _ in 5 }, transform: { $0 }) == [0..<3])
    }

    @Test func mapGroupsCoversEveryItemInOrder() {
        let sums = Parallel.mapGroups(1000, weight: { $0 % 7 }, transform: { $0.reduce(0, +) })
        #expect(sums.reduce(0, +) == (0..<1000).reduce(0, +))
        #expect(sums.count == min(1000, Parallel.processorCount))
    }

    @Test func bothGivesBothResultsWhileTheFirstUsesEveryCore() {
        // The first part spreads over every core itself, as the action checks do.
        let (sums, text) = Parallel.both(
            { Parallel.map(100) { index in (0...index).reduce(0, +) } },
            beside: { (0..<1000).map(String.init).joined(separator: ",") })
        #expect(sums == (0..<100).map { index in index * (index + 1) / 2 })
        #expect(text.split(separator: ",").count == 1000 && text.hasPrefix("0,1,2"))
        var calls = 0
        let (first, second) = Parallel.both({ calls += 1 }, beside: { 7 })
        #expect(calls == 1 && second == 7)
        _ = first
    }

    @Test func forEachInOrderConsumesEveryResultInOrderOneAtATime() {
        for count in [0, 1, 2, 7, 500] {
            let log = ConsumeLog()
            Parallel.forEachInOrder(
                count,
                { index in
                    // Uneven work, so results come out of order.
                    (0..<((index * 7919) % 13) * 200).reduce(index) { $0 &+ $1 } &- (0..<((index * 7919) % 13) * 200).reduce(0, &+)
                },
                consume: { index, item in
                    log.enter()
                    #expect(item == index)
                    log.append(index)
                    log.leave()
                })
            #expect(log.indices == Array(0..<count))
            #expect(log.mostAtOnce <= 1)
        }
    }

    @Test func releasesInADeferringScopeWaitForItsEnd() {
        let freed = FreedFlags()
        Parallel.deferringReleases {
            Parallel.releaseInBackground(Tracked(0, freed))
            Parallel.deferringReleases { Parallel.releaseInBackground(Tracked(1, freed)) }
            Parallel.waitForBackgroundReleases()
            #expect(freed.indices.isEmpty, "a value was freed inside the scope")
        }
        // Scopes count for the whole process: a test running beside this one may
        // hold a scope open, and the values are then freed when its scope ends.
        let deadline = DispatchTime.now() + .seconds(60)
        repeat {
            Parallel.waitForBackgroundReleases()
            if freed.indices.count == 2 { break }
            usleep(10_000)
        } while DispatchTime.now() < deadline
        #expect(freed.indices.sorted() == [0, 1])
    }

    /// Every sample and parser fixture, one after the other in a file: many
    /// actions, and the parser's error fixtures among them.
    static let inputs: [String] = {
        let paths = FormatterTests.inputs
        let texts = paths.compactMap { FileManager.default.contents(atPath: $0).map { String(decoding: $0, as: UTF8.self) } }
        let clean = texts.filter { !Parser.parse(SourceFile(path: "x.bp", text: $0)).hasErrors }
        return texts + [clean.joined(separator: "\n"), texts.joined(separator: "\n")]
    }()

    @Test(arguments: inputs.indices)
    func parallelParseIsTheSequentialParse(_ index: Int) throws {
        let bytes = Array(Self.inputs[index].utf8)
        let lexed = Lexer.tokenize(bytes)
        let sequential = Parser.parseSequentially(bytes, lexed: lexed)
        for parts in 2...4 {
            guard let parallel = Parser.parseInParallel(bytes, minimumBytes: 0, parts: parts) else {
                continue
            }
            #expect(sequential.diagnostics.isEmpty, "the parallel parse accepted a file with syntax errors")
            #expect(parallel.syntax == sequential.syntax)
        }
    }

    /// The concatenation of the clean inputs has many actions: it must really be
    /// cut and parsed in parallel, not declined.
    @Test func largeCleanFileIsCut() throws {
        let bytes = Array(Self.inputs[Self.inputs.count - 2].utf8)
        let cuts = Parser.declarationCuts(bytes, parts: 3)
        #expect(cuts.count == 4)
        for cut in cuts.dropFirst().dropLast() { #expect(bytes[(cut - 1)..<(cut + 7)].elementsEqual("\naction ".utf8)) }
        let parallel = try #require(Parser.parseInParallel(bytes, minimumBytes: 0, parts: 3))
        #expect(parallel.syntax == Parser.parseSequentially(bytes, lexed: Lexer.tokenize(bytes)).syntax)
        #expect(parallel.syntax.declarations.count > 20)
    }

    /// Lines dropped or repeated at random break files in every place; the
    /// parallel parse must still equal the sequential one whenever it answers.
    @Test(arguments: 0..<60)
    func mutatedFiles(_ seed: Int) {
        var random = SplitMix64(seed: UInt64(seed))
        let base = Self.inputs[Self.inputs.count - 2]
        var lines = base.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<3 {
            let at = Int(random.next() % UInt64(lines.count))
            if random.next() % 2 == 0 { lines.remove(at: at) } else { lines.insert(lines[at], at: at) }
        }
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let lexed = Lexer.tokenize(bytes)
        let sequential = Parser.parseSequentially(bytes, lexed: lexed)
        if let parallel = Parser.parseInParallel(bytes, minimumBytes: 0, parts: 2) {
            #expect(sequential.diagnostics.isEmpty)
            #expect(parallel.syntax == sequential.syntax)
        }
    }

    /// Lines that start with `action ` where no declaration starts: inside a
    /// multi-line string, a raw string, a block and a list. A cut there must be
    /// declined (or, where both parses accept the file, give the same syntax).
    static let trickyCuts: [String] = [
        "blueprint b {}\nlet x = \"\"\"\n  a\naction y {\n  \"\"\"\naction z on Deployment {}\n",
        "blueprint b {}\nlet x = #\"\"\"\n  a\naction y {\n  \"\"\"#\naction z on Deployment {}\n",
        "blueprint b {}\naction a on Deployment {\n  phase p: KubeTask {\n    args: {\naction: 1 }\n  }\n}\naction z on Deployment {}\n",
        "blueprint b {}\nlet x = [\naction y\n]\naction z on Deployment {}\n",
        "blueprint b {}\nlet x = 1\naction\ty on Deployment {}\naction z on Deployment {}\n",
    ]

    @Test(arguments: trickyCuts)
    func trickyCutsAreDeclinedOrAgree(_ text: String) {
        let bytes = Array(text.utf8)
        let sequential = Parser.parseSequentially(bytes, lexed: Lexer.tokenize(bytes))
        for parts in 2...3 {
            guard let parallel = Parser.parseInParallel(bytes, minimumBytes: 0, parts: parts) else { continue }
            #expect(sequential.diagnostics.isEmpty)
            #expect(parallel.syntax == sequential.syntax)
        }
    }
}

/// Records which `Tracked` values were freed.
private final class FreedFlags: @unchecked Sendable {
    private let lock = NSLock()
    private var freed: [Int] = []
    var indices: [Int] { lock.withLock { freed } }
    func add(_ index: Int) { lock.withLock { freed.append(index) } }
}

private final class Tracked: Sendable {
    let index: Int
    let flags: FreedFlags
    init(_ index: Int, _ flags: FreedFlags) {
        self.index = index
        self.flags = flags
    }
    deinit { flags.add(index) }
}

/// What `forEachInOrder` consumed, and how many consumers ran at once.
private final class ConsumeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var consumed: [Int] = []
    private var active = 0
    private var most = 0
    var indices: [Int] { lock.withLock { consumed } }
    var mostAtOnce: Int { lock.withLock { most } }
    func enter() {
        lock.withLock {
            active += 1
            most = max(most, active)
        }
    }
    func leave() { lock.withLock { active -= 1 } }
    func append(_ index: Int) { lock.withLock { consumed.append(index) } }
}
