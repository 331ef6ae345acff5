import GongkaiLayout

/// The cells of one ruled table found on a page: where each (merged) cell is, so it can be
/// read on its own.
///
/// Built from ruling lines the same way ``RuledTableFinder`` builds its grids (lines that
/// touch form a grid, every line position is an edge, neighbours with no drawn edge between
/// them are one merged cell), so the characters put inside a cell here land in the same
/// cell when the layout step reads the page.
struct TableGrid {
  /// One cell, possibly merged over several grid rows or columns.
  struct Cell {
    /// The first and last grid row and column it covers.
    var top: Int
    var bottom: Int
    var left: Int
    var right: Int
    /// Where it is, in points, between the centres of its rules.
    var rect: PageRect
  }

  /// Column edges, left to right, in points.
  var xs: [Double]
  /// Row edges, top to bottom, in points.
  var ys: [Double]
  /// The cells, top to bottom and left to right by their first row and column.
  var cells: [Cell]

  /// The whole table, in points.
  var box: PageRect {
    PageRect(minX: xs.first ?? 0, minY: ys.first ?? 0, maxX: xs.last ?? 0, maxY: ys.last ?? 0)
  }

  /// How far (points) lines may miss each other and still touch: the layout's own.
  static let tolerance = RuledTableFinder().tolerance

  /// The grids formed by `rulings`, top to bottom: the layout step's grids (so characters
  /// put in a cell here land in the same cell when the page is laid out), kept when they
  /// can be a table.
  static func grids(from rulings: [RulingLine]) -> [TableGrid] {
    let finder = RuledTableFinder()
    return finder.grids(from: rulings).compactMap { grid in
      guard grid.xs.count >= 2, grid.ys.count >= 2, isPlausible(xs: grid.xs, ys: grid.ys) else { return nil }
      let cells = finder.spans(of: grid).map { span in
        Cell(top: span.top, bottom: span.bottom, left: span.left, right: span.right, rect: span.rect(in: grid))
      }
      return TableGrid(xs: grid.xs, ys: grid.ys, cells: cells)
    }
  }

  /// Whether a grid can be a table rather than strokes of large letters or stray marks that
  /// happen to cross: an inch wide at least, and most columns and rows wider than a glyph.
  static func isPlausible(xs: [Double], ys: [Double]) -> Bool {
    guard let left = xs.first, let right = xs.last, let top = ys.first, let bottom = ys.last,
      right - left >= 72, bottom - top >= 12
    else { return false }
    let widths = zip(xs.dropFirst(), xs).map { $0 - $1 }
    let heights = zip(ys.dropFirst(), ys).map { $0 - $1 }
    return widths.filter { $0 >= 10 }.count * 2 >= widths.count
      && heights.filter { $0 >= 8 }.count * 2 >= heights.count
  }
}
