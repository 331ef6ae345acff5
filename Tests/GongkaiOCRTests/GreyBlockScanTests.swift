import Foundation
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Browser prints whose table ink is heavier than a character: grey blocks over merged label
/// cells.
@Suite("Browser-printed scans, grey blocks", .hangGuard)
struct GreyBlockScanTests {
  /// Page 3 of `make_browser_variants.py --seed 3900`'s variant s9 (border_cellspacing, blue
  /// rules, 2 px padding, 2021 form) scanned by `make_scan_variants.py --seed 3901 --no-styles`
  /// (g3904, 300 dpi), its JPEG as generated: grey blocks over the merged label cells beside 7./8. and
  /// (七)总计, each two rows tall.
  static let blocksPage = "pages/browser-cellspacing-blocks-2021-scan300-g3904-page3.pdf"

  @Test("a grey block two rows tall joins no rows: each row keeps its label and values")
  func greyBlockJoinsNoRows() throws {
    let text = try Samples.scannedText(of: Self.blocksPage)
    func row(_ label: String) -> [String]? { Samples.row(labelled: label, in: text) }
    #expect(row("7.属于行政执法案卷").map { Array($0.suffix(7)) } == ["0", "0", "0", "0", "0", "0", "0"], "\(text)")
    #expect(row("8.属于行政查询事项").map { Array($0.suffix(7)) } == ["0", "0", "0", "0", "1", "0", "1"], "\(text)")
    #expect(row("总计").map { Array($0.suffix(7)) } == ["40", "6", "1", "0", "2", "0", "49"], "\(text)")
  }
}
