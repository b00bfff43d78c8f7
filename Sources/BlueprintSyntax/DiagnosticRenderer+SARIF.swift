// The SARIF 2.1.0 format of `bpc lint --format sarif`: one run holding the
// results of every file, a rule per code used, notes as related locations.

extension DiagnosticRenderer {
    static let sarifSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// Columns are UTF-16 code units (SARIF's default, stated on the run);
    /// `byteOffset`/`byteLength` give the same region in bytes.
    func renderSARIF(_ reports: [DiagnosticReport], failures: [String]) -> String {
        let files = ReportedFiles(reports)
        let all = reports.flatMap(\.diagnostics)
        let codes = Set(all.map(\.code)).sorted { $0.rawValue < $1.rawValue }
        var ruleIndex: [DiagnosticCode: Int] = [:]
        for (index, code) in codes.enumerated() { ruleIndex[code] = index }
        let rules: [JSONValue] = codes.map { code in
            let text = tool.ruleDescriptions[code] ?? all.first { $0.code == code }?.message ?? code.rawValue
            return .object([("id", .string(code.rawValue)), ("shortDescription", .object([("text", .string(text))]))])
        }
        var driver: [(String, JSONValue)] = [("name", .string(tool.name))]
        if !tool.version.isEmpty { driver.append(("version", .string(tool.version))) }
        if let uri = tool.informationUri { driver.append(("informationUri", .string(uri))) }
        driver.append(("rules", .array(rules)))
        let results: [JSONValue] = reports.flatMap { report in
            report.diagnostics.map { sarifResult($0, in: report.file, ruleIndex: ruleIndex[$0.code] ?? 0, files: files) }
        }
        let run: JSONValue = .object([
            ("tool", .object([("driver", .object(driver))])),
            ("invocations", .array([sarifInvocation(failures)])),
            ("columnKind", .string("utf16CodeUnits")),
            ("results", .array(results)),
        ])
        let document: JSONValue = .object([
            ("$schema", .string(Self.sarifSchema)), ("version", .string("2.1.0")), ("runs", .array([run])),
        ])
        return document.printed()
    }

    private func sarifInvocation(_ failures: [String]) -> JSONValue {
        var fields: [(String, JSONValue)] = [("executionSuccessful", .bool(failures.isEmpty))]
        if !failures.isEmpty {
            let notifications: [JSONValue] = failures.map { failure in
                .object([("level", .string("error")), ("message", .object([("text", .string(failure))]))])
            }
            fields.append(("toolExecutionNotifications", .array(notifications)))
        }
        return .object(fields)
    }

    private func sarifResult(_ diagnostic: Diagnostic, in file: SourceFile, ruleIndex: Int, files: ReportedFiles) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("ruleId", .string(diagnostic.code.rawValue)),
            ("ruleIndex", .int(ruleIndex)),
            ("level", .string(diagnostic.severity.rawValue)),
            ("message", .object([("text", .string(diagnostic.message))])),
            ("locations", .array([.object(sarifLocation(diagnostic, in: file))])),
        ]
        if !diagnostic.notes.isEmpty {
            let related: [JSONValue] = diagnostic.notes.enumerated().map { index, note in
                var location: [(String, JSONValue)] = [("id", .int(index + 1))]
                if let range = note.range {
                    let (path, noteFile) = files.locate(note, from: file)
                    location.append(("physicalLocation", sarifPhysicalLocation(range, path: path, file: noteFile)))
                }
                location.append(("message", .object([("text", .string(note.message))])))
                return .object(location)
            }
            fields.append(("relatedLocations", .array(related)))
        }
        if !diagnostic.fixIts.isEmpty {
            let replacements: [JSONValue] = diagnostic.fixIts.map { fix in
                .object([
                    ("deletedRegion", sarifRegion(fix.range, file: file)),
                    ("insertedContent", .object([("text", .string(fix.replacement))])),
                ])
            }
            let change: JSONValue = .object([("artifactLocation", sarifArtifact(file.path)), ("replacements", .array(replacements))])
            fields.append(("fixes", .array([.object([("artifactChanges", .array([change]))])])))
        }
        return .object(fields)
    }

    /// The physical location and, in a file of several objects, the object as a logical location.
    private func sarifLocation(_ diagnostic: Diagnostic, in file: SourceFile) -> [(String, JSONValue)] {
        var location: [(String, JSONValue)] = [("physicalLocation", sarifPhysicalLocation(diagnostic.range, path: file.path, file: file))]
        if let document = diagnostic.document {
            let logical: JSONValue = .object([
                ("name", .string(document)), ("fullyQualifiedName", .string(file.path + "#" + document)), ("kind", .string("object")),
            ])
            location.append(("logicalLocations", .array([logical])))
        }
        return location
    }

    private func sarifPhysicalLocation(_ range: SourceRange, path: String, file: SourceFile?) -> JSONValue {
        .object([("artifactLocation", sarifArtifact(path)), ("region", sarifRegion(range, file: file))])
    }

    private func sarifArtifact(_ path: String) -> JSONValue {
        .object([("uri", .string(Self.uriReference(path)))])
    }

    /// Lines and UTF-16 columns when the file is known; bytes always.
    private func sarifRegion(_ range: SourceRange, file: SourceFile?) -> JSONValue {
        guard let file else {
            return .object([("byteOffset", .int(max(0, range.start))), ("byteLength", .int(range.length))])
        }
        let at = RangePositions(range, in: file)
        return .object([
            ("startLine", .int(at.line)), ("startColumn", .int(at.utf16Column)),
            ("endLine", .int(at.endLine)), ("endColumn", .int(at.utf16EndColumn)),
            ("byteOffset", .int(at.offset)), ("byteLength", .int(at.length)),
        ])
    }

    /// A path as a relative (or absolute-path) URI reference: bytes other than
    /// unreserved characters and `/` are percent-encoded.
    static func uriReference(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                out += "%" + (hex.count < 2 ? "0" : "") + hex
            }
        }
        return out
    }
}
