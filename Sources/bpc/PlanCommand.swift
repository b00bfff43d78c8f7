// `bpc plan`: the static schedule of an action: topological levels, the
// critical path, which phases may run at once and the compensation order.

import ArgumentParser
import BlueprintPlan

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the schedule of each action (or of one): levels, critical path, compensations.",
        discussion: """
            Levels: a phase's level is one more than that of the latest phase it waits \
            for (by sequence, data or finally edges); the phases of one level may run at \
            once under 'bpc run'. The critical path is a longest chain of phases. On a \
            failure, compensations run in reverse order of completion; the order printed \
            is the one for a failure after every phase completed (latest phase first). \
            FILE may also be a plan written by 'bpc compile --emit plan' (.json) or a \
            Kanister YAML Blueprint, imported in memory (of a stream or List holding \
            several, the one --blueprint names); a FILE without one of these extensions \
            (or '-') is told by its content. \
            Exit status: 0 printed, 1 errors in the input, 2 usage or I/O errors.

            \(AllowOption.discussion)
            """
    ).underBPC

    @Option(help: "Only the schedule of this action.")
    var action: String?

    @Flag(help: "Also print every node and edge of the plan graph.")
    var dump = false

    @Option(help: "The Blueprint to show, when FILE is YAML holding several (a stream or a List).")
    var blueprint: String?

    @OptionGroup var stdin: StdinOption

    @OptionGroup var allow: AllowOption

    @Argument(help: "The .bp file, a Kanister .yaml Blueprint (imported in memory), or a .plan.json file ('-': standard input).")
    var file: String

    func run() throws {
        let plan = try PlanInput.load(file, blueprint: blueprint, stdinName: stdin.stdinFilename, allowing: allow.codes)
        let actions = try PlanInput.select(action, in: plan, file: file)
        let text: String
        if dump {
            text = PlanText.dump(PlanBlueprint(name: plan.name, metadata: plan.metadata, actions: actions, sourcePath: plan.sourcePath))
        } else {
            text = actions.map(PlanText.schedule).joined(separator: "\n")
        }
        try Terminal.writeOut(Array(text.utf8))
    }
}
