import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Numbers whose glyphs the scan read as Latin letters.
@Suite("Letters read in a scanned number", .hangGuard)
struct LetterInNumberTests {
  /// Page 2 of `make_general_variants.py --seed 2900`'s variant s6 (AR PL UMing, labels_abbrev,
  /// horizontal rules only, 2021 form) scanned by `make_scan_variants.py --seed 2901 --no-styles`
  /// (g2901, 200 dpi, look scan), page 2 by pdfseparate, its JPEG as generated (159 KB). 行政许可
  /// prints 4887; the cell read as the text 48s7, which left proactive.licensing.decisions
  /// missing with a false `missing` error.
  static let page = "pages/hrules-uming-2021-scan200-g2901-page2.pdf"

  @Test("a value cell read as digits with a letter among them is unread, not text")
  func digitsWithLetterAreUnread() throws {
    let row = try Samples.scannedRow(labelled: "行政许可", onPage: Self.page, exactly: true)
    #expect(row?.count == 2, "read \(row ?? [])")
    #expect(row?.last == "4887" || row?.last == "\u{FFFD}", "read \(row ?? [])")
  }

  @Test("digits with one or two Latin letters are a misread number; letters alone or with other text are not")
  func digitsWithLettersPredicate() {
    for field in ["48s7", "1O", "l23", "4 8s7"] { #expect(ScanReader.isDigitsWithLetters(field), "\(field)") }
    for field in ["4887", "AM", "9:35AM", "12万元", "OK", "1abc2", "第3页", ""] {
      #expect(!ScanReader.isDigitsWithLetters(field), "\(field)")
    }
  }
}
