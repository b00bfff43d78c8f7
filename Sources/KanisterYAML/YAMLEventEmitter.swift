// YAMLEventEmitter: a thin owner of libyaml's emitter that writes events into a Swift
// byte buffer (unicode on, indent 2, lines never folded).

import CLibYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One emitter event. Tags are full tags (`tag:yaml.org,2002:str`); nil means implicit.
public enum YAMLEmitEvent: Sendable, Equatable {
    case streamStart, streamEnd
    case documentStart(isImplicit: Bool)
    case documentEnd(isImplicit: Bool)
    case scalar(value: String, tag: String?, style: YAMLScalarStyle)
    case sequenceStart(tag: String?, style: YAMLCollectionStyle)
    case sequenceEnd
    case mappingStart(tag: String?, style: YAMLCollectionStyle)
    case mappingEnd
}

/// The bytes libyaml writes, appended through the write callback.
private final class YAMLOutputBuffer {
    var bytes: [UInt8] = []
}

/// A streaming writer on libyaml's emitter. Not thread-safe; use one per output.
public final class YAMLEventEmitter {
    private let emitter: UnsafeMutablePointer<yaml_emitter_t>
    private let output = YAMLOutputBuffer()

    /// `prefix` is output that comes before the stream (a header comment).
    public init(prefix: [UInt8] = []) throws {
        output.bytes = prefix
        emitter = UnsafeMutablePointer<yaml_emitter_t>.allocate(capacity: 1)
        guard yaml_emitter_initialize(emitter) != 0 else {
            emitter.deallocate()
            throw YAMLWriterError(message: "cannot initialize the libyaml emitter")
        }
        let handler: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt8>?, Int) -> Int32 = {
            data, buffer, size in
            guard let data else { return 0 }
            let output = Unmanaged<YAMLOutputBuffer>.fromOpaque(data).takeUnretainedValue()
            if let buffer { output.bytes.append(contentsOf: UnsafeBufferPointer(start: buffer, count: size)) }
            return 1
        }
        // The emitter lives no longer than `self`, which keeps `output` alive.
        yaml_emitter_set_output(emitter, handler, Unmanaged.passUnretained(output).toOpaque())
        yaml_emitter_set_unicode(emitter, 1)
        yaml_emitter_set_width(emitter, -1)
        yaml_emitter_set_indent(emitter, 2)
        yaml_emitter_set_break(emitter, YAML_LN_BREAK)
    }

    deinit {
        yaml_emitter_delete(emitter)
        emitter.deallocate()
    }

    /// Everything written so far (complete after `.streamEnd`).
    public var bytes: [UInt8] { output.bytes }

    /// libyaml's `open_ended` state, which decides whether the stream ends with
    /// `...`: each block scalar sets it to 2 when it keeps its trailing line
    /// breaks (`|+`) and to 0 otherwise; an implicit document end turns 0 into 1,
    /// and the stream end writes `...` on 2. A writer that joins the output of
    /// several emitters reads it (and sets 1, a state libyaml itself uses, to see
    /// whether a block scalar came since).
    var openEnded: Int32 {
        get { emitter.pointee.open_ended }
        set { emitter.pointee.open_ended = newValue }
    }

    public func emit(_ event: YAMLEmitEvent) throws {
        var events: [yaml_event_t] = []
        try Self.append(event, to: &events)
        try emit(prepared: &events)
    }

    /// Appends the libyaml event for `event`, made ready without an emitter (it
    /// owns copies of its strings), to be emitted later in order.
    static func append(_ event: YAMLEmitEvent, to prepared: inout [yaml_event_t]) throws {
        var raw = yaml_event_t()
        guard try initialize(&raw, for: event) != 0 else {
            throw YAMLWriterError(message: "cannot create the YAML event \(event)")
        }
        prepared.append(raw)
    }

    /// Emits prepared events in order and leaves `events` empty: libyaml takes each
    /// event over, also when it fails; the ones after a failure are freed here.
    func emit(prepared events: inout [yaml_event_t]) throws {
        defer { events.removeAll(keepingCapacity: true) }
        for index in events.indices {
            guard yaml_emitter_emit(emitter, &events[index]) != 0 else {
                var rest = Array(events[(index + 1)...])
                Self.discard(&rest)
                let problem = emitter.pointee.problem.map { String(cString: $0) } ?? "cannot write YAML"
                throw YAMLWriterError(message: problem)
            }
        }
    }

    /// Frees prepared events that will not be emitted.
    static func discard(_ events: inout [yaml_event_t]) {
        for index in events.indices { yaml_event_delete(&events[index]) }
        events.removeAll()
    }

    private static func initialize(_ raw: inout yaml_event_t, for event: YAMLEmitEvent) throws -> Int32 {
        switch event {
        case .streamStart: return yaml_stream_start_event_initialize(&raw, YAML_UTF8_ENCODING)
        case .streamEnd: return yaml_stream_end_event_initialize(&raw)
        case .documentStart(let isImplicit):
            return yaml_document_start_event_initialize(&raw, nil, nil, nil, isImplicit ? 1 : 0)
        case .documentEnd(let isImplicit): return yaml_document_end_event_initialize(&raw, isImplicit ? 1 : 0)
        case .scalar(let value, let tag, let style):
            return try initializeScalar(&raw, value: value, tag: tag, style: style)
        case .sequenceStart(let tag, let style):
            let cStyle = style == .flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE
            return withOptionalCString(tag) {
                yaml_sequence_start_event_initialize(&raw, nil, $0, tag == nil ? 1 : 0, cStyle)
            }
        case .sequenceEnd: return yaml_sequence_end_event_initialize(&raw)
        case .mappingStart(let tag, let style):
            let cStyle = style == .flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE
            return withOptionalCString(tag) {
                yaml_mapping_start_event_initialize(&raw, nil, $0, tag == nil ? 1 : 0, cStyle)
            }
        case .mappingEnd: return yaml_mapping_end_event_initialize(&raw)
        }
    }

    private static func initializeScalar(
        _ raw: inout yaml_event_t, value: String, tag: String?, style: YAMLScalarStyle
    ) throws -> Int32 {
        var value = value
        return try value.withUTF8 { buffer in
            guard let length = Int32(exactly: buffer.count) else {
                throw YAMLWriterError(message: "scalar of \(buffer.count) bytes is too long")
            }
            guard let tag else { return initializeUntaggedScalar(&raw, utf8: buffer, style: style) }
            // libyaml copies the text; it wants a non-null pointer also for "".
            return withNonNullBase(buffer) { base in
                withOptionalCString(tag) {
                    yaml_scalar_event_initialize(&raw, nil, $0, base, length, 0, 0, Self.cStyle(style))
                }
            }
        }
    }

    /// What `yaml_scalar_event_initialize` does for an untagged scalar (a copy of
    /// the text owned by the event, freed by libyaml with `free`), without its
    /// UTF-8 validation: a Swift string is valid UTF-8 by construction, and the
    /// check costs as much as the copy. Returns 0 when out of memory, like libyaml.
    private static func initializeUntaggedScalar(
        _ raw: inout yaml_event_t, utf8 buffer: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle
    ) -> Int32 {
        guard let copy = malloc(buffer.count + 1)?.assumingMemoryBound(to: yaml_char_t.self) else { return 0 }
        if let base = buffer.baseAddress { copy.update(from: base, count: buffer.count) }
        copy[buffer.count] = 0
        raw = yaml_event_t()
        raw.type = YAML_SCALAR_EVENT
        raw.data.scalar.value = copy
        raw.data.scalar.length = buffer.count
        raw.data.scalar.plain_implicit = 1
        raw.data.scalar.quoted_implicit = 1
        raw.data.scalar.style = cStyle(style)
        return 1
    }

    private static func cStyle(_ style: YAMLScalarStyle) -> yaml_scalar_style_t {
        switch style {
        case .plain: return YAML_PLAIN_SCALAR_STYLE
        case .singleQuoted: return YAML_SINGLE_QUOTED_SCALAR_STYLE
        case .doubleQuoted: return YAML_DOUBLE_QUOTED_SCALAR_STYLE
        case .literal: return YAML_LITERAL_SCALAR_STYLE
        case .folded: return YAML_FOLDED_SCALAR_STYLE
        }
    }
}

/// Calls `body` with a NUL-terminated UTF-8 copy of `text`, or nil.
private func withOptionalCString<Result>(
    _ text: String?, _ body: (UnsafePointer<yaml_char_t>?) -> Result
) -> Result {
    guard let text else { return body(nil) }
    let bytes = Array(text.utf8) + [0]
    return bytes.withUnsafeBufferPointer { body($0.baseAddress) }
}

/// Calls `body` with the buffer's base address, or with a pointer to a NUL byte when
/// the buffer is empty and has none.
private func withNonNullBase<Result>(
    _ buffer: UnsafeBufferPointer<UInt8>, _ body: (UnsafePointer<UInt8>) throws -> Result
) rethrows -> Result {
    if let base = buffer.baseAddress { return try body(base) }
    var nul: UInt8 = 0
    return try withUnsafePointer(to: &nul) { try body($0) }
}
