// Reachability over the forward nodes of an acyclic plan graph in topological
// order: which ordering edges others imply, and per-node reachability bitsets
// (bounded in size; above the limit a pruned search replaces the bitsets).

/// The forward nodes in topological order, with successors by position.
struct OrderedDAG {
    /// Up to this many nodes the bitsets take at most 8 MB.
    static let bitsetLimit = 8192

    /// Node indices of the graph, in a topological order (ties by source order).
    let order: [Int]
    /// For each position, the positions of its direct successors, ascending, without duplicates.
    let successors: Adjacency

    init(_ graph: PlanGraph) {
        let forward = PlanSchedule.forwardMask(graph)
        let edges = PlanSchedule.orderingEdges(graph, forward)
        order = TopologicalSort.kahn(count: graph.nodes.count, edges: edges, only: forward).order
        var position = [Int](repeating: -1, count: graph.nodes.count)
        for (rank, node) in order.enumerated() { position[node] = rank }
        var pairs: [(from: Int, to: Int)] = []
        pairs.reserveCapacity(edges.count)
        for (from, to) in edges where position[from] >= 0 && position[to] >= 0 {
            pairs.append((position[from], position[to]))
        }
        // Grouped by source position (edge order within a group), then each group sorted and deduplicated.
        let (groupStart, indices) = PlanGraph.buckets(pairs.lazy.map(\.from), count: order.count)
        var start: [Int] = [0]
        start.reserveCapacity(order.count + 1)
        var targets: [Int] = []
        targets.reserveCapacity(pairs.count)
        for group in 0..<order.count {
            let first = targets.count
            for index in indices[groupStart[group]..<groupStart[group + 1]] { targets.append(pairs[index].to) }
            if targets.count - first > 1 {
                targets[first...].sort()
                var kept = first + 1
                for index in (first + 1)..<targets.count where targets[index] != targets[kept - 1] {
                    targets[kept] = targets[index]
                    kept += 1
                }
                targets.removeLast(targets.count - kept)
            }
            start.append(targets.count)
        }
        successors = Adjacency(start: start, targets: targets)
    }

    /// The positions ascending, each once.
    static func sortedUnique(_ positions: [Int]) -> [Int] {
        guard positions.count > 1 else { return positions }
        var result: [Int] = []
        result.reserveCapacity(positions.count)
        for position in positions.sorted() where result.last != position { result.append(position) }
        return result
    }

    /// The edges `(from, to)` (as positions) that another path already implies.
    func impliedEdges() -> [(from: Int, to: Int)] {
        order.count <= OrderedDAG.bitsetLimit ? impliedByBitsets() : impliedBySearch()
    }

    /// What each position reaches, as bitsets over positions.
    func reachability() -> [Bitset] {
        var reach = [Bitset](repeating: Bitset(count: order.count), count: order.count)
        for position in order.indices.reversed() {
            for next in successors[position] {
                reach[position].insert(next)
                reach[position].formUnion(reach[next])
            }
        }
        return reach
    }

    /// Successors in ascending position: a target already reached through an
    /// earlier successor is implied (a later one cannot reach it).
    func impliedByBitsets() -> [(from: Int, to: Int)] {
        // The bitsets as rows of one array of words.
        let width = (order.count + 63) / 64
        var reach = [UInt64](repeating: 0, count: order.count * width)
        var implied: [(from: Int, to: Int)] = []
        reach.withUnsafeMutableBufferPointer { reach in
            for position in order.indices.reversed() {
                let row = position * width
                for next in successors[position] {
                    let bit: UInt64 = 1 << UInt64(next % 64)
                    if reach[row + next / 64] & bit != 0 {
                        implied.append((position, next))
                    } else {
                        reach[row + next / 64] |= bit
                        let other = next * width
                        for word in 0..<width { reach[row + word] |= reach[other + word] }
                    }
                }
            }
        }
        return implied
    }

    /// For each edge `p -> q`, a search from p's other successors that never
    /// passes position q: linear memory, time bounded by the nodes between p and q.
    func impliedBySearch() -> [(from: Int, to: Int)] {
        var stamp = [Int](repeating: -1, count: order.count)
        var implied: [(from: Int, to: Int)] = []
        var query = 0
        for position in order.indices {
            for target in successors[position] {
                query += 1
                var stack = successors[position].filter { $0 < target }
                var found = false
                while let next = stack.popLast(), !found {
                    if stamp[next] == query { continue }
                    stamp[next] = query
                    for further in successors[next] where further <= target {
                        if further == target { found = true } else { stack.append(further) }
                    }
                }
                if found { implied.append((position, target)) }
            }
        }
        return implied
    }
}

/// Lists of positions by position, in one array.
struct Adjacency {
    var start: [Int]
    var targets: [Int]

    subscript(position: Int) -> ArraySlice<Int> { targets[start[position]..<start[position + 1]] }
}

/// A fixed-size set of small integers.
struct Bitset {
    var words: [UInt64]

    init(count: Int) { words = Array(repeating: 0, count: (count + 63) / 64) }

    func contains(_ bit: Int) -> Bool { words[bit / 64] & (1 << UInt64(bit % 64)) != 0 }
    mutating func insert(_ bit: Int) { words[bit / 64] |= 1 << UInt64(bit % 64) }
    mutating func formUnion(_ other: Bitset) {
        for index in words.indices { words[index] |= other.words[index] }
    }

    /// The bits above `bit` that are clear here and set in `mask`, ascending.
    func clearBits(after bit: Int, within mask: Bitset) -> [Int] {
        var result: [Int] = []
        for index in (bit + 1) / 64..<words.count {
            var candidates = ~words[index] & mask.words[index]
            if index == (bit + 1) / 64 { candidates &= ~UInt64(0) << UInt64((bit + 1) % 64) }
            while candidates != 0 {
                result.append(index * 64 + candidates.trailingZeroBitCount)
                candidates &= candidates - 1
            }
        }
        return result
    }
}

/// Kahn's algorithm; among ready nodes the lowest index (source order) goes first.
enum TopologicalSort {
    /// The nodes `0..<count` (those `only` marks, if given) in topological order,
    /// and those left over because they are on or behind a cycle, ascending.
    static func kahn(count: Int, edges: [(Int, Int)], only: [Bool]? = nil) -> (order: [Int], leftover: [Int]) {
        let isMember = only ?? [Bool](repeating: true, count: count)
        var indegree = [Int](repeating: 0, count: count)
        let members = edges.filter { isMember[$0.0] && isMember[$0.1] }
        for (_, to) in members { indegree[to] += 1 }
        // Successors in edge order, grouped by source.
        let (start, positions) = PlanGraph.buckets(members.lazy.map(\.0), count: count)
        var ready = MinHeap()
        for node in 0..<count where isMember[node] && indegree[node] == 0 { ready.push(node) }
        var order: [Int] = []
        order.reserveCapacity(count)
        var isPlaced = [Bool](repeating: false, count: count)
        while let node = ready.pop() {
            order.append(node)
            isPlaced[node] = true
            for position in positions[start[node]..<start[node + 1]] {
                let next = members[position].1
                indegree[next] -= 1
                if indegree[next] == 0 { ready.push(next) }
            }
        }
        return (order, (0..<count).filter { isMember[$0] && !isPlaced[$0] })
    }
}

/// A binary min-heap of integers.
struct MinHeap {
    var items: [Int] = []

    mutating func push(_ value: Int) {
        items.append(value)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = items.first else { return nil }
        items[0] = items[items.count - 1]
        items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, items[left] < items[smallest] { smallest = left }
            if right < items.count, items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return first
    }
}
