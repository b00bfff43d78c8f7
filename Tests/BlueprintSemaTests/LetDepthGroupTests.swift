// The let-depth error (BP2031) is one per file however the actions are cut into
// groups for the cores: a file whose actions all nest lets too deeply gets one.

import BlueprintSema
import BlueprintSyntax
import Testing

@Suite struct LetDepthGroupTests {
    /// `actions` actions, each heavy enough to be a group of its own
    /// (`Parallel.minimumPhasesPerGroup` phases) and each with a chain of
    /// `depth` lets that its first phase reads.
    static func source(actions: Int, depth: Int) -> String {
        var text = "blueprint deep\n"
        for action in 0..<actions {
            text += "\naction a\(action) {\n"
            for level in 0..<depth { text += "  let c\(action)_\(level) = c\(action)_\(level + 1)\n" }
            text += "  let c\(action)_\(depth) = \"end\"\n"
            for phase in 0..<Parallel.minimumPhasesPerGroup {
                let value = phase == 0 ? "c\(action)_0" : "\"x\""
                text += "  phase p\(action)_\(phase): KubeTask { image: \"busybox\", command: [\"echo\", \(value)] }\n"
            }
            text += "}\n"
        }
        return text
    }

    @Test(arguments: [1, 2, 5])
    func oneErrorPerFileWhateverTheGroups(_ actions: Int) {
        let text = Self.source(actions: actions, depth: SemanticChecker.maxLetDepth + 4)
        let diagnostics = SemaFixtures.diagnostics(of: "deep.bp", text: text).diagnostics
        let deep = diagnostics.filter { $0.code.rawValue == "BP2031" }
        #expect(deep.count == 1, "\(deep.map(\.message))")
        // It is the first action's chain, as a single checker finds it.
        #expect(deep.first?.message.contains("'c0_") == true, "\(deep.map(\.message))")
    }
}
