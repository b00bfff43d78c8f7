// The plan artifact: SHA-256 against the standard vectors, JSON round trips,
// and clear diagnostics for plans of another version or corrupt ones.

import BlueprintPlan
import BlueprintSyntax
import Foundation
import Testing

@Suite struct PlanCodecTests {
    struct HashCase: Sendable, CustomStringConvertible {
        var input: [UInt8]
        var digest: String
        var description: String { "\(input.count) bytes" }
    }

    static let vectors: [HashCase] = [
        HashCase(input: [], digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        HashCase(input: Array("abc".utf8), digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        HashCase(
            input: Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8),
            digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        HashCase(input: Array(repeating: 0x61, count: 55), digest: "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        HashCase(input: Array(repeating: 0x61, count: 56), digest: "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        HashCase(input: Array(repeating: 0x61, count: 63), digest: "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"),
        HashCase(input: Array(repeating: 0x61, count: 64), digest: "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
        HashCase(input: Array(repeating: 0x61, count: 65), digest: "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"),
        HashCase(input: Array(repeating: 0x61, count: 120), digest: "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"),
        HashCase(input: Array("héllo ✓".utf8), digest: "5657cdef8a85a584e0e961e6f8247cf5d3f8ed21496ed6fdbcfd43a761e94245"),
        HashCase(input: Array(repeating: 0x61, count: 1_000_000), digest: "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"),
    ]

    @Test(arguments: vectors)
    func sha256MatchesTheStandardVectors(_ vector: HashCase) {
        #expect(ContentHash.sha256Hex(vector.input) == vector.digest)
    }

    static let source =
        PlanLoweringTests.header + """
            action backup on StatefulSet {
              output result { id: a.output.id }
              phase a: KubeTask { image: "x", command: ["kando output id 1"], podOverride: { n: 1, f: 1.5, b: true, list: [1, "two"] } } retry 2 timeout 90s undo KubeTask { image: "x", command: ["u"] }
              parallel {
                phase b: KubeTask { image: "x", command: ["\\(a.output.id)"] }
                phase c: KubeTask { image: "x", command: ["c"] }
              }
              finally d: KubeTask { image: "x", command: ["d"] }
            }
            """

    func artifact() -> PlanArtifact {
        let (plan, _) = PlanFixtures.plan(Self.source)
        return PlanArtifact(sourcePath: "test.bp", sourceBytes: Array(Self.source.utf8), plan: plan)
    }

    @Test func roundTripKeepsEverything() throws {
        let artifact = artifact()
        let bytes = try PlanCodec.encode(artifact)
        let (decoded, diagnostics) = PlanCodec.decode(bytes)
        #expect(diagnostics.isEmpty)
        #expect(decoded == artifact)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""formatVersion": 1"#))
        #expect(text.contains(#""sourceHash": "sha256:"#))
        #expect(text.contains(#""sourcePath": "test.bp""#))
        #expect(decoded?.isCompiled(from: Array(Self.source.utf8)) == true)
        #expect(decoded?.isCompiled(from: Array((Self.source + " ").utf8)) == false)
    }

    /// The artifact's JSON as an object, edited by `change`, then decoded.
    func decodeEdited(_ change: (inout [String: Any]) -> Void) throws -> [Diagnostic] {
        let bytes = try PlanCodec.encode(artifact())
        var object = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        change(&object)
        let edited = try JSONSerialization.data(withJSONObject: object)
        let (decoded, diagnostics) = PlanCodec.decode([UInt8](edited))
        #expect(decoded == nil)
        return diagnostics
    }

    @Test func anotherFormatVersionIsRefused() throws {
        let diagnostics = try decodeEdited { $0["formatVersion"] = 2 }
        #expect(diagnostics.map(\.code) == [.planVersion])
        #expect(diagnostics.first?.message.hasPrefix("plan format version 2 is not supported: this bpc reads version 1") == true)
    }

    @Test func aMissingVersionIsRefused() throws {
        let diagnostics = try decodeEdited { $0["formatVersion"] = nil }
        #expect(diagnostics.first?.message.hasPrefix("plan format version missing is not supported") == true)
    }

    @Test func aFileThatIsNoPlanIsRefused() {
        let (_, notJSON) = PlanCodec.decode(Array("blueprint x".utf8))
        #expect(notJSON.map(\.code) == [.corruptPlan])
        #expect(notJSON.first?.message.hasPrefix("this is not a bpc plan file: it is not a JSON object") == true)
        let (_, otherJSON) = PlanCodec.decode(Array(#"{"kind": "Blueprint"}"#.utf8))
        #expect(otherJSON.first?.message == #"this is not a bpc plan file: its 'format' is not "bpc-plan""#)
    }

    @Test func corruptionIsReportedWithItsPlace() throws {
        let missing = try decodeEdited { object in
            var blueprint = object["blueprint"] as? [String: Any] ?? [:]
            blueprint["actions"] = [["fields": ["name": "backup"], "sourceRange": [0, 0], "graph": ["nodes": [["name": "a"]], "edges": []]]]
            object["blueprint"] = blueprint
        }
        #expect(missing.map(\.code) == [.corruptPlan])
        #expect(missing.first?.message == "the plan file is corrupt: at blueprint.actions[0].graph.nodes[0]: missing key 'kind'")
        let truncated = PlanCodec.decode(Array(try PlanCodec.encode(artifact()).prefix(200)))
        #expect(truncated.diagnostics.map(\.code) == [.corruptPlan])
    }

    @Test func edgesMustNameKnownNodes() throws {
        let diagnostics = try decodeEdited { object in
            var blueprint = object["blueprint"] as? [String: Any] ?? [:]
            var actions = blueprint["actions"] as? [[String: Any]] ?? []
            var graph = actions[0]["graph"] as? [String: Any] ?? [:]
            graph["edges"] = [["from": "a", "to": "ghost", "kind": "sequence", "keys": []]]
            actions[0]["graph"] = graph
            blueprint["actions"] = actions
            object["blueprint"] = blueprint
        }
        #expect(diagnostics.first?.message.contains("the sequence edge from 'a' to 'ghost' names a node the graph does not have") == true)
    }

    @Test func nodeNamesMustBeUnique() throws {
        let diagnostics = try decodeEdited { object in
            var blueprint = object["blueprint"] as? [String: Any] ?? [:]
            var actions = blueprint["actions"] as? [[String: Any]] ?? []
            var graph = actions[0]["graph"] as? [String: Any] ?? [:]
            let nodes = graph["nodes"] as? [[String: Any]] ?? []
            graph["nodes"] = nodes + nodes.prefix(1)
            actions[0]["graph"] = graph
            blueprint["actions"] = actions
            object["blueprint"] = blueprint
        }
        #expect(diagnostics.map(\.message) == ["the plan file is corrupt: action 'backup' has two nodes named 'a'"])
    }

    @Test func unknownKindsAreCorruption() throws {
        let diagnostics = try decodeEdited { object in
            var blueprint = object["blueprint"] as? [String: Any] ?? [:]
            var actions = blueprint["actions"] as? [[String: Any]] ?? []
            var graph = actions[0]["graph"] as? [String: Any] ?? [:]
            var nodes = graph["nodes"] as? [[String: Any]] ?? []
            nodes[0]["kind"] = "sometimes"
            graph["nodes"] = nodes
            actions[0]["graph"] = graph
            blueprint["actions"] = actions
            object["blueprint"] = blueprint
        }
        #expect(diagnostics.first?.message.hasPrefix("the plan file is corrupt: at blueprint.actions[0].graph.nodes[0].kind") == true)
    }
}
