// `bpc graph`: the plan graph of a .bp file (or of a compiled plan) as
// Graphviz DOT, a Mermaid flowchart or JSON.

import ArgumentParser
import BlueprintPlan

enum GraphFormat: String, ExpressibleByArgument, CaseIterable {
    case dot, mermaid, json
}

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Print the plan graph: phases, compensations and finally, with their edges.",
        discussion: """
            Edges are told apart: sequence (solid), data (blue, labelled with the keys \
            read), rollback (dashed red, 'undo') and finally (dotted). Compensations are \
            dashed boxes, the finally phase is bold, parallel groups are clusters. The \
            graph is the optimized one: edges implied by others are left out. FILE may \
            also be a plan written by 'bpc compile --emit plan' (.json) or a Kanister \
            YAML Blueprint, imported in memory (of a stream or List holding several, \
            the one --blueprint names); a FILE without one of these extensions (or '-') \
            is told by its content. \
            Render DOT with Graphviz: bpc graph Samples/scale-backup.bp | dot -Tsvg > plan.svg. \
            Exit status: 0 printed, 1 errors in the input, 2 usage or I/O errors.

            \(AllowOption.discussion)
            """
    ).underBPC

    @Option(help: "Only the graph of this action.")
    var action: String?

    @Option(help: "dot, mermaid or json.")
    var format: GraphFormat = .dot

    @Option(name: .shortAndLong, help: "Output path (written atomically); standard output when absent or '-'.")
    var output: String?

    @Option(help: "The Blueprint to show, when FILE is YAML holding several (a stream or a List).")
    var blueprint: String?

    @OptionGroup var stdin: StdinOption

    @OptionGroup var allow: AllowOption

    @Argument(help: "The .bp file, a Kanister .yaml Blueprint (imported in memory), or a .plan.json file ('-': standard input).")
    var file: String

    func run() throws {
        let plan = try PlanInput.load(file, blueprint: blueprint, stdinName: stdin.stdinFilename, allowing: allow.codes)
        let actions = try PlanInput.select(action, in: plan, file: file)
        let bytes: [UInt8]
        switch format {
        case .dot: bytes = Array(PlanGraphRenderer.dot(plan, actions: actions).utf8)
        case .mermaid: bytes = Array(PlanGraphRenderer.mermaid(actions).utf8)
        case .json:
            do {
                bytes = try PlanCodec.encode(actions)
            } catch {
                Terminal.writeError("bpc: internal error: cannot write JSON: \(error)\n")
                throw ExitStatus.usageOrIO
            }
        }
        try Terminal.writeOutput(bytes, to: output)
    }
}
