// OutputInference's byte scan (only lines holding `kando` are split into words)
// against the plain rules over every line, on seeded random scripts.

import BlueprintSyntax
import TestSupport
import Testing

@testable import BlueprintSema

@Suite struct OutputInferenceScanTests {
    /// The rules of `OutputInference.keys` as first written: every line split into
    /// Character words, no byte shortcuts.
    static func reference(_ script: String) -> (keys: Set<String>, isDynamic: Bool) {
        var keys: Set<String> = []
        var isDynamic = false
        if script.contains(OutputInference.rawMarker) {
            let raw = OutputInference.rawMarkerKeys(in: script)
            keys = raw.keys
            isDynamic = raw.isDynamic
        }
        let lines = script.split(whereSeparator: { $0 == "\n" || $0 == ";" || $0 == "|" || $0 == "&" }).map { line in
            line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        for words in lines {
            var found: [String] = []
            for (index, word) in words.enumerated() where word == "output" && index > 0 && words[index - 1] == "kando" && index + 1 < words.count {
                found.append(words[index + 1])
            }
            if let push = words.indices.first(where: { $0 > 1 && words[$0] == "push" && words[$0 - 1] == "location" && words[$0 - 2] == "kando" }) {
                let rest = words[(push + 1)...]
                if let name = rest.indices.first(where: { ["--output-name", "-o"].contains(rest[$0]) || rest[$0].hasPrefix("--output-name=") }) {
                    if rest[name].hasPrefix("--output-name=") {
                        found.append(String(rest[name].dropFirst("--output-name=".count)))
                    } else if name + 1 < words.count {
                        found.append(words[name + 1])
                    }
                } else {
                    keys.insert("kandoOutput")
                }
            }
            for raw in found {
                let trimmed = raw.trimming("\"'")
                if trimmed.isEmpty || trimmed.contains("$") || trimmed.containsTemplateOpen || trimmed.contains("\u{1}")
                    || !trimmed.utf8.allSatisfy(OutputInference.isKeyByte)
                {
                    isDynamic = true
                } else {
                    keys.insert(trimmed)
                }
            }
        }
        return (keys, isDynamic)
    }

    /// Words that make the rules fire, and some that look like them.
    static let words = [
        "kando", "output", "location", "push", "-o", "--output-name", "--output-name=snap", "key", "k2", "\"q\"", "'s'",
        "$V", "{{ .x }}", "\u{1}", "echo", "kandox", "xkando", "é", "ka\u{301}ndo", "--profile", "-", "###Phase-output###:",
        "{\"key\":\"raw\"}",
    ]
    static let separators = [" ", " ", " ", "\t", "\n", ";", "|", "&", "\r\n", "  "]

    @Test(arguments: 0..<8)
    func theScanAgreesWithThePlainRules(seed: Int) {
        var generator = SeededGenerator(seed: UInt64(seed) &* 0x9E37_79B9 &+ 1)
        for _ in 0..<400 {
            var script = ""
            for _ in 0..<Int(generator.next() % 24) {
                script += OutputInferenceScanTests.words[Int(generator.next() % UInt64(OutputInferenceScanTests.words.count))]
                script += OutputInferenceScanTests.separators[Int(generator.next() % UInt64(OutputInferenceScanTests.separators.count))]
            }
            let fast = OutputInference.keys(in: script)
            let plain = OutputInferenceScanTests.reference(script)
            #expect(fast.keys == plain.keys, "\(script.debugDescription)")
            #expect(fast.isDynamic == plain.isDynamic, "\(script.debugDescription)")
        }
    }

    @Test func aLongScriptWithOneKandoLine() {
        let filler = String(repeating: "echo step | tee -a /tmp/log; test -s /tmp/log || exit 1\n", count: 5000)
        let script = filler + "kando output size \"$(du -s /data)\"\n" + filler + "kando output \"done\" 1\n"
        let inferred = OutputInference.keys(in: script)
        #expect(inferred.keys == ["size", "done"])
        #expect(!inferred.isDynamic)
    }
}
