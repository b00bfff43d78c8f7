// The importer writes groups of actions concurrently: the .bp text, comments
// included, and the diagnostics are the ones a single group gives.

import Foundation
import TestSupport
import Testing

@testable import KanisterYAML

/// A blueprint of `count` actions with comments everywhere a comment can go.
private func commentedBlueprint(actions count: Int) -> [UInt8] {
    var text = "# head\napiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: many\nactions:\n"
    for index in 0..<count {
        text += "  # before action \(index)\n"
        if index % 3 == 0 { text += "\n  # and a second one\n" }
        text += """
              a\(index):
                # before the phases of \(index)
                phases:
                - func: KubeTask
                  name: p\(index)
                  # inside a phase
                  args:
                    image: busybox # trailing
                    command: ["sh", "-c", "echo \(index)"]

            """
    }
    text += "# the end\n"
    return Array(text.utf8)
}

@Test func actionGroupsWriteWhatOneGroupWrites() throws {
    let corpus = try TestSupport.corpusBlueprints().map { try [UInt8](Data(contentsOf: $0)) }
    for bytes in corpus + [commentedBlueprint(actions: 1), commentedBlueprint(actions: 13)] {
        let single = BlueprintImporter.importBlueprint(bytes, limits: .standard, actionGroups: 1)
        for groups in [2, 3, 8] {
            let grouped = BlueprintImporter.importBlueprint(bytes, limits: .standard, actionGroups: groups)
            #expect(grouped.source == single.source)
            #expect(grouped.diagnostics == single.diagnostics)
        }
    }
    let source = try #require(BlueprintImporter.importBlueprint(commentedBlueprint(actions: 13), limits: .standard, actionGroups: 4).source)
    let comments = source.split(separator: "\n").filter { $0.contains("#") }
    // Every comment is kept: 2 + 13 × 4 + 5 second ones.
    #expect(comments.count == 2 + 13 * 4 + 5)
}
