import GongkaiLayout

extension PageReader {
  /// A seal's disc in points: where its ring and what it covers lie.
  struct SealDisc: Sendable, Equatable {
    /// The centre, in points.
    var x: Double
    var y: Double
    /// The ring's radius with its margin, in points.
    var radius: Double

    /// Whether the point lies on the disc grown by `margin` points.
    func contains(x px: Double, y py: Double, margin: Double) -> Bool {
      let (dx, dy) = (px - x, py - y)
      let reach = radius + margin
      return dx * dx + dy * dy <= reach * reach
    }
  }

  /// The grid rules lost under seals, drawn back in. A seal's ring, its characters and star
  /// lie thick over a light rule (a light-blue grid under a seal darker than it), so the rule
  /// finder loses the rule's stretch there: the cells under the seal merge into one (two rows'
  /// values and their label read as one cell, none placed) or a table's heading joins the
  /// header below it (table 四's top rule lost under a seal over its corner, the whole table
  /// unread).
  ///
  /// A grid edge (a position the grid already has) is drawn back cell by cell, on from where
  /// it is drawn, over the cells where every stretch of it missing lies on one seal's disc
  /// (grown by `margin` points), up to the first cell that is not so: beyond, the edge may be
  /// a merged cell's, never drawn. A cell is also not so where print crosses the edge
  /// (`crossesPrint(axis, position, from, to)`: a heading's or label's characters stand
  /// across a rule never drawn), or where the edge would leave a cell narrower than
  /// `minimumCell` points beside it. An edge with another a few points off (table 四's column
  /// edges under table 三's, two tables in one grid) is drawn back only between two drawn
  /// stretches of it: from one side it could run on into the other table. An edge drawn
  /// nowhere on its line is no evidence.
  static func rulesUnderSeals(
    _ grids: [TableGrid], rulings: [RulingLine], seals: [SealDisc], margin: Double = 3, minimumCell: Double = 10,
    crossesPrint: (RulingLine.Axis, Double, Double, Double) -> Bool
  ) -> [RulingLine] {
    guard !seals.isEmpty else { return [] }
    let finder = RuledTableFinder()
    func isDrawn(_ lines: [RulingLine], at position: Double, from: Double, to: Double) -> Bool {
      finder.drawnShare(of: lines, at: position, from: from, to: to) >= finder.drawnShare
    }
    var restored: [RulingLine] = []
    for grid in grids {
      for axis in [RulingLine.Axis.horizontal, .vertical] {
        // Positions of the edges, and the cells along them.
        let positions = axis == .horizontal ? grid.ys : grid.xs
        let along = axis == .horizontal ? grid.xs : grid.ys
        let lines = rulings.filter { $0.axis == axis }
        guard along.count >= 2 else { continue }
        for position in positions {
          let drawn = (0..<(along.count - 1)).map { index in
            isDrawn(lines, at: position, from: along[index], to: along[index + 1])
          }
          guard drawn.contains(true) else { continue }
          // A position with another a few points from it is two tables' edges (table 四 under
          // table 三, its columns a few points off): a rule there is drawn back only where it
          // is drawn on both sides of the seal, not on from one side into the other table.
          let paired = positions.contains { $0 != position && abs($0 - position) < minimumCell }
          var index = 0
          while index < drawn.count {
            guard !drawn[index] else {
              index += 1
              continue
            }
            var last = index
            while last + 1 < drawn.count, !drawn[last + 1] { last += 1 }
            defer { index = last + 1 }
            func point(_ t: Double) -> (x: Double, y: Double) {
              axis == .horizontal ? (t, position) : (position, t)
            }
            // Whether the cell's stretch of the edge is missing only on one seal's disc.
            func underSeal(_ cell: Int) -> Bool {
              uncovered(lines, at: position, from: along[cell], to: along[cell + 1], tolerance: finder.tolerance)
                .allSatisfy { gap in
                  seals.contains { seal in
                    let (a, b) = (point(gap.0), point(gap.1))
                    return seal.contains(x: a.x, y: a.y, margin: margin)
                      && seal.contains(x: b.x, y: b.y, margin: margin)
                  }
                }
            }
            // Edges drawn back earlier in this pass count for slivers: the partner of an edge
            // restored a few points off would be one.
            let present = lines + restored.filter { $0.axis == axis }
            // The nearest edges drawn (in `drawnLines`) across the cell's stretch on each side
            // of the position.
            func neighbours(_ cell: Int, in drawnLines: [RulingLine], sides: Bool) -> (below: Double?, above: Double?) {
              let inner = sides ? positions : Array(positions.dropFirst().dropLast())
              let others = inner.filter { other in
                other != position
                  && isDrawn(drawnLines, at: other, from: along[cell], to: along[cell + 1])
              }
              return (others.filter { $0 < position }.max(), others.filter { $0 > position }.min())
            }
            // The cell's stretch would leave a sliver of a cell beside it: the edge is another
            // table's (table 四's column edges a few points from table 三's under it).
            func leavesSliver(_ cell: Int) -> Bool {
              let (below, above) = neighbours(cell, in: present, sides: true)
              return position - (below ?? positions.first ?? position) < minimumCell
                || (above ?? positions.last ?? position) - position < minimumCell
            }
            func restorable(_ cell: Int) -> Bool {
              underSeal(cell) && !leavesSliver(cell)
                && !crossesPrint(axis, position, along[cell], along[cell + 1])
            }
            // A paired edge goes on from one side only through cells split by drawn edges on
            // both sides of it, inside the grid (a row of its own table's columns), never into
            // a heading's row, whose one cell spans the grid, and on past it into the other
            // table. Edges only drawn back are no evidence: they would lead one another on.
            func continues(_ cell: Int) -> Bool {
              let (below, above) = neighbours(cell, in: lines, sides: false)
              return below != nil && above != nil && restorable(cell)
            }
            let restore = restoredCells(
              index...last, drawnBefore: index > 0, drawnAfter: last + 1 < drawn.count, paired: paired,
              restorable: restorable, continues: continues)
            for run in runs(of: restore) {
              let (from, to) = (along[run.lowerBound], along[run.upperBound + 1])
              if OCRTrace.enabled {
                OCRTrace.write("sealrule\t\(axis)\t\(Int(position))\t\(Int(from))-\(Int(to))")
              }
              restored.append(RulingLine(axis: axis, position: position, start: from, end: to))
            }
          }
        }
      }
    }
    return restored
  }

