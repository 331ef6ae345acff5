import GongkaiLayout

extension TableRuleFinder {
  /// `lines` (the rules kept) with the light rules broken into pieces made whole: a faint
  /// rule on a grey scan comes out of the light pass as collinear pieces with gaps of tens of
  /// points where the paper's noise broke it (a whole table's row rules lost: rows read as
  /// one cell, their numbers as text). The pieces of one rule (`light`, within `alignment`
  /// points across, along one of `axes`) are drawn from the kept rule of the other axis at or
  /// before their first start to the one at or after their last end (within `reach`) when
  /// the page shows the rule: averaged over `segment` points, the rule's track is at least
  /// `depth` grey levels darker than the paper on both sides of it, in `share` of the
  /// segments of each stretch no kept rule covers and of the whole, and nowhere missing over
  /// `run` segments in a row. The pieces themselves
  /// are no proof: a column of characters' strokes in line (他 over 计 in a label column)
  /// comes out of the light pass as a line, so rows only by default. Where no rule is drawn
  /// (a merged cell, a label over two rows, two tables with a title between) the track is no
  /// darker than its sides, and text crossing it darkens the sides as well.
  static func completed(
    _ light: [RulingLine], in lines: [RulingLine], page: GreyBitmap, alignment: Double, reach: Double,
    depth: Double = 4, segment: Double = 8, share: Double = 0.8, run: Int = 3, axes: [RulingLine.Axis] = [.horizontal]
  ) -> [RulingLine] {
    var result = lines
    for axis in axes {
      var groups: [[RulingLine]] = []
      for piece in light.filter({ $0.axis == axis }).sorted(by: { $0.position < $1.position }) {
        if let first = groups.last?.first, piece.position - first.position <= alignment {
          groups[groups.count - 1].append(piece)
        } else {
          groups.append([piece])
        }
      }
      for pieces in groups {
        guard let longest = pieces.max(by: { $0.end - $0.start < $1.end - $1.start }),
          var first = pieces.map(\.start).min(), var last = pieces.map(\.end).max()
        else { continue }
        let position = longest.position
        let same = result.filter { $0.axis == axis && abs($0.position - position) <= alignment }
        // A column rule is only joined up between the pieces kept of it: beyond the last
        // one it stops at a merged cell (（六）其他处理 over two label columns), whose text
        // can look like the rule's track.
        if axis == .vertical, let keptFirst = same.map(\.start).min(), let keptLast = same.map(\.end).max() {
          first = max(first, keptFirst)
          last = min(last, keptLast)
          guard last > first else { continue }
        }
        let crossing = result.filter {
          $0.axis != axis && $0.start - reach <= position && $0.end + reach >= position
        }.map(\.position)
        guard let from = crossing.filter({ $0 <= first + reach }).max(),
          let to = crossing.filter({ $0 >= last - reach }).min(), to > from,
          // Already a rule from one side to the other.
          !same.contains(where: { $0.start <= from + reach && $0.end >= to - reach })
        else { continue }
        // A column rule over two cells at least: over one only it may be a character's stroke.
        let inner = crossing.filter { $0 > from + reach && $0 < to - reach }.sorted()
        let pieceLength = pieces.reduce(0) { $0 + ($1.end - $1.start) }
        guard axis == .horizontal || !inner.isEmpty, pieceLength * 4 >= to - from else { continue }
        // Where a rule crosses it the sides are ink too: not looked at.
        func stretches(_ from: Double, _ to: Double) -> [(Double, Double)] {
          var result: [(Double, Double)] = []
          var reached = from + 2
          for cross in inner where cross > reached - 2 && cross < to {
            if cross - 2 > reached { result.append((reached, cross - 2)) }
            reached = max(reached, cross + 2)
          }
          if to - 2 > reached { result.append((reached, to - 2)) }
          return result
        }
        // `run` segments in a row where the page shows no rule is a cell with
        // none (a merged cell), whatever the share.
        func shown(_ stretches: [(Double, Double)]) -> Bool {
          var segments = 0
          var shown = 0
          var missed = 0
          for (start, end) in stretches {
            let count = max(1, Int(((end - start) / segment).rounded()))
            let step = (end - start) / Double(count)
            for index in 0..<count {
              segments += 1
              let along = start + Double(index) * step
              if Self.showsRule(page, axis: axis, position: position, from: along, to: along + step, depth: depth) {
                shown += 1
                missed = 0
              } else {
                missed += 1
                if missed >= run { return false }
              }
            }
          }
          return Double(shown) >= share * Double(segments)
        }
        // The page must show the rule in each stretch no kept rule covers (a rule lost there,
        // not two tables' rules with a title between) and all along: the light pieces are no
        // proof (a column of characters' strokes in line, 对, 中, 他 of a label column).
        let covered = same.map { (max(from, $0.start), min(to, $0.end)) }.sorted { $0.0 < $1.0 }
        var gaps: [(Double, Double)] = []
        var reached = from
        for (start, end) in covered {
          if start > reached { gaps.append((reached, start)) }
          reached = max(reached, end)
        }
        if to > reached { gaps.append((reached, to)) }
        guard gaps.allSatisfy({ shown(stretches($0.0, $0.1)) }), shown(stretches(from, to)) else { continue }
        result.removeAll { line in
          line.axis == axis && abs(line.position - position) <= alignment && line.start >= from - reach
            && line.end <= to + reach
        }
        result.append(RulingLine(axis: axis, position: position, start: from, end: to))
      }
    }
    return result
  }

