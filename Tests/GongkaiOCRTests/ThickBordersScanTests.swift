import Foundation
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Browser prints whose cells' separate borders run together into one rule 3 pt thick,
/// thicker than a block of the rule finder's local-paper measure.
@Suite("Browser-printed scans, borders run together", .hangGuard)
struct ThickBordersScanTests {
  /// Page 3 of `make_browser_variants.py --seed 3900`'s variant s7 (border_separate, red
  /// rules, navy header bands, 2021 form) scanned by `make_scan_variants.py --seed 3901
  /// --no-styles` (g3901, 300 dpi, turned 2.9°), its JPEG as generated. Each row rule is two
  /// cell borders run together, 3 pt thick: where it held a whole block of the local-paper
  /// measure it was its own paper, and 7 of table 三's row rules were lost; found again with
  /// the measure's reach, the light pass drew the two edges of each as lines of their own
  /// (now part of the band too thick to be a line; a few edge lines 2.5 pt from their rule
  /// remain, and the rows still read right).
  static let page = "pages/browser-separate-red-2021-scan300-g3901-page3.pdf"

  @Test("a row rule of two borders run together is a rule: every row of table 三 has one")
  func rowRuleOfRunTogetherBorders() throws {
    let document = try PDFDocument(path: Samples.scanFolder.appendingPathComponent(Self.page).path)
    let bitmap = try document.page(1).render(dpi: 300, droppingRedInk: true)
    let found = TableRuleFinder().find(in: bitmap)
    let rows = found.tableRulings.filter { $0.axis == .horizontal && $0.end - $0.start > 300 }.map(\.position)
      .sorted()
    // Read off the page: table 三's rule above its header, between every two of its rows and
    // below (七)总计 and 四、结转下年度继续办理; no two rows (about 21 pt a line) more than a
    // three-line row (about 47 pt) apart.
    #expect(rows.count >= 24, "\(rows)")
    let gaps = zip(rows, rows.dropFirst()).map { $1 - $0 }
    #expect((gaps.max() ?? 0) < 50, "\(rows)")
  }

  @Test("the row under run-together borders keeps its label and values")
  func rowBetweenThickRules() throws {
    let row = try #require(try Samples.scannedRow(labelled: "4.保护第三方合法权益", onPage: Self.page))
    #expect(Array(row.suffix(7)) == ["53", "0", "0", "0", "0", "0", "53"], "\(row)")
  }
}
