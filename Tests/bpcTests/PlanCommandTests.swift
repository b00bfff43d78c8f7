// End-to-end tests of `bpc graph`, `bpc plan` and `bpc compile --emit plan`:
// outputs, exit codes, and plan files read back (or refused) by the CLI.

import Foundation
import TestSupport
import Testing

@Suite struct PlanCommandTests {
    static let sample = TestSupport.packageRoot.appendingPathComponent("Samples/scale-backup.bp").path

    @Test func graphFormats() throws {
        let scratch = try Scratch()
        let dot = try scratch.bpc("graph", Self.sample, "--action", "backup")
        #expect(dot.status == 0, "\(dot.errors)")
        #expect(dot.output.hasPrefix("digraph \"backup\" {"))
        #expect(dot.output.contains(#""scaleDown" -> "scaleDown-undo" [style=dashed, color=firebrick"#))
        let mermaid = try scratch.bpc("graph", Self.sample, "--format", "mermaid")
        #expect(mermaid.status == 0)
        #expect(mermaid.output.hasPrefix("flowchart TD"))
        let json = try scratch.bpc("graph", Self.sample, "--format", "json", "-o", "graph.json")
        #expect(json.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data((scratch.read("graph.json") ?? "").utf8)) as? [Any]
        #expect(parsed?.count == 3)
    }

    @Test func anUnknownActionIsAUsageError() throws {
        let result = try Scratch().bpc("graph", Self.sample, "--action", "nope")
        #expect(result.status == 2)
        #expect(result.errors.contains("has no action 'nope' (its actions: backup, restore, delete)"))
    }

    @Test func planPrintsTheSchedule() throws {
        let result = try Scratch().bpc("plan", Self.sample, "--action", "backup")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("  2  copyData, copyLogs\n"))
        #expect(result.output.contains("critical path: 4 phases: scaleDown -> copyData -> scaleUp -> recordAttempt"))
        #expect(result.output.contains("  1  scaleDown-undo (undoes scaleDown)"))
    }

    @Test func aCompiledPlanIsReadBack() throws {
        let scratch = try Scratch()
        let compiled = try scratch.bpc("compile", Self.sample, "--emit", "plan", "-o", "sb.plan.json")
        #expect(compiled.status == 0, "\(compiled.errors)")
        let text = scratch.read("sb.plan.json") ?? ""
        #expect(text.contains(#""format": "bpc-plan""#))
        let fromSource = try scratch.bpc("plan", Self.sample)
        let fromPlan = try scratch.bpc("plan", "sb.plan.json")
        #expect(fromPlan.status == 0, "\(fromPlan.errors)")
        #expect(fromPlan.output == fromSource.output)
    }

    @Test func aPlanOfAnotherVersionOrACorruptOneIsRefused() throws {
        let scratch = try Scratch()
        _ = try scratch.bpc("compile", Self.sample, "--emit", "plan", "-o", "good.plan.json")
        let good = scratch.read("good.plan.json") ?? ""
        try scratch.write("v2.plan.json", good.replacingOccurrences(of: #""formatVersion": 1"#, with: #""formatVersion": 2"#))
        let newer = try scratch.bpc("plan", "v2.plan.json")
        #expect(newer.status == 1)
        #expect(newer.errors.contains("v2.plan.json:1:1: error[BP5101]: plan format version 2 is not supported"))
        try scratch.write("cut.plan.json", String(good.prefix(300)))
        let cut = try scratch.bpc("graph", "cut.plan.json")
        #expect(cut.status == 1)
        #expect(cut.errors.contains("error[BP5102]"))
    }

    @Test func nothingIsWrittenOnErrors() throws {
        let scratch = try Scratch()
        try scratch.write("bad.bp", "blueprint b\naction a {\n  phase x: NoSuchFunction { }\n}\n")
        let result = try scratch.bpc("compile", "bad.bp", "--emit", "plan")
        #expect(result.status == 1)
        #expect(!scratch.exists("bad.plan.json"))
    }
}
