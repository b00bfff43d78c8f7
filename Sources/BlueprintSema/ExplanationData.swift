// Generated from the diagnostics section of Grammar/REFERENCE.md (verbatim);
// ReferenceTests checks they are equal, BPC_UPDATE_GOLDENS=1 rewrites it.
// swift-format-ignore-file

enum ExplanationData {
    static let diagnosticsMarkdown = ####"""
## Lexical errors (BP0xxx)

### BP0001: unexpected character

A byte that starts no token, such as `@` or `;` outside a string. The lexer
skips it and goes on.

```bp
blueprint demo
let name = @backup
```

Fix: remove the character, or quote the text.

```bp
blueprint demo
let name = "@backup"
```

### BP0002: invalid UTF-8

A string or comment holds bytes that are not UTF-8. Kanister blueprints are
UTF-8 text; save the file as UTF-8.

```text
blueprint demo
let name = "caf<0xE9>"     # the byte 0xE9 alone (Latin-1 é)
```

Fix: re-encode the file as UTF-8.

```text
blueprint demo
let name = "café"
```

### BP0003: NUL byte

A NUL byte (0x00) in the source, usually a sign of a binary or UTF-16 file.

```text
blueprint demo
let name = "a<0x00>b"
```

Fix: remove the byte; for a NUL in a value write the escape `\0`.

```text
blueprint demo
let name = "a\0b"
```

### BP0004: unterminated string

A `"` string ends on its line and a `"""` string at a `"""` on a line of its
own. The error is reported at the opening quote. A `"""` that is never closed
ends before the first line indented no deeper than the line that opened it, so
the code after it is still read (and an editor can still complete it).

```bp
blueprint demo
let greeting = "hello
```

Fix: close the string on the same line (or use a `"""` string for several lines).

```bp
blueprint demo
let greeting = "hello"
```

### BP0005: invalid escape

Only `\n \t \r \0 \\ \" \' \{ \} \u{...}` and `\( )` are escapes in a string.
For a shell script full of backslashes use a raw string `#"..."#`.

```bp
blueprint demo
let pattern = "a\d+"
```

Fix: double the backslash, or use a raw string.

```bp
blueprint demo
let pattern = #"a\d+"#
```

### BP0006: malformed number or duration

A number directly followed by letters that are not a duration unit
(`ms`, `s`, `m`, `h`).

```bp
blueprint demo

action backup {
  phase a: KubeTask { image: "busybox", command: ["true"] } timeout 10x
}
```

Fix: write a duration such as `30s`, `10m`, `1h30m`.

```bp
blueprint demo

action backup {
  phase a: KubeTask { image: "busybox", command: ["true"] } timeout 10m
}
```

### BP0007: multi-line string layout

A `"""` string's text starts on the line after the opening `"""`, its closing
`"""` stands on a line of its own, and no text line is indented less than the
closing `"""` (that indentation is removed from every line).

```bp
blueprint demo
let script = """echo hello
  """
```

Fix: start the text on the next line.

```bp
blueprint demo
let script = """
  echo hello
  """
```

### BP0008: unterminated interpolation

`\(` starts an interpolated expression, which ends at its `)` on the same line.

```bp
blueprint demo
let path = "/backup/\(Time"
```

Fix: close the interpolation.

```bp
blueprint demo
let path = "/backup/\(Time)"
```

## Syntax errors (BP1xxx)

### BP1001: expected token

A token the grammar requires is missing, such as the `:` after a phase name
or the `=` of a `let`. The caret is where it should be.

```bp
blueprint demo

action backup {
  phase dump KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: add the token.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP1002: unexpected token

Reserved: this version of bpc reports a token where none can stand with the
code of what was expected there (BP1001, BP1003, BP1004, BP1006).

```text
let x = 1 )      # reported as BP1003: expected a declaration, found ')'
```

Fix: remove the token.

```text
let x = 1
```

### BP1003: expected a declaration

At the top level of a file only `blueprint`, `import`, `let`, `def` and
`action` may start a declaration.

```bp
blueprint demo
phase dump: KubeTask { image: "busybox", command: ["true"] }
```

Fix: put phases inside an action.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP1004: expected an expression

A value is missing: after `:` in a map or a body, after `=` in a `let`, or
after `|` in a pipeline.

```bp
blueprint demo
let image =
```

Fix: write the value.

```bp
blueprint demo
let image = "busybox"
```

### BP1005: nesting too deep

Lists, maps, calls and parentheses nest at most 128 levels (interpolations
inside strings 32). Deeper input is refused instead of overflowing the stack.

```text
blueprint demo
let x = [[[[[[ ... 129 levels ... ]]]]]]
```

Fix: flatten the value, or name parts of it with `let`.

```text
blueprint demo
let inner = [1, 2]
let x = [inner, inner]
```

### BP1006: expected an action item

Inside an action only `input`, `secret`, `configmap`, `output`, `phase`,
`parallel`, `finally` and `let` may start an item.

```bp
blueprint demo

