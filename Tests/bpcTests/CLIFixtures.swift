// Inputs of the end-to-end tests: small .bp files (clean and canonically
// formatted, with a warning, with errors) and YAML files that are not Blueprints.

import Foundation
import TestSupport

enum CLIFixture {
    /// Clean and in the canonical layout.
    static let clean = """
        blueprint demo {}

        action backup on StatefulSet {
          phase dump: KubeTask {
            namespace: StatefulSet.Namespace
            image: "busybox"
            command: ["echo", "hi"]
          }
        }

        """

    /// The same file laid out badly: `bpc fmt` turns it into `clean`.
    static let unformatted = """
        blueprint   demo {}
        action backup on StatefulSet { phase dump: KubeTask { namespace: StatefulSet.Namespace
         image: "busybox"
         command: ["echo", "hi"] } }

        """

    /// One warning (BP2103: a let never used) at 10:5, no errors.
    static let warning = clean + "let unused = 1\n"

    /// One syntax error (BP1001) at 4:14; the phases are complete, so the
    /// semantic checks add nothing.
    static let error = clean.replacingOccurrences(of: "phase dump:", with: "phase dump")

    /// Four syntax errors, one per phase line (6:11 to 9:11).
    static let fourErrors = """
        blueprint demo {}

        let image = "busybox"

        action backup on StatefulSet {
          phase a KubeTask { image: image, command: ["true"] }
          phase b KubeTask { image: image, command: ["true"] }
          phase c KubeTask { image: image, command: ["true"] }
          phase d KubeTask { image: image, command: ["true"] }
        }

        """

    /// A Kubernetes object that is not a Blueprint: BP4002 at `ConfigMap` (2:7).
    static let configMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n"

    /// Broken YAML: libyaml stops at 2:2 (BP4001).
    static let brokenYAML = "a: [b\nc: d\n"

    /// A real Kanister Blueprint from the shared corpus.
    static let kanisterExample = TestSupport.sharedDirectory
        .appendingPathComponent("kanister/examples/time-log/blueprint.yaml")

    static let sarifSchema = TestSupport.sharedDirectory.appendingPathComponent("schemas/sarif-schema-2.1.0.json")
}
