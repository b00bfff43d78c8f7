// JSON shapes of the plan artifact: Codable conformances of the plan and of
// the Kanister model it carries. Ordered maps are arrays of entries, values
// are tagged (`{"int": "3"}`) so that types and source spellings survive.

import BlueprintSyntax

extension PlanNodeKind: Codable {}
extension PlanEdgeKind: Codable {}

extension KanisterValue: Codable {
    enum Tag: String, CodingKey, CaseIterable {
        case string, int, float, bool, null, list, map
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Tag.self)
        switch self {
        case .string(let text): try container.encode(text, forKey: .string)
        case .int(let text): try container.encode(text, forKey: .int)
        case .float(let text): try container.encode(text, forKey: .float)
        case .bool(let value): try container.encode(value, forKey: .bool)
        case .null: try container.encode(true, forKey: .null)
        case .list(let items): try container.encode(items, forKey: .list)
        case .map(let entries): try container.encode(entries, forKey: .map)
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Tag.self)
        guard container.allKeys.count == 1, let tag = container.allKeys.first else {
            let names = Tag.allCases.map(\.rawValue).joined(separator: ", ")
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "a value has exactly one of the keys \(names)"))
        }
        switch tag {
        case .string: self = .string(try container.decode(String.self, forKey: tag))
        case .int: self = .int(try container.decode(String.self, forKey: tag))
        case .float: self = .float(try container.decode(String.self, forKey: tag))
        case .bool: self = .bool(try container.decode(Bool.self, forKey: tag))
        case .null: self = .null
        case .list: self = .list(try container.decode([KanisterValue].self, forKey: tag))
        case .map: self = .map(try container.decode([KanisterEntry].self, forKey: tag))
        }
    }
}

extension KanisterEntry: Codable {
    enum Keys: String, CodingKey { case key, value }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(key, forKey: .key)
        try container.encode(value, forKey: .value)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(try container.decode(String.self, forKey: .key), try container.decode(KanisterValue.self, forKey: .value))
    }
}

/// An object of a phase: its name and its ObjectReference fields in order.
struct CodedObject: Codable {
    var name: String
    var fields: [CodedField]

    struct CodedField: Codable {
        var key: String
        var value: String
    }
}

extension KanisterPhase: Codable {
    enum Keys: String, CodingKey { case function, name, objects, args }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(function, forKey: .function)
        try container.encode(name, forKey: .name)
        let coded = objects.map { CodedObject(name: $0.name, fields: $0.reference.fields.map { CodedObject.CodedField(key: $0.key, value: $0.value) }) }
        try container.encode(coded, forKey: .objects)
        try container.encode(args, forKey: .args)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let coded = try container.decode([CodedObject].self, forKey: .objects)
        self.init(
            function: try container.decode(String.self, forKey: .function),
            name: try container.decode(String.self, forKey: .name),
            objects: coded.map { ($0.name, KanisterObjectReference(fields: $0.fields.map { ($0.key, $0.value) })) },
            args: try container.decode([KanisterEntry].self, forKey: .args))
    }
}

extension PlanNode: Codable {
    enum Keys: String, CodingKey {
        case name, kind, phase, retryCount, timeoutSeconds, parallelGroup, sourceRange, runtimeClauseRanges, condition
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(phase, forKey: .phase)
        try container.encodeIfPresent(retryCount, forKey: .retryCount)
        try container.encodeIfPresent(timeoutSeconds, forKey: .timeoutSeconds)
        try container.encodeIfPresent(parallelGroup, forKey: .parallelGroup)
        try container.encode([sourceRange.start, sourceRange.end], forKey: .sourceRange)
        try container.encode(runtimeClauseRanges.map { [$0.start, $0.end] }, forKey: .runtimeClauseRanges)
        try container.encodeIfPresent(condition, forKey: .condition)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        func range(_ pair: [Int]) throws -> SourceRange {
            guard pair.count == 2 else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "a source range is [start, end]"))
            }
            return SourceRange(pair[0], pair[1])
        }
        self.init(
            name: try container.decode(String.self, forKey: .name),
            kind: try container.decode(PlanNodeKind.self, forKey: .kind),
            phase: try container.decode(KanisterPhase.self, forKey: .phase),
            retryCount: try container.decodeIfPresent(Int.self, forKey: .retryCount),
            timeoutSeconds: try container.decodeIfPresent(Double.self, forKey: .timeoutSeconds),
            parallelGroup: try container.decodeIfPresent(Int.self, forKey: .parallelGroup),
            sourceRange: try range(try container.decode([Int].self, forKey: .sourceRange)),
            runtimeClauseRanges: try container.decode([[Int]].self, forKey: .runtimeClauseRanges).map(range))
        condition = try container.decodeIfPresent(String.self, forKey: .condition)
    }
}

extension PlanGraph: Codable {
    enum Keys: String, CodingKey { case nodes, edges }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(nodes, forKey: .nodes)
        try container.encode(edges, forKey: .edges)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let nodes = try container.decode([PlanNode].self, forKey: .nodes)
        let edges = try container.decode([PlanEdge].self, forKey: .edges)
        let names = Set(nodes.map(\.name))
        for edge in edges where !names.contains(edge.from) || !names.contains(edge.to) {
            let message = "the \(edge.kind.rawValue) edge from '\(edge.from)' to '\(edge.to)' names a node the graph does not have"
            throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [Keys.edges], debugDescription: message))
        }
        self.init(nodes: nodes, edges: edges)
    }
}

extension PlanAction: Codable {
    enum Keys: String, CodingKey { case fields, graph, sourceRange }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(fields, forKey: .fields)
        try container.encode(graph, forKey: .graph)
        try container.encode([sourceRange.start, sourceRange.end], forKey: .sourceRange)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        let range = try container.decode([Int].self, forKey: .sourceRange)
        self.init(
            fields: try container.decode(KanisterAction.self, forKey: .fields),
            graph: try container.decode(PlanGraph.self, forKey: .graph),
            sourceRange: SourceRange(range.first ?? 0, range.last ?? 0))
    }
}

extension PlanBlueprint: Codable {
    enum Keys: String, CodingKey { case name, metadata, actions, sourcePath }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(name, forKey: .name)
        try container.encode(metadata, forKey: .metadata)
        try container.encode(actions, forKey: .actions)
        try container.encodeIfPresent(sourcePath, forKey: .sourcePath)
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: Keys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            metadata: try container.decode([KanisterEntry].self, forKey: .metadata),
            actions: try container.decode([PlanAction].self, forKey: .actions),
            sourcePath: try container.decodeIfPresent(String.self, forKey: .sourcePath))
    }
}
