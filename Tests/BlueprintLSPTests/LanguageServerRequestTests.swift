// Hover, completion, definition, references, rename, document symbols,
// formatting and code actions, each through the scripted client.

import BlueprintLSP
import BlueprintSyntax
import Testing

@Suite struct LanguageServerHoverTests {
    let client = LSPTestClient()

    init() { client.open(Fixture.uri, Fixture.source) }

    func hover(_ needle: String, shift: Int = 1, occurrence: Int = 0) -> String {
        let (line, character) = LSPTestClient.locate(needle, in: Fixture.source, shift: shift, occurrence: occurrence)
        return client.at("textDocument/hover", Fixture.uri, line, character)["result"]?["contents"]?["value"]?.stringValue ?? ""
    }

    @Test func functionDocumentationWithArguments() {
        let text = hover("KubeTask")
        #expect(text.contains("**KubeTask**"))
        #expect(text.contains("`image`: a string, required"))
        #expect(text.contains("`command`: a list of strings, required"))
    }

    @Test func argumentType() {
        #expect(hover("image: image").contains("argument of **KubeTask**: `image`: a string, required"))
        #expect(hover("namespace:").contains("`namespace`: a string, optional"))
    }

    @Test func letValue() {
        #expect(hover("image: image", shift: 8).contains("let image = \"busybox:1.36\""))
    }

    @Test func phaseOutputsAndAnOutputKey() {
        #expect(hover("dump.output.dumpPath", shift: 1).contains("Outputs: `dumpPath`"))
        #expect(hover("dump.output.dumpPath", shift: 14).contains("output `dumpPath` of phase `dump` (KubeTask): a string"))
    }

    @Test func templateReferenceToAPhase() {
        let text = hover(".Phases.dump.Output.dumpPath", shift: 9)
        #expect(text.contains("phase dump"))
        #expect(text.contains("`dumpPath`"))
    }

    @Test func templateParameterField() {
        #expect(hover("StatefulSet.Namespace", shift: 14).contains("template parameter `StatefulSet.Namespace`: `string`"))
        #expect(hover("StatefulSet.Namespace", shift: 2).contains("StatefulSet"))
    }

    @Test func artifactKeys() {
        #expect(hover("input snap", shift: 7).contains("keyValue keys path"))
        #expect(hover("snap.KeyValue.path", shift: 15).contains("key `path` of input artifact `snap`"))
    }

    @Test func diagnosticCodeAndExplanation() {
        let text = Fixture.source.replacingFirst("image: image\n    command: [", with: "image: imag\n    command: [")
        let other = LSPTestClient()
        other.open(Fixture.uri, text)
        let (line, character) = LSPTestClient.locate("imag\n", in: text, shift: 2)
        let value = other.at("textDocument/hover", Fixture.uri, line, character)["result"]?["contents"]?["value"]?.stringValue ?? ""
        #expect(value.contains("**BP2020** error: unknown name 'imag'"))
        #expect(value.contains("EXPLAINED"))
    }

    @Test func nothingToSayIsNull() {
        #expect(client.at("textDocument/hover", Fixture.uri, 1, 0)["result"] == .null)
    }
}

@Suite struct LanguageServerCompletionTests {
    func labels(_ text: String, at needle: String, shift: Int, occurrence: Int = 0) -> [String] {
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        let (line, character) = LSPTestClient.locate(needle, in: text, shift: shift, occurrence: occurrence)
        let result = client.at("textDocument/completion", Fixture.uri, line, character)["result"]
        return result?["items"]?.arrayValue?.compactMap { $0["label"]?.stringValue } ?? []
    }

    @Test func functionNamesAfterPhaseColon() {
        let text = Fixture.source.replacingFirst("phase report: KubeTask {", with: "phase report: Kub\n  phase other: KubeTask {")
        let found = labels(text, at: "phase report: Kub", shift: 17)
        #expect(found.contains("KubeTask"))
        #expect(found.contains("KubeExec"))
        #expect(!found.contains("BackupData"))
    }

    @Test func argumentsRequiredFirstGivenOnesLeftOut() {
        // An unfinished phase: the body is open and the file does not parse.
        let text = "blueprint demo\naction backup on StatefulSet {\n  phase dump: KubeTask {\n    namespace: \"x\"\n    \n"
        let found = labels(text, at: "    \n", shift: 4)
        #expect(!found.contains("namespace"))
        #expect(found.prefix(2).sorted() == ["command", "image"])
        #expect(found.contains("podOverride"))
        let image = found.firstIndex(of: "image") ?? 99
        let optional = found.firstIndex(of: "podOverride") ?? -1
        #expect(image < optional)
    }

