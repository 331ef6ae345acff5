import GongkaiLayout

extension TableRuleFinder {
  /// A solid dark block inside a table, in pixels of the straightened page.
  struct DarkFill: Equatable {
    /// First and last pixel column.
    var left: Int
    var right: Int
    /// First and last pixel row.
    var top: Int
    var bottom: Int
  }

  /// The sides of the solid dark blocks inside the tables `rulings` make, drawn on the grid
  /// edges they stand on (within `snap` points) or as new edges: a shaded cell photocopied black (a zebra
  /// row's label cell cut by a page break) covers the rules under it, and the rule finder
  /// sees no line there (the block is too thick) nor beside it (its local paper is dark).
  /// Without them the cells round the block joined through it into one merged cell that is
  /// no rectangle (a label column's cells over ten rows read as one, empty). Only a side with
  /// paper beyond it is an edge: where the dark goes on (a band with white text in it) the
  /// block's end is no cell's.
  static func darkFillSides(
    _ rulings: [RulingLine], page: GreyBitmap, level: UInt8, side: Double = 8, jag: Double = 1.5,
    snap: Double = 4
  ) -> [RulingLine] {
    let scale = page.pixelsPerPoint
    var sides: [RulingLine] = []
    for grid in TableGrid.grids(from: rulings) {
      let box = grid.box
      let fills = darkFills(
        in: page, level: level,
        area: (
          left: Int((box.minX * scale).rounded()), right: Int((box.maxX * scale).rounded()),
          top: Int((box.minY * scale).rounded()), bottom: Int((box.maxY * scale).rounded())
        ),
        side: max(3, Int((side * scale).rounded())), jag: max(1, Int((jag * scale).rounded())))
      for fill in fills {
        let minX = Double(fill.left) / scale
        let maxX = Double(fill.right + 1) / scale
        let minY = Double(fill.top) / scale
        let maxY = Double(fill.bottom + 1) / scale
        // A block standing out of the grid (a cut row's bar under the table's foot) is not its.
        let middleX = (minX + maxX) / 2
        let middleY = (minY + maxY) / 2
        guard middleX > box.minX, middleX < box.maxX, middleY > box.minY, middleY < box.maxY else { continue }
        let top = gridLine(near: minY, in: grid.ys, within: snap) ?? minY
        let bottom = gridLine(near: maxY, in: grid.ys, within: snap) ?? maxY
        let left = gridLine(near: minX, in: grid.xs, within: snap) ?? minX
        let right = gridLine(near: maxX, in: grid.xs, within: snap) ?? maxX
        let paper = paperBeyond(fill, in: page, level: level, reach: max(2, Int((3 * scale).rounded())))
        // A side with paper beyond is a cell's edge: on the grid's edge it stands on, or a new
        // one (the hidden rule over a cut row's bar, between the last row and the bar).
        if paper.left {
          sides.append(RulingLine(axis: .vertical, position: left, start: top, end: bottom, source: .fillEdge))
        }
        if paper.right {
          sides.append(RulingLine(axis: .vertical, position: right, start: top, end: bottom, source: .fillEdge))
        }
        if paper.top {
          sides.append(RulingLine(axis: .horizontal, position: top, start: left, end: right, source: .fillEdge))
        }
        if paper.bottom {
          sides.append(RulingLine(axis: .horizontal, position: bottom, start: left, end: right, source: .fillEdge))
        }
      }
    }
    return sides
  }