action backup {
  step dump: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: use `phase`.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP1007: expected a name

A declaration needs its name: an identifier or a quoted string (for names an
identifier cannot spell, such as `"backup.v2"`).

```bp
blueprint demo

action {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: name it.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP1008: unclosed delimiter

A `(`, `[` or `{` is not closed. The error names the nearest unclosed
delimiter and is reported where the parser had to stop (the next action,
phase or declaration, or the end of the file), with a note at the opening one.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
```

Fix: close it.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP1009: invalid clause

Reserved: a word after a phase that is not `retry N`, `timeout D` or
`undo ...` is reported as BP1006 (expected an action item).

```text
phase dump: KubeTask { ... } retries 3      # reported as BP1006
```

Fix: spell the clause right.

```text
phase dump: KubeTask { ... } retry 3
```

### BP1010: too many errors

After 500 syntax errors the parser stops; the file is probably not a `.bp`
file at all (a YAML blueprint given to `bpc compile`, a binary).

```text
bpc compile blueprint.yaml      # a Kanister YAML file is not .bp
```

Fix: give `.bp` files to `compile`; lint YAML with `bpc lint` or turn it into
`.bp` with `bpc import`.

```text
bpc import blueprint.yaml -o blueprint.bp && bpc compile blueprint.bp
```

### BP1011: import failed

An `import`ed file cannot be read (it does not exist, is not readable, or
imports form a chain deeper than 32). The path is relative to the importing
file.

```bp
blueprint demo
import "does-not-exist.bp"
```

Fix: correct the path.

```bp
blueprint demo
```
## Semantic errors (BP20xx)

### BP1051: an option the action needs is not given

`bpc actionset` checks the ActionSet against the compiled action: every
option a template reads as `.Options.k` outside the default idiom
(`option("k", default: ...)`) must be given. With `--rollback-of`, an option
no completed phase of the failed ActionSet can supply is reported with the
reason.

```text
bpc actionset pg.bp --action backup --object statefulset/shop/pg
pg.bp:7:5: error[BP1051]: action 'backup' reads option 'database', which is not given; add --option database=VALUE
```

Fix: give it.

```text
bpc actionset pg.bp --action backup --object statefulset/shop/pg --option database=app
```

### BP1052: a declared secret, configmap or input is not given

Every `secret`, `configmap` and `input` the action declares must be given to
`bpc actionset` (`--secret NAME=NS/NAME`, `--configmap NAME=NS/NAME`,
`--artifact NAME.KEY=VALUE` or `--artifacts-from completed.yaml`).

```text
bpc actionset pg.bp --action backup --object statefulset/shop/pg
pg.bp:4:10: error[BP1052]: action 'backup' declares secret 'pgCreds', which is not given; add --secret pgCreds=NAMESPACE/NAME
```

Fix: give it.

```text
bpc actionset pg.bp --action backup --object statefulset/shop/pg --secret pgCreds=shop/pg-credentials
```

### BP1053: given but never read

A warning of `bpc actionset`: an option, secret, configmap or artifact was
given that the action never reads (often a misspelling).

```text
bpc actionset pg.bp --action backup --object statefulset/shop/pg --option databse=app
warning[BP1053]: option 'databse' is given, but action 'backup' never reads it
```

Fix: remove it, or correct its name.

```text
bpc actionset pg.bp --action backup --object statefulset/shop/pg --option database=app
```

### BP1054: not a failed ActionSet of this blueprint

`bpc actionset --rollback-of FILE` needs a failed ActionSet (as `kubectl get
actionset NAME -o yaml` prints it) that ran an action of this blueprint.

```text
bpc actionset pg.bp --rollback-of running.yaml
running.yaml:1:1: error[BP1054]: the ActionSet has not failed (status.state: running); nothing to roll back
```

Fix: give the failed ActionSet, of the blueprint it ran.

```text
kubectl get actionset backup-x7k2p -n kanister -o yaml > failed.yaml
bpc actionset pg.bp --rollback-of failed.yaml
```

### BP2001: unknown Kanister function

A phase calls a function Kanister does not register (in any version) and no
`def` of that name exists. See [Functions](#functions).

```bp
blueprint demo

action backup {
  phase dump: KubeTsk { image: "busybox", command: ["true"] }
}
```

Fix: use a function of the catalog (or define a `def`).

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2002: missing argument

A required argument of the function is missing (see the function's table
under [Functions](#functions)).

```bp
blueprint demo

action backup {
  phase dump: KubeTask { command: ["true"] }
}
```

Fix: give it.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2003: unsupported argument

The function has no such argument. `objects { ... }` and `outputs [ ... ]`
belong to the phase, not to its function: they are written without a colon,
and the diagnostic carries a fix-it that removes it.

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    objects: { creds: { kind: "Secret", name: "db", namespace: "ns" } }
    image: "busybox"
    command: ["true"]
  }
}
```

Fix: write the phase-level form.

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    objects { creds: { kind: "Secret", name: "db", namespace: "ns" } }
    image: "busybox"
    command: ["true"]
  }
}
```

### BP2004: argument type

An argument's value is not of the type Kanister decodes (mapstructure's weak
decoding): a list where a string is expected, a bool `strconv.ParseBool`
refuses, a map for a list.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: ["busybox"], command: ["true"] }
}
```

Fix: give the type the table lists.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2005: duplicate phase

Phase names are unique across the whole blueprint (Kanister keys phase
outputs by name), compensations included.

```bp
blueprint demo

action backup {
  phase work: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  phase work: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: rename one.

```bp
blueprint demo

action backup {
  phase backupWork: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  phase restoreWork: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2006: undefined phase

A reference (`x.output.k`, or `{{ .Phases.x... }}` in a template) names no
phase.

```bp
blueprint demo

action backup {
  phase use: KubeTask { image: "busybox", command: ["echo", "{{ .Phases.dmp.Output.k }}"] }
}
```

Fix: name an earlier phase of the action.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output k 1"] }
  phase use: KubeTask { image: "busybox", command: ["echo", "{{ .Phases.dump.Output.k }}"] }
}
```

### BP2007: later phase

A phase reads the output of a phase that runs after it (or its own): the
value does not exist yet when Kanister renders it.

```bp
blueprint demo

action backup {
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.k] }
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output k 1"] }
}
```

Fix: move the producer first.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output k 1"] }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.k] }
}
```

### BP2008: phase of another action

Kanister renders `.Phases` per ActionSet: a phase of another action is never
there. Pass values between actions with output and input artifacts.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output path /x"] }
}

action restore {
  phase load: KubeTask { image: "busybox", command: ["echo", dump.output.path] }
}
```

Fix: an output artifact in one action, an input in the other.

```bp
blueprint demo

action backup {
  output saved { path: dump.output.path }
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output path /x"] }
}

action restore {
  input saved
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KeyValue.path] }
}
```

### BP2009: unknown output

A read of an output key the phase does not produce. A function's outputs are
its catalog outputs, or for KubeTask, KubeExec, KubeExecAll, PrepareData and
MultiContainerRun the keys its command prints (see
[How outputs are inferred](#how-outputs-are-inferred)).

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output size 10"] }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.sise] }
}
```

Fix: read a key the phase produces.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output size 10"] }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.size] }
}
```

### BP2010: undeclared artifact

A read of an input artifact the action does not declare with `input`.

```bp
blueprint demo

action restore {
  phase load: KubeTask { image: "busybox", command: ["echo", "{{ .ArtifactsIn.saved.KeyValue.path }}"] }
}
```

Fix: declare it (and its shape when no action outputs it).

```bp
blueprint demo

action restore {
  input saved: { path }
  phase load: KubeTask { image: "busybox", command: ["echo", "{{ .ArtifactsIn.saved.KeyValue.path }}"] }
}
```

### BP2011: undeclared object

A read of `x.secrets.NAME` or `x.configmaps.NAME` that phase `x` does not
declare in its `objects` (or declares with the other kind).

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    image: "busybox"
    command: ["echo", dump.secrets.creds.Data["user"] | toString]
  }
}
```

Fix: declare the object in the phase.

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: ["echo", dump.secrets.creds.Data["user"] | toString]
  }
}
```

### BP2012: undeclared secret

A read of `.Secrets.NAME` (`.ConfigMaps.NAME`) of the action that the action
does not declare with `secret NAME` (`configmap NAME`).

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: bash "U='{{ .Secrets.creds.Data.user | toString }}'; echo $U" }
}
```

Fix: declare it.

```bp
blueprint demo

