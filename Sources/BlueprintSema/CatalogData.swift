// Generated from ../shared/kanister/functions.json and template-params.json
// (the facts about Kanister); KanisterCatalogTests checks they are still equal.
// Regenerate: see ARCHITECTURE.md, "Kanister catalog".
// swift-format-ignore-file

enum CatalogData {
    static let functionsJSON = ##"""
[
  {
    "name": "BackupData",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "pod",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "container",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "includePath",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      }
    ],
    "outputs": [
      "backupID",
      "backupTag",
      "fileCount",
      "size",
      "phySize",
      "version"
    ],
    "userOutputs": false,
    "summary": "Runs restic inside an existing container to back up a path to the profile's object store."
  },
  {
    "name": "BackupDataAll",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "container",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "includePath",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "pods",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "space separated pod names; default is every pod of the workload"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      }
    ],
    "outputs": [
      "BackupAllInfo",
      "version"
    ],
    "userOutputs": false,
    "summary": "Runs a restic backup in the given container of several pods in parallel; BackupAllInfo is a JSON map pod -> {PodName, BackupID, BackupTag}."
  },
  {
    "name": "BackupDataStats",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "image",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to the kanister-tools image"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupID",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "statsMode",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "restic stats mode, default restore-size"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [
      "mode",
      "fileCount",
      "size",
      "version"
    ],
    "userOutputs": false,
    "summary": "Starts a helper pod that reports restic statistics (file count, size) for one snapshot."
  },
  {
    "name": "CheckRepository",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "image",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to the kanister-tools image"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [
      "passwordIncorrect",
      "repoUnavailable",
      "version"
    ],
    "userOutputs": false,
    "summary": "Starts a helper pod in the controller namespace that checks whether a restic repository is reachable and the key works; outputs are \"true\"/\"false\" strings."
  },
  {
    "name": "CopyVolumeData",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "image",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to the kanister-tools image"
      },
      {
        "name": "volume",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "PVC name"
      },
      {
        "name": "dataArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "mountPath",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default /mnt/vol_data/<pvc>"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [
      "backupID",
      "backupRoot",
      "backupArtifactLocation",
      "backupTag",
      "fileCount",
      "size",
      "phySize",
      "version"
    ],
    "userOutputs": false,
    "summary": "Mounts a PVC in a new pod and copies its contents to the object store with restic."
  },
  {
    "name": "CreateCSISnapshot",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "pvc",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "snapshotClass",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "name",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default <pvc>-snapshot-<random>"
      },
      {
        "name": "labels",
        "required": false,
        "type": "map",
        "goType": "map[string]string"
      }
    ],
    "outputs": [
      "name",
      "pvc",
      "namespace",
      "restoreSize",
      "snapshotContent"
    ],
    "userOutputs": false,
    "summary": "Creates a CSI VolumeSnapshot of a PVC and waits until it is ready to use."
  },
  {
    "name": "CreateCSISnapshotStatic",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "name",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "driver",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "snapshotHandle",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "snapshotClass",
        "required": true,
        "type": "string",
        "goType": "string"
      }
    ],
    "outputs": [
      "name",
      "namespace",
      "restoreSize",
      "snapshotContent"
    ],
    "userOutputs": false,
    "summary": "Creates a VolumeSnapshot plus VolumeSnapshotContent from an existing storage-side snapshot handle."
  },
  {
    "name": "CreateRDSSnapshot",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "instanceID",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "dbEngine",
        "required": false,
        "type": "string",
        "goType": "RDSDBEngine (string)"
      },
      {
        "name": "credentialsSource",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "one of profile (default), secret, eks_service_account"
      },
      {
        "name": "credentialsSecret",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "name of an ActionSet/phase secret; needed when credentialsSource is secret"
      },
      {
        "name": "region",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "overrides the profile region"
      }
    ],
    "outputs": [
      "snapshotID",
      "instanceID",
      "securityGroupID",
      "allocatedStorage",
      "dbSubnetGroup"
    ],
    "userOutputs": false,
    "summary": "Takes a snapshot of an AWS RDS instance or Aurora cluster and waits for it to be available."
  },
  {
    "name": "DeleteCSISnapshot",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "name",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Deletes a CSI VolumeSnapshot and waits until it is gone."
  },
  {
    "name": "DeleteCSISnapshotContent",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "name",
        "required": true,
        "type": "string",
        "goType": "string"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Deletes a cluster-scoped VolumeSnapshotContent object."
  },
  {
    "name": "DeleteData",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "image",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to the kanister-tools image"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "space separated list allowed"
      },
      {
        "name": "backupID",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "space separated; exactly one of backupID/backupTag must be non-empty at run time"
      },
      {
        "name": "backupTag",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "space separated"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "reclaimSpace",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [
      "spaceFreed"
    ],
    "userOutputs": false,
    "summary": "Forgets restic snapshots (by ID or tag) in a helper pod, optionally pruning to reclaim space."
  },
  {
    "name": "DeleteDataAll",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "image",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to the kanister-tools image"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupInfo",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "JSON produced by BackupDataAll (BackupAllInfo)"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "reclaimSpace",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [
      "spaceFreed"
    ],
    "userOutputs": false,
    "summary": "Deletes the per-pod restic snapshots listed in a BackupDataAll result."
  },
  {
    "name": "DeleteRDSSnapshot",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "snapshotID",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "dbEngine",
        "required": false,
        "type": "string",
        "goType": "RDSDBEngine (string)"
      },
      {
        "name": "credentialsSource",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "one of profile (default), secret, eks_service_account"
      },
      {
        "name": "credentialsSecret",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "name of an ActionSet/phase secret; needed when credentialsSource is secret"
      },
      {
        "name": "region",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "overrides the profile region"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Deletes an RDS (or Aurora cluster) snapshot; a missing snapshot is not an error."
  },
  {
    "name": "ExportRDSSnapshotToLocation",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "instanceID",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "snapshotID",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "dbEngine",
        "required": true,
        "type": "string",
        "goType": "RDSDBEngine (string)",
        "note": "only PostgreSQL is handled"
      },
      {
        "name": "username",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "password",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupArtifactPrefix",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to instanceID"
      },
      {
        "name": "databases",
        "required": false,
        "type": "stringList",
        "goType": "[]string via YAML list or YAML-list string"
      },
      {
        "name": "securityGroupID",
        "required": false,
        "type": "stringList",
        "goType": "[]string via YAML list or YAML-list string"
      },
      {
        "name": "dbSubnetGroup",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default \"default\""
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      },
      {
        "name": "credentialsSource",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "one of profile (default), secret, eks_service_account"
      },
      {
        "name": "credentialsSecret",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "name of an ActionSet/phase secret; needed when credentialsSource is secret"
      },
      {
        "name": "region",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "overrides the profile region"
      }
    ],
    "outputs": [
      "backupID",
      "snapshotID",
      "instanceID",
      "securityGroupID"
    ],
    "userOutputs": false,
    "summary": "Restores an RDS snapshot into a temporary instance, pg_dumps it to the profile location, then removes the instance.",
    "readButUnsupportedArgs": [
      "image"
    ]
  },
  {
    "name": "KubeExec",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "pod",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "container",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "command",
        "required": true,
        "type": "stringList",
        "goType": "[]string"
      }
    ],
    "outputs": [],
    "userOutputs": true,
    "summary": "Executes a command in a container of an existing pod; `kando output` lines on stdout become phase outputs."
  },
  {
    "name": "KubeExecAll",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "pods",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "space separated"
      },
      {
        "name": "containers",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "space separated"
      },
      {
        "name": "command",
        "required": true,
        "type": "stringList",
        "goType": "[]string"
      }
    ],
    "outputs": [],
    "userOutputs": true,
    "summary": "Executes a command in every listed container of every listed pod in parallel; stdout of all runs is scanned for `kando output` lines."
  },
  {
    "name": "KubeOps",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "spec",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "YAML manifest; needed for create and patch"
      },
      {
        "name": "operation",
        "required": true,
        "type": "string",
        "goType": "kube.Operation (string)",
        "note": "create, patch or delete"
      },
      {
        "name": "namespace",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default \"default\""
      },
      {
        "name": "objectReference",
        "required": false,
        "type": "object",
        "goType": "ObjectReference",
        "note": "needed for patch and delete"
      }
    ],
    "outputs": [
      "apiVersion",
      "group",
      "resource",
      "kind",
      "name",
      "namespace"
    ],
    "userOutputs": false,
    "summary": "Creates, patches or deletes an arbitrary Kubernetes object; returns a reference to it (namespace omitted when empty)."
  },
  {
    "name": "KubeTask",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "image",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "command",
        "required": true,
        "type": "stringList",
        "goType": "[]string"
      },
      {
        "name": "namespace",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [],
    "userOutputs": true,
    "summary": "Runs a command in a new short-lived pod; `kando output` lines in the pod log become phase outputs."
  },
  {
    "name": "LocationDelete",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "artifact",
        "required": true,
        "type": "string",
        "goType": "string"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Deletes an object-store path from the profile location."
  },
  {
    "name": "MultiContainerRun",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default is the controller namespace"
      },
      {
        "name": "initImage",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "initCommand",
        "required": false,
        "type": "stringList",
        "goType": "[]string"
      },
      {
        "name": "backgroundImage",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backgroundCommand",
        "required": true,
        "type": "stringList",
        "goType": "[]string"
      },
      {
        "name": "outputImage",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "outputCommand",
        "required": true,
        "type": "stringList",
        "goType": "[]string"
      },
      {
        "name": "sharedVolumeMedium",
        "required": false,
        "type": "string",
        "goType": "corev1.StorageMedium (string)"
      },
      {
        "name": "sharedVolumeSizeLimit",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "resource quantity"
      },
      {
        "name": "sharedVolumeDir",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default /tmp/"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      }
    ],
    "outputs": [],
    "userOutputs": true,
    "summary": "Runs a pod with a background container and an output container sharing a volume (plus optional init container); `kando output` lines from the output container become phase outputs."
  },
  {
    "name": "PrepareData",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "image",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "command",
        "required": true,
        "type": "stringList",
        "goType": "[]string"
      },
      {
        "name": "volumes",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "pvc name -> mount path; default all workload PVCs"
      },
      {
        "name": "serviceaccount",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      },
      {
        "name": "failOnError",
        "required": false,
        "type": "bool",
        "goType": "bool"
      }
    ],
    "outputs": [],
    "userOutputs": true,
    "summary": "Runs a command in a new pod with PVCs mounted, e.g. to seed or modify volume data; `kando output` lines in its log become outputs."
  },
  {
    "name": "RestoreCSISnapshot",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "name",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "VolumeSnapshot name"
      },
      {
        "name": "pvc",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "storageClass",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "restoreSize",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "resource quantity, non-zero"
      },
      {
        "name": "accessModes",
        "required": false,
        "type": "stringList",
        "goType": "[]corev1.PersistentVolumeAccessMode",
        "note": "default [ReadWriteOnce]"
      },
      {
        "name": "volumeMode",
        "required": false,
        "type": "string",
        "goType": "corev1.PersistentVolumeMode",
        "note": "Filesystem (default) or Block"
      },
      {
        "name": "labels",
        "required": false,
        "type": "map",
        "goType": "map[string]string"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Creates a new PVC whose data source is a CSI VolumeSnapshot."
  },
  {
    "name": "RestoreData",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "image",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "restorePath",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default /"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "pod",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "exactly one of pod/volumes at run time"
      },
      {
        "name": "volumes",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "pvc name -> mount path"
      },
      {
        "name": "backupTag",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "exactly one of backupTag/backupIdentifier at run time"
      },
      {
        "name": "backupIdentifier",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupPath",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Restores a restic snapshot into the PVCs of a pod (or given volumes) using a new pod; restic stdout is scanned for kando output lines but normally yields none."
  },
  {
    "name": "RestoreDataAll",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "namespace",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "image",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupArtifactPrefix",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "backupInfo",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "JSON produced by BackupDataAll"
      },
      {
        "name": "restorePath",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default /"
      },
      {
        "name": "encryptionKey",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to a generated restic password"
      },
      {
        "name": "pods",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "space separated; default all workload pods"
      },
      {
        "name": "podOverride",
        "required": false,
        "type": "object",
        "goType": "JSONMap (map[string]interface{})",
        "note": "merged with the ActionSet podOverride"
      },
      {
        "name": "insecureTLS",
        "required": false,
        "type": "bool",
        "goType": "bool"
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Restores every pod's restic snapshot listed in a BackupDataAll result, in parallel."
  },
  {
    "name": "RestoreRDSSnapshot",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "instanceID",
        "required": true,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "snapshotID",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "dbEngine",
        "required": false,
        "type": "string",
        "goType": "RDSDBEngine (string)"
      },
      {
        "name": "backupArtifactPrefix",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "needed when snapshotID is empty"
      },
      {
        "name": "backupID",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "needed when snapshotID is empty"
      },
      {
        "name": "username",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "needed when snapshotID is empty"
      },
      {
        "name": "password",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "needed when snapshotID is empty"
      },
      {
        "name": "namespace",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "needed when snapshotID is empty"
      },
      {
        "name": "securityGroupID",
        "required": false,
        "type": "stringList",
        "goType": "[]string via YAML list or YAML-list string"
      },
      {
        "name": "dbSubnetGroup",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "default \"default\""
      },
      {
        "name": "podAnnotations",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys checked as qualified names at validation"
      },
      {
        "name": "podLabels",
        "required": false,
        "type": "map",
        "goType": "map[string]string",
        "note": "must be a mapping; keys/values checked as label key/value at validation"
      },
      {
        "name": "credentialsSource",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "one of profile (default), secret, eks_service_account"
      },
      {
        "name": "credentialsSecret",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "name of an ActionSet/phase secret; needed when credentialsSource is secret"
      },
      {
        "name": "region",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "overrides the profile region"
      }
    ],
    "outputs": [
      "endpoint"
    ],
    "userOutputs": false,
    "summary": "Restores an RDS instance/Aurora cluster from a snapshot, or (without snapshotID) loads a pg dump from the profile location into an instance.",
    "readButUnsupportedArgs": [
      "image"
    ]
  },
  {
    "name": "ScaleWorkload",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "replicas",
        "required": true,
        "type": "int",
        "goType": "int, int32, int64 or numeric string"
      },
      {
        "name": "namespace",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "defaults to the ActionSet workload"
      },
      {
        "name": "name",
        "required": false,
        "type": "string",
        "goType": "string"
      },
      {
        "name": "kind",
        "required": false,
        "type": "string",
        "goType": "string",
        "note": "statefulset, deployment or deploymentconfig"
      },
      {
        "name": "waitForReady",
        "required": false,
        "type": "bool",
        "goType": "bool",
        "note": "default true"
      }
    ],
    "outputs": [
      "originalReplicaCount"
    ],
    "userOutputs": false,
    "summary": "Scales a StatefulSet, Deployment or DeploymentConfig to a replica count, optionally waiting; reports the previous count (an integer)."
  },
  {
    "name": "Wait",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "timeout",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "Go duration"
      },
      {
        "name": "conditions",
        "required": true,
        "type": "object",
        "goType": "WaitConditions {anyOf,allOf: [{objectReference, condition}]}"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Deprecated: polls Kubernetes objects until JSONPath-substituted template conditions become true.",
    "argsNotRenderedByPhase": true
  },
  {
    "name": "WaitV2",
    "versions": [
      "v0.0.0"
    ],
    "args": [
      {
        "name": "timeout",
        "required": true,
        "type": "string",
        "goType": "string",
        "note": "Go duration; not template-rendered"
      },
      {
        "name": "conditions",
        "required": true,
        "type": "object",
        "goType": "WaitConditions {anyOf,allOf: [{objectReference, condition}]}"
      }
    ],
    "outputs": [],
    "userOutputs": false,
    "summary": "Polls Kubernetes objects until Go-template conditions (evaluated against each object) become true.",
    "argsNotRenderedByPhase": true
  }
]
"""##

    static let templateParamsJSON = ##"""
{
  "source": "pkg/param/param.go TemplateParams, filled by param.New from the ActionSet action",
  "renderOptions": "text/template, template name \"config\", Option(\"missingkey=error\"), funcs = sprig TxtFuncMap with FIPS replacements (pkg/ksprig); data = TemplateParams value",
  "fields": {
    "StatefulSet": {
      "type": "*StatefulSetParams",
      "fields": {
        "Name": "string",
        "Namespace": "string",
        "Pods": "[]string",
        "Containers": "[][]string (container names per pod, same order as Pods)",
        "PersistentVolumeClaims": "map[string]map[string]string (pod name -> PVC name -> mount path)"
      },
      "nilUnless": "ActionSet object kind is statefulset"
    },
    "DeploymentConfig": {
      "type": "*DeploymentConfigParams",
      "fields": {
        "Name": "string",
        "Namespace": "string",
        "Pods": "[]string",
        "Containers": "[][]string (container names per pod, same order as Pods)",
        "PersistentVolumeClaims": "map[string]map[string]string (pod name -> PVC name -> mount path)"
      },
      "nilUnless": "ActionSet object kind is deploymentconfig (OpenShift)"
    },
    "Deployment": {
      "type": "*DeploymentParams",
      "fields": {
        "Name": "string",
        "Namespace": "string",
        "Pods": "[]string",
        "Containers": "[][]string (container names per pod, same order as Pods)",
        "PersistentVolumeClaims": "map[string]map[string]string (pod name -> PVC name -> mount path)"
      },
      "nilUnless": "ActionSet object kind is deployment"
    },
    "PVC": {
      "type": "*PVCParams",
      "fields": {
        "Name": "string",
        "Namespace": "string"
      },
      "nilUnless": "ActionSet object kind is pvc"
    },
    "Namespace": {
      "type": "*NamespaceParams",
      "fields": {
        "Name": "string",
        "Namespace": "string"
      },
      "nilUnless": "ActionSet object kind is namespace; both fields hold the ActionSet object's namespace"
    },
    "ArtifactsIn": {
      "type": "map[string]Artifact",
      "keys": "artifact names given in the ActionSet action (blueprint declares them in inputArtifactNames)",
      "value": {
        "type": "Artifact",
        "fields": {
          "KeyValue": "map[string]string",
          "KopiaSnapshot": "string"
        }
      }
    },
    "ConfigMaps": {
      "type": "map[string]corev1.ConfigMap",
      "keys": "names from the ActionSet action configMaps (blueprint declares configMapNames)",
      "value": {
        "type": "corev1.ConfigMap",
        "fields": {
          "Name": "string",
          "Namespace": "string",
          "Labels": "map[string]string",
          "Annotations": "map[string]string",
          "UID": "string",
          "ResourceVersion": "string",
          "Kind": "string",
          "APIVersion": "string",
          "Data": "map[string]string",
          "BinaryData": "map[string][]byte",
          "Immutable": "*bool"
        },
        "note": "full Kubernetes ConfigMap object; ObjectMeta/TypeMeta fields are promoted"
      }
    },
    "Secrets": {
      "type": "map[string]corev1.Secret",
      "keys": "names from the ActionSet action secrets (blueprint declares secretNames)",
      "value": {
        "type": "corev1.Secret",
        "fields": {
          "Name": "string",
          "Namespace": "string",
          "Labels": "map[string]string",
          "Annotations": "map[string]string",
          "UID": "string",
          "ResourceVersion": "string",
          "Kind": "string",
          "APIVersion": "string",
          "Data": "map[string][]byte (use toString / b64enc on values)",
          "StringData": "map[string]string",
          "Type": "string",
          "Immutable": "*bool"
        },
        "note": "full Kubernetes Secret object; ObjectMeta/TypeMeta fields are promoted"
      }
    },
    "Time": {
      "type": "string",
      "note": "UTC time of ActionSet processing, RFC3339Nano layout"
    },
    "Profile": {
      "type": "*Profile",
      "nilUnless": "ActionSet names a profile",
      "fields": {
        "Location": {
          "type": "Location",
          "fields": {
            "Type": "string (gcs, s3Compliant, azure, kopia)",
            "Bucket": "string",
            "Endpoint": "string",
            "Prefix": "string",
            "Region": "string"
          }
        },
        "Credential": {
          "type": "Credential",
          "fields": {
            "Type": "string (keyPair, secret, kopia)",
            "KeyPair": {
              "type": "*KeyPair",
              "fields": {
                "ID": "string",
                "Secret": "string"
              },
              "nilUnless": "Type is keyPair"
            },
            "Secret": {
              "type": "*corev1.Secret",
              "fields": {
                "Name": "string",
                "Namespace": "string",
                "Labels": "map[string]string",
                "Annotations": "map[string]string",
                "UID": "string",
                "ResourceVersion": "string",
                "Kind": "string",
                "APIVersion": "string",
                "Data": "map[string][]byte (use toString / b64enc on values)",
                "StringData": "map[string]string",
                "Type": "string",
                "Immutable": "*bool"
              },
              "note": "full Kubernetes Secret object; ObjectMeta/TypeMeta fields are promoted",
              "nilUnless": "Type is secret"
            },
            "KopiaServerSecret": {
              "type": "*KopiaServerCreds",
              "nilUnless": "Type is kopia",
              "fields": {
                "Username": "string",
                "Hostname": "string",
                "Password": "string",
                "Cert": "string",
                "ConnectOptions": "map[string]int"
              }
            }
          }
        },
        "SkipSSLVerify": "bool"
      }
    },
    "Options": {
      "type": "map[string]string",
      "keys": "ActionSet action options"
    },
    "Object": {
      "type": "map[string]interface{}",
      "note": "unstructured content of the ActionSet target object (metadata, spec, status, data, ...); numbers are int64/float64"
    },
    "CurrentPhase": {
      "type": "*Phase",
      "fields": {
        "Secrets": {
          "type": "map[string]corev1.Secret",
          "keys": "names of the phase's `objects` entries whose kind is secret (case-insensitive)",
          "value": {
            "type": "corev1.Secret",
            "fields": {
              "Name": "string",
              "Namespace": "string",
              "Labels": "map[string]string",
              "Annotations": "map[string]string",
              "UID": "string",
              "ResourceVersion": "string",
              "Kind": "string",
              "APIVersion": "string",
              "Data": "map[string][]byte (use toString / b64enc on values)",
              "StringData": "map[string]string",
              "Type": "string",
              "Immutable": "*bool"
            },
            "note": "full Kubernetes Secret object; ObjectMeta/TypeMeta fields are promoted"
          }
        },
        "ConfigMaps": {
          "type": "map[string]corev1.ConfigMap",
          "keys": "names of the phase's `objects` entries whose kind is configmap",
          "value": {
            "type": "corev1.ConfigMap",
            "fields": {
              "Name": "string",
              "Namespace": "string",
              "Labels": "map[string]string",
              "Annotations": "map[string]string",
              "UID": "string",
              "ResourceVersion": "string",
              "Kind": "string",
              "APIVersion": "string",
              "Data": "map[string]string",
              "BinaryData": "map[string][]byte",
              "Immutable": "*bool"
            },
            "note": "full Kubernetes ConfigMap object; ObjectMeta/TypeMeta fields are promoted"
          }
        },
        "Output": {
          "type": "map[string]interface{}",
          "keys": "output keys returned by the phase's function (see functions.json outputs, or `kando output` keys for userOutputs functions)"
        }
      },
      "note": "set to Phases[<this phase>] only after the phase's args are rendered, so it is nil while rendering args; functions use it internally"
    },
    "Phases": {
      "type": "map[string]*Phase",
      "keys": "names of phases of the running action that have started: earlier phases (Output set after success) and the current one (Output still nil)",
      "value": {
        "type": "*Phase",
        "fields": {
          "Secrets": {
            "type": "map[string]corev1.Secret",
            "keys": "names of the phase's `objects` entries whose kind is secret (case-insensitive)",
            "value": {
              "type": "corev1.Secret",
              "fields": {
                "Name": "string",
                "Namespace": "string",
                "Labels": "map[string]string",
                "Annotations": "map[string]string",
                "UID": "string",
                "ResourceVersion": "string",
                "Kind": "string",
                "APIVersion": "string",
                "Data": "map[string][]byte (use toString / b64enc on values)",
                "StringData": "map[string]string",
                "Type": "string",
                "Immutable": "*bool"
              },
              "note": "full Kubernetes Secret object; ObjectMeta/TypeMeta fields are promoted"
            }
          },
          "ConfigMaps": {
            "type": "map[string]corev1.ConfigMap",
            "keys": "names of the phase's `objects` entries whose kind is configmap",
            "value": {
              "type": "corev1.ConfigMap",
              "fields": {
                "Name": "string",
                "Namespace": "string",
                "Labels": "map[string]string",
                "Annotations": "map[string]string",
                "UID": "string",
                "ResourceVersion": "string",
                "Kind": "string",
                "APIVersion": "string",
                "Data": "map[string]string",
                "BinaryData": "map[string][]byte",
                "Immutable": "*bool"
              },
              "note": "full Kubernetes ConfigMap object; ObjectMeta/TypeMeta fields are promoted"
            }
          },
          "Output": {
            "type": "map[string]interface{}",
            "keys": "output keys returned by the phase's function (see functions.json outputs, or `kando output` keys for userOutputs functions)"
          }
        }
      }
    },
    "DeferPhase": {
      "type": "*Phase",
      "fields": {
        "Secrets": {
          "type": "map[string]corev1.Secret",
          "keys": "names of the phase's `objects` entries whose kind is secret (case-insensitive)",
          "value": {
            "type": "corev1.Secret",
            "fields": {
              "Name": "string",
              "Namespace": "string",
              "Labels": "map[string]string",
              "Annotations": "map[string]string",
              "UID": "string",
              "ResourceVersion": "string",
              "Kind": "string",
              "APIVersion": "string",
              "Data": "map[string][]byte (use toString / b64enc on values)",
              "StringData": "map[string]string",
              "Type": "string",
              "Immutable": "*bool"
            },
            "note": "full Kubernetes Secret object; ObjectMeta/TypeMeta fields are promoted"
          }
        },
        "ConfigMaps": {
          "type": "map[string]corev1.ConfigMap",
          "keys": "names of the phase's `objects` entries whose kind is configmap",
          "value": {
            "type": "corev1.ConfigMap",
            "fields": {
              "Name": "string",
              "Namespace": "string",
              "Labels": "map[string]string",
              "Annotations": "map[string]string",
              "UID": "string",
              "ResourceVersion": "string",
              "Kind": "string",
              "APIVersion": "string",
              "Data": "map[string]string",
              "BinaryData": "map[string][]byte",
              "Immutable": "*bool"
            },
            "note": "full Kubernetes ConfigMap object; ObjectMeta/TypeMeta fields are promoted"
          }
        },
        "Output": {
          "type": "map[string]interface{}",
          "keys": "output keys returned by the phase's function (see functions.json outputs, or `kando output` keys for userOutputs functions)"
        }
      },
      "note": "an empty Phase while the main phases run; Secrets/ConfigMaps filled just before the deferPhase runs; Output set after it completes (visible to outputArtifacts)"
    },
    "PodOverride": {
      "type": "JSONMap (map[string]interface{})",
      "note": "ActionSet podOverride"
    },
    "PodAnnotations": {
      "type": "map[string]string",
      "note": "ActionSet podAnnotations"
    },
    "PodLabels": {
      "type": "map[string]string",
      "note": "ActionSet podLabels"
    }
  },
  "absent": {
    "RepositoryServer": "not a TemplateParams field in this source snapshot (the RepositoryServer CRD was removed)"
  },
  "renderStages": {
    "phase objects": "rendered before any phase runs (GetPhases/GetDeferPhase): Phases map is empty, DeferPhase is an empty Phase; only when Time is non-empty (always true in the controller, false in validate.Do)",
    "phase args": "rendered right before the phase runs: Phases holds previous phases (with Output) and this phase (Output nil); every string, list item, map key and map value is rendered recursively",
    "deferPhase args": "rendered after main phases: Phases holds all main phases that ran; DeferPhase has Secrets/ConfigMaps but Output nil",
    "outputArtifacts": "rendered after all phases and the deferPhase succeeded: Phases and DeferPhase outputs available; each keyValue value and kopiaSnapshot string is rendered",
    "Wait/WaitV2 args": "not rendered by the phase; Wait renders all args itself at Exec time; WaitV2 renders only each condition's objectReference fields, and its condition string is a kubectl go-template run against the fetched object"
  }
}
"""##
}
