// Unit tests of the Go template parser: the tree built for each construct, ranges,
// trim markers, literals, and the verdict and message for the hand-written cases.

import Testing

@testable import BlueprintSema

/// Parses or records a failure; returns the top-level nodes.
func parseNodes(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [GoTemplateNode] {
    let result = GoTemplate.parse(text)
    #expect(result.error == nil, "\(result.error?.description ?? "")", sourceLocation: sourceLocation)
    return result.tree?.nodes ?? []
}

/// The operands of the first command of the first action.
func firstOperands(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [GoTemplateOperand] {
    for node in parseNodes(text, sourceLocation: sourceLocation) {
        if case .action(let action) = node { return action.pipeline.commands.first?.operands ?? [] }
    }
    Issue.record("no action in \(text)", sourceLocation: sourceLocation)
    return []
}

func onlyControl(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> GoTemplateControl? {
    for node in parseNodes(text, sourceLocation: sourceLocation) {
        if case .control(let control) = node { return control }
    }
    Issue.record("no control in \(text)", sourceLocation: sourceLocation)
    return nil
}

@Suite("Go template parser")
struct GoTemplateParserTests {
    @Test(arguments: GoTemplateCases.all)
    func verdictAndMessage(_ testCase: TemplateCase) {
        let result = GoTemplate.parse(testCase.text)
        #expect(result.isSuccess == testCase.isValid, "\(result.error?.description ?? "ok")")
        if let message = testCase.message {
            #expect(result.error?.message.contains(message) == true, "\(result.error?.message ?? "ok")")
        }
    }

    @Test func textAndAction() {
        let nodes = parseNodes("a{{.B}}c")
        let tag = GoTemplateTag(range: 1..<7)
        let field = GoTemplateField(names: ["B"], nameRanges: [3..<5], range: 3..<5)
        let pipeline = GoTemplatePipeline(
            declarations: [], isAssignment: false,
            commands: [GoTemplateCommand(operands: [.field(field)], range: 3..<5)], range: 3..<5)
        #expect(
            nodes == [
                .text(GoTemplateText(range: 0..<1, value: "a")),
                .action(GoTemplateAction(tag: tag, pipeline: pipeline)),
                .text(GoTemplateText(range: 7..<8, value: "c")),
            ])
    }

    @Test func trimMarkersRemoveSurroundingSpace() {
        let nodes = parseNodes("a  {{- .B -}}  c")
        #expect(nodes.count == 3)
        #expect(nodes.first == .text(GoTemplateText(range: 0..<1, value: "a")))
        #expect(nodes.last == .text(GoTemplateText(range: 15..<16, value: "c")))
        guard case .action(let action) = nodes[1] else {
            Issue.record("expected an action")
            return
        }
        #expect(action.tag == GoTemplateTag(range: 3..<13, trimsBefore: true, trimsAfter: true))
    }

    @Test(arguments: [
        ("{{-3}}", "-3", false, false),
        ("{{- 3}}", "3", true, false),
        ("{{3 -}}", "3", false, true),
        ("{{3-}}", "3-", false, false),
    ])
    func trimMarkerNeedsASpace(text: String, number: String, trimsBefore: Bool, trimsAfter: Bool) {
        let result = GoTemplate.parse(text)
        guard case .action(let action) = result.tree?.nodes.first else {
            #expect(number == "3-", "only the malformed case may fail: \(result.error?.description ?? "")")
            return
        }
        #expect(action.tag.trimsBefore == trimsBefore)
        #expect(action.tag.trimsAfter == trimsAfter)
        guard case .number(let literal) = action.pipeline.commands.first?.operands.first else {
            Issue.record("expected a number")
            return
        }
        #expect(literal.text == number)
    }

    @Test func comment() {
        let nodes = parseNodes("x {{- /* note */ -}} y")
        #expect(nodes.count == 3)
        let tag = GoTemplateTag(range: 2..<20, trimsBefore: true, trimsAfter: true)
        #expect(nodes[1] == .comment(GoTemplateComment(tag: tag, text: " note ")))
        #expect(nodes[2] == .text(GoTemplateText(range: 21..<22, value: "y")))
    }

    @Test func ifElseIfElse() throws {
        let control = try #require(onlyControl("{{if .A}}a{{else if .B}}b{{else}}c{{end}}"))
        #expect(control.kind == .if)
        #expect(control.open.range == 0..<9)
        #expect(control.end.range == 34..<41)
        #expect(control.range == 0..<41)
        #expect(control.body == [.text(GoTemplateText(range: 9..<10, value: "a"))])
        let elseClause = try #require(control.elseClause)
        guard case .control(let nested) = elseClause.body.first else {
            Issue.record("else if is a nested if")
            return
        }
        #expect(elseClause.tag.range == 10..<24)
        #expect(nested.isElseChain)
        #expect(nested.open.range == 10..<24)
        #expect(nested.end == control.end)
        #expect(nested.elseClause?.tag.range == 25..<33)
        #expect(nested.elseClause?.body == [.text(GoTemplateText(range: 33..<34, value: "c"))])
    }

    @Test func rangeWithDeclarationsAndElse() throws {
        let control = try #require(onlyControl("{{range $i, $e := .Pods}}{{$e}}{{break}}{{else}}none{{end}}"))
        #expect(control.kind == .range)
        #expect(control.pipeline.declarations.map(\.name) == ["$i", "$e"])
        #expect(control.pipeline.declarations.map(\.range) == [8..<10, 12..<14])
        #expect(control.pipeline.isAssignment == false)
        #expect(control.body.count == 2)
        #expect(control.body.last == .breakLoop(GoTemplateTag(range: 31..<40)))
        #expect(control.elseClause?.body == [.text(GoTemplateText(range: 48..<52, value: "none"))])
    }

    @Test func withAndElseWithWhenAllowed() throws {
        let text = "{{with .A}}a{{else with .B}}b{{end}}"
        #expect(GoTemplate.parse(text).error?.message == "unexpected <with> in else")
        let result = GoTemplate.parse(text, options: GoTemplate.Options(allowsElseWith: true))
        guard case .control(let control) = result.tree?.nodes.first else {
            Issue.record("\(result.error?.description ?? "no control")")
            return
        }
        #expect(control.kind == .with)
        guard case .control(let nested) = control.elseClause?.body.first else {
            Issue.record("else with is a nested with")
            return
        }
        #expect(nested.kind == .with && nested.isElseChain)
    }

    @Test func defineTemplateAndBlock() {
        let nodes = parseNodes(#"{{define "a"}}A{{end}}{{template "a" .X}}{{block `b` .}}B{{end}}"#)
        #expect(nodes.count == 3)
        guard case .define(let define) = nodes[0], case .templateCall(let call) = nodes[1],
            case .block(let block) = nodes[2]
        else {
            Issue.record("unexpected nodes \(nodes)")
            return
        }
        #expect(define.name == GoTemplateStringLiteral(value: "a", isRaw: false, range: 9..<12))
        #expect(define.body == [.text(GoTemplateText(range: 14..<15, value: "A"))])
        #expect(define.range == 0..<22)
        #expect(call.name.value == "a")
        #expect(call.pipeline?.commands.count == 1)
        #expect(block.name == GoTemplateStringLiteral(value: "b", isRaw: true, range: 49..<52))
        #expect(block.body.count == 1)
    }

    @Test func pipelineWithDeclarationAndStages() throws {
        let nodes = parseNodes("{{ $x := .A | upper | printf \"%s\" }}")
        guard case .action(let action) = nodes.first else {
            Issue.record("expected an action")
            return
        }
        let pipeline = action.pipeline
        #expect(pipeline.declarations == [GoTemplateVariable(name: "$x", range: 3..<5)])
        #expect(pipeline.isAssignment == false)
        #expect(pipeline.commands.count == 3)
        #expect(pipeline.commands.map(\.range) == [9..<11, 14..<19, 22..<33])
        #expect(pipeline.range == 3..<33)
        let assignment = parseNodes("{{ $x := 1 }}{{ $x = 2 }}")
        guard case .action(let second) = assignment.last else { return }
        #expect(second.pipeline.isAssignment)
    }

    @Test func chainsVariablesAndFields() {
        let chained = firstOperands("{{ (index .A 0).B.C }}")
        guard case .chain(let chain) = chained.first, case .parenthesized(let base) = chain.base else {
            Issue.record("expected a chain on a parenthesised pipeline: \(chained)")
            return
        }
        #expect(chain.fields == ["B", "C"])
        #expect(chain.fieldRanges == [15..<17, 17..<19])
        #expect(base.range == 3..<15)
        #expect(chain.range == 3..<19)
        #expect(
            firstOperands("{{ $.A.B }}")
                == [
                    .variable(
                        GoTemplateVariable(name: "$", fields: ["A", "B"], fieldRanges: [4..<6, 6..<8], range: 3..<8))
                ])
        #expect(
            firstOperands("{{ .Phases.dump.Output.key }}")
                == [
                    .field(
                        GoTemplateField(
                            names: ["Phases", "dump", "Output", "key"],
                            nameRanges: [3..<10, 10..<15, 15..<22, 22..<26], range: 3..<26))
                ])
        guard case .chain(let functionChain) = firstOperands("{{ upper.X }}").first else {
            Issue.record("fn.X is a chain")
            return
        }
        #expect(functionChain.base == .identifier(GoTemplateIdentifier(name: "upper", range: 3..<8)))
    }

    @Test(arguments: [
        (#"{{ "a\tb\u00e9\x41\101\"" }}"#, "a\tbéAA\"", false),
        ("{{ `raw \\n {{ }}` }}", "raw \\n {{ }}", true),
        ("{{ `a\r\nb` }}", "a\nb", true),
        (#"{{ "" }}"#, "", false),
    ])
    func strings(text: String, value: String, isRaw: Bool) {
        guard case .string(let literal) = firstOperands(text).first else {
            Issue.record("expected a string")
            return
        }
        #expect(literal.value == value)
        #expect(literal.isRaw == isRaw)
    }

    @Test(arguments: [
        ("42", GoTemplateNumber.Kind.integer), ("-7", .integer), ("0x1F", .integer), ("0o17", .integer),
        ("0b101", .integer), ("017", .integer), ("1_000", .integer), ("18446744073709551615", .integer),
        ("1.5", .float), (".5", .float), ("1e3", .float), ("0x1p-2", .float), ("1_0.5", .float),
        ("2i", .imaginary), ("1.5i", .imaginary), ("1+2i", .complex), ("1e3-2.5i", .complex),
        ("'a'", .character), (#"'\n'"#, .character), (#"'\u00e9'"#, .character), ("'é'", .character),
    ])
    func numbers(spelling: String, kind: GoTemplateNumber.Kind) {
        let text = "{{ \(spelling) }}"
        #expect(
            firstOperands(text)
                == [.number(GoTemplateNumber(text: spelling, kind: kind, range: 3..<(3 + spelling.utf8.count)))])
    }

    @Test func boolsAndNil() {
        #expect(
            firstOperands("{{ print true false nil }}").dropFirst()
                == [
                    .bool(GoTemplateBool(value: true, range: 9..<13)),
                    .bool(GoTemplateBool(value: false, range: 14..<19)), .nilValue(20..<23),
                ])
    }

    @Test(arguments: [
        ("{{ foo }}", 3, 1, "function \"foo\" not defined"),
        ("ab\n{{ .A\n| bar }}", 11, 3, "function \"bar\" not defined"),
        ("{{ if . }}x", 11, 1, "unexpected EOF"),
        ("x\n{{ end }}", 2, 2, "unexpected {{end}}"),
        ("{{ $y }}", 3, 1, "undefined variable \"$y\""),
        ("{{ \"abc }}", 3, 1, "unterminated quoted string"),
        ("{{ .A\n\n", 7, 3, "unclosed action started at config:1"),
    ])
    func errorPositions(text: String, offset: Int, line: Int, message: String) throws {
        let error = try #require(GoTemplate.parse(text).error)
        #expect(error.offset == offset)
        #expect(error.line == line)
        #expect(error.message == message)
        #expect(error.description == "template: config:\(line): \(message)")
    }

    @Test func v3OnlyFunctionHasHint() throws {
        let error = try #require(GoTemplate.parse("{{ dig \"a\" . }}").error)
        #expect(error.message == "function \"dig\" not defined")
        #expect(error.hint == "dig is sprig v3 only; Kanister pins sprig v2")
        #expect(GoTemplate.parse("{{ nosuch }}").error?.hint == nil)
    }

    @Test func customFunctionMapAndName() throws {
        #expect(GoTemplate.parse("{{ exists .a }}", functions: ["exists"]).isSuccess)
        #expect(GoTemplate.parse("{{ upper .a }}", functions: ["exists"]).isSuccess == false)
        let error = try #require(GoTemplate.parse("{{ nope }}", functions: [], name: "output").error)
        #expect(error.description == "template: output:1: function \"nope\" not defined")
        // A function map defining `break` turns the keyword into an identifier, as in Go.
        #expect(GoTemplate.parse("{{ break }}", functions: ["break"]).isSuccess)
    }

    @Test func nestingLimitGuardsTheStack() {
        let deep = String(repeating: "(", count: 150) + "1" + String(repeating: ")", count: 150)
        #expect(GoTemplate.parse("{{ print \(deep) }}").error?.message == "nesting deeper than 100 levels")
        let shallow = String(repeating: "(", count: 90) + "1" + String(repeating: ")", count: 90)
        #expect(GoTemplate.parse("{{ print \(shallow) }}").isSuccess)
        let ifs = String(repeating: "{{if .}}", count: 90) + String(repeating: "{{end}}", count: 90)
        #expect(GoTemplate.parse(ifs).isSuccess)
        let options = GoTemplate.Options(maxNestingDepth: 1000)
        #expect(GoTemplate.parse("{{ print \(deep) }}", options: options).isSuccess)
    }
}
