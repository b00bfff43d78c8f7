// A malformed template at the very end of a YAML file (no closing quote, no final
// newline) is reported inside the file: a fuzz finding put BP2015 one byte past it.

import BlueprintSema
import BlueprintSyntax
import KanisterYAML
import Testing

@Suite struct TemplateRangeLintTests {
    @Test func unclosedTemplateAtTheEndOfTheFileStaysInside() throws {
        let yaml = Array("kind: Blueprint\nactions:\n p:\n  phases:\n  - args:\n     d: a{{".utf8)
        let diagnostics = BlueprintLinter.lint(bytes: yaml, path: "t.yaml")
        let malformed = try #require(diagnostics.first { $0.code == .malformedTemplate })
        #expect(malformed.range == SourceRange(60, 60))
        #expect(diagnostics.allSatisfy { $0.range.end <= yaml.count })
    }

    @Test func unclosedTemplateBeforeALineEndPointsAtTheEnd() throws {
        let yaml = Array("kind: Blueprint\nactions:\n p:\n  phases:\n  - args:\n     d: a{{\n".utf8)
        let malformed = try #require(BlueprintLinter.lint(bytes: yaml, path: "t.yaml").first { $0.code == .malformedTemplate })
        #expect(malformed.range.start == 60 && malformed.range.end <= 61)
    }
}
