import Foundation
import GongkaiCore
import Testing

/// A 2021-form report whose tables 二 and 四 are given as tab-separated rows, the way the
/// PDF layout writes a drawn grid (an empty field is an empty cell).
func report2021(
  proactive: String, appeals: String, heading: String = "二、主动公开政府信息情况",
  requests: String = "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1"
) -> String {
  """
  某某县人民政府2023年政府信息公开工作年度报告
  一、总体情况
  本机关认真做好政府信息公开工作。
  \(heading)
  \(proactive)
  三、收到和处理政府信息公开申请情况
  \(requests)
  四、政府信息公开行政复议、行政诉讼情况
  \(appeals)
  五、存在的主要问题及改进情况
  无。
  六、其他需要报告的事项
  无。
  """
}

let proactiveRows = """
  第二十条第（一）项
  信息内容\t本年制发件数\t本年废止件数\t现行有效件数
  规章\t1\t0\t5
  行政规范性文件\t3\t1\t20
  """

let appealRow = "1\t1\t1\t2\t5\t4\t2\t4\t4\t14\t1\t2\t4\t2\t9"

/// `text` read as the scan reader's text of a 3-page scanned PDF.
private func scannedReport(_ text: String, uncertain: [UncertainCell] = []) throws -> Report {
  try ReportPipeline().report(
    text: text,
    source: SourceInfo(
      file: "scan.pdf", sha256: SHA256.hexDigest(Array(text.utf8)), kind: .pdf, pages: 3, textLayer: .ocr),
    uncertain: uncertain)
}

private func findings(_ report: Report, rule: String) -> Set<String> {
  Set(report.findings.filter { $0.rule == rule }.map(\.location))
}

