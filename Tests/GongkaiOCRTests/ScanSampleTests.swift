import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// The scanned samples (image-only PDFs, Samples/scan) read through tesseract: every number
/// of tables 三 and 四 comes out right, or is listed as low confidence.
@Suite("Scanned samples", .hangGuard)
struct ScanSampleTests {
  /// One sample of each form and resolution; only the pages holding tables 三 and 四.
  static let samples = [("gen-2021-a-scan300", "gen-2021-a"), ("gen-2019-a-scan200", "gen-2019-a")]

  @Test("numbers of tables 三 and 四 equal the expected file or are flagged", arguments: samples)
  func tableNumbers(scan: String, source: String) throws {
    let pages = try Samples.tablePages(source: source)
    try #require(!pages.isEmpty)
    let document = try PDFDocument(path: Samples.scan(scan))
    #expect(document.pageCount >= pages.count)
    #expect(try document.page(pages[0]).characters.isEmpty, "the scan must have no text layer")
    let result = try ScanReader.read(pdf: document, pages: pages, dpi: 300, jobs: 2)
    #expect(result.pagesRead == pages)

    let check = try TableCellCheck(expectedJSON: Samples.scanExpected(scan))
    let outcome = check.check(result.text)
    // Table 三 has 23 rows of seven in the 2019 form (25 in the 2021 form), table 四 fifteen cells.
    #expect(outcome.compared >= 23 * 7 + 15)
    let flagged = Set(result.lowConfidence.map { "\($0.line):\($0.field)" })
    for miss in outcome.misses {
      let place = "\(miss.line.map(String.init) ?? "-"):\(miss.field.map(String.init) ?? "-")"
      #expect(
        flagged.contains(place),
        "\(scan): \(miss.row) cell \(miss.cell) expected \(miss.expected), read \(miss.found.map(String.init) ?? "nothing") at \(place), not flagged"
      )
    }
    // Every flagged cell points at a number in the text.
    let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
    for cell in result.lowConfidence {
      let fields = lines[cell.line - 1].split(separator: "\t", omittingEmptySubsequences: false)
      #expect(String(fields[cell.field]) == cell.value)
    }
  }

  @Test("the text has the shape of the PDF path's: table rows as tab-separated lines, headings as lines")
  func textShape() throws {
    let pages = try Samples.tablePages(source: "gen-2021-a")
    let document = try PDFDocument(path: Samples.scan("gen-2021-a-scan300"))
    let result = try ScanReader.read(pdf: document, pages: pages, dpi: 300, jobs: 2)
    let lines = result.text.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }
    // The headings of sections 三 and 四 are lines of their own.
    #expect(lines.contains { $0.hasPrefix("三、收到和处理政府信息公开申请情况") })
    #expect(lines.contains { $0.hasPrefix("四、政府信息公开行政复议") })
    // Table 四's numbers are one row of fifteen.
    #expect(
      result.text.split(separator: "\n").contains {
        $0.split(separator: "\t").count == 15 && $0.split(separator: "\t").allSatisfy { Int($0) != nil }
      })
    // No page number is left.
    let plain = result.text.split(separator: "\n").filter { !$0.contains("\t") }
    #expect(!plain.contains { $0.count <= 5 && $0.contains { $0.isNumber } }, "\(plain)")
  }

  /// The text the scan reader gives for the one-page scan `Samples/scan/pages/NAME.pdf`.
  /// The page text's lines, each split at tabs (empty fields kept), with whitespace taken out.
  static func fields(_ text: String) -> [[String]] {
    text.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map { $0.filter { !$0.isWhitespace } }
    }
  }

  private static func readPage(_ name: String) throws -> String {
    try Samples.scannedText(of: "pages/\(name).pdf")
  }

  @Test("a heading printed on a table's top rule is no row of the table")
  func headingOnTopRule() throws {
    // Page 3 of a general variant (make_general_variants.py --seed 2500, s7: style_lightblue,
    // font_ukai, 2021 form) scanned at 200 dpi by make_scan_variants.py --seed 2501 (g2503, look
    // scan, the JPEG as generated, qpdf): 四、政府信息公开行政复议、行政诉讼情况 stands right on
    // table 四's top rule, and the strokes of its characters over the column rule between 行政复议
    // and 行政诉讼 carried that rule 9 points up past the top. The grid grew a row over the
    // heading, the heading was read into the header cell (加、到 何佰总公丰下行政复议), no
    // section 四 was found and all fifteen values of table 四 were lost.
    let lines = Self.fields(try Self.readPage("lightblue-2021-ukai-scan200-g2503-page3"))
    let header = try #require(lines.firstIndex { $0.count == 2 && $0[1] == "行政诉讼" }, "\(lines)")
    #expect(lines[header] == ["行政复议", "行政诉讼"], "\(lines[header])")
    try #require(header > 0)
    #expect(lines[header - 1] == ["四、政府信息公开行政复议、行政诉讼情况"], "\(lines[header - 1])")
  }

  @Test("a number wrapped over three lines in a narrow column of a table without rules is whole")
  func numberWrappedOverThreeLines() throws {
    // Page 3 of a general variant (make_general_variants.py --seed 2212, s9: style_norules,
    // num_fullwidth, large) photocopied at 200 dpi (make_scan_variants.py --seed 2213, g2214, the JPEG
    // as generated, qpdf): table 四's fifteen narrow columns wrap most values over two lines
    // and the last, 115, over three (1 / 1 / 5, centred on the row). The lone 1 above went to
    // the running text (read 工), the 5 below was lost, and the row's value was its middle
    // piece: 1, sure.
    let text = try Self.readPage("norules-2019-scan200-g2214-page3")
    let rows = text.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
    let values = try #require(rows.first { $0.count == 15 && $0.first == "5" }, "\(text)")
    #expect(
      values.map(String.init) == "5 39 17 21 82 35 5 18 4 62 35 27 15 38 115".split(separator: " ").map(String.init))
    #expect(!text.contains("工"), "\(text)")
  }

  @Test("a signing date under a seal's star is the date printed or unread, never another date")
  func dateUnderSeal() throws {
    // The last page of threeline-2019-b photocopied with a grey seal over the signature
    // (`make-scan-fixtures.py --photocopy Samples/pdf-styles/threeline-2019-b.pdf OUT 44
    // --seal`): the star's tip over the 1 of 2020年1月15日 is left at its edge when the seal's
    // ink is dropped, and the page's block read took it for 4 with confidence 96.
    let text = try Self.readPage("threeline-2019-b-seal44-page4")
    let lines = text.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }
    let date = try #require(lines.last { $0.hasSuffix("日") && $0.contains("年") }, "\(lines)")
    #expect(date == "2020年1月15日" || date.contains("\u{FFFD}"), "\(date)")
  }

  @Test("a sliver of a grid row under a table's foot is no row: nothing is read after the last row")
  func sliverBelowTable() throws {
    // Page 3 of shadedgrey-2021-b photocopied with a seal over tables 三 and 四
    // (`make_seal_variants.py --seed 1200`, shadedgrey-2021-b-v16, page 3 at 200 dpi): the
    // seal's ring carries a column rule 4 points on past table 三's foot, and the grid has a
    // row that high under 结转下年度继续办理. Its cell read the foot rule's ink as a dash,
    // a value after the table's last row, and that row's values were left unread.
    let text = try Self.readPage("shadedgrey-2021-b-seal1216-page3")
    let lines = text.split(separator: "\n").map { $0.filter { !$0.isWhitespace } }
    let last = try #require(lines.firstIndex { $0.hasPrefix("四、结转下年度继续办理") }, "\(lines)")
    try #require(last + 1 < lines.count)
    #expect(lines[last + 1].hasPrefix("四、政府信息公开"), "after the table's last row: \(lines[last + 1])")
  }

  @Test("a row a page break cuts shorter than the grid's digits holds no value: its rule stubs are no 1")
  func cutRowShorterThanDigits() throws {
    // Page 4 of `make_browser_variants.py --seed 4500`'s variant s7 (border_attr, rule_red,
    // head_darkblue, Noto Sans 15 px, Letter landscape, 2019 form) photocopied by
    // `make_scan_variants.py --seed 4501 --no-styles` (g4502, 300 dpi), by qpdf. The page
    // break cuts table 三 6 points under 1.本机关不掌握相关政府信息, and the column rules run
    // on into that sliver; the right one's stub was read as 1, a value on a line of its own
    // after the row, and the row's seven 0s were left null.
    let text = try Self.readPage("browser-attr-red-2019-photocopy300-g4502-page4")
    let lines = text.split(separator: "\n").map { $0.split(separator: "\t").map { $0.filter { !$0.isWhitespace } } }
    let row = try #require(lines.firstIndex { $0.contains { $0.contains("本机关不掌握") } }, "\(text)")
    #expect(Array(lines[row].suffix(7)) == Array(repeating: "0", count: 7), "\(lines[row])")
    #expect(lines[(row + 1)...].allSatisfy { $0.allSatisfy(\.isEmpty) }, "after the cut row: \(lines[(row + 1)...])")
  }

  /// Pages 2 and 3 of `make_browser_variants.py --seed 4900`'s variant s2 (num_fullwidth,
  /// border_rows, rule_light, head_green, AR PL UKai 16 px, Letter landscape, 2021 form)
  /// photocopied by `make_scan_variants.py --seed 4901 --no-styles` (g4904, 300 dpi), by qpdf,
  /// its JPEGs as generated. Rules run along the rows only, so every table is read line by line.
  static let fullWidthRowsPages = "browser-rows-ukai-fullwidth-2021-photocopy300-g4904-pages2-3"

  @Test("a two-character label shaped like digits, in the labels' column, stays the row's label")
  func shortLabelInLabelColumn() throws {
    // Page 2: 规章 over 行政规范性文件, as short as the full-width digits beside it, passed the
    // digit-shape test and read as text; taken for a value read as stray characters it was
    // unread, and the row's 4 0 22 were under no label (null, with false `missing` errors).
    let lines = Self.fields(try Self.readPage(Self.fullWidthRowsPages))
    let row = try #require(lines.first { $0.contains("22") }, "\(lines)")
    #expect(row == ["规章", "4", "0", "22"], "\(row)")
  }

  @Test("a lone value above another table's columns is a value, not a label's characters")
  func loneValueAboveOtherTablesColumns() throws {
    // Page 3: 行政许可's full-width 1312 stands left of every column of table 三 further down
    // the page; taken for a label's characters read as digits, it was read again as text, one
    // character per digit a character apart: 1 3 1 2, four values for a row of one.
    let text = try Self.readPage(Self.fullWidthRowsPages)
    let words = text.split(separator: "\n").map { $0.split(whereSeparator: \.isWhitespace).map(String.init) }
    let row = try #require(words.first { $0.first == "行政许可" }, "\(text)")
    #expect(row == ["行政许可", "1312"], "\(row)")
  }

  @Test("a row of a tight table whose header's glyphs sit on its rule is read in its own cells")
  func rowUnderCrowdedRule() throws {
    // Page 2 of a general variant (make_general_variants.py --seed 4800, s5: style_lightblue,
    // font_microhei, 2019 form) scanned at 200 dpi by make_scan_variants.py --seed 4801 (g4804):
    // the faint rule between 信息内容 and 行政处罚 was found only in pieces, and where the glyphs
    // touch it the page seemed to show none. The (六) heading, its header and 行政处罚 were one
    // cell, the row read as text; its 173 -6 388 were null.
    let lines = Self.fields(try Self.readPage("lightblue-microhei-2019-scan200-g4804-page2"))
    let row = try #require(lines.first { $0.first == "行政处罚" }, "\(lines)")
    #expect(row == ["行政处罚", "173", "-6", "388"], "\(row)")
  }

  @Test("a page of a hairline-ruled table is straightened by its rules where its print piles up at no angle")
  func hairlineTablePageStraightened() throws {
    // Page 4 of a general variant (make_general_variants.py --seed 5000, s5: style_wps, size_14,
    // 2019 form) scanned at 300 dpi by make_scan_variants.py --seed 5001 (g5006), turned 0.64°
    // (the table's top rule rises 2.4 pt over 200). Its labels and numbers sit apart in tall
    // cells and its grey hairline rules are lighter than the ink level: the print's profile was
    // flat and the page was turned -0.19°. Each rule then broke into pieces at two heights, the
    // table's grid was lost but for its last rows, and (七)总计's label and values ran into
    // 四、结转下年度继续办理's (seven false `missing` errors).
    let lines = Self.fields(try Self.readPage("wps-size14-2019-scan300-g5006-page4"))
    let rows = lines.map { $0.filter { !$0.isEmpty } }
    #expect(rows.contains(["（六）其他处理", "0", "0", "0", "0", "0", "0", "0"]), "\(rows)")
    #expect(rows.contains(["（七）总计", "23", "1", "0", "3", "1", "0", "28"]), "\(rows)")
    #expect(rows.contains(["四、结转下年度继续办理", "2", "2", "0", "0", "2", "2", "8"]), "\(rows)")
  }

  @Test("a piece of a light number, much shorter than its table's digits, is no reading of it")
  func pieceOfLightNumber() throws {
    // Page 1 of a browser print (make_browser_variants.py --seed 5100, s3: border_css,
    // head_darkblue, font_uming, scale 80) photocopied at 200 dpi (make_scan_variants.py --seed
    // 5101, g5104): thin grey digits under navy header rows. Of 行政强制's 49 the page's level
    // kept one stroke, 14 px tall where the table's digits are 21 to 24, read as a sure 1:
    // proactive.enforcement.decisions 1 for 49, with no finding.
    let lines = Self.fields(try Self.readPage("browser-css-darkblue-2021-photocopy200-g5104-page1"))
    let above = try #require(lines.firstIndex { $0.first == "行政处罚" }, "\(lines)")
    try #require(above + 1 < lines.count, "\(lines)")
    let values = lines[above + 1].dropFirst().filter { !$0.isEmpty }
    #expect(values.allSatisfy { $0 == "49" || $0 == "\u{FFFD}" }, "\(lines[above + 1])")
  }

  @Test("every unsure number under a seal on a line of values outside the table's rows is flagged")
  func secondUnsureValueOnALine() throws {
    // Page 3 of hrules-2019-a photocopied at 200 dpi with a grey seal over tables 三 and 四
    // (`make-scan-fixtures.py --photocopy Samples/pdf-styles/hrules-2019-a.pdf OUT 2414
    // --seal-at table3,table4 --seal-size 100 --seal-ink grey --seal-alpha 230 --dpi 200`).
    // The row 5.要求行政机关确认或重新出具已获取信息 wraps round its values, which the layout
    // puts on a line of their own, all 0 as printed; the ring's ink cuts two of them, read as 11
    // and 1. The 11 was marked unread, and the 1 after it, no longer found by counting the
    // line's characters, stayed: requests.rejected_confirmation.total 1, with no finding.
    let text = try Self.readPage("hrules-2019-a-seal2414-page3")
    let lines = text.split(separator: "\n").map(String.init)
    let label = try #require(lines.firstIndex { $0.contains("确认或重新出") }, "\(text)")
    let next = try #require(lines[label...].firstIndex { $0.contains("其他处理") }, "\(text)")
    let values = lines[label..<next].filter { line in
      !line.isEmpty && line.allSatisfy { $0 == " " || $0 == "\u{FFFD}" || ($0.isASCII && $0.isNumber) }
    }
    try #require(values.count == 1, "\(lines[label..<next])")
    let tokens = values[0].split(separator: " ")
    #expect(tokens.count == 7, "\(values[0])")
    // Each value as printed (0), or unread (null with a finding): never a piece of a 0.
    #expect(tokens.allSatisfy { $0 == "0" || $0 == "\u{FFFD}" }, "\(values[0])")
  }

  @Test("thin grey digits on a page with dark header rows are read as numbers in their cells")
  func digitsBesideDarkHeaders() throws {
    // Page 2 of a browser-printed report (make_browser_variants.py seed 1932, look
    // head_darkblue: white text on navy header rows) photocopied at 200 dpi: the navy fills
    // pulled the page's ink level below the digits' thin grey strokes, 145 came apart into
    // specks, the row 行政处罚 145 -5 566 was no table row and its running-text read
    // "1 4 5 ;66" gave 1, 4 and 5 as its three values.
    let text = try Self.readPage("browser-2019-darkhead-scan200-page2")
    let rows = text.split(separator: "\n").map {
      $0.split(separator: "\t").map { $0.filter { !$0.isWhitespace } }
    }
    let row = try #require(rows.first { $0.first == "行政处罚" }, "\(text)")
    // Each value as printed, or unread (null with a finding): never a digit of another.
    #expect(row.count == 4, "\(row)")
    for (field, printed) in zip(row.dropFirst(), ["145", "-5", "566"]) {
      #expect(field == printed || field.contains("\u{FFFD}"), "\(row)")
    }
  }

  @Test("a grey digit whose light strokes fell out is its printed value or flagged, never the part read sure")
  func shortGreyDigit() throws {
    // Page 2 of a browser-printed 2019 report in AR PL UMing (make_browser_variants.py seed
    // 1931, amount_yuan…-s2) photocopied at 200 dpi (scan seed 1931): the thin top of the 6
    // in 行政许可's 本年增/减 is lighter than the page's ink level, its bowl alone was read
    // as 0 with confidence 74, sure, and went out as the change with no finding.
    let document = try PDFDocument(
      path: Samples.scanFolder.appendingPathComponent("pages/browser-uming-2019-scan200-g1931-page2.pdf").path)
    let result = try ScanReader.read(pdf: document, dpi: 300, jobs: 1)
    let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.hasPrefix("行政许可\t") }, "\(result.text)")
    let fields = lines[line].split(separator: "\t", omittingEmptySubsequences: false)
    try #require(fields.count == 4, "\(fields)")
    let flagged = result.lowConfidence.contains { $0.line == line + 1 && $0.field == 2 }
    // Unread (U+FFFD, null with a finding) since the grey grid cell is read at its own level too.
    #expect(fields[2] == "6" || fields[2] == "\u{FFFD}" || flagged, "\(fields)")
  }

  @Test("a grid cell of thin grey print that reads as another number at its own level is unread, not its stem")
  func greyDigitInGridCell() throws {
    // The same page's table 三 (a ruled grid under navy header rows): the 4 of 一、本年新收…
    // (商业企业) has a faint diagonal that the page's level (pulled down by the navy fills)
    // leaves out, and its stem read as 1 with confidence 70, sure; at the cell's own level, 4.
    let text = try Self.readPage("browser-2019-darkhead-scan200-page2")
    let rows = Self.fields(text)
    let row = try #require(rows.first { $0.first?.hasPrefix("一、本年新收") == true }, "\(text)")
    try #require(row.count > 3, "\(row)")
    // 自然人 12, 商业企业 4, 科研机构 1: the 4 as printed or unread, never 1.
    #expect(row[2] == "4" || row[2].contains("\u{FFFD}"), "\(row)")
    #expect(row[3] == "1", "\(row)")
  }
}

