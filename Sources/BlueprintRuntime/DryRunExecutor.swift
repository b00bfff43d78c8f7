// The `dry-run` backend: every phase is rendered and described, nothing runs.
// Outputs are unknown, so later templates read `<phase.output.key>` placeholders.

import BlueprintPlan

public struct DryRunExecutor: PhaseExecutor {
    public var name: String { "dry-run" }
    public var producesOutputs: Bool { false }

    public init() {}

    public func unsupportedReason(for function: String) -> String? { nil }

    public func run(_ phase: RenderedPhase, context: PhaseContext) async throws -> [String: String] {
        for line in DryRunExecutor.describe(phase) { context.log(line) }
        return [:]
    }

    /// What would run: the function and where, then each argument (scripts line by line).
    public static func describe(_ phase: RenderedPhase) -> [String] {
        var lines = ["\(phase.function) \(phase.name)"]
        for (name, fields) in phase.objects.sorted(by: { $0.key < $1.key }) {
            lines.append("  object \(name): \(fields.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))")
        }
        for entry in phase.args {
            switch entry.value {
            case .list(let items) where items.allSatisfy({ if case .string = $0 { true } else { false } }):
                let words = items.compactMap { item -> String? in if case .string(let text) = item { return text } else { return nil } }
                lines.append("  \(entry.key):")
                for word in words {
                    lines += word.split(separator: "\n", omittingEmptySubsequences: false).map { "    | \($0)" }
                }
            default:
                lines.append("  \(entry.key): \(render(entry.value))")
            }
        }
        return lines
    }

    static func render(_ value: KanisterValue) -> String {
        switch value {
        case .string(let text): return text
        case .int(let text), .float(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .list(let items): return "[" + items.map(render).joined(separator: ", ") + "]"
        case .map(let entries): return "{" + entries.map { "\($0.key): \(render($0.value))" }.joined(separator: ", ") + "}"
        }
    }
}