@Suite("Blank cells and headings inside a drawn grid")
struct GridCellTests {
  @Test("a blank first value cell is a placeholder, and the row's values stay in their columns")
  func blankFirstCell() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "规章\t\t0\t5")
    let report = try Fixtures.report(ofText: report2021(proactive: table, appeals: appealRow))
    #expect(report.proactive.cell("rules", "issued") == .some(nil))
    #expect(report.proactive.cell("rules", "repealed") == .some(.count(0)))
    #expect(report.proactive.cell("rules", "in_force") == .some(.count(5)))
    #expect(findings(report, rule: "placeholder").contains("proactive.rules.issued"))
    #expect(!findings(report, rule: "missing").contains("proactive.rules.issued"))
  }

  @Test(
    "a cell a scan reader could not read (U+FFFD) is null with ocr_low_confidence, the row's values in their columns")
  func unreadCell() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "规章\t\u{FFFD}\t0\t5")
    let text = report2021(proactive: table, appeals: appealRow)
    let report = try scannedReport(text)
    #expect(report.proactive.cell("rules", "issued") == .some(nil))
    #expect(report.proactive.cell("rules", "repealed") == .some(.count(0)))
    #expect(report.proactive.cell("rules", "in_force") == .some(.count(5)))
    #expect(findings(report, rule: "ocr_low_confidence") == ["proactive.rules.issued"])
    #expect(!findings(report, rule: "missing").contains("proactive.rules.issued"))
    #expect(!findings(report, rule: "placeholder").contains("proactive.rules.issued"))
  }

  @Test(
    "a value cell of damaged bytes in a text file (U+FFFD, not OCR) is null with a missing error naming damaged bytes")
  func damagedBytesCell() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "规章\tBAD\t0\t5")
    // One byte that starts no UTF-8 sequence where the cell's 1 was.
    let parts = report2021(proactive: table, appeals: appealRow).components(separatedBy: "BAD")
    let data = Data(parts[0].utf8) + Data([0xFF]) + Data(parts[parts.count - 1].utf8)
    let report = try Fixtures.report(ofData: data, file: "damaged.txt")
    #expect(report.repairs.contains { $0.kind == "invalid_bytes" })
    #expect(report.proactive.cell("rules", "issued") == .some(nil))
    #expect(report.proactive.cell("rules", "repealed") == .some(.count(0)))
    #expect(report.proactive.cell("rules", "in_force") == .some(.count(5)))
    #expect(findings(report, rule: "ocr_low_confidence").isEmpty)
    let missing = report.findings.filter { $0.rule == "missing" && $0.location == "proactive.rules.issued" }
    #expect(missing.count == 1)
    #expect(missing.first?.severity == .error)
    #expect(missing.first?.message.contains("damaged") == true)
    #expect(missing.first?.message.contains("scan") == false)
  }

  @Test(
    "table 四 on one line with one value not read: no value is placed by order after an unknown gap, all are unread")
  func appealsOneValueShort() throws {
    // 1 1 1 2 5 | 4 2 4 4 14 | 1 2 4 2 9 with litigation_direct.other (4) not read by the scan:
    // by order 14 1 2 4 2 9 would land one cell early.
    let row = "1\t1\t1\t2\t5\t4\t2\t4\t14\t1\t2\t4\t2\t9"
    let text = report2021(proactive: proactiveRows, appeals: row)
    let report = try scannedReport(text)
    let columns = ["upheld", "corrected", "other", "pending", "total"]
    let groups = ["review", "litigation_direct", "litigation_after_review"]
    for group in groups {
      #expect(columns.allSatisfy { report.appeals.cell(group, $0) == .some(nil) }, "\(group)")
    }
    #expect(
      findings(report, rule: "ocr_low_confidence")
        == Set(groups.flatMap { group in columns.map { "appeals.\(group).\($0)" } }))
    #expect(report.findings.filter { $0.severity == .error && $0.location.hasPrefix("appeals") }.isEmpty)
  }

  /// As scans of browser-printed pages and sealed reports were read (s18brw set 1501 s9, s1200
  /// lightblue-2021-a-v31): a row whose values just end lost cells somewhere; one whose values
  /// stop at text on their line (a seal over its right end) has them in their places.
  @Test("a scanned row that stops short is null with warnings, unless text stands after its values on their line")
  func scannedRowStoppingShort() throws {
    func report(_ requests: String) throws -> Report {
      let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: requests)
      return try scannedReport(text)
    }
    let short = try report("一、本年新收政府信息公开申请数量\t9\t5\t3\t3\t5")
    #expect(short.requests.cell("new", "natural_person") == .some(nil))
    #expect(short.requests.cell("new", "other_org") == .some(nil))
    #expect(findings(short, rule: "ocr_low_confidence").contains("requests.new.natural_person"))
    let sealed = try report("一、本年新收政府信息公开申请数量\t11\t5\t1\t1\t1\t朋\t. 大）")
    #expect(sealed.requests.cell("new", "natural_person") == .some(.count(11)))
    #expect(sealed.requests.cell("new", "legal_services") == .some(.count(1)))
    #expect(sealed.requests.cell("new", "total") == .some(nil))
    #expect(findings(sealed, rule: "ocr_low_confidence").contains("requests.new.total"))
    #expect(!findings(sealed, rule: "missing").contains("requests.new.total"))
  }

  @Test("a doubtful OCR read the arithmetic contradicts is null with its finding; one it confirms stays")
  func doubtfulReadsCheckedByArithmetic() throws {
    func report(row: String, doubtful: [(field: Int, confidence: Double)]) throws -> Report {
      let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: row)
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
      let line = (lines.firstIndex { $0.hasPrefix("一、本年新收") } ?? 0) + 1
      return try ReportPipeline().report(
        text: text,
        source: SourceInfo(
          file: "scan.pdf", sha256: SHA256.hexDigest(Array(text.utf8)), kind: .pdf, pages: 3, textLayer: .ocr),
        uncertain: doubtful.map { UncertainCell(line: line, field: $0.field, value: "?", confidence: $0.confidence) })
    }
    // 2 + 0 + … = 2: the doubtful 2 is confirmed by its row's total.
    let confirmed = try report(row: "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2", doubtful: [(1, 0)])
    #expect(confirmed.requests.cell("new", "natural_person") == .some(.count(2)))
    #expect(findings(confirmed, rule: "row_total").isEmpty)
    // A doubtful total of 7 where the row sums to 2, and the row's 2 doubtful too: dropping
    // either clears the row_total error, and no check that adds up vouches for one of them,
    // so neither is kept, whichever was read with more confidence (a guess either way).
    for confidences in [(80.0, 10.0), (10.0, 80.0)] {
      let contradicted = try report(
        row: "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t7",
        doubtful: [(1, confidences.0), (7, confidences.1)])
      #expect(contradicted.requests.cell("new", "total") == .some(nil))
      #expect(contradicted.requests.cell("new", "natural_person") == .some(nil))
      #expect(contradicted.requests.cell("new", "commercial") == .some(.count(0)))
      #expect(
        findings(contradicted, rule: "ocr_low_confidence") == ["requests.new.natural_person", "requests.new.total"])
      #expect(
        contradicted.findings.contains {
          $0.location == "requests.new.total" && $0.message.contains("arithmetic contradicts")
        })
      #expect(!findings(contradicted, rule: "row_total").contains("requests.new.total"))
      #expect(!findings(contradicted, rule: "missing").contains("requests.new.total"))
    }
    // Only the 7 doubtful: the sure 2 and zeros vouch for the row, the 7 goes.
    let single = try report(row: "一、本年新收政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t7", doubtful: [(7, 80)])
    #expect(single.requests.cell("new", "total") == .some(nil))
    #expect(single.requests.cell("new", "natural_person") == .some(.count(2)))
  }

  @Test("a blank last cell is a placeholder, not missing")
  func blankLastCell() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "规章\t1\t0\t")
    let report = try Fixtures.report(ofText: report2021(proactive: table, appeals: appealRow))
    #expect(report.proactive.cell("rules", "issued") == .some(.count(1)))
    #expect(report.proactive.cell("rules", "in_force") == .some(nil))
    #expect(findings(report, rule: "placeholder") == ["proactive.rules.in_force"])
    #expect(!findings(report, rule: "missing").contains { $0.hasPrefix("proactive.rules") })
  }

  @Test("a row left blank in the grid gives placeholders for every cell")
  func blankRow() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "规章\t\t\t")
    let report = try Fixtures.report(ofText: report2021(proactive: table, appeals: appealRow))
    #expect(report.proactive.cell("rules", "issued") == .some(nil))
    #expect(
      findings(report, rule: "placeholder")
        == ["proactive.rules.issued", "proactive.rules.repealed", "proactive.rules.in_force"])
    #expect(!findings(report, rule: "missing").contains { $0.hasPrefix("proactive.rules") })
    #expect(report.proactive.cell("normative_documents", "issued") == .some(.count(3)))
  }

  @Test("an empty field left by a label merged over two columns is not a cell")
  func mergedLabelRemnant() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "规章\t\t1\t0\t5")
    let report = try Fixtures.report(ofText: report2021(proactive: table, appeals: appealRow))
    #expect(report.proactive.cell("rules", "issued") == .some(.count(1)))
    #expect(report.proactive.cell("rules", "in_force") == .some(.count(5)))
    #expect(findings(report, rule: "placeholder").isEmpty)
  }

  @Test("a blank first cell of table 四 is a placeholder and the other fourteen stay put")
  func blankAppealsCell() throws {
    let header = "行政复议\t行政诉讼\n\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"
    let row = "\t" + appealRow.split(separator: "\t").dropFirst().joined(separator: "\t")
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: header + "\n" + row))
    #expect(report.appeals.cell("review", "upheld") == .some(nil))
    #expect(report.appeals.cell("review", "corrected") == .some(.count(1)))
    #expect(report.appeals.cell("litigation_after_review", "total") == .some(.count(9)))
    #expect(findings(report, rule: "placeholder") == ["appeals.review.upheld"])
    #expect(!findings(report, rule: "missing").contains { $0.hasPrefix("appeals") })
  }

  @Test("a letter-spaced section heading in a table's first row opens its section")
  func headingInTableRow() throws {
    let text = report2021(
      proactive: proactiveRows, appeals: appealRow, heading: "二、主\t动公开\t政\t府\t信\t息\t\t情\t况")
    let report = try Fixtures.report(ofText: text)
    #expect(report.proactive.cell("rules", "in_force") == .some(.count(5)))
    #expect(report.proactive.cell("normative_documents", "in_force") == .some(.count(20)))
    #expect(findings(report, rule: "missing").allSatisfy { !$0.hasPrefix("proactive.rules") })
  }

  @Test("a table row with numbers is never taken for a heading")
  func numberedRowIsNoHeading() throws {
    let text = report2021(
      proactive: proactiveRows + "\n四、政府信息公开行政复议、行政诉讼情况\t3", appeals: appealRow)
    let report = try Fixtures.report(ofText: text)
    // The row with a number stays in table 二; table 四 still starts at its own heading.
    #expect(report.appeals.cell("review", "upheld") == .some(.count(1)))
  }

  /// Table 二 of a light-blue browser-printed scan (s7-g2503, page 2) as the scan reader
  /// gives it: the 规章 row's label cell, first under the header band, read as nothing.
  static let emptyRulesLabel = """
    第二十条第（一）项
    信息内容\t本年制发件数\t本年废止件数\t现行有效件数
    \t0\t0\t0
    行政规范性文件\t19\t2\t87
    第二十条第（五）项
    信息内容\t本年处理决定数量
    行政许可\t1969
    第二十条第（六）项
    信息内容\t本年处理决定数量
    行政处罚\t140
    行政强制\t1
    第二十条第（八）项
    信息内容\t本年收费金额（单位: 万元）
    行政事业性收费\t197900元
    """

  @Test("the first row's values under an empty label cell, the next row named by its own, are the first row's")
  func emptyFirstLabelCell() throws {
    let report = try Fixtures.report(ofText: report2021(proactive: Self.emptyRulesLabel, appeals: appealRow))
    #expect(report.proactive.cell("rules", "issued") == .some(.count(0)))
    #expect(report.proactive.cell("rules", "repealed") == .some(.count(0)))
    #expect(report.proactive.cell("rules", "in_force") == .some(.count(0)))
    #expect(report.proactive.cell("normative_documents", "issued") == .some(.count(19)))
    #expect(report.repairs.contains { $0.kind == "row_realigned" && $0.detail.contains("规章") })
    #expect(!findings(report, rule: "missing").contains("proactive.rules.issued"))
  }

  @Test("values under an empty first label cell stay unread when the next label is not the form's next row")
  func emptyFirstLabelCellOutOfOrder() throws {
    // The 行政规范性文件 row left out: the label after the values names 行政许可, two rows on,
    // so which row the values are cannot be told.
    let table = Self.emptyRulesLabel.replacingOccurrences(of: "行政规范性文件\t19\t2\t87\n", with: "")
    let report = try Fixtures.report(ofText: report2021(proactive: table, appeals: appealRow))
    #expect(report.proactive.cell("rules", "issued") == .some(nil))
    #expect(report.proactive.cell("normative_documents", "issued") == .some(nil))
    #expect(report.proactive.cell("licensing", "decisions") == .some(.count(1969)))
  }

  @Test("header text before the first row's values on their own line is no empty label cell")
  func headerBeforeValuesNotEmptyLabel() throws {
    // Values on the header's own line (no empty first field of their own): not placed by order.
    let table = Self.emptyRulesLabel.replacingOccurrences(of: "现行有效件数\n\t0\t0\t0", with: "现行有效件数\t0\t0\t0")
    let report = try Fixtures.report(ofText: report2021(proactive: table, appeals: appealRow))
    #expect(report.proactive.cell("rules", "issued") == .some(nil))
    #expect(report.proactive.cell("normative_documents", "issued") == .some(.count(19)))
  }

  /// As sealed scans were read (seal seed 2800's lightblue-2021-a-v13: `3. 其他 1 | | 0 | 0 | 1 …`,
  /// a red seal's ring in the label cell read as 1 and the 0 under it as nothing; seed 1200's
  /// shadedgrey-2019-d-v17: `（六）其他处理 7 | 6 | 1 …`): a number in the label's own field,
  /// with a field for each of the row's cells after it, is no value of the row.
  @Test("a number in a scanned label's cell before a field for each of the row's cells is no value")
  func numberInLabelCellBeforeFullRow() throws {
    func report(_ requests: String) throws -> Report {
      let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: requests)
      return try scannedReport(text)
    }
    let columns = [
      "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
    ]
    // The row prints 0 0 0 1 0 0 1; its first cell read as nothing.
    let blankFirst = try report("一、本年新收政府信息公开申请数量 1\t\t0\t0\t1\t0\t0\t1")
    #expect(blankFirst.requests.cell("new", "natural_person") == .some(nil))
    for (column, value) in zip(columns.dropFirst(), [0, 0, 1, 0, 0, 1]) {
      #expect(blankFirst.requests.cell("new", column) == .some(.count(value)), "\(column)")
    }
    #expect(findings(blankFirst, rule: "row_total").isEmpty)
    // The row prints 6 1 0 0 0 0 7, every cell read.
    let full = try report("一、本年新收政府信息公开申请数量 7\t6\t1\t0\t0\t0\t0\t7")
    for (column, value) in zip(columns, [6, 1, 0, 0, 0, 0, 7]) {
      #expect(full.requests.cell("new", column) == .some(.count(value)), "\(column)")
    }
    #expect(findings(full, rule: "row_total").isEmpty)
    // The label's cell and the first value's as one field (their rule lost): one field short of
    // the row's cells after it, the number is the row's first value.
    let merged = try report("一、本年新收政府信息公开申请数量 6\t1\t0\t0\t0\t0\t7")
    for (column, value) in zip(columns, [6, 1, 0, 0, 0, 0, 7]) {
      #expect(merged.requests.cell("new", column) == .some(.count(value)), "\(column)")
    }
  }
}

