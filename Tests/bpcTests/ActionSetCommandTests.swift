// `bpc actionset`: ActionSets for an action and for the rollback of a failed
// one, each validated against the JSON Schema derived from Kanister's CRD types
// (Tests/Schemas/kanister-actionset.schema.json) with Python's jsonschema.

import Foundation
import KanisterYAML
import TestSupport
import Testing

@Suite struct ActionSetCommandTests {
    static let sample = TestSupport.packageRoot.appendingPathComponent("Samples/scale-backup.bp").path
    static let schema = TestSupport.packageRoot.appendingPathComponent("Tests/Schemas/kanister-actionset.schema.json").path

    /// Validates argv[2] (JSON) against the schema argv[1]; a document the schema
    /// must refuse (argv[3], JSON) proves the pass is not vacuous.
    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            sys.exit("python3 cannot import jsonschema: run .ci/deps.sh (pip install jsonschema)")
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        jsonschema.validate(json.load(open(sys.argv[2])), schema, cls=jsonschema.Draft202012Validator)
        try:
            jsonschema.validate(json.load(open(sys.argv[3])), schema, cls=jsonschema.Draft202012Validator)
            sys.exit("the schema accepted an ActionSet without spec.actions[].object")
        except jsonschema.ValidationError:
            pass
        print("valid")
        """

    /// A YAML document as the JSON value kubectl would send (plain scalars resolved as YAML 1.1).
    static func json(_ node: YAMLNode) -> Any {
        switch node {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: return NSNull()
            case .bool: return YAMLResolved.boolValue(ofPlain: scalar.value) ?? false
            case .int: return Int(scalar.value) ?? 0
            case .float: return Double(scalar.value) ?? 0
            case .string: return scalar.value
            }
        case .sequence(let sequence): return sequence.items.map(json)
        case .mapping(let mapping):
            var result: [String: Any] = [:]
            for pair in mapping.pairs { result[pair.key.scalar?.value ?? ""] = json(pair.value) }
            return result
        }
    }

    func validate(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard case .success(let documents) = YAMLReader.parse(yaml), let document = documents.first else {
            Issue.record("not YAML: \(yaml)", sourceLocation: sourceLocation)
            return
        }
        let value = Self.json(document)
        var broken = value as? [String: Any] ?? [:]
        if var spec = broken["spec"] as? [String: Any], var actions = spec["actions"] as? [[String: Any]], !actions.isEmpty {
            actions[0]["object"] = nil
            spec["actions"] = actions
            broken["spec"] = spec
        }
        let good = try TestSupport.temporaryFile(Array(try JSONSerialization.data(withJSONObject: value)), suffix: ".json")
        let bad = try TestSupport.temporaryFile(Array(try JSONSerialization.data(withJSONObject: broken)), suffix: ".json")
        defer {
            try? FileManager.default.removeItem(at: good)
            try? FileManager.default.removeItem(at: bad)
        }
        let result = try TestSupport.run("/usr/bin/env", ["python3", "-c", Self.validator, Self.schema, good.path, bad.path])
        #expect(result.status == 0 && result.output == "valid\n", "\(result.errors)", sourceLocation: sourceLocation)
    }

    @Test func writesTheActionSetKanctlWould() throws {
        let scratch = try Scratch()
        let result = try scratch.bpc(
            "actionset", Self.sample, "--action", "backup", "--object", "statefulset/shop/pg", "--profile", "s3", "--option",
            "kanisterImage=tools:1")
        #expect(result.status == 0, "\(result.errors)")
        let expected = """
            apiVersion: cr.kanister.io/v1alpha1
            kind: ActionSet
            metadata:
              creationTimestamp: null
              generateName: backup-
              namespace: kanister
            spec:
              actions:
              - blueprint: scaled-copy-blueprint
                name: backup
                object:
                  apiVersion: ""
                  group: ""
                  kind: statefulset
                  name: pg
                  namespace: shop
                  resource: ""
                options:
                  kanisterImage: tools:1
                podAnnotations: null
                podLabels: null
                preferredVersion: ""
                profile:
                  apiVersion: ""
                  group: ""
                  kind: ""
                  name: s3
                  namespace: kanister
                  resource: ""

            """
        #expect(result.output == expected)
        try validate(result.output)
    }

    static let needsThings = """
        blueprint needs-bp

