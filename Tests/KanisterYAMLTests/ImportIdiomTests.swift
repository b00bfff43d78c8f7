// The idiomatic import (issue 15, item 1): over the real corpus and mutants of
// it, the idiomatic .bp compiles to the very bytes the literal form does, lints
// no worse, and is at most 0.6 of the YAML's lines of code; the rewrites
// themselves (interpolations, lets, one-line values) on small inputs (defs and
// shared script lines in ImportIdiomTests+Shared).

import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct ImportIdiomTests {
    static let corpus: [(name: String, bytes: [UInt8])] = TestSupport.corpusBlueprints().compactMap { url in
        (try? Data(contentsOf: url)).map { (url.path, [UInt8]($0)) }
    }

    /// Imports `bytes` both ways and holds the idiomatic form to the literal one.
    func expectSameCompile(_ name: String, _ bytes: [UInt8]) throws {
        let idiomatic = BlueprintImporter.importBlueprint(bytes)
        let literal = BlueprintImporter.importBlueprint(bytes, literal: true)
        #expect(!idiomatic.diagnostics.contains { $0.code == .idiomFallback }, "\(name): \(idiomatic.diagnostics.map(\.message))")
        guard let idiomaticText = idiomatic.source, let literalText = literal.source else {
            #expect(idiomatic.source == nil && literal.source == nil, "\(name): one form imports, the other does not")
            return
        }
        let compiled = BlueprintCompiler.compile(SourceFile(path: "import.bp", text: idiomaticText))
        let expected = BlueprintCompiler.compile(SourceFile(path: "import.bp", text: literalText))
        #expect(compiled.yaml == expected.yaml, "\(name): the idiomatic form compiles to other YAML")
        // Lint: no diagnostic the literal form does not have.
        let codes = Set(expected.diagnostics.map { "\($0.severity) \($0.code.rawValue)" })
        for diagnostic in compiled.diagnostics where !codes.contains("\(diagnostic.severity) \(diagnostic.code.rawValue)") {
            Issue.record("\(name): new \(diagnostic.severity) \(diagnostic.code.rawValue): \(diagnostic.message)")
        }
        // The formatter leaves the import as it is.
        #expect(SourceFormatter.format(SourceFile(path: "idiomatic.bp", text: idiomaticText)).text == idiomaticText, "\(name)")
    }

    @Test func corpusCompilesIdentically() throws {
        #expect(Self.corpus.count >= 30)
        for (name, bytes) in Self.corpus { try expectSameCompile(name, bytes) }
    }

    /// Mutants of the corpus compiled to YAML, then imported both ways.
    @Test func mutantsCompileIdentically() throws {
        var mutator = BlueprintMutator(seed: 0x1D10)
        var checked = 0
        for index in 0..<300 {
            let (_, bytes) = Self.corpus[index % Self.corpus.count]
            guard let seed = BlueprintImporter.importBlueprint(bytes, literal: true).source else { continue }
            let mutant = mutator.mutate(seed)
            guard let yaml = BlueprintCompiler.compile(SourceFile(path: "mutant.bp", text: mutant)).yaml else { continue }
            try expectSameCompile("mutant \(index)", yaml)
            checked += 1
        }
        #expect(checked >= 30, "too few mutants compile: \(checked)")
    }

    @Test func corpusLineRatioIsAtMostSixTenths() {
        var yamlLines = 0
        var bpLines = 0
        for (_, bytes) in Self.corpus {
            guard let source = BlueprintImporter.importBlueprint(bytes).source else { continue }
            yamlLines += ImportLineRatio.codeLines(yaml: bytes)
            bpLines += ImportLineRatio.codeLines(bp: Array(source.utf8))
        }
        #expect(yamlLines > 3000)
        // Issue 15 asks for at most 0.6 over the corpus (total over total); measured 0.583 (1920 of 3293).
        #expect(Double(bpLines) <= 0.6 * Double(yamlLines), "\(bpLines) of \(yamlLines) lines")
    }

    @Test func lineCountsSkipBlanksAndComments() {
        #expect(ImportLineRatio.codeLines(yaml: Array("# c\na: 1\n\nb: |\n  # kept\n  x\n".utf8)) == 4)
        #expect(ImportLineRatio.codeLines(bp: Array("# c\nlet a = 1 # t\n\nlet b = \"\"\"\n  # kept\n  \"\"\"\n".utf8)) == 4)
    }

    func imported(_ yaml: String, literal: Bool = false) throws -> String {
        let result = BlueprintImporter.importBlueprint(Array(yaml.utf8), literal: literal)
        #expect(!result.diagnostics.contains { $0.code == .idiomFallback }, "\(result.diagnostics.map(\.message))")
        return try #require(result.source, "\(result.diagnostics.map(\.message))")
    }

    static let phaseYAML = """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: b
        actions:
          backup:
            phases:
            - func: KubeTask
              name: one
              args:
                namespace: '{{ .StatefulSet.Namespace }}'
                image: ghcr.io/kanisterio/kanister-tools:0.117.0
                command:
                - sh
                - -c
                - |
                  echo {{ .StatefulSet.Name }}-{{ index .Object.metadata.labels "app" }}
                  echo {{.StatefulSet.Name}} {{ toDate "2006" .Time | date "2006-01" }}
            - func: KubeTask
              name: two
              args:
                image: ghcr.io/kanisterio/kanister-tools:0.117.0
                podOverride:
                  containers:
                  - name: container
                    imagePullPolicy: IfNotPresent
                command: ["sh", "-c", "{{ index .Object.metadata.labels \\"app\\" }}", "{{ with .Object }}{{ .metadata.name }}{{ end }}"]
        """

    @Test func templatesBecomeExpressionsOnlyWhereSpelledBackExactly() throws {
        let source = try imported(Self.phaseYAML)
        #expect(source.contains(#"echo \(StatefulSet.Name)-\(Object.metadata.labels["app"])"#))
        #expect(source.contains(#"\(toDate("2006", Time) | date("2006-01"))"#))
        // Other spacing, and actions inside `with` (where dot moves), stay as written.
        #expect(source.contains("{{.StatefulSet.Name}}"))
        #expect(source.contains("{{ .metadata.name }}"))
        #expect(source.contains("Object.metadata.labels[\"app\"], \"{{ with .Object }}{{ .metadata.name }}{{ end }}\"]"))
    }

    @Test func repeatedImagesBecomeLetsAndShortValuesOneLine() throws {
        let source = try imported(Self.phaseYAML)
        #expect(source.contains("let kanisterTools = \"ghcr.io/kanisterio/kanister-tools:0.117.0\""))
        #expect(source.components(separatedBy: "image: kanisterTools").count == 3)
        #expect(source.contains("podOverride: { containers: [{ name: \"container\", imagePullPolicy: \"IfNotPresent\" }] }"))
        #expect(source.contains("command: [\"sh\", \"-c\", \"\"\""))
    }

    static let localYAML = """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: b
        actions:
          backup:
            outputArtifacts:
              info:
                keyValue:
                  apiVersion: '{{ .Phases.create.Output.apiVersion }}'
                  name: '{{ .Phases.create.Output.name }}'
                  namespace: '{{ .Phases.create.Output.namespace }}'
                  resource: '{{ .Phases.create.Output.resource }}'
            phases:
            - func: KubeOps
              name: create
              args:
                operation: create
                namespace: '{{ .Object.metadata.namespace }}'
            - func: KubeOps
              name: remove
              args:
                operation: delete
                objectReference:
                  apiVersion: '{{ .Phases.create.Output.apiVersion }}'
                  name: '{{ .Phases.create.Output.name }}'
                  namespace: '{{ .Phases.create.Output.namespace }}'
                  resource: '{{ .Phases.create.Output.resource }}'
            - func: KubeOps
              name: removeAgain
              args:
                operation: delete
                objectReference:
                  apiVersion: '{{ .Phases.create.Output.apiVersion }}'
                  name: '{{ .Phases.create.Output.name }}'
                  namespace: '{{ .Phases.create.Output.namespace }}'
                  resource: '{{ .Phases.create.Output.resource }}'
            - func: ScaleWorkload
              name: scale
              objects:
                s:
                  kind: Secret
                  name: x
                  namespace: ns
              args:
                replicas: 0
          restore:
            phases:
            - func: KubeOps
              name: create
              args:
                operation: create
                namespace: '{{ .Object.metadata.namespace }}'
            - func: KubeOps
              name: remove
              args:
                operation: delete
                objectReference:
                  apiVersion: '{{ .Phases.create.Output.apiVersion }}'
                  name: '{{ .Phases.create.Output.name }}'
                  namespace: '{{ .Phases.create.Output.namespace }}'
                  resource: '{{ .Phases.create.Output.resource }}'
        """

    /// A multi-line value that reads a phase's output and repeats within its
    /// action becomes a let of that action, not of the blueprint (another action's
    /// phase of the same name is another phase); short bodies go on one line.
    @Test func valuesReadingPhasesBecomeActionLetsAndShortBodiesOneLine() throws {
        let source = try imported(Self.localYAML)
        try expectSameCompile("local", Array(Self.localYAML.utf8))
        let backup = try #require(source.range(of: "action backup"))
        let restore = try #require(source.range(of: "action restore"))
        #expect(source[..<backup.lowerBound].contains("let ") == false)
        #expect(source[backup.lowerBound..<restore.lowerBound].contains("  let "))
        #expect(source.contains("phase remove: KubeOps { operation: \"delete\", objectReference: objectReference }"))
        // Used once in restore: written in place.
        #expect(!source[restore.lowerBound...].contains("let "))
        #expect(source.contains("phase create: KubeOps { operation: \"create\", namespace: Object.metadata.namespace }"))
        #expect(source.contains("phase scale: ScaleWorkload { objects { s: Secret(name: \"x\", namespace: \"ns\") }, replicas: 0 }"))
    }

    @Test func literalFormKeepsTemplatesAndValuesInPlace() throws {
        let source = try imported(Self.phaseYAML, literal: true)
        #expect(!source.contains("let "))
        #expect(source.contains("{{ index .Object.metadata.labels \"app\" }}"))
        #expect(source.contains("image: \"ghcr.io/kanisterio/kanister-tools:0.117.0\""))
    }
}
