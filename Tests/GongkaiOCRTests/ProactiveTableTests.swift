import Foundation
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Table 二 (主动公开政府信息情况) of the scanned samples: its group rows (第二十条第（一）项 …)
/// are shaded grey, and in the 2021 sample it runs across a page break. Every row must come
/// out of the scan as a tab-separated line with the expected cells.
@Suite("Scanned table 二", .hangGuard)
struct ProactiveTableTests {
  /// Two samples of each form, at both resolutions.
  static let samples = [
    ("gen-2021-a-scan300", "gen-2021-a"), ("gen-2021-b-scan200", "gen-2021-b"),
    ("gen-2019-a-scan200", "gen-2019-a"), ("gen-2019-b-scan300", "gen-2019-b"),
  ]

  /// The rows of table 二: the key in `proactive` of the expected file, the row label as
  /// the form prints it, and the keys of its cells in column order (a dictionary is a raw
  /// amount, compared without spaces).
  static let rows: [(key: String, label: String, cells: [String])] = [
    // 2021 form.
    ("rules", "规章", ["issued", "repealed", "in_force"]),
    ("normative_documents", "行政规范性文件", ["issued", "repealed", "in_force"]),
    ("licensing", "行政许可", ["decisions"]),
    ("penalties", "行政处罚", ["decisions"]),
    ("enforcement", "行政强制", ["decisions"]),
    ("fees", "行政事业性收费", ["amount"]),
    // 2019 form.
    ("rules", "规章", ["made", "published", "total"]),
    ("normative_documents", "规范性文件", ["made", "published", "total"]),
    ("licensing", "行政许可", ["previous", "change", "decisions"]),
    ("other_services", "其他对外管理服务事项", ["previous", "change", "decisions"]),
    ("penalties", "行政处罚", ["previous", "change", "decisions"]),
    ("enforcement", "行政强制", ["previous", "change", "decisions"]),
    ("fees", "行政事业性收费", ["previous", "change"]),
    ("procurement", "政府集中采购", ["projects", "amount"]),
  ]

  /// The expected rows of one sample: label and cell texts.
  static func expectedRows(_ data: Data) throws -> [(label: String, cells: [String])] {
    let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    let proactive = object["proactive"] as? [String: Any] ?? [:]
    return rows.compactMap { key, label, cells in
      guard let values = proactive[key] as? [String: Any] else { return nil }
      // Only the rows of this form: its cells are exactly these keys.
      guard Set(values.keys) == Set(cells) else { return nil }
      let texts = cells.map { cell -> String in
        switch values[cell] {
        case let number as Int: return String(number)
        case let amount as [String: Any]: return (amount["raw"] as? String ?? "").filter { !$0.isWhitespace }
        default: return "?"
        }
      }
      return (label, texts)
    }
  }

  /// The pages of the source PDF from the one holding table 二's first row to the one where
  /// table 三 starts.
  static func pages(source name: String) throws -> [Int] {
    let document = try PDFDocument(path: Samples.pdf(name))
    let texts = try (1...document.pageCount).map { try document.page($0).text.filter { !$0.isWhitespace } }
    guard let first = texts.firstIndex(where: { $0.contains("信息内容") }),
      let last = texts.firstIndex(where: { $0.contains("申请人情况") })
    else { return [] }
    return Array((first + 1)...(last + 1))
  }