  /// The solid dark blocks of `page` inside `area` (pixels): rows whose run of pixels at most
  /// `level` (specks of paper up to 2 pixels inside it ignored) starts and ends where the
  /// block's first row does (within `jag` pixels), stacked `side` pixels high at least, each
  /// run `side` pixels long at least. A rule is thinner, a character's stroke shorter.
  static func darkFills(
    in page: GreyBitmap, level: UInt8, area: (left: Int, right: Int, top: Int, bottom: Int), side: Int, jag: Int
  ) -> [DarkFill] {
    let left = max(0, area.left)
    let right = min(page.width - 1, area.right)
    let top = max(0, area.top)
    let bottom = min(page.height - 1, area.bottom)
    guard right - left >= side, bottom - top >= side else { return [] }
    var open: [DarkFill] = []
    var found: [DarkFill] = []
    func close(_ band: DarkFill) {
      if band.bottom - band.top + 1 >= side { found.append(band) }
    }
    for y in top...bottom {
      // The row's long dark runs.
      var runs: [(start: Int, end: Int)] = []
      var start = -1
      var lastDark = -1
      for x in left...right {
        if page[x, y] <= level {
          if start < 0 || x - lastDark > 3 {
            if start >= 0, lastDark - start + 1 >= side { runs.append((start, lastDark)) }
            start = x
          }
          lastDark = x
        }
      }
      if start >= 0, lastDark - start + 1 >= side { runs.append((start, lastDark)) }
      var stillOpen: [DarkFill] = []
      var used = [Bool](repeating: false, count: runs.count)
      for var band in open {
        if let index = runs.indices.first(where: {
          !used[$0] && abs(runs[$0].start - band.left) <= jag && abs(runs[$0].end - band.right) <= jag
        }) {
          used[index] = true
          band.bottom = y
          stillOpen.append(band)
        } else {
          close(band)
        }
      }
      for (index, run) in runs.enumerated() where !used[index] {
        stillOpen.append(DarkFill(left: run.start, right: run.end, top: y, bottom: y))
      }
      open = stillOpen
    }
    open.forEach(close)
    return found
  }

  /// For each side of `fill`, whether most of the strip beyond it (from a point off its edge
  /// to `reach` pixels, over the middle of its length) is lighter than `level`: the dark
  /// ends there, as a cell's shading does at its rules.
  static func paperBeyond(_ fill: DarkFill, in page: GreyBitmap, level: UInt8, reach: Int)
    -> (left: Bool, right: Bool, top: Bool, bottom: Bool)
  {
    let gap = max(1, reach / 3)
    func lightShare(xs: ClosedRange<Int>, ys: ClosedRange<Int>) -> Bool {
      let xs = max(0, xs.lowerBound)...min(page.width - 1, max(0, xs.upperBound))
      let ys = max(0, ys.lowerBound)...min(page.height - 1, max(0, ys.upperBound))
      var light = 0
      var all = 0
      for y in ys {
        for x in xs {
          all += 1
          if page[x, y] > level { light += 1 }
        }
      }
      return all > 0 && light * 2 >= all
    }
    let inset = (fill.bottom - fill.top) / 10
    let across = (fill.top + inset)...(fill.bottom - inset)
    let insetX = (fill.right - fill.left) / 10
    let along = (fill.left + insetX)...(fill.right - insetX)
    return (
      left: fill.left - reach >= 0 && lightShare(xs: (fill.left - reach)...(fill.left - gap), ys: across),
      right: fill.right + reach < page.width && lightShare(xs: (fill.right + gap)...(fill.right + reach), ys: across),
      top: fill.top - reach >= 0 && lightShare(xs: along, ys: (fill.top - reach)...(fill.top - gap)),
      bottom: fill.bottom + reach < page.height
        && lightShare(xs: along, ys: (fill.bottom + gap)...(fill.bottom + reach))
    )
  }
}

extension TableRuleFinder {
  /// Whether the page just beyond a vertical line's end at `end` (points; above it when
  /// `upwards`) is a dark band: from `gap` to `gap` + `depth` points on, over `half` points
  /// on one side of the line or the other (a table's side rule has the band on one side
  /// only), nearly all ink. A glyph's stroke ends in paper or at a stroke thinner than that.
  static func isDarkBand(
    beyond end: (x: Double, y: Double), upwards: Bool, page: GreyBitmap, level: UInt8, gap: Double = 2,
    depth: Double = 3, half: Double = 4, share: Double = 0.8
  ) -> Bool {
    let scale = page.pixelsPerPoint
    let near = upwards ? end.y - gap - depth : end.y + gap
    let top = Int((near * scale).rounded())
    let bottom = Int(((near + depth) * scale).rounded())
    let middle = Int((end.x * scale).rounded())
    let reach = Int((half * scale).rounded())
    guard top >= 0, bottom < page.height, bottom > top, reach > 0 else { return false }
    func darkEnough(_ xs: ClosedRange<Int>) -> Bool {
      guard xs.lowerBound >= 0, xs.upperBound < page.width else { return false }
      var dark = 0
      for y in top...bottom {
        for x in xs where page[x, y] <= level { dark += 1 }
      }
      return Double(dark) >= share * Double((bottom - top + 1) * xs.count)
    }
    return darkEnough((middle - reach)...middle) || darkEnough(middle...(middle + reach))
  }
}