    @Test func clausesAfterAPhaseCall() {
        let text = "blueprint demo\naction backup on StatefulSet {\n  phase dump: KubeTask { image: \"x\", command: [\"true\"] } \n}\n"
        #expect(labels(text, at: "] } ", shift: 4).sorted() == ["retry", "timeout", "undo", "unnamed", "when"])
        let typed = text.replacingFirst("] } \n", with: "] } ret\n")
        #expect(labels(typed, at: "] } ret", shift: 7) == ["retry"])
        // The clauses already given are not offered again; undo may repeat.
        let retried = text.replacingFirst("] } \n", with: "] } retry 3 \n")
        #expect(labels(retried, at: "retry 3 ", shift: 8).sorted() == ["timeout", "undo", "unnamed", "when"])
        // After a def called bare; a phase named like a clause is not one.
        let bare = "blueprint demo\ndef task = KubeTask { image: \"x\", command: [\"true\"] }\naction backup on StatefulSet {\n  phase retry: task \n}\n"
        #expect(labels(bare, at: "retry: task ", shift: 12).sorted() == ["retry", "timeout", "undo", "unnamed", "when"])
        // After an inline undo's body: a clause; inside it: not.
        let undone = text.replacingFirst("] } \n", with: "] } undo KubeTask { image: \"x\" } \n")
        #expect(labels(undone, at: "image: \"x\" } ", shift: 14).sorted() == ["retry", "timeout", "undo", "unnamed", "when"])
        #expect(!labels(undone, at: "undo KubeTask { ", shift: 16).contains("retry"))
        // Inside the call's body or parentheses: not a clause.
        let open = text.replacingFirst("command: [\"true\"] } \n", with: "command: [\"true\"] \n")
        #expect(!labels(open, at: "[\"true\"] ", shift: 10).contains("retry"))
        // On a line of its own in the action body: an item, not a clause.
        let below = text.replacingFirst("] } \n", with: "] }\n  \n")
        let items = labels(below, at: "  \n}", shift: 2)
        #expect(items.contains("phase") && !items.contains("retry"))
    }

    @Test func phaseOutputKeys() {
        let text = Fixture.source.replacingFirst("path: dump.output.dumpPath", with: "path: dump.output.")
        #expect(labels(text, at: "path: dump.output.", shift: 18) == ["dumpPath"])
    }

    @Test func phaseMembers() {
        let text = Fixture.source.replacingFirst("path: dump.output.dumpPath", with: "path: dump.")
        #expect(labels(text, at: "path: dump.", shift: 11) == ["output", "secrets"])
    }

    @Test func artifactKeys() {
        let text = Fixture.source.replacingFirst("snap.KeyValue.path", with: "snap.KeyValue.")
        #expect(labels(text, at: "snap.KeyValue.", shift: 14) == ["path"])
    }

    @Test func letAndTemplateNamesInValuePosition() {
        let text = Fixture.source.replacingFirst("image: image\n    command: [", with: "image: im\n    command: [")
        #expect(labels(text, at: "image: im\n", shift: 9).contains("image"))
    }

    @Test func templateParametersAndSprigInsideInterpolation() {
        // The editor closed the parenthesis as it was typed.
        let text = Fixture.source.replacingFirst("echo \\(snap.KeyValue.path)", with: "echo \\()")
        let found = labels(text, at: "echo \\()", shift: 7)
        #expect(found.contains("StatefulSet"))
        #expect(found.contains("toJson"))
        #expect(found.contains("snap"))
        let fields = labels(text.replacingFirst("echo \\()", with: "echo \\(StatefulSet.)"), at: "echo \\(StatefulSet.", shift: 19)
        #expect(fields.contains("Name"))
        #expect(fields.contains("Namespace"))
    }

    @Test func goTemplateFieldsAndFunctions() {
        let text = Fixture.source.replacingFirst("{{ .Phases.dump.Output.dumpPath }}", with: "{{ .Phases.dump.Output. }}")
        #expect(labels(text, at: "{{ .Phases.dump.Output.", shift: 23) == ["dumpPath"])
        let phases = Fixture.source.replacingFirst("{{ .Phases.dump.Output.dumpPath }}", with: "{{ .Phases. }}")
        #expect(labels(phases, at: "{{ .Phases.", shift: 11) == ["dump", "report"])
        let functions = Fixture.source.replacingFirst("{{ .Phases.dump.Output.dumpPath }}", with: "{{ toJ }}")
        #expect(labels(functions, at: "{{ toJ", shift: 6).contains("toJson"))
    }
}

