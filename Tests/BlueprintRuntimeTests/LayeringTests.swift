// BlueprintRuntime sits beside KanisterYAML under BlueprintPlan: its sources
// import only the layers below it and the system libraries.

import Foundation
import TestSupport
import Testing

@Suite struct LayeringTests {
    @Test func runtimeImportsOnlyLowerLayers() throws {
        let allowed: Set<String> = ["BlueprintPlan", "BlueprintSema", "BlueprintSyntax", "Foundation", "Dispatch"]
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
}
