// Phase references of plain templates are read off the bytes (GoTemplateFastPath);
// they must equal the walk over the parsed tree, on the corpus and on edge cases.

import Foundation
import TestSupport
import Testing

@testable import BlueprintPlan

@Suite struct PlanReferenceFastPathTests {
    static let templates = [
        "{{ .Phases.dump.Output.key }}",
        "a {{ .Phases.dump.Output.key }} b {{.DeferPhase.Output.x}} c {{ .Phases.other.Secrets.s.Data }}",
        "{{ toJson .Phases.p.Output }} {{ .Phases }} {{ .Phases.q }}",
        "{{ index .Phases.dump.Output \"key\" }}",
        "{{ index .Phases \"dash-name\" }}",
        "{{ (index .Phases \"x\").Output.k }}",
        "{{ $.Phases.a.Output.k }}",
        "{{ range .Items }}{{ .Phases.a.Output.k }}{{ $.Phases.b.Output.k }}{{ end }}",
        "{{- .Phases.a.Output.k -}}",
        "{{ if .Phases.a.Output.k }}{{ .Phases.b.Output.k }}{{ end }}",
        "{{ .Phases.a.Output.k | quote }} {{ upper .Phases.b.Output.k }}",
        "{{ unknownFunction .Phases.a.Output.k }}",
        "{{ .Phases.a.Output.k }} {{ .Phases.a.Output.k",
        "{{ define \"t\" }}{{ .Phases.a.Output.k }}{{ end }}{{ template \"t\" . }}",
        "{{ .Phases.a.Output.k }}\n{{ .Phases.b.Output.k }}\t{{ .Phases.c.Output.k }}",
        "echo '{{ .Phases.é.Output.k }}'",
        "{{ .PhasesX.a }} {{ .Phase.a }}",
    ]

    static func expectAgreement(_ text: String) {
        #expect(
            TemplateReferences.phaseReferences(in: text) == TemplateReferences.parsedPhaseReferences(in: text) || !TemplateReferences.mayReadPhase(text),
            "\(text.debugDescription)")
    }

    @Test func edgeCases() {
        for template in PlanReferenceFastPathTests.templates { PlanReferenceFastPathTests.expectAgreement(template) }
        #expect(TemplateReferences.phaseReferences(in: "x {{ .Phases.dump.Output.key }}").map(\.range) == [5..<28])
    }

    /// Every line of the real blueprints that may read a phase (most are plain).
    @Test func corpusLines() throws {
        var checked = 0
        for url in TestSupport.corpusBlueprints() {
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") where TemplateReferences.mayReadPhase(String(line)) {
                PlanReferenceFastPathTests.expectAgreement(String(line))
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}
