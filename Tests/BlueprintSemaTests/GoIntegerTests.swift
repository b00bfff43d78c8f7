// GoInteger.parse is strconv.ParseInt(s, 0, 64): the one integer reader the
// importer (YAML ints) and the runtime (template numbers, `int`) share.

import BlueprintSema
import Testing

@Suite struct GoIntegerTests {
    static let cases: [(String, Int64?)] = [
        ("42", 42), ("-42", -42), ("+7", 7), ("0", 0), ("0x1F", 31), ("0X1f", 31), ("0o17", 15), ("017", 15),
        ("0b101", 5), ("1_000", 1000), ("0x_1F", 31), ("08", nil), ("0x", nil), ("1__0", nil), ("_1", nil), ("", nil),
        ("-", nil), ("12a", nil), ("9223372036854775807", Int64.max), ("9223372036854775808", nil),
        ("-9223372036854775808", Int64.min), ("-9223372036854775809", nil),
    ]

    @Test(arguments: cases)
    func parses(_ testCase: (String, Int64?)) {
        #expect(GoInteger.parse(testCase.0) == testCase.1)
    }
}
