/// Finds tables drawn with ruling lines and reads their cells.
///
/// Lines that touch or cross one another form a grid; every horizontal and vertical line
/// position of the grid is a row or column edge. Neighbouring grid cells with no drawn line
/// between them are one merged cell, so a label spanning rows or columns is read once.
public struct RuledTableFinder: Sendable {
  /// How far (points) lines may miss each other and still count as touching.
  public var tolerance: Double = 3
  /// The share of an edge that must be drawn for it to separate two cells.
  public var drawnShare: Double = 0.6
  /// Builds the lines inside cells.
  public var lineBuilder = LineBuilder()

  /// Creates a finder.
  public init() {}

  /// The ruled tables of `page` and, for each, the indices of the characters it took.
  public func tables(on page: PositionedPage) -> [(table: Table, characters: Set<Int>)] {
    let grids = Self.droppingFrames(self.grids(from: page.rulings), pageHeight: page.height)
      .filter { !Self.hasColumnsInShadedRowsOnly($0, fills: page.fills, characters: page.characters) }
    var results: [(table: Table, characters: Set<Int>)] = []
    var taken = Set<Int>()
    for grid in grids {
      var inside: [Int] = []
      for (index, character) in page.characters.enumerated() where !taken.contains(index) {
        if grid.box.contains(x: character.box.midX, y: character.box.midY) {
          inside.append(index)
        }
      }
      let characters = inside.map { page.characters[$0] }
      let table = read(grid, characters: characters, missingRules: missingRowRules(grid, characters: characters))
      taken.formUnion(inside)
      results.append((table, Set(inside)))
    }
    return results
  }

  /// `grids` without frames: a grid of one column (a box, however many lines cross it)
  /// that holds another grid or reaches over half the page is a frame around the page or
  /// its text, not a table; its text is read as running text and its tables as tables.
  static func droppingFrames(_ grids: [Grid], pageHeight: Double) -> [Grid] {
    let boxes = grids.map(\.box)
    return grids.filter { !Self.isFrame($0.box, columnEdges: $0.xs.count, among: boxes, pageHeight: pageHeight) }
  }

  /// Whether a grid with `box` and `columnEdges` column edges is a frame among grids with
  /// `boxes`: one column (a box, however many lines cross it) that holds another grid or
  /// reaches over half the page.
  public static func isFrame(_ box: PageRect, columnEdges: Int, among boxes: [PageRect], pageHeight: Double) -> Bool {
    guard columnEdges == 2 else { return false }
    let holdsGrid = boxes.contains { other in
      other != box && other.minX >= box.minX - 1 && other.maxX <= box.maxX + 1
        && other.minY >= box.minY - 1 && other.maxY <= box.maxY + 1
    }
    return holdsGrid || box.height >= pageHeight / 2
  }

  /// Whether the columns of `grid` are seen only in its shaded rows: every vertical edge
  /// is the side of a filled area and some of its text stands where the grid is not shaded
  /// across (`fills` cover less than half its width at the text's middle; a stretch without
  /// text, such as the strip a page break leaves, tells nothing). A table with every other
  /// row shaded and no column lines (ruled across only, or not at all) has column edges in
  /// the shaded rows alone, so its other rows would be read as one cell each; like the same
  /// table unshaded it is read from its text's columns, its rules bounding the rows. A
  /// table drawn by shading alone (white cells on a coloured table, a shaded header block)
  /// has all its text on shading and stays a grid; so does a box of one column (a shaded
  /// footer under a rule).
  static func hasColumnsInShadedRowsOnly(
    _ grid: Grid, fills: [FilledArea], characters: [PositionedCharacter]
  ) -> Bool {
    guard grid.xs.count > 2, grid.vertical.allSatisfy({ $0.source == .fillEdge }),
      let left = grid.xs.first, let right = grid.xs.last, right > left
    else { return false }
    let box = grid.box
    var checked = Set<Int>()
    for character in characters
    where !character.character.isBlank && box.contains(x: character.box.midX, y: character.box.midY) {
      let middle = character.box.midY
      // Characters of one line share their middle to a point: each line is measured once.
      guard checked.insert(Int(middle.rounded())).inserted else { continue }
      var covered: [(Double, Double)] = []
      for fill in fills where fill.box.minY <= middle && fill.box.maxY >= middle {
        let start = max(left, fill.box.minX)
        let end = min(right, fill.box.maxX)
        if end > start { covered.append((start, end)) }
      }
      if coveredLength(of: covered, from: left) < (right - left) / 2 { return true }
    }
    return false
  }

