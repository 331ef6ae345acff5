import GongkaiLayout

extension PageReader {
  /// The tallest grid row (points) a lone rule's overshoot can make: no text row is so short.
  static let sliverRowHeight = 6.0

  /// `rulings` with the vertical rules that alone run past a grid's outer row edge by a
  /// sliver cut back to that edge. Under a dark header fill (a browser's table head repeated
  /// after a page break) the table's top rule is part of the fill and not found over every
  /// column, and the outer column rule found along the fill's side ends a few points higher
  /// than the rest: its end made a grid row 4 pt tall with no rule above it, and, no edge
  /// drawn between them, that sliver and the first body row were one cell over the whole
  /// table, its numbers read as text (3.其他 0 0 … as 3.其他OO, the row null). Only an edge no
  /// horizontal rule draws is cut away; a drawn one is the table's.
  static func trimmingOvershoots(_ rulings: [RulingLine]) -> [RulingLine] {
    var result = rulings
    let tolerance = TableGrid.tolerance
    for grid in TableGrid.grids(from: rulings) {
      guard grid.ys.count >= 3, let left = grid.xs.first, let right = grid.xs.last else { continue }
      let count = grid.ys.count
      // (the outer edge, the next edge inward)
      let ends = [(grid.ys[0], grid.ys[1]), (grid.ys[count - 1], grid.ys[count - 2])]
      for (outer, inner) in ends where abs(inner - outer) < sliverRowHeight {
        let drawn = rulings.contains { line in
          line.axis == .horizontal && abs(line.position - outer) <= tolerance && line.end >= left - tolerance
            && line.start <= right + tolerance
        }
        guard !drawn else { continue }
        for index in result.indices {
          let line = result[index]
          guard line.axis == .vertical, line.position >= left - tolerance, line.position <= right + tolerance
          else { continue }
          if outer < inner, abs(line.start - outer) <= tolerance, line.end > inner {
            result[index].start = inner
          } else if outer > inner, abs(line.end - outer) <= tolerance, line.start < inner {
            result[index].end = inner
          }
        }
      }
    }
    return result
  }
}
