import GongkaiLayout

extension TableRuleFinder {
  /// The edges of grey shading inside the tables `rulings` make, as cell edges over the grid
  /// column (a row's edge) or grid row (a column's edge) they cross, on the grid line they
  /// stand on (within `snap` points). An edge on no grid line is left out: a seal's ink taken
  /// out of a cell leaves steps of shade where no cell ends, and a new line there is a new
  /// column through the row's values.
  ///
  /// A light rule along a shaded band (a WPS table's tinted 第二十条 rows) is only a few levels
  /// darker than the band on a grey scan: against the local paper the rule finder measures it
  /// is no line over most of its length, and the band's top ran into the row above. The row's
  /// cells then joined the band round their column rules into one cell that is no rectangle,
  /// read as one line (行政事业性收费16-2), whose numbers the layout put out of order. The
  /// eye sees the edge all the same: the shade steps there from one flat level to another.
  ///
  /// Across a grid column each pixel row's lighter side (its 75th percentile) is flat for
  /// `window` points on each side of an edge, `gap` points apart (the rule and the blur
  /// between), the two levels differ by `step` grey levels at least, the darker one lighter
  /// than ink, and on both sides the row's darker side (its 25th percentile) is within
  /// `flatness` of its lighter: a cell's padding, plain paper or plain shade. Blurred text
  /// is grey between its strokes too, but its darker side is ink.
  static func shadeEdges(
    _ rulings: [RulingLine], page: GreyBitmap, level: UInt8, step: Int = 10, flatness: Int = 8,
    window: Double = 2, gap: Double = 1, inset: Double = 1.5, snap: Double = 4
  ) -> [RulingLine] {
    let scale = page.pixelsPerPoint
    let windowPixels = max(3, Int((window * scale).rounded()))
    let gapPixels = max(1, Int((gap * scale).rounded()))
    let insetPixels = max(1, Int((inset * scale).rounded()))
    var edges: [RulingLine] = []
    for grid in TableGrid.grids(from: rulings) {
      let rows = Int((grid.ys[0] * scale).rounded())...Int(((grid.ys.last ?? 0) * scale).rounded())
      let columns = Int((grid.xs[0] * scale).rounded())...Int(((grid.xs.last ?? 0) * scale).rounded())
      // Row edges grid column by grid column, then column edges grid row by grid row.
      for axis in [RulingLine.Axis.horizontal, .vertical] {
        let across = axis == .horizontal ? grid.xs : grid.ys
        let lines = axis == .horizontal ? grid.ys : grid.xs
        let along = axis == .horizontal ? rows : columns
        for (start, end) in zip(across, across.dropFirst()) {
          let from = Int((start * scale).rounded()) + insetPixels
          let to = Int((end * scale).rounded()) - insetPixels
          guard to - from >= windowPixels else { continue }
          let profile = quartiles(page, along: along, across: from...to, alongRows: axis == .horizontal)
          for position in steps(
            in: profile, window: windowPixels, gap: gapPixels, step: step, flatness: flatness, ink: level)
          {
            guard let line = gridLine(near: Double(along.lowerBound + position) / scale, in: lines, within: snap),
              line > lines[0], line < (lines.last ?? 0)
            else { continue }
            edges.append(RulingLine(axis: axis, position: line, start: start, end: end, source: .fillEdge))
          }
        }
      }
    }
    return edges
  }

  /// The line of `lines` nearest `value`, if it is within `snap` (points) of it.
  static func gridLine(near value: Double, in lines: [Double], within snap: Double) -> Double? {
    lines.min { abs($0 - value) < abs($1 - value) }.flatMap { abs($0 - value) <= snap ? $0 : nil }
  }

  /// For each pixel row (`alongRows`) or column in `along`, the 75th and 25th percentiles of
  /// its pixels in `across`: the level of what is behind any text, and of the text if any.
  static func quartiles(
    _ page: GreyBitmap, along: ClosedRange<Int>, across: ClosedRange<Int>, alongRows: Bool
  ) -> [(lighter: Int, darker: Int)] {
    let limit = alongRows ? page.height - 1 : page.width - 1
    let acrossLimit = alongRows ? page.width - 1 : page.height - 1
    let across = max(0, across.lowerBound)...max(0, min(acrossLimit, across.upperBound))
    let quarter = max(1, across.count / 4)
    var counts = [Int](repeating: 0, count: 256)
    return along.map { line in
      guard line >= 0, line <= limit else { return (0, 0) }
      for index in counts.indices { counts[index] = 0 }
      for other in across {
        counts[Int(alongRows ? page[other, line] : page[line, other])] += 1
      }
      // The darkest value with a quarter of the pixels at it or lighter, and the lightest
      // with a quarter at it or darker.
      var lighter = 0
      var seen = 0
      for value in stride(from: 255, through: 0, by: -1) {
        seen += counts[value]
        if seen >= quarter {
          lighter = value
          break
        }
      }
      var darker = 0
      seen = 0
      for value in 0...255 {
        seen += counts[value]
        if seen >= quarter {
          darker = value
          break
        }
      }
      return (lighter, darker)
    }
  }

  /// Where (indices of `profile`) a flat, plain stretch of `window` values steps to another
  /// `step` levels away, `gap` values on: the middle of each run of such places whose darker
  /// side is lighter than `ink`.
  static func steps(
    in profile: [(lighter: Int, darker: Int)], window: Int, gap: Int, step: Int, flatness: Int, ink: UInt8
  ) -> [Int] {
    guard profile.count > 2 * (window + gap) else { return [] }
    func plainMean(_ range: Range<Int>) -> Int? {
      let values = profile[range]
      guard let low = values.map(\.lighter).min(), let high = values.map(\.lighter).max(), high - low <= flatness,
        values.allSatisfy({ $0.lighter - $0.darker <= flatness })
      else { return nil }
      return values.map(\.lighter).reduce(0, +) / values.count
    }
    var found: [Int] = []
    var run: [Int] = []
    func close() {
      if !run.isEmpty { found.append(run[run.count / 2]) }
      run = []
    }
    for position in (window + gap)..<(profile.count - window - gap) {
      guard let before = plainMean((position - gap - window)..<(position - gap)),
        let after = plainMean((position + gap + 1)..<(position + gap + 1 + window)),
        abs(before - after) >= step, min(before, after) > Int(ink)
      else {
        close()
        continue
      }
      if let last = run.last, position != last + 1 { close() }
      run.append(position)
    }
    close()
    return found
  }
}
