import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Thin brush-script digits whose darkest ink is a few knots of their strokes.
@Suite("Brush-script digits read from their darkest ink", .hangGuard)
struct BrushDigitTests {
  /// Page 2 of `make_browser_variants.py --seed 2950`'s variant s3 (labels_nonumber, border_attr,
  /// rule_black, head_lightblue, AR PL UKai 16 px at 80%, zebra, 2019 form) photocopied by
  /// `make_scan_variants.py --seed 2951 --no-styles` (g2953, 300 dpi), page 2 by pdfseparate, its
  /// JPEG as generated (293 KB). 其他对外管理服务事项 prints 348, 9 and 45; the 45 was no number at
  /// the page's level, the Chinese model read it 45, and its darkest ink, knots of both digits
  /// 24 px apart and 19 px tall, read 1: proactive.other_services.decisions came out 1.
  static let page = "pages/browser-attr-ukai-2019-photocopy300-g2953-page2.pdf"

  @Test("a dark read with fewer digits than its knots span is no reading of the number")
  func knotsOfTwoDigitsAreNoOne() throws {
    let row = try Samples.scannedRow(labelled: "其他对外管理服务事项", onPage: Self.page, exactly: true)
    #expect(row?.count == 4, "read \(row ?? [])")
    #expect(row?.dropFirst().first == "348", "read \(row ?? [])")
    #expect(row?.last == "45" || row?.last == "\u{FFFD}", "read \(row ?? [])")
  }

  /// Page 3 of `make_browser_variants.py --seed 4700`'s variant s6 (border_threeline, rule_black,
  /// head_darkblue, AR PL UKai 12 px at 90%, 2019 form) photocopied by `make_scan_variants.py
  /// --seed 4701 --no-styles` (g4706, 200 dpi), by qpdf, its JPEG as generated (108 KB). Table
  /// 四's fifteen values stand on one line under a navy header band copied black, laid out as
  /// running text (no row of the table); they print 2 0 1 3 6 | 2 3 3 0 8 | 1 0 3 0 4.
  static let runningRowPage = "pages/browser-threeline-darkblue-2019-photocopy200-g4706-page3.pdf"

  @Test("a 1 read from the darkest ink alone (a stem) on a line outside any row is unread, not taken")
  func darkReadOutsideRowsIsUnread() throws {
    // The last 4's diagonal and bar are grey and fell out at the page's level; its darkest
    // ink, the stem, read 1 (confidence 89, unsure). Outside any row it had no finding:
    // litigation_after_review.total 1 for 4, with a false appeals_total error.
    let text = try Samples.scannedText(of: Self.runningRowPage)
    let line = try #require(
      text.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }.first {
        $0.count == 15 && $0.allSatisfy { $0.allSatisfy(\.isNumber) || $0 == "\u{FFFD}" }
      }, "\(text)")
    #expect(line.last == "4" || line.last == "\u{FFFD}", "\(line)")
    #expect(Array(line[1..<14]) == ["0", "1", "3", "6", "2", "3", "3", "0", "8", "1", "0", "3", "0"], "\(line)")
  }
}