extension ScanSampleTests {
  @Test("grey grid cells that fall apart at the page's level are read at their own, in their own columns")
  func greyGridCellsAtOwnLevel() throws {
    // The same page's table 三 (a ruled grid under navy header rows, AR PL UKai): the navy
    // fills pulled the page's level down to 136 where the digits' strokes are ~160-200 grey,
    // so most 0s came apart into specks or arcs and their cells went out blank or as a stray
    // character (7 as 了): 80 cells of the report null, each with a false `missing` error.
    let text = try Self.readPage("browser-2019-darkhead-scan200-page2")
    let rows = Self.fields(text)
    // Each row's seven values as printed (read from the page image).
    let printed: [(label: String, values: [String])] = [
      ("二、上年结转", ["5", "1", "1", "0", "0", "0", "7"]),
      ("部分公开", ["0", "0", "0", "0", "0", "0", "0"]),
      ("属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"]),
    ]
    for (label, values) in printed {
      let row = try #require(rows.first { $0.contains { $0.contains(label) } }, "\(label): \(text)")
      try #require(row.count >= 8, "\(row)")
      let read = Array(row.suffix(7))
      // Never another number: each value as printed, unread (null with a finding) or blank.
      for (field, value) in zip(read, values) {
        #expect(field == value || field.isEmpty || field.contains("\u{FFFD}"), "\(label): \(row)")
      }
      // Most are read (blank or 了 on main: 2 of 7 in 上年结转, 1 in 部分公开).
      #expect(zip(read, values).filter { $0 == $1 }.count >= 5, "\(label): \(row)")
    }
  }

  @Test("a stream row's number read as a stray character is unread, not text before the row's values")
  func strayCharacterInStreamRow() throws {
    // Page 3 of a browser print (labels_spaces+num_thousands+border_rows+rule_red+head_darkblue+
    // font_uming…-2019-s7-g1942: make_browser_variants --seed 1932, scanned with seed 1942): table 四's
    // one value row has no vertical rules; its first 0 (under the navy header band) read as 日,
    // so the row's line held 14 values after text, and a stray 1 from the band above became
    // table 四's first value (every value one cell on). One row is no aligned table: the row
    // goes out as a line of values, which the core takes whole when it has all fifteen.
    let text = try Self.readPage("browser-darkhead-2019-scan200-g1942-page3")
    let lines = text.split(separator: "\n").map {
      $0.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
    }
    let printed = ["2", "1", "0", "3", "1", "2", "0", "3", "6", "1", "2", "0", "1", "4"]
    let row = try #require(lines.first { $0.count >= 14 && Array($0.suffix(14)) == printed }, "\(text)")
    #expect(row.count == 15 && (row[0] == "0" || row[0] == "\u{FFFD}"), "\(row)")
  }
}

