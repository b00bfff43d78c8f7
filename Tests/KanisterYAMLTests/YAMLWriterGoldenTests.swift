// Golden tests for YAMLWriter: the exact bytes written for each quoting trap, for typed
// scalars, empty collections, layout and header comments.

import Testing

@testable import KanisterYAML

struct GoldenCase: Sendable, CustomTestStringConvertible {
    var value: String
    /// What follows `v:` in the output, up to the end.
    var expected: String
    var testDescription: String { value.debugDescription }
}

private let goldenCases: [GoldenCase] = [
    // YAML 1.1 bools and nulls
    .init(value: "yes", expected: " \"yes\"\n"), .init(value: "no", expected: " \"no\"\n"),
    .init(value: "on", expected: " \"on\"\n"), .init(value: "off", expected: " \"off\"\n"),
    .init(value: "y", expected: " \"y\"\n"), .init(value: "n", expected: " \"n\"\n"),
    .init(value: "Y", expected: " \"Y\"\n"), .init(value: "NO", expected: " \"NO\"\n"),
    .init(value: "true", expected: " \"true\"\n"), .init(value: "False", expected: " \"False\"\n"),
    .init(value: "null", expected: " \"null\"\n"), .init(value: "~", expected: " \"~\"\n"),
    .init(value: "", expected: " \"\"\n"),
    // numbers and look-alikes
    .init(value: "1", expected: " \"1\"\n"), .init(value: "1.0", expected: " \"1.0\"\n"),
    .init(value: "0x10", expected: " \"0x10\"\n"), .init(value: "1e3", expected: " \"1e3\"\n"),
    .init(value: "012", expected: " \"012\"\n"), .init(value: ".5", expected: " \".5\"\n"),
    .init(value: "-1", expected: " \"-1\"\n"), .init(value: "1_000", expected: " \"1_000\"\n"),
    .init(value: ".inf", expected: " \".inf\"\n"), .init(value: "2001-12-14", expected: " \"2001-12-14\"\n"),
    .init(value: "1:20", expected: " \"1:20\"\n"), .init(value: "<<", expected: " \"<<\"\n"),
    .init(value: "=", expected: " \"=\"\n"),
    .init(value: "1.2.3", expected: " 1.2.3\n"), .init(value: "0x", expected: " 0x\n"),
    .init(value: "v1", expected: " v1\n"), .init(value: "yess", expected: " yess\n"),
    // indicators at the start
    .init(value: "{a}", expected: " \"{a}\"\n"), .init(value: "[a]", expected: " \"[a]\"\n"),
    .init(value: "*a", expected: " \"*a\"\n"), .init(value: "&a", expected: " \"&a\"\n"),
    .init(value: "!a", expected: " \"!a\"\n"), .init(value: "%a", expected: " \"%a\"\n"),
    .init(value: "@a", expected: " \"@a\"\n"), .init(value: "`a`", expected: " \"`a`\"\n"),
    .init(value: "|a", expected: " \"|a\"\n"), .init(value: ">a", expected: " \">a\"\n"),
    .init(value: "#a", expected: " \"#a\"\n"), .init(value: ",a", expected: " \",a\"\n"),
    .init(value: "'a'", expected: " \"'a'\"\n"), .init(value: "\"a\"", expected: " '\"a\"'\n"),
    .init(value: "- x", expected: " \"- x\"\n"), .init(value: "? x", expected: " \"? x\"\n"),
    .init(value: ": x", expected: " \": x\"\n"), .init(value: "-x", expected: " -x\n"),
    .init(value: "---", expected: " \"---\"\n"), .init(value: "...", expected: " \"...\"\n"),
    .init(value: "{{ .Profile }}", expected: " \"{{ .Profile }}\"\n"),
    // inside
    .init(value: "a: b", expected: " \"a: b\"\n"), .init(value: "a #b", expected: " \"a #b\"\n"),
    .init(value: "a:b", expected: " a:b\n"), .init(value: "a#b", expected: " a#b\n"),
    .init(value: "a:", expected: " \"a:\"\n"), .init(value: "a, b [c] {d}", expected: " a, b [c] {d}\n"),
    .init(value: "say \"hi\"", expected: " say \"hi\"\n"), .init(value: "it's", expected: " it's\n"),
    .init(value: "echo \"a: b\"", expected: " 'echo \"a: b\"'\n"),
    .init(value: "c:\\dir #1", expected: " 'c:\\dir #1'\n"),
    // spaces
    .init(value: " a", expected: " \" a\"\n"), .init(value: "a ", expected: " \"a \"\n"),
    .init(value: " ", expected: " \" \"\n"),
    // line breaks
    .init(value: "a\nb", expected: " |-\n  a\n  b\n"),
    .init(value: "a\nb\n", expected: " |\n  a\n  b\n"),
    .init(value: "a\nb\n\n", expected: " |+\n  a\n  b\n\n...\n"),
    .init(value: "  a\nb\n", expected: " |2\n    a\n  b\n"),
    .init(value: "\na", expected: " |2-\n\n  a\n"),
    .init(value: "a \nb", expected: " \"a \\nb\"\n"),
    .init(value: "a\nb ", expected: " \"a\\nb \"\n"),
    .init(value: "a\r\nb", expected: " \"a\\r\\nb\"\n"),
    .init(value: "a\tb\nc", expected: " \"a\\tb\\nc\"\n"),
    .init(value: "a\u{2028}b", expected: " \"a\\Lb\"\n"),
    // special characters
    .init(value: "a\tb", expected: " \"a\\tb\"\n"), .init(value: "a\rb", expected: " \"a\\rb\"\n"),
    .init(value: "bell\u{7}", expected: " \"bell\\a\"\n"), .init(value: "nul\u{0}", expected: " \"nul\\0\"\n"),
    .init(value: "\u{FEFF}bom", expected: " \"\\uFEFFbom\"\n"),
    .init(value: "héllo wörld", expected: " héllo wörld\n"), .init(value: "日本語", expected: " 日本語\n"),
    .init(value: "smile 😀", expected: " \"smile \\U0001F600\"\n"),
]

