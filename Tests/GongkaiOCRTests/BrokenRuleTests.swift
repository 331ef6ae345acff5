import GongkaiLayout
import Testing

@testable import GongkaiOCR

/// Faint rules the light pass found only in pieces, made whole where the page shows them;
/// the slash placeholder told from a 1.
@Suite("Broken light rules and the slash")
struct BrokenRuleTests {
  /// A 300-dpi grey page (paper 200, noise ±12 from a fixed sequence) with a frame of dark
  /// rules (x 100 and 1100, y 100 and 500 px) and, at y 300, a faint rule 12 levels deep
  /// drawn from x 100 to 1100 when `ruled`, else only where the light pass found its pieces
  /// (x 100-500 and 700-1100): between them a merged cell with no rule.
  func page(ruled: Bool) -> GreyBitmap {
    var page = GreyBitmap.noisyPaper(width: 1200, height: 600, seed: 12345)
    for y in [100, 500] { page.fill(x: 100, y: y, width: 1002, height: 2, value: 60) }
    for x in [100, 1100] { page.fill(x: x, y: 100, width: 2, height: 402, value: 60) }
    let spans = ruled ? [(100, 1100)] : [(100, 500), (700, 1100)]
    for (from, to) in spans { page.darken(xs: from...(to - 1), ys: 300...301, by: 12) }
    return page
  }

  func frame(_ scale: Double) -> [RulingLine] {
    [100.0, 500].map {
      RulingLine(axis: .horizontal, position: ($0 + 1) / scale, start: 100 / scale, end: 1101 / scale)
    }
      + [100.0, 1100].map {
        RulingLine(axis: .vertical, position: ($0 + 1) / scale, start: 100 / scale, end: 501 / scale)
      }
  }

  /// The light pass's pieces of the rule at y 300: x 100-420 and 780-1100 (the noise broke it).
  func pieces(_ scale: Double) -> [RulingLine] {
    [
      RulingLine(axis: .horizontal, position: 300.5 / scale, start: 101 / scale, end: 420 / scale),
      RulingLine(axis: .horizontal, position: 300.5 / scale, start: 780 / scale, end: 1100 / scale),
    ]
  }

  @Test("a faint rule broken into pieces is drawn whole from frame to frame where the page shows it")
  func brokenRuleMadeWhole() {
    let page = page(ruled: true)
    let scale = page.pixelsPerPoint
    let lines = TableRuleFinder.completed(pieces(scale), in: frame(scale), page: page, alignment: 2, reach: 4)
    let rows = lines.filter { $0.axis == .horizontal && abs($0.position * scale - 300.5) < 2 }
    #expect(rows.count == 1, "\(rows)")
    #expect(rows.allSatisfy { abs($0.start * scale - 101) < 2 && abs($0.end * scale - 1101) < 2 }, "\(rows)")
  }

  @Test("pieces on both sides of a cell with no rule between stay out")
  func noRuleInTheGap() {
    let page = page(ruled: false)
    let scale = page.pixelsPerPoint
    let lines = TableRuleFinder.completed(pieces(scale), in: frame(scale), page: page, alignment: 2, reach: 4)
    #expect(lines.count == 4, "\(lines)")
  }

  /// ``page(ruled:)`` with glyphs crowding the gap where the light pass lost the rule (x 500-
  /// 700): 20-px blocks of ink (a glyph's strokes), 25 px apart, from 15 px above the rule's
  /// track to its edge and from its other edge to 15 px below, as a tight row's characters sit
  /// on a rule.
  func crowdedPage(ruled: Bool) -> GreyBitmap {
    var page = page(ruled: ruled)
    for x in stride(from: 430, to: 770, by: 45) {
      page.fill(x: x, y: 285, width: 20, height: 15, value: 70)
      page.fill(x: x, y: 302, width: 20, height: 15, value: 70)
    }
    return page
  }

  @Test("a faint rule the glyphs of tight rows sit on is drawn whole; glyphs with no rule between add none")
  func ruleUnderCrowdingGlyphs() {
    // A lightblue 200-dpi scan (s4801 g4804): 信息内容 sits on the rule over 行政处罚, and where
    // its glyphs crossed the lines beside the track, averaged along, the sides were as dark as
    // the rule. The rule was not drawn; the header, its row and 行政处罚's 173 -6 388 were one
    // cell, and the row was lost.
    for ruled in [true, false] {
      let page = crowdedPage(ruled: ruled)
      let scale = page.pixelsPerPoint
      let lines = TableRuleFinder.completed(pieces(scale), in: frame(scale), page: page, alignment: 2, reach: 4)
      let rows = lines.filter { $0.axis == .horizontal && abs($0.position * scale - 300.5) < 2 }
      if ruled {
        #expect(rows.count == 1 && rows.allSatisfy { abs($0.end * scale - 1101) < 2 }, "\(rows)")
      } else {
        // The glyphs' edges along the track are no rule: nothing is drawn between the pieces.
        #expect(rows.isEmpty, "\(rows)")
      }
    }
  }

  /// A 300-dpi grey page (paper 200, noise as ``page(ruled:)``) with dark rules round two
  /// rows (x 100 and 1100; y 100, 300 and 500 px) and, at x 600, a faint column rule 12
  /// levels deep from y 100 to 500 when `ruled`: a light rule lost in every row.
  func columnPage(ruled: Bool) -> GreyBitmap {
    var page = GreyBitmap.noisyPaper(width: 1200, height: 600, seed: 54321)
    for y in [100, 300, 500] { page.fill(x: 100, y: y, width: 1002, height: 2, value: 60) }
    for x in [100, 1100] { page.fill(x: x, y: 100, width: 2, height: 402, value: 60) }
    if ruled { page.darken(xs: 600...601, ys: 100...499, by: 12) }
    return page
  }