action backup {
  secret creds
  phase dump: KubeTask { image: "busybox", command: bash "U='{{ .Secrets.creds.Data.user | toString }}'; echo $U" }
}
```

### BP2013: unpopulated parameter

A workload parameter (`StatefulSet`, `Deployment`, `DeploymentConfig`,
`PVC`, `Namespace`) is nil unless the ActionSet's object is of that kind,
which `action NAME on KIND` states.

```bp
blueprint demo

action backup on StatefulSet {
  phase dump: KubeTask { namespace: Deployment.Namespace, image: "busybox", command: ["true"] }
}
```

Fix: read the parameter of the action's kind.

```bp
blueprint demo

action backup on StatefulSet {
  phase dump: KubeTask { namespace: StatefulSet.Namespace, image: "busybox", command: ["true"] }
}
```

### BP2014: unknown template function

Templates have Go's builtins and sprig v2 (Kanister's version), nothing else:
sprig v3 functions are missing too.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["echo", "{{ .Time | toUpper }}"] }
}
```

Fix: use the sprig v2 name.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["echo", "{{ .Time | upper }}"] }
}
```

### BP2015: malformed template

A `{{ ... }}` that Go's text/template refuses to parse.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["echo", "{{ .Time "] }
}
```

Fix: complete the action (or escape a literal brace as `\{`).

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["echo", "{{ .Time }}"] }
}
```

### BP2016: duplicate finally

Kanister has one deferPhase per action.

```bp
blueprint demo

action backup {
  phase work: KubeTask { image: "busybox", command: ["true"] }
  finally a: KubeTask { image: "busybox", command: ["true"] }
  finally b: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: merge them into one.

```bp
blueprint demo

action backup {
  phase work: KubeTask { image: "busybox", command: ["true"] }
  finally cleanup: KubeTask { image: "busybox", command: ["sh", "-c", "true; true"] }
}
```

### BP2017: bad undo

`undo NAME` names a later phase of the same action: the phase that undoes
this one when a later step fails.

```bp
blueprint demo

action backup {
  phase scaleDown: ScaleWorkload { replicas: 0 } undo scaleUpp
  phase dump: KubeTask { image: "busybox", command: ["true"] }
  phase scaleUp: ScaleWorkload { replicas: 1 }
}
```

Fix: name a later phase.

```bp
blueprint demo

action backup {
  phase scaleDown: ScaleWorkload { replicas: 0 } undo scaleUp
  phase dump: KubeTask { image: "busybox", command: ["true"] }
  phase scaleUp: ScaleWorkload { replicas: 1 }
}
```

### BP2018: data edge inside a parallel group

Phases of one `parallel` group may run at once, so one cannot read another's
output or objects.

```bp
blueprint demo

action backup {
  parallel {
    phase left: KubeTask { image: "busybox", command: ["sh", "-c", "kando output key 1"] }
    phase right: KubeTask { image: "busybox", command: ["echo", left.output.key] }
  }
}
```

Fix: move the reader out of the group.

```bp
blueprint demo

action backup {
  parallel {
    phase left: KubeTask { image: "busybox", command: ["sh", "-c", "kando output key 1"] }
  }
  phase right: KubeTask { image: "busybox", command: ["echo", left.output.key] }
}
```

### BP2019: cycle

Lets that refer to each other in a circle have no value.

```bp
blueprint demo
let a = b
let b = a

action backup {
  phase x: KubeTask { image: "busybox", command: ["echo", b] }
}
```

Fix: break the circle.

```bp
blueprint demo
let a = "x"
let b = a

action backup {
  phase x: KubeTask { image: "busybox", command: ["echo", b] }
}
```

### BP2020: unknown identifier

A name that is no let, def parameter, phase, artifact, secret, configmap or
template parameter (see [Template parameters](#template-parameters)).

```bp
blueprint demo

action backup on StatefulSet {
  phase dump: KubeTask { namespace: StatefulSet.Namespace, image: imge, command: ["true"] }
}
```

Fix: define it, or correct the spelling.

```bp
blueprint demo
let image = "busybox"

action backup on StatefulSet {
  phase dump: KubeTask { namespace: StatefulSet.Namespace, image: image, command: ["true"] }
}
```

### BP2021: duplicate definition

Two lets, defs, actions, blueprint declarations, or two items of one action
with the same name.

```bp
blueprint demo
let image = "busybox"
let image = "alpine"

action backup {
  phase x: KubeTask { image: image, command: ["true"] }
}
```

Fix: rename or remove one.

```bp
blueprint demo
let image = "busybox"

action backup {
  phase x: KubeTask { image: image, command: ["true"] }
}
```

### BP2022: unknown template parameter or field

A template parameter or a field that Kanister's TemplateParams does not have
(`.Options.k.x`: an option is a string; `.Time.Name`: the time is a string).

```bp
blueprint demo

action backup on StatefulSet {
  phase dump: KubeTask { namespace: StatefulSet.Namespce, image: "busybox", command: ["true"] }
}
```

Fix: use a field the parameter has.

```bp
blueprint demo

action backup on StatefulSet {
  phase dump: KubeTask { namespace: StatefulSet.Namespace, image: "busybox", command: ["true"] }
}
```

### BP2023: missing blueprint declaration

A file with actions needs `blueprint NAME` (the Blueprint's metadata.name).

```bp
action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: name the blueprint.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2024: bad retry or timeout clause

`retry` takes a whole number, `timeout` a duration literal. `retry`,
`timeout` and `unnamed` are given once a phase, counting a def's clauses with
its use's: of two retry counts, which would hold is not the reader's guess.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] } timeout 10
}
```

Fix: give a unit.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] } timeout 10m
}
```

### BP2025: DeferPhase read outside the output artifacts

`.DeferPhase` (the finally phase's outputs and objects) exists only once the
finally phase ran: output artifacts may read it, and the finally phase may
read its own objects, nothing else.

```bp
blueprint demo

action backup {
  phase work: KubeTask { image: "busybox", command: ["echo", "{{ .DeferPhase.Output.x }}"] }
  finally cleanup: KubeTask { image: "busybox", command: ["sh", "-c", "kando output x 1"] }
}
```

Fix: read it in an output artifact.

```bp
blueprint demo

action backup {
  output result { x: "{{ .DeferPhase.Output.x }}" }
  phase work: KubeTask { image: "busybox", command: ["true"] }
  finally cleanup: KubeTask { image: "busybox", command: ["sh", "-c", "kando output x 1"] }
}
```

### BP2026: def cycle

A def that expands into itself (directly or through other defs) never ends.

```bp
blueprint demo
def a = b
def b = a

action backup {
  phase x: a
}
```

Fix: end the chain at a Kanister function.

```bp
blueprint demo
def a = b
def b = KubeTask { image: "busybox", command: ["true"] }

action backup {
  phase x: a
}
```

### BP2027: def arguments

A def call gives a different number of arguments than the def has parameters.

```bp
blueprint demo
def run(image) = KubeTask { image: image, command: ["true"] }

action backup {
  phase x: run("busybox", "extra")
}
```

Fix: one argument per parameter.

```bp
blueprint demo
def run(image) = KubeTask { image: image, command: ["true"] }

action backup {
  phase x: run("busybox")
}
```

### BP2028: function called with parentheses

Kanister functions take their arguments in a `{ }` body; parentheses are for
defs.

```bp
blueprint demo

action backup {
  phase x: KubeTask(image: "busybox", command: ["true"])
}
```

Fix: use a body.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2029: bad reference part

After a phase name comes `output`, `secrets` or `configmaps` (in templates
`Output`, `Secrets`, `ConfigMaps`).

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output key 1"] }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.outputs.key] }
}
```

Fix: `output`.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output key 1"] }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.key] }
}
```

### BP2030: null value

`null` as an argument value makes Kanister's argument renderer panic.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"], podLabels: { app: null } }
}
```

