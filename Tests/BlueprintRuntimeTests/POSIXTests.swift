// The runtime's stand-ins for Foundation: the mutex and thread, whole-descriptor
// I/O, printf formatting, NSString's path splitting, and zoneinfo files read as
// Go's time package reads them.

import Foundation
import Testing

@testable import BlueprintRuntime

@Suite struct POSIXTests {
    @Test func lockSerializesAndThreadsRun() async {
        final class Counter: @unchecked Sendable {
            let lock = BlueprintRuntime.Lock()
            var value = 0
        }
        let counter = Counter()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let remaining = Counter()
            for _ in 0..<8 {
                DetachedThread.start(stackSize: 1 << 18) {
                    for _ in 0..<1000 { counter.lock.withLock { counter.value += 1 } }
                    let last = remaining.lock.withLock {
                        remaining.value += 1
                        return remaining.value == 8
                    }
                    if last { done.resume() }
                }
            }
        }
        #expect(counter.lock.withLock { counter.value } == 8000)
    }

    @Test func descriptorsAreReadAndWrittenWhole() throws {
        let pipe = Pipe()
        let payload = [UInt8]((0..<50_000).map { UInt8($0 % 251) })
        let writer = pipe.fileHandleForWriting.fileDescriptor
        DetachedThread.start {
            Descriptor.write(payload, to: writer)
            close(writer)
        }
        #expect(Descriptor.readAll(pipe.fileHandleForReading.fileDescriptor) == payload)
        #expect(Descriptor.write([1, 2, 3], to: -1) == false)
        #expect(Descriptor.readAll(-1) == nil)
    }

    @Test func printfFormatsAsC() {
        #expect(printfFormat("%.3gs", 0.12345) == "0.123s")
        #expect(printfFormat("%6.1fs", 2.25) == "   2.2s")
        #expect(printfFormat(" (%.2fs)", 1e300).count == 308)
        #expect(printfFormat("%.1f|%e", 0.05, 1234.5) == "0.1|1.234500e+03")
    }

    @Test(arguments: [
        ("/tmp/scratch.tiff", "scratch.tiff", "/tmp"), ("/tmp/lock/", "lock", "/tmp"), ("/tmp/", "tmp", "/"), ("/tmp", "tmp", "/"),
        ("/", "/", "/"), ("scratch.tiff", "scratch.tiff", ""), ("", "", ""), ("a//b", "b", "a"), (".bpc/runs/x.jsonl", "x.jsonl", ".bpc/runs"),
    ])
    func pathNamesSplitAsNSString(_ path: String, _ last: String, _ directory: String) {
        #expect(PathName.last(path) == last)
        #expect(PathName.deletingLast(path) == directory)
        #expect(NSString(string: path).lastPathComponent == last)
        #expect(NSString(string: path).deletingLastPathComponent == directory)
    }

    @Test func goPathFunctions() {
        #expect(GoPath.base("a/b/") == "b" && GoPath.base("") == "." && GoPath.base("//") == "/")
        #expect(GoPath.dir("a/b/") == "a/b" && GoPath.dir("/a") == "/" && GoPath.dir("x") == "." && GoPath.dir("") == ".")
        #expect(GoPath.ext("a.b/c") == "" && GoPath.ext("f.tar.gz") == ".gz" && GoPath.ext("d.x/") == "")
        #expect(GoPath.clean("a//b/../c/.") == "a/c" && GoPath.clean("../../x/..") == "../.." && GoPath.clean("/../a") == "/a")
        #expect(GoPath.clean("") == "." && GoPath.clean("./") == "." && GoPath.clean("a/..") == ".")
    }

    @Test func zoneinfoFilesGiveOffsetsAndAbbreviations() throws {
        guard let berlin = GoLocation.load("Europe/Berlin") else { return }  // no tzdata here
        let winter = berlin.lookup(1_700_000_000)  // 2023-11-14
        #expect(winter.name == "CET" && winter.offset == 3600)
        let summer = berlin.lookup(1_690_000_000)  // 2023-07-22
        #expect(summer.name == "CEST" && summer.offset == 7200)
        #expect(summer.start < 1_690_000_000 && 1_690_000_000 < summer.end)
        #expect(berlin.lookup(-5_000_000_000).name == "LMT")
        #expect(berlin.offset(named: "CEST", near: 1_690_000_000) == 7200)
        #expect(berlin.offset(named: "EST", near: 0) == nil)
        let time = GoTime(seconds: 1_700_000_000).inZone(berlin)
        #expect(time.goDescription == "2023-11-14 23:13:20 +0100 CET")
    }

    @Test func locationsByName() {
        #expect(GoLocation.load("") == .utc && GoLocation.load("UTC") == .utc)
        #expect(GoLocation.load("../etc/passwd") == nil && GoLocation.load("/etc/localtime") == nil)
        #expect(GoLocation.load("No/Such_Zone") == nil)
        #expect(GoTime(seconds: 0).inZone(.utc).goDescription == "1970-01-01 00:00:00 +0000 UTC")
    }

    @Test func malformedZoneFilesAreRefused() {
        #expect(GoLocation.parse([], name: "x") == nil)
        #expect(GoLocation.parse(Array("TZif2".utf8) + [UInt8](repeating: 0xFF, count: 60), name: "x") == nil)
        var header = Array("TZif".utf8) + [0] + [UInt8](repeating: 0, count: 15)
        header += [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 4]
        #expect(GoLocation.parse(header, name: "x") == nil)  // one type promised, none there
        let fixed = header + [0, 0, 0x0E, 0x10, 0, 0] + Array("ABC\0".utf8)
        #expect(GoLocation.parse(fixed, name: "x")?.lookup(0).offset == 3600)
        #expect(GoLocation.parse(fixed, name: "x")?.lookup(0).name == "ABC")
    }

    @Test func fileErrorsReadAsTheSystemSaysThem() {
        do {
            try FileManager.default.createDirectory(atPath: "/proc/bpc-nope/x", withIntermediateDirectories: true)
            Issue.record("created a directory under /proc")
        } catch {
            #expect(describeFileError(error) == "/proc/bpc-nope: No such file or directory")
        }
        #expect(describeFileError(RunInputError("plain")) == "\(RunInputError("plain"))")
    }
}