private func written(_ node: YAMLNode, header: String? = nil) throws -> String {
    String(decoding: try YAMLWriter.write(node, headerComment: header), as: UTF8.self)
}

@Test(arguments: goldenCases)
func writesStringsSafely(_ testCase: GoldenCase) throws {
    let output = try written(.map(["v": .string(testCase.value)]))
    #expect(output == "v:" + testCase.expected)
    let reread = try YAMLReader.parse(output).get()
    #expect(reread.first?.mapping?["v"]?.scalar?.value == testCase.value)
    #expect(reread.first?.mapping?["v"]?.scalar?.resolved == .string)
}

@Test func writesTypedScalarsPlain() throws {
    let node = YAMLNode.map([
        "int": .int(3), "negative": .int(-12), "bool": .bool(true), "off": .bool(false),
        "null": .null, "float": .float(1.5), "inf": .float(-.infinity),
        "string3": .string("3"), "stringTrue": .string("true"), "forced": .plainScalar("yes"),
    ])
    let expected = """
        int: 3
        negative: -12
        bool: true
        "off": false
        "null": null
        float: 1.5
        inf: -.inf
        string3: "3"
        stringTrue: "true"
        forced: yes

        """
    #expect(try written(node) == expected)
    let reread = try #require(try YAMLReader.parse(expected).get().first?.mapping)
    #expect(
        reread.pairs.map { $0.value.scalar?.resolved } == [
            .int, .int, .bool, .bool, .null, .float, .float, .string, .string, .bool,
        ])
}

@Test func writesEmptyCollectionsAndNesting() throws {
    let node = YAMLNode.map([
        "empty map": .map([:]), "empty list": .list([]),
        "phases": .list([
            .map(["func": .string("KubeTask"), "args": .map(["command": .list([.string("bash"), .string("-c")])])])
        ]),
    ])
    let expected = """
        empty map: {}
        empty list: []
        phases:
        - func: KubeTask
          args:
            command:
            - bash
            - -c

        """
    #expect(try written(node) == expected)
}

@Test func flowCollectionsQuoteFlowIndicators() throws {
    let flow = YAMLSequence(items: [.string("a,b"), .string("c"), .string("{x}"), .string("a\nb")], style: .flow)
    let output = try written(.map(["f": .sequence(flow)]))
    #expect(output == "f: [\"a,b\", c, \"{x}\", \"a\\nb\"]\n")
    let items = try YAMLReader.parse(output).get().first?.mapping?["f"]?.sequence?.items
    #expect(items?.map { $0.scalar?.value } == ["a,b", "c", "{x}", "a\nb"])
}

@Test func keysAreQuotedLikeValues() throws {
    let node = YAMLNode.map(["yes": .int(1), "a: b": .int(2), "multi\nline": .int(3), "": .int(4)])
    let output = try written(node)
    #expect(output == "\"yes\": 1\n\"a: b\": 2\n? \"multi\\nline\"\n: 3\n\"\": 4\n")
    let keys = try YAMLReader.parse(output).get().first?.mapping?.pairs.map { $0.key.scalar?.value }
    #expect(keys == ["yes", "a: b", "multi\nline", ""])
}

@Test func veryLongLinesAreNotFolded() throws {
    let long = (0..<400).map { "word\($0)" }.joined(separator: " ")
    let quoted = "{{ " + long + " }}"
    let output = try written(.map(["plain": .string(long), "quoted": .string(quoted)]))
    #expect(output == "plain: \(long)\nquoted: \"\(quoted)\"\n")
}

@Test func headerCommentAndMultipleDocuments() throws {
    let bytes = try YAMLWriter.write(
        documents: [.map(["a": .int(1)]), .list([.string("b")])],
        headerComment: "Generated by bpc.\n\nDo not edit.")
    let expected = "# Generated by bpc.\n#\n# Do not edit.\na: 1\n---\n- b\n"
    #expect(String(decoding: bytes, as: UTF8.self) == expected)
    #expect(try YAMLReader.parse(bytes: bytes).get().count == 2)
}

@Test func explicitTagsAreWritten() throws {
    let scalar = YAMLScalar(value: "3", style: .plain, tag: YAMLTag.string)
    #expect(try written(.map(["v": .scalar(scalar)])) == "v: !!str 3\n")
}

@Test func streamingEmitter() throws {
    let emitter = try YAMLEventEmitter()
    let events: [YAMLEmitEvent] = [
        .streamStart, .documentStart(isImplicit: false), .sequenceStart(tag: nil, style: .block),
        .scalar(value: "x", tag: nil, style: .plain), .sequenceEnd, .documentEnd(isImplicit: true), .streamEnd,
    ]
    for event in events {
        try emitter.emit(event)
    }
    #expect(String(decoding: emitter.bytes, as: UTF8.self) == "---\n- x\n")
}

@Test func emitterRejectsEventsOutOfOrder() throws {
    let emitter = try YAMLEventEmitter()
    try emitter.emit(.streamStart)
    #expect(throws: YAMLWriterError.self) { try emitter.emit(.scalar(value: "x", tag: nil, style: .plain)) }
}
