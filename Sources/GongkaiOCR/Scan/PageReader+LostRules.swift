import GongkaiLayout

extension PageReader {
  /// The rules a grid lost inside its cells, drawn back in: column rules between two numbers
  /// (``lostColumnRules(in:of:page:level:)``), and row rules. For a row rule, a cell spanning several grid rows
  /// whose ink stands in lines, all clear of a row edge inside it (an edge ruled in other
  /// columns), with digit lines alone below that edge and ink above it. The rule there was
  /// too light or broken to be found (a partial header rule on a WPS-style table), and the
  /// cell holds a header over the first row's number (自然人 over 61) or two rows' numbers:
  /// read as one cell the number lands in the header or the row above. Restored, each part
  /// is its own cell for the reader and for the layout step alike.
  ///
  /// Only edges the grid already has are restored, never guessed ones: where a rule is lost
  /// across the whole table there is no edge, and the cell stays as it is, unless the light
  /// pass found a line through the cell (`lightColumns`) with numbers alone on both sides of
  /// it: a light column rule lost in every row of a single-row table (table 四's values).
  func lostRules(
    in grids: [TableGrid], page: GreyBitmap, level: UInt8, lightColumns: [RulingLine] = []
  ) -> [RulingLine] {
    let scale = page.pixelsPerPoint
    let speck = max(2, Int((0.35 * scale) * (0.35 * scale)))
    let edge = -max(1, Int((0.5 * scale).rounded()))
    let lead = max(2, Int((1.5 * scale).rounded()))
    let reach = max(4, Int((3 * scale).rounded()))
    let tallestDigit = Int((maximumDigitHeight * scale).rounded())
    // Ink may come this near the edge (pixels) and still be clear of it: a blurred glyph.
    let clearance = max(1, Int((0.5 * scale).rounded()))
    // A piece of the broken rule itself: a flat stroke on the edge, no glyph.
    let pieceThickness = max(2, Int((1.5 * scale).rounded()))
    var restored: [RulingLine] = []
    for grid in grids {
      // Each cell spanning rows: its lines split at each row edge inside it, when all are
      // clear of the edge.
      var splits: [(cell: TableGrid.Cell, row: Int, above: [InkComponents], below: [InkComponents])] = []
      for cell in grid.cells {
        // A light line the rules did not keep, through the cell from its top rule to its
        // bottom one: an edge the grid lost over the whole table (a light column rule lost
        // in every row), proven only by the numbers on either side of it.
        let rect = cell.rect
        let slack = 4.0
        let inside = lightColumns.filter { line in
          line.position > rect.minX + slack && line.position < rect.maxX - slack
            && line.start <= rect.minY + slack && line.end >= rect.maxY - slack
        }.map(\.position)
        guard cell.right > cell.left || !inside.isEmpty else { continue }
        restored += lostColumnRules(in: cell, of: grid, page: page, level: level, extra: inside)
      }
      for cell in grid.cells where cell.bottom > cell.top {
        let drawn = pixelRect(cell.rect, scale: scale).insetBy(edge)
        let region = InkComponents.insideRules(of: drawn, in: page, level: level, lead: lead, reach: reach)
        guard !region.isEmpty else { continue }
        let ink = InkComponents(in: page, region: region, level: level, minimumArea: speck)
        guard ink.boxes.count >= 2 else { continue }
        for row in (cell.top + 1)...cell.bottom where row < grid.ys.count {
          let y = Int((grid.ys[row] * scale).rounded())
          var glyphs = ink
          glyphs.boxes.removeAll { blob in
            blob.box.height <= pieceThickness && blob.box.width >= 3 * blob.box.height
              && blob.box.y <= y + reach && blob.box.maxY >= y - reach
          }
          let lines = Self.lines(glyphs)
          guard
            lines.allSatisfy({ line in
              guard let box = line.union else { return true }
              return box.maxY <= y + clearance || box.y >= y - clearance
            })
          else { continue }
          let above = lines.filter { ($0.union?.maxY ?? 0) <= y + clearance }
          let below = lines.filter { ($0.union?.y ?? 0) >= y - clearance }
          guard !above.isEmpty, !below.isEmpty else { continue }
          splits.append((cell, row, above, below))
        }
      }
      // The proof of a lost rule: digits alone below the edge, ink above (a header over a
      // number, or two rows' numbers).
      let proven = Set(
        splits.filter { split in
          split.below.allSatisfy { Self.looksNumeric($0, maximumHeight: tallestDigit) }
        }.map(\.row))
      // At a proven edge, every cell split cleanly by it lost the rule too (the row's label
      // merged with the header's). A group label spanning rows (（三）不予公开) is split by no
      // proven edge: its rows' cells hold one row's ink each.
      for split in splits where proven.contains(split.row) {
        restored.append(
          RulingLine(
            axis: .horizontal, position: grid.ys[split.row], start: split.cell.rect.minX, end: split.cell.rect.maxX))
      }
      // A label cell over two value rows: the rule under a label was broken where the label's
      // glyphs touch it (tight rows on a light grid), so 规章 and 规范性文件 were one cell
      // beside two rows of numbers, and the layout step gave the first row's numbers to the
      // label read last. The edge is ruled right beside the cell (its right neighbours end and
      // start there) and both neighbours hold numbers alone: each line is its own row's label.
      // Only this cell is split: a group label (三、本年度办理结果, one character a line) has
      // labels, not numbers, beside it.
      for split in splits where !proven.contains(split.row) {
        guard
          valuesBeside(
            split.cell, edge: split.row, lines: split.above + split.below, in: grid, page: page, level: level,
            clearance: reach)
        else { continue }
        restored.append(
          RulingLine(
            axis: .horizontal, position: grid.ys[split.row], start: split.cell.rect.minX, end: split.cell.rect.maxX))
      }
    }
    return restored
  }

