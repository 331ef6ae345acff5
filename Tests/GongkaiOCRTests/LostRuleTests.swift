import GongkaiLayout
import Testing

@testable import GongkaiOCR

/// Rules a scan lost inside a grid cell, drawn back in by the reader.
@Suite("Lost rules inside a cell")
struct LostRuleTests {
  /// A 300-dpi page with a table of three columns (x 100, 400, 700, 1000 px) and three rows
  /// (y 100, 300, 400, 500 px): the header rule under columns 1 and 2 is lost (drawn over
  /// the label column only), and so is the column rule at x 700 in the last row. Column 1's
  /// header holds a line of square glyphs over `firstRow` (digits when `digitsBelow`),
  /// column 2's a line of glyphs over another; the last row's merged cell holds two numbers.
  func page(digitsBelow: Bool) -> (GreyBitmap, [RulingLine]) {
    var drawing = RuledPage(width: 1200, height: 600)
    for y in [100, 400, 500] { drawing.horizontal(y, 100, 1000) }
    drawing.horizontal(300, 100, 400)
    for x in [100, 400, 1000] { drawing.vertical(x, 100, 500) }
    drawing.vertical(700, 100, 400)
    drawing.glyphs(450, 150, count: 3, width: 28)
    drawing.glyphs(450, 335, count: 2, width: digitsBelow ? 14 : 28)
    drawing.glyphs(750, 150, count: 3, width: 28)
    drawing.glyphs(750, 335, count: 2, width: 28)
    drawing.glyphs(150, 335, count: 4, width: 28)
    drawing.glyphs(450, 435, count: 2, width: 14)
    drawing.glyphs(750, 435, count: 1, width: 14)
    return (drawing.page, drawing.rulings)
  }

  @Test("a header over a number is split at the row edge the label column has; the row's other cells with it")
  func headerOverNumber() throws {
    let reader = try PageReader(dataPath: nil)
    let (page, rulings) = page(digitsBelow: true)
    let grids = TableGrid.grids(from: rulings)
    #expect(grids.first?.cells.count == 6)
    let scale = page.pixelsPerPoint
    let lost = reader.lostRules(in: grids, page: page, level: 128)
    let rows = lost.filter { $0.axis == .horizontal }.map { [$0.position * scale, $0.start * scale, $0.end * scale] }
    // The rule at y 300 under both header cells: column 1 holds digits below it, column 2
    // only glyphs, split cleanly at the same edge.
    #expect(rows.count == 2, "\(rows)")
    #expect(rows.allSatisfy { abs($0[0] - 301) <= 2 }, "\(rows)")
    #expect(rows.contains { abs($0[1] - 401) <= 2 && abs($0[2] - 701) <= 2 }, "\(rows)")
    #expect(rows.contains { abs($0[1] - 701) <= 2 && abs($0[2] - 1001) <= 2 }, "\(rows)")
    // The column rule at x 700 between the last row's two numbers.
    let columns = lost.filter { $0.axis == .vertical }
    #expect(columns.count == 1 && abs((columns.first?.position ?? 0) * scale - 701) <= 2, "\(columns)")
    // Drawn back in, the grid has the cells a fully ruled table has.
    let restored = TableGrid.grids(from: rulings + lost)
    #expect(restored.first?.cells.count == 9)
    #expect(restored.first?.cells.allSatisfy { $0.top == $0.bottom && $0.left == $0.right } == true)
  }

  /// A 300-dpi page with a one-row table (x 100, 400, 1000 px; y 100, 200 px) whose column
  /// rule at x 700 is lost in every row: the grid has no edge there. The wide cell holds
  /// two digits left of x 700 and one right of it (`digits`), else square glyphs.
  func lightColumnPage(digits: Bool) -> (GreyBitmap, [RulingLine]) {
    var drawing = RuledPage(width: 1200, height: 300)
    for y in [100, 200] { drawing.horizontal(y, 100, 1000) }
    for x in [100, 400, 1000] { drawing.vertical(x, 100, 200) }
    drawing.glyphs(150, 135, count: 4, width: 28)
    drawing.glyphs(450, 135, count: digits ? 2 : 3, width: digits ? 14 : 28)
    drawing.glyphs(750, 135, count: 1, width: digits ? 14 : 28)
    return (drawing.page, drawing.rulings)
  }