extension ScanSampleTests {
  @Test("glyph strokes in line with a column rule past its end are cut off it, and the label cells stay whole")
  func strokesOffTheRuleTrack() throws {
    // Page 3 of a general variant (make_general_variants.py --seed 4000, s1: font_uming,
    // labels_abbrev, style_grid, 2019 form) scanned at 300 dpi by make_scan_variants.py --seed
    // 4001 (g4005, look scan, turned 2.5°), by qpdf. The column rule between (五)不予处理 and
    // its sub-rows' labels ends at 5.要求确认…'s foot; below it, 他 of （六）其他处理 and 计 of
    // （七）总计 have an upright a point to its left, and the finder ran the rule on through
    // both rows. The labels were cut in two (（六）其人 | !处理, （七）总 | —), and the total
    // row, read as （七）总 with a placeholder before its seven values, was lost.
    let lines = Self.fields(try Self.readPage("grid-uming-2019-scan300-g4005-page3"))
    let other = try #require(lines.firstIndex { $0.contains { $0.contains("（六）") } }, "\(lines)")
    #expect(lines[other].contains("（六）其他处理"), "\(lines[other])")
    let total = try #require(lines.firstIndex { $0.contains { $0.contains("（七）") } }, "\(lines)")
    #expect(lines[total].contains("（七）总计"), "\(lines[total])")
    #expect(Array(lines[total].suffix(7)) == ["10", "11", "0", "1", "3", "0", "25"], "\(lines[total])")
  }

