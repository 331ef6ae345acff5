import GongkaiLayout

extension TableRuleFinder {
  /// The row rules of `lines`' tables that both passes lost over the whole width, found
  /// where the page shows them: between two rows of a grid (at least `clearance` points from
  /// each), the pixel row where across every column of the table, in `share` of the
  /// `segment`-point segments and missing in no `run` segments in a row, the track is at
  /// least `depth` grey levels darker than the page a point and a quarter off it on both
  /// sides (a rule), or the flat page is at least `stepDepth` levels darker on one side than
  /// on the other, the same side all across (a shaded row's edge). A WPS table's light rule
  /// between a shaded row and a white one (a 第二十条 row, a 信息内容 header) is only a few
  /// levels darker than the shading beside it on a 200-dpi scan: the local margin of both
  /// passes takes it for the shading's edge and the light pass finds no piece of it, so the
  /// rows on either side were read as one cell (信息内容's header over 规章's numbers, 27
  /// taken for the fee). A line of text crosses only the cells it is in and its sides are no
  /// flat page; a merged cell with no rule shows none. The strongest pixel row of each run
  /// passing is the rule.
  static func lostRows(
    in lines: [RulingLine], page: GreyBitmap, depth: Double = 4, stepDepth: Double = 8, segment: Double = 8,
    share: Double = 0.9, run: Int = 2, clearance: Double = 4
  ) -> [RulingLine] {
    let scale = page.pixelsPerPoint
    var found: [RulingLine] = []
    for grid in TableGrid.grids(from: lines) {
      guard let left = grid.xs.first, let right = grid.xs.last else { continue }
      // Across the table between its column edges: where a rule crosses, the sides are ink.
      var stretches: [(Double, Double)] = []
      for (start, end) in zip(grid.xs, grid.xs.dropFirst()) where end - start > 4 {
        stretches.append((start + 2, end - 2))
      }
      // The segments of the track: how much darker than its sides it is, and how much the
      // flat page on one side is darker than on the other (a shaded row's edge) in each.
      func measures(at position: Double) -> [(depth: Double, step: Double)] {
        var result: [(depth: Double, step: Double)] = []
        for (start, end) in stretches {
          let count = max(1, Int(((end - start) / segment).rounded()))
          let step = (end - start) / Double(count)
          for index in 0..<count {
            let along = start + Double(index) * step
            let measured = Self.trackMeasures(page, position: position, from: along, to: along + step)
            result.append((measured.depth, measured.step))
          }
        }
        return result
      }
      func strength(at position: Double) -> Double? {
        let measured = measures(at: position)
        guard !measured.isEmpty else { return nil }
        // A shading edge is one way all across: the shaded row is darker on the same side.
        let sign: Double = measured.filter { $0.step > 0 }.count * 2 >= measured.count ? 1 : -1
        var missed = 0
        var shown = 0
        var total = 0.0
        for value in measured {
          let strength = max(value.depth, value.step * sign >= stepDepth ? value.step * sign : 0)
          if strength >= depth {
            shown += 1
            missed = 0
            total += strength
          } else {
            missed += 1
            if missed >= run { return nil }
          }
        }
        guard Double(shown) >= share * Double(measured.count) else { return nil }
        return total / Double(measured.count)
      }
      for (top, bottom) in zip(grid.ys, grid.ys.dropFirst()) where bottom - top > 2 * clearance {
        var best: (position: Double, strength: Double)?
        let first = Int(((top + clearance) * scale).rounded(.up))
        let last = Int(((bottom - clearance) * scale).rounded(.down))
        guard first <= last else { continue }
        for pixel in first...last {
          let position = Double(pixel) / scale
          if let value = strength(at: position) {
            if best.map({ value > $0.strength }) ?? true { best = (position, value) }
          } else if let rule = best {
            found.append(RulingLine(axis: .horizontal, position: rule.position, start: left, end: right))
            best = nil
          }
        }
        if let rule = best {
          found.append(RulingLine(axis: .horizontal, position: rule.position, start: left, end: right))
        }
      }
    }
    return found
  }

  /// At `position` from `from` to `to` (points) on `page`, along `axis`: how much darker (grey
  /// levels) the darkest line of pixels within half a point of the track is than the lighter
  /// of the lines a point and a quarter off it on both sides, each averaged along it (a rule
  /// on white), how much lighter the lightest such line is than the darker side (a rule
  /// through shading, printed lighter than it), and, with `measuresStep`, whether both sides
  /// are flat, as the lines twice as far off show, and how much darker the line after is than
  /// the line before where they are (a shaded row's edge; 0 where either side is not flat).
  static func trackMeasures(
    _ page: GreyBitmap, axis: RulingLine.Axis = .horizontal, position: Double, from: Double, to: Double,
    flatness: Double = 4, measuresStep: Bool = true
  ) -> (depth: Double, lighter: Double, step: Double, flat: Bool) {
    let scale = page.pixelsPerPoint
    let across = Int((position * scale).rounded())
    let first = Int((from * scale).rounded())
    let last = max(first, Int((to * scale).rounded()) - 1)
    func mean(_ offset: Int) -> Double {
      var total = 0
      for step in first...last {
        total += Int(axis == .horizontal ? page[step, across + offset] : page[across + offset, step])
      }
      return Double(total) / Double(last - first + 1)
    }
    let (band, side) = trackOffsets(page)
    let track = (-band...band).map(mean)
    let before = (mean(-side) + mean(-side - 1)) / 2
    let after = (mean(side) + mean(side + 1)) / 2
    let depth = min(before, after) - (track.min() ?? 255)
    let lighter = (track.max() ?? 0) - max(before, after)
    guard measuresStep else { return (depth, lighter, 0, false) }
    let farBefore = (mean(-2 * side) + mean(-2 * side - 1)) / 2
    let farAfter = (mean(2 * side) + mean(2 * side + 1)) / 2
    let flat = abs(before - farBefore) <= flatness && abs(after - farAfter) <= flatness
    return (depth, lighter, flat ? before - after : 0, flat)
  }

  /// The pixel offsets a track is measured at on `page`: its own lines within half a point
  /// (`band`) and its sides a point and a quarter off (`side`, two lines past the band at least).
  static func trackOffsets(_ page: GreyBitmap) -> (band: Int, side: Int) {
    let band = max(1, Int((0.5 * page.pixelsPerPoint).rounded()))
    return (band, max(band + 2, Int((1.25 * page.pixelsPerPoint).rounded())))
  }
}
