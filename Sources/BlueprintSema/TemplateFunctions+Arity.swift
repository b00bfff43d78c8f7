// How many arguments each template function takes, as Go's text/template checks
// when it calls one ("wrong number of args for X: want N got M"): Go's builtins
// and sprig v2's TxtFuncMap, read by reflection (reflect.Type.NumIn, IsVariadic).

extension TemplateFunctions {
    /// Functions that take exactly this many arguments.
    public static let fixedArity: [String: Int] = [
        "abbrev": 2, "abbrevboth": 3, "add1": 1, "adler32sum": 1, "ago": 1, "append": 2, "atoi": 1, "b32dec": 1,
        "b32enc": 1, "b64dec": 1, "b64enc": 1, "base": 1, "buildCustomCert": 2, "camelcase": 1, "ceil": 1, "clean": 1,
        "compact": 1, "contains": 2, "date": 2, "dateInZone": 3, "dateModify": 2, "date_in_zone": 3, "date_modify": 2,
        "decryptAES": 2, "deepCopy": 1, "deepEqual": 2, "derivePassword": 5, "dir": 1, "div": 2, "empty": 1,
        "encryptAES": 2, "env": 1, "expandenv": 1, "ext": 1, "fail": 1, "first": 1, "float64": 1, "floor": 1, "ge": 2,
        "genCA": 2, "genPrivateKey": 1, "genSelfSignedCert": 4, "genSignedCert": 5, "getHostByName": 1, "gt": 2,
        "has": 2, "hasKey": 2, "hasPrefix": 2, "hasSuffix": 2, "hello": 0, "htmlDate": 1, "htmlDateInZone": 2,
        "indent": 2, "initial": 1, "initials": 1, "int": 1, "int64": 1, "isAbs": 1, "join": 2, "kebabcase": 1,
        "kindIs": 2, "kindOf": 1, "last": 1, "le": 2, "len": 1, "lower": 1, "lt": 2, "mod": 2, "mustPush": 2, "ne": 2,
        "nindent": 2, "nospace": 1, "not": 1, "now": 0, "plural": 3, "prepend": 2, "push": 2, "randAlpha": 1,
        "randAlphaNum": 1, "randAscii": 1, "randNumeric": 1, "regexFind": 2, "regexFindAll": 3, "regexMatch": 2,
        "regexReplaceAll": 3, "regexReplaceAllLiteral": 3, "regexSplit": 3, "repeat": 2, "replace": 3, "rest": 1,
        "reverse": 1, "semver": 1, "semverCompare": 2, "set": 3, "sha1sum": 1, "sha256sum": 1, "shuffle": 1,
        "snakecase": 1, "sortAlpha": 1, "split": 2, "splitList": 2, "splitn": 3, "sub": 2, "substr": 3, "swapcase": 1,
        "ternary": 3, "title": 1, "toDate": 2, "toDecimal": 1, "toJson": 1, "toPrettyJson": 1, "toString": 1,
        "toStrings": 1, "trim": 1, "trimAll": 2, "trimPrefix": 2, "trimSuffix": 2, "trimall": 2, "trunc": 2,
        "typeIs": 2, "typeIsLike": 2, "typeOf": 1, "uniq": 1, "unixEpoch": 1, "unset": 2, "until": 1, "untilStep": 3,
        "untitle": 1, "upper": 1, "urlJoin": 1, "urlParse": 1, "uuidv4": 0, "values": 1, "wrap": 2, "wrapWith": 3,
    ]

    /// Variadic functions: at least this many arguments.
    public static let minimumArity: [String: Int] = [
        "add": 0, "and": 1, "biggest": 1, "call": 1, "cat": 0, "coalesce": 0, "concat": 0, "default": 1, "dict": 0,
        "eq": 1, "html": 0, "index": 1, "js": 0, "keys": 0, "list": 0, "max": 1, "merge": 1, "mergeOverwrite": 1,
        "min": 1, "mul": 1, "omit": 1, "or": 1, "pick": 1, "pluck": 1, "print": 0, "printf": 1, "println": 0,
        "quote": 0, "round": 2, "slice": 1, "squote": 0, "tuple": 0, "urlquery": 0, "without": 1,
    ]

    /// Why calling `name` with `count` arguments fails, or nil when it does not
    /// (or when the function is unknown: the parser reports that).
    public static func arityProblem(_ name: String, arguments count: Int) -> String? {
        if let expected = fixedArity[name], expected != count {
            return "\(name) takes \(expected) argument\(expected == 1 ? "" : "s"), not \(count)"
        }
        if let minimum = minimumArity[name], count < minimum {
            return "\(name) takes at least \(minimum) argument\(minimum == 1 ? "" : "s"), not \(count)"
        }
        return nil
    }
}
