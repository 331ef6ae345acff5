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

  /// How far (points) lines may miss each other and still touch; as ``RuledTableFinder``.
  static let tolerance = 3.0
  /// The share of an edge that must be drawn to separate two cells; as ``RuledTableFinder``.
  static let drawnShare = 0.6

  /// The grids formed by `rulings`, top to bottom.
  static func grids(from rulings: [RulingLine]) -> [TableGrid] {
    let lines = rulings.filter { $0.end - $0.start > tolerance }
    let count = lines.count
    guard count >= 4 else { return [] }
    var parent = Array(0..<count)
    func find(_ index: Int) -> Int {
      var index = index
      while parent[index] != index {
        parent[index] = parent[parent[index]]
        index = parent[index]
      }
      return index
    }
    var touched = [Bool](repeating: false, count: count)
    for first in 0..<count where lines[first].axis == .horizontal {
      for second in 0..<count where lines[second].axis == .vertical {
        guard touches(lines[first], lines[second]) else { continue }
        touched[first] = true
        touched[second] = true
        let a = find(first)
        let b = find(second)
        if a != b { parent[a] = b }
      }
    }
    var components: [Int: [RulingLine]] = [:]
    for index in 0..<count where touched[index] {
      components[find(index), default: []].append(lines[index])
    }
    var grids: [TableGrid] = []
    for members in components.values {
      let horizontal = members.filter { $0.axis == .horizontal }
      let vertical = members.filter { $0.axis == .vertical }
      guard horizontal.count >= 2, vertical.count >= 2 else { continue }
      let minX = min(vertical.map(\.position).min() ?? 0, horizontal.map(\.start).min() ?? 0)
      let maxX = max(vertical.map(\.position).max() ?? 0, horizontal.map(\.end).max() ?? 0)
      let minY = min(horizontal.map(\.position).min() ?? 0, vertical.map(\.start).min() ?? 0)
      let maxY = max(horizontal.map(\.position).max() ?? 0, vertical.map(\.end).max() ?? 0)
      let xs = cluster(vertical.map(\.position) + [minX, maxX])
      let ys = cluster(horizontal.map(\.position) + [minY, maxY])
      guard xs.count >= 2, ys.count >= 2 else { continue }
      guard isPlausible(xs: xs, ys: ys) else { continue }
      let cells = spans(xs: xs, ys: ys, horizontal: horizontal, vertical: vertical)
      grids.append(TableGrid(xs: xs, ys: ys, cells: cells))
    }
    return grids.sorted { $0.box.minY < $1.box.minY }
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

  static func touches(_ horizontal: RulingLine, _ vertical: RulingLine) -> Bool {
    vertical.position >= horizontal.start - tolerance
      && vertical.position <= horizontal.end + tolerance
      && horizontal.position >= vertical.start - tolerance
      && horizontal.position <= vertical.end + tolerance
  }

  /// Sorted positions with near-duplicates merged.
  static func cluster(_ positions: [Double]) -> [Double] {
    var groups: [[Double]] = []
    for position in positions.sorted() {
      if let last = groups.last?.last, position - last <= tolerance {
        groups[groups.count - 1].append(position)
      } else {
        groups.append([position])
      }
    }
    return groups.map { $0.reduce(0, +) / Double($0.count) }
  }

  /// How much of `from...to` the lines at `position` cover.
  static func drawn(_ lines: [RulingLine], at position: Double, from: Double, to: Double) -> Double {
    let length = to - from
    guard length > 0 else { return 1 }
    var pieces: [(Double, Double)] = []
    for line in lines where abs(line.position - position) <= tolerance {
      let start = max(from, line.start)
      let end = min(to, line.end)
      if end > start { pieces.append((start, end)) }
    }
    pieces.sort { $0.0 < $1.0 }
    var total = 0.0
    var reach = from
    for (start, end) in pieces where end > reach {
      total += end - max(start, reach)
      reach = end
    }
    return total / length
  }

  /// The merged cells: neighbours with no drawn edge between them joined.
  static func spans(
    xs: [Double], ys: [Double], horizontal: [RulingLine], vertical: [RulingLine]
  ) -> [Cell] {
    let rows = ys.count - 1
    let columns = xs.count - 1
    var parent = Array(0..<(rows * columns))
    func find(_ index: Int) -> Int {
      var index = index
      while parent[index] != index {
        parent[index] = parent[parent[index]]
        index = parent[index]
      }
      return index
    }
    func join(_ a: Int, _ b: Int) {
      let rootA = find(a)
      let rootB = find(b)
      if rootA != rootB { parent[max(rootA, rootB)] = min(rootA, rootB) }
    }
    for row in 0..<rows {
      for column in 0..<columns {
        let here = row * columns + column
        if column + 1 < columns,
          drawn(vertical, at: xs[column + 1], from: ys[row], to: ys[row + 1]) < drawnShare
        {
          join(here, here + 1)
        }
        if row + 1 < rows,
          drawn(horizontal, at: ys[row + 1], from: xs[column], to: xs[column + 1]) < drawnShare
        {
          join(here, here + columns)
        }
      }
    }
    var byRoot: [Int: Cell] = [:]
    for row in 0..<rows {
      for column in 0..<columns {
        let root = find(row * columns + column)
        if var cell = byRoot[root] {
          cell.top = min(cell.top, row)
          cell.bottom = max(cell.bottom, row)
          cell.left = min(cell.left, column)
          cell.right = max(cell.right, column)
          byRoot[root] = cell
        } else {
          byRoot[root] = Cell(
            top: row, bottom: row, left: column, right: column,
            rect: PageRect(minX: 0, minY: 0, maxX: 0, maxY: 0))
        }
      }
    }
    return byRoot.values
      .map { cell in
        var cell = cell
        cell.rect = PageRect(
          minX: xs[cell.left], minY: ys[cell.top], maxX: xs[cell.right + 1], maxY: ys[cell.bottom + 1])
        return cell
      }
      .sorted { ($0.top, $0.left) < ($1.top, $1.left) }
  }
}
