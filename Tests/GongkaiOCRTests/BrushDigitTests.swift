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
}
