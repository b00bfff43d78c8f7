// Unit tests of the template evaluator on values the runtime builds itself.

import BlueprintRuntime
import Testing

@Suite struct TemplateEvaluatorTests {
    let evaluator = TemplateEvaluator()

    @Test func printsFieldsOfRecords() throws {
        let data = TemplateValue.record("param.TemplateParams", [("Options", .strings(["a": "b"]))])
        #expect(try evaluator.render("{{ .Options.a }}-{{ index .Options \"zz\" }}!", data: data) == "b-!")
    }

    /// Go 1.24's range over an integer, which Kanister 0.115.0 and later are built
    /// with (kcheck's Go 1.19 refuses it, so it is not a differential case): the
    /// element and dot count from 0, `else` runs for 0 or less, two variables fail.
    @Test func rangesCountUpToAnInteger() throws {
        #expect(try evaluator.render("{{ range 3 }}{{ . }}{{ end }}", data: .null) == "012")
        #expect(try evaluator.render("{{ range $i := 3 }}{{ $i }}{{ end }}", data: .null) == "012")
        #expect(try evaluator.render("{{ range len \"ab\" }}x{{ end }}", data: .null) == "xx")
        #expect(try evaluator.render("{{ range 0 }}x{{ else }}none{{ end }}|{{ range -2 }}x{{ else }}none{{ end }}", data: .null) == "none|none")
        #expect(try evaluator.render("{{ range 5 }}{{ if eq . 2 }}{{ break }}{{ end }}{{ . }}{{ end }}", data: .null) == "01")
        #expect(throws: TemplateError.self) { try evaluator.render("{{ range $i, $e := 2 }}x{{ end }}", data: .null) }
        do {
            _ = try evaluator.render("{{ range $i, $e := 2 }}x{{ end }}", data: .null)
        } catch let error as TemplateError {
            #expect(error.message.contains("can't use 2 to iterate over more than one variable"))
        }
        #expect(throws: TemplateError.self) { try evaluator.render("{{ range 1.5 }}x{{ end }}", data: .null) }
    }
}
