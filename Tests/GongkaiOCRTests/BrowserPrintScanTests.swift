import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Scans of report pages a portal served and a browser printed.
@Suite("Browser-printed scans", .hangGuard)
struct BrowserPrintScanTests {
  /// Page 4 of a browser-printed 2021 report (make_browser_variants.py seed 1931, variant s1:
  /// the old-CMS look, `<table cellspacing="1" bgcolor>` whose background is the rules)
  /// photocopied at 200 dpi (`make-scan-fixtures.py --photocopy SRC OUT 1937 --dpi 200 --look
  /// photocopy --quality 50 --skew 1.0`), its JPEG as generated. Table 三 runs on from page 3
  /// and over to page 5: under its last row here the table's background shows as a filled
  /// bar, no line, so no row rule closes the table. The rule between 三、本年度办理结果 and
  /// （三）不予公开 (x ≈ 210 pt) crosses three row rules at its top and none over the rows
  /// （三）不予公开 spans: it ran 300 pt past them and was taken for a scanner streak, the
  /// two label columns were one cell and every row of the page lost its label.
  static let page = "pages/browser-cellspacing-2021-scan200-g1937-page4.pdf"

  func bitmap() throws -> GreyBitmap {
    let document = try PDFDocument(path: Samples.scanFolder.appendingPathComponent(Self.page).path)
    return try document.page(1).render(dpi: 300)
  }

  @Test("a label column's rule that runs on to where the table's columns end is a table rule, not a streak")
  func labelColumnToTableEnd() throws {
    let page = try bitmap()
    func columns(_ finder: TableRuleFinder) -> [RulingLine] {
      finder.find(in: page).tableRulings.filter { $0.axis == .vertical }
    }
    // The table's last row ends at y ≈ 547 pt, where the other columns' rules end too.
    func reachesEnd(_ lines: [RulingLine], at x: Double) -> Bool {
      lines.contains { abs($0.position - x) <= 3 && $0.end >= 540 && $0.start <= 175 }
    }
    var before = TableRuleFinder()
    before.rulingFinder.options.sharedEnds = 0
    let lost = columns(before)
    #expect(!reachesEnd(lost, at: 210), "taken for a streak without the shared end: \(lost)")
    let found = columns(TableRuleFinder())
    #expect(reachesEnd(found, at: 210), "\(found)")
  }

  @Test("the page's table 三 rows keep their labels: each row its label and seven values")
  func rowsKeepLabels() throws {
    // The values as the page prints them (read from the page image).
    try expectRows(
      onPage: Self.page,
      [
        ("上年结转申请数量", ["1", "1", "1", "0", "1", "0", "4"]),
        ("予以公开", ["0", "0", "0", "0", "0", "0", "0"]),
        ("部分公开", ["5", "0", "0", "0", "0", "1", "6"]),
        ("属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"]),
        ("属于四类过程性信息", ["0", "0", "0", "1", "1", "0", "2"]),
        ("属于行政查询事项", ["0", "0", "0", "0", "0", "0", "0"]),
      ])
  }
}

/// A browser-printed report whose table cells have separate borders, scanned.
@Suite("Browser-printed scans, separate cell borders", .hangGuard)
struct SeparateBordersScanTests {
  /// Page 2 of a browser-printed 2019 report (make_browser_variants.py seed 1961, variant s4:
  /// `border-collapse: separate`, each cell a box of its own) photocopied at 200 dpi
  /// (`make-scan-fixtures.py --photocopy SRC OUT 1968 --dpi 200 --look photocopy --quality 50
  /// --skew 1.0`), its JPEG as generated. Table 三 starts here and runs over to page 3: the
  /// boxes of 三、本年度办理结果 (x ≈ 69–101 pt), （三）不予公开 and （五）不予处理 (101–147)
  /// run on to the page's cut (y ≈ 831 pt) below the last value row's rule (≈ 804). The
  /// table's left edge crosses row rules down to 二、上年结转 (≈ 379) only, the rule at 101
  /// none in common with the kept rule at 147: both were taken for scanner streaks, the label
  /// columns were one cell and every row after 二、上年结转 lost its label.
  static let page = "pages/browser-separate-2019-scan200-g1968-page2.pdf"