Fix: leave the key out, or give a value.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"], podLabels: { app: "db" } }
}
```

### BP2031: lets nest too deeply

A chain of lets more than 64 deep (each naming the next) is refused.

```text
let a0 = a1
let a1 = a2
...
let a64 = "x"
```

Fix: refer to the value directly.

```text
let a0 = "x"
```

### BP2032: weak conversion

Kanister's weak decoding accepts the value but changes it: a number where a
string is read keeps Go's shortest spelling (`1.50` becomes `"1.5"`), a bool
becomes `"1"`. A warning.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"], podLabels: { version: "1" }, namespace: 1.50 }
}
```

Fix: write the string you mean.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"], podLabels: { version: "1" }, namespace: "1.50" }
}
```

### BP2033: command string with spaces

A `command` given as one string is one program name: Kanister runs a program
called `echo hello`. The fix-it wraps it in `bash "..."`.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: "echo hello" }
}
```

Fix: a list of words, or `bash "..."`.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: bash "echo hello" }
}
```

### BP2034: duplicate key

A key given twice in one map or body; Kanister's decoder refuses it (also two
keys that lower to one YAML key). A label given twice in one call
(`Secret(name: a, name: b)`, `option("o", default: a, default: b)`, a def's
use) is refused too: the YAML would hold the key twice, or one value would be
dropped without a word.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", image: "alpine", command: ["true"] }
}
```

Fix: keep one.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "alpine", command: ["true"] }
}
```

### BP2035: pod labels and annotations

`podLabels` and `podAnnotations` are validated as Kubernetes labels and
annotations before Kanister renders templates, so keys must be qualified
names, label values valid label values, and neither may be a template.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"], podLabels: { app: "has space" } }
}
```

Fix: a valid label value.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"], podLabels: { app: "has-no-space" } }
}
```

### BP2036: bad duration

`Wait` and `WaitV2` parse `timeout` with Go's `time.ParseDuration`.

```bp
blueprint demo
let cond = { anyOf: [{ objectReference: { apiVersion: "v1", resource: "pods", name: "p", namespace: "ns" }, condition: "{{ true }}" }] }

action backup {
  phase w: Wait { timeout: "5 minutes", conditions: cond }
}
```

Fix: a Go duration.

```bp
blueprint demo
let cond = { anyOf: [{ objectReference: { apiVersion: "v1", resource: "pods", name: "p", namespace: "ns" }, condition: "{{ true }}" }] }

action backup {
  phase w: Wait { timeout: "5m", conditions: cond }
}
```

### BP2037: wait conditions

`Wait` and `WaitV2` read only `anyOf` and `allOf`; each condition needs an
`objectReference` and a `condition`. Conditions that can never succeed are
errors, ignored ones warnings.

```bp
blueprint demo

action backup {
  phase w: Wait { timeout: "5m", conditions: { anyOf: [] } }
}
```

Fix: give at least one condition.

```bp
blueprint demo

action backup {
  phase w: Wait {
    timeout: "5m"
    conditions: { anyOf: [{ objectReference: { apiVersion: "v1", resource: "pods", name: "p", namespace: "ns" }, condition: "{{ true }}" }] }
  }
}
```

### BP2038: unknown metadata field

The map after `blueprint NAME` is the Blueprint's Kubernetes ObjectMeta; field
names are case-sensitive.

```bp
blueprint demo { label: { app: "db" } }
```

Fix: an ObjectMeta field.

```bp
blueprint demo { labels: { app: "db" } }
```

### BP2039: bad metadata value

A metadata field of the wrong shape: labels that are not valid label values,
a namespace that is not a string, or `name` (the name is the one after
`blueprint`).

```bp
blueprint demo { namespace: 3 }
```

Fix: the right type.

```bp
blueprint demo { namespace: "kanister" }
```

### BP2040: unknown artifact key

A read of a keyValue key that the artifact's producer (an `output` in another
action or an imported file, or the input's declared shape) does not write.

```bp
blueprint demo

action backup {
  output saved { path: "/backups" }
  phase x: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  input saved
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KeyValue.pth] }
}
```

Fix: a key the producer writes.

```bp
blueprint demo

action backup {
  output saved { path: "/backups" }
  phase x: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  input saved
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KeyValue.path] }
}
```

### BP2041: missing artifact part

`KopiaSnapshot` of an artifact that carries only keyValue keys, or `KeyValue`
of a snapshot-only one.

```bp
blueprint demo

action backup {
  output saved { path: "/backups" }
  phase x: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  input saved
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KopiaSnapshot] }
}
```

Fix: read what the artifact carries.

```bp
blueprint demo

action backup {
  output saved { path: "/backups" }
  phase x: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  input saved
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KeyValue.path] }
}
```

### BP2042: unknown artifact field

An artifact has the fields `KeyValue` and `KopiaSnapshot` (case-sensitive).

```bp
blueprint demo

action restore {
  input saved: { path }
  phase load: KubeTask { image: "busybox", command: ["echo", saved.keyValue.path] }
}
```

Fix: spell the field as Kanister does.

```bp
blueprint demo

