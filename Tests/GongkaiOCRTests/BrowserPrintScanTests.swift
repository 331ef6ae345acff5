import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Scans of report pages a portal served and a browser printed.
@Suite("Browser-printed scans", .timeLimit(.minutes(5)))
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
    let document = try PDFDocument(path: Samples.scanFolder.appendingPathComponent(Self.page).path)
    let result = try ScanReader.read(pdf: document, dpi: 300, jobs: 1)
    let lines = result.text.split(separator: "\n").map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.filter { !$0.isWhitespace } }
        .filter { !$0.isEmpty }
    }
    // The values as the page prints them (read from the page image).
    let expected: [(label: String, values: [String])] = [
      ("上年结转申请数量", ["1", "1", "1", "0", "1", "0", "4"]),
      ("予以公开", ["0", "0", "0", "0", "0", "0", "0"]),
      ("部分公开", ["5", "0", "0", "0", "0", "1", "6"]),
      ("属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"]),
      ("属于四类过程性信息", ["0", "0", "0", "1", "1", "0", "2"]),
      ("属于行政查询事项", ["0", "0", "0", "0", "0", "0", "0"]),
    ]
    for row in expected {
      let found = lines.first { $0.contains { $0.contains(row.label) } }
      #expect(
        found.map { Array($0.suffix(7)) } == row.values,
        "\(row.label): read \(found.map { $0.joined(separator: " | ") } ?? "no row")")
    }
  }
}