  @Test("a light line through a cell holding two numbers is the column rule the grid lost in every row")
  func lightColumnBetweenNumbers() throws {
    let reader = try PageReader(dataPath: nil)
    let (page, rulings) = lightColumnPage(digits: true)
    let scale = page.pixelsPerPoint
    let grids = TableGrid.grids(from: rulings)
    #expect(grids.first?.xs.count == 3)
    // Without the light pass's line no edge is there to restore.
    #expect(reader.lostRules(in: grids, page: page, level: 128).isEmpty)
    let light = RulingLine(axis: .vertical, position: 701 / scale, start: 102 / scale, end: 199 / scale)
    let lost = reader.lostRules(in: grids, page: page, level: 128, lightColumns: [light])
    #expect(lost.count == 1 && abs((lost.first?.position ?? 0) * scale - 701) <= 2, "\(lost)")
    #expect(TableGrid.grids(from: rulings + lost).first?.xs.count == 4)
  }

  @Test("a light line through text (a header's strokes) is no column rule")
  func lightColumnThroughText() throws {
    let reader = try PageReader(dataPath: nil)
    let (page, rulings) = lightColumnPage(digits: false)
    let scale = page.pixelsPerPoint
    let light = RulingLine(axis: .vertical, position: 701 / scale, start: 102 / scale, end: 199 / scale)
    let lost = reader.lostRules(in: TableGrid.grids(from: rulings), page: page, level: 128, lightColumns: [light])
    #expect(lost.isEmpty, "\(lost)")
  }

  @Test("glyphs over glyphs are a header wrapped over two rows: no rule is drawn in")
  func textOverText() throws {
    let reader = try PageReader(dataPath: nil)
    let (page, rulings) = page(digitsBelow: false)
    let grids = TableGrid.grids(from: rulings)
    let lost = reader.lostRules(in: grids, page: page, level: 128)
    #expect(lost.filter { $0.axis == .horizontal }.isEmpty, "\(lost)")
  }

  /// A 300-dpi page with a label column (x 100–400) and two value columns (400–700,
  /// 700–1000) over two rows (y 100, 200, 300 px), the row rule at y 200 drawn across the
  /// value columns only: broken where the labels touch it on a tight light grid. The label
  /// cell holds a line of square glyphs in each row; the value cells hold, by
  /// `digitsBeside`: digits, else square glyphs (a group label beside sub-labels).
  /// With `brokenDigits`, the first row's digits each stand in two pieces one above the
  /// other, a gap between (a photocopied 5's top bar apart from its bowl).
  func labelPage(digitsBeside: Bool, brokenDigits: Bool = false) -> (GreyBitmap, [RulingLine]) {
    var drawing = RuledPage(width: 1100, height: 400)
    for y in [100, 300] { drawing.horizontal(y, 100, 1000) }
    drawing.horizontal(200, 400, 1000)
    for x in [100, 400, 700, 1000] { drawing.vertical(x, 100, 300) }
    drawing.glyphs(150, 135, count: 2, width: 28)
    drawing.glyphs(150, 235, count: 5, width: 28)
    for (x, y) in [(500, 135), (800, 135), (500, 235), (800, 235)] {
      drawing.glyphs(x, y, count: 2, width: digitsBeside ? 14 : 28)
      if brokenDigits, y == 135 {
        // The gap: paper across each digit 6 px below its top.
        drawing.page.fill(x: x, y: y + 6, width: 40, height: 3, value: 235)
      }
    }
    return (drawing.page, drawing.rulings)
  }

  @Test(
    "a label cell over two rows of numbers, the first row's digits broken in two pieces one over the other: still split"
  )
  func labelsOverBrokenDigits() throws {
    let reader = try PageReader(dataPath: nil)
    let (page, rulings) = labelPage(digitsBeside: true, brokenDigits: true)
    let grids = TableGrid.grids(from: rulings)
    let scale = page.pixelsPerPoint
    let lost = reader.lostRules(in: grids, page: page, level: 128)
    let rows = lost.filter { $0.axis == .horizontal }.map { [$0.position * scale, $0.start * scale, $0.end * scale] }
    #expect(rows.count == 1, "\(rows)")
    #expect(rows.allSatisfy { abs($0[0] - 201) <= 2 && abs($0[1] - 101) <= 2 && abs($0[2] - 401) <= 2 }, "\(rows)")
    // Square glyphs broken the same way stay a label's: joined they are no narrower than tall.
    let joined = PageReader.stackedPieces([
      (PixelRect(x: 0, y: 0, width: 28, height: 6), 168), (PixelRect(x: 0, y: 9, width: 28, height: 19), 532),
    ])
    #expect(joined.count == 2)
  }

