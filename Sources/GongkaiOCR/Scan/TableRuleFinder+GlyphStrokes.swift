import GongkaiLayout

extension TableRuleFinder {
  /// `lines` without the vertical ones made of characters' strokes in line: small type in
  /// tight rows (9-pt UMing in 10-pt rows) puts the vertical strokes of a label column's
  /// characters one over the other from row rule to row rule, and the rule finder joins them
  /// into a column rule that cuts the labels into pieces read as garbage. A drawn column rule
  /// runs through the cells' padding: nothing touches it but the rules crossing it, and it
  /// runs on without a gap. A stroke is part of a glyph: the strokes joined to it touch it
  /// from the side, and between the glyphs of two rows its track is paper.
  ///
  /// The line is cut into its row pieces by the horizontal lines of `lines` and `crossing`
  /// that cross it (`clearance` points kept off each, whose own ink touches it). A piece is a
  /// glyph's when ink as dark as print (at most `level`) touches its track's own ink from one
  /// side (within `touch` points of it) in `touched` of its pixel rows or more, the piece no
  /// taller than a line of type (`tallest` points), or when its track is paper (within
  /// `paperMargin` levels of `paper`) for `gap` points on end. A line whose glyph pieces are
  /// over half its measured length is dropped; else its glyph pieces at either end are cut
  /// off (the rule ends at the row rule before), unless a row rule ends there too (within
  /// `cornerReach` points: a corner of the table). A side dark all over
  /// (`fill` of its pixels or more: shading photocopied dark) is no glyph's.
  static func droppingGlyphStrokes(
    _ lines: [RulingLine], crossing: [RulingLine] = [], page: GreyBitmap, paper: UInt8, level: UInt8,
    cornerReach: Double = 3
  ) -> [RulingLine] {
    let rows = (lines + crossing).filter { $0.axis == .horizontal }
    return lines.compactMap { line in
      guard line.axis == .vertical else { return line }
      let pieces = glyphPieces(line, crossing: rows, page: page, paper: paper, level: level)
      // Strokes beside the rule's track are cut off its ends, not counted against it: the
      // rule is there, in the pieces that hold it.
      let measured = pieces.filter { $0.measured && !$0.offTrack }
      let glyph = measured.filter(\.glyph).reduce(0) { $0 + $1.length }
      guard glyph * 2 <= measured.reduce(0, { $0 + $1.length }) else {
        if OCRTrace.enabled {
          OCRTrace.write(
            "strokes\t\(Int(line.position.rounded()))\t\(Int(line.start.rounded()))-\(Int(line.end.rounded()))\tdropped"
          )
        }
        return nil
      }
      // A drawn rule run on by a glyph's strokes in line with it past the row rule where it
      // ends (（六）其他处理's 处 under the column of 1.属于国家秘密 …) is drawn back to it.
      // Pieces too short to measure (a rule crossing right by the end) neither keep nor cut,
      // and an end where a row rule ends too is a corner of the table (a seal over it).
      func corner(_ y: Double) -> Bool {
        rows.contains {
          abs($0.position - y) <= cornerReach
            && (abs($0.start - line.position) <= cornerReach || abs($0.end - line.position) <= cornerReach)
        }
      }
      var line = line
      let (start, end) = (line.start, line.end)
      if !corner(line.start), let kept = pieces.firstIndex(where: { $0.measured && !$0.glyph }),
        pieces[..<kept].contains(where: \.measured)
      {
        line.start = pieces[kept].top
      }
      if !corner(line.end), let kept = pieces.lastIndex(where: { $0.measured && !$0.glyph }),
        pieces[(kept + 1)...].contains(where: \.measured)
      {
        line.end = pieces[kept].bottom
      }
      if OCRTrace.enabled, line.start != start || line.end != end {
        OCRTrace.write(
          "strokes\t\(Int(line.position.rounded()))\t\(Int(start.rounded()))-\(Int(end.rounded()))\tcut to \(Int(line.start.rounded()))-\(Int(line.end.rounded()))"
        )
      }
      return line
    }
  }

