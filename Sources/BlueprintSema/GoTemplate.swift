// Entry point of the Go text/template parser: GoTemplate.parse, its options, and the
// result (a tree, or the first error with Go's message and a byte offset).

public enum GoTemplate {
    public struct Options: Sendable, Equatable {
        /// `{{else with …}}` is Go 1.23+; the kcheck oracle (go1.19) rejects it.
        public var allowsElseWith: Bool
        /// Deepest nesting of controls, definitions and parentheses accepted. Go has no
        /// limit; this one guards the stack against hostile input.
        public var maxNestingDepth: Int

        public init(allowsElseWith: Bool = false, maxNestingDepth: Int = 100) {
            self.allowsElseWith = allowsElseWith
            self.maxNestingDepth = maxNestingDepth
        }
    }

    /// Parses `text` like Go's `template.New(name).Funcs(functions).Parse(text)`:
    /// `functions` are the names callable besides Go's builtins if they are listed
    /// (`TemplateFunctions.kanister` already includes them).
    public static func parse(
        _ text: String,
        functions: Set<String> = TemplateFunctions.kanister,
        name: String = "config",
        options: Options = Options()
    ) -> GoTemplateParseResult {
        let bytes = Array(text.utf8)
        var lexer = GoTemplateLexer(
            input: bytes,
            breakIsKeyword: !functions.contains("break"),
            continueIsKeyword: !functions.contains("continue"))
        lexer.run()
        var parser = GoTemplateParser(
            source: bytes, tokens: lexer.tokens, lexError: lexer.error, functions: functions,
            templateName: name, options: options)
        do {
            return .success(try parser.parseTemplate())
        } catch {
            return .failure(error)
        }
    }
}

public enum GoTemplateParseResult: Sendable, Equatable {
    case success(GoTemplateTree)
    case failure(GoTemplateParseError)

    public var tree: GoTemplateTree? {
        if case .success(let tree) = self { return tree }
        return nil
    }

    public var error: GoTemplateParseError? {
        if case .failure(let error) = self { return error }
        return nil
    }

    public var isSuccess: Bool { tree != nil }
}

/// The first error, as Go reports it.
public struct GoTemplateParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Go's message without the `template: NAME:LINE: ` prefix, e.g. `function "foo" not defined`.
    public var message: String
    /// Byte offset into the template's UTF-8 bytes.
    public var offset: Int
    /// 1-based line of `offset`.
    public var line: Int
    public var templateName: String
    /// Extra advice, e.g. that a function exists only in sprig v3.
    public var hint: String?

    public init(message: String, offset: Int, line: Int, templateName: String = "config", hint: String? = nil) {
        self.message = message
        self.offset = offset
        self.line = line
        self.templateName = templateName
        self.hint = hint
    }

    /// Go's full text: `template: config:1: unclosed action`.
    public var description: String { "template: \(templateName):\(line): \(message)" }
}