  /// Whether right of `cell` (a label cell over two grid rows, split by its ink at row edge
  /// `edge`) the edge is ruled and both rows hold numbers alone: in the next column, or
  /// further right across cells the edge splits too when a line of the labels (`lines`)
  /// runs to within `clearance` pixels of the cell's right side. There a character's strokes
  /// in line over the tight rows were found as a column rule that cut the label (8.属于行政查询
  /// 事项 over 1.本机关不掌握相关政府信息, its tail beyond the stroke): read as one cell, the
  /// label took the row above's values and its own row was dropped. A group label (（三）不予
  /// 公开, centred in its column) stops short of its side and has labels beside it.
  func valuesBeside(
    _ cell: TableGrid.Cell, edge: Int, lines: [InkComponents], in grid: TableGrid, page: GreyBitmap,
    level: UInt8, clearance: Int
  ) -> Bool {
    let right = Int((cell.rect.maxX * page.pixelsPerPoint).rounded())
    let cutOff = lines.contains { ($0.union?.maxX ?? 0) >= right - clearance }
    var column = cell.right + 1
    while column < grid.xs.count - 1 {
      guard
        let upper = Self.owner(of: edge - 1, column, in: grid),
        let lower = Self.owner(of: edge, column, in: grid),
        upper.bottom == edge - 1, lower.top == edge
      else { return false }
      if holdsNumbersAlone(upper, page: page, level: level), holdsNumbersAlone(lower, page: page, level: level) {
        return true
      }
      guard cutOff else { return false }
      column = max(upper.right, lower.right) + 1
    }
    return false
  }

  /// The cell of `grid` covering grid row `row` and column `column`, if any.
  static func owner(of row: Int, _ column: Int, in grid: TableGrid) -> TableGrid.Cell? {
    grid.cells.first { $0.top <= row && row <= $0.bottom && $0.left <= column && column <= $0.right }
  }

  /// Whether a cell's ink is one line of digits (a number, a sign, a decimal point): a value
  /// cell, not a label or a header.
  func holdsNumbersAlone(_ cell: TableGrid.Cell, page: GreyBitmap, level: UInt8) -> Bool {
    let scale = page.pixelsPerPoint
    let drawn = pixelRect(cell.rect, scale: scale).insetBy(-max(1, Int((0.5 * scale).rounded())))
    // A rule's thickness and how far in from the cell's edge it may run.
    let thickness = max(2, Int((1.5 * scale).rounded()))
    let reach = max(4, Int((3 * scale).rounded()))
    let region = InkComponents.insideRules(of: drawn, in: page, level: level, lead: thickness, reach: reach)
    guard !region.isEmpty else { return false }
    var ink = InkComponents(
      in: page, region: region, level: level, minimumArea: max(2, Int((0.35 * scale) * (0.35 * scale))))
    // Pieces of a broken rule at the cell's top or bottom (too light to be skipped as a
    // rule): flat strokes on its edge, no glyph.
    ink.boxes.removeAll { blob in
      blob.box.height <= thickness && blob.box.width >= 3 * blob.box.height
        && (blob.box.y <= region.y + reach || blob.box.maxY >= region.maxY - reach)
    }
    // A digit the copier broke into pieces one above the other (5's top bar apart from its
    // bowl) is one glyph: pieces over the same columns go together.
    ink.boxes = Self.stackedPieces(ink.boxes)
    let lines = Self.lines(ink)
    let tallestDigit = Int((maximumDigitHeight * scale).rounded())
    return lines.count == 1 && lines.allSatisfy { Self.looksNumeric($0, maximumHeight: tallestDigit) }
  }