  @Test("nested label columns' rules that run on to the page's cut are table rules, not streaks")
  func nestedLabelColumns() throws {
    let document = try PDFDocument(path: Samples.scanFolder.appendingPathComponent(Self.page).path)
    let page = try document.page(1).render(dpi: 300)
    let found = TableRuleFinder().find(in: page).tableRulings.filter { $0.axis == .vertical }
    func runs(at x: Double, from top: Double) -> Bool {
      found.contains { abs($0.position - x) <= 3 && $0.start <= top + 3 && $0.end >= 820 }
    }
    #expect(runs(at: 69, from: 235), "the table's left edge: \(found)")
    #expect(runs(at: 101, from: 379), "三、本年度办理结果's right edge: \(found)")
  }

  @Test("table 三's rows keep their labels: each row its label and seven values")
  func rowsKeepLabels() throws {
    // The values as the page prints them (read from the page image).
    try expectRows(
      onPage: Self.page,
      [
        ("予以公开", ["0", "0", "0", "0", "0", "0", "0"]),
        ("部分公开", ["4", "0", "0", "0", "0", "0", "4"]),
        ("危及", ["0", "4", "0", "0", "0", "0", "4"]),
        ("保护第三方合法权益", ["1", "9", "0", "0", "0", "0", "10"]),
        ("属于四类过程性信息", ["0", "0", "0", "0", "2", "0", "2"]),
        ("信访举报投诉类申请", ["5", "0", "0", "0", "0", "0", "5"]),
        ("无正当理由大量反复申请", ["21", "0", "0", "0", "0", "0", "21"]),
      ])
  }
}

/// Reads a one-page scan and expects each row, found by a part of its label, to end in the
/// seven values the page prints.
private func expectRows(onPage page: String, _ expected: [(label: String, values: [String])]) throws {
  let text = try Samples.scannedText(of: page)
  let lines = text.split(separator: "\n").map { line in
    line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.filter { !$0.isWhitespace } }
      .filter { !$0.isEmpty }
  }
  for row in expected {
    let found = lines.first { $0.contains { $0.contains(row.label) } }
    #expect(
      found.map { Array($0.suffix(7)) } == row.values,
      "\(row.label): read \(found.map { $0.joined(separator: " | ") } ?? "no row")")
  }
}

@Suite("Browser-printed scans, label columns past the cut", .hangGuard)
struct LabelColumnsPastCutTests {
  /// Page 3 of a browser print on Letter landscape (border_cellspacing+rule_blue+head_grey+
  /// font_notosans+px_15+width_960+scale_100+…+thead+portal_mixed+notes-2021-s7:
  /// make_browser_variants), photocopied at 200 dpi and turned 2.5° (make_scan_variants, g2222;
  /// page 3 by qpdf, the JPEG as generated, 152 KB). Table 三 is cut by the page break under
  /// 6.属于四类过程性信息: the value columns stop at the filled bar of the cut row, the rules
  /// of the label columns (三、本年度办理结果, （三）不予公开) run on beside it to its foot.
  static let page = "pages/browser-cellspacing-2021-scan200-g2222-page3.pdf"

  @Test("label column rules that run past their last row rule to the cut are table rules: rows keep their labels")
  func rowsKeepLabels() throws {
    // They cross no row rule over the rows their cells span and ran on past the last one
    // they cross by more than a streak may: dropped as streaks, the label block was one cell
    // read blank and every row of table 三 below 二、上年结转 lost its label (161 nulls).
    try expectRows(
      onPage: Self.page,
      [
        ("予以公开", ["0", "0", "0", "0", "0", "0", "0"]),
        ("部分公开", ["0", "0", "1", "0", "0", "0", "1"]),
        ("属于国家秘密", ["2", "0", "0", "0", "0", "0", "2"]),
        ("危及", ["0", "0", "0", "0", "1", "0", "1"]),
        ("保护第三方合法权益", ["0", "6", "0", "0", "0", "0", "6"]),
        ("属于三类内部事务信息", ["2", "0", "0", "0", "0", "1", "3"]),
        ("属于四类过程性信息", ["0", "0", "0", "0", "0", "0", "0"]),
      ])
  }
}