  @Test("a label cell over two rows of numbers lost its row rule: drawn back in across the label cell alone")
  func labelsOverTwoValueRows() throws {
    let reader = try PageReader(dataPath: nil)
    let (page, rulings) = labelPage(digitsBeside: true)
    let grids = TableGrid.grids(from: rulings)
    #expect(grids.first?.cells.contains { $0.left == 0 && $0.top == 0 && $0.bottom == 1 } == true)
    let scale = page.pixelsPerPoint
    let lost = reader.lostRules(in: grids, page: page, level: 128)
    let rows = lost.filter { $0.axis == .horizontal }.map { [$0.position * scale, $0.start * scale, $0.end * scale] }
    #expect(rows.count == 1, "\(rows)")
    #expect(rows.allSatisfy { abs($0[0] - 201) <= 2 && abs($0[1] - 101) <= 2 && abs($0[2] - 401) <= 2 }, "\(rows)")
    let restored = TableGrid.grids(from: rulings + lost)
    #expect(restored.first?.cells.allSatisfy { $0.top == $0.bottom && $0.left == $0.right } == true)
  }

  @Test("a group label beside sub-labels keeps its span: no rule is drawn in")
  func groupLabelBesideLabels() throws {
    let reader = try PageReader(dataPath: nil)
    let (page, rulings) = labelPage(digitsBeside: false)
    let grids = TableGrid.grids(from: rulings)
    let lost = reader.lostRules(in: grids, page: page, level: 128)
    #expect(lost.filter { $0.axis == .horizontal }.isEmpty, "\(lost)")
  }

  /// A seal's disc in points, from its centre and radius in pixels of a 300-dpi page.
  func disc(_ x: Double, _ y: Double, radius: Double) -> PageReader.SealDisc {
    let scale = 300.0 / 72
    return PageReader.SealDisc(x: x / scale, y: y / scale, radius: radius / scale)
  }

  @Test("rules lost under a seal are drawn back in: a row rule broken across it, a column rule lost to the grid's side")
  func rulesUnderSeal() throws {
    let reader = try PageReader(dataPath: nil)
    // Columns at x 100, 400, 550, 700, 850, 1000; rows at y 100, 200, 300, 400. A seal of
    // radius 120 px at (700, 300) took the row rule at y 300 between x 580 and 820 and the
    // column rule at x 700 below y 180, down to the grid's bottom edge.
    var drawing = RuledPage(width: 1100, height: 500)
    for y in [100, 200, 400] { drawing.horizontal(y, 100, 1000) }
    drawing.horizontal(300, 100, 580)
    drawing.horizontal(300, 820, 1000)
    for x in [100, 400, 550, 850, 1000] { drawing.vertical(x, 100, 400) }
    drawing.vertical(700, 100, 180)
    for x in [450, 600, 750, 900] {
      for y in [235, 335] { drawing.glyphs(x, y, count: 1, width: 14) }
    }
    let grids = TableGrid.grids(from: drawing.rulings)
    #expect(grids.first?.cells.contains { $0.bottom > $0.top || $0.right > $0.left } == true)
    let page = drawing.page
    let restored = PageReader.rulesUnderSeals(
      grids, rulings: drawing.rulings, seals: [disc(700, 300, radius: 120)]
    ) { axis, position, from, to in
      reader.printCrosses(axis, at: position, from: from, to: to, page: page, level: 100)
    }
    let scale = page.pixelsPerPoint
    let found = restored.map { [$0.position * scale, $0.start * scale, $0.end * scale] }
    #expect(restored.filter { $0.axis == .horizontal }.count == 1, "\(found)")
    #expect(
      restored.contains {
        $0.axis == .horizontal && abs($0.position * scale - 300) <= 2 && abs($0.start * scale - 550) <= 2
          && abs($0.end * scale - 850) <= 2
      }, "\(found)")
    #expect(
      restored.contains {
        $0.axis == .vertical && abs($0.position * scale - 700) <= 2 && abs($0.start * scale - 200) <= 2
          && abs($0.end * scale - 400) <= 2
      }, "\(found)")
    // Drawn back in, every cell is one grid cell, as in the table printed.
    let whole = TableGrid.grids(from: drawing.rulings + restored)
    #expect(whole.first?.cells.count == 15)
    #expect(whole.first?.cells.allSatisfy { $0.top == $0.bottom && $0.left == $0.right } == true)
  }

  @Test("under a seal, a heading's cell over the columns keeps its span: its text crosses the column edges")
  func headingUnderSeal() throws {
    let reader = try PageReader(dataPath: nil)
    // A heading row (y 100–200) over three columns (x 100, 400, 700, 1000; rows at y 200,
    // 300, 400), its text from x 450 to 790. A seal of radius 150 px at (700, 150) lies
    // over the heading: the column rule at x 700 stops at the heading's bottom rule, under
    // the seal, as it does where no seal is.
    var drawing = RuledPage(width: 1100, height: 500)
    for y in [100, 200, 300, 400] { drawing.horizontal(y, 100, 1000) }
    for x in [100, 1000] { drawing.vertical(x, 100, 400) }
    for x in [400, 700] { drawing.vertical(x, 200, 400) }
    drawing.glyphs(450, 135, count: 10, width: 28)
    let grids = TableGrid.grids(from: drawing.rulings)
    let page = drawing.page
    let seal = disc(700, 150, radius: 150)
    let restored = PageReader.rulesUnderSeals(grids, rulings: drawing.rulings, seals: [seal]) {
      axis, position, from, to in
      reader.printCrosses(axis, at: position, from: from, to: to, page: page, level: 100)
    }
    let scale = page.pixelsPerPoint
    let found = restored.map { [$0.position * scale, $0.start * scale, $0.end * scale] }
    #expect(restored.isEmpty, "\(found)")
    // With no print across it, the same edge would be drawn in: the text is what tells.
    let blank = PageReader.rulesUnderSeals(grids, rulings: drawing.rulings, seals: [seal]) { _, _, _, _ in false }
    #expect(blank.contains { $0.axis == .vertical && abs($0.position * scale - 700) <= 2 })
  }
  @Test(
    "under a seal, an edge a few points from another table's goes on from its drawn side through its own table's rows only"
  )
  func pairedEdgeUnderSeal() throws {
    // Two tables in one grid (x 100 to 1000): the upper one's columns at x 400, 550, 700, 850
    // (rows at y 100 to 500), a heading row (y 500–600) spanning the grid, and the lower
    // table's columns at x 415, 565, 715 (rows at y 600 to 800), 15 px (3.6 pt) off the
    // upper's. A seal of radius 170 px at (700, 450) took the column rule at x 700 below
    // y 300: two rows of the upper table (their totals, 20 and 1, one cell) and the heading.
    var drawing = RuledPage(width: 1100, height: 900)
    for y in [100, 200, 300, 400, 500, 600, 700, 800] { drawing.horizontal(y, 100, 1000) }
    for x in [100, 1000] { drawing.vertical(x, 100, 800) }
    for x in [400, 550, 850] { drawing.vertical(x, 100, 500) }
    drawing.vertical(700, 100, 300)
    for x in [415, 565, 715] { drawing.vertical(x, 600, 800) }
    let grids = TableGrid.grids(from: drawing.rulings)
    let restored = PageReader.rulesUnderSeals(
      grids, rulings: drawing.rulings, seals: [disc(700, 450, radius: 170)]
    ) { _, _, _, _ in false }
    let scale = drawing.page.pixelsPerPoint
    let found = restored.map { [$0.position * scale, $0.start * scale, $0.end * scale] }
    // Drawn back down the upper table's two rows, split by its columns on both sides...
    #expect(
      restored.contains {
        $0.axis == .vertical && abs($0.position * scale - 700) <= 2 && abs($0.start * scale - 300) <= 2
          && abs($0.end * scale - 500) <= 2
      }, "\(found)")
    // ...not into the heading's row (no column drawn across it), nor on into the lower table.
    #expect(!restored.contains { $0.axis == .vertical && $0.end * scale > 502 }, "\(found)")
    #expect(!restored.contains { abs($0.position * scale - 715) <= 2 }, "\(found)")
  }
}