  @Test("a skewed table's last row: its label's ordinal is no unread value, and its frame's slivers are no row")
  func skewedTableFoot() throws {
    // Page 4 of a landscape photocopy (make_general_variants --seed 2001 → make_scan_variants
    // --seed 2002 --no-styles: landscape+style_shadedgrey+agency_township+look_photocopy+
    // dpi_300-2021-s2-g2004, page 4 at 200 dpi). The page is turned a little less than it was
    // skewed: the label 四、结转下年度继续办理 sits low at the left of its row and table 三's
    // foot rule runs past the painted box. The Chinese model read no 四, and its number-shaped
    // ink became an unread value before the label; the rule's slivers under the table were
    // read as a row of letters and digits (3 G ER … 0), which the parser took for the row's.
    let text = try Self.readPage("landscape-shadedgrey-2021-g2004-page4")
    let lines = Self.fields(text)
    let last = try #require(lines.firstIndex { $0.first?.contains("结转下年度继续办理") == true }, "\(text)")
    #expect(!lines[last][0].contains("\u{FFFD}"), "\(lines[last])")
    #expect(Array(lines[last].dropFirst()) == ["2", "1", "0", "2", "0", "1", "6"], "\(lines[last])")
    for line in lines[(last + 1)...] {
      #expect(line.count < 3, "a row of cells after the table's last row: \(line)")
    }
  }

