// Shared helpers of the plan tests: building plans from source text (with or
// without Sema in front), golden files, and small graphs built by hand.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML
import TestSupport
import Testing

enum PlanFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// The module of `text`; the test fails on syntax errors.
    static func module(_ text: String, path: String = "test.bp") -> Module {
        let file = SourceFile(path: path, text: text)
        let parsed = Parser.parse(file)
        #expect(!parsed.hasErrors, "syntax errors: \(parsed.diagnostics.map(\.message))")
        return Module(file: file, syntax: parsed.syntax)
    }

    /// The optimized plan through the whole pipeline (Sema first, as `bpc` does).
    static func checkedPlan(_ text: String) -> (plan: PlanBlueprint?, diagnostics: [Diagnostic]) {
        let analysis = BlueprintCompiler.analyze(main: module(text))
        return (analysis.plan, analysis.diagnostics)
    }

    /// The plan whatever Sema reports (its phase references give the data
    /// edges), with the plan's diagnostics alone: for what only the plan passes see.
    static func plan(_ text: String, optimized: Bool = true) -> (plan: PlanBlueprint, diagnostics: [Diagnostic]) {
        let main = module(text)
        let table = SymbolTable(main: main)
        let model = SemanticChecker.check(table, main: main).model
        return optimized
            ? PlanBuilder.build(table, semantics: model, sourcePath: "test.bp")
            : PlanBuilder.lower(table, semantics: model, sourcePath: "test.bp")
    }

    /// The graph of the only (or the named) action of a plan that must have no errors.
    static func graph(_ text: String, action: String? = nil, optimized: Bool = true, sourceLocation: SourceLocation = #_sourceLocation) -> PlanGraph {
        let (plan, diagnostics) = self.plan(text, optimized: optimized)
        let errors = diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors.map(\.message))", sourceLocation: sourceLocation)
        let chosen = action.flatMap { plan.action(named: $0) } ?? plan.actions.first
        return chosen?.graph ?? PlanGraph(nodes: [], edges: [])
    }

    /// Edges as `from -> to: kind [keys]` lines, for compact expectations.
    static func edges(_ graph: PlanGraph) -> [String] { graph.edges.map(PlanText.describe) }

    static func samples() -> [URL] { TestSupport.samples() }

    static func sampleModule(_ url: URL) throws -> Module {
        let file = SourceFile(path: "Samples/" + url.lastPathComponent, bytes: try [UInt8](Data(contentsOf: url)))
        return Module(file: file, syntax: Parser.parse(file).syntax)
    }

    /// A hand-built node: a phase calling `function` with no arguments.
    static func node(_ name: String, _ kind: PlanNodeKind = .phase) -> PlanNode {
        PlanNode(name: name, kind: kind, phase: KanisterPhase(function: "KubeTask", name: name), sourceRange: SourceRange(0, 0))
    }
}

/// `BPC_UPDATE_GOLDENS=1` rewrites golden files, and every rewrite fails the test.
enum PlanGolden {
    static let isUpdating = ProcessInfo.processInfo.environment["BPC_UPDATE_GOLDENS"] == "1"

    static func check(_ actual: String, against url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        if isUpdating {
            do {
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: url, atomically: true, encoding: .utf8)
                Issue.record("rewrote \(url.lastPathComponent) (BPC_UPDATE_GOLDENS=1 always fails; rerun without it)", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot write \(url.path): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("missing golden file \(url.path); run with BPC_UPDATE_GOLDENS=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)
        let want = line < left.count ? String(left[line]) : "<end>"
        let got = line < right.count ? String(right[line]) : "<end>"
        Issue.record(
            "\(url.lastPathComponent) line \(line + 1): expected \(want.debugDescription), got \(got.debugDescription)", sourceLocation: sourceLocation)
    }
}
