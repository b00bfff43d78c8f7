// Generated from ../shared/kanister/versions.json (how each Kanister release
// differs from functions.json); KanisterVersionTests checks it is still equal.
// Regenerate: see ARCHITECTURE.md, "Kanister catalog".
// swift-format-ignore-file

enum VersionData {
    static let versionsJSON = ##"""
{
  "description": "Kanister functions per release, as differences from functions.json, which describes Kanister main at the commit named in 'base'. Generated from the kanisterio/kanister git history by the steering repository's tools/kanister-versions/extract.py; do not edit by hand. Everything is read from pkg/function/*.go at each commit: registered functions (kanister.Register), RequiredArgs(), Arguments() (Go constants resolved) and output keys. 'releases': every release tag X.Y.Z from 0.110.0 on (no -rc tags), oldest first, then 'main'. Per entry of 'versions': 'date' = tag date (UTC; for main the commit date); 'commit' = the tagged commit; 'functionCount' = registered functions. 'addedFunctions': registered in this release but not on main, each with 'required' (RequiredArgs() order), 'optional' (Arguments() minus required, in order), 'outputs' (built-in output keys found literally in the code) and 'userOutputs' (outputs come from `kando output` in a user command). 'removedFunctions': registered on main but not in this release (a phase using one fails there). 'argumentChanges', for functions in both and only where something differs, lists sorted: 'unsupported' = args main accepts that this release rejects (Kanister: 'argument X is not supported'); 'extraSupported' = args this release accepts that main rejects; 'notRequired' = args main requires that this release accepts without requiring; 'extraRequired' = args this release requires and main does not (an arg main requires that this release does not know at all is only in 'unsupported'). 'outputChanges' (present only when non-empty), for functions in both: 'missing' = output keys of main this release does not produce, 'extra' = keys only this release produces, 'userOutputs' when that flag differs. Outputs that are not literal in the code (KubeOps returns the JSON of an ObjectReference) are not extracted, so they never show as a change. A function's arguments in a release = main's functions.json entry minus 'unsupported', plus 'extraSupported', with required adjusted by 'notRequired'/'extraRequired'. Every listed release rejects args outside Arguments() and requires RequiredArgs() at validation and when a phase runs.",
  "base": "main@534f152",
  "releases": [
    "0.110.0",
    "0.111.0",
    "0.112.0",
    "0.113.0",
    "0.114.0",
    "0.115.0",
    "0.116.0",
    "0.117.0",
    "0.118.0",
    "0.119.0",
    "main"
  ],
  "versions": {
    "0.110.0": {
      "date": "2024-08-02",
      "commit": "fffef729e348ce0cf8bba3646303460d5e37fe16",
      "functionCount": 34,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "CreateVolumeFromSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [
            "pvcNames"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "CreateVolumeSnapshot": {
          "required": [
            "namespace"
          ],
          "optional": [
            "pvcs",
            "skipWait"
          ],
          "outputs": [
            "volumeSnapshotInfo"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "DeleteVolumeSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "WaitForSnapshotCompletion": {
          "required": [
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [
        "MultiContainerRun"
      ],
      "argumentChanges": {
        "BackupDataStats": {
          "unsupported": [
            "image",
            "podAnnotations",
            "podLabels",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CheckRepository": {
          "unsupported": [
            "image",
            "podAnnotations",
            "podLabels",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CopyVolumeData": {
          "unsupported": [
            "image",
            "mountPath",
            "podAnnotations",
            "podLabels",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CreateRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteData": {
          "unsupported": [
            "image",
            "podAnnotations",
            "podLabels",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteDataAll": {
          "unsupported": [
            "image",
            "podAnnotations",
            "podLabels",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "ExportRDSSnapshotToLocation": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "podAnnotations",
            "podLabels",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "KubeTask": {
          "unsupported": [
            "podAnnotations",
            "podLabels"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "PrepareData": {
          "unsupported": [
            "failOnError",
            "podAnnotations",
            "podLabels"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreData": {
          "unsupported": [
            "backupPath",
            "podAnnotations",
            "podLabels"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreDataAll": {
          "unsupported": [
            "podAnnotations",
            "podLabels"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "podAnnotations",
            "podLabels",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        }
      }
    },
    "0.111.0": {
      "date": "2024-09-20",
      "commit": "d207c416a800fdff15f570275f1e3dfe0ede4ffe",
      "functionCount": 34,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "CreateVolumeFromSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [
            "pvcNames"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "CreateVolumeSnapshot": {
          "required": [
            "namespace"
          ],
          "optional": [
            "pvcs",
            "skipWait"
          ],
          "outputs": [
            "volumeSnapshotInfo"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "DeleteVolumeSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "WaitForSnapshotCompletion": {
          "required": [
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [
        "MultiContainerRun"
      ],
      "argumentChanges": {
        "BackupDataStats": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CheckRepository": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CopyVolumeData": {
          "unsupported": [
            "image",
            "mountPath",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CreateRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteData": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteDataAll": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "ExportRDSSnapshotToLocation": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "PrepareData": {
          "unsupported": [
            "failOnError"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreData": {
          "unsupported": [
            "backupPath"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        }
      }
    },
    "0.112.0": {
      "date": "2024-10-19",
      "commit": "0f62e044735e9831a16765fa53921d5075dce264",
      "functionCount": 35,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "CreateVolumeFromSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [
            "pvcNames"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "CreateVolumeSnapshot": {
          "required": [
            "namespace"
          ],
          "optional": [
            "pvcs",
            "skipWait"
          ],
          "outputs": [
            "volumeSnapshotInfo"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "DeleteVolumeSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "WaitForSnapshotCompletion": {
          "required": [
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {
        "BackupDataStats": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CheckRepository": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CopyVolumeData": {
          "unsupported": [
            "image",
            "mountPath",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CreateRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteData": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteDataAll": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "ExportRDSSnapshotToLocation": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "PrepareData": {
          "unsupported": [
            "failOnError"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreData": {
          "unsupported": [
            "backupPath"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreRDSSnapshot": {
          "unsupported": [
            "credentialsSecret",
            "credentialsSource",
            "region"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        }
      }
    },
    "0.113.0": {
      "date": "2025-02-07",
      "commit": "63c73f551aea7696a6dcaa77b628c24a9a53ea2b",
      "functionCount": 35,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "CreateVolumeFromSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [
            "pvcNames"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "CreateVolumeSnapshot": {
          "required": [
            "namespace"
          ],
          "optional": [
            "pvcs",
            "skipWait"
          ],
          "outputs": [
            "volumeSnapshotInfo"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "DeleteVolumeSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "WaitForSnapshotCompletion": {
          "required": [
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {
        "BackupDataStats": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CheckRepository": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CopyVolumeData": {
          "unsupported": [
            "image",
            "mountPath",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteData": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteDataAll": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "PrepareData": {
          "unsupported": [
            "failOnError"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreData": {
          "unsupported": [
            "backupPath"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        }
      }
    },
    "0.114.0": {
      "date": "2025-07-03",
      "commit": "86f4a2a6deed2527c1535822d9acf6ad683848f8",
      "functionCount": 35,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "CreateVolumeFromSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [
            "pvcNames"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "CreateVolumeSnapshot": {
          "required": [
            "namespace"
          ],
          "optional": [
            "pvcs",
            "skipWait"
          ],
          "outputs": [
            "volumeSnapshotInfo"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "DeleteVolumeSnapshot": {
          "required": [
            "namespace",
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "WaitForSnapshotCompletion": {
          "required": [
            "snapshots"
          ],
          "optional": [],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {
        "BackupDataStats": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CheckRepository": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CopyVolumeData": {
          "unsupported": [
            "image",
            "mountPath",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteData": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteDataAll": {
          "unsupported": [
            "image",
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "PrepareData": {
          "unsupported": [
            "failOnError"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "RestoreData": {
          "unsupported": [
            "backupPath"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        }
      }
    },
    "0.115.0": {
      "date": "2025-08-25",
      "commit": "7b8e4e4b654af6a38883f6b0fc351fc052f7ea3f",
      "functionCount": 31,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {
        "BackupDataStats": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CheckRepository": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CopyVolumeData": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteData": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteDataAll": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        }
      }
    },
    "0.116.0": {
      "date": "2025-09-12",
      "commit": "60c4551536404609713133e6f501ab43527141da",
      "functionCount": 31,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {
        "BackupDataStats": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CheckRepository": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "CopyVolumeData": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteData": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        },
        "DeleteDataAll": {
          "unsupported": [
            "podOverride"
          ],
          "extraSupported": [],
          "notRequired": [],
          "extraRequired": []
        }
      }
    },
    "0.117.0": {
      "date": "2025-12-09",
      "commit": "0637f3682f9d2618a8b8fa000271cfd46c750fdf",
      "functionCount": 31,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {}
    },
    "0.118.0": {
      "date": "2026-02-03",
      "commit": "19086171e8029e588dce663abff08cd2a274e333",
      "functionCount": 31,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {}
    },
    "0.119.0": {
      "date": "2026-05-13",
      "commit": "4bfb772d1725355517afad2e8c87a26a3af9dc30",
      "functionCount": 31,
      "addedFunctions": {
        "BackupDataUsingKopiaServer": {
          "required": [
            "container",
            "includePath",
            "namespace",
            "pod"
          ],
          "optional": [
            "snapshotTags",
            "repositoryServerUserHostname"
          ],
          "outputs": [
            "backupID",
            "size",
            "phySize"
          ],
          "userOutputs": false
        },
        "DeleteDataUsingKopiaServer": {
          "required": [
            "backupID",
            "namespace",
            "image"
          ],
          "optional": [
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        },
        "RestoreDataUsingKopiaServer": {
          "required": [
            "backupIdentifier",
            "namespace",
            "restorePath",
            "image"
          ],
          "optional": [
            "pod",
            "volumes",
            "podOverride",
            "repositoryServerUserHostname",
            "podAnnotations",
            "podLabels"
          ],
          "outputs": [],
          "userOutputs": false
        }
      },
      "removedFunctions": [],
      "argumentChanges": {}
    },
    "main": {
      "date": "2026-08-21",
      "commit": "534f1523115c30664b519556601b1b2db7f02882",
      "functionCount": 28,
      "addedFunctions": {},
      "removedFunctions": [],
      "argumentChanges": {}
    }
  }
}
"""##
}
