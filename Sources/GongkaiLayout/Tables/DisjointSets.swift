/// Disjoint sets over `0..<count` (union–find with path halving): which lines touch into
/// one grid, which cells of a grid merge into one span.
struct DisjointSets {
  private var parent: [Int]

  /// `count` sets of one element each.
  init(count: Int) { parent = Array(0..<count) }

  /// The representative of `element`'s set (its smallest member).
  mutating func find(_ element: Int) -> Int {
    var element = element
    while parent[element] != element {
      parent[element] = parent[parent[element]]
      element = parent[element]
    }
    return element
  }

  /// Joins the sets of `a` and `b`.
  mutating func join(_ a: Int, _ b: Int) {
    let rootA = find(a)
    let rootB = find(b)
    if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
  }
}
