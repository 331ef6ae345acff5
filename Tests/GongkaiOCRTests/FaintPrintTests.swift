import Foundation
import Testing

@testable import GongkaiOCR

/// Print fainter than the page's ink level: dark header bands pull the level down, and grey
/// digits, or a digit's thin strokes, fall apart at it.
@Suite("Print fainter than the page's level", .hangGuard)
struct FaintPrintTests {
  /// The fields after the label of the first line of `text` holding `label`, split at tabs and
  /// blanks (a row the layout did not align is written with blanks).
  static func values(after label: String, in text: String, tabs: Bool) -> [String]? {
    guard let line = text.split(separator: "\n").first(where: { $0.contains(label) }) else { return nil }
    let fields =
      tabs
      ? line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      : line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
    guard let index = fields.firstIndex(where: { $0.contains(label) }) else { return nil }
    return Array(fields[(index + 1)...])
  }

  /// Page 2 of `make_browser_variants.py --seed 3300`'s variant s0 (labels_spaces,
  /// border_separate, rule_light, head_darkblue, AR PL UMing 12 px at 80%, Letter landscape,
  /// 2019 form) photocopied by `make_scan_variants.py --seed 3301 --no-styles` (g3303, 200 dpi),
  /// page 2 by pdfseparate, its JPEG as generated (127 KB). The navy header bands copied black
  /// pull the page's level to about 135, below the grey digits (110–170 on paper at 240): table
  /// 三's value cells read as nothing. Only the total column held a number at the page's level,
  /// and grey cells were read again only right of it: the report had 57 false missing errors.
  static let darkHeaderPage = "pages/browser-separate-darkblue-2019-photocopy200-g3303-page2.pdf"

  @Test("grey value cells right of a row's label are read at their own level")
  func greyCellsRightOfLabel() throws {
    let text = try Samples.scannedText(of: Self.darkHeaderPage)
    let printed = ["25", "10", "1", "3", "2", "0", "41"]
    let read = try #require(Self.values(after: "本年新收政府信息公开申请数量", in: text, tabs: true), "\(text)")
    let numbers = read.filter { !$0.isEmpty && $0 != "\u{FFFD}" }
    #expect(numbers.count >= 3, "read \(read)")
    #expect(read.count == printed.count, "read \(read)")
    for (value, number) in zip(read, printed) where !value.isEmpty && value != "\u{FFFD}" {
      #expect(value == number, "read \(read)")
    }
  }

  /// Page 3 of the same set's variant s8 (num_fullwidth, border_rows, rule_black,
  /// head_darkblue, AR PL UKai 16 px at 85%, Letter landscape, 2021 form) scanned with g3306
  /// (200 dpi, look scan: grey paper), its JPEG as generated (109 KB). 4.保护第三方合法权益
  /// prints 4 0 0 0 0 0 4; the 4s' bars and diagonals are grey (180–205, paper 235) and their
  /// stems alone (5 px) were ink at the page's level, read 1, sure: natural_person and total
  /// came out 1 for 4, the row's sum agreeing.
  static let faintBarPage = "pages/browser-rows-ukai-2021-scan200-g3306-page3.pdf"

  @Test("a 1 whose stem carries a faint bar is read again with its grey glyph")
  func faintBarOfFour() throws {
    let text = try Samples.scannedText(of: Self.faintBarPage)
    let read = try #require(Self.values(after: "保护第三方合法权益", in: text, tabs: false), "\(text)")
    #expect(read.count == 7, "read \(read)")
    for value in [read.first, read.last] {
      #expect(value == "4" || value == "\u{FFFD}", "read \(read)")
    }
  }

  /// The same page: table 三 has rules along its rows only, read as a table without column
  /// rules, and its thin grey UKai 0s keep only their sides at the page's level (arcs at
  /// 165–185, paper 235). A cell's own level was taken over the box of those sides, which
  /// leaves the arcs out, so the 0s were read at the page's level as 口, D, 品 or nothing:
  /// 165 of the report's 201 cells were null.
  @Test("a thin grey 0 in a table without column rules is read whole at its cell's own level")
  func thinGreyZeros() throws {
    let text = try Samples.scannedText(of: Self.faintBarPage)
    for (label, printed) in [
      ("上年结转政府信息公开申请数量", ["0", "0", "1", "0", "1", "1", "3"]),
      ("属于行政执法案卷", ["0", "0", "0", "0", "0", "0", "0"]),
    ] {
      let read = try #require(Self.values(after: label, in: text, tabs: false), "\(text)")
      #expect(read == printed, "\(label): read \(read)")
    }
  }
}
