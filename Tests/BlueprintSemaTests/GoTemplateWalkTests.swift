// Tests of the walk API: field chains with their scopes, variable bindings, function
// uses and `index` calls with constant keys.

import Testing

@testable import BlueprintSema

@Suite("Go template references")
struct GoTemplateWalkTests {
    func references(_ text: String) throws -> GoTemplateReferences {
        let tree = try #require(GoTemplate.parse(text).tree, "\(GoTemplate.parse(text).error?.description ?? "")")
        return tree.references()
    }

    @Test func fieldChainsWithRanges() throws {
        let refs = try references("{{ .Phases.dump.Output.key }} {{ toJson .Profile }}")
        #expect(refs.fields.map(\.path) == [["Phases", "dump", "Output", "key"], ["Profile"]])
        #expect(refs.fields.first?.range == 3..<26)
        #expect(refs.fields.first?.pathRanges == [3..<10, 10..<15, 15..<22, 22..<26])
        #expect(refs.fields.allSatisfy { $0.root == .dot && $0.scope == GoTemplateScope() })
    }

    @Test(arguments: [
        ("{{ index .X \"a\" \"b\" }}", ["X", "a", "b"], ["a", "b"]),
        (
            #"{{ index .Object.metadata.labels "app.kubernetes.io/instance" }}"#,
            ["Object", "metadata", "labels", "app.kubernetes.io/instance"], ["app.kubernetes.io/instance"]
        ),
        ("{{ index .X `raw` }}", ["X", "raw"], ["raw"]),
    ])
    func indexWithConstantKeys(text: String, path: [String], keys: [String]) throws {
        let call = try #require(try references(text).indexCalls.first)
        #expect(call.constantStringKeys == keys)
        #expect(call.path?.path == path)
        #expect(call.path?.hasIndexKeys == true)
        #expect(call.path?.pathRanges.count == path.count)
    }

    /// `index` paths take their place among the fields (a fuzz finding: they came last).
    @Test func rootReferencesAreInSourceOrder() throws {
        let tree = try #require(GoTemplate.parse(#"{{.A}}{{index .B "k"}}{{.C}} {{index .F}}{{.p}}"#).tree)
        #expect(tree.rootReferences.map { $0.path.joined(separator: ".") } == ["A", "B.k", "C", "F", "p"])
        #expect(tree.rootReferences.map { $0.ranges[0].lowerBound } == [2, 14, 24, 37, 43])
    }

    @Test func indexWithDynamicOrNumericKeys() throws {
        let refs = try references("{{ index .Pods 0 }}{{ index .M .K }}{{ index (.A) \"k\" }}")
        #expect(refs.indexCalls.count == 3)
        #expect(refs.indexCalls[0].constantStringKeys == nil)
        #expect(refs.indexCalls[0].path == nil)
        #expect(refs.indexCalls[1].keys.count == 1)
        #expect(refs.indexCalls[2].constantStringKeys == ["k"])
        #expect(refs.indexCalls[2].path == nil)
        #expect(refs.fields.map(\.path) == [["Pods"], ["M"], ["K"], ["A"]])
    }

    @Test func functionUses() throws {
        let refs = try references("{{ .A | upper | replace \"-\" \"_\" }}{{ print (lower .B) now }}")
        #expect(refs.functions.map(\.name) == ["upper", "replace", "print", "lower", "now"])
        #expect(refs.functions.first?.range == 8..<13)
    }

    @Test func dotIsReboundByWithAndRange() throws {
        let text = "{{ with .A }}{{ .B }}{{ else }}{{ .C }}{{ end }}{{ range .Pods }}{{ .Name }}{{ end }}{{ .D }}"
        let refs = try references(text)
        let scopes = Dictionary(
            uniqueKeysWithValues: refs.fields.map { ($0.path.joined(separator: "."), $0.scope.dot) })
        #expect(scopes["A"] == .templateData)
        #expect(scopes["B"] == .withValue(pipeline: 8..<10))
        #expect(scopes["C"] == .templateData)
        #expect(scopes["Pods"] == .templateData)
        #expect(scopes["Name"] == .rangeElement(pipeline: 57..<62))
        #expect(scopes["D"] == .templateData)
    }

    @Test func variableBindings() throws {
        let text = "{{ $x := .A }}{{ $x.B }}{{ range $k, $v := .M }}{{ $k.C }}{{ $v.D }}{{ end }}{{ $.E }}"
        let refs = try references(text)
        let roots = refs.fields.map(\.root)
        #expect(roots.count == 6)
        #expect(roots[1] == .variable(name: "$x", binding: .value(declaration: 3..<5, pipeline: 3..<11)))
        #expect(roots[3] == .variable(name: "$k", binding: .rangeKey(declaration: 33..<35, pipeline: 33..<45)))
        #expect(roots[4] == .variable(name: "$v", binding: .rangeElement(declaration: 37..<39, pipeline: 33..<45)))
        #expect(refs.fields.last?.root == .variable(name: "$", binding: .templateData))
    }

    @Test func definitionsHaveTheirOwnScope() throws {
        let text = #"{{ define "t" }}{{ .X }}{{ $.Y }}{{ end }}{{ block "b" .Z }}{{ .W }}{{ end }}{{ (.P).Q }}"#
        let refs = try references(text)
        #expect(refs.fields.map(\.scope.template) == ["t", "t", nil, "b", nil, nil])
        #expect(refs.fields.map(\.path) == [["X"], ["Y"], ["Z"], ["W"], ["P"], ["Q"]])
        #expect(refs.fields.last?.root == .expression(80..<84))
    }

    @Test func variableDeclaredInControlEndsWithIt() throws {
        // Go rejects a later use; within the control the binding is visible.
        let refs = try references("{{ if $c := .A }}{{ $c.B }}{{ end }}")
        #expect(refs.fields.last?.root == .variable(name: "$c", binding: .value(declaration: 6..<8, pipeline: 6..<14)))
        #expect(GoTemplate.parse("{{ if $c := .A }}{{ end }}{{ $c.B }}").isSuccess == false)
    }
}
