import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// What the running text's read makes of the margins beside a table stays out of the table;
/// a count read with a leading zero is no count.
@Suite("Stray reads beside and in tables")
struct StrayTextTests {
  /// A symbol of the running text at (x, y) page pixels, `size` wide and tall, read at `factor`.
  func symbol(_ text: String, x: Int, y: Int, size: Int = 40, factor: Double = 1) -> OCRItem {
    OCRItem(
      text: text,
      box: PixelRect(
        x: Int(Double(x) * factor), y: Int(Double(y) * factor), width: Int(Double(size) * factor),
        height: Int(Double(size) * factor)), confidence: 50)
  }

  @Test("running text beside a table as wide as the text is dropped; above, below and beside a narrow one kept")
  func marginsBesideWideTable() throws {
    let reader = try PageReader(dataPath: nil)
    // A 300-dpi A4 page (2481 px wide); a table 2028 px wide painted from y 300 to 2000.
    let wide = PixelRect(x: 226, y: 300, width: 2028, height: 1700)
    let factor = 2.0 / 3.0
    let symbols = [
      symbol("本", x: 300, y: 200, factor: factor),  // above the table: a line of text
      symbol("国", x: 60, y: 900, factor: factor),  // left margin, in the table's band
      symbol("和", x: 2300, y: 960, factor: factor),  // right margin, in the band
      symbol("1", x: 1000, y: 1200, factor: factor),  // inside the painted table
      symbol("日", x: 300, y: 2060, factor: factor),  // below the table
    ]
    let kept = reader.outside([wide], symbols, factor: factor, width: 2481).map(\.text)
    #expect(kept == ["本", "日"])
    // A table a third of the page wide: text may stand beside it; only what is in it goes.
    let narrow = PixelRect(x: 226, y: 300, width: 800, height: 1700)
    let besideNarrow = reader.outside(
      [narrow], [symbol("国", x: 1500, y: 900, factor: factor), symbol("1", x: 500, y: 1200, factor: factor)],
      factor: factor, width: 2481
    ).map(\.text)
    #expect(besideNarrow == ["国"])
  }

  @Test(
    "the paper's specks beside a table narrower than the page are no characters of its rows",
    .hangGuard)
  func specksBesideNarrowTable() throws {
    // Page 3 of a browser print on Letter landscape (amount_yuan+border_css+rule_red+head_grey+
    // …+zebra+hf_off+portal_custom-2021-s5: make_browser_variants --seed 2101), photocopied with
    // `make-scan-fixtures.py --photocopy SRC OUT 2105 --dpi 200 --look photocopy --quality 50
    // --skew 1.0` (page 3 by qpdf, the JPEG as generated, 142 KB).
    // Table 三 is under half the page's width; the block read made characters a quarter of a
    // line tall of the specks in the margins beside it (已 到 = on the row 1.属于国家秘密),
    // and the layout step put them in the row's cells (已1.属于国家秘密, 到0, 0=): whole rows null.
    let document = try PDFDocument(
      path: Samples.scanFolder.appendingPathComponent("pages/browser-zebra-2021-scan200-g2105-page3.pdf").path)
    let text = try ScanReader.read(pdf: document, dpi: 300, jobs: 1).text
    let lines = text.split(separator: "\n").map {
      $0.split(separator: "\t").map { $0.filter { !$0.isWhitespace } }
    }
    // The rows as printed (read from the page): label, then the seven values.
    let printed: [(String, [String])] = [
      ("1.属于国家秘密", ["0", "0", "0", "0", "0", "0", "0"]),
      ("1.信访举报投诉类申请", ["0", "0", "0", "0", "0", "0", "0"]),
      ("3.要求提供公开出版物", ["0", "0", "0", "0", "0", "0", "0"]),
      ("2.重复申请", ["16", "0", "0", "0", "0", "0", "16"]),
    ]
    for (label, values) in printed {
      let line = try #require(lines.first { $0.contains { $0.hasSuffix(label) } }, "\(label): \(text)")
      let start = try #require(line.firstIndex { $0.hasSuffix(label) })
      #expect(line[start] == label, "\(line)")
      #expect(Array(line[(start + 1)...]) == values, "\(line)")
    }
  }