action restore {
  input saved: { path }
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KeyValue.path] }
}
```

### BP2044: input without a shape

An input artifact that no action of the file (or of its imports) outputs must
say what it carries: `input x: { k1, k2 }` (keyValue keys), `input x: kopia`,
or `input x: kopia { k }`. The fix-it writes the shape from the reads.

```bp
blueprint demo

action restore {
  input external
  phase load: KubeTask { image: "busybox", command: ["echo", external.KeyValue.bucket] }
}
```

Fix: declare the shape.

```bp
blueprint demo

action restore {
  input external: { bucket }
  phase load: KubeTask { image: "busybox", command: ["echo", external.KeyValue.bucket] }
}
```

### BP2045: shape mismatch

An input's declared shape disagrees with the output that produces it.

```bp
blueprint demo

action backup {
  output saved { path: "/backups" }
  phase x: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  input saved: kopia { path }
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KeyValue.path] }
}
```

Fix: declare what the producer writes (or no shape at all).

```bp
blueprint demo

action backup {
  output saved { path: "/backups" }
  phase x: KubeTask { image: "busybox", command: ["true"] }
}

action restore {
  input saved: { path }
  phase load: KubeTask { image: "busybox", command: ["echo", saved.KeyValue.path] }
}
```

### BP2050: unknown object kind

An object kind that looks like a misspelt `Secret` or `ConfigMap`: Kanister
would render it and never fetch it.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secrt(name: "db", namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

Fix: `Secret` or `ConfigMap`.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

### BP2051: object never fetched

Kanister fetches only Secret and ConfigMap objects; any other kind is
rendered and never read. A warning.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { pod: Pod(name: "db-0", namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

Fix: drop it, or read the object another way (`kubectl get` in the command).

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2052: unknown object field

An object reference has `apiVersion`, `group`, `resource`, `kind`, `name`
and `namespace`.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(nmae: "db", namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

Fix: a field of ObjectReference.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

### BP2053: object without a name

Kanister fetches a Secret or ConfigMap by name before the phase runs.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

Fix: name it.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

### BP2054: unknown object member

A Secret has `Data`, `StringData`, `Type` and its metadata fields; a
ConfigMap `Data` and `BinaryData` (see
[Template parameters](#template-parameters)).

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "U=\(x.secrets.creds.data["user"] | toString); echo $U"
  }
}
```

Fix: `Data`.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "U=\(x.secrets.creds.Data["user"] | toString); echo $U"
  }
}
```

### BP2055: object key without .Data

A Secret's or ConfigMap's keys are under `.Data`; the fix-it inserts it.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "U=\(x.secrets.creds["user"] | toString); echo $U"
  }
}
```

Fix: read through `Data`.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "U=\(x.secrets.creds.Data["user"] | toString); echo $U"
  }
}
```

### BP2056: bytes printed

A Secret's `Data` values (a ConfigMap's `BinaryData`) are `[]byte`: printed
as they are, Go writes `[112 97 115 115]`. A warning; the fix-it adds
`| toString`.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "U=\(x.secrets.creds.Data["user"]); echo $U"
  }
}
```

Fix: convert with `toString`.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "U=\(x.secrets.creds.Data["user"] | toString); echo $U"
  }
}
```

### BP2057: not an object reference

A phase object is written `Kind(name: ..., namespace: ...)` or as a map
`{ kind: ..., name: ... }`, with labelled fields.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: "db" }
    image: "busybox"
    command: ["true"]
  }
}
```

Fix: write the reference.

```bp
blueprint demo

action backup {
  phase x: KubeTask {
    objects { creds: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: ["true"]
  }
}
```

### BP2060: function not in this Kanister version

The function exists in other Kanister versions than the one chosen with
`--kanister` (default 0.119.0); the message says which.

```bp
# bpc lint --kanister main
blueprint demo

action backup {
  phase push: BackupDataUsingKopiaServer { namespace: "ns", pod: "db-0", container: "db", includePath: "/data" }
}
```

Fix: choose a version that has it (`--kanister 0.119.0`), or another function.

```bp
# bpc lint --kanister main
blueprint demo

action backup {
  phase push: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2061: argument not in this Kanister version

The argument exists in other Kanister versions of the function than the one
chosen with `--kanister`.

```bp
# bpc lint --kanister 0.112.0
blueprint demo

action backup {
  phase copy: CopyVolumeData { namespace: "ns", volume: "data", dataArtifactPrefix: "s3://b/x", podOverride: { dnsPolicy: "Default" } }
}
```

Fix: a newer `--kanister`, or leave the argument out.

```bp
# bpc lint --kanister 0.112.0
blueprint demo

action backup {
  phase copy: CopyVolumeData { namespace: "ns", volume: "data", dataArtifactPrefix: "s3://b/x" }
}
```

### BP2065: template function arguments

A template function called with a number of arguments Go refuses when it
renders, or with a value of the wrong kind: a constant (`trunc "3" .x`), a
constant piped in (`true | upper`, which Go passes as a bool), or what another
function returns (`upper(list(1))`, `len(x) | upper`, `3 | len`). Each
function's result has a Go type (a string, int, int64, float64, bool, list or
map), and so does a template parameter (`StatefulSet` is a structure,
`StatefulSet.Pods` a list, a Secret's value bytes, `Options` a
`map[string]string`, ScaleWorkload's `originalReplicaCount` output an int32);
a piped or returned value converts to no other parameter type
(`b64enc(s.Data.k)` needs `| toString` first, `keys(Options)` fails). The
same kinds rule reads and keys: a field of what a function returns
(`list(1).x`, `dict("a", 1).b`, `split("/", x).y`, `default("a", Options.x).y`),
an `index` of a structure (`StatefulSet["Name"]`), a string key of a list
(`StatefulSet.Pods[0 | quote]`), a position in a map (`split("/", x)[1]`), and a
value as a later stage of a pipe (`x | "s"`, which Go's parser refuses). Go's
comparison functions compare values of one basic kind (`eq p.output.n 1` fails:
a phase's output is a string, in a template string too,
`{{ eq .Phases.p.Output.n 1 }}`; an integer and a float differ too, an integer
and a byte do not: `{{ eq (index "ab" 0) "a" }}` fails), and `lt`, `le`, `gt`
and `ge` order only strings and numbers. `{{ range X }}` iterates over a list
or a map (or a Secret's bytes), not over a string, float, boolean or structure
(`{{ range .StatefulSet.Name }}`, `{{ range .Phases.p.Output.n }}`: split it
first, `{{ range splitList "," .Phases.p.Output.n }}`). It counts up to an
integer (`{{ range 3 }}`, with one variable at most) from Kanister 0.115.0 on,
which is built with Go 1.24; for an older `--kanister` an integer is refused too.
A constant pattern given to `regexFind`, `regexFindAll`, `regexSplit`,
`regexReplaceAll` or `regexReplaceAllLiteral`, which compile it with Go's
`regexp.MustCompile`, must be one Go's regexp (RE2) takes: `regexFind("a(", x)`
fails with Go's own message (`missing closing )`), as do a repetition of a
repetition (`a**`), a backreference (`\1`), lookaround (`(?=a)`) and counts over
1000 (`x{1001}`, `(x{2}){501}`). `regexMatch` is false on such a pattern instead,
and a pattern that is not a constant is not checked. `(?<name>re)` names a group
(Go 1.22, which builds every release bpc knows); a `\p{Name}` class is left to
Go, whose names change between releases.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["echo", "{{ toJson }}"] }
}
```