@Suite struct LanguageServerNavigationTests {
    let client = LSPTestClient()

    init() { client.open(Fixture.uri, Fixture.source) }

    func position(_ needle: String, shift: Int = 1, occurrence: Int = 0) -> (Int, Int) {
        LSPTestClient.locate(needle, in: Fixture.source, shift: shift, occurrence: occurrence)
    }

    @Test func definitionOfALet() {
        let (line, character) = position("image: image", shift: 9)
        let result = client.at("textDocument/definition", Fixture.uri, line, character)["result"]
        #expect(result?["uri"]?.stringValue == Fixture.uri)
        #expect(result?["range"]?["start"]?["line"]?.intValue == position("let image").0)
        #expect(result?["range"]?["start"]?["character"]?.intValue == 4)
    }

    @Test func definitionOfAPhaseFromATemplate() {
        let (line, character) = position(".Phases.dump", shift: 9)
        let result = client.at("textDocument/definition", Fixture.uri, line, character)["result"]
        #expect(result?["range"]?["start"]?["line"]?.intValue == position("phase dump").0)
    }

    @Test func definitionOfAnInputIsTheOutput() {
        let (line, character) = position("input snap", shift: 7)
        let result = client.at("textDocument/definition", Fixture.uri, line, character)["result"]
        #expect(result?["range"]?["start"]?["line"]?.intValue == position("output snap").0)
    }