  @Test("a light column rule found in pieces over two rows is one column edge through the table")
  func brokenColumnMadeWhole() {
    let scale = columnPage(ruled: true).pixelsPerPoint
    let rules =
      [100.0, 300, 500].map {
        RulingLine(axis: .horizontal, position: ($0 + 1) / scale, start: 100 / scale, end: 1101 / scale)
      }
      + [100.0, 1100].map {
        RulingLine(axis: .vertical, position: ($0 + 1) / scale, start: 100 / scale, end: 501 / scale)
      }
    // The light pass's pieces: a stretch of each row.
    let pieces = [(110.0, 260.0), (330, 480)].map {
      RulingLine(axis: .vertical, position: 600.5 / scale, start: $0.0 / scale, end: $0.1 / scale)
    }
    for ruled in [true, false] {
      let lines = TableRuleFinder.completed(
        pieces, in: rules, page: columnPage(ruled: ruled), alignment: 2, reach: 4, axes: [.horizontal, .vertical])
      let column = lines.filter { $0.axis == .vertical && abs($0.position * scale - 600.5) < 2 }
      if ruled {
        #expect(column.count == 1, "\(column)")
        #expect(column.allSatisfy { abs($0.start * scale - 101) < 2 && abs($0.end * scale - 501) < 2 }, "\(column)")
      } else {
        // No rule on the page: the pieces are no proof.
        #expect(column.isEmpty, "\(column)")
      }
    }
    // A column rule kept over the first row only stops at a merged cell below: left alone
    // even where the page's ink looks like its track (a label's text across it).
    let kept = RulingLine(axis: .vertical, position: 600.5 / scale, start: 101 / scale, end: 301 / scale)
    let lines = TableRuleFinder.completed(
      pieces, in: rules + [kept], page: columnPage(ruled: true), alignment: 2, reach: 4,
      axes: [.horizontal, .vertical])
    let column = lines.filter { $0.axis == .vertical && abs($0.position * scale - 600.5) < 2 }
    #expect(column.count == 1 && column.allSatisfy { $0.end * scale < 310 }, "\(column)")
  }

  /// A 200-dpi cell with one stroke 18 px tall: a slash (leaning right, 7 px wide), a 1
  /// (upright stem with a flag at the top left) or a 7 (bar across the top, stem leaning).
  func glyph(_ shape: String) -> (GreyBitmap, InkComponents) {
    var page = GreyBitmap(blankWidth: 60, height: 40, dpi: 200)
    page.fill(x: 0, y: 0, width: 60, height: 40, value: 230)
    for row in 0..<18 {
      let y = 10 + row
      switch shape {
      case "/": page.fill(x: 26 - row * 5 / 17, y: y, width: 2, height: 1, value: 40)
      case "1":
        page.fill(x: 24, y: y, width: 2, height: 1, value: 40)
        if row < 4 { page.fill(x: 21 + row / 2, y: y, width: 2, height: 1, value: 40) }
      default:
        if row < 2 { page.fill(x: 20, y: y, width: 9, height: 1, value: 40) }
        page.fill(x: 27 - row * 5 / 17, y: y, width: 2, height: 1, value: 40)
      }
    }
    return (
      page, InkComponents(in: page, region: PixelRect(x: 0, y: 0, width: 60, height: 40), level: 128, minimumArea: 2)
    )
  }

  @Test("a slash is told from a 1 and a 7")
  func slash() {
    for (shape, expected) in [("/", true), ("1", false), ("7", false)] {
      let (page, ink) = glyph(shape)
      #expect(PageReader.isSlash(ink, in: page, level: 128) == expected, "\(shape)")
    }
  }

  @Test("a page border is no table: its sides go, a three-line table's rules that reach it stay and form no grid")
  func pageFrameDropped() {
    // An A4 page (842 pt) with Word's page border at x 50-545, y 40-800, and a three-line
    // table's rules (y 300, 330, 500) drawn across it from side to side.
    let frame = [
      RulingLine(axis: .vertical, position: 50, start: 40, end: 800),
      RulingLine(axis: .vertical, position: 545, start: 40, end: 800),
      RulingLine(axis: .horizontal, position: 40, start: 50, end: 545),
      RulingLine(axis: .horizontal, position: 800, start: 50, end: 545),
    ]
    let rules = [300.0, 330, 500].map { RulingLine(axis: .horizontal, position: $0, start: 50, end: 545) }
    #expect(TableGrid.grids(from: frame + rules).count == 1, "with its frame the table is one grid of full-width cells")
    let kept = TableRuleFinder.droppingFrames(frame + rules, pageHeight: 842)
    #expect(Set(kept) == Set(rules), "\(kept)")
    #expect(TableGrid.grids(from: kept).isEmpty)
    // A real grid as tall (three columns) and a short box of one column stay whole.
    let grid =
      [60.0, 200, 400, 540].map { RulingLine(axis: .vertical, position: $0, start: 100, end: 700) }
      + [100.0, 400, 700].map { RulingLine(axis: .horizontal, position: $0, start: 60, end: 540) }
    #expect(TableRuleFinder.droppingFrames(grid, pageHeight: 842).count == grid.count)
    let box =
      [60.0, 540].map { RulingLine(axis: .vertical, position: $0, start: 100, end: 200) }
      + [100.0, 150, 200].map { RulingLine(axis: .horizontal, position: $0, start: 60, end: 540) }
    #expect(TableRuleFinder.droppingFrames(box, pageHeight: 842).count == box.count)
  }
}