  /// The light lines of `light` along `axis` that are new to `lines` (no line of `lines` in
  /// line with them within `alignment` and `gap`) and run from one rule of `lines` to another
  /// (ends within `reach`) across one more between: a column rule whose ends are rules made
  /// whole by ``completed(_:in:page:alignment:reach:depth:segment:share:run:axes:)`` (a faint
  /// table's header rows), the test ``confirmed(_:by:alignment:gap:reach:)`` makes.
  static func spanning(
    _ light: [RulingLine], in lines: [RulingLine], axis: RulingLine.Axis, alignment: Double, gap: Double,
    reach: Double
  ) -> [RulingLine] {
    func meets(_ line: RulingLine, at along: Double) -> Bool {
      lines.contains { other in
        other.axis != axis && abs(other.position - along) <= reach && other.start - reach <= line.position
          && other.end + reach >= line.position
      }
    }
    return light.filter { line in
      line.axis == axis
        && !lines.contains { other in
          other.axis == axis && abs(other.position - line.position) <= alignment && line.start <= other.end + gap
            && other.start <= line.end + gap
        }
        && meets(line, at: line.start) && meets(line, at: line.end)
        && lines.contains { other in
          other.axis != axis && other.position > line.start + reach && other.position < line.end - reach
            && other.start - reach <= line.position && other.end + reach >= line.position
        }
    }
  }

  /// Whether `page` shows a rule along `axis` at `position` from `from` to `to` (points):
  /// the darkest line of pixels within half a point of the track, averaged along it, at
  /// least `depth` levels darker than the lines a point and a quarter off it on both sides,
  /// along the whole stretch or where no glyph crosses those lines
  /// (``depthBesideGlyphs(_:axis:position:from:to:flatness:clearShare:)``).
  static func showsRule(
    _ page: GreyBitmap, axis: RulingLine.Axis, position: Double, from: Double, to: Double, depth: Double
  ) -> Bool {
    ruleDepth(page, axis: axis, position: position, from: from, to: to) >= depth
      || (depthBesideGlyphs(page, axis: axis, position: position, from: from, to: to) ?? 0) >= depth
  }

  /// How much darker (grey levels) the track at `position` is than its sides, measured as
  /// ``ruleDepth(_:axis:position:from:to:)`` does but only along the pixels where both side
  /// lines are paper (within `flatness` levels of the lighter sides of the stretch): in a
  /// table of tight rows the glyphs of a cell touch its rules (信息内容 sitting on the rule
  /// over 行政处罚 on a 200-dpi scan), and where they cross the side lines the sides are as
  /// dark as the rule, so averaged along, a rule drawn all through reads as none. Nil where
  /// the clear pixels are fewer than `clearShare` of the stretch. Where no rule is drawn
  /// (a merged cell's text) the track between the glyphs is paper too.
  static func depthBesideGlyphs(
    _ page: GreyBitmap, axis: RulingLine.Axis, position: Double, from: Double, to: Double,
    flatness: Double = 6, clearShare: Double = 0.25
  ) -> Double? {
    let scale = page.pixelsPerPoint
    let across = Int((position * scale).rounded())
    let first = Int((from * scale).rounded())
    let last = max(first, Int((to * scale).rounded()) - 1)
    func pixel(_ step: Int, _ offset: Int) -> Double {
      Double(axis == .horizontal ? page[step, across + offset] : page[across + offset, step])
    }
    let (band, side) = trackOffsets(page)
    // Per pixel along: the darker of its two sides, each side two lines averaged.
    let sides = (first...last).map { step in
      min((pixel(step, -side) + pixel(step, -side - 1)) / 2, (pixel(step, side) + pixel(step, side + 1)) / 2)
    }
    let sorted = sides.sorted()
    let paper = sorted[min(sorted.count - 1, sorted.count * 3 / 4)]
    let clear = (first...last).filter { sides[$0 - first] >= paper - flatness }
    guard Double(clear.count) >= clearShare * Double(sides.count) else { return nil }
    let sideMean = clear.reduce(0) { $0 + sides[$1 - first] } / Double(clear.count)
    let track = (-band...band).map { offset in clear.reduce(0) { $0 + pixel($1, offset) } / Double(clear.count) }
    return sideMean - (track.min() ?? 255)
  }

  /// How much darker (grey levels) the darkest line of pixels within half a point of the
  /// track at `position` from `from` to `to` (points), averaged along it, is than the lighter
  /// of the lines a point and a quarter off it on both sides (``showsRule(_:axis:position:from:to:depth:)``).
  static func ruleDepth(
    _ page: GreyBitmap, axis: RulingLine.Axis, position: Double, from: Double, to: Double
  ) -> Double {
    trackMeasures(page, axis: axis, position: position, from: from, to: to, measuresStep: false).depth
  }
}
