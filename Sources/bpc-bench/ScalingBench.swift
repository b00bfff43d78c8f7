// `bpc-bench scaling`: time per MB of each stage at 1, 2, 4 and 8 MB of each
// shape, and the exponent of a least-squares fit of time against size (1.0 is
// linear; the target is at most 1.1, so a quadratic corner shows as about 2).

import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML

enum ScalingBench {
    static let sizesMB: [Double] = [1, 2, 4, 8]

    /// The stages timed on one input: name and the work, given the input bytes.
    /// Each returns what it made, which is freed after the timing (in the
    /// background, as `bpc` never frees it on the way to its answer), so that
    /// no stage is charged for freeing a large tree and the others not.
    static func stages(for shape: Shape) -> [(String, ([UInt8]) -> any Sendable)] {
        if shape.isYAML {
            return [
                ("import", { BlueprintImporter.importBlueprint($0) }),
                ("lint", { lintYAML($0) }),
            ]
        }
        return [
            ("lex", { Lexer.tokenize($0) }),
            ("parse", { Parser.parse(SourceFile(path: "scaling.bp", bytes: $0)) }),
            ("check", { check($0) }),
            ("compile", { BlueprintCompiler.compile(SourceFile(path: "scaling.bp", bytes: $0)) }),
            ("lint", { lintSource($0) }),
        ]
    }

    /// The front end a check needs: parse, symbol table and semantic checks (no
    /// plan, no YAML).
    static func check(_ bytes: [UInt8]) -> any Sendable {
        let file = SourceFile(path: "scaling.bp", bytes: bytes)
        let syntax = Parser.parse(file).syntax
        let module = Module(file: file, syntax: syntax)
        let table = SymbolTable(main: module)
        return (table, SemanticChecker.check(table, main: module))
    }

    /// What `bpc lint FILE.bp` does in process: every pass, then the diagnostics rendered.
    static func lintSource(_ bytes: [UInt8]) -> any Sendable {
        let file = SourceFile(path: "scaling.bp", bytes: bytes)
        let parsed = Parser.parse(file)
        var diagnostics = parsed.diagnostics
        let analysis = parsed.hasErrors ? nil : BlueprintCompiler.analyze(main: Module(file: file, syntax: parsed.syntax))
        diagnostics += analysis?.diagnostics ?? []
        return (parsed, analysis?.plan, analysis?.blueprint, DiagnosticRenderer().render(diagnostics, in: file))
    }

    /// What `bpc lint FILE.yaml` does in process: the checks on the YAML, rendered.
    static func lintYAML(_ bytes: [UInt8]) -> any Sendable {
        let diagnostics = BlueprintLinter.lint(bytes: bytes, path: "scaling.yaml")
        return DiagnosticRenderer().render(diagnostics, in: SourceFile(path: "scaling.yaml", bytes: bytes))
    }

    /// The slope of log(seconds) against log(bytes): 1 when the cost is linear.
    static func exponent(_ points: [(bytes: Double, seconds: Double)]) -> Double {
        let usable = points.filter { $0.bytes > 0 && $0.seconds > 0 }
        guard usable.count >= 2 else { return .nan }
        let xs = usable.map { log($0.bytes) }
        let ys = usable.map { log($0.seconds) }
        let meanX = xs.reduce(0, +) / Double(xs.count)
        let meanY = ys.reduce(0, +) / Double(ys.count)
        var covariance = 0.0
        var variance = 0.0
        for (x, y) in zip(xs, ys) {
            covariance += (x - meanX) * (y - meanY)
            variance += (x - meanX) * (x - meanX)
        }
        return variance > 0 ? covariance / variance : .nan
    }

    /// Runs every shape (or those whose name contains `filter`) and prints a table per shape.
    static func run(filter: String?, repeats: Int) {
        print("time per MB at \(sizesMB.map { "\(Int($0)) MB" }.joined(separator: ", ")) (best of \(repeats)); fitted exponent (target ≤ 1.1)")
        var worst: (String, Double) = ("", 0)
        for shape in Shapes.all where filter.map({ shape.name.contains($0) }) ?? true {
            var inputs: [[UInt8]] = []
            for size in sizesMB {
                guard let input = shape.make(Int(size * 1_048_576)) else { break }
                inputs.append(input)
            }
            guard inputs.count == sizesMB.count else {
                print("\n\(shape.name): skipped (the corpus or bigblueprint.py is not beside the package; set BPC_SHARED)")
                continue
            }
            print("\n\(shape.name):")
            for (stage, work) in stages(for: shape) {
                var points: [(bytes: Double, seconds: Double)] = []
                for input in inputs {
                    var best = Double.infinity
                    for _ in 0..<repeats {
                        var made: (any Sendable)?
                        best = min(best, seconds { made = work(input) })
                        Parallel.releaseInBackground(made)
                    }
                    points.append((Double(input.count), best))
                }
                let perMB = points.map { String(format: "%7.1f", $0.seconds / ($0.bytes / 1_048_576) * 1000) }
                let fitted = exponent(points)
                if fitted > worst.1 { worst = ("\(shape.name) / \(stage)", fitted) }
                let flag = fitted > 1.1 ? "  <-- above 1.1" : ""
                print(
                    "  \(stage.padding(toLength: 8, withPad: " ", startingAt: 0)) ms/MB:\(perMB.joined(separator: " "))"
                        + "   exponent \(String(format: "%.2f", fitted))\(flag)")
            }
        }
        print("\nlargest exponent: \(String(format: "%.2f", worst.1)) (\(worst.0))")
    }
}
