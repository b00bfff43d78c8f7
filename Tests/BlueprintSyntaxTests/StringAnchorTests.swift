// StringLiteral.sourceOffset finds its anchor by bisection: it must give what a
// scan of every anchor gives, for every segment and text offset of real literals.

import BlueprintSyntax
import Testing

@Suite struct StringAnchorTests {
    /// The scan the bisection replaced: the last anchor of the segment at or before the offset.
    static func scanned(_ literal: StringLiteral, segment: Int, textOffset: Int) -> Int {
        var best: StringAnchor?
        for anchor in literal.anchors where anchor.segment == segment && anchor.textOffset <= textOffset {
            best = anchor
        }
        guard let best else {
            if segment >= 0, segment < literal.segments.count, case .text(_, let range) = literal.segments[segment] {
                return range.start + textOffset
            }
            return literal.range.start
        }
        return best.sourceOffset + (textOffset - best.textOffset)
    }

    static let source = #"""
        let a = "tab\there \"quoted\" \u{e9} and \(b) then {{ .Time }} \\ end"
        let b = """
            first line {{ .StatefulSet.Name }}
              indented \(a) line
            continued \
            on one line
            last "line"
            """
        let c = #"raw \n "# 
        let d = "\(a)\(b)"
        """#

    @Test func bisectionAgreesWithTheScan() throws {
        let (_, result) = parse(StringAnchorTests.source)
        var literals: [StringLiteral] = []
        for declaration in result.syntax.declarations {
            if case .constant(let decl) = declaration, case .string(let literal) = decl.value.kind { literals.append(literal) }
        }
        #expect(literals.count == 4)
        for literal in literals {
            #expect(
                literal.anchors == literal.anchors.sorted { ($0.segment, $0.textOffset) < ($1.segment, $1.textOffset) },
                "anchors are in (segment, textOffset) order")
            for segment in -1...(literal.segments.count + 1) {
                for offset in 0..<80 {
                    #expect(
                        literal.sourceOffset(segment: segment, textOffset: offset)
                            == StringAnchorTests.scanned(literal, segment: segment, textOffset: offset),
                        "segment \(segment), offset \(offset)")
                }
            }
        }
    }

    @Test func anchorsInSeveralSegments() {
        let anchors = [
            StringAnchor(segment: 0, textOffset: 0, sourceOffset: 10), StringAnchor(segment: 0, textOffset: 5, sourceOffset: 20),
            StringAnchor(segment: 2, textOffset: 0, sourceOffset: 40), StringAnchor(segment: 2, textOffset: 3, sourceOffset: 50),
            StringAnchor(segment: 2, textOffset: 9, sourceOffset: 70),
        ]
        let literal = StringLiteral(
            segments: [.text("abcdefgh", SourceRange(10, 24)), .literalText("{", SourceRange(24, 26)), .text("0123456789", SourceRange(40, 72))],
            isMultiline: false, hashes: 0, range: SourceRange(9, 73), anchors: anchors)
        #expect(literal.sourceOffset(segment: 0, textOffset: 4) == 14)
        #expect(literal.sourceOffset(segment: 0, textOffset: 6) == 21)
        #expect(literal.sourceOffset(segment: 1, textOffset: 0) == 9)
        #expect(literal.sourceOffset(segment: 2, textOffset: 2) == 42)
        #expect(literal.sourceOffset(segment: 2, textOffset: 9) == 70)
        for segment in 0..<4 {
            for offset in 0..<12 {
                #expect(literal.sourceOffset(segment: segment, textOffset: offset) == StringAnchorTests.scanned(literal, segment: segment, textOffset: offset))
            }
        }
    }

    /// A literal keeps arrays of its own size: the parser's decoder is reused from
    /// literal to literal, and its buffers once were shared with every literal, so
    /// a short string after a long one held the long one's capacity (80 of the 122
    /// MB that parsing a 5 MB blueprint held).
    @Test func literalsDoNotKeepTheDecodersCapacity() {
        // Escapes cut a string's text into runs, one anchor each.
        let long = (0..<2000).map { "x\($0)" }.joined(separator: "\\t")
        var source = "let long = \"\(long)\"\n"
        for index in 0..<50 { source += "let short\(index) = \"a\\tb \\(long) c\"\n" }
        let (_, result) = parse(source)
        var literals: [StringLiteral] = []
        for declaration in result.syntax.declarations {
            if case .constant(let decl) = declaration, case .string(let literal) = decl.value.kind { literals.append(literal) }
        }
        #expect(literals.count == 51)
        #expect(literals.first?.anchors.count == 2000, "the long literal has an anchor per run")
        for literal in literals.dropFirst() {
            #expect(literal.anchors.count <= 3 && literal.anchors.capacity <= 16, "anchors: \(literal.anchors.count) of capacity \(literal.anchors.capacity)")
            #expect(
                literal.segments.count == 3 && literal.segments.capacity <= 16,
                "segments: \(literal.segments.count) of capacity \(literal.segments.capacity)")
        }
    }
}
