// Uses inside strings: `\( )` interpolations are expressions; Go templates in the
// text are parsed with Sema's Go-template parser and their root references
// (`.Phases.p.Output.k`, `.ArtifactsIn.a.KeyValue.k`) mapped back to the source.

import BlueprintSema
import BlueprintSyntax

extension SymbolIndex {
    mutating func walk(_ literal: StringLiteral, _ scope: Scope) {
        for (index, segment) in literal.segments.enumerated() {
            switch segment {
            case .interpolation(let expr): walk(expr, scope)
            case .literalText: break
            case .text(let text, _):
                guard text.utf8.count >= 2, text.containsTemplateOpen else { continue }
                guard let tree = GoTemplate.parse(text).tree else { continue }
                for reference in tree.rootReferences {
                    recordTemplate(reference, text: text, segment: index, of: literal, scope)
                }
            }
        }
    }

    mutating func recordTemplate(_ reference: TemplateReference, text: String, segment: Int, of literal: StringLiteral, _ scope: Scope) {
        let utf8 = Array(text.utf8)
        let ranges = reference.ranges.map { range -> SourceRange in
            let skipsDot = range.count > 1 && range.lowerBound < utf8.count && utf8[range.lowerBound] == UInt8(ascii: ".")
            let lower = range.lowerBound + (skipsDot ? 1 : 0)
            return SourceRange(
                literal.sourceOffset(segment: segment, textOffset: lower), literal.sourceOffset(segment: segment, textOffset: range.upperBound))
        }
        let path = reference.path
        guard path.count == ranges.count else { return }
        if path.count >= 2 {
            switch path[0] {
            case "Phases":
                if let action = scope.action { add(.phase(action: action, name: path[1]), ranges[1], scope, isDefinition: false) }
            case "ArtifactsIn", "ArtifactsOut":
                add(.artifact(path[1]), ranges[1], scope, isDefinition: false)
            default: break
            }
        }
        if scope.isMain { chains.append(NameChain(path: path, ranges: ranges, action: scope.action, isTemplate: true)) }
    }
}