  /// Blobs joined where one stands over another, most of the narrower one's width over the
  /// other's, into a glyph narrower than tall: the pieces of one broken digit. Side by side
  /// blobs stay apart, and so do a Chinese character's strokes (joined, about square).
  static func stackedPieces(_ blobs: [(box: PixelRect, area: Int)]) -> [(box: PixelRect, area: Int)] {
    var joined: [(box: PixelRect, area: Int)] = []
    for blob in blobs.sorted(by: { $0.box.x < $1.box.x }) {
      if let index = joined.firstIndex(where: { other in
        let overlap = min(other.box.maxX, blob.box.maxX) - max(other.box.x, blob.box.x)
        let whole = other.box.union(blob.box)
        return overlap * 2 > min(other.box.width, blob.box.width) && whole.width * 10 <= whole.height * 9
      }) {
        joined[index] = (joined[index].box.union(blob.box), joined[index].area + blob.area)
      } else {
        joined.append(blob)
      }
    }
    return joined
  }

  /// The column rules lost inside one cell spanning several grid columns, drawn back in: at
  /// each column edge inside it (ruled in other rows, or at `extra`: light lines through it
  /// the rules did not keep) its ink stands clear of the edge, and
  /// on each side are numbers alone, apart by more than a digit is tall. A light column rule
  /// in a table's value row (table 四's 2 and 1 in one cell) made the two numbers one
  /// cell, read as none, and the values after it moved one column left.
  func lostColumnRules(
    in cell: TableGrid.Cell, of grid: TableGrid, page: GreyBitmap, level: UInt8, extra: [Double] = []
  ) -> [RulingLine] {
    let scale = page.pixelsPerPoint
    let speck = max(2, Int((0.35 * scale) * (0.35 * scale)))
    let drawn = pixelRect(cell.rect, scale: scale).insetBy(-max(1, Int((0.5 * scale).rounded())))
    let region = InkComponents.insideRules(
      of: drawn, in: page, level: level, lead: max(2, Int((1.5 * scale).rounded())),
      reach: max(4, Int((3 * scale).rounded())))
    guard !region.isEmpty else { return [] }
    let ink = InkComponents(in: page, region: region, level: level, minimumArea: speck)
    guard ink.boxes.count >= 2, Self.lines(ink).count == 1 else { return [] }
    let tallestDigit = Int((maximumDigitHeight * scale).rounded())
    let clearance = max(1, Int((0.5 * scale).rounded()))
    let digitHeight = Self.typicalHeight(ink)
    // Numbers alone: each run of ink between gaps wider than a digit is tall looks like one.
    func numbersAlone(_ part: InkComponents) -> Bool {
      guard !part.boxes.isEmpty else { return false }
      var runs: [InkComponents] = []
      var reached = Int.min
      for blob in part.boxes.sorted(by: { $0.box.x < $1.box.x }) {
        if runs.isEmpty || blob.box.x - reached > digitHeight {
          var run = part
          run.boxes = [blob]
          runs.append(run)
        } else {
          runs[runs.count - 1].boxes.append(blob)
        }
        reached = max(reached, blob.box.maxX)
      }
      return runs.allSatisfy { Self.looksNumeric($0, maximumHeight: tallestDigit) }
    }
    var restored: [RulingLine] = []
    let edges = (cell.left..<cell.right).compactMap { $0 + 1 < grid.xs.count ? grid.xs[$0 + 1] : nil } + extra
    for position in edges {
      let x = Int((position * scale).rounded())
      guard ink.boxes.allSatisfy({ $0.box.maxX <= x + clearance || $0.box.x >= x - clearance }) else { continue }
      var left = ink
      left.boxes.removeAll { $0.box.maxX > x + clearance }
      var right = ink
      right.boxes.removeAll { $0.box.x < x - clearance }
      guard let leftBox = left.union, let rightBox = right.union, rightBox.x - leftBox.maxX > digitHeight,
        numbersAlone(left), numbersAlone(right)
      else { continue }
      restored.append(
        RulingLine(axis: .vertical, position: position, start: cell.rect.minY, end: cell.rect.maxY))
    }
    return restored
  }
}
