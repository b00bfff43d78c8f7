// Line and column computation: LF, CR LF and a lone CR each end a line, as
// the lexer counts them, so diagnostics after a lone CR land on the right line.

import BlueprintSyntax
import Testing

@Suite struct SourceFileTests {
    struct Case: Sendable, CustomStringConvertible {
        var text: String
        var offset: Int
        var line: Int
        var column: Int
        var description: String { "\(text.debugDescription) @\(offset)" }
    }

    static let cases: [Case] = [
        Case(text: "ab\ncd", offset: 3, line: 2, column: 1),
        Case(text: "ab\r\ncd", offset: 4, line: 2, column: 1),
        Case(text: "ab\rcd", offset: 3, line: 2, column: 1),
        Case(text: "ab\r\rcd", offset: 4, line: 3, column: 1),
        Case(text: "ab\r\ncd\ref", offset: 7, line: 3, column: 1),
        Case(text: "abc", offset: 2, line: 1, column: 3),
        Case(text: "a\r", offset: 2, line: 2, column: 1),
    ]

    @Test(arguments: cases)
    func location(_ testCase: Case) {
        let file = SourceFile(path: "t.bp", text: testCase.text)
        let position = file.location(of: testCase.offset)
        #expect(position.line == testCase.line)
        #expect(position.column == testCase.column)
    }

    @Test func lineBytesDropEveryKindOfLineEnd() {
        let file = SourceFile(path: "t.bp", text: "one\r\ntwo\rthree\nfour")
        let lines = (0..<file.lineStarts.count).map { String(decoding: file.lineBytes($0), as: UTF8.self) }
        #expect(lines == ["one", "two", "three", "four"])
    }

    @Test func diagnosticAfterALoneCRIsOnItsLine() {
        let file = SourceFile(path: "t.bp", text: "blueprint b\rlet x = @\r")
        let result = Parser.parse(file)
        let first = result.diagnostics.first.map { file.location(of: $0.range.start) }
        #expect(first?.line == 2)
        #expect(first?.column == 9)
    }
}