  /// The row pieces of vertical `line` from top to bottom (between the crossing rules), each
  /// with its length measured (points), whether it was measured (long enough), whether it
  /// is a glyph's (``droppingGlyphStrokes(_:crossing:page:paper:level:cornerReach:)``) and
  /// whether it is one for lying beside the rule's track (``strokesOffTrack(_:lengths:tallest:share:)``).
  static func glyphPieces(
    _ line: RulingLine, crossing rows: [RulingLine], page: GreyBitmap, paper: UInt8, level: UInt8,
    clearance: Double = 1.5, touch: Double = 0.6, touched: Double = 0.12, gap: Double = 1,
    paperMargin: Int = 6, ownMargin: Int = 12, fill: Double = 0.85, tallest: Double = 14
  ) -> [(top: Double, bottom: Double, length: Double, measured: Bool, glyph: Bool, offTrack: Bool)] {
    let scale = page.pixelsPerPoint
    let reach = 2.0
    let cuts =
      [line.start]
      + rows.filter {
        $0.start - reach <= line.position && $0.end + reach >= line.position && $0.position > line.start
          && $0.position < line.end
      }.map(\.position).sorted() + [line.end]
    let search = max(1, Int((0.5 * scale).rounded()))
    let far = max(2, Int((2 * scale).rounded()))
    let widest = max(2, Int((1.5 * scale).rounded()))
    let window = max(2, Int((touch * scale).rounded()))
    let longestGap = max(2, Int((gap * scale).rounded()))
    var pieces: [(top: Double, bottom: Double, length: Double, measured: Bool, glyph: Bool, offTrack: Bool)] = []
    var tracks: [PieceTrack] = []
    let around = search + 1
    for (top, bottom) in zip(cuts, cuts.dropFirst()) {
      let from = top + clearance
      let to = bottom - clearance
      let first = Int((from * scale).rounded())
      let last = Int((to * scale).rounded()) - 1
      guard to - from >= 2, last > first else {
        pieces.append((top, bottom, 0, false, false, false))
        continue
      }
      let height = Double(last - first + 1)
      func columnMean(_ x: Int) -> Double {
        var total = 0
        for y in first...last { total += Int(page[x, y]) }
        return Double(total) / height
      }
      // The track: the darkest pixel column within half a point of the line.
      let centre = Int((line.position * scale).rounded())
      var track = centre
      var trackMean = 256.0
      for x in (centre - search)...(centre + search) {
        let mean = columnMean(x)
        if mean < trackMean { (track, trackMean) = (x, mean) }
      }
      // The track's own ink: the columns beside it darker than the page two points off in
      // nine rows in ten or more (a rule's blurred edge, grey all along; a stroke joined to a
      // glyph's track is ink in a few rows only), a point and a half at most.
      let sidePage = max(columnMean(track - far), columnMean(track + far))
      func ownInk(_ x: Int) -> Bool {
        var values: [UInt8] = []
        values.reserveCapacity(last - first + 1)
        for y in first...last { values.append(page[x, y]) }
        values.sort()
        return Double(values[(values.count - 1) * 9 / 10]) <= sidePage - Double(ownMargin)
      }
      func touchedShare(_ direction: Int) -> Double {
        var edge = 0
        while edge < widest, ownInk(track + direction * (edge + 1)) { edge += 1 }
        var rows = 0
        var inked = 0
        for y in first...last {
          var touches = false
          for offset in (edge + 1)...(edge + window) where page[track + direction * offset, y] <= level {
            touches = true
            inked += 1
          }
          if touches { rows += 1 }
        }
        // Dark all over: shading, no glyph.
        if Double(inked) >= fill * Double(window) * height { return 0 }
        return Double(rows) / height
      }
      // Paper on the track (its darkest pixel within one of it) for `gap` points on end.
      var run = 0
      var paperRun = 0
      for y in first...last {
        let darkest = min(page[track - 1, y], page[track, y], page[track + 1, y])
        run = Int(darkest) >= Int(paper) - paperMargin ? run + 1 : 0
        paperRun = max(paperRun, run)
      }
      // A row taller than a line of type is touched by no one glyph from top to bottom: a
      // seal's ring running along a rule through a tall header cell is no glyph.
      let glyph =
        paperRun >= longestGap || (to - from <= tallest && max(touchedShare(-1), touchedShare(1)) >= touched)
      if !glyph {
        var means: [Int: Double] = [:]
        for x in (centre - around)...(centre + around) { means[x] = columnMean(x) }
        tracks.append(
          PieceTrack(piece: pieces.count, track: track, depth: sidePage - trackMean, page: sidePage, means: means))
      }
      pieces.append((top, bottom, to - from, true, glyph, false))
    }
    for piece in strokesOffTrack(tracks, lengths: pieces.map(\.length), tallest: tallest) {
      pieces[piece].glyph = true
      pieces[piece].offTrack = true
    }
    return pieces
  }

  /// The pieces (indices into the line's pieces) whose dark track is a glyph's stroke beside
  /// the rule rather than the rule: a drawn rule is straight, its ink in the same pixel
  /// columns from row to row, while a stroke that only lines up with it (计's upright a point
  /// to its left, under a rule that ends at the row rule above) leaves the rule's own columns
  /// paper. From the longest piece not taken for a glyph, each piece in turn, up and down the
  /// line, is held against the last one kept (a long rule on a page turned a little off drifts
  /// a pixel or two from end to end): one no taller than a line of type (`tallest` points)
  /// whose ink in the kept piece's band of columns is under `share` of that piece's is a stroke.
  static func strokesOffTrack(_ tracks: [PieceTrack], lengths: [Double], tallest: Double, share: Double = 0.5)
    -> [Int]
  {
    guard tracks.count >= 2,
      let start = tracks.indices.max(by: { lengths[tracks[$0].piece] < lengths[tracks[$1].piece] })
    else { return [] }
    func isOff(_ other: PieceTrack, from kept: PieceTrack) -> Bool {
      guard kept.depth > 0, lengths[other.piece] <= tallest, abs(other.track - kept.track) >= 2 else { return false }
      // The kept rule's columns: all that are half as dark as its track (a thick border's
      // band, whose last piece at a page's cut can hold its outer edge alone).
      let band = kept.means.filter { kept.page - $0.value >= kept.depth / 2 }.keys
      let onRule = band.compactMap { other.means[$0] }.min() ?? other.page
      return other.page - onRule < share * kept.depth
    }
    var off: [Int] = []
    for way in [Array(tracks[(start + 1)...]), Array(tracks[..<start].reversed())] {
      var kept = tracks[start]
      for other in way {
        if isOff(other, from: kept) { off.append(other.piece) } else { kept = other }
      }
    }
    return off
  }

  /// Where one measured piece of a vertical line is dark, for ``strokesOffTrack(_:lengths:tallest:share:)``.
  struct PieceTrack {
    /// Its index among the line's pieces.
    var piece: Int
    /// Its darkest pixel column.
    var track: Int
    /// How much darker that column is than the page beside it (grey levels).
    var depth: Double
    /// The page beside it.
    var page: Double
    /// The mean grey of each pixel column around the line, by column.
    var means: [Int: Double]
  }
}