  @Test("a title whose character the running-text read placed as a sliver is one field, not split at a false gap")
  func titleWithCollapsedCharacter() throws {
    // Page 1 of a browser print (amount_wan+border_cellspacing+…+portal_mixed-2021-s4:
    // make_browser_variants --seed 2101), photocopied at 200 dpi (`make-scan-fixtures.py
    // --photocopy SRC OUT 2103 --dpi 200 --look photocopy --quality 50 --skew 1.0`). The
    // page's block read placed 城 of the title 石城县交通运输局… as a box one pixel wide at
    // its left end, so the line showed a gap where the ink runs on; laid out with the date
    // line below it, the title split there (石城 | 县交通运输局…) and the report's agency
    // came out 县交通运输局.
    let text = try Self.readPage("browser-cellspacing-2021-scan200-g2103-page1")
    let fields = text.split(separator: "\n").flatMap { $0.split(separator: "\t") }
      .map { $0.filter { !$0.isWhitespace } }
    let title = try #require(fields.first { $0.hasSuffix("年度报告") && $0.contains("交通运输局") }, "\(text)")
    #expect(title == "石城县交通运输局2024年政府信息公开工作年度报告", "\(title)")
  }
}

extension ScanSampleTests {
  @Test("a grid label the digit-shape test let through is read as text, not a number before the row's values")
  func gridLabelReadAsNumber() throws {
    // Page 4 of a browser print on A4 landscape (amount_yuan+border_css+…+portal_cms+notes+unsigned-2021-s0:
    // make_browser_variants --seed 2101), photocopied at 200 dpi (`make-scan-fixtures.py --photocopy SRC OUT
    // 2104 --dpi 200 --look photocopy --quality 50 --skew 1.0`). The label cell 2.重复申请 (a sans face whose
    // characters are a little narrower than tall) passed the digit-shape test and was read as 28228: the row
    // had no label and eight values, and the core left it and 1.信访举报投诉类申请 null with false errors.
    let text = try Self.readPage("browser-css-2021-scan200-g2104-page4")
    let lines = text.split(separator: "\n").map {
      $0.split(separator: "\t").map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
    }
    #expect(!lines.contains { $0.contains("28228") }, "\(text)")
    let row = try #require(lines.first { $0.contains { $0.hasSuffix("重复申请") } }, "\(text)")
    #expect(Array(row.suffix(7)) == ["0", "0", "0", "0", "0", "0", "0"], "\(row)")
  }

  @Test("a short grey grid digit whose lighter reads agree is read whole, its row kept")
  func shortGreyDigitReadWhole() throws {
    // The page of shortGreyDigit: 行政许可's 本年增/减 6, whose light top fell out at the
    // page's level (its bowl read 0), is grey print (its own level far lighter than the
    // page's) and short. Read at its own level (19 px, as tall as the grid's numbers) and a
    // third of the way on to the paper (grey noise joined) it is 6 both times, and the grey
    // glyphs, not binarised, read 6: taken (unsure). Unread (s20split's grey reread), it left
    // the row one value (63 unread too) and the core nulled 处理决定数量 9070 with it.
    let document = try PDFDocument(
      path: Samples.scanFolder.appendingPathComponent("pages/browser-uming-2019-scan200-g1931-page2.pdf").path)
    let result = try ScanReader.read(pdf: document, dpi: 300, jobs: 1)
    let lines = result.text.split(separator: "\n", omittingEmptySubsequences: false)
    let line = try #require(lines.firstIndex { $0.hasPrefix("行政许可\t") }, "\(result.text)")
    let fields = lines[line].split(separator: "\t", omittingEmptySubsequences: false)
    try #require(fields.count == 4, "\(fields)")
    #expect(fields[2] == "6", "\(fields)")
    #expect(result.lowConfidence.contains { $0.line == line + 1 && $0.field == 2 }, "\(fields)")
    #expect(fields[3] == "9070", "\(fields)")
  }
}

extension ScanSampleTests {
  @Test(
    "a grid cell read as text whose digits stand at one number's pitch (1 4 4) is one unread cell, not three values")
  func numberSplitInTableCell() throws {
    // Page 2 of `make_general_variants.py --seed 2160` scanned by `make_scan_variants.py --seed
    // 2161` (font_ukai+num_fullwidth+style_wps…-2019-s1-g2165): table 二's 行政处罚 cell over
    // 上一年项目数量 and 本年增/减 (the rule between lost) read as text 144一4, and the wide
    // UKai 144 was laid out as 1 4 4: three values for the row's three columns (1, 4, 4 for
    // 144, −4, 783). Printed: 144 | −4 | 783.
    let text = try Self.readPage("wps-2019-ukai-scan200-g2165-page2")
    let rows = text.split(separator: "\n").map {
      $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    }
    let row = try #require(rows.first { $0.first?.hasPrefix("行政处罚") == true }, "\(text)")
    // No field holds two digit tokens: 144 as printed, or unread.
    for field in row.dropFirst() {
      let tokens = field.split(separator: " ").filter { $0.allSatisfy { $0.isASCII && $0.isNumber } }
      #expect(tokens.count <= 1, "\(row)")
    }
    #expect(!row.contains { $0.contains("1 4 4") }, "\(row)")
  }

