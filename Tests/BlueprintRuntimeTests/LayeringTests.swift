// BlueprintRuntime sits beside KanisterYAML under BlueprintPlan: its sources
// import only the layers below it and the system libraries.

import Foundation
import TestSupport
import Testing

@Suite struct LayeringTests {
    @Test func runtimeImportsOnlyLowerLayers() throws {
        let allowed: Set<String> = ["BlueprintPlan", "BlueprintSema", "BlueprintSyntax", "FoundationEssentials", "Dispatch"]
        let directory = TestSupport.packageRoot.appendingPathComponent("Sources/BlueprintRuntime")
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                let module = String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces)
                #expect(allowed.contains(module), "\(name) imports \(module)")
            }
            #expect(text.hasPrefix("//"), "\(name) should open with a comment saying what it holds")
        }
    }

    /// No module linked into the bpc executable imports Foundation (only
    /// FoundationEssentials): bpc-bench, another executable, may.
    @Test func executableModulesDoNotImportFoundation() throws {
        let sources = TestSupport.packageRoot.appendingPathComponent("Sources")
        let modules = try FileManager.default.contentsOfDirectory(atPath: sources.path).filter { $0 != "bpc-bench" }
        #expect(modules.contains("bpc") && modules.contains("BlueprintRuntime"))
        for module in modules {
            let directory = sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: directory.path) else { continue }
            for case let name as String in files where name.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
                    guard let index = words.firstIndex(of: "import"), index + 1 < words.count else { continue }
                    let imported = words[(index + 1)...].first { !["class", "struct", "enum", "func", "protocol", "var", "let", "typealias"].contains($0) }
                    let importedModule = imported?.split(separator: ".").first.map(String.init)
                    #expect(importedModule != "Foundation", "\(module)/\(name) imports Foundation: use FoundationEssentials or POSIX.swift")
                }
            }
        }
    }
}
