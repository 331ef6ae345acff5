import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Column rules a grid lost over a table's whole height on a grey 200-dpi copy of a WPS-style
/// report (``TableRuleFinder/lostColumns(in:page:tolerance:regular:search:rows:length:depth:segment:clearance:)``).
@Suite("Lost column rules", .hangGuard)
struct LostColumnTests {
  /// The scanned pages' rows: tab-separated cells without spaces.
  static func rows(_ name: String) throws -> [[String]] {
    let text = try Samples.scannedText(of: "pages/\(name).pdf")
    return text.split(separator: "\n").map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).map { String($0.filter { !$0.isWhitespace }) }
    }
  }

  @Test("table 四's fifteen columns, nine of their rules lost in every row, each read on its own")
  func wpsAppealsColumns() throws {
    // Page 3 of wps-2019-b scanned at 200 dpi (`make-scan-fixtures.py --photocopy
    // Samples/pdf-styles/wps-2019-b.pdf OUT 1931 --look scan --dpi 200`), its JPEG as
    // generated. The light column rules of table 四 print lighter than its shaded header and
    // barely darker than the white value row: both passes kept six of sixteen, and 结果维持,
    // 结果纠正 and 其他结果 were one cell (1 0 0 read as "工 0 0"; 0 and 1 given to the wrong
    // results). The values as the page prints them.
    let rows = try Self.rows("wps-2019-b-scan200-g1931-page3")
    let values = rows.first { $0.count >= 15 && $0.allSatisfy { $0.allSatisfy(\.isNumber) } }
    #expect(
      values == ["1", "0", "0", "0", "1", "0", "0", "0", "1", "1", "0", "0", "0", "0", "0"],
      "read \(rows.map { $0.joined(separator: " | ") })")
  }

  /// The row of fifteen numbers (the values of table 四) on a page's rows, if any.
  static func appealValues(_ rows: [[String]]) -> [String]? {
    rows.first { $0.count >= 12 && $0.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } }
  }

  @Test("table 四's one value row, a short light piece of its lost rule the only edge, split in its own columns")
  func wpsAppealsValueRowPiece() throws {
    // Page 4 of wps-2021-c scanned at 200 dpi (`make-scan-fixtures.py --photocopy
    // Samples/pdf-styles/wps-2021-c.pdf OUT 1933 --look scan --dpi 200`), its JPEG as
    // generated. Table 四 goes on from page 3: the tail of its header and its value row, the
    // row rules between lost, so one header row and one value row. The rule between
    // 未经复议直接起诉's 结果纠正 and 其他结果 is lost but for a 15-point light piece in the value
    // row; that piece made the grid's edge while lost rules were looked for (no double-width
    // column there) and was dropped afterwards as a stroke, and 1 and 0 were one cell ("1 工 0"):
    // nine cells null. The values as the page prints them.
    let rows = try Self.rows("wps-2021-c-scan200-g1933-page4")
    #expect(
      Self.appealValues(rows) == ["2", "0", "1", "1", "4", "1", "1", "0", "0", "2", "1", "0", "0", "1", "2"],
      "read \(rows.map { $0.joined(separator: " | ") })")
  }

  @Test("table 四's rules lost in its header's merged row too: found from the value row alone")
  func wpsAppealsOneRow() throws {
    // Page 3 of wps-2021-d scanned at 200 dpi (`make-scan-fixtures.py --photocopy
    // Samples/pdf-styles/wps-2021-d.pdf OUT 1934 --look scan --dpi 200`), its JPEG as
    // generated. The two rules between 复议后起诉's 其他结果, 尚未审结 and 总计 are lost over
    // the table's height, and the row rule under 复议后起诉 too: its labels share a grid row
    // with the merged 复议后起诉 above them, which has no rule, so only the value row shows the
    // rules. Before, a run of two rows was asked for and 1 1 5 were one cell: five cells null.
    let rows = try Self.rows("wps-2021-d-scan200-g1934-page3")
    #expect(
      Self.appealValues(rows) == ["21", "6", "9", "4", "40", "5", "1", "2", "3", "10", "3", "0", "1", "1", "5"],
      "read \(rows.map { $0.joined(separator: " | ") })")
  }

  @Test("table 四's last rule, hidden by a seal over the header, found in the value row its ring crosses")
  func sealedAppealsRule() throws {
    // Page 4 of `make_seal_variants.py --seed 1200`'s lightblue-2021-a-v31 (a red seal of a
    // grey copier over table 四's right end, 300 dpi), rendered again at 200 dpi (greyscale
    // JPEG, quality 60). The rule between 复议后起诉's 尚未审结 and 总计 is hidden by the seal
    // in the header, and the ring crosses it at the value row's top: no run of two rows, and
    // that row's top segment no flat page. 0 and 1 were one cell, read as nothing, and the
    // row a cell short (复议后起诉 null). Each value in its own column now; the 0 under the
    // ring's edge reads unsure (as 1 at 62%), which the core leaves null with a finding.
    let rows = try Self.rows("lightblue-2021-a-seal1200-v31-page4")
    let values = rows.first { $0.count >= 12 && $0.prefix(13).allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } }
    let printed = ["1", "1", "0", "1", "3", "1", "0", "0", "1", "2", "0", "0", "1"]
    #expect(
      values?.count == 15 && values.map { Array($0.prefix(13)) } == printed && values?.last == "1",
      "read \(rows.map { $0.joined(separator: " | ") })")
  }

  @Test("table 三's rule between 社会公益组织 and 法律服务机构, lost in every row, is drawn")
  func wpsRequestsColumn() throws {
    // Page 2 of the same copy: the rule lost from the 社会公益组织 header to the table's end,
    // the two columns' 0s were one cell (the row read 6 1 0 0 _ 7, a cell short).
    let rows = try Self.rows("wps-2019-b-scan200-g1931-page2")
    let expected = [
      ["一、本年新收政府信息公开申请数量", "6", "1", "0", "0", "0", "0", "7"],
      ["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"],
    ]
    for row in expected {
      let found = rows.first { $0.first == row[0] }
      #expect(found == row, "\(row[0]): read \(found.map { $0.joined(separator: " | ") } ?? "no row")")
    }
  }

  @Test("one value column found of many: the others are looked for in the cells that are whole multiples of it")
  func oneColumnOfTheUsualWidth() {
    // A 300-dpi grey page (paper 200 ± 12 of noise) with dark rules round two rows (y 100, 200,
    // 300 px) and columns at x 100 | 400 | 460 | 1000: a label column, one value column 60 px
    // wide, and a cell of nine more whose rules (12 levels deep) the passes lost — a table's
    // last rows framed alone on a hairline-ruled page. No width was shared by three columns, so
    // there was no usual width and nothing was looked for.
    var page = GreyBitmap.noisyPaper(width: 1100, height: 400, seed: 777)
    for y in [100, 200, 300] { page.fill(x: 100, y: y, width: 902, height: 2, value: 60) }
    for x in [100, 400, 460, 1000] { page.fill(x: x, y: 100, width: 2, height: 202, value: 60) }
    let lost = Array(stride(from: 520, to: 1000, by: 60))
    for x in lost { page.darken(xs: x...(x + 1), ys: 100...299, by: 12) }
    let scale = page.pixelsPerPoint
    let rows: [RulingLine] = [100.0, 200, 300].map {
      RulingLine(axis: .horizontal, position: ($0 + 1) / scale, start: 100 / scale, end: 1001 / scale)
    }
    let columns: [RulingLine] = [100.0, 400, 460, 1000].map {
      RulingLine(axis: .vertical, position: ($0 + 1) / scale, start: 100 / scale, end: 301 / scale)
    }
    let rules = rows + columns
    let found = TableRuleFinder.lostColumns(in: rules, page: page).map { $0.position * scale }.sorted()
    #expect(found.count == lost.count, "\(found)")
    for (position, expected) in zip(found, lost) { #expect(abs(position - Double(expected) - 1) < 3, "\(found)") }
    // The label column is five units wide too, and shows no rule: nothing is drawn in it.
    #expect(!found.contains { $0 < 400 }, "\(found)")
  }

}
