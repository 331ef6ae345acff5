import Foundation
import Testing

@testable import GongkaiOCR

/// Numbers wrapped in narrow grid cells: their digits on two lines are one number when the
/// rest of the row shows the row is tall for it.
@Suite("Numbers wrapped in narrow grid cells", .timeLimit(.minutes(10)))
struct WrappedNumberTests {
  /// Page 3 of `make_general_variants.py --seed 2900`'s variant s14 (labels_halfwidth,
  /// num_fullwidth, size_12, style_lightblue, 2019 form) photocopied by
  /// `make_scan_variants.py --seed 2901` (g2905, 200 dpi), page 3 by pdfseparate, its JPEG as
  /// generated (164 KB). Full-width digits in table 三's eight narrow columns: 54 prints 5
  /// over 4 in 自然人 and 69 as 6 over 9 in 总计, the other cells' single digits centred in the
  /// tall row. Each line is far narrower than the cell, the test for a wrap of half-width
  /// digits: four rows (新收, 予以公开, 其他处理, 总计) had 自然人 and 总计 unread and then whole
  /// rows null.
  static let page = "pages/lightblue-fullwidth-2019-photocopy200-g2905-page3.pdf"

  @Test("full-width digits wrapped in a cell with room to spare are one number")
  func fullWidthDigitsOverTwoLines() throws {
    let text = try Samples.scannedText(of: Self.page)
    let rows = text.split(separator: "\n").map { line in
      line.split(separator: "\t").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
    }
    let received = try #require(rows.first { $0.first?.contains("本年新收") == true }, "\(text)")
    #expect(Array(received.dropFirst()) == ["54", "9", "3", "0", "1", "2", "69"], "\(received)")
    let granted = try #require(rows.first { $0.contains { $0.contains("予以公开") } }, "\(text)")
    #expect(Array(granted.suffix(7)) == ["19", "0", "0", "0", "0", "0", "19"], "\(granted)")
  }
}