@Suite("Page furniture of printed web pages")
struct PageFurnitureTests {
  private let page = """
    2024/1/22 10:31 某某县人民政府2023年政府信息公开工作年度报告_某某县人民政府
    某某县人民政府门户网站
    www.mouxian.gov.cn
    首页 政务公开 政务服务 互动交流 走进某某
    当前位置：首页 > 政务公开 > 政府信息公开年报
    某某县人民政府2023年政府信息公开工作年度报告
    发布时间：2024-01-20 09:30 来源：县政府办 浏览次数：1234 字号：[大 中 小]
    一、总体情况
    2023年，我县通过门户网站主动公开信息，来源于各部门的报送。
    二、主动公开政府信息情况
    规章\t1\t0\t5
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
    四、政府信息公开行政复议、行政诉讼情况
    0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0
    五、存在的主要问题及改进情况
    无。
    六、其他需要报告的事项
    无。
    某某县人民政府办公室
    2024年1月20日
    【打印本页】【关闭窗口】
    主办单位：某某县人民政府办公室 网站标识码：3400000001 皖ICP备12345678号
    https://www.mouxian.gov.cn/zwgk/2024/0120/123.html 3/3
    """

  /// (Between pages, the browser's repeated header and footer are dropped by the PDF
  /// layout; here they stand above the report and after its signature.)
  @Test("the portal's and the browser's lines are dropped, the report's own are kept")
  func furnitureDropped() throws {
    let document = ReportPipeline().repair(page)
    let dropped = document.repairs.filter { $0.kind == "page_furniture" }
    #expect(dropped.count == 9, "\(dropped.map(\.detail))")
    #expect(document.narrative["overview"]?.contains("来源于各部门") == true)
    let report = try Fixtures.report(ofText: page)
    #expect(report.meta.title == "某某县人民政府2023年政府信息公开工作年度报告")
    #expect(report.meta.published == "2024-01-20")
  }