  /// A grid: its column and row edges and which edges are drawn.
  /// A grid of touching ruling lines: its edges and the lines drawn on them.
  public struct Grid: Sendable {
    /// Column edges, left to right, in points.
    public var xs: [Double]
    /// Row edges, top to bottom, in points.
    public var ys: [Double]
    /// The horizontal lines of the grid.
    public var horizontal: [RulingLine]
    /// The vertical lines of the grid.
    public var vertical: [RulingLine]
    /// The whole grid, in points.
    public var box: PageRect {
      PageRect(minX: xs.first ?? 0, minY: ys.first ?? 0, maxX: xs.last ?? 0, maxY: ys.last ?? 0)
    }
  }

  /// Groups touching lines into grids with at least two lines each way.
  public func grids(from rulings: [RulingLine]) -> [Grid] {
    let lines = rulings.filter { $0.end - $0.start > tolerance }
    let count = lines.count
    guard count >= 4 else { return [] }
    var sets = DisjointSets(count: count)
    var touches = [Int](repeating: 0, count: count)
    for first in 0..<count where lines[first].axis == .horizontal {
      for second in 0..<count where lines[second].axis == .vertical {
        if self.touches(lines[first], lines[second]) {
          touches[first] += 1
          touches[second] += 1
          sets.join(first, second)
        }
      }
    }
    var components: [Int: [RulingLine]] = [:]
    for index in 0..<count where touches[index] > 0 {
      components[sets.find(index), default: []].append(lines[index])
    }
    var grids: [Grid] = []
    for members in components.values.flatMap({ splitAtOpenRowEdges($0) }) {
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
      grids.append(Grid(xs: xs, ys: ys, horizontal: horizontal, vertical: vertical))
    }
    return grids.sorted { $0.box.minY < $1.box.minY }
  }

  /// The touching lines `members` cut into boxes stacked on one another: at a horizontal
  /// line that no vertical line crosses while some end on it and some start on it, the
  /// lines above and
  /// below are two things that only touch there (a banner and the 相关链接 box under its
  /// edge), not the rows of one table, whose sides run through every row edge. The line
  /// they share goes to both, each keeping the part between its own vertical lines.
  func splitAtOpenRowEdges(_ members: [RulingLine]) -> [[RulingLine]] {
    let vertical = members.filter { $0.axis == .vertical }
    let horizontal = members.filter { $0.axis == .horizontal }
    let ys = cluster(horizontal.map(\.position))
    guard ys.count > 2,
      let cut = ys.dropFirst().dropLast().first(where: { y in
        !vertical.contains { $0.start < y - tolerance && $0.end > y + tolerance }
          && vertical.contains { abs($0.end - y) <= tolerance } && vertical.contains { abs($0.start - y) <= tolerance }
          // A side that goes on below (a shaded cell's edge meeting a drawn rule) is one
          // table's side, not two boxes meeting.
          && vertical.contains { ending in
            abs(ending.end - y) <= tolerance
              && !vertical.contains {
                abs($0.start - y) <= tolerance && abs($0.position - ending.position) <= tolerance
              }
          }
      })
    else { return [members] }
    func part(_ verticals: [RulingLine], _ keep: (Double) -> Bool) -> [RulingLine] {
      guard let left = verticals.map(\.position).min(), let right = verticals.map(\.position).max() else { return [] }
      let rows = horizontal.compactMap { line -> RulingLine? in
        guard keep(line.position) else { return nil }
        var clipped = line
        if abs(line.position - cut) <= tolerance {
          clipped.start = max(line.start, left - tolerance)
          clipped.end = min(line.end, right + tolerance)
        }
        return clipped.end - clipped.start > tolerance ? clipped : nil
      }
      return verticals + rows
    }
    let upper = part(vertical.filter { $0.end < cut + tolerance }) { $0 <= cut + tolerance }
    let lower = part(vertical.filter { $0.start > cut - tolerance }) { $0 >= cut - tolerance }
    return splitAtOpenRowEdges(upper) + splitAtOpenRowEdges(lower)
  }

  func touches(_ horizontal: RulingLine, _ vertical: RulingLine) -> Bool {
    vertical.position >= horizontal.start - tolerance
      && vertical.position <= horizontal.end + tolerance
      && horizontal.position >= vertical.start - tolerance
      && horizontal.position <= vertical.end + tolerance
  }

  /// Sorted positions with near-duplicates (within the tolerance) merged.
  func cluster(_ positions: [Double]) -> [Double] {
    var result: [[Double]] = []
    for position in positions.sorted() {
      if let last = result.last?.last, position - last <= tolerance {
        result[result.count - 1].append(position)
      } else {
        result.append([position])
      }
    }
    return result.map { $0.reduce(0, +) / Double($0.count) }
  }

