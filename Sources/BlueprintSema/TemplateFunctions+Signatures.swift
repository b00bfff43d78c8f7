// The parameters of each template function, as Go's text/template checks them
// when it calls one: how many arguments ("wrong number of args for X") and
// which constants each takes ("expected string; found 3"). Go's builtins and
// sprig v2's TxtFuncMap, read by reflection (reflect.Type.In, IsVariadic).

extension TemplateFunctions {
    /// One letter per parameter: `s` string, `i` integer, `f` float, `b` bool,
    /// `a` any (interface{} or reflect.Value), `k` a key of `index` (any to Go, but
    /// only a string or a position from 0 finds anything), `m` a map, slice or pointer (only
    /// nil converts to it), `o` another type (a struct, which no constant
    /// converts to); `*` after the last makes it variadic.
    public static let signatures: [String: String] = [
        "abbrev": "is", "abbrevboth": "iis", "add": "a*", "add1": "a", "adler32sum": "s", "ago": "a", "and": "aa*",
        "append": "aa", "atoi": "s", "b32dec": "s", "b32enc": "s", "b64dec": "s", "b64enc": "s", "base": "s",
        "biggest": "aa*", "buildCustomCert": "ss", "call": "aa*", "camelcase": "s", "cat": "a*", "ceil": "a",
        "clean": "s", "coalesce": "a*", "compact": "a", "concat": "a*", "contains": "ss", "date": "sa",
        "dateInZone": "sas", "dateModify": "so", "date_in_zone": "sas", "date_modify": "so", "decryptAES": "ss",
        "deepCopy": "a", "deepEqual": "aa", "default": "aa*", "derivePassword": "issss", "dict": "a*", "dir": "s",
        "div": "aa", "empty": "a", "encryptAES": "ss", "env": "s", "eq": "aa*", "expandenv": "s", "ext": "s",
        "fail": "s", "first": "a", "float64": "a", "floor": "a", "ge": "aa", "genCA": "si", "genPrivateKey": "s",
        "genSelfSignedCert": "smmi", "genSignedCert": "smmio", "getHostByName": "s", "gt": "aa", "has": "aa",
        "hasKey": "ms", "hasPrefix": "ss", "hasSuffix": "ss", "hello": "", "html": "a*", "htmlDate": "a",
        "htmlDateInZone": "as", "indent": "is", "index": "ak*", "initial": "a", "initials": "s", "int": "a",
        "int64": "a", "isAbs": "s", "join": "sa", "js": "a*", "kebabcase": "s", "keys": "m*", "kindIs": "sa",
        "kindOf": "a", "last": "a", "le": "aa", "len": "a", "list": "a*", "lower": "s", "lt": "aa", "max": "aa*",
        "merge": "mm*", "mergeOverwrite": "mm*", "min": "aa*", "mod": "aa", "mul": "aa*", "mustPush": "aa",
        "ne": "aa", "nindent": "is", "nospace": "s", "not": "a", "now": "", "omit": "ms*", "or": "aa*", "pick": "ms*",
        "pluck": "sm*", "plural": "ssi", "prepend": "aa", "print": "a*", "printf": "sa*", "println": "a*",
        "push": "aa", "quote": "a*", "randAlpha": "i", "randAlphaNum": "i", "randAscii": "i", "randNumeric": "i",
        "regexFind": "ss", "regexFindAll": "ssi", "regexMatch": "ss", "regexReplaceAll": "sss",
        "regexReplaceAllLiteral": "sss", "regexSplit": "ssi", "repeat": "is", "replace": "sss", "rest": "a",
        "reverse": "a", "round": "aif*", "semver": "s", "semverCompare": "ss", "set": "msa", "sha1sum": "s",
        "sha256sum": "s", "shuffle": "s", "slice": "aa*", "snakecase": "s", "sortAlpha": "a", "split": "ss",
        "splitList": "ss", "splitn": "sis", "squote": "a*", "sub": "aa", "substr": "iis", "swapcase": "s",
        "ternary": "aab", "title": "s", "toDate": "ss", "toDecimal": "a", "toJson": "a", "toPrettyJson": "a",
        "toString": "a", "toStrings": "a", "trim": "s", "trimAll": "ss", "trimPrefix": "ss", "trimSuffix": "ss",
        "trimall": "ss", "trunc": "is", "tuple": "a*", "typeIs": "sa", "typeIsLike": "sa", "typeOf": "a", "uniq": "a",
        "unixEpoch": "o", "unset": "ms", "until": "i", "untilStep": "iii", "untitle": "s", "upper": "s",
        "urlJoin": "m", "urlParse": "s", "urlquery": "a*", "uuidv4": "", "values": "m", "without": "aa*",
        "wrap": "is", "wrapWith": "iss",
    ]

