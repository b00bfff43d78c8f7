// YAMLReader: parses UTF-8 YAML into YAMLNode documents with libyaml's event parser,
// keeping every node's marks and reporting errors with their positions.

import BlueprintSyntax
import CLibYAML

public enum YAMLReader {
    /// All documents of a YAML stream, aliases expanded within `limits`.
    public static func parse(
        bytes: [UInt8], limits: YAMLReaderLimits = .standard
    ) -> Result<[YAMLNode], YAMLError> {
        parseDocuments(bytes: bytes, limits: limits).map { $0.map(\.root) }
    }

    /// All documents of a YAML stream with the bytes each spans: from the end of
    /// the one before (0 for the first) to its own end, so every byte of the input,
    /// comments included, belongs to one document.
    public static func parseDocuments(
        bytes: [UInt8], limits: YAMLReaderLimits = .standard
    ) -> Result<[YAMLDocument], YAMLError> {
        let (documents, error) = parseDocumentsUntilError(bytes: bytes, limits: limits)
        return error.map { .failure($0) } ?? .success(documents)
    }

    /// `parseDocuments`, but on an error also the documents that ended before it
    /// (so a stream's Blueprints before a broken document can still be checked).
    public static func parseDocumentsUntilError(
        bytes: [UInt8], limits: YAMLReaderLimits = .standard
    ) -> (documents: [YAMLDocument], error: YAMLError?) {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE]) {
            return ([], YAMLError(message: "UTF-16 input is not supported", line: 1, column: 1, offset: 0))
        }
        if let document = YAMLSplitRead.parse(bytes: bytes, limits: limits) { return ([document], nil) }
        return parseSerially(bytes: bytes, limits: limits)
    }

    /// `parseDocumentsUntilError` with one parser.
    static func parseSerially(
        bytes: [UInt8], limits: YAMLReaderLimits
    ) -> (documents: [YAMLDocument], error: YAMLError?) {
        guard !bytes.isEmpty else { return ([], nil) }
        guard let (result, builder) = YAMLParseSession.parse(bytes, limits: limits) else {
            return ([], YAMLError(message: "out of memory", line: 1, column: 1, offset: 0))
        }
        let ends = builder.documentEnds
        var nodes = builder.documents
        var error: YAMLError?
        switch result {
        case .success(let all): nodes = all
        case .failure(let problem):
            error = problem
            nodes = Array(nodes.prefix(ends.count))
        }
        var start = 0
        let documents = nodes.enumerated().map { index, node in
            let isLast = error == nil && (index == nodes.count - 1 || index >= ends.count)
            let end = isLast ? bytes.count : min(bytes.count, max(start, ends[index]))
            defer { start = end }
            return YAMLDocument(root: node, span: start..<end)
        }
        return (documents, error)
    }

    /// Parses a string's UTF-8.
    public static func parse(
        _ text: String, limits: YAMLReaderLimits = .standard
    ) -> Result<[YAMLNode], YAMLError> {
        parse(bytes: Array(text.utf8), limits: limits)
    }
}

/// A document of a stream and the bytes it spans (see `YAMLReader.parseDocuments`).
public struct YAMLDocument: Sendable {
    public var root: YAMLNode
    public var span: Range<Int>
}

/// One parse: pulls libyaml events, converts them to Swift values, feeds the builder.
struct YAMLParseSession {
    var offsets: YAMLOffsetMap
    var builder: YAMLTreeBuilder
    /// Where the parsed bytes start in the whole input (a part of it read on
    /// its own, see `YAMLSplitRead`): added to every mark's offset and line.
    let origin: (offset: Int, line: Int)

    private init(bytes: [UInt8], limits: YAMLReaderLimits, origin: (offset: Int, line: Int)) {
        offsets = YAMLOffsetMap(bytes: bytes)
        builder = YAMLTreeBuilder(limits: limits)
        self.origin = origin
    }

