// The invariants that tie the stages together, as properties over the samples,
// the real blueprints imported to .bp, and thousands of seeded mutants of them:
// (a) lint fails iff compile fails; (b) what compiles, kcheck validate accepts;
// (c) bpc lint of the compiled YAML reports no error; (d) importing the compiled
// YAML and compiling again gives the same YAML; (e) every phase a template
// Kanister renders reads is the source of a data edge (the plan takes its data
// edges from Sema's references alone, never from a scan of what it lowered).

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

@testable import BlueprintPlan

@Suite struct PipelineInvariantTests {
    /// Mutants per run; each seed gives the same mutants on every machine. A longer
    /// campaign sets BPC_MUTANTS (and BPC_MUTANT_SEED for other mutants).
    static let mutantCount = ProcessInfo.processInfo.environment["BPC_MUTANTS"].flatMap { Int($0) } ?? 2400
    static let mutantSeed = ProcessInfo.processInfo.environment["BPC_MUTANT_SEED"].flatMap { UInt64($0) } ?? 0x5EED_0011

    /// Mutants of the literal import, on top of those of the idiomatic one.
    static let literalMutantCount = mutantCount / 4

    /// Mutants that write field, key and pipe reads on values, on top of the others.
    static let readMutantCount = mutantCount / 4

    /// The samples and the corpus imported to .bp in the idiomatic form (lets,
    /// expressions): programs that compile. Mutant N of a seed is the same as
    /// when these were first used, so a reported name reproduces.
    static let seeds: [(name: String, text: String)] =
        TestSupport.samples().compactMap { url in
            (try? String(contentsOf: url, encoding: .utf8)).map { (url.lastPathComponent, $0) }
        } + corpusImports(literal: false)

    /// The corpus imported verbatim (`--literal`), mutated too.
    static let literalSeeds = corpusImports(literal: true)

    static func corpusImports(literal: Bool) -> [(name: String, text: String)] {
        TestSupport.corpusBlueprints().compactMap { url in
            guard let bytes = try? [UInt8](Data(contentsOf: url)), let source = BlueprintImporter.importBlueprint(bytes, literal: literal).source else {
                return nil
            }
            return (url.deletingPathExtension().lastPathComponent + (literal ? ".literal.bp" : ".bp"), source)
        }
    }

    @Test func invariantsHoldOnSeedsAndMutants() throws {
        let kcheck = try TestSupport.kcheck.get()
        var mutator = BlueprintMutator(seed: Self.mutantSeed)
        var inputs = Self.seeds + Self.literalSeeds
        for index in 0..<Self.mutantCount {
            let seed = Self.seeds[index % Self.seeds.count]
            inputs.append(("mutant-\(index)-of-\(seed.name)", mutator.mutate(seed.text)))
        }
        var literalMutator = BlueprintMutator(seed: Self.mutantSeed ^ 0x1)
        for index in 0..<Self.literalMutantCount where !Self.literalSeeds.isEmpty {
            let seed = Self.literalSeeds[index % Self.literalSeeds.count]
            inputs.append(("literal-mutant-\(index)-of-\(seed.name)", literalMutator.mutate(seed.text)))
        }
        var readMutator = BlueprintMutator(seed: Self.mutantSeed ^ 0x2)
        for index in 0..<Self.readMutantCount {
            let seed = Self.seeds[index % Self.seeds.count]
            inputs.append(("read-mutant-\(index)-of-\(seed.name)", readMutator.mutateReads(seed.text)))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bpc-invariants-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // BPC_KEEP_MUTANTS keeps each compiled program and its YAML there, to look into a finding.
        let keepsFiles = ProcessInfo.processInfo.environment["BPC_KEEP_MUTANTS"] != nil
        defer { if !keepsFiles { try? FileManager.default.removeItem(at: directory) } }
        var compiledNames: [String: String] = [:]
        var compiledCount = 0
        for (index, input) in inputs.enumerated() {
            guard let yaml = checkInvariants(name: input.name, text: input.text) else { continue }
            let file = directory.appendingPathComponent("\(index).yaml")
            try Data(yaml).write(to: file)
            if keepsFiles { try Data(input.text.utf8).write(to: directory.appendingPathComponent("\(index).bp")) }
            compiledNames[file.path] = input.name
            compiledCount += 1
        }
        #expect(
            compiledCount > Self.seeds.count + (Self.mutantCount + Self.literalMutantCount + Self.readMutantCount) / 10,
            "too few mutants compile to test (b)-(d): \(compiledCount)")
        // (b) one kcheck run over every compiled file.
        let files = compiledNames.keys.sorted()
        let validate = try TestSupport.run(kcheck, ["validate", "-no-warn"] + files)
        for line in validate.output.split(separator: "\n") where !line.hasPrefix("OK ") && !line.hasPrefix("SKIP ") {
            let path = String(line.prefix { $0 != ":" })
            Issue.record("(b) kcheck refuses the YAML of \(compiledNames[path] ?? path): \(line)")
        }
        #expect(validate.status == 0 || !validate.output.isEmpty, "kcheck failed: \(validate.errors)")
    }

