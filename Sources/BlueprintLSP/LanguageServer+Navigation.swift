// Go to definition, find references, rename (with prepareRename) and document
// symbols, all from the document's SymbolIndex.

import BlueprintSema
import BlueprintSyntax

extension LanguageServer {
    /// The symbol under the request's position and the document's index.
    func symbol(_ params: JSONValue) throws -> (uri: String, occurrence: Occurrence, index: SymbolIndex)? {
        let uri = try openDocument(params)
        let offset = try requestOffset(params, in: uri)
        guard let path = documents[uri]?.text.path, let index = documents[uri]?.analysis?.index() else { return nil }
        guard let occurrence = index.occurrence(at: offset, in: path) else { return nil }
        return (uri, occurrence, index)
    }

    func location(_ occurrence: Occurrence, from uri: String) -> JSONValue? {
        guard let document = documents[uri] else { return nil }
        if occurrence.file == document.text.path {
            return .object([("uri", .string(uri)), ("range", document.text.range(occurrence.range))])
        }
        guard let file = document.analysis?.files[occurrence.file] else { return nil }
        let other = TextDocument(uri: DocumentURI.uri(of: occurrence.file), version: 0, languageID: "", text: file.bytes)
        return .object([("uri", .string(other.uri)), ("range", other.range(occurrence.range))])
    }

    func definition(_ params: JSONValue) throws -> JSONValue {
        guard let (uri, occurrence, index) = try symbol(params) else { return .null }
        if case .importFile = occurrence.key {
            guard let document = documents[uri], let target = importedPath(occurrence, in: document) else { return .null }
            let start = JSONValue.object([("line", .int(0)), ("character", .int(0))])
            return .object([("uri", .string(DocumentURI.uri(of: target))), ("range", .object([("start", start), ("end", start)]))])
        }
        guard let target = index.definition(of: occurrence.key) else { return .null }
        return location(target, from: uri) ?? .null
    }

    /// The path an import names, as the compilation resolved it.
    func importedPath(_ occurrence: Occurrence, in document: OpenDocument) -> String? {
        let relative = occurrence.key.name
        let directory = document.text.path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return relative.hasPrefix("/") || directory.isEmpty ? relative : directory + "/" + relative
    }

    func references(_ params: JSONValue) throws -> JSONValue {
        guard let (uri, occurrence, index) = try symbol(params) else { return .array([]) }
        let includeDeclaration = params["context"]?["includeDeclaration"]?.boolValue ?? true
        let found = index.occurrences(of: occurrence.key).filter { includeDeclaration || !$0.isDefinition }
        return .array(found.compactMap { location($0, from: uri) })
    }

    func prepareRename(_ params: JSONValue) throws -> JSONValue {
        guard let (uri, occurrence, index) = try symbol(params), let document = documents[uri] else { return .null }
        if case .importFile = occurrence.key { return .null }
        // A name defined in an imported file is renamed there, not from here.
        guard let definition = index.definition(of: occurrence.key), definition.file == document.text.path else { return .null }
        return .object([("range", document.text.range(occurrence.range)), ("placeholder", .string(occurrence.key.name))])
    }

    func rename(_ params: JSONValue) throws -> JSONValue {
        guard let newName = params["newName"]?.stringValue else {
            throw RequestFailure(code: ErrorCode.invalidParams, message: "invalid params: newName is missing")
        }
        guard let (uri, occurrence, index) = try symbol(params), let document = documents[uri] else {
            throw RequestFailure(code: ErrorCode.invalidParams, message: "there is no symbol to rename here")
        }
        let isInTemplates: Bool
        switch occurrence.key {
        case .phase, .artifact: isInTemplates = true
        default: isInTemplates = false
        }
        guard LanguageServer.isIdentifier(newName, allowsHyphen: !isInTemplates) else {
            let allowed = isInTemplates ? "letters, digits and '_'" : "letters, digits, '_' and inner '-'"
            throw RequestFailure(code: ErrorCode.invalidParams, message: "'\(newName)' is not a valid name here (\(allowed), not starting with a digit)")
        }
        guard try prepareRename(params) != .null else {
            throw RequestFailure(code: ErrorCode.invalidParams, message: "'\(occurrence.key.name)' cannot be renamed from this file")
        }
        let edits = index.occurrences(of: occurrence.key).filter { $0.file == document.text.path }.map { found in
            JSONValue.object([("range", document.text.range(found.range)), ("newText", .string(newName))])
        }
        return .object([("changes", .object([(uri, .array(edits))]))])
    }

    /// A .bp identifier (ASCII letters, digits and `_`, inner `-`), not a word the grammar
    /// reserves; without `-` when templates spell it (`.Phases.p`, where Go stops at `-`).
    static func isIdentifier(_ text: String, allowsHyphen: Bool = true) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, first == UInt8(ascii: "_") || (first | 0x20 >= 0x61 && first | 0x20 <= 0x7A) else { return false }
        for (index, byte) in bytes.enumerated() {
            let isWord = byte == UInt8(ascii: "_") || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
            let isInnerHyphen = allowsHyphen && byte == UInt8(ascii: "-") && index + 1 < bytes.count && bytes[index + 1] != UInt8(ascii: "-")
            guard isWord || isInnerHyphen else { return false }
        }
        return !["true", "false", "null", "bash"].contains(text)
    }

    func documentSymbols(_ params: JSONValue) throws -> JSONValue {
        let uri = try openDocument(params)
        guard let document = documents[uri], let main = document.analysis?.main else { return .array([]) }
        let text = document.text
        func symbol(_ name: Name, kind: Int, range: SourceRange, detail: String? = nil, children: [JSONValue] = []) -> JSONValue {
            var fields: [(String, JSONValue)] = [
                ("name", .string(name.text.isEmpty ? "?" : name.text)), ("kind", .int(kind)),
                ("range", text.range(range.union(name.range))), ("selectionRange", text.range(name.range)),
            ]
            if let detail { fields.append(("detail", .string(detail))) }
            if !children.isEmpty { fields.append(("children", .array(children))) }
            return .object(fields)
        }
        var result: [JSONValue] = []
        for declaration in main.syntax.declarations {
            switch declaration {
            case .blueprint(let decl): result.append(symbol(decl.name, kind: 2, range: decl.range, detail: "blueprint"))
            case .constant(let decl): result.append(symbol(decl.name, kind: 14, range: decl.range, detail: "let"))
            case .definition(let decl): result.append(symbol(decl.name, kind: 12, range: decl.range, detail: "def \(decl.call.callee.text)"))
            case .action(let decl):
                var children: [JSONValue] = []
                for item in decl.items {
                    switch item {
                    case .phase(let phase): children.append(symbol(phase.name, kind: 6, range: phase.range, detail: phase.call.callee.text))
                    case .finally(let phase): children.append(symbol(phase.name, kind: 6, range: phase.range, detail: "finally \(phase.call.callee.text)"))
                    case .parallel(let group):
                        for phase in group.phases {
                            children.append(symbol(phase.name, kind: 6, range: phase.range, detail: "parallel \(phase.call.callee.text)"))
                        }
                    case .constant(let letDecl): children.append(symbol(letDecl.name, kind: 14, range: letDecl.range, detail: "let"))
                    case .output(let output): children.append(symbol(output.name, kind: 8, range: output.range, detail: "output artifact"))
                    default: break
                    }
                }
                result.append(symbol(decl.name, kind: 5, range: decl.range, detail: decl.kind.map { "action on \($0.text)" } ?? "action", children: children))
            case .importFile, .allow, .error: break
            }
        }
        return .array(result)
    }
}
