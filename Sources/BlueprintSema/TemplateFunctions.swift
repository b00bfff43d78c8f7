// The function names Kanister's templates can call: Go's text/template builtins plus
// sprig as Kanister's go.mod pins it (v2.22.0), the same map kcheck builds; and the
// sprig 3.2.3 names that v2 lacks, for a better message when a blueprint uses one.

public enum TemplateFunctions {
    /// text/template's builtins (go1.19): always available.
    public static let goBuiltins: Set<String> = [
        "and", "call", "html", "index", "slice", "js", "len", "not", "or", "print", "printf", "println",
        "urlquery", "eq", "ge", "gt", "le", "lt", "ne",
    ]

    /// sprig v2.22.0's TxtFuncMap names: sprig 3.2.3's map minus `v3Only`, exactly as
    /// kcheck builds it. `slice` is also a Go builtin (sprig's overrides it). `push` and
    /// `mustPush` are in sprig's map although template-funcs.txt does not list them.
    public static let sprigV2: Set<String> = [
        "abbrev", "abbrevboth", "add", "add1", "adler32sum", "ago", "append", "atoi", "b32dec", "b32enc",
        "b64dec", "b64enc", "base", "biggest", "buildCustomCert", "camelcase", "cat", "ceil", "clean",
        "coalesce", "compact", "concat", "contains", "date", "dateInZone", "dateModify", "date_in_zone",
        "date_modify", "decryptAES", "deepCopy", "deepEqual", "default", "derivePassword", "dict", "dir",
        "div", "empty", "encryptAES", "env", "expandenv", "ext", "fail", "first", "float64", "floor",
        "genCA", "genPrivateKey", "genSelfSignedCert", "genSignedCert", "getHostByName", "has", "hasKey",
        "hasPrefix", "hasSuffix", "hello", "htmlDate", "htmlDateInZone", "indent", "initial", "initials",
        "int", "int64", "isAbs", "join", "kebabcase", "keys", "kindIs", "kindOf", "last", "list", "lower",
        "max", "merge", "mergeOverwrite", "min", "mod", "mul", "mustPush", "nindent", "nospace", "now",
        "omit", "pick", "pluck", "plural", "prepend", "push", "quote", "randAlpha", "randAlphaNum",
        "randAscii", "randNumeric", "regexFind", "regexFindAll", "regexMatch", "regexReplaceAll",
        "regexReplaceAllLiteral", "regexSplit", "repeat", "replace", "rest", "reverse", "round", "semver",
        "semverCompare", "set", "sha1sum", "sha256sum", "shuffle", "slice", "snakecase", "sortAlpha",
        "split", "splitList", "splitn", "squote", "sub", "substr", "swapcase", "ternary", "title", "toDate",
        "toDecimal", "toJson", "toPrettyJson", "toString", "toStrings", "trim", "trimAll", "trimPrefix",
        "trimSuffix", "trimall", "trunc", "tuple", "typeIs", "typeIsLike", "typeOf", "uniq", "unixEpoch",
        "unset", "until", "untilStep", "untitle", "upper", "urlJoin", "urlParse", "uuidv4", "values",
        "without", "wrap", "wrapWith",
    ]

    /// Names in sprig 3.2.3 but not in v2.22.0: templates using them fail to parse in
    /// Kanister as built (`function "X" not defined`).
    public static let v3Only: Set<String> = [
        "add1f", "addf", "all", "any", "bcrypt", "chunk", "dig", "divf", "duration", "durationRound",
        "fromJson", "genCAWithKey", "genSelfSignedCertWithKey", "genSignedCertWithKey", "get", "htpasswd",
        "maxf", "minf", "mulf", "mustAppend", "mustChunk", "mustCompact", "mustDateModify", "mustDeepCopy",
        "mustFirst", "mustFromJson", "mustHas", "mustInitial", "mustLast", "mustMerge", "mustMergeOverwrite",
        "mustPrepend", "mustRegexFind", "mustRegexFindAll", "mustRegexMatch", "mustRegexReplaceAll",
        "mustRegexReplaceAllLiteral", "mustRegexSplit", "mustRest", "mustReverse", "mustSlice", "mustToDate",
        "mustToJson", "mustToPrettyJson", "mustToRawJson", "mustUniq", "mustWithout", "must_date_modify",
        "osBase", "osClean", "osDir", "osExt", "osIsAbs", "randBytes", "randInt", "regexQuoteMeta", "seq",
        "subf", "toRawJson",
    ]

    /// Sprig v2 functions Kanister replaces by stubs that always fail at execution
    /// (FIPS, `pkg/ksprig`); `genPrivateKey` only accepts `rsa`, `ecdsa` and `ed25519`.
    /// They still parse. (`bcrypt` and `htpasswd` are stubbed too but are v3-only.)
    public static let fipsDisabled: Set<String> = ["derivePassword"]

    /// Everything a Kanister template may call: `goBuiltins` plus `sprigV2`.
    public static let kanister: Set<String> = goBuiltins.union(sprigV2)

    /// Advice for a name Kanister does not define, when there is something to say.
    public static func unavailabilityHint(for name: String) -> String? {
        if v3Only.contains(name) {
            return "\(name) is sprig v3 only; Kanister pins sprig v2"
        }
        return nil
    }
}