  /// Of a run of cells where an edge is not drawn (`missing`), those it is drawn back over:
  /// from each end where it is drawn (`drawnBefore`, `drawnAfter`), on over the cells that are
  /// `restorable`, up to the first that is not (beyond, the edge may be a merged cell's that
  /// was never drawn). A `paired` edge (another table's a few points off) is drawn back over
  /// the whole run where it is drawn on both ends and every cell between is restorable;
  /// otherwise from its drawn end only over cells it `continues` through (its own table's).
  static func restoredCells(
    _ missing: ClosedRange<Int>, drawnBefore: Bool, drawnAfter: Bool, paired: Bool, restorable: (Int) -> Bool,
    continues: (Int) -> Bool = { _ in false }
  ) -> Set<Int> {
    if paired {
      if drawnBefore && drawnAfter && missing.allSatisfy(restorable) { return Set(missing) }
      return restoredCells(
        missing, drawnBefore: drawnBefore, drawnAfter: drawnAfter, paired: false, restorable: continues)
    }
    var restore = Set<Int>()
    if drawnBefore {
      for cell in missing {
        guard restorable(cell) else { break }
        restore.insert(cell)
      }
    }
    if drawnAfter {
      for cell in missing.reversed() {
        guard !restore.contains(cell), restorable(cell) else { break }
        restore.insert(cell)
      }
    }
    return restore
  }