  /// How much of the span `from...to` the lines at `position` cover.
  public func drawnShare(of lines: [RulingLine], at position: Double, from: Double, to: Double) -> Double {
    let length = to - from
    guard length > 0 else { return 1 }
    var covered: [(Double, Double)] = []
    for line in lines where abs(line.position - position) <= tolerance {
      let start = max(from, line.start)
      let end = min(to, line.end)
      if end > start { covered.append((start, end)) }
    }
    return Self.coveredLength(of: covered, from: from) / length
  }

  /// The length the spans cover together, each counted once, from `origin` on.
  static func coveredLength(of spans: [(Double, Double)], from origin: Double) -> Double {
    var total = 0.0
    var reach = origin
    for (start, end) in spans.sorted(by: { $0.0 < $1.0 }) where end > reach {
      total += end - max(start, reach)
      reach = end
    }
    return total
  }

  /// A merged cell: the grid rows and columns it spans.
  public struct Span: Sendable, Hashable {
    /// First grid row.
    public var top: Int
    /// Last grid row.
    public var bottom: Int
    /// First grid column.
    public var left: Int
    /// Last grid column.
    public var right: Int

    /// Where the cell is in `grid`, in points, between the centres of its rules.
    public func rect(in grid: Grid) -> PageRect {
      PageRect(minX: grid.xs[left], minY: grid.ys[top], maxX: grid.xs[right + 1], maxY: grid.ys[bottom + 1])
    }
  }

  /// Row edges (by index into `grid.ys`) whose rule is missing from the drawing in some
  /// columns though the text shows a row boundary there, and the columns it bounds: a
  /// column where the cells above and below the edge both hold only a number (a number
  /// never wraps, so a cell with a number on two rows is two cells) makes the edge a row
  /// boundary in every column no character straddles.
  func missingRowRules(_ grid: Grid, characters: [PositionedCharacter]) -> [Int: Set<Int>] {
    let rows = grid.ys.count - 1
    let columns = grid.xs.count - 1
    guard rows >= 2 else { return [:] }
    // Per cell: whether it holds characters, all of them parts of a number.
    var holds = [Bool](repeating: false, count: rows * columns)
    var numeric = [Bool](repeating: true, count: rows * columns)
    for character in characters where !character.character.isBlank {
      guard let column = index(of: character.box.midX, in: grid.xs),
        let row = index(of: character.box.midY, in: grid.ys)
      else { continue }
      let cell = row * columns + column
      holds[cell] = true
      if !(character.character.isWholeNumberDigit || character.character.isNumberPunctuation) { numeric[cell] = false }
    }
    var result: [Int: Set<Int>] = [:]
    let drawsLines = grid.horizontal.contains { $0.source == .line }
    for edge in 1..<rows {
      let y = grid.ys[edge]
      // In a grid drawn with lines, an edge seen only as the end of some shading (a zebra
      // row cell cut short) is no rule: a number wrapped across it is one number.
      if drawsLines, !grid.horizontal.contains(where: { $0.source == .line && abs($0.position - y) <= tolerance }) {
        continue
      }
      let split = (0..<columns).contains { column in
        let above = (edge - 1) * columns + column
        let below = edge * columns + column
        return holds[above] && numeric[above] && holds[below] && numeric[below]
          && drawnShare(of: grid.horizontal, at: y, from: grid.xs[column], to: grid.xs[column + 1]) < drawnShare
      }
      guard split else { continue }
      var straddled = Set<Int>()
      for character in characters where character.box.minY < y - 1 && character.box.maxY > y + 1 {
        if let column = index(of: character.box.midX, in: grid.xs) { straddled.insert(column) }
      }
      result[edge] = Set(0..<columns).subtracting(straddled)
    }
    return result
  }

  /// The merged cells of a grid, found by joining neighbours with no drawn edge between
  /// (an edge in `missingRules`, row edge index to columns, counts as drawn).
  public func spans(of grid: Grid, missingRules: [Int: Set<Int>] = [:]) -> [Span] {
    merged(grid, missingRules: missingRules).spans
  }

