import Foundation
import Testing

@testable import GongkaiOCR

/// One number whose digits stand apart: wrapped over two lines in a narrow grid cell, or
/// spaced a character apart (full-width digits) in a table without column rules.
@Suite("Digits of one number standing apart", .hangGuard)
struct DigitsApartTests {
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

  /// Page 3 of `make_browser_variants.py --seed 3300`'s variant s8 (border_rows, AR PL UKai
  /// 16 px at 85%, full-width numbers, 2021 form) scanned by `make_scan_variants.py --seed 3301
  /// --no-styles` (g3306, 200 dpi), the page FaintPrintTests reads. Table 三 has rules along its
  /// rows only and is read as a table without column rules, its cells parted at gaps. A
  /// full-width 13 stands as 1 and 3 a character apart, further after the narrow 1, and with
  /// the line's grey 0s broken at the page's level the line's height (which sets the gap
  /// between cells) came out short: 13 and 16 were two values each, and 2.重复申请 had nine.
  static let spacedPage = "pages/browser-rows-ukai-2021-scan200-g3306-page3.pdf"

  @Test("full-width digits spaced a character apart in a table without column rules are one number")
  func spacedFullWidthDigits() throws {
    let text = try Samples.scannedText(of: Self.spacedPage)
    let rows = text.split(separator: "\n").map { line in
      line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
    }
    let duplicate = try #require(rows.first { $0.contains { $0.contains("重复申请") } }, "\(text)")
    #expect(Array(duplicate.suffix(7)) == ["13", "0", "0", "0", "3", "0", "16"], "\(duplicate)")
  }
}