  /// `cells` as runs of consecutive indices, in order.
  static func runs(of cells: Set<Int>) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    for cell in cells.sorted() {
      if let last = runs.last, last.upperBound + 1 == cell {
        runs[runs.count - 1] = last.lowerBound...cell
      } else {
        runs.append(cell...cell)
      }
    }
    return runs
  }

  /// The stretches of `from...to` that no line at `position` covers.
  static func uncovered(
    _ lines: [RulingLine], at position: Double, from: Double, to: Double, tolerance: Double
  ) -> [(Double, Double)] {
    let spans = lines.filter { abs($0.position - position) <= tolerance && $0.end > from && $0.start < to }
      .map { (max(from, $0.start), min(to, $0.end)) }.sorted { $0.0 < $1.0 }
    var gaps: [(Double, Double)] = []
    var reach = from
    for (start, end) in spans {
      if start > reach { gaps.append((reach, start)) }
      reach = max(reach, end)
    }
    if reach < to { gaps.append((reach, to)) }
    return gaps
  }

  /// Whether print (ink at most `level`, darker than a seal's) crosses the line at
  /// `position` between `from` and `to` (points): a blob reaching `overhang` points or more
  /// to each side of it, away from the crossing rules at its ends. A rule's own blurred
  /// stroke stays within the overhang.
  func printCrosses(
    _ axis: RulingLine.Axis, at position: Double, from: Double, to: Double, page: GreyBitmap, level: UInt8,
    overhang: Double = 1.0
  ) -> Bool {
    let scale = page.pixelsPerPoint
    let band = Int(((overhang + 1.5) * scale).rounded())
    let reach = Int((overhang * scale).rounded())
    let centre = Int((position * scale).rounded())
    let (low, high) = (Int(((from + 2) * scale).rounded()), Int(((to - 2) * scale).rounded()))
    guard high > low else { return false }
    let region =
      axis == .horizontal
      ? PixelRect(x: low, y: centre - band, width: high - low, height: 2 * band + 1)
      : PixelRect(x: centre - band, y: low, width: 2 * band + 1, height: high - low)
    let speck = max(2, Int((0.35 * scale) * (0.35 * scale)))
    let ink = InkComponents(in: page, region: region, level: level, minimumArea: speck)
    return ink.boxes.contains { blob in
      axis == .horizontal
        ? blob.box.y <= centre - reach && blob.box.maxY >= centre + reach
        : blob.box.x <= centre - reach && blob.box.maxX >= centre + reach
    }
  }
}

extension PageReader {
  /// The rules of `table`'s grids lost under `seals` (``rulesUnderSeals(_:rulings:seals:margin:crossesPrint:)``),
  /// print told from the seals' ink by their print level.
  func sealedRules(_ table: TableRuleFinder.Found, seals: [Seal]) -> [RulingLine] {
    guard !seals.isEmpty, !table.grids.isEmpty else { return [] }
    let scale = table.page.pixelsPerPoint
    let discs = seals.map { seal in
      SealDisc(
        x: (Double(seal.box.x) + Double(seal.box.width) / 2) / scale,
        y: (Double(seal.box.y) + Double(seal.box.height) / 2) / scale,
        radius: Double(max(seal.box.width, seal.box.height)) / 2 / scale)
    }
    let printLevel = seals.map(\.printLevel).min() ?? table.level
    return Self.rulesUnderSeals(table.grids, rulings: table.rulings, seals: discs) { axis, position, from, to in
      printCrosses(axis, at: position, from: from, to: to, page: table.page, level: printLevel)
    }
  }
}

extension PageReader {
  /// The text of a cell (`region`, page pixels) under `seal` read with the seal's lighter ink
  /// gone (``GreyBitmap/droppingInk(of:paper:)``): only print is left. Nil when no ink is.
  func labelUnderSeal(
    _ page: GreyBitmap, seal: Seal, region: PixelRect, level: UInt8, paper: UInt8, speck: Int
  ) -> [PositionedCharacter]? {
    let crop = region.intersection(page.bounds)
    guard !crop.isEmpty else { return nil }
    // Only the cell's own pixels are cleared: the page is not copied whole for each cell.
    var cell = page.cropped(crop, padding: 0, background: paper)
    let local = Seal(
      box: PixelRect(x: seal.box.x - crop.x, y: seal.box.y - crop.y, width: seal.box.width, height: seal.box.height),
      printLevel: seal.printLevel)
    cell = cell.droppingInk(of: local, paper: paper)
    let ink = InkComponents(in: cell, region: cell.bounds, level: level, minimumArea: speck)
    guard let box = ink.union else { return nil }
    let mode: OCREngine.Mode = Self.lineCount(ink) == 1 ? .singleLine : .block
    let scale = page.pixelsPerPoint
    // Characters back on the page: the crop's origin added.
    return readText(cell, ink: box, paper: paper, scale: scale, mode: mode).map { character in
      var moved = character
      moved.box = PageRect(
        minX: character.box.minX + Double(crop.x) / scale, minY: character.box.minY + Double(crop.y) / scale,
        maxX: character.box.maxX + Double(crop.x) / scale, maxY: character.box.maxY + Double(crop.y) / scale)
      return moved
    }
  }
}