  @Test("a grey stream digit whose faint stroke lies outside its ink box is read with it, or unread, never the rest")
  func faintStrokeOutsideInkBox() throws {
    // The darkhead page's table 二 (no vertical rules): 其他对外管理服务事项's 处理决定数量 is
    // 40, whose 4 has a diagonal and bar so faint (170-220 grey) that even the cell's own
    // level leaves them out of its ink box. Read at its level, a third on and from the grey
    // glyphs cropped to that box (paper round it), it was 10 each time: taken, flagged, but
    // wrong. The grey read with the page's own pixels round the box sees the 4 (40).
    let text = try Self.readPage("browser-2019-darkhead-scan200-page2")
    let rows = Self.fields(text)
    let row = try #require(rows.first { $0.first == "其他对外管理服务事项" }, "\(text)")
    try #require(row.count == 4, "\(row)")
    #expect(row[1] == "111" && row[2] == "0", "\(row)")
    #expect(row[3] == "40" || row[3].contains("\u{FFFD}"), "\(row)")
  }

  @Test("a minus standing apart from a digit the Chinese model read alone is kept")
  func minusApartFromTextDigit() throws {
    // Page 2 of a browser-printed 2019 report in Noto Serif (make_browser_variants.py --seed
    // 1931's variant s4, num_thousands+border_cellspacing…) photocopied (`--photocopy SRC OUT
    // 1942 --dpi 200 --look photocopy --quality 50 --skew 1.0`), 137 KB, the JPEG as
    // generated (qpdf): 其他对外管理服务事项's 本年增/减 is -6, a thin light minus apart
    // from the 6. No number read took the cell; the Chinese model read 6, and the minus,
    // inside the cell's ink box, was not looked for before the box: 6 went out (flagged).
    let text = try Self.readPage("browser-cellspacing-2019-scan200-g1942-page2")
    let rows = Self.fields(text)
    let row = try #require(rows.first { $0.first == "其他对外管理服务事项" }, "\(text)")
    try #require(row.count == 4, "\(row)")
    #expect(row[1] == "341" && row[3] == "6", "\(row)")
    #expect(row[2] == "-6" || row[2].contains("\u{FFFD}"), "\(row)")
  }

  @Test("a seal's ring at a label's right end is no value before the row's first")
  func sealRingAfterLabel() throws {
    // Page 3 of make_seal_variants.py --seed 2120's shadedgrey-2019-d-v17 (a grey seal over
    // table 三's last rows), re-rendered at 200 dpi (grey JPEG quality 60, 261 KB). The ring's
    // arc crosses the right end of the label cell （六）其他处理; read with the label it came
    // out as 8, a value before the row's first, and the row (6 1 0 0 0 0 7) was null with
    // seven false `missing` findings. Read again with the seal's ink gone the label holds the
    // same characters and no digit after them.
    let text = try Self.readPage("shadedgrey-2019-d-seal2120-v17-page3")
    let lines = text.split(separator: "\n").map {
      $0.split(separator: "\t").map { $0.filter { !$0.isWhitespace } }
    }
    let line = try #require(lines.first { $0.contains { $0.contains("其他处理") } }, "\(text)")
    let start = try #require(line.firstIndex { $0.contains("其他处理") })
    #expect(line[start] == "（六）其他处理", "\(line)")
    // The values as printed; the 0 under the ring may be unread, never another number.
    let values = Array(line[(start + 1)...])
    let printed = ["6", "1", "0", "0", "0", "0", "7"]
    #expect(values.count == printed.count, "\(line)")
    for (value, expected) in zip(values, printed) {
      #expect(value == expected || value == "\u{FFFD}", "\(line)")
    }
  }
}

extension ScanSampleTests {
  @Test("a dark speck inside grey digits the Chinese model read as a number is no number of its own")
  func darkSpeckInsideGreyDigits() throws {
    // Page 2 of `make_browser_variants.py --seed 2140`'s variant s4 (amount_yuan+num_thousands+
    // border_cellspacing+…+font_uming…-2021-s4) photocopied with `--photocopy SRC OUT 2142 --dpi
    // 200 --look photocopy --quality 50 --skew 1.0`, the JPEG as generated (qpdf), 204 KB:
    // table 二's 行政规范性文件 现行有效件数 is a grey 240. No number read took the cell at the
    // page's level and the Chinese model read 240, but the darkest-ink path (meant for digits
    // under a seal) found a 5×7 px knot inside the 2 and read it as 2: 2 went out, flagged.
    let text = try Self.readPage("browser-cellspacing-2021-scan200-g2142-page2")
    let rows = Self.fields(text)
    let row = try #require(rows.first { $0.first == "行政规范性文件" }, "\(text)")
    try #require(row.count == 4, "\(row)")
    #expect(row[1] == "11" && row[2] == "8", "\(row)")
    #expect(row[3] == "240" || row[3].contains("\u{FFFD}"), "\(row)")
  }

