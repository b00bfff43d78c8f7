// The references a semantic check cares about in a parsed Go template: paths
// from the root data (`.Phases.dump.Output.key` where `.` is the data,
// `$.Options.x`, `index .Phases.dump.Output "key"`), taken from the one
// template walk (GoTemplateWalk) with its scopes.

/// A path from the root of the template data, each segment with its byte range.
public struct TemplateReference: Sendable, Equatable {
    public var path: [String]
    public var ranges: [Range<Int>]

    /// Where the path starts in the template.
    var start: Int { ranges.first?.lowerBound ?? 0 }
}

extension GoTemplateTree {
    /// Root references in source order; `index` calls with constant keys give the extended path.
    public var rootReferences: [TemplateReference] { references().rootReferences }
}

extension GoTemplateReferences {
    /// The tree's root references, from its walk.
    public var rootReferences: [TemplateReference] {
        let all = self
        // The collection of `index X "k"` is reported once, with its keys.
        let indexed = Set(all.indexCalls.compactMap { $0.path == nil ? nil : $0.collection.range })
        var result = all.fields.filter { $0.isFromRootData && !indexed.contains($0.range) }
            .map { TemplateReference(path: $0.path, ranges: $0.pathRanges) }
        var indexPaths: [TemplateReference] = []
        for call in all.indexCalls {
            guard let path = call.path, path.isFromRootData else { continue }
            // A key's range is its literal; point at the text inside the quotes.
            let keysEnd = path.pathRanges.count - call.chainedFieldCount
            let keys = (keysEnd - (call.constantStringKeys?.count ?? 0))..<keysEnd
            let ranges = path.pathRanges.enumerated().map { index, range in
                keys.contains(index) && range.count >= 2 ? (range.lowerBound + 1)..<(range.upperBound - 1) : range
            }
            indexPaths.append(TemplateReference(path: path.path, ranges: ranges))
        }
        guard !indexPaths.isEmpty else { return result }
        // Both lists are in source order; merge them by where each path starts.
        result.append(contentsOf: indexPaths)
        return result.enumerated().sorted { ($0.element.start, $0.offset) < ($1.element.start, $1.offset) }.map(\.element)
    }
}

extension GoTemplateFieldReference {
    /// True for `.X` where `.` is the data the main template runs with, and for `$.X`.
    public var isFromRootData: Bool {
        guard scope.template == nil, !path.isEmpty else { return false }
        switch root {
        case .dot: return scope.dot == .templateData
        case .variable(_, let binding): return binding == .templateData
        case .expression: return false
        }
    }
}