    /// Counterexamples the campaigns found, kept as programs of their own.
    static let regressions: [String] = [
        // (d): an empty annotations map was dropped on import.
        "blueprint r { annotations: {} }\naction a { phase p: KubeTask { image: \"x\", command: [\"x\"] } }\n",
        // (d): an option named "true" was hoisted into `let true`, which reads back as a bool.
        """
        blueprint r
        let tools = option("true", default: "img:1")
        action a {
          phase p: KubeTask { image: tools, command: ["x"] }
          phase q: KubeTask { image: tools, command: ["x"] }
        }

        """,
        // (d): Kanister never renders the blueprint's metadata: a template there is
        // text, which the import must not turn into an expression (BP2039).
        "blueprint r { annotations: { a: \"{{ .Deployment.Name }}\", b: \"x-{{ .Options.o }}\" } }\naction a { phase p: KubeTask { image: \"x\", command: [\"x\"] } }\n",
        // (d): a float spelled as .bp spells it.
        "blueprint r\naction a { phase p: KubeTask { image: \"x\", command: [\"x\"], podOverride: { r: 1e3 } } }\n",
        // (e): WaitV2 renders only its conditions' object references; a key it ignores (BP2037) reads nothing.
        """
        blueprint r
        action a on StatefulSet {
          phase p: KubeTask { image: "x", command: ["sh", "-c", "kando output name n; kando output other o"] }
          phase w: WaitV2 {
            timeout: "5m"
            conditions: {
              anyOf: [{
                condition: "{{ true }}"
                objectReference: { apiVersion: "v1", resource: "pods", name: p.output.name, namespace: StatefulSet.Namespace }
                ignored: { name: p.output.other }
              }]
            }
          }
        }

        """,
        // (b)/(c): a declared output the command does not print.
        "blueprint r\naction a {\n  phase p: KubeTask { image: \"x\", command: [\"./run.sh\"]\n    outputs [id] }\n  phase q: KubeTask { image: \"x\", command: [\"echo\", \"\\(p.output.id)\"] }\n}\n",
    ]

    /// Mutants whose YAML kcheck refused, kept whole in Fixtures/invariants/ and
    /// named CODE-mutant-…: Sema now refuses each with that code.
    static let refused: [URL] = {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/invariants")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".bp") }.sorted().map { directory.appendingPathComponent($0) }
    }()

    @Test func refusedMutantsAreKept() {
        #expect(Self.refused.count >= 2)
    }

    @Test(arguments: refused)
    func refusedMutantsFailWithTheirCode(_ url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        let code = String(url.lastPathComponent.prefix(6))
        var compilation = Compilation.load(SourceFile(path: url.lastPathComponent, text: text), identity: url.path, from: NoImports())
        compilation.analyze()
        let diagnostics = compilation.reports.flatMap(\.diagnostics)
        #expect(diagnostics.contains { $0.code.rawValue == code && $0.severity == .error }, "\(errors(diagnostics))")
        #expect(BlueprintCompiler.compile(SourceFile(path: url.lastPathComponent, text: text)).yaml == nil)
    }

    @Test(arguments: regressions)
    func regressionsKeepTheInvariants(_ text: String) throws {
        let yaml = try #require(checkInvariants(name: "regression.bp", text: text), "it no longer compiles")
        let output = try TestSupport.temporaryFile(yaml, suffix: ".yaml")
        defer { try? FileManager.default.removeItem(at: output) }
        let validate = try TestSupport.run(try TestSupport.kcheck.get(), ["validate", "-no-warn", output.path])
        #expect(validate.status == 0, "(b) \(validate.output)")
    }

