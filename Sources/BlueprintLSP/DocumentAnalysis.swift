// What the server knows of one open document: its text, and the analysis of
// that version through the same `Compilation` as `bpc lint` (open buffers win
// over the disk for the document and its imports).

import BlueprintSema
import BlueprintSyntax
import KanisterYAML

/// The results of the pipeline on one version of a document.
struct DocumentAnalysis {
    /// The document's own diagnostics, in source order.
    var diagnostics: [Diagnostic]
    /// Every file the compilation read, by path (for notes that point into imports).
    var files: [String: SourceFile]
    var main: Module?
    var imports: [Module]
    /// Identities of the files imported, directly or not.
    var dependencies: Set<String>
    private var cachedIndex: SymbolIndex?
    private var cachedTable: SymbolTable?

    init(diagnostics: [Diagnostic], files: [String: SourceFile], main: Module?, imports: [Module], dependencies: Set<String>) {
        self.diagnostics = diagnostics
        self.files = files
        self.main = main
        self.imports = imports
        self.dependencies = dependencies
    }

    /// The symbol index, built on first use.
    mutating func index() -> SymbolIndex? {
        if let cachedIndex { return cachedIndex }
        guard let main else { return nil }
        let index = SymbolIndex(main: main, imports: imports)
        cachedIndex = index
        return index
    }

    /// Sema's symbol table of the module, built on first use.
    mutating func table() -> SymbolTable? {
        if let cachedTable { return cachedTable }
        guard let main else { return nil }
        let table = SymbolTable(main: main, imports: imports)
        cachedTable = table
        return table
    }
}

struct OpenDocument {
    var text: TextDocument
    var analysis: DocumentAnalysis?
    /// Per-action results of the last analyses, reused by the next (an edit re-checks what it changed).
    var cache = AnalysisCache()
}

/// The sources a compilation reads: open documents first, then the disk.
struct OverlaySources: SourceProvider {
    let disk: any SourceProvider
    let open: [String: SourceFile]

    func read(_ path: String) throws -> SourceFile {
        if let file = open[identity(of: path)] { return SourceFile(path: path, bytes: file.bytes) }
        return try disk.read(path)
    }

    func identity(of path: String) -> String { disk.identity(of: path) }
}

extension LanguageServer {
    /// Runs the pipeline on a document's current text.
    func analyze(_ document: TextDocument, cache: AnalysisCache = AnalysisCache()) -> DocumentAnalysis {
        if document.isYAML {
            var diagnostics = configuration.lintYAML(document.file).inSourceOrder
            // An editor attaches the server to every YAML file: one that is not a
            // Blueprint (a Deployment, a CI file) is none of its business.
            if diagnostics.count == 1, diagnostics[0].code == .notBlueprint { diagnostics = [] }
            return DocumentAnalysis(diagnostics: diagnostics, files: [document.path: document.file], main: nil, imports: [], dependencies: [])
        }
        var open: [String: SourceFile] = [:]
        for entry in documents.values { open[disk.identity(of: entry.text.path)] = entry.text.file }
        let sources = OverlaySources(disk: disk, open: open)
        var compilation = Compilation.load(document.file, identity: disk.identity(of: document.path), from: sources)
        if configuration.reusesActionResults {
            compilation.analyzeDiagnostics(kanister: configuration.kanister, cache: cache)
        } else {
            compilation.analyze(kanister: configuration.kanister)
        }
        var files: [String: SourceFile] = [:]
        for report in compilation.reports { files[report.file.path] = report.file }
        let diagnostics = compilation.reports.first { $0.file.path == document.path }?.diagnostics.inSourceOrder ?? []
        return DocumentAnalysis(
            diagnostics: diagnostics, files: files, main: compilation.main, imports: compilation.imports,
            dependencies: Set(compilation.imports.map { disk.identity(of: $0.file.path) }))
    }

    /// The open document a request names, analyzed; a request for another is an error.
    func openDocument(_ params: JSONValue) throws -> String {
        guard let uri = params["textDocument"]?["uri"]?.stringValue else {
            throw RequestFailure(code: ErrorCode.invalidParams, message: "invalid params: textDocument.uri is missing")
        }
        guard documents[uri] != nil else {
            throw RequestFailure(code: ErrorCode.invalidParams, message: "document is not open: \(uri)")
        }
        ensureAnalysis(uri)
        return uri
    }

    func ensureAnalysis(_ uri: String) {
        guard let document = documents[uri], document.analysis == nil else { return }
        // Analyzed first: the analysis reads every open document.
        let analysis = analyze(document.text, cache: document.cache)
        documents[uri]?.analysis = analysis
    }

    /// The byte offset of the request's `position` in the document.
    func requestOffset(_ params: JSONValue, in uri: String) throws -> Int {
        guard let position = LSPPosition(params["position"]), let document = documents[uri] else {
            throw RequestFailure(code: ErrorCode.invalidParams, message: "invalid params: position is missing")
        }
        return document.text.offset(of: position)
    }
}
