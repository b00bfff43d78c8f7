// The bpc command line: subcommands and the exit-code contract
// (0 success, 1 errors in the input, 2 usage or I/O errors).

import ArgumentParser
import BlueprintSyntax
import CHeapTuning
import Glibc

@main
struct BPC: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bpc",
        abstract: "The blueprint compiler: checks .bp files and compiles them to Kanister blueprints.",
        discussion: """
            Exit status: 0 on success, 1 when an input has errors (diagnostics are \
            printed as file:line:col), 2 on usage or I/O errors; `bpc run` adds 3 \
            (failed, rolled back), 4 (rollback incomplete) and 130 (interrupted).

            Every diagnostic has a stable code: `bpc explain BP2009` prints what it \
            means, a failing example and its fix (`bpc help COMMAND` explains a command).

            Examples:
              bpc compile Samples/postgresql.bp -o postgresql.yaml
              bpc import blueprint.yaml -o blueprint.bp
              bpc lint --format gcc Samples/*.bp blueprint.yaml
              bpc fmt --check Samples/*.bp
              bpc graph Samples/scale-backup.bp | dot -Tsvg > plan.svg
              bpc run x.bp --action backup --object statefulset/ns/pg --backend dry-run
              bpc explain BP2009
            """,
        version: "0.1.0",
        subcommands: [
            CompileCommand.self, ImportCommand.self, FormatCommand.self, ParseCommand.self, LintCommand.self, GraphCommand.self, PlanCommand.self,
            LSPCommand.self, RunCommand.self, RollbackCommand.self, ActionSetCommand.self, ExplainCommand.self, KandoCommand.self,
        ]
    )

    /// Runs the command and maps every failure to the documented exit codes.
    static func main() async {
        // Every bpc command is one process: its large intermediates are returned to
        // the system at exit rather than freed one by one (see Parallel), and its
        // heap is set up for a short life (see CHeapTuning.h).
        Parallel.keepsReleasedValuesUntilExit = true
        _ = bpc_tune_heap_for_one_shot_process()
        if let answer = immediateAnswer(Array(CommandLine.arguments.dropFirst())) {
            _ = Terminal.writeAll([Array(answer.utf8)[...]], to: 1)
            Glibc.exit(0)
        }
        if let unknown = unknownHelpTopic(Array(CommandLine.arguments.dropFirst())) {
            Terminal.writeError("Error: no command '\(unknown)'; see 'bpc --help' for the commands\n")
            Glibc.exit(2)
        }
        do {
            var command: ParsableCommand
            if let direct = parsedDirectly(Array(CommandLine.arguments.dropFirst())) {
                command = direct
            } else {
                command = try parseAsRoot()
            }
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let exit as ExitStatus {
            Glibc.exit(exit.code)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // Help and version text, written as `print` would (without its
                // dynamic casts of the value, which are costly at start).
                _ = Terminal.writeAll([Array((fullMessage(for: error) + "\n").utf8)[...]], to: 1)
                Glibc.exit(0)
            }
            Terminal.writeError(fullMessage(for: error) + "\n")
            Glibc.exit(2)
        }
    }
}

extension BPC {
    /// `bpc COMMAND ARGS...` parsed by COMMAND alone, for the commands marked
    /// `underBPC`: argument-parser then skips the root's tree and its checks for
    /// a completion-script request, a third of a small `bpc lint`. Nil whenever
    /// that parse fails or asks for help or a version, so that the full parse
    /// decides with its own messages (what a command accepts is its own either way).
    static func parsedDirectly(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first,
            let command = configuration.subcommands.first(where: { $0._commandName == name }),
            command.configuration._superCommandName == configuration.commandName,
            let parsed = try? command.parseAsRoot(Array(arguments.dropFirst())),
            type(of: parsed) == command
        else { return nil }
        return parsed
    }

    /// What `bpc --version` prints, answered before argument-parser builds the
    /// command tree (which costs most of such a run); the same text it would
    /// print (see `BPCStartupTests`). Nil for every other command line.
    static func immediateAnswer(_ arguments: [String]) -> String? {
        guard arguments == ["--version"] else { return nil }
        return configuration.version + "\n"
    }

    /// `bpc help NAME ...` where NAME is not a command (argument-parser would print
    /// the root help and succeed): the word, else nil.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var commands: [any ParsableCommand.Type] = configuration.subcommands
        for word in arguments.dropFirst() where !word.hasPrefix("-") {
            guard let command = commands.first(where: { $0._commandName == word }) else { return word }
            commands = command.configuration.subcommands
        }
        return nil
    }
}

/// Thrown by commands to end with a given status after their output is written.
struct ExitStatus: Error {
    var code: Int32
    static let inputErrors = ExitStatus(code: 1)
    static let usageOrIO = ExitStatus(code: 2)
}

extension CommandConfiguration {
    /// This subcommand's configuration, marked as one of bpc's: its parse may
    /// skip the root's (`BPC.parsedDirectly`). Help and usage of the full parse
    /// are unchanged (argument-parser reads the mark only on the root).
    var underBPC: CommandConfiguration {
        var marked = self
        marked._superCommandName = "bpc"
        return marked
    }
}