@Suite("Browser-printed scans, dark blocks over rules", .hangGuard)
struct DarkBlockScanTests {
  /// Pages 5 and 4 of a browser print on A4 landscape (amount_yuan+border_cellspacing+
  /// rule_dark+head_grey+font_zenhei+…+zebra+thead+portal_custom+long, 2019 form:
  /// make_browser_variants) photocopied at 300 dpi (make_scan_variants, g2321 of /tmp/s23blank),
  /// re-rendered at 200 dpi, grey JPEG quality 60. Table 三's zebra shading went black in the
  /// copy. On page 5 the (三)不予公开 column's cell of 8.属于行政查询事项 is a black block over
  /// the column rules at x ≈ 205 and 256 pt: the cells round it joined through it, and the
  /// label columns became one cell read blank (every row of the page lost its label: 126 nulls
  /// in the report). On page 4 the cut row under 1.属于国家秘密 is a black bar that hides the
  /// row rule above it: the row and the bar were one grid row whose column rules were drawn
  /// over half its height only, read as one cell (7 nulls).
  static let page5 = "pages/browser-cellspacing-2019-photocopy300-g2321-page5.pdf"
  static let page4 = "pages/browser-cellspacing-2019-photocopy300-g2321-page4.pdf"

  @Test("a black block's sides are cell edges: the label columns keep their cells")
  func blockSidesSplitLabelColumns() throws {
    let document = try PDFDocument(path: Samples.scanFolder.appendingPathComponent(Self.page5).path)
    let page = try document.page(1).render(dpi: 300)
    // Whether table 三's label columns (the first three grid columns) are one cell below its header.
    func labelsMerged(_ finder: TableRuleFinder) -> Bool {
      finder.find(in: page).grids.contains { grid in
        grid.cells.contains { $0.left == 0 && $0.right >= 2 && $0.bottom - $0.top >= 5 }
      }
    }
    var without = TableRuleFinder()
    without.darkFillSidesFound = false
    #expect(labelsMerged(without))
    #expect(!labelsMerged(TableRuleFinder()))
  }

  @Test("rows beside and below a black block keep their labels")
  func rowsBesideBlockKeepLabels() throws {
    // The values as the page prints them (read from the page image).
    try expectRows(
      onPage: Self.page5,
      [
        ("其他法律行政法规", ["0", "0", "0", "0", "0", "0", "0"]),
        ("属于行政执法案卷", ["0", "0", "0", "0", "0", "0", "0"]),
        ("属于行政查询事项", ["0", "0", "0", "0", "0", "0", "0"]),
        ("本机关不掌握相关政府信息", ["37", "0", "0", "0", "0", "0", "37"]),
        ("补正后申请内容仍不明确", ["0", "0", "0", "0", "0", "0", "0"]),
      ])
  }

  @Test("a row above a cut row's black bar is a row of its own")
  func rowAboveBarIsItsOwn() throws {
    try expectRows(onPage: Self.page4, [("属于国家秘密", ["7", "0", "0", "0", "0", "0", "7"])])
  }
}

@Suite("Browser-printed scans, a rule's corner in a wide cell", .hangGuard)
struct RuleCornerScanTests {
  /// Page 2 of a browser print on Letter (labels_nonumber+num_fullwidth+border_cellspacing+
  /// rule_blue+head_orange+font_notoserif+…+pad_3+numalign_left+portal_gkpt-2021-s2:
  /// make_browser_variants --seed 2710), photocopied at 300 dpi (make_scan_variants --seed
  /// 2711, g2714), page 2 by qpdf, re-rendered at 200 dpi, grey JPEG quality 60. Table 二's
  /// value cells of the 2021 form span three columns; the numbers (full-width, letter-spaced:
  /// ５ ９) stand at their left. Where the turned page's rules meet, a 2×1 px corner of a rule
  /// was left inside the cell at its far right: the cell's ink then ran over its whole width
  /// and two lines' height, no number read (行政强制's 59 blank: null with a false `missing`).
  static let page = "pages/browser-cellspacing-2021-photocopy300-g2714-page2.pdf"

  @Test("a rule's corner at a wide cell's edge is no ink of the cell: its number is read")
  func numbersBesideRuleCorner() throws {
    let text = try Samples.scannedText(of: Self.page)
    let lines = text.split(separator: "\n").map { line in
      line.split(separator: "\t").map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
    }
    // The values as the page prints them (read from the page image).
    for (label, value) in [("行政许可", "5676"), ("行政处罚", "591"), ("行政强制", "59")] {
      let found = lines.first { $0.first == label }
      #expect(found == [label, value], "\(label): read \(found.map { $0.joined(separator: " | ") } ?? "no row")")
    }
  }
}
