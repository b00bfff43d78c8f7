// The C floor for benchmarks: libyaml's parser run over a document with no
// Swift work per event, so bpc's own cost can be compared against it.

import CLibYAML

public enum YAMLEventScan {
    /// Parses `bytes` with libyaml and returns the number of events, or nil on a YAML error.
    public static func countEvents(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return 0 }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) != 0 else { return nil }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            var event = yaml_event_t()
            var count = 0
            while true {
                guard yaml_parser_parse(&parser, &event) != 0 else { return nil }
                let isEnd = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                count += 1
                if isEnd { return count }
            }
        }
    }
}