  @Test("every row of table 二 is a tab-separated line with the expected cells", arguments: samples)
  func proactiveRows(scan: String, source: String) throws {
    let pages = try Self.pages(source: source)
    try #require(!pages.isEmpty)
    let expected = try Self.expectedRows(Samples.scanExpected(scan))
    #expect(expected.count >= 6)
    let document = try PDFDocument(path: Samples.scan(scan))
    let result = try ScanReader.read(pdf: document, pages: pages, dpi: 300, jobs: 2)
    let lines = result.text.split(separator: "\n").map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false)
        .map { $0.filter { !$0.isWhitespace } }
    }
    for row in expected {
      let found = lines.first { $0.first == row.label && $0.count > 1 }
      #expect(
        found.map { Array($0.dropFirst()) } == row.cells,
        "\(scan): \(row.label) expected \(row.cells), read \(found.map { $0.joined(separator: " | ") } ?? "no row")"
      )
    }
  }

  /// Page 2 of `make_general_variants.py --seed 4400`'s variant s9 (amount_wan, Noto Serif
  /// 12 pt, style_shadedblue, 2019 form) scanned by `make_scan_variants.py --seed 4401
  /// --no-styles` (g4403, 200 dpi, look scan), by qpdf. The light rule along the top of each
  /// tinted 第二十条 band is a few levels darker than the band: it was found over one column
  /// or none, the row above joined the band round its column rules into a cell that is no
  /// rectangle, and 行政事业性收费 16 | -2 came out as -2 | 16 (two wrong values, a false
  /// `negative` error); 规范性文件 read as 2828174. The values as the page prints them (the
  /// generator's).
  static let shadedBandsPage = "pages/shadedblue-notoserif-2019-scan200-g4403-page2.pdf"

  @Test("a row over a tinted band whose light rule is lost keeps its cells: the shade's edge is one")
  func shadeEdgesAreCellEdges() throws {
    let text = try Samples.scannedText(of: Self.shadedBandsPage)
    #expect(Samples.row(labelled: "规范性文件", in: text, exactly: true) == ["规范性文件", "28", "28", "174"], "\(text)")
    #expect(
      Samples.row(labelled: "其他对外管理服务事项", in: text, exactly: true) == ["其他对外管理服务事项", "42", "-8", "0"],
      "\(text)")
    #expect(Samples.row(labelled: "行政事业性收费", in: text, exactly: true) == ["行政事业性收费", "16", "-2"], "\(text)")
  }

  /// Page 2 of `make_browser_variants.py --seed 4500`'s variant s3 (border_attr, rule_black,
  /// head_darkblue, Noto Serif 12 px at 85%, A4 landscape, 2021 form) photocopied by
  /// `make_scan_variants.py --seed 4501 --no-styles` (g4501, 200 dpi), by qpdf. The navy
  /// bands copied black; 行政许可's row stands alone between two of them, and its column
  /// rules, one row long with no rule at their lower end (the band's side is found later),
  /// were dropped: the row was one cell, read 行政许可 1 8029 (decisions null). 8029 as printed.
  static let rowBetweenBandsPage = "pages/browser-attr-darkblue-2021-photocopy200-g4501-page2.pdf"

  @Test("a row between two black bands keeps its column rule")
  func columnRuleBetweenDarkBands() throws {
    let text = try Samples.scannedText(of: Self.rowBetweenBandsPage)
    #expect(Samples.row(labelled: "行政许可", in: text, exactly: true) == ["行政许可", "8029"], "\(text)")
  }

  @Test("a WPS table 二 scanned at 200 dpi: each row its own line where the shading changes")
  func wpsShadedRows() throws {
    // Page 2 of wps-2021-c scanned at 200 dpi (`make-scan-fixtures.py --photocopy
    // Samples/pdf-styles/wps-2021-c.pdf OUT 3 --look scan --dpi 200`, turned about 2°), its
    // JPEG as generated. The light rules between a shaded row (第二十条, 信息内容) and a white
    // one are a few levels darker than the shading: both rule passes lost them, and 信息内容's
    // header joined 规章's values, 行政规范性文件 its 第二十条 row (2 read as 0, 27 as 收费).
    // The values as the page prints them.
    let document = try PDFDocument(
      path: Samples.scanFolder.appendingPathComponent("pages/wps-2021-c-scan200-g3-page2.pdf").path)
    let result = try ScanReader.read(pdf: document, dpi: 300, jobs: 1)
    let lines = result.text.split(separator: "\n").map { line in
      line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.filter { !$0.isWhitespace } }
    }
    let expected = [
      ["规章", "0", "0", "0"], ["行政规范性文件", "2", "0", "15"], ["行政许可", "2310"], ["行政处罚", "389"],
      ["行政强制", "27"], ["行政事业性收费", "0.86"],
    ]
    for row in expected {
      let found = lines.first { $0.first == row[0] }
      #expect(found == row, "\(row[0]): read \(found.map { $0.joined(separator: " | ") } ?? "no row")")
    }
  }
}