  @Test("an unsure number read from a short piece of a grey digit is read again at lighter levels")
  func unsurePieceOfGreyDigit() throws {
    // Page 2 of `make_browser_variants.py --seed 2150`'s variant s7 (amount_wan+border_attr+
    // rule_dark+head_darkblue+font_uming…-2019-s7) photocopied with `--photocopy SRC OUT 2151
    // --dpi 200 --look photocopy --quality 50 --skew 1.0`, the JPEG as generated (qpdf), 207 KB:
    // navy header bands pull the page's level down to 140 and table 三's grey UMing 0s fall
    // apart there. In 1.信访举报投诉类申请 (41 0 0 0 0 0 41) the commercial 0 left a 14×13 px
    // arc (the row's digits are 24 px tall) that the number reader took for 11, unsure: 11
    // went out, flagged, and no arithmetic reached it (the row's total was unread too).
    let text = try Self.readPage("browser-darkhead-2019-scan200-g2151-page2")
    let lines = text.split(separator: "\n").map {
      $0.split(separator: "\t").map { $0.filter { !$0.isWhitespace } }
    }
    let line = try #require(lines.first { $0.contains { $0.contains("信访举报投诉类申请") } }, "\(text)")
    let start = try #require(line.firstIndex { $0.contains("信访举报投诉类申请") })
    let values = Array(line[(start + 1)...])
    let printed = ["41", "0", "0", "0", "0", "0", "41"]
    try #require(values.count == printed.count, "\(line)")
    for (value, expected) in zip(values, printed) {
      #expect(value == expected || value == "\u{FFFD}", "\(line)")
    }
  }
}

extension ScanSampleTests {
  @Test("a digit's stroke alone is no reading of it: a barred 1 is a 4, one dark stem is not the number")
  func strokeOfDigitIsNoNumber() throws {
    // Page 2 of `make_browser_variants.py --seed 2302`'s variant s3 (rule_blue, head_lightblue,
    // AR PL UKai, scale 80) photocopied by `make_scan_variants.py --seed 2303` (g2304, 200 dpi,
    // the JPEG as generated, qpdf; 144 KB). Table 二's thin UKai digits: the 4s' faint
    // diagonals fall out at the page's level and their stem and bar were read as 1, sure
    // (行政许可's 本年增/减); 12, 176 and 45 did not pass the digit-shape test, and their
    // darkest ink alone was the stem of the 1 or of the 4, read as 1.
    let text = try Self.readPage("browser-lightblue-2019-scan200-g2304-page2")
    let rows = Self.fields(text)
    // Each row's values as printed (read from the page image).
    let printed: [(label: String, values: [String])] = [
      ("规范性文件", ["12", "12", "54"]),
      ("行政许可", ["136", "4", "2136"]),
      ("行政强制", ["176", "6", "0"]),
      ("政府集中采购", ["45"]),
    ]
    for (label, values) in printed {
      let row = try #require(rows.first { $0.first == label }, "\(label): \(text)")
      try #require(row.count > values.count, "\(row)")
      // Never another number: each value as printed or unread (null with a finding).
      for (field, value) in zip(row.dropFirst(), values) {
        #expect(field == value || field.contains("\u{FFFD}"), "\(label): \(row)")
      }
    }
  }

  @Test("a label cut by a false column rule over tight rows is split at the row edge its values show")
  func labelCutOverTightRows() throws {
    // Page 2 of make_general_variants.py --seed 2400's variant s8 (AR PL UMing, 9-pt type in
    // 10-pt rows, light grey rules, 2019 form) photocopied at 300 dpi by make_scan_variants.py
    // --seed 2401 (g2401); its JPEG re-encoded with its own quantisation tables, the page above
    // table 三's heading and below table 四 painted paper grey (217 KB). The light rule under
    // 8.属于行政查询事项 broke where the glyphs touch it, and characters' strokes in line over
    // the tight rows were found as column rules that cut 1.本机关不掌握相关政府信息 short: the
    // two labels were one cell, read as one line with 8.'s values (0 0 0 0 1 0 1), so
    // unable_not_held came out 0 … 1 for 12 … 13 and its own row was dropped.
    let text = try Self.readPage("uming-2019-lightgrey-photocopy300-g2401-page2")
    let rows = Self.fields(text)
    let query = try #require(rows.first { $0.contains { $0.contains("行政查询") } }, "\(text)")
    #expect(!query.contains { $0.contains("掌握") }, "\(query)")
    #expect(query.filter { !$0.isEmpty }.suffix(7) == ["0", "0", "0", "0", "1", "0", "1"], "\(query)")
    let held = try #require(rows.first { $0.contains { $0.contains("掌握") } }, "\(text)")
    #expect(held.filter { !$0.isEmpty }.suffix(7) == ["12", "0", "0", "0", "1", "0", "13"], "\(held)")
  }

  @Test("characters' strokes in line over tight rows are no column rules: the labels stay whole")
  func glyphStrokesAreNoColumnRules() throws {
    // The page of `labelCutOverTightRows`: 9-pt UMing in 10-pt rows, light grey rules, 300-dpi
    // photocopy. The vertical strokes of the label column's characters, one over the other
    // from row rule to row rule, were found as column rules (x ≈ 184–247 pt, 129 and 153 by
    // （六）（七）): 7.属于行政执法案卷, 8.属于行政查询事项 and （六）其他处理 were cut into pieces
    // read as garbage, their rows not placed (49 false `missing` findings on the report).
    let document = try PDFDocument(
      path: Samples.scanFolder.appendingPathComponent("pages/uming-2019-lightgrey-photocopy300-g2401-page2.pdf").path)
    let page = try document.page(1).render(dpi: 300)
    // Table 三's label area right of the column of 1.属于国家秘密 … (x 168) and left of the
    // values (x 307), from 1.属于国家秘密 (y ≈ 335) to the table's foot (y ≈ 534): no rule is drawn.
    func strokes(_ finder: TableRuleFinder) -> [RulingLine] {
      finder.find(in: page).tableRulings.filter {
        $0.axis == .vertical && $0.position > 172 && $0.position < 302 && $0.end > 335 && $0.start < 530
      }
    }
    var without = TableRuleFinder()
    without.glyphStrokesDropped = false
    #expect(!strokes(without).isEmpty, "the fault this guards against is gone from the page")
    #expect(strokes(TableRuleFinder()).isEmpty, "\(strokes(TableRuleFinder()))")
    // The drawn column rules all stay: the table's sides, the label columns' and the values'.
    let columns = TableRuleFinder().find(in: page).tableRulings.filter {
      $0.axis == .vertical && $0.start < 340 && $0.end > 500
    }.map(\.position)
    for x in [57.0, 110, 168, 307, 340, 373, 407, 439, 473, 505, 539] {
      #expect(columns.contains { abs($0 - x) <= 3 }, "\(x): \(columns)")
    }
    let rows = Self.fields(try Self.readPage("uming-2019-lightgrey-photocopy300-g2401-page2"))
    for label in ["7.属于行政执法案卷", "8.属于行政查询事项"] {
      let row = try #require(rows.first { $0.contains { $0.contains(label.dropFirst(2)) } }, "\(rows)")
      #expect(row.contains { $0.hasSuffix(label.dropFirst(2)) }, "\(row)")
    }
    let other = try #require(rows.first { $0.contains { $0.contains("其他处理") } }, "\(rows)")
    #expect(other.filter { !$0.isEmpty }.suffix(7) == ["0", "5", "0", "0", "0", "0", "5"], "\(other)")
  }

