// The compiler driver every command shares (lint, compile, graph, plan, run and
// the language server): loads a .bp file and its imports through a
// `SourceProvider`, runs the whole pipeline once, and keeps each file's diagnostics.

import BlueprintPlan
import BlueprintSema
import BlueprintSyntax

/// Where the driver gets source files: the file system in the executable,
/// open documents in an editor, a dictionary in tests. The driver does no I/O.
public protocol SourceProvider {
    /// The file at `path`; throws an error whose description is printable.
    func read(_ path: String) throws -> SourceFile
    /// A key that is equal for two paths naming one file (so an import cycle ends).
    func identity(of path: String) -> String
}

/// A loaded .bp file with its imports and, once `analyze()` ran, the results
/// of every pass: the checks, the plan and the Kanister model. `bpc lint` is
/// `bpc compile` without the write: both read `reports` after the same passes.
public struct Compilation: Sendable {
    public private(set) var main: Module?
    public private(set) var imports: [Module] = []
    /// Each file's diagnostics, the main file first.
    public private(set) var reports: [DiagnosticReport] = []
    /// The optimized plan; nil before `analyze()` or when the sources have errors.
    public private(set) var plan: PlanBlueprint?
    /// The Kanister model the YAML is written from; nil likewise.
    public private(set) var blueprint: KanisterBlueprint?
    var isAnalyzed = false

    /// How deep imports may nest.
    public static let maxImportDepth = 32

    public var hasErrors: Bool { reports.contains { $0.diagnostics.contains { $0.severity == .error } } }

    /// Parses `path` and, recursively, its imports. Throws only when the main file cannot be read.
    public static func load(_ path: String, from sources: some SourceProvider) throws -> Compilation {
        let file = try sources.read(path)
        return load(file, identity: sources.identity(of: path), from: sources)
    }

    /// Parses `file` (already read, e.g. an editor's buffer) and its imports.
    public static func load(_ file: SourceFile, identity: String, from sources: some SourceProvider) -> Compilation {
        var compilation = Compilation()
        let parsed = Parser.parse(file)
        compilation.reports.append(DiagnosticReport(file: file, diagnostics: parsed.diagnostics))
        let module = Module(file: file, syntax: parsed.syntax)
        compilation.main = module
        var visited: Set<String> = [identity]
        compilation.loadImports(of: module, from: sources, visited: &visited, depth: 0)
        return compilation
    }

    mutating func loadImports(of module: Module, from sources: some SourceProvider, visited: inout Set<String>, depth: Int) {
        for declaration in module.syntax.declarations {
            guard case .importFile(let decl) = declaration, let relative = decl.path.constantText else { continue }
            // Relative to the importing file, and kept relative so diagnostics show short paths.
            let directory = module.file.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
            let path = relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
            let key = sources.identity(of: path)
            if visited.contains(key) { continue }
            visited.insert(key)
            guard depth < Compilation.maxImportDepth, let file = try? sources.read(path) else {
                let problem = Diagnostic.error(.importFailed, "cannot read imported file '\(relative)'", at: decl.path.range)
                append(problem, to: module.file)
                continue
            }
            let parsed = Parser.parse(file)
            reports.append(DiagnosticReport(file: file, diagnostics: parsed.diagnostics))
            let imported = Module(file: file, syntax: parsed.syntax)
            imports.append(imported)
            loadImports(of: imported, from: sources, visited: &visited, depth: depth + 1)
        }
    }

    mutating func append(_ diagnostic: Diagnostic, to file: SourceFile) {
        if let index = reports.firstIndex(where: { $0.file.path == file.path }) {
            reports[index].diagnostics.append(diagnostic)
        } else {
            reports.append(DiagnosticReport(file: file, diagnostics: [diagnostic]))
        }
    }

    /// Runs every pass once: the checks, the plan and the Kanister model (with
    /// its rollback actions), checking phases against the functions of Kanister
    /// `kanister`. A file that does not parse is not checked further. Warnings
    /// whose code is in `allowed` (`--allow`), or in a file's own `allow`
    /// declarations, are dropped from that file's report; errors never are.
    public mutating func analyze(kanister: KanisterVersion = .default, allowing allowed: Set<String> = []) {
        guard !isAnalyzed else { return }
        isAnalyzed = true
        defer { dropAllowedWarnings(allowed) }
        guard let main, !hasErrors else { return }
        let analysis = BlueprintCompiler.analyze(main: main, imports: imports, kanister: kanister)
        for diagnostic in analysis.diagnostics { append(diagnostic, to: main.file) }
        plan = analysis.plan
        blueprint = analysis.blueprint
    }

    mutating func dropAllowedWarnings(_ allowed: Set<String>) {
        let modules = (main.map { [$0] } ?? []) + imports
        for index in reports.indices {
            let path = reports[index].file.path
            let own = modules.first { $0.file.path == path }?.syntax.allowedCodes ?? []
            reports[index].diagnostics = reports[index].diagnostics.allowing(allowed.union(own))
        }
    }

    /// Each report's diagnostics in source order (ties keep their order).
    public var sortedReports: [DiagnosticReport] {
        reports.map { DiagnosticReport(file: $0.file, diagnostics: $0.diagnostics.inSourceOrder) }
    }
}

extension DiagnosticCode {
    public static let importFailed = DiagnosticCode("BP1011")
}