    /// Checks (a), (c) and (d) for one program; returns its YAML when it compiles.
    func checkInvariants(name: String, text: String) -> [UInt8]? {
        let file = SourceFile(path: name, text: text)
        // Lint: the driver every command uses.
        var compilation = Compilation.load(file, identity: name, from: NoImports())
        compilation.analyze()
        if !compilation.hasErrors, let main = compilation.main { checkDataEdges(name: name, main: main) }
        let compiled = BlueprintCompiler.compile(file)
        let lintFails = compilation.hasErrors
        let compileFails = compiled.yaml == nil
        let found = errors(compilation.reports.flatMap(\.diagnostics) + compiled.diagnostics)
        #expect(lintFails == compileFails, "(a) \(name): lint fails: \(lintFails), compile fails: \(compileFails): \(found)\n\(text)")
        guard let yaml = compiled.yaml else { return nil }
        let lintOfYAML = BlueprintLinter.lint(bytes: yaml, path: name + ".yaml")
        #expect(errors(lintOfYAML).isEmpty, "(c) \(name): bpc lint of the compiled YAML: \(errors(lintOfYAML))\n\(String(decoding: yaml, as: UTF8.self))")
        let imported = BlueprintImporter.importBlueprint(yaml)
        guard let source = imported.source else {
            Issue.record("(d) \(name): the compiled YAML does not import: \(errors(imported.diagnostics))")
            return yaml
        }
        let again = BlueprintCompiler.compile(SourceFile(path: name, text: source))
        #expect(again.yaml.map(Self.body) == Self.body(yaml), "(d) \(name): import then compile differs: \(errors(again.diagnostics))\n\(source)")
        return yaml
    }

    /// (e): each phase reference in a lowered node's templates (its condition
    /// included), found by parsing them, has a data edge with its key.
    func checkDataEdges(name: String, main: Module) {
        let table = SymbolTable(main: main)
        let model = SemanticChecker.check(table, main: main).model
        for action in PlanBuilder.lower(table, semantics: model, sourcePath: name).plan.actions {
            let graph = action.graph
            for node in graph.nodes {
                let texts = (node.condition.map { [$0] } ?? []) + Self.renderedStrings(of: node.phase)
                let edges = graph.edges(to: node.name).filter { $0.kind == .data }
                for text in texts {
                    for reference in TemplateReferences.phaseReferences(in: text) {
                        guard case .phase(let source) = reference.target, source != node.name, graph.node(named: source) != nil else { continue }
                        #expect(
                            edges.contains { $0.from == source && $0.keys.contains(reference.key) },
                            "(e) \(name): \(node.name) reads \(reference.key) of \(source) in '\(text)' but has no such data edge")
                    }
                }
            }
        }
    }

    /// The strings Kanister renders of a phase: its objects and arguments, but of
    /// WaitV2's arguments, which the phase leaves unrendered, only the object
    /// references of its conditions (WaitV2 renders those itself; a key it
    /// ignores, BP2037, is never rendered).
    static func renderedStrings(of phase: KanisterPhase) -> [String] {
        var texts: [String] = []
        guard phase.function.lowercased() == "waitv2" else {
            phase.forEachTemplateString { texts.append($0) }
            return texts
        }
        for object in phase.objects { texts += object.reference.fields.map(\.value) }
        for case .map(let groups) in phase.args.filter({ $0.key == "conditions" }).map(\.value) {
            for group in groups where ["anyof", "allof"].contains(group.key.lowercased()) {
                guard case .list(let conditions) = group.value else { continue }
                for case .map(let fields) in conditions {
                    for field in fields where field.key.lowercased() == "objectreference" { field.value.forEachString { texts.append($0) } }
                }
            }
        }
        return texts
    }

    func errors(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.filter { $0.severity == .error }.map { "\($0.code.rawValue) \($0.message)" }
    }

    /// The YAML without its header comment (which names the source file).
    static func body(_ yaml: [UInt8]) -> String {
        String(decoding: yaml, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .drop { $0.hasPrefix("#") }.joined(separator: "\n")
    }
}

/// A source provider for programs that import nothing.
struct NoImports: SourceProvider {
    struct Missing: Error, CustomStringConvertible {
        var description: String
    }

    func read(_ path: String) throws -> SourceFile { throw Missing(description: "\(path): no such file") }
    func identity(of path: String) -> String { path }
}
