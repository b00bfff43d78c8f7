// The parameters of each template function, as Go's text/template checks them
// when it calls one: how many arguments ("wrong number of args for X") and
// which constants each takes ("expected string; found 3"). Go's builtins and
// sprig v2's TxtFuncMap, read by reflection (reflect.Type.In, IsVariadic).

extension TemplateFunctions {
    /// One letter per parameter: `s` string, `i` integer, `f` float, `b` bool,
    /// `a` any (interface{} or reflect.Value), `k` a key of `index` (any to Go, but
    /// only a string or a position from 0 finds anything), `m` sprig's map
    /// (`map[string]interface{}`: a dict or nil, not a list), `l` a slice
    /// (`[]interface{}`: a list or nil, not a map), `o` another type (a struct,
    /// which no constant converts to); `*` after the last makes it variadic.
    public static let signatures: [String: String] = [
        "abbrev": "is", "abbrevboth": "iis", "add": "a*", "add1": "a", "adler32sum": "s", "ago": "a", "and": "aa*",
        "append": "aa", "atoi": "s", "b32dec": "s", "b32enc": "s", "b64dec": "s", "b64enc": "s", "base": "s",
        "biggest": "aa*", "buildCustomCert": "ss", "call": "aa*", "camelcase": "s", "cat": "a*", "ceil": "a",
        "clean": "s", "coalesce": "a*", "compact": "a", "concat": "a*", "contains": "ss", "date": "sa",
        "dateInZone": "sas", "dateModify": "so", "date_in_zone": "sas", "date_modify": "so", "decryptAES": "ss",
        "deepCopy": "a", "deepEqual": "aa", "default": "aa*", "derivePassword": "issss", "dict": "a*", "dir": "s",
        "div": "aa", "empty": "a", "encryptAES": "ss", "env": "s", "eq": "aa*", "expandenv": "s", "ext": "s",
        "fail": "s", "first": "a", "float64": "a", "floor": "a", "ge": "aa", "genCA": "si", "genPrivateKey": "s",
        "genSelfSignedCert": "slli", "genSignedCert": "sllio", "getHostByName": "s", "gt": "aa", "has": "aa",
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

    /// What each function returns whatever its arguments, as Go's reflection
    /// types it (`printf "%T"`): the kind of value it passes on in a pipe or as an
    /// argument. Functions whose result depends on their arguments (`default`,
    /// `first`, `index`, `deepCopy`) and those returning a structure (`now`,
    /// `semver`) are left out.
    public static let resultKinds: [String: ValueKind] = {
        var kinds: [String: ValueKind] = [:]
        let strings = [
            "abbrev", "abbrevboth", "adler32sum", "ago", "b32dec", "b32enc", "b64dec", "b64enc", "base", "camelcase", "cat", "clean",
            "date", "dateInZone", "date_in_zone", "decryptAES", "derivePassword", "dir", "encryptAES", "env", "expandenv", "ext", "fail",
            "genPrivateKey", "getHostByName", "hello", "html", "htmlDate", "htmlDateInZone", "indent", "initials", "join", "js",
            "kebabcase", "kindOf", "lower", "nindent", "nospace", "plural", "print", "printf", "println", "quote", "randAlpha",
            "randAlphaNum", "randAscii", "randNumeric", "regexFind", "regexReplaceAll", "regexReplaceAllLiteral", "repeat", "replace",
            "sha1sum", "sha256sum", "shuffle", "snakecase", "squote", "substr", "swapcase", "title", "toJson", "toPrettyJson",
            "toString", "trim", "trimAll", "trimPrefix", "trimSuffix", "trimall", "trunc", "typeOf", "unixEpoch", "untitle", "upper",
            "urlJoin", "urlquery", "uuidv4", "wrap", "wrapWith",
        ]
        for name in strings { kinds[name] = .string }
        for name in ["atoi", "int", "len"] { kinds[name] = .integer }
        for name in ["add", "add1", "biggest", "div", "int64", "max", "min", "mod", "mul", "sub", "toDecimal"] { kinds[name] = .int64 }
        for name in ["ceil", "float64", "floor", "round"] { kinds[name] = .float }
        let bools = [
            "contains", "deepEqual", "empty", "eq", "ge", "gt", "has", "hasKey", "hasPrefix", "hasSuffix", "isAbs", "kindIs", "le", "lt",
            "ne", "not", "regexMatch", "semverCompare", "typeIs", "typeIsLike",
        ]
        for name in bools { kinds[name] = .bool }
        let lists = [
            "append", "compact", "concat", "initial", "keys", "list", "mustPush", "pluck", "prepend", "push", "regexFindAll", "regexSplit",
            "rest", "reverse", "sortAlpha", "splitList", "toStrings", "tuple", "uniq", "until", "untilStep", "values", "without",
        ]
        for name in lists { kinds[name] = .list }
        for name in ["dict", "merge", "mergeOverwrite", "omit", "pick", "set", "unset", "urlParse"] { kinds[name] = .map }
        for name in ["split", "splitn"] { kinds[name] = .typedMap }
        return kinds
    }()

    /// Functions whose result is a map with the keys `_0`, `_1`, ...: any other
    /// field of it fails ("map has no entry for key").
    public static let positionalMapResults: Set<String> = ["split", "splitn"]

    /// Why Go refuses `read` on what `function` returns, or nil when it may not.
    /// `kind` is nil for a field or a key (a read through a let keeps only its text).
    /// A string, number or bool has no fields (`(quote .x).Name`: "can't evaluate
    /// field Name in type string"), a list no fields or string keys.
    static func resultReadProblem(_ function: String, read name: String, kind: ValueRead.Kind?) -> String? {
        let result = resultKinds[function]
        if let result, result.isScalar {
            // Go reads a byte of a string by position.
            guard result != .string || kind != .position else { return nil }
            return "\(function) returns a string, number or bool, which has no field '\(name)'"
        }
        if result == .list, kind != .position {
            return "\(function) returns a list, which has no field or key '\(name)'; read an element by position"
        }
        if positionalMapResults.contains(function), kind == .field, !name.hasPrefix("_") || Int(name.dropFirst()) == nil {
            return "\(function) returns a map whose keys are _0, _1, ...; it has no field '\(name)'"
        }
        return nil
    }

    /// Go's comparison functions: `eq` compares its first argument with each
    /// other one, `ne` and the orderings their two arguments.
    static let comparisons: Set<String> = ["eq", "ne", "lt", "le", "gt", "ge"]

    /// Why Go's `function` refuses arguments of these `kinds` (nil where unknown),
    /// if it does: a comparison needs values of one basic kind (an int and a
    /// uint compare too; a list, map or structure is of none: "incompatible
    /// types for comparison"), and an ordering orders only strings and numbers
    /// ("invalid type for comparison").
    static func comparisonProblem(_ function: String, kinds: [ValueKind?]) -> String? {
        guard comparisons.contains(function), let first = kinds.first else { return nil }
        if function != "eq", function != "ne", let unordered = kinds.compactMap({ $0 }).first(where: { [.bool, .other].contains($0.comparisonClass) }) {
            return "\(function) cannot order \(unordered.spelling) (invalid type for comparison)"
        }
        // `eq a b c` stops at the first argument equal to `a`: only `b` is always compared.
        guard kinds.count > 1, let first, let second = kinds[1], let firstClass = first.comparisonClass,
            let secondClass = second.comparisonClass, firstClass != secondClass, Set([firstClass, secondClass]) != [.int, .uint]
        else { return nil }
        return "\(function) cannot compare \(first.comparisonSpelling) with \(second.comparisonSpelling) (incompatible types for comparison)"
    }

    /// Why Go's `{{range}}` refuses a value of `kind`, if it does: it iterates
    /// over a list, map or bytes, not over a string, float, bool or structure
    /// ("range can't iterate over"). An integer is counted up to from Go 1.24 on,
    /// with at most one variable; `integers` says whether the target's Go does.
    static func rangeProblem(_ kind: ValueKind, variables: Int, integers: Bool) -> String? {
        guard !kind.isCollection, kind != .null else { return nil }
        let isInteger = rangesOverInteger(kind)
        if isInteger, integers {
            guard variables > 1 else { return nil }
            return "range over a number declares one variable at most; it counts from 0"
        }
        let since = isInteger ? " (Kanister 0.115.0 and later, built with Go 1.24, also range over an integer)" : ""
        return "range cannot iterate over \(kind.spelling); it iterates over a list or a map\(since)"
    }

    /// Whether a `{{range}}` over `kind` counts up to an integer (Go 1.24).
    static func rangesOverInteger(_ kind: ValueKind) -> Bool {
        kind.isInteger || kind == .int64 || kind == .byte
    }

    /// Go's basic kinds, as its comparison functions tell values apart: a list,
    /// map or structure is of none (`other`).
    enum ComparisonClass: Hashable {
        case string, int, uint, float, bool, other
    }

    /// The kind of a value given to a function: a constant written as an
    /// argument, or what another function returns.
    public enum ValueKind: Sendable {
        case string, integer, negativeInteger, bool, null
        /// A number spelled with a point or an exponent: an integral one (`2.0`,
        /// `1e3`) also converts to an integer parameter, but to `any` it is a float64.
        case float, integralFloat
        /// What only a function returns or Kanister fills: an int64 (sprig's
        /// arithmetic), a list, a map, a structure (`.StatefulSet`); and a byte,
        /// read from a string by position.
        case int64, list, map, structure, byte
        /// A Secret's value (`[]byte`): a list of bytes to Go.
        case bytes
        /// A map of typed values (`map[string]string` such as `.Options` or what
        /// `split` returns, a Secret's `map[string][]byte`): Go does not convert
        /// it to the `map[string]interface{}` sprig's map functions take.
        case typedMap

        var spelling: String {
            switch self {
            case .string: "a string"
            case .integer, .negativeInteger, .float, .integralFloat, .int64: "a number"
            case .bool: "a boolean"
            case .null: "nil"
            case .list: "a list"
            case .map: "a map"
            case .typedMap: "a typed map (such as map[string]string), which Go does not convert to map[string]interface{}"
            case .byte: "a byte"
            case .structure: "a structure"
            case .bytes: "bytes (pipe a Secret's value through toString)"
            }
        }

        /// Go's basic kind of the value as an `any` argument, for its comparison
        /// functions; nil for nil.
        var comparisonClass: ComparisonClass? {
            switch self {
            case .string: .string
            case .integer, .negativeInteger, .int64: .int
            case .byte: .uint
            case .float, .integralFloat: .float
            case .bool: .bool
            case .list, .map, .structure, .bytes, .typedMap: .other
            case .null: nil
            }
        }

        /// The value as its comparison class names it: an integer and a float are not one kind.
        var comparisonSpelling: String {
            switch comparisonClass {
            case .int: "an integer"
            case .uint: "a byte"
            case .float: "a float"
            default: spelling
            }
        }

        /// A string, number or bool: it has no fields.
        var isScalar: Bool { !isCollection && self != .null && self != .structure }

        /// A list, map or bytes: what `len` counts, and what a map or slice parameter takes.
        var isCollection: Bool { self == .list || self == .map || self == .typedMap || self == .bytes }

        /// A map of either kind: indexed by string keys.
        var isMap: Bool { self == .map || self == .typedMap }

        /// The kind of a template parameter's value, when its type says it: a
        /// Secret's bytes are a list.
        init?(_ type: TemplateParameterType) {
            switch type {
            case .scalar("string"): self = .string
            case .scalar("bool"): self = .bool
            case .scalar("int"): self = .integer
            case .scalar("int64"): self = .int64
            case .scalar("float64"): self = .float
            case .scalar("[]byte"): self = .bytes
            case .list: self = .list
            case .map(.any): self = .map
            case .map: self = .typedMap
            case .structure: self = .structure
            case .scalar, .any: return nil
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

    /// Why Go refuses a value of `kind` as argument `position` (from 0) of `name`,
    /// or nil when it converts. A constant converts as Go's evalArg converts it: a
    /// string only for a string parameter, an integral number for an integer, a
    /// number for a float, a boolean for a bool, nil for none of these; anything
    /// for an interface. `asValue`: the value is piped in (`true | upper`) or is
    /// what a function returns, so it keeps its own Go type (int, int64, float64,
    /// bool, string, list, map), which is assignable to no other parameter type.
    /// `text`: a string constant's value, for the functions that judge it (a
    /// regexp pattern Go's regexp.MustCompile refuses).
    public static func argumentProblem(_ name: String, position: Int, kind: ValueKind, asValue: Bool = false, text: String? = nil) -> String? {
        // Beyond the parameters, the arity check reports it.
        guard let letter = parameterLetter(name, position: position) else { return nil }
        if let text, kind == .string, position == 0, patternFunctions.contains(name), let problem = RE2Syntax.compileProblem(text) {
            return "error calling \(name): \(problem)"
        }
        if letter == UInt8(ascii: "k") { return keyProblem(kind) }
        // `len` takes any value, and fails on what has no length; sprig's list functions on what is no list.
        if name == "len", kind != .string, !kind.isCollection {
            return "len counts the elements of a string, list or map, not of \(kind.spelling)"
        }
        // (`has` finds nothing in nil.)
        if let listPosition = listParameters[name], listPosition == nil || listPosition == position, kind != .list, kind != .bytes,
            kind != .null || name != "has"
        {
            return "argument \(position + 1) of \(name) must be a list, not \(kind.spelling)"
        }
        let accepts: Bool
        switch UInt8(letter) {
        case UInt8(ascii: "a"): accepts = true
        case UInt8(ascii: "s"): accepts = kind == .string
        case UInt8(ascii: "i"): accepts = kind.isInteger || (kind == .integralFloat && !asValue)
        case UInt8(ascii: "f"):
            accepts = asValue ? kind == .float || kind == .integralFloat : kind.isInteger || kind == .float || kind == .integralFloat
        case UInt8(ascii: "b"): accepts = kind == .bool
        // Go assigns a value to a map or slice parameter only when its type is that type: no
        // list to a map (`keys (list 1)`), no map to a slice, no bytes or typed map to either.
        case UInt8(ascii: "m"): accepts = kind == .null || kind == .map
        case UInt8(ascii: "l"): accepts = kind == .null || kind == .list
        default: accepts = false
        }
        guard !accepts else { return nil }
        let expected: String
        switch UInt8(letter) {
        case UInt8(ascii: "s"): expected = "a string"
        case UInt8(ascii: "i"): expected = "an integer"
        case UInt8(ascii: "f"): expected = "a number"
        case UInt8(ascii: "b"): expected = "a boolean"
        case UInt8(ascii: "m"): expected = "a map"
        case UInt8(ascii: "l"): expected = "a list"
        default: expected = "a value no constant can give"
        }
        return "argument \(position + 1) of \(name) must be \(expected), not \(kind.spelling)"
    }

    /// Sprig's regex functions that compile their first argument with regexp.MustCompile,
    /// which panics on a pattern Go refuses (regexMatch is false on one instead).
    static let patternFunctions: Set<String> = ["regexFind", "regexFindAll", "regexReplaceAll", "regexReplaceAllLiteral", "regexSplit"]

    /// Sprig's list functions: they take any value and fail at run time on one
    /// that is no list ("Cannot find first on type int"; sprig's `slice`, which
    /// replaces Go's builtin, refuses a string too). The position of the list
    /// among the arguments, nil when every argument is one.
    static let listParameters: [String: Int?] = [
        "append": 0, "compact": 0, "concat": nil, "first": 0, "has": 1, "initial": 0, "last": 0, "mustPush": 0, "prepend": 0,
        "push": 0, "rest": 0, "reverse": 0, "slice": 0, "uniq": 0, "without": 0,
    ]

    /// The letter of `signatures` for argument `position` of `name`; nil past the last parameter.
    static func parameterLetter(_ name: String, position: Int) -> UInt8? {
        guard let signature = signatures[name] else { return nil }
        let letters = Array(signature.utf8)
        let isVariadic = letters.last == UInt8(ascii: "*")
        let fixed = isVariadic ? letters.count - 2 : letters.count
        if position < fixed { return letters[position] }
        return isVariadic ? letters[letters.count - 2] : nil
    }

    /// Whether some value is refused as argument `position` of `name` (not an interface parameter, or `len`).
    static func checksArgumentKind(_ name: String, position: Int) -> Bool {
        name == "len" || listParameters[name] != nil || parameterLetter(name, position: position).map { $0 != UInt8(ascii: "a") } ?? false
    }

    /// A key of `index` (letter `k`): a map is indexed by strings, a list by integers
    /// from 0; nothing by a bool, nil or a number spelled as a float.
    static func keyProblem(_ kind: ValueKind) -> String? {
        switch kind {
        case .string, .integer, .int64, .byte: return nil
        case .negativeInteger: return "index of a list takes a position from 0, not a negative number"
        case .integralFloat: return "index keys are strings (of a map) or integers (of a list), not a number spelled as a float"
        default: return "index keys are strings (of a map) or integers (of a list), not \(kind.spelling)"
        }
    }
}

extension TemplateFunctions.ValueKind {
    /// A float constant: Go's parser also gives an integral one (`2.0`, `1e3`) its int value.
    init(floatText text: String) {
        let value = Double(text.filter { $0 != "_" })
        self = value.map { $0.rounded() == $0 && abs($0) < 9.2e18 } == true ? .integralFloat : .float
    }
}
