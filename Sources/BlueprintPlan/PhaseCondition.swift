// How the Kanister YAML says a phase's `when`: released Kanister has no
// per-phase condition, so a phase that runs a command gets a command that
// exits 0 without running it when the condition renders `false`.

import BlueprintSyntax

/// The ways a target Kanister can express `when`. Only the command wrapper exists
/// today. PR #4226's per-phase `if:` would be a second case (`wrapped` then sets
/// the phase's `if:` instead), chosen in `BlueprintCompiler.analyze` from the
/// target's capability (`KanisterTarget.supportsPhaseConditions`, which also lifts
/// Sema's BP2077 restriction to command-running functions).
public enum PhaseConditionStyle: Sendable, Equatable {
    /// `sh -c 'if [ "$0" = true ]; then exec "$@"; fi' '{{ if COND }}true{{ else }}false{{ end }}' command...`
    case commandWrapper
}

public enum PhaseCondition {
    /// The arguments that hold a command, per function that runs one.
    public static let commandArguments: [String: [String]] = [
        "KubeTask": ["command"], "KubeExec": ["command"], "KubeExecAll": ["command"], "PrepareData": ["command"],
        "MultiContainerRun": ["initCommand", "backgroundCommand", "outputCommand"],
    ]

    /// The wrapper's script: `$0` is the rendered condition, `$@` the original command.
    public static let script = #"if [ "$0" = true ]; then exec "$@"; fi"#

    /// A Go template that renders `true` when `pipeline` is true by Go's rules, else `false`.
    public static func template(_ pipeline: String) -> String {
        "{{ if \(pipeline) }}true{{ else }}false{{ end }}"
    }

    /// `node`'s phase as the YAML writes it: unchanged without a condition; with
    /// one, each command runs under the wrapper, and each of its templated items is
    /// rendered only when the condition holds (Kanister renders every argument
    /// before the command runs, and a skipped phase's outputs are absent).
    public static func wrapped(_ node: PlanNode, style: PhaseConditionStyle = .commandWrapper) -> KanisterPhase {
        guard let condition = node.condition, let keys = commandArguments[node.phase.function] else { return node.phase }
        var phase = node.phase
        phase.args = phase.args.map { entry in
            guard keys.contains(entry.key) else { return entry }
            return KanisterEntry(entry.key, wrap(entry.value, condition))
        }
        return phase
    }

    static func wrap(_ command: KanisterValue, _ condition: String) -> KanisterValue {
        let items: [KanisterValue]
        switch command {
        case .list(let list): items = list
        case .string: items = [command]
        case .int, .float, .bool, .null, .map: return command
        }
        let guarded = items.map { item -> KanisterValue in
            guard case .string(let text) = item, text.containsTemplateOpen, !definesTemplates(text) else { return item }
            return .string(guardedText(text, condition))
        }
        return .list([.string("sh"), .string("-c"), .string(script), .string(template(condition))] + guarded)
    }

    /// `text` rendered only when `condition` holds, with the same bytes when it does.
    /// A space sits between each tag and the text, trimmed by the tag (`-}}`, `{{-`)
    /// when the text does not start (end) with white space of its own, so that a
    /// word-based reader of the script (output inference: `kando output KEY`) still
    /// sees the text's first and last words.
    static func guardedText(_ text: String, _ condition: String) -> String {
        let open = text.first?.isWhitespace == true ? "{{ if \(condition) }}" : "{{ if \(condition) -}} "
        let close = text.last?.isWhitespace == true ? "{{ end }}" : " {{- end }}"
        return open + text + close
    }

    /// `{{define}}` and `{{block}}` may only appear at the top level of a template.
    static func definesTemplates(_ text: String) -> Bool {
        text.contains("define") || text.contains("block")
    }
}