  @Test("a column rule that ends at a row rule is not drawn on through the merged row below it")
  func columnRuleEndsAtMergedRow() throws {
    // Page 2 of make_general_variants.py --seed 2700's variant s5 (amount_wan, AR PL UMing,
    // num_thousands, full grid, 2019 form) photocopied at 300 dpi by make_scan_variants.py
    // --seed 2701 (g2702); JPEG re-encoded at quality 35, the page above table 三 and below it
    // painted paper grey (282 KB). The rule of 三、本年度办理结果's column ends at （七）总计's
    // foot, 2 pt past the row rule there; the next rule, under 四、结转下年度继续办理, was
    // within the 10 pt an end is drawn on, so the rule ran through that merged row and cut its
    // label in two (四、结转下 | 年度继续办理): the row was not placed, 7 false `missing`.
    let rows = Self.fields(try Self.readPage("grid-uming-2019-photocopy300-g2702-page2"))
    let carried = try #require(rows.first { $0.contains { $0.contains("结转下") } }, "\(rows)")
    #expect(carried.contains { $0.hasSuffix("结转下年度继续办理") }, "\(carried)")
    #expect(carried.filter { !$0.isEmpty }.suffix(7) == ["1", "1", "0", "0", "1", "1", "4"], "\(carried)")
  }

  @Test("a light minus the dark read left out is put back when the text model read it too")
  func lightMinusBeforeDarkDigit() throws {
    // Page 2 of a browser-printed 2019 report (labels_halfwidth, border_css, rule_light, Zen
    // Hei; make_browser_variants.py, session 22's set s1, variant s6) photocopied at 300 dpi
    // (g2225), the JPEG as generated (qpdf, 214 KB): 行政处罚's 本年增/减 is -7, its minus
    // blurred to an 8×5 px mark just left of the 7. The cell's ink read as no number, the
    // Chinese model read -7, and the darkest ink alone 7: 7 went out (flagged, yet wrong).
    let text = try Self.readPage("browser-css-2019-photocopy300-g2225-page2")
    let row = try #require(Self.fields(text).first { $0.first == "行政处罚" }, "\(text)")
    try #require(row.count == 4, "\(row)")
    #expect(row[1] == "151" && row[3] == "133", "\(row)")
    #expect(row[2] == "-7" || row[2].contains("\u{FFFD}"), "\(row)")
  }
}

extension ScanSampleTests {
  @Test("a doubted number whose grey glyphs read surer as another number is unread, never the doubted one")
  func doubtedReadContradictedByGreyGlyphs() throws {
    // Page 2 of `make_browser_variants.py --seed 2310`'s variant s5 (num_thousands,
    // border_attr, rule_blue, AR PL UKai 12 px, zebra, numbers left-aligned) scanned by
    // `make_scan_variants.py --seed 2311` (g2312, 200 dpi, look scan), the JPEG as generated
    // (qpdf), 151 KB. Table 二's 政府集中采购 59 is light grey print: binarised at the page's
    // level both English reads gave 39 (92), and the cell went out as 39, flagged unsure; the
    // grey glyphs, not binarised, read 59 (95) at both digit heights.
    let text = try Self.readPage("browser-attr-ukai-2019-scan200-g2312-page2")
    let rows = Self.fields(text)
    let row = try #require(rows.first { $0.first == "政府集中采购" }, "\(text)")
    try #require(row.count >= 2, "\(row)")
    #expect(row[1] == "59" || row[1] == "\u{FFFD}", "\(row)")
  }
}

extension ScanSampleTests {
  @Test("a column rule's end a sliver past the grid's other rules under a dark header is no row")
  func ruleOvershootUnderDarkHeader() throws {
    // Page 5 of `make_browser_variants.py --seed 2310`'s variant s4 (border_attr, rule_light,
    // head_darkblue, AR PL UKai 16 px, thead: the navy head repeated after the page break)
    // scanned by `make_scan_variants.py --seed 2311` (g2313, 300 dpi, look scan), the JPEG as
    // generated (qpdf), 187 KB. The table's top rule is part of the navy fill; the right
    // border found along the fill ended 4 pt above the other column rules, and that sliver
    // row with the first body row, no edge drawn between them, was one cell over the whole
    // table: table 三's 3.其他 0 0 0 0 0 0 0 read as text 3.其他OO, the row null.
    let text = try Self.readPage("browser-attr-darkblue-2021-scan300-g2313-page5")
    let rows = Self.fields(text)
    let row = try #require(rows.first { $0.contains { $0.hasPrefix("3.其他") } }, "\(text)")
    let start = try #require(row.firstIndex { $0.hasPrefix("3.其他") })
    #expect(row[start] == "3.其他", "\(row)")
    let values = Array(row[(start + 1)...])
    try #require(values.count == 7, "\(row)")
    for value in values {
      #expect(Int(value) == 0 || value == "\u{FFFD}", "\(row)")
    }
  }
}
