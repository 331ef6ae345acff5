import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

/// The one-pass page reading (poppler's core): its characters against poppler-glib's, and
/// the rules and shaded areas read from the drawing against what the documents draw.
@Suite("Pages: one pass for text and drawing")
struct DrawingTests {
  /// Every PDF under Samples/ that opens without a password, and the fixture below.
  static let allPDFs: [String] = {
    var paths: [String] = []
    let folder = Samples.root.appendingPathComponent("Samples")
    if let walker = FileManager.default.enumerator(atPath: folder.path) {
      for case let relative as String in walker where relative.hasSuffix(".pdf") {
        let skipped = ["encrypted.pdf", "pages-300.pdf", "zero-pages.pdf"]
        if skipped.contains(where: { relative.hasSuffix($0) }) { continue }
        paths.append(folder.appendingPathComponent(relative).path)
      }
    }
    let scan = Samples.root.appendingPathComponent(
      "Tests/GongkaiPDFTests/Fixtures/scanned-with-text.pdf")
    return paths.sorted() + [DrawingTests.fixture, scan.path]
  }()

  /// Tests/GongkaiPDFTests/Fixtures/drawn-rules.pdf, written by make-drawn-rules-pdf.py there
  /// (its docstring lists what is drawn where).
  static let fixture = Samples.root.appendingPathComponent(
    "Tests/GongkaiPDFTests/Fixtures/drawn-rules.pdf"
  ).path

