import Foundation
import Testing

@testable import GongkaiOCR

/// Grey digits in tables without column rules whose shape depends on the level they are
/// taken at: run together into one blob wider than any digit, or fallen into pieces one
/// above the other, as a Chinese character's parts stand; or a stroke lost to every read at
/// that level alike.
@Suite("Digits shaped like characters in a table without column rules", .hangGuard)
struct DigitShapeTests {
  /// Pages 3 and 4 of `scan/hrules-2019-browser-scan200.pdf` (a browser print with bottom
  /// borders only, photocopied at 200 dpi with seed 1601) by pdfseparate, the JPEGs as they
  /// are there (147 and 97 KB). Table 三's (七)总计 prints 50 and 65 in grey: at the page's
  /// level the 5 of 50 is three specks beside its 0, at the cell's own level 5 and 0 are one
  /// blob 1.5 digits wide, which the row's number test takes for a Chinese character. Both
  /// cells were unread. Table 四's last value 5 has its bar apart above its bowl.
  static let totalsPage = "pages/browser-rows-2019-photocopy200-p1601-page3.pdf"
  static let appealsPage = "pages/browser-rows-2019-photocopy200-p1601-page4.pdf"

  /// The first line of `text` with at least `count` fields, each all digits (or, when
  /// `unreadAllowed`, the replacement character of an unread cell): a row of values alone.
  static func lineOfValues(in text: String, atLeast count: Int, unreadAllowed: Bool) -> [String]? {
    text.split(separator: "\n")
      .map { $0.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init) }
      .first { fields in
        fields.count >= count
          && fields.allSatisfy { $0.allSatisfy(\.isNumber) || (unreadAllowed && $0 == "\u{FFFD}") }
      }
  }

  @Test("grey digits run together into one blob are a number")
  func runTogetherDigits() throws {
    let row = try #require(try Samples.scannedRow(labelled: "总计", onPage: Self.totalsPage))
    #expect(Array(row.suffix(7)) == ["50", "5", "0", "2", "5", "3", "65"], "\(row)")
  }

  @Test("a grey 5 whose bar stands apart from its bowl is a number")
  func digitInPieces() throws {
    let text = try Samples.scannedText(of: Self.appealsPage)
    let values = try #require(Self.lineOfValues(in: text, atLeast: 15, unreadAllowed: true), "\(text)")
    #expect(values == ["2", "2", "2", "0", "6", "1", "3", "1", "1", "6", "2", "0", "3", "0", "5"], "\(values)")
  }

  /// Page 2 of `make_browser_variants.py --seed 3400`'s variant s7 (amount_decimal,
  /// border_threeline, rule_light, head_orange, Noto Sans 16 px at 85%, zebra, 2019 form)
  /// photocopied by `make_scan_variants.py --seed 3401 --no-styles` (g3402, 200 dpi), by
  /// pdfseparate, its JPEG as generated (117 KB). Table 二's 行政处罚 prints -4 with its minus
  /// run into the 4: one blob, 29 px wide and 27 tall, that the Chinese model read 4 (an
  /// unsure value, but a wrong number in the output).
  static let minusPage = "pages/browser-threeline-2019-photocopy200-g3402-page2.pdf"

  @Test("a minus run into its digit is no reading of the digit alone")
  func minusRunIntoDigit() throws {
    let row = try #require(try Samples.scannedRow(labelled: "行政处罚", onPage: Self.minusPage))
    let values = Array(row.suffix(3))
    #expect(values.first == "104" && values.last == "13", "\(row)")
    #expect(values.dropFirst().first.map { $0 == "-4" || $0 == "\u{FFFD}" } == true, "\(row)")
  }

  /// Page 4 of `make_general_variants.py --seed 3500`'s variant s12 (large, style_threeline,
  /// 2021 form) photocopied by `make_scan_variants.py --seed 3501 --no-styles` (g3506, 200
  /// dpi), by pdfseparate, its JPEG as generated (109 KB). (七)总计's legal_services 75, its
  /// grey 7 read 1 by the English model at both scales (82, not sure, but two reads agreeing
  /// made it sure): 15, a confident wrong number the tables' arithmetic contradicted three
  /// times over.
  static let agreementPage = "pages/threeline-large-2021-photocopy200-g3506-page4.pdf"

  @Test("two English reads agreeing on a misread are doubted when the Chinese model reads other digits")
  func doubtedAgreement() throws {
    let result = try Samples.scanResult(of: Self.agreementPage)
    let (index, fields) = try #require(
      result.fields(ofLineWhere: { $0.contains("总计") && $0.contains("451") }), "\(result.text)")
    let field = try #require(fields.firstIndex { $0 == "75" || $0 == "15" }, "\(fields)")
    if fields[field] == "15" {
      let doubt = result.doubt(line: index, field: field)
      #expect(doubt?.alternatives.contains("75") == true, "15 taken as sure: \(fields)")
    }
  }

  /// Page 2 of `make_browser_variants.py --seed 4300`'s variant s3 (border_threeline,
  /// rule_dark, head_darkblue, AR PL UKai 12 px at 95%, Letter landscape, 2019 form)
  /// photocopied by `make_scan_variants.py --seed 4301 --no-styles` (g4305, 200 dpi), by qpdf,
  /// its JPEG as generated (120 KB). The navy header bands pull the page's level far below
  /// the grey print; a 4's faint diagonal lies in specks at every level, so 4s among other
  /// digits read as 1s: 本年新收's total 43 read 13, sure, at three levels (a confident wrong
  /// number, and the tables' arithmetic then nulled the row's sure 35 to clear the error),
  /// 行政强制 42 read 12, and 政府集中采购's 4.53 read 1.53.
  static let barredOnePage = "pages/browser-threeline-darkhead-2019-photocopy200-g4305-page2.pdf"

  @Test("a 1 among other digits with a faint bar is doubted, the grey glyphs' read taken when they give one")
  func faintlyBarredOneAmongDigits() throws {
    let result = try Samples.scanResult(of: Self.barredOnePage)
    let row = { (label: String) throws -> (index: Int, fields: [String]) in
      try #require(result.fields(ofLineWhere: { $0.hasPrefix(label) }), "\(result.text)")
    }
    #expect(try row("行政强制").fields.dropFirst().first == "42")
    #expect(try row("政府集中采购").fields.joined(separator: " ").contains("4.53"))
    let new = try row("一、本年新收")
    let last = new.fields.count - 1
    #expect(Array(new.fields.dropFirst().prefix(6)) == ["35", "0", "3", "0", "3", "2"], "\(new.fields)")
    if new.fields[last] != "43" {
      #expect(result.doubt(line: new.index, field: last) != nil, "\(new.fields[last]) taken as sure for 43")
    }
  }

  /// Page 2 of `make_general_variants.py --seed 4200`'s variant s11 (labels_spaces, large,
  /// num_thousands, style_hrules, 2019 form) scanned by `make_scan_variants.py --seed 4201
  /// --no-styles` (g4203, 300 dpi, look scan), by qpdf, its JPEG as generated (337 KB).
  /// 行政许可's 7,036,221 has two commas, two small low blobs, and failed the digit-shape
  /// test (one small blob, a decimal point): unread. 本年新收's total 1,221 reads 1.221, sure:
  /// a count's point may be a thousands comma, so the read is doubted and the core takes it
  /// for the count.
  static let thousandsPage = "pages/hrules-large-thousands-2019-scan300-g4203-page2.pdf"

  @Test("thousands commas are no bar to a number's shape, and a point before three digits is doubted")
  func thousandsSeparators() throws {
    let result = try Samples.scanResult(of: Self.thousandsPage)
    #expect(Samples.row(labelled: "行政许可", in: result.text) == ["行政许可", "196", "2", "7036221"])
    let (index, fields) = try #require(result.fields(ofLineWhere: { $0.contains("本年新收") }), "\(result.text)")
    #expect(fields.suffix(7) == ["922", "254", "12", "9", "11", "13", "1.221"] || fields.last == "1221", "\(fields)")
    if fields.last == "1.221" {
      #expect(result.doubt(line: index, field: fields.count - 1) != nil)
    }
  }

  /// Page 3 of `make_general_variants.py --seed 3500`'s variant s5 (num_fullwidth,
  /// style_norules, 2019 form) scanned by `make_scan_variants.py --seed 3501 --no-styles`
  /// (g3501, 200 dpi), by pdfseparate, its JPEG as generated (120 KB). Table 三 has no rules;
  /// the label 2.重复申请, each character one blob on the blurred copy and a little narrower
  /// than tall, passed the digit-shape test and was read 2.4919: the row had no label, and
  /// rejected_duplicate was null with seven false `missing` errors.
  static let labelPage = "pages/norules-fullwidth-2019-scan200-g3501-page3.pdf"

  @Test("a label whose characters pass for digits before a row's values is read as text")
  func labelShapedLikeDigits() throws {
    let row = try #require(try Samples.scannedRow(labelled: "重复申请", onPage: Self.labelPage), "no row 2.重复申请")
    #expect(Array(row.suffix(7)) == ["0", "0", "0", "0", "0", "0", "0"], "\(row)")
  }

  /// The same page's table 四 (three-line, no column rules): 101 and 116 wrap in their narrow
  /// 总计 columns as 10 over 1 and 11 over 6, centred on the row's single line with a cell's
  /// padding between, so each piece stands more than half a line from the row: the pieces
  /// were two lines of values, and table 四 held 17 values for 15 cells (all null).
  @Test("a number wrapped round its row's line a line apart is one number in that row")
  func numberStraddlingItsRow() throws {
    let text = try Samples.scannedText(of: Self.agreementPage)
    let values = try #require(Self.lineOfValues(in: text, atLeast: 13, unreadAllowed: false), "\(text)")
    #expect(values == ["23", "15", "25", "38", "101", "31", "23", "22", "20", "96", "38", "39", "27", "12", "116"])
  }

  /// Page 4 of `make_seal_variants.py --seed 3600`'s v05 (pdf-styles hrules-2021-a, rules
  /// along rows only, a seal over table 三's last rows), its JPEG as generated. Beside the
  /// seal the rows above 3.其他 show no number in its first column (unread under the seal),
  /// so 3.其他's first value 0, after the label's text, stood left of every column the nearby
  /// rows' numbers stood in; taken for the label's characters, it was read as text (（）).
  static let sealedColumnPage = "pages/hrules-2021-a-seal3600-v05-page4.pdf"

  @Test("a number after a row's label text is a value, though the rows nearby show no number in its column")
  func valueAfterLabelText() throws {
    let row = try #require(try Samples.scannedRow(labelled: "3.其他", onPage: Self.sealedColumnPage), "no row 3.其他")
    #expect(row.dropFirst().first == "0", "\(row)")
  }
}
