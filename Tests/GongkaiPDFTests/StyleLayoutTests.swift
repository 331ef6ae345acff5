import Foundation
import GongkaiPDF
import Testing

/// The layout of tables as agencies draw them (i9f's style fixtures in Samples/pdf-styles,
/// Chromium-printed portal pages in Samples/pdf-browser, the real WPS report in
/// Samples/real), checked against the numbers their expected files hold.
@Suite("Tables drawn half-ruled, unruled, light, browser-printed")
struct StyleLayoutTests {
  static let root = Samples.root.appendingPathComponent("Samples")

  /// The extraction of `Samples/<path>.pdf`.
  static func extracted(_ path: String) throws -> ExtractedPDF {
    try PDFTextExtractor.extract(path: root.appendingPathComponent("\(path).pdf").path)
  }

  /// The expected file of `Samples/<path>.pdf`, as nested dictionaries.
  static func expected(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: root.appendingPathComponent("\(path).expected.json"))
    return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
  }

  /// The expected cells of a row, in the order given.
  static func expectedRow(_ path: String, _ table: String, _ row: String, _ keys: [String]) throws -> [String] {
    let tables = try expected(path)
    let cells = try #require((tables[table] as? [String: Any])?[row] as? [String: Any])
    return keys.map { key in (cells[key] as? Int).map(String.init) ?? "?" }
  }

  static let requestKeys = [
    "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
  ]

  @Test(
    "rules on some sides or none: each number of table 二 under its own header column",
    arguments: ["pdf-styles/hrules-2021-a", "pdf-styles/threeline-2021-a", "pdf-styles/norules-2021-a"])
  func unruledProactiveRow(path: String) throws {
    let extracted = try Self.extracted(path)
    let want = try Self.expectedRow(path, "proactive", "normative_documents", ["issued", "repealed", "in_force"])
    let row = try #require(extracted.rows.first { $0.first == "行政规范性文件" }, "\(path): no 行政规范性文件 row")
    // Label, then exactly the three numbers: a centred header over left-aligned numbers
    // shares their column, so no empty field comes between them.
    #expect(row == ["行政规范性文件"] + want, "\(path)")
  }

  @Test(
    "rules on some sides or none: a table-三 row is its label and seven numbers",
    arguments: ["pdf-styles/hrules-2021-a", "pdf-styles/threeline-2021-a", "pdf-styles/norules-2021-a"])
  func unruledRequestRow(path: String) throws {
    let extracted = try Self.extracted(path)
    let want = try Self.expectedRow(path, "requests", "new", Self.requestKeys)
    let row = try #require(extracted.rows.first { $0.first?.hasPrefix("一、本年新收") == true })
    #expect(Array(row.dropFirst()) == want, "\(path): \(row)")
  }

  @Test(
    "a number wrapped in a narrow unruled column is put back together",
    // hrules-2019-d: both pieces of 143 and of 171 fall into the label's line.
    arguments: ["pdf-styles/threeline-2019-d", "pdf-styles/hrules-2019-d"])
  func wrappedNumber(path: String) throws {
    let want = try Self.expectedRow(path, "requests", "new", Self.requestKeys)
    #expect(want.first.map { $0.count >= 3 } == true, "the fixture's first cell is the wrapped one")
    let row = try #require(try Self.extracted(path).rows.first { $0.first?.hasPrefix("一、本年新收") == true })
    #expect(Array(row.dropFirst()) == want, "\(row)")
  }

  @Test("browser-printed: table 四's fifteen numbers are one row, not joined to the header text")
  func browserAppealsRow() throws {
    let path = "pdf-browser/browser-2021-a"
    let groups = ["review", "litigation_direct", "litigation_after_review"]
    let keys = ["upheld", "corrected", "other", "pending", "total"]
    var want: [String] = []
    for group in groups { want += try Self.expectedRow(path, "appeals", group, keys) }
    let rows = try Self.extracted(path).rows.map { $0.filter { !$0.isEmpty } }
    #expect(rows.contains(want), "no row holds \(want)")
  }

  @Test("browser-printed: the two lines of a wrapped label are not merged into one line")
  func browserWrappedLabel() throws {
    let text = try Self.extracted("pdf-browser/browser-2021-b").text
    // The label of （六）1. wraps over two lines in a narrow cell; merged lines would
    // interleave the characters of both.
    #expect(text.contains("1.申请人无正当理由逾期不补正"))
  }

  @Test("the real WPS report: table 二's 第二十条 blocks and table 四 are read as rows")
  func realWPSReport() throws {
    let rows = try Self.extracted("real/huaian-city-2024").rows
    #expect(rows.contains(["规章", "1", "0", "11"]))
    #expect(rows.contains(["行政规范性文件", "8", "26", "66"]))
    #expect(rows.contains(["行政许可", "447228"]))
    #expect(rows.contains(["行政事业性收费", "96171.6"]))
    #expect(rows.contains(["72", "64", "178", "37", "351", "13", "4", "8", "1", "26", "12", "1", "1", "6", "20"]))
  }
}
