// A blueprint large enough for every parallel path of the compiler (parse in
// groups, checks and lowering per group of actions, the writer's pieces): its
// YAML must hold each action exactly as compiling that action alone gives it.

import Foundation
import Testing

@testable import BlueprintSyntax
@testable import KanisterYAML

@Suite("Large compile")
struct LargeCompileTests {
    static let header = "blueprint big { namespace: \"kanister\" }\n\n"

    /// One action whose phases differ by action, with a multi-line command and a
    /// reference to an earlier phase's output.
    static func action(_ index: Int) -> String {
        var text = "action a\(index) on StatefulSet {\n"
        for phase in 0..<6 {
            let previous = phase == 0 ? "" : "      echo '{{ .Phases.p\(index)x\(phase - 1).Output.v }}'\n"
            text += """
                  phase p\(index)x\(phase): KubeTask {
                    namespace: StatefulSet.Namespace
                    image: "ghcr.io/kanisterio/kanister-tools:0.\(index % 100).\(phase)"
                    command: bash \"\"\"
                      echo "action \(index), phase \(phase): \\(StatefulSet.Name)" | tr a-z A-Z
                \(previous)      kando output v "\(index)-\(phase)"
                      \"\"\"
                  }

                """
        }
        return text + "}\n\n"
    }

    static let actionCount = 900

    @Test func largeFileCompilesLikeItsActionsAlone() throws {
        let source = Self.header + (0..<Self.actionCount).map(Self.action).joined()
        #expect(source.utf8.count > Parser.parallelThreshold, "the file must take the parallel parse")
        let compiled = BlueprintCompiler.compile(SourceFile(path: "big.bp", text: source))
        #expect(!compiled.diagnostics.contains { $0.severity == .error })
        let yaml = try #require(compiled.yaml)
        let document = try #require(try YAMLReader.parse(bytes: yaml).get().first)
        let actions = try #require(document.mapping?["actions"]?.mapping)
        #expect(actions.pairs.map { $0.key.scalar?.value } == (0..<Self.actionCount).map { "a\($0)" })
        for index in [0, 1, 2, Self.actionCount / 2, Self.actionCount - 2, Self.actionCount - 1] {
            let alone = BlueprintCompiler.compile(SourceFile(path: "one.bp", text: Self.header + Self.action(index)))
            let aloneYAML = try #require(alone.yaml)
            let aloneDocument = try #require(try YAMLReader.parse(bytes: aloneYAML).get().first)
            let expected = try #require(aloneDocument.mapping?["actions"]?.mapping?["a\(index)"])
            let actual = try #require(actions["a\(index)"])
            #expect(actual.isEquivalent(to: expected), "action a\(index) differs from its compilation alone")
        }
    }
}
