// Tests for YAML 1.1 plain-scalar resolution (go-yaml v2 rules, as kubectl resolves).

import Testing

@testable import KanisterYAML

struct ResolutionCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: YAMLResolved
    var testDescription: String { "\(text.debugDescription) -> \(expected)" }
}

private let resolutionCases: [ResolutionCase] = [
    // bools
    .init(text: "y", expected: .bool), .init(text: "Y", expected: .bool),
    .init(text: "yes", expected: .bool), .init(text: "Yes", expected: .bool),
    .init(text: "YES", expected: .bool), .init(text: "n", expected: .bool),
    .init(text: "N", expected: .bool), .init(text: "no", expected: .bool),
    .init(text: "No", expected: .bool), .init(text: "NO", expected: .bool),
    .init(text: "true", expected: .bool), .init(text: "True", expected: .bool),
    .init(text: "TRUE", expected: .bool), .init(text: "false", expected: .bool),
    .init(text: "False", expected: .bool), .init(text: "FALSE", expected: .bool),
    .init(text: "on", expected: .bool), .init(text: "On", expected: .bool),
    .init(text: "ON", expected: .bool), .init(text: "off", expected: .bool),
    .init(text: "Off", expected: .bool), .init(text: "OFF", expected: .bool),
    .init(text: "yEs", expected: .string), .init(text: "tRUE", expected: .string),
    // null
    .init(text: "", expected: .null), .init(text: "~", expected: .null),
    .init(text: "null", expected: .null), .init(text: "Null", expected: .null),
    .init(text: "NULL", expected: .null), .init(text: "nULL", expected: .string),
    // ints
    .init(text: "0", expected: .int), .init(text: "1", expected: .int),
    .init(text: "-17", expected: .int), .init(text: "+17", expected: .int),
    .init(text: "012", expected: .int), .init(text: "0o17", expected: .int),
    .init(text: "0x1F", expected: .int), .init(text: "0X1f", expected: .int),
    .init(text: "-0x10", expected: .int), .init(text: "0b1010", expected: .int),
    .init(text: "1_000", expected: .int), .init(text: "1__0_", expected: .int),
    .init(text: "99999999999999999999999", expected: .int),
    // floats
    .init(text: "1.0", expected: .float), .init(text: "1.", expected: .float),
    .init(text: ".5", expected: .float), .init(text: "-.5", expected: .float),
    .init(text: "1e3", expected: .float), .init(text: "1E-3", expected: .float),
    .init(text: "09", expected: .float), .init(text: "1_0.5", expected: .float),
    .init(text: ".inf", expected: .float), .init(text: "-.Inf", expected: .float),
    .init(text: "+.INF", expected: .float), .init(text: ".nan", expected: .float),
    .init(text: ".NaN", expected: .float),
    // strings that look close
    .init(text: "0x", expected: .string), .init(text: "0xG", expected: .string),
    .init(text: "08a", expected: .string), .init(text: "1.2.3", expected: .string),
    .init(text: "+", expected: .string), .init(text: "-", expected: .string),
    .init(text: ".", expected: .string), .init(text: "1e", expected: .string),
    .init(text: "e3", expected: .string), .init(text: "._5", expected: .string),
    .init(text: ".inf0", expected: .string), .init(text: "inf", expected: .string),
    .init(text: "nan", expected: .string), .init(text: "_1", expected: .string),
    .init(text: "2001-12-14", expected: .string), .init(text: "1:20", expected: .string),
    .init(text: "hello", expected: .string), .init(text: "<<", expected: .string),
]

@Test(arguments: resolutionCases)
func resolvesPlainScalars(_ testCase: ResolutionCase) {
    #expect(YAMLResolved.resolvePlain(testCase.text) == testCase.expected)
}

@Test func quotedAndTaggedScalarsResolveByStyleAndTag() {
    #expect(YAMLScalar(value: "yes", style: .doubleQuoted).resolved == .string)
    #expect(YAMLScalar(value: "yes").resolved == .string)
    #expect(YAMLScalar(value: "yes", style: .plain).resolved == .bool)
    #expect(YAMLScalar(value: "3", style: .plain, tag: YAMLTag.string).resolved == .string)
    #expect(YAMLScalar(value: "3", style: .singleQuoted, tag: YAMLTag.int).resolved == .int)
    #expect(YAMLScalar(value: "Off", style: .plain).boolValue == false)
    #expect(YAMLScalar(value: "Off", style: .singleQuoted).boolValue == nil)
}

@Test(arguments: ["~", "null", "Null", "NULL", ""])
func nullScalars(_ text: String) {
    #expect(YAMLNode.plainScalar(text).isNullScalar)
    #expect(!YAMLNode.string(text).isNullScalar)
    #expect(!YAMLNode.scalar(YAMLScalar(value: text, style: .singleQuoted)).isNullScalar)
}

@Test func nullConstructorIsNull() {
    #expect(YAMLNode.null.isNullScalar)
    #expect(!YAMLNode.plainScalar("nil").isNullScalar)
}
