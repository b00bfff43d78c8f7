// Inputs of a chosen size for `bpc-bench scaling`: the pathological shapes
// (100,000 phases in one action, 10,000 actions, deeply nested maps, one long
// script, a YAML flow list on one line) and the real corpus blueprint.

import BlueprintSyntax
import Foundation

/// An input shape, made at any size: `.bp` source, or YAML for the YAML shapes.
struct Shape {
    var name: String
    /// True when `make` writes Kanister YAML rather than `.bp`.
    var isYAML: Bool
    var make: (_ bytes: Int) -> [UInt8]?
}

enum Shapes {
    static let header = "blueprint scaling { namespace: \"kanister\" }\n\n"

    /// One action whose phases are small KubeTasks: 100,000 phases is about 8 MB.
    static func phasesInOneAction(_ bytes: Int) -> [UInt8] {
        var text = header + "action backup on StatefulSet {\n"
        var index = 0
        while text.utf8.count < bytes {
            text += "  phase p\(index): KubeTask { image: \"busybox:1.36\", command: [\"echo\", \"step \(index)\"] }\n"
            index += 1
        }
        return Array((text + "}\n").utf8)
    }

    /// Many actions of two phases each, the second reading the first's output:
    /// 10,000 actions is about 8 MB. Phase names are unique across the
    /// blueprint, as Kanister requires, so the shape compiles (with the same
    /// names in every action it measured 20,000 error diagnostics instead).
    static func manyActions(_ bytes: Int) -> [UInt8] {
        var text = header
        var index = 0
        while text.utf8.count < bytes {
            text += """
                action a\(index) on StatefulSet {
                  phase dump\(index): KubeTask {
                    namespace: StatefulSet.Namespace
                    image: "ghcr.io/kanisterio/kanister-tools:0.117.0"
                    command: bash \"\"\"
                      kando output size "$(du -s /data | cut -f1)"
                      echo "action \(index) of {{ .StatefulSet.Name }} in {{ .StatefulSet.Namespace }} at {{ .Time }}"
                      \"\"\"
                  }
                  phase report\(index): KubeTask {
                    namespace: StatefulSet.Namespace
                    image: "busybox:1.36"
                    command: ["echo", "\\(dump\(index).output.size)", "{{ .Phases.dump\(index).Output.size }}"]
                  }
                }


                """
            index += 1
        }
        return Array(text.utf8)
    }

    /// Phases whose podOverride nests maps as deep as the parser allows (less
    /// some room for the enclosing blocks), repeated to the size.
    static func nestedMaps(_ bytes: Int) -> [UInt8] {
        let depth = Parser.maxDepth - 16
        let open = (0..<depth).map { "{ k\($0): " }.joined()
        let close = String(repeating: " }", count: depth)
        var text = header + "action backup on StatefulSet {\n"
        var index = 0
        while text.utf8.count < bytes {
            text += "  phase p\(index): KubeTask { image: \"busybox:1.36\", command: [\"true\"], podOverride: { nodeSelector: \(open)\"v\"\(close) } }\n"
            index += 1
        }
        return Array((text + "}\n").utf8)
    }

    /// One phase whose bash script is the whole size, with templates and `kando output` lines.
    static func longScript(_ bytes: Int) -> [UInt8] {
        var text = header + "action backup on StatefulSet {\n  phase dump: KubeTask {\n    namespace: StatefulSet.Namespace\n"
        text += "    image: \"ghcr.io/kanisterio/kanister-tools:0.117.0\"\n    command: bash \"\"\"\n"
        var index = 0
        while text.utf8.count < bytes {
            text += "      echo \"line \(index) of {{ .StatefulSet.Name }}\" | tee -a /tmp/log; test -s /tmp/log || exit 1\n"
            if index % 1000 == 0 { text += "      kando output step\(index / 1000) \"\(index)\"\n" }
            index += 1
        }
        text += "      \"\"\"\n  }\n}\n"
        return Array(text.utf8)
    }

    /// A Kanister blueprint whose KubeTask command is one flow list on a single
    /// line (the shape go-yaml and yq are quadratic on).
    static func flowListYAML(_ bytes: Int) -> [UInt8] {
        var text = """
            apiVersion: cr.kanister.io/v1alpha1
            kind: Blueprint
            metadata:
              name: flow
              namespace: kanister
            actions:
              backup:
                phases:
                - func: KubeTask
                  name: run
                  args:
                    image: busybox:1.36
                    namespace: kanister
                    command: ["echo"
            """
        var index = 0
        while text.utf8.count < bytes {
            text += ", \"item-\(index)-{{ .Time }}\""
            index += 1
        }
        text += "]\n"
        return Array(text.utf8)
    }

    /// The real corpus blueprint at about `bytes` of `.bp`: the shared examples
    /// replicated by bigblueprint.py, imported to `.bp`. Nil when the script or
    /// the examples are not beside the package.
    static func realContent(_ bytes: Int, yaml: Bool) -> [UInt8]? {
        // 100 copies make about 12.8 MB of YAML and 11 MB of .bp.
        let copies = max(1, Int((Double(bytes) / (yaml ? 127_000 : 110_000)).rounded()))
        guard let text = Corpus.yaml(copies: copies) else { return nil }
        if yaml { return text }
        return Corpus.importedSource(text)
    }

    static var all: [Shape] {
        [
            Shape(name: "real content (.bp)", isYAML: false) { realContent($0, yaml: false) },
            Shape(name: "real content (YAML)", isYAML: true) { realContent($0, yaml: true) },
            Shape(name: "phases in one action", isYAML: false) { phasesInOneAction($0) },
            Shape(name: "actions", isYAML: false) { manyActions($0) },
            Shape(name: "nested maps", isYAML: false) { nestedMaps($0) },
            Shape(name: "one long script", isYAML: false) { longScript($0) },
            Shape(name: "single-line flow list (YAML)", isYAML: true) { flowListYAML($0) },
        ]
    }
}