Fix: give it its arguments.

```bp
blueprint demo

action backup {
  phase x: KubeTask { image: "busybox", command: ["echo", "{{ toJson .Options }}"] }
}
```

### BP2066: declared output not printed

`outputs [..]` declares keys a program the command runs writes. When the
command prints literal keys with `kando output`, Kanister's checks count
exactly those, so declaring another is an error.

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    image: "busybox"
    command: bash "kando output printed 1; ./backup.sh"
    outputs [printed, id]
  }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.printed, dump.output.id] }
}
```

Fix: print it too (or let the script print all of them).

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    image: "busybox"
    command: bash "kando output printed 1; kando output id \"$(./backup.sh)\""
  }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.printed, dump.output.id] }
}
```

## Warnings about unused and unsafe code (BP21xx)

### BP2070: malformed code in allow

`allow` silences warnings by code; each code is `BP` and four digits.

```bp
blueprint demo

allow bp2106

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: spell the code as bpc prints it.

```bp
blueprint demo

allow BP2106

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2075: a condition must be a boolean

A `when` condition must be a boolean: `true`/`false`, a comparison, `not`,
`and`/`or` of booleans, or a boolean sprig function. An option is a string,
and Go treats every non-empty string as true.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] } when Options.full
}
```

Fix: compare it.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["true"] } when eq(Options.full, "true")
}
```

### BP2076: output of a phase that may be skipped

A skipped phase has no outputs. Only a phase with the same condition (or an
`and(...)` that includes it) may read them, and only in its command.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: bash "kando output path /x" } when eq(Options.full, "true")
  phase use: KubeTask { image: "busybox", command: bash "echo \(dump.output.path)" }
}
```

Fix: give the reader the same condition.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: bash "kando output path /x" } when eq(Options.full, "true")
  phase use: KubeTask { image: "busybox", command: bash "echo \(dump.output.path)" } when eq(Options.full, "true")
}
```

### BP2077: this function cannot be skipped

Kanister has no per-phase condition; the compiled YAML skips a phase by
wrapping its command, so only functions that run one (KubeTask, KubeExec,
KubeExecAll, MultiContainerRun, PrepareData) may have `when`.

```bp
blueprint demo

action backup on StatefulSet {
  phase scale: ScaleWorkload { replicas: 0 } when eq(Options.cold, "true")
}
```

Fix: do the step in a KubeTask, or move it to an action of its own.

```bp
blueprint demo

action backup on StatefulSet {
  phase scale: ScaleWorkload { replicas: 0 }
}
```

### BP2080: a read on a value that has no fields or keys

A `let` stands for its value, so `name.field` and `name["key"]` read that
value. A string, number, boolean or null has no fields (Go's template engine
refuses the read when it renders: "can't evaluate field"), and a list or map
written in .bp cannot be read from inside a template at all. The same holds
for a read written straight on a literal (`"-f".yaml`, `3[0]`), which Go's
parser refuses, so the YAML would not load. Values Kanister fills are strings
(or numbers) too, and the same read on them fails when the phase runs: an
output of a phase (`dump.output.id.x`), a keyValue or the Kopia snapshot of an
artifact (`saved.KeyValue.id.x`), a value of a Secret's or ConfigMap's Data
(`s.Data.k.x`), and a byte of a string read by position (`StatefulSet.Name[0].x`).

```bp
blueprint demo

let tools = "ghcr.io/kanisterio/postgres-kanister-tools:0.117.0"

action backup {
  phase dump: KubeTask { image: tools, command: ["sh", "-c", "kando output location /x"] }
  output cloud { location: tools.output.location }
}
```

Fix: read the phase (or template parameter) itself, not the let.

```bp
blueprint demo

let tools = "ghcr.io/kanisterio/postgres-kanister-tools:0.117.0"

action backup {
  phase dump: KubeTask { image: tools, command: ["sh", "-c", "kando output location /x"] }
  output cloud { location: dump.output.location }
}
```

### BP2081: a Wait condition reads template data

Wait renders its arguments, but evaluates each condition from the unrendered
text: it replaces every `{ $.… }` JSONPath with the object's value and then
executes the template with no data. A template parameter such as
`.Options.o` has no value there: passed to `index`, `len`, a comparison
other than `eq`/`ne`, or a function taking a string, number or bool, it makes
Go fail and the wait never succeeds (an error); anywhere else it prints
`<no value>` (a warning).

```bp
blueprint demo

action wait on StatefulSet {
  phase ready: Wait {
    timeout: "5m"
    conditions: { anyOf: [{ objectReference: { apiVersion: "v1", resource: "pods", name: "p", namespace: "ns" }, condition: "{{ index .Options \"o\" }}" }] }
  }
}
```

Fix: read the object through JSONPath.

```bp
blueprint demo

action wait on StatefulSet {
  phase ready: Wait {
    timeout: "5m"
    conditions: { anyOf: [{ objectReference: { apiVersion: "v1", resource: "pods", name: "p", namespace: "ns" }, condition: "{{ if eq \"{ $.status.phase }\" \"Running\" }}true{{ end }}" }] }
  }
}
```

### BP2082: an integer does not fit in 64 bits

An integer literal is written to the YAML as a plain number. Past the 64-bit
range, Kubernetes' YAML reader types it as a float, so Kanister would not read
the number that was written.

```bp
blueprint demo

action backup {
  phase p: KubeTask { image: "busybox", command: ["sleep", 44444444444444444444444] }
}
```

Fix: write it as a string.

```bp
blueprint demo

action backup {
  phase p: KubeTask { image: "busybox", command: ["sleep", "44444444444444444444444"] }
}
```
### BP2083: the outputs of an unnamed phase are read

