import GongkaiLayout

extension TableRuleFinder {
  /// The column rules of `lines`' tables that both passes lost over a table's whole height,
  /// found where the grid's own columns say they must be and the page shows them. The form's
  /// value columns are equally wide (table 三's seven, table 四's fifteen): a column `tolerance`
  /// of the grid's usual width (the width most columns share, at least `regular` of them)
  /// times two or more is that many columns whose rules were lost, and each rule is looked
  /// for within `search` points of its share of the width. It is drawn from the table's
  /// bottom up over the grid rows (at least `rows`) where, in every `segment`-point segment
  /// at least `clearance` points clear of the row's edges, the track is `depth` grey levels
  /// darker than the page a point and a quarter off it on both sides (a rule on white) or as
  /// much lighter (a rule through shaded cells, printed lighter than the shading), with flat
  /// page on both sides (``columnStrength(_:at:from:to:depth:segment:)``). A WPS
  /// grid's light rule that falls between two pixel columns of a 200-dpi grey copy prints
  /// half as deep and was lost in every row: two columns' numbers in one cell, read as one
  /// number or none (社会公益组织's 0s with 法律服务机构's, table 四's three 复议 results in one).
  /// A merged cell (申请人情况, 行政复议) has no rule: the run stops below it. Through a label
  /// column as wide as a multiple (3.危及… over 4.保护…) the glyphs beside the track leave no
  /// flat page. A run of fewer rows is enough where the track it shows is at least `length`
  /// points long: table 四's one value row under a header whose row rules were lost too (the
  /// rule stops at 未经复议直接起诉, merged above it, in the same grid row as the labels) or
  /// under a seal over the header (the rule between 尚未审结 and 总计 hidden there). There the
  /// seal's ring also crosses the rule at the value row's top: the run's first row may have
  /// one segment crossed, ink on both sides of a track still darker, when its others show the
  /// rule (a digit in a wide cell's middle crosses the track too, but where no rule is drawn
  /// the others show none). Only the first: higher up, a merged header's line of text
  /// (复议后起诉 in the labels' grid row) crosses it the same way, and the rule stops below it.
  /// The grid looked at is the one the rules will make: a short light piece of the lost rule
  /// (15 points in the value row, its ends on no row rule) is an edge of the grid here but is
  /// dropped as a glyph's stroke afterwards (``anchored(_:reach:shortest:alignment:continuation:)``),
  /// and with it the grid had no double-width column to look in.
  static func lostColumns(
    in lines: [RulingLine], page: GreyBitmap, tolerance: Double = 0.08, regular: Int = 3, search: Double = 2,
    rows: Int = 2, length: Double = 24, depth: Double = 4, segment: Double = 8, clearance: Double = 2
  ) -> [RulingLine] {
    let scale = page.pixelsPerPoint
    var found: [RulingLine] = []
    for grid in TableGrid.grids(from: lines) {
      let widths = zip(grid.xs.dropFirst(), grid.xs).map { $0 - $1 }
      // The usual width: the one most columns share (the narrower on a tie).
      let candidates = widths.filter { $0 >= 10 }.sorted()
      let shares = candidates.map { width in
        (width, candidates.filter { abs($0 - width) <= tolerance * width }.count)
      }
      guard let usual = shares.max(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 > $1.0) }) else { continue }
      let unit = usual.0
      // The columns of that width, counting a wider one as the columns it holds: only a
      // table's last rows framed (the rules above them lost), one value column may be all
      // that is found of seven, the other six in two cells of whole multiples.
      let units = widths.reduce(0) { count, width in
        let parts = Int((width / unit).rounded())
        return parts >= 1 && abs(width - Double(parts) * unit) <= tolerance * Double(parts) * unit
          ? count + parts : count
      }
      guard usual.1 >= regular || (usual.1 >= 1 && units >= regular + 2) else { continue }
      // The grid rows from the bottom up, as (top, bottom) in points.
      let gridRows = zip(grid.ys, grid.ys.dropFirst()).reversed().map { ($0, $1) }
      for (index, width) in widths.enumerated() {
        let parts = Int((width / unit).rounded())
        guard parts >= 2, abs(width - Double(parts) * unit) <= tolerance * Double(parts) * unit else { continue }
        let left = grid.xs[index]
        for part in 1..<parts {
          let predicted = left + Double(part) * width / Double(parts)
          var best: (position: Double, top: Double, rows: Int, strength: Double)?
          let first = Int(((predicted - search) * scale).rounded(.up))
          let last = Int(((predicted + search) * scale).rounded(.down))
          guard first <= last else { continue }
          for pixel in first...last {
            let position = Double(pixel) / scale
            var shownRows = 0
            var shownLength = 0.0
            var top = grid.ys.last ?? 0
            var total = 0.0
            for (rowTop, rowBottom) in gridRows where rowBottom - rowTop > 2 * clearance {
              // The run's first row may have one segment crossed (see the doc comment).
              guard
                let strength = columnStrength(
                  page, at: position, from: rowTop + clearance,
                  to: rowBottom - clearance, depth: depth, segment: segment, crossings: shownRows == 0 ? 1 : 0)
              else { break }
              shownRows += 1
              shownLength += rowBottom - rowTop - 2 * clearance
              top = rowTop
              total += strength
            }
            guard shownRows >= 1, shownRows >= rows || shownLength >= length else { continue }
            let candidate = (top: top, rows: shownRows, strength: total / Double(shownRows))
            if best.map({ candidate.rows > $0.rows || (candidate.rows == $0.rows && candidate.strength > $0.strength) })
              ?? true
            {
              best = (position, candidate.top, candidate.rows, candidate.strength)
            }
          }
          if let rule = best, let bottom = grid.ys.last {
            found.append(RulingLine(axis: .vertical, position: rule.position, start: rule.top, end: bottom))
          }
        }
      }
    }
    return found
  }

  /// The mean strength of a column rule at `position` from `from` to `to` (points) on `page`,
  /// when every `segment`-point segment shows one `depth` levels darker than both sides a point
  /// and a quarter off (a rule on white) or as much lighter (through shading), the sides flat
  /// (``trackMeasures(_:axis:position:from:to:flatness:measuresStep:)``); nil otherwise. Up
  /// to `crossings` segments (not all) may have ink on the sides too, the track still `depth`
  /// levels darker: something drawn across the rule there (a seal's ring).
  static func columnStrength(
    _ page: GreyBitmap, at position: Double, from: Double, to: Double, depth: Double, segment: Double,
    crossings: Int = 0
  ) -> Double? {
    let count = max(1, Int(((to - from) / segment).rounded()))
    let step = (to - from) / Double(count)
    var total = 0.0
    var crossed = 0
    for index in 0..<count {
      // The sides must be flat page (paper or shading) twice as far off too: between two
      // glyphs of labels set in line (a column of 3.危及… over 4.保护…) the track is lighter
      // than the strokes beside it, and a stroke in line darker than the paper, but neither
      // has flat sides.
      let measured = trackMeasures(
        page, axis: .vertical, position: position, from: from + Double(index) * step,
        to: from + Double(index + 1) * step)
      let strength = max(measured.depth, measured.lighter)
      if !measured.flat, measured.depth >= depth, crossed < min(crossings, count - 1) {
        crossed += 1
        continue
      }
      guard measured.flat, strength >= depth else { return nil }
      total += strength
    }
    return total / Double(count - crossed)
  }
}