        action backup on StatefulSet {
          secret creds
          input previous: { path }
          phase dump: KubeTask {
            image: option("image", default: "busybox")
            command: bash "dump --db \\(Options.database) --to \\(Options.target) \\(previous.KeyValue.path)"
          }
          phase note: KubeTask { image: "busybox", command: ["echo", "\\(Options.database)"] }
        }
        """

    @Test func everyMissingInputIsADiagnostic() throws {
        let scratch = try Scratch()
        try scratch.write("needs.bp", Self.needsThings)
        let result = try scratch.bpc("actionset", "needs.bp", "--action", "backup", "--object", "statefulset/a/b", "-o", "as.yaml")
        #expect(result.status == 1)
        #expect(result.errors.contains("needs.bp:6:3: error[BP1051]: action 'backup' needs option 'database': phase 'dump', phase 'note' read it"))
        #expect(result.errors.contains("error[BP1051]: action 'backup' needs option 'target'"))
        #expect(!result.errors.contains("option 'image'"))
        #expect(result.errors.contains("needs.bp:4:10: error[BP1052]: action 'backup' declares secret 'creds'; give --secret creds=NAMESPACE/NAME"))
        #expect(result.errors.contains("needs.bp:5:9: error[BP1052]: action 'backup' declares input artifact 'previous'; give --artifact previous.KEY=VALUE"))
        #expect(!scratch.exists("as.yaml"))
        let given = try scratch.bpc(
            "actionset", "needs.bp", "--action", "backup", "--object", "statefulset/a/b", "--option", "database=app", "--option", "target=s3",
            "--secret", "creds=a/pg", "--artifact", "previous.path=/x", "--option", "stray=1", "-o", "as.yaml")
        #expect(given.status == 0, "\(given.errors)")
        #expect(given.errors.contains("warning[BP1053]: option 'stray' is given, but no template of action 'backup' reads it"))
        let text = scratch.read("as.yaml") ?? ""
        #expect(text.contains("    secrets:\n      creds:\n"))
        #expect(text.contains("  - artifacts:\n      previous:\n        keyValue:\n          path: /x\n"))
        try validate(text)
    }

    @Test func usageErrors() throws {
        let scratch = try Scratch()
        #expect(try scratch.bpc("actionset", Self.sample, "--action", "backup").status == 2)
        let unknown = try scratch.bpc("actionset", Self.sample, "--action", "nope", "--object", "statefulset/a/b")
        #expect(unknown.status == 2)
        #expect(unknown.errors.contains("has no action 'nope'"))
        #expect(try scratch.bpc("actionset", Self.sample, "--action", "backup", "--object", "statefulset/a").status == 2)
        #expect(try scratch.bpc("actionset", Self.sample, "--action", "backup", "--object", "statefulset/a/b", "--secret", "x=y").status == 2)
    }

    /// A failed backup of Samples/scale-backup.bp as `kubectl get actionset -o yaml` prints it.
    static func failedBackup(state: String = "failed", scaleDownState: String = "complete") -> String {
        """
        apiVersion: cr.kanister.io/v1alpha1
        kind: ActionSet
        metadata:
          creationTimestamp: "2026-01-02T10:10:10Z"
          generateName: backup-
          generation: 1
          name: backup-x7k2q
          namespace: kanister
          resourceVersion: "48213"
          uid: 5d0b4a8e-2f4c-4b9e-9d7e-0c1a2b3c4d5e
        spec:
          actions:
          - blueprint: scaled-copy-blueprint
            name: backup
            object:
              apiVersion: ""
              group: ""
              kind: statefulset
              name: pg
              namespace: shop
              resource: ""
            options:
              kanisterImage: tools:1
            podAnnotations: null
            podLabels: null
            preferredVersion: ""
            profile:
              apiVersion: ""
              group: ""
              kind: ""
              name: s3
              namespace: kanister
              resource: ""
        status:
          actions:
          - blueprint: scaled-copy-blueprint
            deferPhase:
              name: recordAttempt
              state: complete
            name: backup
            object:
              apiVersion: ""
              group: ""
              kind: statefulset
              name: pg
              namespace: shop
              resource: ""
            phases:
            - name: scaleDown
              output:
                originalReplicaCount: 3
              state: \(scaleDownState)
            - name: copyData
              state: failed
            - name: copyLogs
              output:
                backupArtifactLocation: s3://b/logs
                backupID: id-1
              state: complete
            - name: scaleUp
              state: pending
          error:
            message: 'copyData: exit status 1'
          progress:
            percentCompleted: "25.00"
          state: \(state)

