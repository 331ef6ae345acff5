import Foundation
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Browser prints whose table ink is heavier than a rule or a character: separate cell
/// borders run together into one thick rule, and grey blocks over merged label cells.
@Suite("Browser-printed scans, thick borders and grey blocks", .timeLimit(.minutes(10)))
struct ThickBordersScanTests {
  /// Page 3 of `make_browser_variants.py --seed 3900`'s variant s7 (border_separate, red
  /// rules, navy header bands, 2021 form) scanned by `make_scan_variants.py --seed 3901
  /// --no-styles` (g3901, 300 dpi, turned 2.9°), its JPEG as generated. Each row rule is two
  /// cell borders run together, 3 pt thick: where it held a whole block of the local-paper
  /// measure it was its own paper, and 7 of table 三's row rules were lost.
  static let separatePage = "pages/browser-separate-red-2021-scan300-g3901-page3.pdf"
  /// Page 3 of the same set's variant s9 (border_cellspacing, blue rules, 2 px padding, 2021
  /// form) scanned with g3904: grey blocks over the merged label cells beside 7./8. and
  /// (七)总计, each two rows tall.
  static let blocksPage = "pages/browser-cellspacing-blocks-2021-scan300-g3904-page3.pdf"

  @Test("a row rule of two borders run together is a rule: every row of table 三 has one")
  func rowRuleOfRunTogetherBorders() throws {
    let document = try PDFDocument(path: Samples.scanFolder.appendingPathComponent(Self.separatePage).path)
    let page = try document.page(1).render(dpi: 300)
    let rows = TableRuleFinder().find(in: page).tableRulings.filter { $0.axis == .horizontal }
      .map(\.position).sorted()
    // Read off the page: 24 row rules from the table's top to its foot, none more than a
    // three-line row (about 47 pt) apart.
    #expect(rows.count >= 24, "\(rows)")
    let widest = zip(rows, rows.dropFirst()).map { $1 - $0 }.max() ?? 0
    #expect(widest < 50, "\(rows)")
  }

  @Test("the row under run-together borders keeps its label and values")
  func rowBetweenThickRules() throws {
    let row = try #require(try Samples.scannedRow(labelled: "4.保护第三方合法权益", onPage: Self.separatePage))
    #expect(Array(row.suffix(7)) == ["53", "0", "0", "0", "0", "0", "53"], "\(row)")
  }

  @Test("a grey block two rows tall joins no rows: each row keeps its label and values")
  func greyBlockJoinsNoRows() throws {
    let text = try Samples.scannedText(of: Self.blocksPage)
    func row(_ label: String) -> [String]? {
      text.split(separator: "\n").map { line in
        line.split(separator: "\t").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
      }.first { $0.first?.contains(label) == true }
    }
    #expect(row("7.属于行政执法案卷").map { Array($0.suffix(7)) } == ["0", "0", "0", "0", "0", "0", "0"], "\(text)")
    #expect(row("8.属于行政查询事项").map { Array($0.suffix(7)) } == ["0", "0", "0", "0", "1", "0", "1"], "\(text)")
    #expect(row("总计").map { Array($0.suffix(7)) } == ["40", "6", "1", "0", "2", "0", "49"], "\(text)")
  }
}