Kanister keeps a phase's outputs under its YAML name, and an `unnamed` phase
has none, so `.Phases` holds nothing a template could read.

```bp
blueprint demo

action backup {
  phase p: KubeTask { image: "busybox", command: ["sh", "-c", "kando output k v"] } unnamed
  phase q: KubeTask { image: "busybox", command: ["echo", p.output.k] }
}
```

Fix: drop `unnamed`, so that the YAML names the phase.

```bp
blueprint demo

action backup {
  phase p: KubeTask { image: "busybox", command: ["sh", "-c", "kando output k v"] }
  phase q: KubeTask { image: "busybox", command: ["echo", p.output.k] }
}
```
### BP2101: unused output

A declared phase output (`outputs [..]`) that nothing reads.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["./dump.sh"], outputs [size] }
}
```

Fix: read it, or stop declaring it.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["./dump.sh"] }
}
```

### BP2102: unused input

An input artifact the action never reads.

```bp
blueprint demo

action restore {
  input extra: { path }
  phase load: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: read it or remove it.

```bp
blueprint demo

action restore {
  phase load: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP2103: unused let

```bp
blueprint demo
let image = "busybox"
```

Fix: use it or remove it.

```bp
blueprint demo
```

### BP2104: unused def

```bp
blueprint demo
def noop = KubeTask { image: "busybox", command: ["true"] }
```

Fix: use it or remove it.

```bp
blueprint demo
def noop = KubeTask { image: "busybox", command: ["true"] }

action backup {
  phase x: noop
}
```

### BP2106: secret in a command line

A secret value written into a command line shows in process listings. Assign
it to a shell variable first (the check accepts `NAME="..."` assignments).

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    objects { db: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "mysql -p\(dump.secrets.db.Data["password"] | toString)"
  }
}
```

Fix: pass it through a variable.

```bp
blueprint demo

action backup {
  phase dump: KubeTask {
    objects { db: Secret(name: "db", namespace: "ns") }
    image: "busybox"
    command: bash "MYSQL_PWD=\"\(dump.secrets.db.Data["password"] | toString)\" mysql"
  }
}
```

### BP2107: output that may not be produced

The command prints a computed key (`kando output "$KEY"`), so a read of a key
it does not print literally may or may not work. A warning.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: bash "kando output path /data; kando output \"$KEY\" v" }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.size] }
}
```

Fix: print the key literally, or declare it with `outputs [..]`.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: bash "kando output path /data; kando output size 3" }
  phase use: KubeTask { image: "busybox", command: ["echo", dump.output.size] }
}
```

## Lowering (BP3xxx)

The lowering turns checked source into Kanister's model. Most of its codes
are safety nets behind a check that reports the same mistake first (named in
each entry), so the examples show the mistake and the code you see for it.

### BP3001: missing blueprint declaration (lowering)

The lowering's copy of BP2023, for sources that reach it unchecked.

```text
action backup { ... }           # BP2023 is reported first
```

Fix: add `blueprint NAME`.

```text
blueprint demo
action backup { ... }
```

### BP3002: unknown name (lowering)

A name or template function the lowering cannot turn into a Go template;
the checks report it first as BP2020 or BP2014.

```text
command: ["echo", imge]         # BP2020 is reported first
```

Fix: define or correct the name.

```text
command: ["echo", image]
```

### BP3003: not a template operand

A list, a map, a command or a string with templates used where a Go template
needs a single value (inside `\( )`, as a function argument or index).

```text
let tags = ["a", "b"]
let line = "\(tags)"
```

Fix: interpolate a scalar, or give the list as the argument's whole value.

```text
let tags = ["a", "b"]
let line = "\(tags[0])"
```

### BP3004: let cycle (lowering)

The lowering's copy of BP2019.

```text
let a = b
let b = a                       # BP2019 is reported first
```

Fix: break the cycle.

```text
let a = "x"
let b = a
```

### BP3008: malformed object (lowering)

The lowering's copy of BP2057.

```text
objects { creds: "db" }         # BP2057 is reported first
```

Fix: `Secret(name: ..., namespace: ...)`.

```text
objects { creds: Secret(name: "db", namespace: "ns") }
```

### BP3009: malformed output artifact

An output's value after `=` is `kopia(snapshot)`; key-value pairs go in
`{ ... }`.

```text
output saved = dump.output.path
```

Fix: put keys in the map.

```text
output saved { path: dump.output.path }
```

### BP3010: retry and timeout are for bpc run (retired)

Retired: bpc no longer warns. Kanister has no retry or timeout for a phase;
the YAML build drops them and names the phases that have them in the YAML's
header comment. `bpc run` honours them.

```text
phase dump: KubeTask { image: "busybox", command: ["true"] } retry 3
```

Fix: none needed.

```text
phase dump: KubeTask { image: "busybox", command: ["true"] }
```

### BP3011: bad phase reference (lowering)

A phase used as a value, or a reference part that is not `output`, `secrets`
or `configmaps`; BP2029 is reported first.

```text
command: ["echo", dump]
```

Fix: read a value of the phase.

```text
command: ["echo", dump.output.path]
```

### BP3012: bad option

`option(name)` and `option(name, default: text)` take constant strings; a
default only works as an argument's whole value (it becomes Kanister's
`{{ if .Options.x }}...{{ else }}default{{ end }}` idiom).

```text
let image = option(name, default: "busybox")
```

Fix: constant strings.

```text
let image = option("image", default: "busybox")
```

## Kanister YAML (BP4xxx)

These come from `bpc lint FILE.yaml` and `bpc import`.

### BP4001: invalid YAML

libyaml refuses the file; the message is libyaml's.

```yaml
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: demo
```

Fix: correct the YAML.

```yaml
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: demo}
actions: {}
```

### BP4002: not a Kanister Blueprint

The document is not a mapping with `kind: Blueprint`.

```yaml
apiVersion: v1
kind: ConfigMap
metadata: {name: demo}
```

Fix: lint blueprints only.

```yaml
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
metadata: {name: demo}
actions: {}
```

### BP4003: unsupported field

`bpc import` met a field it cannot express in `.bp`.

```text
actions:
  backup:
    futureField: x
```

Fix: remove the field, or write that part of the blueprint in YAML.

```text
actions:
  backup:
    phases: [...]
```

### BP4005: bad blueprint shape

The blueprint's structure is not what Kanister decodes: `actions` not a
mapping, an action not a mapping, no `metadata.name`.

```text
actions: [backup]
```

Fix: `actions` maps action names to actions.

```text
actions:
  backup:
    phases: [...]
