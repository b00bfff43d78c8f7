// The compiler driver: reads a .bp file and the files it imports, runs the
// passes, and collects every diagnostic with the file it belongs to.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax
import Foundation
import KanisterYAML

struct FileDiagnostics {
    var file: SourceFile
    var diagnostics: [Diagnostic]
}

struct Compilation {
    var main: Module?
    var imports: [Module] = []
    var reports: [FileDiagnostics] = []

    var hasErrors: Bool { reports.contains { $0.diagnostics.contains { $0.severity == .error } } }

    /// Parses `path` and, recursively, its imports. Throws only for I/O on the main file.
    static func load(_ path: String) throws -> Compilation {
        var compilation = Compilation()
        let file = try Terminal.read(path)
        let parsed = Parser.parse(file)
        compilation.reports.append(FileDiagnostics(file: file, diagnostics: parsed.diagnostics))
        let module = Module(file: file, syntax: parsed.syntax)
        compilation.main = module
        var visited: Set<String> = [canonicalPath(path)]
        compilation.loadImports(of: module, visited: &visited, depth: 0)
        return compilation
    }

    static func canonicalPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    mutating func loadImports(of module: Module, visited: inout Set<String>, depth: Int) {
        for declaration in module.syntax.declarations {
            guard case .importFile(let decl) = declaration, let relative = decl.path.constantText else { continue }
            // Relative to the importing file, and kept relative so diagnostics show short paths.
            let directory = module.file.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let path = relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
            let key = Compilation.canonicalPath(path)
            if visited.contains(key) { continue }
            visited.insert(key)
            guard depth < 32, let file = try? Terminal.read(path) else {
                let problem = Diagnostic.error(.importFailed, "cannot read imported file '\(relative)'", at: decl.path.range)
                append(problem, to: module.file)
                continue
            }
            let parsed = Parser.parse(file)
            reports.append(FileDiagnostics(file: file, diagnostics: parsed.diagnostics))
            let imported = Module(file: file, syntax: parsed.syntax)
            imports.append(imported)
            loadImports(of: imported, visited: &visited, depth: depth + 1)
        }
    }

    mutating func append(_ diagnostic: Diagnostic, to file: SourceFile) {
        if let index = reports.firstIndex(where: { $0.file.path == file.path }) {
            reports[index].diagnostics.append(diagnostic)
        } else {
            reports.append(FileDiagnostics(file: file, diagnostics: [diagnostic]))
        }
    }

    /// The semantic checks alone (`bpc lint`); diagnostics land in `reports`.
    mutating func check() {
        guard let main, !hasErrors else { return }
        for diagnostic in BlueprintCompiler.check(main: main, imports: imports) { append(diagnostic, to: main.file) }
    }

    /// Lowers to the Kanister model; nil when the sources have errors.
    mutating func lower() -> KanisterBlueprint? {
        guard let main, !hasErrors else { return nil }
        let (blueprint, diagnostics) = BlueprintCompiler.lower(main: main, imports: imports)
        for diagnostic in diagnostics { append(diagnostic, to: main.file) }
        return blueprint
    }

    func printDiagnostics() {
        for report in reports {
            let sorted = report.diagnostics.sorted { $0.range.start < $1.range.start }
            Terminal.printDiagnostics(sorted, in: report.file)
        }
    }
}

extension DiagnosticCode {
    static let importFailed = DiagnosticCode("BP1011")
}