/// A light 300-dpi test page with dark rules (each also listed as a ruling, in points) and
/// blocks standing for glyphs: square ones for Chinese, narrow ones for digits, 28 px tall.
private struct RuledPage {
  var page: GreyBitmap
  var rulings: [RulingLine] = []

  init(width: Int, height: Int) {
    page = GreyBitmap(blankWidth: width, height: height, dpi: 300)
    page.fill(x: 0, y: 0, width: width, height: height, value: 235)
  }

  /// A horizontal rule at `y` from x `from` to `to` (pixels).
  mutating func horizontal(_ y: Int, _ from: Int, _ to: Int) {
    let scale = page.pixelsPerPoint
    page.fill(x: from, y: y, width: to - from + 2, height: 2, value: 60)
    rulings.append(
      RulingLine(axis: .horizontal, position: Double(y) / scale, start: Double(from) / scale, end: Double(to) / scale))
  }

  /// A vertical rule at `x` from y `from` to `to` (pixels).
  mutating func vertical(_ x: Int, _ from: Int, _ to: Int) {
    let scale = page.pixelsPerPoint
    page.fill(x: x, y: from, width: 2, height: to - from + 2, value: 60)
    rulings.append(
      RulingLine(axis: .vertical, position: Double(x) / scale, start: Double(from) / scale, end: Double(to) / scale))
  }

  /// `count` glyph blocks `width` px wide from (`x`, `y`), 6 px apart.
  mutating func glyphs(_ x: Int, _ y: Int, count: Int, width: Int) {
    for index in 0..<count { page.fill(x: x + index * (width + 6), y: y, width: width, height: 28, value: 30) }
  }
}