    @Test func referencesIncludeTemplatesAndInterpolations() {
        let (line, character) = position("phase dump", shift: 7)
        let result = client.at("textDocument/references", Fixture.uri, line, character, extra: #", "context": {"includeDeclaration": true}"#)
        let lines = result["result"]?.arrayValue?.compactMap { $0["range"]?["start"]?["line"]?.intValue } ?? []
        // The declaration, `path: dump.output...`, the template and the interpolation on one line.
        #expect(lines.count == 4)
        #expect(lines.contains(position(".Phases.dump").0))
        #expect(lines.filter { $0 == position(".Phases.dump").0 }.count == 2)
    }

    @Test func renameAPhaseRewritesTemplates() {
        let (line, character) = position("phase dump", shift: 8)
        let prepared = client.at("textDocument/prepareRename", Fixture.uri, line, character)["result"]
        #expect(prepared?["placeholder"]?.stringValue == "dump")
        let result = client.at("textDocument/rename", Fixture.uri, line, character, extra: #", "newName": "export""#)["result"]
        let edits = result?["changes"]?[Fixture.uri]?.arrayValue ?? []
        #expect(edits.count == 4)
        let renamed = LSPTestClient.apply(edits, to: Fixture.source)
        #expect(renamed.contains("{{ .Phases.export.Output.dumpPath }}"))
        #expect(renamed.contains("\\(export.output.dumpPath)"))
        #expect(renamed.contains("phase export: KubeTask"))
        #expect(!renamed.contains("dump.output"))
        #expect(Fixture.pipelineDiagnostics(renamed).isEmpty)
    }

    @Test func renameRejectsBadNamesAndNonSymbols() {
        let (line, character) = position("phase dump", shift: 8)
        let bad = client.at("textDocument/rename", Fixture.uri, line, character, extra: #", "newName": "my-phase""#)
        #expect(bad["error"]?["code"]?.intValue == -32602)
        let (keyword, at) = position("blueprint demo", shift: 2)
        #expect(client.at("textDocument/prepareRename", Fixture.uri, keyword, at)["result"] == .null)
    }

    @Test func renameALet() {
        let (line, character) = position("let image", shift: 5)
        let result = client.at("textDocument/rename", Fixture.uri, line, character, extra: #", "newName": "toolImage""#)["result"]
        let renamed = LSPTestClient.apply(result?["changes"]?[Fixture.uri]?.arrayValue ?? [], to: Fixture.source)
        #expect(renamed.components(separatedBy: "toolImage").count == 5)
        #expect(Fixture.pipelineDiagnostics(renamed).isEmpty)
    }

    @Test func documentSymbols() {
        let result = client.request("textDocument/documentSymbol", #"{"textDocument": {"uri": "\#(Fixture.uri)"}}"#)["result"]
        let names = result?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        #expect(names == ["demo", "image", "backup", "restore"])
        let backup = result?.arrayValue?.first { $0["name"]?.stringValue == "backup" }
        #expect(backup?["children"]?.arrayValue?.compactMap { $0["name"]?.stringValue } == ["snap", "dump", "report"])
    }
}

@Suite struct LanguageServerEditingTests {
    @Test func formattingIsBpcFmt() {
        let messy = "blueprint   demo\nlet    x =   1\n"
        let client = LSPTestClient()
        client.open(Fixture.uri, messy)
        let result = client.request(
            "textDocument/formatting", #"{"textDocument": {"uri": "\#(Fixture.uri)"}, "options": {"tabSize": 2, "insertSpaces": true}}"#)
        let edits = result["result"]?.arrayValue ?? []
        #expect(edits.count == 1)
        #expect(LSPTestClient.apply(edits, to: messy) == SourceFormatter.format(SourceFile(path: "x.bp", text: messy)).text)
        let clean = LSPTestClient()
        clean.open(Fixture.uri, Fixture.source)
        let none = clean.request("textDocument/formatting", #"{"textDocument": {"uri": "\#(Fixture.uri)"}, "options": {"tabSize": 2, "insertSpaces": true}}"#)
        #expect(none["result"] == .array([]))
    }

    @Test func formattingABrokenFileFails() {
        let client = LSPTestClient()
        client.open(Fixture.uri, "blueprint demo\naction x {\n")
        let result = client.request("textDocument/formatting", #"{"textDocument": {"uri": "\#(Fixture.uri)"}, "options": {}}"#)
        #expect(result["error"]?["code"]?.intValue == -32803)
    }

    @Test func codeActionDidYouMean() {
        let text = Fixture.source.replacingFirst("image: image\n    command: [", with: "image: imag\n    command: [")
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        let (line, character) = LSPTestClient.locate("imag\n", in: text)
        let range = #"{"start": \#(LSPTestClient.position(line, character)), "end": \#(LSPTestClient.position(line, character))}"#
        let result = client.request(
            "textDocument/codeAction", #"{"textDocument": {"uri": "\#(Fixture.uri)"}, "range": \#(range), "context": {"diagnostics": []}}"#)
        let action = result["result"]?.arrayValue?.first
        #expect(action?["title"]?.stringValue == "Replace 'imag' with 'image' (BP2020)")
        #expect(action?["diagnostics"]?.arrayValue?.first?["code"]?.stringValue == "BP2020")
        let fixed = LSPTestClient.apply(action?["edit"]?["changes"]?[Fixture.uri]?.arrayValue ?? [], to: text)
        #expect(fixed == Fixture.source)
        // Elsewhere in the file there is nothing to fix.
        let none = client.request(
            "textDocument/codeAction",
            #"{"textDocument": {"uri": "\#(Fixture.uri)"}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}, "context": {"diagnostics": []}}"#
        )
        #expect(none["result"] == .array([]))
    }

    @Test func codeActionAppliesAFixIt() {
        let text = """
            blueprint demo
            action backup on StatefulSet {
              phase save: BackupData {
                namespace: "ns"
                pod: "p"
                container: "c"
                includePath: "/data"
                backupArtifactPrefix: "b"
                insecureTLS: "yes"
              }
            }

            """
        let client = LSPTestClient()
        client.open(Fixture.uri, text)
        let (line, character) = LSPTestClient.locate("\"yes\"", in: text)
        let range = #"{"start": \#(LSPTestClient.position(line, character)), "end": \#(LSPTestClient.position(line, character + 5))}"#
        let result = client.request(
            "textDocument/codeAction", #"{"textDocument": {"uri": "\#(Fixture.uri)"}, "range": \#(range), "context": {"diagnostics": []}}"#)
        let action = result["result"]?.arrayValue?.first
        #expect(action?["kind"]?.stringValue == "quickfix")
        #expect(action?["title"]?.stringValue?.contains("with 'true'") == true)
        let fixed = LSPTestClient.apply(action?["edit"]?["changes"]?[Fixture.uri]?.arrayValue ?? [], to: text)
        #expect(fixed.contains("insecureTLS: true"))
        #expect(Fixture.pipelineDiagnostics(fixed).filter { $0.severity == .error }.isEmpty)
    }
}

extension String {
    func components(separatedBy separator: String) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.range(of: separator) {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}
