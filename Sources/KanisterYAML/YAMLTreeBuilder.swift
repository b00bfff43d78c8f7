// Builds YAMLNode documents from parse events: expands aliases and enforces the
// node-count and depth limits (no libyaml here, so it is easy to test and reason about).

/// A parse event with Swift values and byte-offset marks.
enum YAMLParseEvent {
    case streamStart, streamEnd, documentStart
    case documentEnd(end: YAMLMark)
    case alias(anchor: String, start: YAMLMark)
    case scalar(YAMLScalar, anchor: String?)
    case sequenceStart(YAMLSequence, anchor: String?)
    case sequenceEnd(end: YAMLMark)
    case mappingStart(YAMLMapping, anchor: String?)
    case mappingEnd(end: YAMLMark)
}

struct YAMLTreeBuilder {
    /// A finished node with its expanded node count and its collection height.
    private struct Built {
        var node: YAMLNode
        var count: Int
        var height: Int
    }

    /// An open sequence or mapping (its node holds no children until it closes).
    private struct Frame {
        var shell: YAMLNode
        var anchor: String?
        var children: [YAMLNode] = []
        var count = 1
        var height = 1
    }

    let limits: YAMLReaderLimits
    private(set) var documents: [YAMLNode] = []
    /// Where each document ends (its `---`, `...` or the end of input), a byte offset.
    private(set) var documentEnds: [Int] = []
    private var stack: [Frame] = []
    private var anchors: [String: Built] = [:]
    private(set) var totalNodes = 0

    init(limits: YAMLReaderLimits) {
        self.limits = limits
    }

    /// Takes one event; returns an error when the input breaks a limit or an alias is unknown.
    mutating func consume(_ event: YAMLParseEvent) -> YAMLError? {
        switch event {
        case .streamStart, .streamEnd:
            return nil
        case .documentEnd(let end):
            documentEnds.append(end.offset)
            return nil
        case .documentStart:
            anchors = [:]
            return nil
        case .alias(let anchor, let start):
            return expandAlias(anchor, at: start)
        case .scalar(let scalar, let anchor):
            return finish(Built(node: .scalar(scalar), count: 1, height: 0), anchor: anchor, at: scalar.start)
        case .sequenceStart(let sequence, let anchor):
            return open(.sequence(sequence), anchor: anchor)
        case .mappingStart(let mapping, let anchor):
            return open(.mapping(mapping), anchor: anchor)
        case .sequenceEnd(let end), .mappingEnd(let end):
            return close(at: end)
        }
    }

    private mutating func expandAlias(_ anchor: String, at mark: YAMLMark) -> YAMLError? {
        guard let built = anchors[anchor] else {
            return YAMLError(message: "unknown or recursive alias '*\(anchor)'", at: mark)
        }
        if stack.count + built.height > limits.maxDepth {
            return YAMLError(message: "alias '*\(anchor)' nests deeper than \(limits.maxDepth) levels", at: mark)
        }
        return finish(built, anchor: nil, at: mark)
    }

    private mutating func open(_ shell: YAMLNode, anchor: String?) -> YAMLError? {
        if stack.count + 1 > limits.maxDepth {
            return YAMLError(message: "nesting deeper than \(limits.maxDepth) levels", at: shell.start)
        }
        if let error = count(1, at: shell.start) { return error }
        stack.append(Frame(shell: shell, anchor: anchor))
        return nil
    }

    private mutating func close(at end: YAMLMark) -> YAMLError? {
        guard let frame = stack.popLast() else {
            return YAMLError(message: "internal error: collection end without start", at: end)
        }
        let node: YAMLNode
        switch frame.shell {
        case .sequence(var sequence):
            sequence.items = frame.children
            sequence.end = end
            node = .sequence(sequence)
        case .mapping(var mapping):
            mapping.pairs = stride(from: 0, to: frame.children.count - 1, by: 2).map {
                YAMLPair(key: frame.children[$0], value: frame.children[$0 + 1])
            }
            mapping.end = end
            node = .mapping(mapping)
        case .scalar:
            return YAMLError(message: "internal error: scalar frame", at: end)
        }
        let built = Built(node: node, count: frame.count, height: frame.height)
        register(built, anchor: frame.anchor)
        attach(built)
        return nil
    }

    /// Records a finished scalar or alias (a closed collection is counted when it opened).
    private mutating func finish(_ built: Built, anchor: String?, at mark: YAMLMark) -> YAMLError? {
        if let error = count(built.count, at: mark) { return error }
        register(built, anchor: anchor)
        attach(built)
        return nil
    }

    private mutating func count(_ nodes: Int, at mark: YAMLMark) -> YAMLError? {
        totalNodes += nodes
        guard totalNodes > limits.maxNodes else { return nil }
        return YAMLError(
            message: "document expands to more than \(limits.maxNodes) nodes (alias bomb?)", at: mark)
    }

    private mutating func register(_ built: Built, anchor: String?) {
        if let anchor { anchors[anchor] = built }
    }

    private mutating func attach(_ built: Built) {
        guard !stack.isEmpty else {
            documents.append(built.node)
            return
        }
        let top = stack.count - 1
        stack[top].children.append(built.node)
        stack[top].count += built.count
        stack[top].height = max(stack[top].height, built.height + 1)
    }
}