    /// Runs one libyaml parser over `bytes` (not empty), with the builder it
    /// fed; nil when libyaml cannot start. `forcingUTF8` reads the bytes as
    /// UTF-8 whatever they start with (a piece of a larger input) instead of
    /// taking the encoding libyaml guesses from the first bytes.
    static func parse(
        _ bytes: [UInt8], limits: YAMLReaderLimits, origin: (offset: Int, line: Int) = (0, 0), forcingUTF8: Bool = false
    ) -> (result: Result<[YAMLNode], YAMLError>, builder: YAMLTreeBuilder)? {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return nil }
            let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
            defer { parser.deallocate() }
            guard yaml_parser_initialize(parser) != 0 else { return nil }
            defer { yaml_parser_delete(parser) }
            yaml_parser_set_input_string(parser, base, buffer.count)
            if forcingUTF8 { yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING) }
            var session = YAMLParseSession(bytes: bytes, limits: limits, origin: origin)
            let result = session.run(parser)
            return (result, session.builder)
        }
    }

    private mutating func run(_ parser: UnsafeMutablePointer<yaml_parser_t>) -> Result<[YAMLNode], YAMLError> {
        var event = yaml_event_t()
        while true {
            guard yaml_parser_parse(parser, &event) != 0 else {
                return .failure(error(of: parser.pointee))
            }
            defer { yaml_event_delete(&event) }
            let isEnd = event.type == YAML_STREAM_END_EVENT
            if let problem = builder.consume(convert(event)) { return .failure(problem) }
            if isEnd { return .success(builder.documents) }
        }
    }

    private mutating func convert(_ event: yaml_event_t) -> YAMLParseEvent {
        let start = mark(event.start_mark)
        let end = mark(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd(end: end)
        case YAML_ALIAS_EVENT:
            return .alias(anchor: Self.cString(event.data.alias.anchor) ?? "", start: start)
        case YAML_SCALAR_EVENT:
            return convertScalar(event, start: start, end: end)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            let sequence = YAMLSequence(
                items: [], style: data.style == YAML_FLOW_SEQUENCE_STYLE ? .flow : .block,
                tag: Self.cString(data.tag), start: start, end: end)
            return .sequenceStart(sequence, anchor: Self.cString(data.anchor))
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            let mapping = YAMLMapping(
                pairs: [], style: data.style == YAML_FLOW_MAPPING_STYLE ? .flow : .block,
                tag: Self.cString(data.tag), start: start, end: end)
            return .mappingStart(mapping, anchor: Self.cString(data.anchor))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd(end: end)
        case YAML_MAPPING_END_EVENT: return .mappingEnd(end: end)
        case YAML_STREAM_END_EVENT: return .streamEnd
        default: return .streamStart
        }
    }

    private func convertScalar(_ event: yaml_event_t, start: YAMLMark, end: YAMLMark) -> YAMLParseEvent {
        let data = event.data.scalar
        let value = data.value.map {
            String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
        }
        let scalar = YAMLScalar(
            value: value ?? "", style: Self.style(data.style), tag: Self.cString(data.tag),
            start: start, end: end)
        return .scalar(scalar, anchor: Self.cString(data.anchor))
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private mutating func mark(_ mark: yaml_mark_t) -> YAMLMark {
        var result = offsets.mark(index: mark.index, line: mark.line, column: mark.column)
        result.offset += origin.offset
        result.line += origin.line
        return result
    }

    private static func cString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }

    /// libyaml's error: reader errors carry a byte offset, the others a problem mark.
    private mutating func error(of parser: yaml_parser_t) -> YAMLError {
        var message = parser.problem.map { String(cString: $0) } ?? "cannot parse YAML"
        if let context = parser.context.map({ String(cString: $0) }) {
            message = "\(context): \(message)"
        }
        if parser.error == YAML_READER_ERROR {
            if parser.problem_value >= 0 {
                message += " (#\(String(parser.problem_value, radix: 16, uppercase: true)))"
            }
            let position = offsets.lineAndColumn(ofByte: parser.problem_offset)
            let at = YAMLMark(offset: parser.problem_offset, line: position.line, column: position.column)
            return YAMLError(message: message, at: at)
        }
        if parser.error == YAML_MEMORY_ERROR {
            return YAMLError(message: "out of memory", line: 1, column: 1, offset: 0)
        }
        return YAMLError(message: message, at: mark(parser.problem_mark))
    }
}
