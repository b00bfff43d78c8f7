// `bpc-bench import-ratio [DIR|FILE ...]`: lines of code of each imported .bp
// against its YAML (ImportLineRatio), per file and over the corpus, for the
// idiomatic and the literal form. Default: the Kanister examples in ../shared.

import Foundation
import KanisterYAML

enum ImportRatioBench {
    static let defaultCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared/kanister/examples").standardizedFileURL.path

    static func yamlFiles(_ paths: [String]) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if !isDirectory.boolValue {
                files.append(path)
                continue
            }
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let name = enumerator?.nextObject() as? String {
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { files.append(path + "/" + name) }
            }
        }
        return files.sorted()
    }

    /// Prints the table; false when a file does not import.
    static func run(_ paths: [String]) -> Bool {
        let files = yamlFiles(paths.isEmpty ? [defaultCorpus] : paths)
        var totals = (yaml: 0, idiomatic: 0, literal: 0)
        var ratios: [Double] = []
        var isComplete = true
        print("file".padding(toLength: 56, withPad: " ", startingAt: 0) + "  yaml    .bp  ratio  literal")
        for file in files {
            guard let bytes = FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else { continue }
            let yaml = ImportLineRatio.codeLines(yaml: bytes)
            guard let idiomatic = BlueprintImporter.importBlueprint(bytes).source,
                let literal = BlueprintImporter.importBlueprint(bytes, literal: true).source, yaml > 0
            else {
                print("\(file): does not import")
                isComplete = false
                continue
            }
            let lines = (ImportLineRatio.codeLines(bp: Array(idiomatic.utf8)), ImportLineRatio.codeLines(bp: Array(literal.utf8)))
            totals = (totals.yaml + yaml, totals.idiomatic + lines.0, totals.literal + lines.1)
            ratios.append(Double(lines.0) / Double(yaml))
            let name = file.hasPrefix(defaultCorpus) ? String(file.dropFirst(defaultCorpus.count + 1)) : file
            print(row(name, yaml, lines.0, lines.1))
        }
        guard totals.yaml > 0 else { return false }
        print(row("corpus (\(files.count) files)", totals.yaml, totals.idiomatic, totals.literal))
        print("mean of per-file ratios: \(String(format: "%.3f", ratios.reduce(0, +) / Double(max(1, ratios.count))))")
        return isComplete
    }

    static func row(_ name: String, _ yaml: Int, _ idiomatic: Int, _ literal: Int) -> String {
        let ratio = String(format: "%.3f", Double(idiomatic) / Double(yaml))
        let literalRatio = String(format: "%.3f", Double(literal) / Double(yaml))
        let shown = name.count > 56 ? "…" + name.suffix(55) : name
        return shown.padding(toLength: 56, withPad: " ", startingAt: 0) + String(format: "%6d %6d  ", yaml, idiomatic) + ratio + "  " + literalRatio
    }
}