  /// The merged cells of `grid` (each the rows and columns its grid cells reach) and, per
  /// grid cell (row by row), the index of the merged cell it belongs to. A merged cell need
  /// not be a rectangle (the rests of cells a page break cut short, joined round the corner
  /// of a row below them), so the span that reaches over a grid cell is not always its owner.
  func merged(_ grid: Grid, missingRules: [Int: Set<Int>]) -> (spans: [Span], owner: [Int]) {
    let rows = grid.ys.count - 1
    let columns = grid.xs.count - 1
    guard rows > 0, columns > 0 else { return ([], []) }
    var sets = DisjointSets(count: rows * columns)
    for row in 0..<rows {
      for column in 0..<columns {
        let here = row * columns + column
        if column + 1 < columns {
          let share = drawnShare(
            of: grid.vertical, at: grid.xs[column + 1], from: grid.ys[row], to: grid.ys[row + 1])
          if share < drawnShare { sets.join(here, here + 1) }
        }
        if row + 1 < rows {
          let share = drawnShare(
            of: grid.horizontal, at: grid.ys[row + 1], from: grid.xs[column],
            to: grid.xs[column + 1])
          if share < drawnShare, missingRules[row + 1]?.contains(column) != true { sets.join(here, here + columns) }
        }
      }
    }
    var byRoot: [Int: Span] = [:]
    for row in 0..<rows {
      for column in 0..<columns {
        let root = sets.find(row * columns + column)
        if var span = byRoot[root] {
          span.top = min(span.top, row)
          span.bottom = max(span.bottom, row)
          span.left = min(span.left, column)
          span.right = max(span.right, column)
          byRoot[root] = span
        } else {
          byRoot[root] = Span(top: row, bottom: row, left: column, right: column)
        }
      }
    }
    let ordered = byRoot.sorted { ($0.value.top, $0.value.left, $0.key) < ($1.value.top, $1.value.left, $1.key) }
    var position: [Int: Int] = [:]
    for (index, entry) in ordered.enumerated() { position[entry.key] = index }
    let owner = (0..<(rows * columns)).map { position[sets.find($0)] ?? 0 }
    return (ordered.map(\.value), owner)
  }

  /// Reads the cells of `grid` from the characters inside it.
  func read(_ grid: Grid, characters: [PositionedCharacter], missingRules: [Int: Set<Int>] = [:]) -> Table {
    let (spans, owner) = merged(grid, missingRules: missingRules)
    var cellCharacters = [[PositionedCharacter]](repeating: [], count: spans.count)
    let columns = grid.xs.count - 1
    func span(_ row: Int, _ column: Int) -> Int? {
      guard row >= 0, row < grid.ys.count - 1, column >= 0, column < columns else { return nil }
      return owner[row * columns + column]
    }
    // A character that is no digit and reaches over the top rule of its cell: text of the
    // cell above overflowing its rule (a header cut by a page break), decided below.
    var straddling: [(character: PositionedCharacter, below: Int, above: Int)] = []
    for character in characters {
      let x = character.box.midX
      let y = character.box.midY
      guard let column = index(of: x, in: grid.xs), let row = index(of: y, in: grid.ys) else {
        continue
      }
      if let spanIndex = span(row, column) {
        if row > 0, spans[spanIndex].top == row, character.box.minY < grid.ys[row] - 1,
          !character.character.isWholeNumberDigit, !character.character.isBlank,
          let above = span(row - 1, column), above != spanIndex
        {
          straddling.append((character, spanIndex, above))
        } else {
          cellCharacters[spanIndex].append(character)
        }
      }
    }
    // It joins the cell above when that cell has text and its own cell is otherwise a
    // number (a number cell holds no other text); else it stays where its middle is.
    for (character, below, above) in straddling {
      let own = cellCharacters[below].filter { !$0.character.isBlank }
      let isNumberCell =
        !own.isEmpty && own.allSatisfy { $0.character.isWholeNumberDigit || $0.character.isNumberPunctuation }
      cellCharacters[isNumberCell && !cellCharacters[above].isEmpty ? above : below].append(character)
    }
    let reader = CellText(builder: lineBuilder)
    let texts = cellCharacters.map { reader.text(of: $0) }

    var rows: [TableRow] = []
    for row in 0..<(grid.ys.count - 1) {
      // Every span covering this row, once, left to right; a span started above is empty.
      let covering = spans.enumerated()
        .filter { $0.element.top <= row && row <= $0.element.bottom }
        .sorted { $0.element.left < $1.element.left }
      let cells = covering.map { $0.element.top == row ? texts[$0.offset] : "" }
      let box = PageRect(
        minX: grid.xs[0], minY: grid.ys[row], maxX: grid.xs[grid.xs.count - 1],
        maxY: grid.ys[row + 1])
      let tableRow = TableRow(cells: cells, box: box, cellBoxes: covering.map { $0.element.rect(in: grid) })
      if !tableRow.isEmpty { rows.append(tableRow) }
    }
    return Table(rows: rows, box: grid.box, columnEdges: grid.xs, isRuled: true)
  }

  /// The interval of `edges` that holds `value`, or `nil` outside them.
  func index(of value: Double, in edges: [Double]) -> Int? {
    guard let first = edges.first, let last = edges.last, value >= first, value <= last else {
      return nil
    }
    var low = 0
    var high = edges.count - 1
    while high - low > 1 {
      let middle = (low + high) / 2
      if edges[middle] <= value { low = middle } else { high = middle }
    }
    return low
  }
}