```

### BP4006: YAML could not be written

An internal error of the emitter (libyaml refused an event). Please report
it with the `.bp` file.

```text
internal error: libyaml could not emit: ...
```

Fix: none on your side; report the bug.

```text
bpc compile x.bp -o x.yaml
```

## Plans (BP5xxx)

### BP4007: an object that is not a Blueprint is skipped

A note: a YAML stream or `kind: List` holds an object of another kind (a
ConfigMap, an ActionSet); bpc checks and imports Blueprints only.

```text
apiVersion: v1
kind: ConfigMap
metadata: { name: settings }
---
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
...
```

Fix: none needed; keep only Blueprints in the file to silence it.

```text
apiVersion: cr.kanister.io/v1alpha1
kind: Blueprint
...
```

### BP4008: several Blueprints where one is expected

The one-Blueprint import (the library's `importBlueprint`) refuses a file
that holds several and lists them; `bpc import -o DIR/` writes one `.bp` per
Blueprint, and `--blueprint NAME` imports one.

```text
bpc import two.yaml -o one.bp
bpc: two.yaml holds 2 Blueprints ('a', 'b'): give -o DIR/ to write one .bp per Blueprint, or --blueprint NAME to import one
```

Fix: import to a directory, or choose one.

```text
bpc import two.yaml -o blueprints/
```

### BP4010: the idiomatic import fell back to the literal form

`bpc import` checks that its idiomatic `.bp` compiles to the same YAML bytes
as the literal form. When it does not (a bpc bug), it writes the literal form
and warns; the result is still correct.

```text
bpc import odd.yaml -o odd.bp
warning[BP4010]: the idiomatic import does not compile to the same YAML; wrote the literal form
```

Fix: none needed; `--literal` asks for that form directly. Please report the
input.

```text
bpc import odd.yaml --literal -o odd.bp
```

### BP4051: not an ActionSet

`bpc actionset --rollback-of` and `--artifacts-from` read a Kanister
ActionSet (`kind: ActionSet`, or a `kind: List` holding exactly one); the
file is not valid YAML or not one.

```text
bpc actionset pg.bp --rollback-of blueprint.yaml
blueprint.yaml:2:7: error[BP4051]: expected a Kanister ActionSet (kind: ActionSet), found kind: Blueprint
```

Fix: give the ActionSet as `kubectl get actionset NAME -o yaml` prints it.

```text
kubectl get actionset backup-x7k2p -n kanister -o yaml > failed.yaml
```

### BP5001: plan cycle

The phases of an action depend on each other in a circle (through data
references, `undo` and `finally` edges); the notes show each edge.

```text
phase a: ... reads b.output.k   # with b reading a, through undo and data edges
```

Fix: break one of the edges.

```text
phase a: ...
phase b: ... reads a.output.k
```

### BP5002: undo target (plan)

The plan's copy of BP2017: `undo NAME` names no phase of the action.

```text
phase a: KubeTask { ... } undo nothing
```

Fix: name a later phase.

```text
phase a: KubeTask { ... } undo b
```

### BP5003: duplicate plan node

Two nodes of one action's plan with one name, such as a phase named like
another phase's inline compensation `<phase>-undo`; BP2005 usually comes first.

```text
phase a: KubeTask { ... } undo KubeTask { ... }
phase "a-undo": KubeTask { ... }
```

Fix: rename one (or name the compensation: `undo restore: KubeTask { ... }`).

```text
phase a: KubeTask { ... } undo restoreA: KubeTask { ... }
phase "a-undo": KubeTask { ... }
```

### BP5004: nested undo

A compensation has no compensation of its own. The grammar does not let an
inline compensation take clauses, so this guards plans built otherwise.

```text
phase a: KubeTask { ... } undo b: KubeTask { ... } undo c
```

Fix: give the undo to the phase.

```text
phase a: KubeTask { ... } undo b: KubeTask { ... }
```

### BP5005: bad runtime clause (plan)

The plan's copy of BP2024.

```text
phase a: KubeTask { ... } retry -1
```

Fix: a whole number of retries, a duration.

```text
phase a: KubeTask { ... } retry 1 timeout 10m
```

### BP5006: rollback phase name taken

The rollback action of `A` names its phases `<compensation>` and
`<phase>-rollback` (see [Rollback actions](#rollback-actions)); one of those
names is already a phase.

```bp
blueprint demo

action backup {
  phase scaleDown: ScaleWorkload { replicas: 0 } undo scaleUp
  phase scaleUp: ScaleWorkload { replicas: 1 }
}

action restore {
  phase "scaleUp-rollback": KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: rename the phase.

```bp
blueprint demo

action backup {
  phase scaleDown: ScaleWorkload { replicas: 0 } undo scaleUp
  phase scaleUp: ScaleWorkload { replicas: 1 }
}

action restore {
  phase prepare: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP5007: compensation left out of the rollback action

A compensation reads something no ActionSet option can carry into
`A-rollback` (`.DeferPhase`, a phase's whole output map), so it is left out of
the YAML; `bpc run` still runs it. A warning.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output k 1"] } undo KubeTask { image: "busybox", command: ["echo", "{{ .Phases.dump.Output }}"] }
  phase upload: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: read single keys, which become options.

```bp
blueprint demo

action backup {
  phase dump: KubeTask { image: "busybox", command: ["sh", "-c", "kando output k 1"] } undo KubeTask { image: "busybox", command: ["echo", dump.output.k] }
  phase upload: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP5008: rollback action name taken

The compensations of action `A` go to an action `A-rollback`, and the
blueprint already has one.

```bp
blueprint demo

action backup {
  phase scaleDown: ScaleWorkload { replicas: 0 } undo ScaleWorkload { replicas: 1 }
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}

action "backup-rollback" {
  phase other: KubeTask { image: "busybox", command: ["true"] }
}
```

Fix: rename that action.

```bp
blueprint demo

action backup {
  phase scaleDown: ScaleWorkload { replicas: 0 } undo ScaleWorkload { replicas: 1 }
  phase dump: KubeTask { image: "busybox", command: ["true"] }
}

action cleanup {
  phase other: KubeTask { image: "busybox", command: ["true"] }
}
```

### BP5101: plan version

A `.plan.json` is read only at its own `formatVersion`; recompile the
source with this bpc.

```text
bpc run old.plan.json ...       # written by another bpc version
```

Fix: write the plan again.

```text
bpc compile x.bp --emit plan -o x.plan.json
```

### BP5102: corrupt plan

A `.plan.json` that is not a plan (damaged, edited, truncated).

```text
bpc plan damaged.plan.json
```

Fix: write the plan again from its source.

```text
bpc compile x.bp --emit plan -o x.plan.json
```
"""####
}
