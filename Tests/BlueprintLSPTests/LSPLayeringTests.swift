// BlueprintLSP sits on top of KanisterYAML: its sources import only the layers
// below it (no Foundation, no runtime), and each opens with a comment.

import Foundation
import TestSupport
import Testing

@Suite struct LSPLayeringTests {
    @Test func languageServerImportsOnlyLowerLayers() throws {
        let allowed: Set<String> = ["BlueprintSyntax", "BlueprintSema", "KanisterYAML"]
        let directory = TestSupport.packageRoot.appendingPathComponent("Sources/BlueprintLSP")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".swift") }
        #expect(!names.isEmpty)
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                let module = String(line.dropFirst("import ".count)).trimmingCharacters(in: .whitespaces)
                #expect(allowed.contains(module), "\(name) imports \(module)")
            }
            #expect(text.hasPrefix("//"), "\(name) should open with a comment saying what it holds")
        }
    }
}
