// The idiomatic import's sharing idioms on small inputs: near-identical phases
// become a def called with what differs, script lines several strings share
// become a let interpolated on a line of its own, a lone phase hugs its final
// script, a list of one map hugs it.

import BlueprintSyntax
import Foundation
import KanisterYAML
import Testing

extension ImportIdiomTests {
    static func script(_ lines: [String], indent: String = "              ") -> String {
        lines.map { indent + $0 }.joined(separator: "\n")
    }

    static let sharedLines = ["export A=1", "export B='{{ .StatefulSet.Name }}'", "export C=3", "export D=4"]

    /// Three KubeTask phases alike but for their scripts, which open with the same four lines.
    static let defYAML = """
        apiVersion: cr.kanister.io/v1alpha1
        kind: Blueprint
        metadata:
          name: b
        actions:
          backup:
            phases:
            - func: KubeTask
              name: dump
              args:
                namespace: '{{ .StatefulSet.Namespace }}'
                image: ghcr.io/kanisterio/kanister-tools:0.117.0
                command:
                - bash
                - -o
                - errexit
                - -o
                - pipefail
                - -c
                - |
        \(script(sharedLines + ["dump", "kando output x y"]))
          restore:
            phases:
            - func: KubeTask
              name: load
              args:
                namespace: '{{ .StatefulSet.Namespace }}'
                image: ghcr.io/kanisterio/kanister-tools:0.117.0
                command:
                - bash
                - -o
                - errexit
                - -o
                - pipefail
                - -c
                - |
        \(script(sharedLines + ["load"]))
          delete:
            phases:
            - func: KubeTask
              name: remove
              args:
                namespace: '{{ .StatefulSet.Namespace }}'
                image: ghcr.io/kanisterio/kanister-tools:0.117.0
                command:
                - bash
                - -o
                - errexit
                - -o
                - pipefail
                - -c
                - |
        \(script(["echo start"] + sharedLines))
            - func: Wait
              name: wait
              args:
                timeout: 5m
                conditions:
                  anyOf:
                  - condition: '{{ if true }}true{{ end }}'
                    objectReference:
                      apiVersion: v1
                      name: '{{ .Object.metadata.name }}'
                      namespace: '{{ .Object.metadata.namespace }}'
                      resource: pods
                      group: ''
        """

    @Test func nearIdenticalPhasesBecomeADefCalledWithTheirScripts() throws {
        let source = try imported(Self.defYAML)
        try expectSameCompile("defs", Array(Self.defYAML.utf8))
        #expect(source.contains("def kubeTask(command) = KubeTask { namespace: StatefulSet.Namespace, image: kanisterTools, command: command }"))
        #expect(source.contains("phase dump: kubeTask(bash \"\"\"\n"))
        #expect(source.contains("phase remove: kubeTask(bash \"\"\"\n"))
        #expect(source.contains("\"\"\")\n"))
        #expect(!source.contains("phase dump: KubeTask"))
    }

    @Test func scriptLinesSharedByStringsBecomeALetOnALineOfItsOwn() throws {
        let source = try imported(Self.defYAML)
        // The run of four lines, without its last line feed, with the template as an expression.
        #expect(source.contains("let exportScript = \"\"\"\n  export A=1\n  export B='\\(StatefulSet.Name)'\n  export C=3\n  export D=4\\\n  \"\"\"\n"))
        #expect(source.components(separatedBy: "    \\(exportScript)\n").count == 4)
        #expect(source.contains("    echo start\n    \\(exportScript)\n    \"\"\")"))
        #expect(!source.contains("    export C=3\n    export D=4\n    dump"))
    }

    @Test func aPhaseBodyHugsItsFinalScript() throws {
        let loadArguments =
            "name: load\n      args:\n        namespace: '{{ .StatefulSet.Namespace }}'\n        image: ghcr.io/kanisterio/kanister-tools:0.117.0"
        let yaml = Self.defYAML.replacingOccurrences(
            of: loadArguments, with: "name: load\n      args:\n        namespace: '{{ .Namespace.Name }}'\n        image: busybox")
        let source = try imported(yaml)
        try expectSameCompile("hug", Array(yaml.utf8))
        // Two phases alike still share a def; a phase alone hugs its script.
        #expect(source.contains("phase load: KubeTask { namespace: Namespace.Name, image: \"busybox\", command: bash \"\"\"\n"))
        #expect(source.contains("    load\n    \"\"\" }\n"))
        #expect(source.contains("phase dump: kubeTask(bash"))
    }

    /// Two backups whose scripts share their last lines, `kando output` among
    /// them, and an output artifact that reads it: the kando line stays in each
    /// command (outputs are inferred from a phase's own lines), so the idiomatic
    /// form compiles like the literal one (it fell back with BP4010 on the
    /// corpus joined into one blueprint).
    @Test func aSharedRunNeverTakesAKandoLine() throws {
        func action(_ name: String) -> String {
            """
              \(name):
                outputArtifacts:
                  dump:
                    keyValue:
                      path: '{{ .Phases.save.Output.path }}'
                phases:
                - func: KubeTask
                  name: save
                  args:
                    image: busybox
                    command:
                    - bash
                    - -c
                    - |
                      echo \(name)
                      path=/backups/x
                      echo one
                      echo two
                      echo three
                      echo four
                      kando output path "${path}"

            """
        }
        let yaml = "apiVersion: cr.kanister.io/v1alpha1\nkind: Blueprint\nmetadata:\n  name: b\nactions:\n" + action("backup") + action("backupAgain")
        try expectSameCompile("kando", Array(yaml.utf8))
        let source = try imported(yaml)
        #expect(source.components(separatedBy: "kando output path").count == 3, "\(source)")
    }

    @Test func aListOfOneMultiLineMapHugsIt() throws {
        let source = try imported(Self.defYAML)
        #expect(source.contains("anyOf: [{\n"))
        #expect(source.contains("}]\n"))
    }

    @Test func literalFormDefinesNothing() throws {
        let source = try imported(Self.defYAML, literal: true)
        #expect(!source.contains("def "))
        #expect(!source.contains("let "))
        #expect(source.components(separatedBy: "export C=3").count == 4)
    }

    /// The formatter keeps what the import writes: a call hugging its final
    /// multi-line string or list, and a list hugging its one map.
    @Test func formatterKeepsHuggedCallsAndLists() {
        let source = """
            def task(command) = KubeTask { image: "x", command: command }

            action a {
              phase one: task(bash \"\"\"
                echo one
                \"\"\")
              phase two: task(["sh", "-c", \"\"\"
                echo two
                \"\"\"])
              phase three: Wait {
                timeout: "5m"
                conditions: {
                  anyOf: [{
                    condition: "{{ true }}"
                    objectReference: { apiVersion: "v1", resource: "pods", name: "p", namespace: "n" }
                  }]
                }
              }
            }

            """
        let formatted = SourceFormatter.format(SourceFile(path: "hug.bp", text: source))
        #expect(formatted.text == source)
    }
}