  @Test("every pattern of Models/web-furniture.json's lines compiles")
  func patternsCompile() throws {
    for rule in TemplateCatalog.standard.pageFurniture {
      #expect(throws: Never.self, "\(rule.id)") { _ = try NSRegularExpression(pattern: rule.pattern) }
    }
    #expect(TemplateCatalog.standard.pageFurniture.count >= 8)
  }

  /// As sealed scans were read (seal seed 2800's lightblue-2019-b-v30: `（六）其他处理` with 6
  /// cells, one blank, for 7 columns): a scanned row whose values cannot be placed is unread,
  /// null with `ocr_low_confidence` warnings; the same row in a text export is `missing`.
  @Test("a scanned row whose cells cannot be placed is null with ocr_low_confidence, not missing")
  func unplacedScannedRowIsUnread() throws {
    let requests = "一、本年新收政府信息公开申请数量\t9\t5\t\t3\t5\t22"
    let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: requests)
    let scanned = try scannedReport(text)
    #expect(scanned.requests.cell("new", "natural_person") == .some(nil))
    #expect(findings(scanned, rule: "ocr_low_confidence").contains("requests.new.natural_person"))
    #expect(!findings(scanned, rule: "missing").contains("requests.new.natural_person"))
    let exported = try Fixtures.report(ofText: text)
    #expect(exported.requests.cell("new", "natural_person") == .some(nil))
    #expect(findings(exported, rule: "missing").contains("requests.new.natural_person"))
  }

  /// As seal seed 2800's threeline-2019-b-v00 was read: the heading 四、政府信息公开行政复议、
  /// 行政诉讼情况 after table 三 with a seal's mark read as `-` at its end, in table 三's lines;
  /// the mark was taken for a surplus value of the last row, and 四、结转下年度继续办理's values
  /// (all read right) were left unread.
  @Test("a mark after text naming no row, below the table's last row, leaves that row as read")
  func markAfterTextBelowLastRow() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
      四、结转下年度继续办理\t2\t0\t0\t1\t0\t0\t3
      注：本表据年末统计\t-
      """
    let report = try Fixtures.report(
      ofText: report2021(proactive: proactiveRows, appeals: appealRow, requests: requests))
    let columns = [
      "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
    ]
    for (column, value) in zip(columns, [2, 0, 0, 1, 0, 0, 3]) {
      #expect(report.requests.cell("carried_forward", column) == .some(.count(value)), "\(column)")
    }
    // The same mark right under the row, no text between: which values are the row's cannot be told.
    let surplus = requests.replacingOccurrences(of: "注：本表据年末统计\t-", with: "7")
    let doubted = try Fixtures.report(
      ofText: report2021(proactive: proactiveRows, appeals: appealRow, requests: surplus))
    #expect(doubted.requests.cell("carried_forward", "natural_person") == .some(nil))
  }

  /// As a fresh scan was read (make_scan_variants.py --seed 2901, AR PL UKai at 9 pt: 行政许可
  /// 5767 read 9767 with confidence 95, the overview saying 作出行政许可决定5767件): a scanned
  /// count one digit off the narrative's figure for it is null with a finding naming both.
  @Test("a scanned count one digit off the narrative's figure is null with ocr_low_confidence; further off it stays")
  func scannedCountOneDigitOffNarrative() throws {
    func report(_ sentence: String, kind: SourceInfo.Kind = .pdf) throws -> Report {
      let text = report2021(proactive: proactiveRows, appeals: appealRow)
        .replacingOccurrences(of: "本机关认真做好政府信息公开工作。", with: sentence)
      return try ReportPipeline().report(
        text: text,
        source: SourceInfo(
          file: "scan.pdf", sha256: SHA256.hexDigest(Array(text.utf8)), kind: kind, pages: 3,
          textLayer: kind == .pdf ? .ocr : nil))
    }
    // The table reads 行政规范性文件 3 制发.
    let near = try report("全年制发行政规范性文件8件。")
    #expect(near.proactive.cell("normative_documents", "issued") == .some(nil))
    #expect(findings(near, rule: "ocr_low_confidence").contains("proactive.normative_documents.issued"))
    #expect(findings(near, rule: "narrative_mismatch").isEmpty)
    // 3 against 12: a real contradiction, not a misread glyph; the value stays, flagged.
    let far = try report("全年制发行政规范性文件12件。")
    #expect(far.proactive.cell("normative_documents", "issued") == .some(.count(3)))
    #expect(!findings(far, rule: "narrative_mismatch").isEmpty)
    // A text export is read as printed: its numbers are the report's own.
    let exported = try report("全年制发行政规范性文件8件。", kind: .text)
    #expect(exported.proactive.cell("normative_documents", "issued") == .some(.count(3)))
  }

  /// As a fresh scan was read (make_scan_variants.py --seed 2901, AR PL UMing, WPS style: the
  /// wrapped labels 1.本机关不掌握相关政府信息 and 2.没有现成信息需要另行制作 each read as 人): the
  /// second row's values were passed over under no row of the form, and 2.没有现成信息需要另行制作
  /// had 7 missing errors. Its cells are unread: the values passed over stand where it does.
  @Test("a scanned row found nowhere, where values were passed over in its place, is unread, not missing")
  func rowWhereValuesWerePassedOver() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t25\t0\t1\t3\t0\t0\t29
      \t\t8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0
      \t（四）无法提供\t人\t0\t0\t1\t3\t0\t0\t4
      \t\t人\t0\t0\t0\t0\t0\t0\t0
      \t\t3.补正后申请内容仍不明确\t14\t0\t0\t0\t0\t0\t14
      \t（五）不予处理\t1.信访举报投诉类申请\t0\t2\t0\t0\t0\t0\t2
      """
    let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: requests)
    let scanned = try scannedReport(text)
    #expect(scanned.requests.cell("unable_unclear", "total") == .some(.count(14)))
    #expect(scanned.requests.cell("unable_needs_creation", "total") == .some(nil))
    #expect(findings(scanned, rule: "ocr_low_confidence").contains("requests.unable_needs_creation.total"))
    #expect(!findings(scanned, rule: "missing").contains("requests.unable_needs_creation.total"))
    // A row the scan shows no sign of (granted, far from the values passed over) stays missing.
    #expect(findings(scanned, rule: "missing").contains("requests.granted.total"))
  }

  /// As a fresh scan was read (make_general_variants --seed 2900 s4, AR PL UMing, WPS style,
  /// scanned by make_scan_variants --seed 2901): the header's text crosses the faint rule above
  /// 规章, so the heading, the header and 规章's row were one cell, read as noise with a mark the
  /// scan could not read; 规章 had 3 missing errors. Its cells are unread.
  @Test("a scanned row found nowhere, where label text holds unread marks in its place, is unread, not missing")
  func rowWhereTextWasUnread() throws {
    func scanned(header: String) throws -> Report {
      let proactive = """
        \(header)
        行政规范性文件\t3\t1\t20
        """
      return try scannedReport(report2021(proactive: proactive, appeals: appealRow))
    }
    let noisy = try scanned(header: "第二十条第（一）项不生新公开牙晤 \u{FFFD}对下全于总下晤\n作只\t到年新作数间是")
    #expect(noisy.proactive.cell("normative_documents", "in_force") == .some(.count(20)))
    for column in ["issued", "repealed", "in_force"] {
      #expect(noisy.proactive.cell("rules", column) == .some(nil), "\(column)")
      #expect(findings(noisy, rule: "ocr_low_confidence").contains("proactive.rules.\(column)"), "\(column)")
    }
    #expect(!findings(noisy, rule: "missing").contains { $0.hasPrefix("proactive.rules.") })
    // Where the scan read the header whole and no row between, the row is missing.
    let clean = try scanned(header: "第二十条第（一）项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数")
    let rules: Set<String> = ["proactive.rules.issued", "proactive.rules.repealed", "proactive.rules.in_force"]
    #expect(findings(clean, rule: "missing").intersection(rules) == rules)
  }

  /// As a fresh scan was read (make_seal_variants --seed 3600 v32: lightblue-2019-d under a
  /// large seal over table 三's last rows): the label 5.要求行政机关确认或重新出具已获取信息 under
  /// the seal was not read, its values ran on under row 4's, and row 4 was left unread with
  /// thirteen values for seven cells. Row 5, found nowhere, had seven false `missing` errors.
  @Test("a scanned row found nowhere below a row with more values than cells is unread, not missing")
  func rowLostIntoRowAbove() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t9\t1\t0\t0\t0\t0\t10
      \t\t3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0
      \t\t4. 无正当理由大量反复申请\t\u{FFFD}\t\u{FFFD}\t0\t0\t0\t0
      \t\t\t\u{FFFD}\t\u{FFFD}\t\u{FFFD}\t\u{FFFD}\t0\t0\t1
      \t（六）其他处理\t\u{FFFD}\t1\t\u{FFFD}\t\u{FFFD}\t0\t0\t7
      """
    let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: requests)
    let scanned = try scannedReport(text)
    let confirmation = ["natural_person", "commercial", "total"].map { "requests.rejected_confirmation.\($0)" }
    #expect(findings(scanned, rule: "missing").isDisjoint(with: confirmation))
    #expect(Set(confirmation).isSubset(of: findings(scanned, rule: "ocr_low_confidence")))
    // Typed or exported text is no scan: its row found nowhere is missing.
    let typed = try Fixtures.report(ofText: text)
    #expect(Set(confirmation).isSubset(of: findings(typed, rule: "missing")))
  }

  /// As a fresh scan was read (make_general_variants --seed 3200 s8: a 2019 table 三 without
  /// rules, 26 wrapped as 2 over 6 in the narrow 自然人 and 总计 columns, scanned by
  /// make_scan_variants --seed 3201): the layout put (一)予以公开's 0 0 0 0 0 in the first five
  /// columns and left 总计 blank, and natural_person came out 0 for 26.
  @Test("a scanned row with numbers and a blank 总计 is unread; read from text it keeps its values")
  func blankTotalBesideNumbers() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t55\t10\t0\t2\t1\t1\t69
      三、本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t\t
      \t（二）部分公开（区分处理的，只计这一情形，不计其他情形）\t3\t0\t0\t0\t0\t0\t3
      """
    let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: requests)
    let scanned = try scannedReport(text)
    for column in ["natural_person", "other_org", "total"] {
      #expect(scanned.requests.cell("granted", column) == .some(nil), "\(column)")
      #expect(findings(scanned, rule: "ocr_low_confidence").contains("requests.granted.\(column)"), "\(column)")
    }
    #expect(scanned.requests.cell("partially_granted", "total") == .some(.count(3)))
    #expect(scanned.requests.cell("new", "natural_person") == .some(.count(55)))
    let exported = try Fixtures.report(ofText: text)
    #expect(exported.requests.cell("granted", "natural_person") == .some(.count(0)))
    #expect(findings(exported, rule: "placeholder").contains("requests.granted.total"))
  }

  /// As a fresh browser-print scan was read (make_browser_variants --seed 3300 s0, photocopied
  /// by make_scan_variants --seed 3301: navy header bands copied black, grey UMing print): table
  /// 二 under its heading read as noise, none of its rows found, and each of its 22 cells had a
  /// false missing error. On a scan the table was there and could not be read.
  @Test("a scanned table none of whose rows is read is unread, not missing; a text's stays missing")
  func scannedTableWithNoRowRead() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
      二、上年结转政府信息公开申请数量\t0\t0\t0\t0\t0\t0\t0
      三、本年度办理结果\t（一）予以公开\t1\t0\t0\t0\t0\t0\t1
      """
    let text = report2021(proactive: "团而\n下 国 四外 下\n天 上 = 购| 和 1", appeals: appealRow, requests: requests)
    let scanned = try scannedReport(text)
    #expect(scanned.proactive.cell("rules", "issued") == .some(nil))
    #expect(findings(scanned, rule: "ocr_low_confidence").contains("proactive.rules.issued"))
    #expect(findings(scanned, rule: "ocr_low_confidence").contains("proactive.fees.amount"))
    #expect(!findings(scanned, rule: "missing").contains { $0.hasPrefix("proactive.") })
    let exported = try Fixtures.report(ofText: text)
    #expect(findings(exported, rule: "missing").contains("proactive.rules.issued"))
  }

  /// As a fresh browser-print scan was read (make_browser_variants --seed 2950 s10, scanned by
  /// make_scan_variants --seed 2951: a stacked header's lower cells on the first row's line):
  /// 其他, the header of the last applicant column, named the row 3.其他 and the values after
  /// it (一、本年新收's 6 0 1 2 0 46) went there, 24 rows on: wrong numbers in another row.
  @Test("column headers side by side name no row: the values after them go to none")
  func columnHeadersNameNoRow() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t37\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t
      \t\t6\t0\t1\t2\t0\t46
      二、上年结转政府信息公开申请数量\t6\t1\t1\t1\t1\t1\t11
      """
    let text = report2021(proactive: proactiveRows, appeals: appealRow, requests: requests)
    let scanned = try scannedReport(text)
    for column in ["commercial", "social_welfare", "total"] {
      #expect(scanned.requests.cell("other_other", column) == .some(nil), "\(column)")
    }
    #expect(scanned.requests.cell("carried_over", "total") == .some(.count(11)))
  }

  @Test(
    "a doubted scan count whose point groups its digits (1.020) is that count, with a finding; undoubted it is no count"
  )
  func pointForThousandsComma() throws {
    let table = proactiveRows.replacingOccurrences(of: "行政规范性文件\t3\t1\t20", with: "行政规范性文件\t3\t1\t1.020")
    let text = report2021(proactive: table, appeals: appealRow)
    let line = try #require(text.split(separator: "\n").firstIndex { $0.hasPrefix("行政规范性文件") }) + 1
    let doubted = try scannedReport(
      text, uncertain: [UncertainCell(line: line, field: 3, value: "1.020", confidence: 95)])
    #expect(doubted.proactive.cell("normative_documents", "in_force") == .some(.count(1020)))
    let finding = doubted.findings.first { $0.location == "proactive.normative_documents.in_force" }
    #expect(finding?.rule == "ocr_low_confidence")
    #expect(finding?.message.contains("thousands comma") == true, "\(String(describing: finding))")
    // Read surely, or from a text, a count's "1.020" is printed so: no count, a placeholder.
    for report in [try scannedReport(text), try Fixtures.report(ofText: text)] {
      #expect(report.proactive.cell("normative_documents", "in_force") == .some(nil))
      #expect(findings(report, rule: "placeholder").contains("proactive.normative_documents.in_force"))
    }
  }

  @Test("a scanned title's fixed words with one character misread are mended, with a repair; a text's stay as printed")
  func titleTailMended() throws {
    let text = report2021(proactive: proactiveRows, appeals: appealRow)
      .replacingOccurrences(of: "2023年政府信息公开工作年度报告", with: "2023年政府信息公开=作年度报告")
    let scanned = try scannedReport(text)
    #expect(scanned.meta.title == "某某县人民政府2023年政府信息公开工作年度报告")
    #expect(scanned.repairs.contains { $0.kind == "ocr_correction" && $0.detail.contains("=作") })
    #expect(try Fixtures.report(ofText: text).meta.title == "某某县人民政府2023年政府信息公开=作年度报告")
    // Two characters off is no misread of one: left as read.
    let twice = text.replacingOccurrences(of: "=作年度报告", with: "=作年废报告")
    #expect(try scannedReport(twice).meta.title == "某某县人民政府2023年政府信息公开=作年废报告")
  }

  @Test("specks read as marks before a scanned title's body are no part of it")
  func marksBeforeTitle() throws {
    let text = report2021(proactive: proactiveRows, appeals: appealRow)
    let title = "某某县人民政府2023年政府信息公开工作年度报告"
    // g4404's page 1 (`make_general_variants.py --seed 4400` s10 scanned with --seed 4401):
    // two specks over the title read as A，.
    let marked = try scannedReport(text.replacingOccurrences(of: title, with: "A，" + title))
    #expect(marked.meta.title == title)
    #expect(marked.meta.agency == "某某县人民政府")
  }
}