        """
    }

    @Test func rollbackOfAFailedActionSet() throws {
        let scratch = try Scratch()
        try scratch.write("failed.yaml", Self.failedBackup())
        try validate(Self.failedBackup())
        let result = try scratch.bpc("actionset", Self.sample, "--rollback-of", "failed.yaml", "-o", "rollback.yaml")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.errors.contains("backup-rollback will run these compensations, in order:\n  scaleDown-undo: undoes scaleDown (complete)\n"))
        let text = scratch.read("rollback.yaml") ?? ""
        #expect(text.contains("  generateName: backup-rollback-\n"))
        #expect(text.contains("  - blueprint: scaled-copy-blueprint\n    name: backup-rollback\n"))
        #expect(text.contains("    options:\n      kanisterImage: tools:1\n      scaleDown_originalReplicaCount: \"3\"\n"))
        #expect(text.contains("      name: s3\n      namespace: kanister\n"))
        try validate(text)
    }

    @Test func rollbackNeedsWhatDidNotComplete() throws {
        let scratch = try Scratch()
        try scratch.write("failed.yaml", Self.failedBackup(scaleDownState: "failed"))
        let result = try scratch.bpc("actionset", Self.sample, "--rollback-of", "failed.yaml", "-o", "rollback.yaml")
        #expect(result.status == 1)
        #expect(result.errors.contains("error[BP1051]: action 'backup-rollback' needs option 'scaleDown_originalReplicaCount'"))
        #expect(result.errors.contains("note: phase 'scaleDown' did not complete in ActionSet 'backup-x7k2q' (state: failed)"))
        #expect(!scratch.exists("rollback.yaml"))
        let given = try scratch.bpc(
            "actionset", Self.sample, "--rollback-of", "failed.yaml", "--option", "scaleDown_originalReplicaCount=2")
        #expect(given.status == 0, "\(given.errors)")
        #expect(given.output.contains("scaleDown_originalReplicaCount: \"2\""))
        #expect(given.errors.contains("scaleDown-undo: undoes scaleDown (failed: it never completed, so this must be safe to run)"))
    }

    @Test func inputArtifactsFromACompletedActionSet() throws {
        let scratch = try Scratch()
        let completed = Self.failedBackup(state: "complete").replacingOccurrences(
            of: "  error:\n", with: "    artifacts:\n      copies:\n        keyValue:\n          dataBackupID: id-7\n          replicas: \"3\"\n  error:\n")
        // As `kubectl get actionset -o yaml` prints it without a name: a List of one.
        let list =
            "apiVersion: v1\nkind: List\nitems:\n"
            + completed.split(separator: "\n").enumerated().map { index, line in
                (index == 0 ? "- " : "  ") + line
            }.joined(separator: "\n") + "\n"
        try scratch.write("done.yaml", list)
        let result = try scratch.bpc(
            "actionset", Self.sample, "--action", "restore", "--object", "statefulset/shop/pg", "--artifacts-from", "done.yaml", "--name",
            "restore-1")
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("  name: restore-1\n"))
        #expect(result.output.contains("  - artifacts:\n      copies:\n        keyValue:\n          dataBackupID: id-7\n          replicas: \"3\"\n"))
        try validate(result.output)
        let missing = try scratch.bpc("actionset", Self.sample, "--action", "restore", "--object", "statefulset/shop/pg")
        #expect(missing.status == 1)
        #expect(missing.errors.contains("error[BP1052]: action 'restore' declares input artifact 'copies'"))
        try scratch.write("failed.yaml", Self.failedBackup())
        let notDone = try scratch.bpc("actionset", Self.sample, "--action", "restore", "--object", "statefulset/shop/pg", "--artifacts-from", "failed.yaml")
        #expect(notDone.status == 2)
        #expect(notDone.errors.contains("the ActionSet is failed, not complete"))
    }

    @Test func rollbackRefusesWhatIsNotAFailedActionSet() throws {
        let scratch = try Scratch()
        try scratch.write("done.yaml", Self.failedBackup(state: "complete"))
        let done = try scratch.bpc("actionset", Self.sample, "--rollback-of", "done.yaml")
        #expect(done.status == 1)
        #expect(done.errors.contains("error[BP1054]: ActionSet 'backup-x7k2q' is not failed: it completed, so there is nothing to roll back"))
        try scratch.write("other.yaml", Self.failedBackup().replacingOccurrences(of: "scaled-copy-blueprint", with: "other-bp"))
        let other = try scratch.bpc("actionset", Self.sample, "--rollback-of", "other.yaml")
        #expect(other.status == 1)
        #expect(other.errors.contains("ran blueprint 'other-bp', not 'scaled-copy-blueprint'"))
        try scratch.write("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n")
        let configMap = try scratch.bpc("actionset", Self.sample, "--rollback-of", "cm.yaml")
        #expect(configMap.status == 1)
        #expect(configMap.errors.contains("cm.yaml:2:7: error[BP4051]: not an ActionSet (kind: ConfigMap)"))
        try scratch.write("junk.yaml", "kind: [\n")
        #expect(try scratch.bpc("actionset", Self.sample, "--rollback-of", "junk.yaml").status == 1)
        #expect(try scratch.bpc("actionset", Self.sample, "--rollback-of", "absent.yaml").status == 2)
        #expect(try scratch.bpc("actionset", Self.sample, "--rollback-of", "done.yaml", "--action", "backup").status == 2)
    }
}
