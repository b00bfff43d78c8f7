// Unit tests of the template evaluator on values the runtime builds itself.

import BlueprintRuntime
import Testing

@Suite struct TemplateEvaluatorTests {
    let evaluator = TemplateEvaluator()

    @Test func printsFieldsOfRecords() throws {
        let data = TemplateValue.record("param.TemplateParams", [("Options", .strings(["a": "b"]))])
        #expect(try evaluator.render("{{ .Options.a }}-{{ index .Options \"zz\" }}!", data: data) == "b-!")
    }
}
