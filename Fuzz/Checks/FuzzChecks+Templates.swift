// The template target's properties: the Go-template parser's answers lie in the
// text, and its fast path, whenever it answers, answers exactly as the parser.

import BlueprintSema

extension FuzzChecks {
    static func checkTemplate(_ bytes: [UInt8], _ failures: inout FuzzFailures) {
        let text = String(decoding: bytes, as: UTF8.self)
        let count = text.utf8.count
        let functions = TemplateFunctions.kanister
        let parsed = GoTemplate.parse(text, functions: functions)
        switch parsed {
        case .failure(let error):
            failures.expect(
                error.offset >= 0 && error.offset <= count, "parser: error offset \(error.offset) outside the \(count)-byte text")
        case .success(let tree):
            for reference in tree.rootReferences {
                failures.expect(
                    reference.path.count == reference.ranges.count,
                    "parser: reference \(reference.path) has \(reference.ranges.count) ranges")
                for range in reference.ranges where range.lowerBound < 0 || range.upperBound > count {
                    failures.fail("parser: reference \(reference.path) range \(range) outside the \(count)-byte text")
                }
            }
        }
        guard let fast = GoTemplateFastPath.rootReferences(text, functions: functions) else { return }
        switch parsed {
        case .failure(let error):
            failures.fail("fast path: accepts a template the parser rejects (\(error.message))")
        case .success(let tree):
            let full = tree.rootReferences
            failures.expect(fast == full, "fast path: references \(paths(fast)), parser: \(paths(full))")
        }
    }

    static func paths(_ references: [TemplateReference]) -> String {
        references.map { $0.path.joined(separator: ".") + "@\($0.ranges.first?.lowerBound ?? -1)" }.joined(separator: ", ")
    }
}