  @Test("the one pass gives poppler-glib's characters, boxes and page size", arguments: allPDFs)
  func sameCharacters(path: String) throws {
    let document = try PDFDocument(path: path)
    for number in 1...document.pageCount {
      let page = try document.page(number)
      let drawing = try page.drawing()
      let glib = page.characters
      #expect(drawing.characters.count == glib.count, "\(path) page \(number)")
      // The same characters and boxes, except that a box poppler made over 1.5 times the
      // text's size (a Type 3 font: PageDrawing.cpp fitType3Box) is cut to lie inside it.
      let differing = zip(drawing.characters, glib).filter { $0 != $1 }
      #expect(
        differing.allSatisfy { ours, theirs in
          ours.character == theirs.character && ours.box.minX == theirs.box.minX && ours.box.maxX == theirs.box.maxX
            && ours.box.minY > theirs.box.minY && ours.box.maxY < theirs.box.maxY
            && ours.box.height < theirs.box.height / 1.15
        }, "\(path) page \(number)")
      #expect(differing.isEmpty || path.contains("pdf-browser/"), "\(path) page \(number): boxes cut")
      #expect(drawing.width == page.size.width && drawing.height == page.size.height)
    }
  }

  @Test("Type 3 text (Chromium's Noto CJK) gets boxes of its true size, not poppler's 2.6 em guess")
  func type3Boxes() throws {
    // browser-2021-i: its tables in Noto Sans CJK, which Chromium prints as Type 3 fonts
    // (pdffonts); table 三's rows are about 16 pt apart, and poppler-glib boxes their text
    // 19.9 pt tall (it guesses a Type 3 font's size from one glyph's width), reaching into
    // the rows above and below. The text is 7.65 pt: its boxes are 1.3 times that. (A Chinese
    // character boxed over twice as tall as it is wide is Type 3 text here: the WenQuanYi
    // text around the tables is boxed 1.1 em tall and 1 em wide.)
    let path = Samples.root.appendingPathComponent("Samples/pdf-browser/browser-2021-i.pdf").path
    let document = try PDFDocument(path: path)
    var type3 = 0
    for number in 1...document.pageCount {
      let page = try document.page(number)
      for (ours, theirs) in zip(try page.drawing().characters, page.characters)
      where theirs.character.unicodeScalars.allSatisfy({ (0x4E00...0x9FFF).contains($0.value) })
        && theirs.box.height > 2 * theirs.box.width
      {
        type3 += 1
        #expect(abs(ours.box.height - 9.95) < 0.1, "\(ours.character) page \(number): \(ours.box)")
        #expect(ours.box.minY > theirs.box.minY && ours.box.maxY < theirs.box.maxY)
      }
    }
    #expect(type3 > 300)
  }

  @Test("an encrypted PDF is read in one pass with its password, and refused without")
  func encrypted() throws {
    let path = Samples.bad("encrypted.pdf")
    let document = try PDFDocument(path: path, password: "user-secret")
    let page = try document.page(1)
    let drawing = try page.drawing()
    #expect(!drawing.characters.isEmpty)
    #expect(drawing.characters == page.characters)
    let fromBytes = try PDFDocument(
      data: try Data(contentsOf: URL(fileURLWithPath: path)), source: "e.pdf", password: "user-secret")
    #expect(try fromBytes.page(1).drawing().characters == drawing.characters)
    // Its table 三 (page 2) is drawn, so the one pass finds rules there.
    #expect(try !document.page(2).positionedPage().rulings.isEmpty)
  }

  /// The rulings of a page sorted by axis, then position.
  func rulings(_ path: String, page number: Int) throws -> PositionedPage {
    try PDFDocument(path: path).page(number).positionedPage()
  }

  @Test("table 二 of gen-2021-a: the drawn grid and its three shaded rows")
  func sampleGrid() throws {
    // Read off the page with pdfplumber 0.11 (page.lines, page.rects) and checked on a
    // rendering: ten 1 pt rules 17 pt apart from y 594.1 to 747.1 across x 73.2–522.1;
    // verticals at x 73.7, 185.7, 297.6, 409.6, 521.6 (x 185.7 in three pieces, the others
    // only where cells are split); rows 1, 5 and 8 filled #C6D9F1 (0.776, 0.851, 0.945).
    let page = try rulings(Samples.pdf("gen-2021-a"), page: 2)
    let horizontal = page.rulings.filter { $0.axis == .horizontal }.sorted { $0.position < $1.position }
    #expect(horizontal.count == 10)
    for (index, rule) in horizontal.enumerated() {
      #expect(abs(rule.position - (594.1 + 17 * Double(index))) < 1, "\(rule)")
      #expect(abs(rule.start - 73.2) < 1.5 && abs(rule.end - 522.1) < 1.5, "\(rule)")
      #expect(rule.source == .line)
    }
    let vertical = page.rulings.filter { $0.axis == .vertical }
    let xs = Set(vertical.map { ($0.position * 10).rounded() / 10 })
    #expect(xs == [73.7, 185.7, 297.6, 409.6, 521.6])
    let middle = vertical.filter { abs($0.position - 185.7) < 1 }.sorted { $0.start < $1.start }
    #expect(
      middle.map { ($0.start.rounded(), $0.end.rounded()) }.elementsEqual(
        [(611.0, 663.0), (679.0, 714.0), (730.0, 747.0)], by: ==))
    let fills = page.fills.filter { $0.box.width > 400 }
    #expect(fills.count == 3)
    for (fill, top) in zip(fills.sorted { $0.box.minY < $1.box.minY }, [593.6, 661.6, 712.6]) {
      #expect(abs(fill.box.minY - top) < 1 && abs(fill.box.height - 16.95) < 1)
      #expect(abs(fill.colour.red - 0.776) < 0.01 && abs(fill.colour.blue - 0.945) < 0.01)
    }
    // The shaded rows' edges run along drawn rules, so they add no rule of their own.
    #expect(!page.rulings.contains { $0.source == .fillEdge })
    // And the grid is read as one table of 9 rows.
    let grids = RuledTableFinder().grids(from: page.rulings)
    #expect(grids.count == 1)
    #expect(grids.first?.ys.count == 10)
  }

  /// The rules of the fixture near `position` on `axis` (within 1 pt), as (start, end) pairs.
  func pieces(_ page: PositionedPage, _ axis: RulingLine.Axis, at position: Double)
    -> [RulingLine]
  {
    page.rulings.filter { $0.axis == axis && abs($0.position - position) < 1 }
      .sorted { $0.start < $1.start }
  }

  @Test("light borders are rules; near-white and faint lines are not")
  func lightAndFaint() throws {
    let page = try rulings(Self.fixture, page: 1)
    // A: light blue 0.5 pt strokes (#BDD7EE), a full 2×2 grid.
    for y in [20.0, 40, 60] {
      let rule = try #require(pieces(page, .horizontal, at: y).first { $0.start < 21 })
      #expect(abs(rule.end - 140) < 1 && rule.source == .line)
    }
    for x in [20.0, 80, 140] {
      #expect(pieces(page, .vertical, at: x).contains { abs($0.start - 20) < 1 && abs($0.end - 60) < 1 })
    }
    // C and J: a 0.96 grey line, a white line and a 5 %-opacity black line are no rules.
    for y in [100.0, 110, 285] { #expect(pieces(page, .horizontal, at: y).isEmpty, "y \(y)") }
    // D: a white line across a mid-grey area stands out from what is under it.
    #expect(pieces(page, .horizontal, at: 140).contains { $0.source == .line && abs($0.start - 20) < 1 })
  }

  @Test("a shaded cell's edges are boundaries, its inside is not a rule")
  func shadedCell() throws {
    let page = try rulings(Self.fixture, page: 1)
    // B: the row x 160–280, y 20–40 is filled WPS blue with nothing drawn on its edges.
    let fill = try #require(page.fills.first { abs($0.box.minX - 160) < 1 && abs($0.box.minY - 20) < 1 })
    #expect(abs(fill.box.maxX - 280) < 1 && abs(fill.box.maxY - 40) < 1)
    #expect(abs(fill.colour.luminance - 0.839) < 0.01)
    for y in [20.0, 40] {
      #expect(
        pieces(page, .horizontal, at: y).contains {
          $0.source == .fillEdge && abs($0.start - 160) < 1 && abs($0.end - 280) < 1
        })
    }
    for x in [160.0, 280] {
      #expect(
        pieces(page, .vertical, at: x).contains {
          $0.source == .fillEdge && abs($0.start - 20) < 1 && abs($0.end - 40) < 1
        })
    }
    // Nothing inside the shaded row, nor along the middle of the 10 pt black bar (F).
    #expect(!page.rulings.contains { $0.axis == .horizontal && $0.position > 21 && $0.position < 39 && $0.end > 161 })
    #expect(!page.rulings.contains { $0.axis == .vertical && $0.position > 161 && $0.position < 279 && $0.start < 39 })
    #expect(pieces(page, .horizontal, at: 195).isEmpty)
    // B's rules and edges make one grid: rows at 20, 40, 60; columns at 160, 220, 280.
    let inB = page.rulings.filter { rule in
      rule.axis == .horizontal
        ? rule.position < 65 && rule.start > 155 : rule.position > 155 && rule.end < 65
    }
    let grids = RuledTableFinder().grids(from: inB)
    let grid = try #require(grids.first)
    #expect(grid.ys.map { $0.rounded() } == [20, 40, 60])
    #expect(grid.xs.map { $0.rounded() } == [160, 220, 280])
    // H: a 4 pt square is a mark, neither a rule nor shading.
    #expect(!page.fills.contains { $0.box.width < 5 })
  }

  @Test("thin rectangles drawn per cell side join into whole rules (browser-printed pages)")
  func browserGrid() throws {
    let page = try rulings(Self.fixture, page: 1)
    // E: 6 cells each drawing 4 sides as 0.75 pt filled rectangles.
    for y in [120.0, 140, 160] {
      let right = pieces(page, .horizontal, at: y).filter { $0.source == .line && $0.start > 150 }
      #expect(right.count == 1, "y \(y): \(right)")
      #expect(right.first.map { abs($0.start - 160) < 1 && abs($0.end - 280) < 1 } == true)
    }
    for x in [160.0, 200, 240, 280] {
      let rules = pieces(page, .vertical, at: x).filter { $0.start > 110 && $0.end < 170 }
      #expect(rules.count == 1, "x \(x): \(rules)")
      #expect(rules.first.map { abs($0.start - 120) < 1 && abs($0.end - 160) < 1 } == true)
    }
    // G: a dashed line is one rule; I: a clipped line is a rule only where it shows.
    #expect(pieces(page, .horizontal, at: 230).map { [$0.start.rounded(), $0.end.rounded()] } == [[20, 280]])
    #expect(pieces(page, .horizontal, at: 270).map { [$0.start.rounded(), $0.end.rounded()] } == [[50, 150]])
  }

  @Test("cell borders with mitred corners (Chromium's inset borders: thin trapezoids) are rules; slants are not")
  func mitredBorders() {
    // As Chromium prints <table border="1">: every cell's left side a 0.75 pt trapezoid
    // (x 42.75–43.5, its top corner cut at 45°), its top side one too; a thin parallelogram
    // leaning 6 pt over its 16 pt (a glyph's stroke) is no rule.
    func fill(_ points: [(Double, Double)]) -> DrawnPath {
      DrawnPath(
        paint: .fill, colour: RGBColour(red: 0.67, green: 0.67, blue: 0.67),
        clip: PageRect(minX: 0, minY: 0, maxX: 600, maxY: 800),
        subpaths: [.init(points: points.map { PagePoint(x: $0.0, y: $0.1) }, closed: true)])
    }
    let left = fill([(42.75, 513), (42.75, 529.5), (43.5, 528.75), (43.5, 513)])
    let top = fill([(42.75, 513), (280, 513), (279.25, 513.75), (43.5, 513.75)])
    let slant = fill([(300, 500), (306, 516), (306.75, 516), (300.75, 500)])
    let drawing = PageDrawing(width: 600, height: 800, characters: [], paths: [left, top, slant])
    let rulings = DrawnRulingFinder().read(drawing).rulings
    #expect(rulings.contains { $0.axis == .vertical && abs($0.position - 43.1) < 0.1 && $0.end - $0.start > 16 })
    #expect(rulings.contains { $0.axis == .horizontal && abs($0.position - 513.4) < 0.1 && $0.end - $0.start > 230 })
    #expect(rulings.count == 2)
  }

  @Test("a scan under an invisible text layer draws no rule: its rules come from a rendering")
  func scanUnderText() throws {
    // Made by make-scanned-with-text-pdf.py: page 3 of gen-2021-a as a 100 dpi image.
    let path = Samples.root.appendingPathComponent(
      "Tests/GongkaiPDFTests/Fixtures/scanned-with-text.pdf"
    ).path
    let page = try PDFDocument(path: path).page(1)
    let drawing = try page.drawing()
    #expect(String(drawing.characters.map(\.character)).hasPrefix("Scanned table"))
    #expect(DrawnRulingFinder().read(drawing).rulings.isEmpty)
    #expect(drawing.largestImagePixels > 500_000)
    #expect(try page.positionedPage(scanRulings: nil).rulings.isEmpty)
    // The verticals of the table in the picture, where gen-2021-a's page 3 draws them
    // (read with pdfplumber 0.11 from that page).
    let vertical = try page.positionedPage().rulings.filter { $0.axis == .vertical }
    for x in [73.7, 111.8, 161.0, 185.7, 306.6, 337.3, 368.0, 398.7, 429.4, 460.1, 490.8, 521.6] {
      #expect(vertical.contains { abs($0.position - x) < 1.5 }, "no rule at x \(x)")
    }
  }

  @Test("page rotation is applied to paths and to the page size")
  func rotatedPage() throws {
    let page = try rulings(Self.fixture, page: 2)
    #expect(page.width == 100 && page.height == 200)
    #expect(page.rulings.count == 1)
    let rule = try #require(page.rulings.first)
    #expect(rule.axis == .vertical && abs(rule.position - 50) < 0.5)
    #expect(abs(rule.start - 20) < 0.5 && abs(rule.end - 180) < 0.5)
  }
}