  @Test("a table's field read as 0 before another digit is unread (U+FFFD); 0, 00, 10 and 0.5 stay")
  func leadingZero() {
    #expect(ScanReader.hasLeadingZero("01"))
    #expect(ScanReader.hasLeadingZero("007"))
    #expect(!ScanReader.hasLeadingZero("0"))
    #expect(!ScanReader.hasLeadingZero("00"))
    #expect(!ScanReader.hasLeadingZero("10"))
    #expect(!ScanReader.hasLeadingZero("0.5"))
    #expect(!ScanReader.hasLeadingZero("0件"))
    // Through the layout step: a ruled row 规章 | 2 | 01 | 24 on a page of its own.
    let rows = [100.0, 130.0]
    let columns = [72.0, 200.0, 300.0, 400.0, 500.0]
    var rulings = rows.map { RulingLine(axis: .horizontal, position: $0, start: 72, end: 500) }
    rulings += columns.map { RulingLine(axis: .vertical, position: $0, start: 100, end: 130) }
    var characters: [PositionedCharacter] = []
    for (cell, text) in ["规章", "2", "01", "24"].enumerated() {
      let left = columns[cell] + 10
      for (index, character) in text.enumerated() {
        let x = left + Double(index) * 10
        characters.append(
          PositionedCharacter(character: character, box: PageRect(minX: x, minY: 110, maxX: x + 9, maxY: 121)))
      }
    }
    let page = PositionedPage(number: 1, width: 595, height: 842, characters: characters, rulings: rulings)
    let result = ScanReader.assemble([ReadPage(page: page, numbers: [], skew: 0)])
    let line = result.text.split(separator: "\n").first { $0.contains("规章") }.map(String.init) ?? ""
    #expect(line.split(separator: "\t") == ["规章", "2", "\u{FFFD}", "24"])
  }
  @Test("a number that came apart into specks in a running-text row is one unread cell, never several values")
  func numberSplitInRunningText() {
    // The glyphs the running-text read gave for two rows of table 二 on page 2 of a
    // browser-printed report photocopied at 200 dpi (Samples/scan/pages/
    // browser-2019-darkhead-scan200-page2.pdf, read before its stream rows were read at their
    // own grey level; page pixels at 300 dpi): 145 -5 566 came apart into 1, 4 and a speck
    // read as 5, and the row 行政处罚 1 4 5 ;66 handed the core 1, 4 and 5 as its three values.
    let read: [(String, Double, Double, Double, Double)] = [
      ("行", 690, 1059, 39, 24), ("政", 733.5, 1057.5, 40.5, 25.5), ("处", 789, 1071, 4.5, 10.5),
      ("罚", 798, 1057.5, 9, 27), ("1", 1248, 1062, 4.5, 18), ("4", 1266, 1063.5, 4.5, 16.5),
      ("5", 1285.5, 1071, 3, 7.5), (";", 2067, 1069.5, 4.5, 9), ("6", 2074.5, 1062, 13.5, 16.5),
      ("6", 2091, 1063.5, 12, 15),
    ]
    // Points from 300-dpi pixels.
    let scale = 72.0 / 300
    let characters = read.map { text, x, y, width, height in
      PositionedCharacter(
        character: Character(text),
        box: PageRect(minX: x * scale, minY: y * scale, maxX: (x + width) * scale, maxY: (y + height) * scale))
    }
    let page = PositionedPage(number: 2, width: 792, height: 612, characters: characters, rulings: [])
    let text = ScanReader.assemble([ReadPage(page: page, numbers: [], skew: 0)]).text
    let line = text.split(separator: "\n").first { $0.hasPrefix("行政") }.map(String.init) ?? text
    #expect(line == "行政处罚 \u{FFFD} ;66", "\(line)")

    // Numbers of separate cells, a column apart, stay as read: 363 and 9 of 行政强制.
    let apart = [("3", 1245.0, 15.0), ("6", 1260, 13.5), ("3", 1276.5, 15), ("9", 2074.5, 15)].map { text, x, height in
      PositionedCharacter(
        character: Character(text),
        box: PageRect(minX: x * scale, minY: 1126.5 * scale, maxX: (x + 13) * scale, maxY: (1126.5 + height) * scale))
    }
    let label = characters.prefix(4).map {
      PositionedCharacter(
        character: $0.character,
        box: PageRect(
          minX: $0.box.minX, minY: $0.box.minY + 63 * scale, maxX: $0.box.maxX, maxY: $0.box.maxY + 63 * scale))
    }
    let second = PositionedPage(number: 2, width: 792, height: 612, characters: label + apart, rulings: [])
    let kept = ScanReader.assemble([ReadPage(page: second, numbers: [], skew: 0)]).text
    #expect(kept.hasPrefix("行政处罚 363 9"), "\(kept)")
  }
}
