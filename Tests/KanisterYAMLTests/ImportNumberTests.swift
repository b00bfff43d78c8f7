// A float keeps the spelling .bp can write (`1e3`, `2.50`), so import then
// compile gives the YAML back byte for byte; others are respelled as Swift prints them.

import BlueprintSyntax
import KanisterYAML
import Testing

@Suite struct ImportNumberTests {
    @Test(arguments: ["1e3", "2.50", "-0.5", "1.0e-3"])
    func floatsKeepTheirSpelling(_ spelling: String) throws {
        let yaml = """
            apiVersion: cr.kanister.io/v1alpha1
            kind: Blueprint
            metadata:
              name: numbers
            actions:
              backup:
                phases:
                - func: KubeTask
                  name: p
                  args:
                    image: busybox
                    command:
                    - "true"
                    podOverride:
                      ratio: \(spelling)

            """
        let source = try #require(BlueprintImporter.importBlueprint(Array(yaml.utf8)).source)
        #expect(source.contains("ratio: \(spelling)"), "\(source)")
        let compiled = try #require(BlueprintCompiler.compile(SourceFile(path: "n.bp", text: source)).yaml)
        #expect(String(decoding: compiled, as: UTF8.self).contains("ratio: \(spelling)\n"))
    }
}
