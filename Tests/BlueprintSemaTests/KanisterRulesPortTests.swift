// The Go ports behind Kanister's rules, against truth tables printed by real Go
// (time.ParseDuration, mapstructure.WeakDecode 1.5.0, kcheck's label regexes);
// the duration and name ports also agreed with Go on 20,000 random strings each.

import BlueprintSema
import Testing

@Suite struct KanisterRulesPortTests {
    /// time.ParseDuration: nanoseconds, or nil where Go returns an error.
    static let durationCases: [(String, Int64?)] = [
        ("0", 0), ("", nil), ("1", nil), ("1s", 1_000_000_000), ("1.5h", 5_400_000_000_000), ("-1m", -60_000_000_000),
        ("+2h45m", 9_900_000_000_000), ("1h30m", 5_400_000_000_000), ("300ms", 300_000_000), ("1us", 1000), ("1\u{B5}s", 1000),
        ("1\u{3BC}s", 1000), ("2ns", 2), (".5s", 500_000_000), ("5.s", 5_000_000_000), (".s", nil), ("1d", nil), ("1 s", nil),
        ("s", nil), ("1m1", nil), ("10", nil), ("-0", 0), ("+0", 0), ("00", nil), ("1h-2m", nil),
        ("9223372036854775807ns", Int64.max), ("9223372036854775808ns", nil), ("2562047h", 9_223_369_200_000_000_000),
        ("2562048h", nil), ("1.0000000000000000001s", 1_000_000_000), ("3000000h", nil), (" 1s", nil), ("1S", nil),
        ("0.0000000001s", 0), ("1e3s", nil),
    ]

    @Test(arguments: durationCases)
    func parseDuration(_ testCase: (String, Int64?)) {
        switch GoDuration.parse(testCase.0) {
        case .success(let value): #expect(value == testCase.1, "\(testCase.0)")
        case .failure(let error): #expect(testCase.1 == nil, "\(testCase.0): \(error.message)")
        }
    }

    @Test func durationErrorsAreGo() {
        func message(_ text: String) -> String? {
            if case .failure(let error) = GoDuration.parse(text) { return error.message }
            return nil
        }
        #expect(message("5 minutes") == #"time: unknown unit " minutes" in duration "5 minutes""#)
        #expect(message("300") == #"time: missing unit in duration "300""#)
        #expect(message("x") == #"time: invalid duration "x""#)
        // The time package quotes bytes outside ASCII as \xHH, unlike strconv.Quote.
        #expect(message("1\u{E4}") == #"time: unknown unit "\xc3\xa4" in duration "1\xc3\xa4""#)
        #expect(message("\"1s") == #"time: invalid duration "\"1s""#)
    }

    /// kcheck's isQualifiedName and isLabelValue.
    static let nameCases: [(String, qualified: Bool, labelValue: Bool)] = [
        ("app", true, true), ("app.kubernetes.io/name", true, false), ("a", true, true), ("-a", false, false),
        ("a-", false, false), ("A_b.c", true, true), ("a/b/c", false, false), ("/a", false, false), ("a/", false, false),
        ("Example.com/a", false, false), ("example.com/a", true, false), ("ex_ample.com/a", false, false),
        ("1.2.3/x", true, false), ("a..b/c", false, false), ("a.-b/c", false, false),
        (String(repeating: "a", count: 63), true, true), (String(repeating: "a", count: 64), false, false),
        (String(repeating: "a", count: 253) + "/x", true, false), (String(repeating: "a", count: 254) + "/x", false, false),
        ("", false, true), ("a b", false, false), ("{{ .x }}", false, false), ("\u{E4}", false, false), ("a.b-c_d", true, true),
    ]

    @Test(arguments: nameCases)
    func kubernetesNames(_ testCase: (String, qualified: Bool, labelValue: Bool)) {
        #expect(KubernetesNames.isQualifiedName(testCase.0) == testCase.qualified, "\(testCase.0)")
        #expect(KubernetesNames.isLabelValue(testCase.0) == testCase.labelValue, "\(testCase.0)")
    }

    /// strconv.ParseBool.
    @Test func parseBool() {
        for text in ["1", "t", "T", "TRUE", "true", "True"] { #expect(GoBool.parse(text) == true) }
        for text in ["0", "f", "F", "FALSE", "false", "False"] { #expect(GoBool.parse(text) == false) }
        for text in ["yes", "tRuE", "", " true", "on", "2"] { #expect(GoBool.parse(text) == nil, "\(text)") }
    }

    /// strconv.Atoi (ScaleWorkload's replicas).
    static let atoiCases: [(String, Int64?)] = [
        ("3", 3), ("-2", -2), ("+4", 4), (" 2 ", nil), ("0x10", nil), ("1_000", nil), ("", nil), ("-", nil),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min), ("9223372036854775808", nil), ("007", 7),
    ]

    @Test(arguments: atoiCases)
    func atoi(_ testCase: (String, Int64?)) {
        #expect(GoInteger.atoi(testCase.0) == testCase.1, "\(testCase.0)")
    }

    /// How WeakDecode writes a float64 into a string (FormatFloat 'f', -1).
    static let floatCases: [(String, String)] = [
        ("2.5", "2.5"), ("1e3", "1000"), ("1.0", "1"), ("1.50", "1.5"), ("-0.0", "-0"), ("0.0001", "0.0001"),
        ("1e-7", "0.0000001"), ("12345678901234567890", "12345678901234567000"), ("1e21", "1000000000000000000000"),
    ]

    @Test(arguments: floatCases)
    func weakDecodeFloatText(_ testCase: (String, String)) {
        #expect(GoFloat.formatted(testCase.0) == testCase.1, "\(testCase.0)")
    }
}