    /// Functions whose result is a string, number or bool, which has no fields:
    /// `(quote .x).Name` fails ("can't evaluate field Name in type string").
    public static let scalarResults: Set<String> = [
        "abbrev", "abbrevboth", "add", "add1", "adler32sum", "ago", "atoi", "b32dec", "b32enc", "b64dec", "b64enc",
        "base", "biggest", "camelcase", "cat", "ceil", "clean", "contains", "date", "dateInZone", "date_in_zone",
        "decryptAES", "deepEqual", "derivePassword", "dir", "div", "empty", "encryptAES", "env", "eq", "expandenv",
        "ext", "fail", "float64", "floor", "ge", "genPrivateKey", "getHostByName", "gt", "has", "hasKey", "hasPrefix",
        "hasSuffix", "hello", "html", "htmlDate", "htmlDateInZone", "indent", "initials", "int", "int64", "isAbs",
        "join", "js", "kebabcase", "kindIs", "kindOf", "le", "len", "lower", "lt", "max", "min", "mod", "mul", "ne",
        "nindent", "nospace", "not", "plural", "print", "printf", "println", "quote", "randAlpha", "randAlphaNum",
        "randAscii", "randNumeric", "regexFind", "regexMatch", "regexReplaceAll", "regexReplaceAllLiteral", "repeat",
        "replace", "round", "semverCompare", "sha1sum", "sha256sum", "shuffle", "snakecase", "squote", "sub",
        "substr", "swapcase", "title", "toDecimal", "toJson", "toPrettyJson", "toString", "trim", "trimAll",
        "trimPrefix", "trimSuffix", "trimall", "trunc", "typeIs", "typeIsLike", "typeOf", "unixEpoch", "untitle",
        "upper", "urlJoin", "urlquery", "uuidv4", "wrap", "wrapWith",
    ]

    static func resultFieldProblem(_ function: String, field: String) -> String {
        "\(function) returns a string, number or bool, which has no field '\(field)'"
    }

    /// The kind of a constant written as an argument.
    public enum ConstantKind: Sendable {
        case string, integer, negativeInteger, bool, null
        /// A number spelled with a point or an exponent: an integral one (`2.0`,
        /// `1e3`) also converts to an integer parameter, but to `any` it is a float64.
        case float, integralFloat

        var spelling: String {
            switch self {
            case .string: "a string"
            case .integer, .negativeInteger, .float, .integralFloat: "a number"
            case .bool: "a boolean"
            case .null: "nil"
            }
        }

        var isInteger: Bool { self == .integer || self == .negativeInteger }
    }

    /// Why calling `name` with `count` arguments fails, or nil when it does not
    /// (or when the function is unknown: the parser reports that).
    public static func arityProblem(_ name: String, arguments count: Int) -> String? {
        guard let signature = signatures[name] else { return nil }
        let isVariadic = signature.hasSuffix("*")
        let required = signature.count - (isVariadic ? 2 : 0)
        if isVariadic, count < required {
            return "\(name) takes at least \(required) argument\(required == 1 ? "" : "s"), not \(count)"
        }
        if !isVariadic, count != required {
            return "\(name) takes \(required) argument\(required == 1 ? "" : "s"), not \(count)"
        }
        return nil
    }

    /// Why Go refuses the constant `kind` as argument `position` (from 0) of
    /// `name`, or nil when it converts (Go's evalArg: a string only for a string
    /// parameter, an integral number for an integer, a number for a float, a
    /// boolean for a bool, nil for none of these; anything for an interface).
    public static func constantProblem(_ name: String, position: Int, kind: ConstantKind) -> String? {
        guard let signature = signatures[name] else { return nil }
        let letters = Array(signature.utf8)
        let isVariadic = letters.last == UInt8(ascii: "*")
        let fixed = isVariadic ? letters.count - 2 : letters.count
        let letter: UInt8
        if position < fixed {
            letter = letters[position]
        } else if isVariadic {
            letter = letters[letters.count - 2]
        } else {
            return nil  // the arity check reports it
        }
        if letter == UInt8(ascii: "k") { return keyProblem(kind) }
        let accepts: Bool
        switch UInt8(letter) {
        case UInt8(ascii: "a"): accepts = true
        case UInt8(ascii: "s"): accepts = kind == .string
        case UInt8(ascii: "i"): accepts = kind.isInteger || kind == .integralFloat
        case UInt8(ascii: "f"): accepts = kind != .string && kind != .bool && kind != .null
        case UInt8(ascii: "b"): accepts = kind == .bool
        case UInt8(ascii: "m"): accepts = kind == .null
        default: accepts = false
        }
        guard !accepts else { return nil }
        let expected: String
        switch UInt8(letter) {
        case UInt8(ascii: "s"): expected = "a string"
        case UInt8(ascii: "i"): expected = "an integer"
        case UInt8(ascii: "f"): expected = "a number"
        case UInt8(ascii: "b"): expected = "a boolean"
        case UInt8(ascii: "m"): expected = "a map or list"
        default: expected = "a value no constant can give"
        }
        return "argument \(position + 1) of \(name) must be \(expected), not \(kind.spelling)"
    }

    /// A key of `index` (letter `k`): a map is indexed by strings, a list by integers
    /// from 0; nothing by a bool, nil or a number spelled as a float.
    static func keyProblem(_ kind: ConstantKind) -> String? {
        switch kind {
        case .string, .integer: return nil
        case .negativeInteger: return "index of a list takes a position from 0, not a negative number"
        case .integralFloat: return "index keys are strings (of a map) or integers (of a list), not a number spelled as a float"
        default: return "index keys are strings (of a map) or integers (of a list), not \(kind.spelling)"
        }
    }
}

extension TemplateFunctions.ConstantKind {
    /// A float constant: Go's parser also gives an integral one (`2.0`, `1e3`) its int value.
    init(floatText text: String) {
        let value = Double(text.filter { $0 != "_" })
        self = value.map { $0.rounded() == $0 && abs($0) < 9.2e18 } == true ? .integralFloat : .float
    }
}
