import Foundation
import GongkaiCore
import Testing

/// A minimal 2019-form report whose table 三 rows are given as text, for testing how
/// rows and labels are rebuilt.
private func report2019(requestsTable: String, narrative: String = "本机关认真做好政府信息公开工作。") -> String {
  """
  某某局2020年政府信息公开工作年度报告
  一、总体情况
  \(narrative)
  二、主动公开政府信息情况
  信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量
  规章\t1\t1\t1
  规范性文件\t2\t2\t2
  三、收到和处理政府信息公开申请情况
  \(requestsTable)
  四、政府信息公开行政复议、行政诉讼情况
  0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0
  五、存在的主要问题及改进情况
  无。
  六、其他需要报告的事项
  无。
  """
}

/// Seven values for a row of table 三 whose total is right.
private let rowValues = "1\t2\t0\t0\t0\t0\t3"

private func repairs(_ text: String, kind: String) -> [Repair] {
  ReportPipeline().repair(text).repairs.filter { $0.kind == kind }
}

@Suite("Repair rules")
struct RepairTests {
  @Test(
    "page markers are removed wherever they stand",
    arguments: ["—5—", "- 5 -", "-3-", "第5页", "第 5 页 共 12 页", "— 12 —", "3/12"])
  func pageMarker(marker: String) throws {
    let text = report2019(requestsTable: "一、本年新收政府信息公开申请数量\t1\t2\n\(marker)\n0\t0\t0\t0\t3")
    let report = try Fixtures.report(ofText: text)
    #expect(report.requests.cell("new", "total") == .some(.count(3)))
    #expect(report.repairs.contains { $0.kind == "page_marker" && $0.line == 10 })
  }

  @Test("a negative number on its own line is a value, not a page marker")
  func negativeIsNotAPageMarker() {
    let document = ReportPipeline().repair(report2019(requestsTable: "一、本年新收政府信息公开申请数量\n-3\n0\n0\n0\n0\n0\n-3"))
    #expect(document.repairs.allSatisfy { $0.kind != "page_marker" })
    #expect(document.requests?.row("new")?.cells.first == .number(ExactDecimal(significand: -3), unit: nil, raw: "-3"))
  }

  @Test("markdown bold and list dashes are stripped from narrative")
  func strayMarkup() throws {
    let text = report2019(requestsTable: "", narrative: "一是加强领导。**二是**完善制度。\n- 1. 建立长效机制。**对照问题整改。")
    let report = try ReportPipeline().report(
      text: text, source: SourceInfo(file: "t.txt", sha256: "", kind: .text))
    #expect(report.sections.overview == "一是加强领导。二是完善制度。\n1. 建立长效机制。对照问题整改。")
    #expect(report.repairs.filter { $0.kind == "stray_markup" }.count == 2)
  }

  @Test("full-width digits and spaces in cells are read as numbers")
  func fullWidthDigits() throws {
    let report = try Fixtures.report(ofText: report2019(requestsTable: "一、本年新收政府信息公开申请数量\t１\t２\t０\t　０\t0\t0\t３"))
    #expect(report.requests.cell("new", "natural_person") == .some(.count(1)))
    #expect(report.requests.cell("new", "total") == .some(.count(3)))
    #expect(!repairs(report2019(requestsTable: "一、本年新收政府信息公开申请数量\t１\t２\t０\t０\t0\t0\t３"), kind: "full_width").isEmpty)
  }

  @Test("a cell split over lines is joined back")
  func joinedCell() throws {
    let table = "\t一、本年新收政府信息\n公开申请数量\n\t1\n\t2\n\t0\n\t0\n\t0\n\t0\n\t3"
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("new", "total") == .some(.count(3)))
    #expect(repairs(report2019(requestsTable: table), kind: "joined_cell").count == 1)
  }

  @Test("a row's label and values on a line without tabs, after a row ending in a blank cell, keep their own row")
  func labelAndValuesAfterBlankLastCell() throws {
    // A generated 2019 report (norules, seed 17 s37) at a page's head: the row above (the
    // rest of a label) ends in blank cells, the next row's label and values come on a line without tabs, the
    // rest of its label on the line after. Read before: both lines went into the blank
    // cell (…0 0 0 0 0 0定”), so 3.危及's total was lost and the next label began with 0.
    let table = [
      "（三）不予公开\t1.属于国家秘密\t0\t0\t0\t0\t0\t0\t0",
      "\t2.其他法律行政法规\t0\t1\t0\t0\t0\t0\t1",
      "\t禁止公开\t\t\t\t\t\t\t",
      "3.危及“三安全一稳 0 0 0 0 0 0 0",
      "定”",
      "4.保护第三方合法权 0 2 0 0 0 0 2",
      "益",
    ].joined(separator: "\n")
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("denied_security_stability", "social_welfare") == .some(.count(0)))
    #expect(report.requests.cell("denied_security_stability", "total") == .some(.count(0)))
    #expect(report.requests.cell("denied_third_party", "total") == .some(.count(2)))
    #expect(!repairs(report2019(requestsTable: table), kind: "joined_cell").contains { $0.detail.contains("定”") })
  }

  @Test("a vertical header one character per line is joined")
  func verticalHeader() throws {
    let table = "\t三\n、\n本\n年\n度\n办\n理\n结\n果\n\t（一）予以公开\n\t\(rowValues.replacingOccurrences(of: "\t", with: "\n\t"))"
    let document = ReportPipeline().repair(report2019(requestsTable: table))
    #expect(document.repairs.contains { $0.kind == "vertical_header" && $0.detail.hasSuffix("三、本年度办理结果") })
    #expect(document.requests?.row("granted")?.cells.last == .number(ExactDecimal(significand: 3), unit: nil, raw: "3"))
  }

  /// Every known variant in Models/label-variants.json of a table-三 label.
  static let requestVariants: [(official: String, variant: String)] = {
    TemplateCatalog.standard.labelVariants.flatMap { official, variants in variants.map { (official, $0) } }
      .filter { pair in TemplateCatalog.standard.templates[0].requests.rows.contains { $0.label == pair.official } }
      .sorted { $0.variant < $1.variant }
  }()

  @Test("every known label variant maps to its row", arguments: requestVariants.map(\.variant))
  func knownVariant(variant: String) throws {
    guard let official = Self.requestVariants.first(where: { $0.variant == variant })?.official,
      let row = TemplateCatalog.standard.templates[0].requests.rows.first(where: { $0.label == official })
    else {
      Issue.record("variant \(variant) has no row")
      return
    }
    let report = try Fixtures.report(ofText: report2019(requestsTable: "\(variant)\t\(rowValues)"))
    #expect(report.requests.cell(row.key, "total") == .some(.count(3)), "\(variant) → \(row.key)")
  }

  @Test(
    "label typos and variants seen in real reports map to their rows",
    arguments: [
      ("3.危机“三安全一稳定”", "denied_security_stability"),
      ("7.属于行政法案卷", "denied_enforcement_files"),
      ("2.其他法律行政止公开", "denied_prohibited_by_law"),
      ("一、本年新收到政府信息公开申请数量", "new"),
      ("二、上年结转政府信息公开数量", "carried_over"),
      ("(一) 予以公开", "granted"),
      ("1、属于国家秘密", "denied_state_secret"),
      ("4. 保护 第三方 合法权益", "denied_third_party"),
      ("1.属于国家秘蜜", "denied_state_secret"),
      ("3.补正后申请内容仍然不明确", "unable_unclear"),
    ])
  func labelVariant(label: String, key: String) throws {
    let report = try Fixtures.report(ofText: report2019(requestsTable: "\(label)\t\(rowValues)"))
    #expect(report.requests.cell(key, "total") == .some(.count(3)))
  }

  @Test("a variant label is recorded with what it was mapped to")
  func labelVariantRecorded() {
    let found = repairs(report2019(requestsTable: "3.危机“三安全一稳定”\t\(rowValues)"), kind: "label_variant")
    #expect(found.count == 1)
    #expect(found.first?.detail.contains("危及") == true)
  }

  @Test("a sub-label behind the 、 of a group cell set one character a line (三 / 、（二）部分公开) is still its row")
  func groupCommaBeforeLabel() throws {
    // A narrow label column holding 三、本年度办理结果 one character a line beside the
    // abbreviated sub-labels: 、 leads （二）部分公开's line (s9gen, generality audit).
    let table = [
      "一、本年新收政府信息公开申请数量\t\(rowValues)",
      "三（一）予以公开\t\(rowValues)",
      "、（二）部分公开\t5\t0\t0\t0\t0\t0\t5",
      "本 1.属于国家秘密\t\(rowValues)",
    ].joined(separator: "\n")
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("partially_granted", "total") == .some(.count(5)))
    #expect(!report.repairs.contains { $0.kind == "values_ignored" })
  }

  @Test("values whose label was lost go to the next row of the form, recorded")
  func rowRealigned() throws {
    let table = "一、本年新收政府信息公开申请数量\t\(rowValues)\n\t\t4\t0\t0\t0\t0\t0\t4\n（一）予以公开\t\(rowValues)"
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("carried_over", "total") == .some(.count(4)))
    #expect(report.requests.cell("granted", "total") == .some(.count(3)))
    #expect(report.repairs.contains { $0.kind == "row_realigned" })
  }

  @Test("values put under the next row by order give way when that row's own label comes: no row shifts")
  func realignedRowClaimedByItsLabel() throws {
    // OCR garbage where a label was: its values go under 二、上年结转 by order, until the
    // real 二、上年结转 row comes; every row below keeps its own values.
    let table = [
      "一、本年新收政府信息公开申请数量\t\(rowValues)",
      "AN 了 寺\t9\t0\t0\t0\t0\t0\t9",
      "二、上年结转政府信息公开申请数量\t4\t0\t0\t0\t0\t0\t4",
      "（一）予以公开\t\(rowValues)",
    ].joined(separator: "\n")
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("new", "total") == .some(.count(3)))
    #expect(report.requests.cell("carried_over", "total") == .some(.count(4)))
    #expect(report.requests.cell("granted", "total") == .some(.count(3)))
    #expect(report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("9") })
  }

  @Test("values under a lost label never go by order to the single （六）其他处理 row that stands in for its sub-rows")
  func noRealignIntoStandInRow() throws {
    // gen-2021-a's （六）1 label garbled: its values come right after 5.要求行政机关确认…,
    // where the form's next row is the optional single （六） row. Which sub-row they are
    // is unknown: null with a finding, not a filled （六） row (sgen2, generality audit).
    let text = try Fixtures.text(ofSample: "gen-2021-a.layout.txt")
    let original = [
      "   （六）其 1.申请人无 正当 理由逾期不补",
      "   他处理    正、行政机关不再处理其政府         1     0     0     0     0   0    1",
      "          信息公开申请",
    ].joined(separator: "\n")
    #expect(text.contains(original))
    let garbled = text.replacingOccurrences(
      of: original, with: "          AN 了 寺\n                                1     0     0     0     0   0    1")
    let report = try Fixtures.report(ofText: garbled)
    #expect(report.requests.isEmpty(row: "other"))
    #expect(report.requests.cell("other_unpaid_fee", "commercial") == .some(.count(1)))
    #expect(report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("standing in") })
  }

  /// gen-2021-a's （六）1 row with its first value run into its label, as a browser print of
  /// left-aligned cells two pixels apart gives it (…不再处理其政府1 0 0 0 0 0 1): the row is
  /// one value short and its label ends in digits.
  static let runIntoLabel = (
    original: "   他处理    正、行政机关不再处理其政府         1     0     0     0     0   0    1",
    runTogether: "   他处理    正、行政机关不再处理其政府1     0     0     0     0   0    1"
  )

  @Test("a row's first value run into its label is its first cell when the row then adds up")
  func valueRunIntoLabel() throws {
    let text = try Fixtures.text(ofSample: "gen-2021-a.layout.txt")
    #expect(text.contains(Self.runIntoLabel.original))
    let report = try Fixtures.report(
      ofText: text.replacingOccurrences(of: Self.runIntoLabel.original, with: Self.runIntoLabel.runTogether))
    let row = report.requests.rows.first { $0.key == "other_no_correction" }?.cells.map { $0.value?.count }
    #expect(row == [1, 0, 0, 0, 0, 0, 1])
    #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(report.findings)")
    #expect(report.repairs.contains { $0.kind == "split_digits" && $0.detail.contains("the digits the label ends in") })
  }

  @Test("digits a label ends in stay out of a short row the form's checks do not confirm them in")
  func labelDigitsUnconfirmed() throws {
    // The row's 1 lost and a 7 at the label's end: 7 0 0 0 0 0 1 does not add up, so no
    // cell of the row is guessed (the 7 is no value the report prints).
    let text = try Fixtures.text(ofSample: "gen-2021-a.layout.txt")
    let report = try Fixtures.report(
      ofText: text.replacingOccurrences(
        of: Self.runIntoLabel.original, with: "   他处理    正、行政机关不再处理其政府7     0     0     0     0   0    1"))
    #expect(report.requests.isEmpty(row: "other_no_correction"))
    #expect(
      report.findings.contains {
        $0.location.hasPrefix("requests.other_no_correction.") && $0.message.contains("ending in 7")
      })
    #expect(!report.repairs.contains { $0.kind == "split_digits" })
  }

  @Test("tab-separated rows with a row that lost its leading tabs (sample 001)")
  func tabRowsWithShiftedLabel() throws {
    let report = try Fixtures.report(ofSample: "001_f54858a1ba3b72c6.txt")
    #expect(report.requests.cell("denied_security_stability", "total") == .some(.count(0)))
    #expect(report.requests.cell("rejected_duplicate", "total") == .some(.count(0)))
    #expect(report.requests.cell("rejected_publication", "total") == .some(nil))
  }

  @Test("pdftotext -layout rows: labels and numbers on one line, the group label down the left edge")
  func layoutRows() throws {
    let table = """
                                      申请人情况
                               自然人   商业企业  科研机构  社会公益组织  法律服务机构  其他  总计
      一、本年新收政府信息公开申请数量      5        1         0          0            0          0     6
      二、上年结转政府信息公开申请数量      0        0         0          0            0          0     0
      三     （一）予以公开                 3        1         0          0            0          0     4
      、     （二）部分公开（区分处理的，只
      本     计这一情形，不计其他情形）     1        0         0          0            0          0     1
      年     （三）不予     1.属于国家秘密  1        0         0          0            0          0     1
      """
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("new", "natural_person") == .some(.count(5)))
    #expect(report.requests.cell("new", "total") == .some(.count(6)))
    #expect(report.requests.cell("granted", "total") == .some(.count(4)))
    #expect(report.requests.cell("partially_granted", "total") == .some(.count(1)))
    #expect(report.requests.cell("denied_state_secret", "natural_person") == .some(.count(1)))
  }

  @Test("a narrative line cut mid-sentence is joined to the next, across a blank line")
  func lineJoin() throws {
    let narrative = "2020年度，本机关规范信息管理，加强督查考核。建立\n\n定期内容更新机制，突出重点。\n（二）政府信息管理情况\n根据条例规定开展工作。"
    let report = try Fixtures.report(ofText: report2019(requestsTable: "", narrative: narrative))
    #expect(report.sections.overview == "2020年度，本机关规范信息管理，加强督查考核。建立定期内容更新机制，突出重点。\n（二）政府信息管理情况\n根据条例规定开展工作。")
    #expect(report.repairs.contains { $0.kind == "line_join" })
  }

  @Test("a heading whose numeral a scan read as a dash (- 、主动公开…) is a heading, not a list's piece")
  func headingWithDashForNumeral() throws {
    // The scan reader's text of a browser-printed 2019 report photocopied at 200 dpi
    // (make_browser_variants.py --seed 2310's variant s7 scanned by make_scan_variants.py
    // --seed 2311 --no-styles: g2316, UMing at 85%), page 1's foot as read: 二、 read as a
    // dash and a blank, the dash then taken for a list's bullet, and the 、 left at the
    // line's start counted as a list's comma. Table 二 went into the overview's paragraphs
    // (22 cells null with `missing` findings).
    let lines = [
      "- 总体情况",
      "（五）监督保障",
      "将政务公开工作纳入年度目标考核 ，明确人负责。全年因政府信息公开工作被申请行政复议",
      "专",
      "5件、被提起行政诉讼11件，未发生因政府信息公开工作被追究责任的情况",
      "- 、主动公开政府信息情况",
      "第二十条第（一�项",
      "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量",
      "规章\t\t\t",
      "http://www.qingshi.gov.cn/col/co16857/art/2020/art 582136.html?from=share 174",
      "规范性文件\t30\t30\t42",
      "第二十条第（五）项",
      "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
      "行政许可\t213\t7\t756",
      "其他对外管理服务事项\t47\t6\t28",
      "第二十条第（六）项",
      "信息内容\t上一年项目数量\t本年增/减\t处理决定数量",
      "行政处罚\t165\t1\t948",
      "行政强制\t157\t3\t",
      "第二十条第（八）项 1",
      "信息内容\t上一年项目数量\t本年增/减",
      "行政事业性收费\t23\t1",
      "第二十条第（九）项",
      "信息内容\t采购项目数量\t采购总金额",
      "政府集中采购\t44\t68.77 万元",
    ]
    let document = ReportPipeline().repair(lines.joined(separator: "\n"))
    #expect(document.headings["proactive"] != nil)
    let licensing = document.proactive?.rows.first { $0.key == "licensing" }
    #expect(licensing?.cells.map { $0?.raw } == ["213", "7", "756"])
    #expect(!document.repairs.contains { $0.kind == "line_join" && $0.detail.contains("主动公开") })
  }

  @Test("section headings are found without numerals and with suffixes")
  func headingsVariants() throws {
    let document = ReportPipeline().repair(try Fixtures.text(ofSample: "000_9c86ffa99e553fb9.txt"))
    #expect(document.headings["overview"] == "总体情况")
    #expect(document.headings["problems"] == "存在的主要问题及改进情况")
    let withSuffix = ReportPipeline().repair(try Fixtures.text(ofSample: "002_0f2f3fa0c9be7e04.txt"))
    #expect(withSuffix.headings["requests"] == "三、收到和处理政府信息公开申请情况（数据填报）")
  }

  @Test("the signature block gives the agency and date and leaves the last section")
  func signature() throws {
    let report = try Fixtures.report(ofSample: "000_9c86ffa99e553fb9.txt")
    #expect(report.meta.published == "2021-01-25")
    #expect(report.sections.other?.contains("辽中区六间房镇人民政府") == false)
  }
}

@Suite("Tables that depart from the form")
struct DeviationTests {
  /// Table 三 rows as `label<TAB>values`, with the results (三) adding up.
  private static func requests(_ rows: [(String, [Int])]) -> String {
    rows.map { label, values in ([label] + values.map(String.init)).joined(separator: "\t") }.joined(separator: "\n")
  }

  @Test("a subtotal row for a merged group (（三）不予公开 with its own numbers) is left out, not shifted into the next row")
  func subtotalRow() throws {
    let table = Self.requests([
      ("一、本年新收政府信息公开申请数量", [3, 1, 0, 0, 0, 0, 4]),
      ("（一）予以公开", [1, 0, 0, 0, 0, 0, 1]),
      ("（三）不予公开", [2, 1, 0, 0, 0, 0, 3]),
      ("1.属于国家秘密", [2, 0, 0, 0, 0, 0, 2]),
      ("2.其他法律行政法规禁止公开", [0, 1, 0, 0, 0, 0, 1]),
    ])
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("granted", "total") == .some(.count(1)))
    #expect(report.requests.cell("denied_state_secret", "total") == .some(.count(2)))
    #expect(report.requests.cell("denied_prohibited_by_law", "total") == .some(.count(1)))
    #expect(report.findings.contains { $0.rule == "template_deviation" && $0.message.contains("（三）不予公开") })
    #expect(report.repairs.contains { $0.kind == "row_dropped" })
  }

  @Test("an extra subtotal column is found by the arithmetic and left out")
  func extraColumn() throws {
    // 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 小计 (of the five), 总计
    let table = Self.requests([
      ("一、本年新收政府信息公开申请数量", [3, 1, 2, 0, 0, 1, 4, 7]),
      ("二、上年结转政府信息公开申请数量", [1, 0, 0, 0, 1, 0, 1, 2]),
      ("（一）予以公开", [2, 1, 1, 0, 0, 0, 2, 4]),
      ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", [1, 0, 1, 0, 0, 1, 2, 3]),
    ])
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("new", "other_org") == .some(.count(1)))
    #expect(report.requests.cell("new", "total") == .some(.count(7)))
    #expect(report.requests.cell("partially_granted", "total") == .some(.count(3)))
    #expect(report.findings.filter { $0.rule == "row_total" }.isEmpty)
    #expect(report.findings.contains { $0.rule == "template_deviation" && $0.message.contains("extra column 7") })
  }

  @Test("seven-column tables are never trimmed")
  func noFalseExtraColumn() throws {
    let report = try Fixtures.report(ofSample: "nonzero-2019.txt")
    #expect(!report.repairs.contains { $0.kind == "column_dropped" })
  }
}

@Suite("Headings")
struct HeadingTests {
  @Test(
    "a heading with characters misread or swapped by OCR is still found",
    arguments: [
      "二、主动公开府政信息情况", "三、收到和处理政府信息公开申清情况", "五、存在的主要问题及政进情况",
      // The numeral lost on a scan (a browser print's heading, 二 read as nothing).
      "、主动公开政府信息情况",
    ])
  func misreadHeading(heading: String) throws {
    let splitter = SectionSplitterProbe()
    #expect(splitter.isHeading(heading))
  }

  @Test(
    "sentences that mention a section are not headings",
    arguments: [
      "主动公开政府信息情况良好，全年公开信息869条。", "（一）主动公开情况。", "收到和处理的申请均按时答复",
      "、主动公开政府信息情况、收到和处理政府信息公开申请情况",
    ])
  func notHeading(line: String) {
    #expect(!SectionSplitterProbe().isHeading(line))
  }
}

/// Looks for headings through the public pipeline: a one-line heading between two
/// others is recognised when the narrative around it is split there.
private struct SectionSplitterProbe {
  func isHeading(_ line: String) -> Bool {
    let text = "某局2021年政府信息公开工作年度报告\n一、总体情况\n甲。\n\(line)\n乙。\n六、其他需要报告的事项\n无。\n"
    let document = ReportPipeline().repair(text)
    return document.headings.values.contains(line)
  }
}

@Suite("Meta")
struct MetaTests {
  /// The minimal 2019-form report with its title line replaced by `lines`.
  private func parsed(titledBy lines: String) throws -> Report {
    let text = report2019(requestsTable: "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1")
      .replacingOccurrences(of: "某某局2020年政府信息公开工作年度报告", with: lines)
    return try Fixtures.report(ofText: text)
  }

  @Test(
    "the report year is read from the title, in digits or Chinese numerals, spaced or not",
    arguments: [
      ("某某局2020年政府信息公开工作年度报告", 2020), ("某某局 2021 年政府信息公开工作年度报告", 2021),
      ("某某局二〇二一年政府信息公开工作年度报告", 2021), ("某某局二○一九年度政府信息公开工作报告", 2019),
    ])
  func yearFromTitle(title: String, year: Int) throws {
    let report = try parsed(titledBy: title)
    #expect(report.meta.year == year)
    #expect(report.meta.title == title.filter { $0 != " " })
  }

  @Test("a title wrapped over two lines is found, not a line of the opening paragraph naming a 报告 and a year")
  func wrappedTitleBeforeParagraphLines() throws {
    let report = try parsed(
      titledBy: """
        海州市发展和改革委员会2020年政府信息公开工作
        年度报告
        本报告根据《中华人民共和国政府信息公开条例》要求编制。全文包括总体情况、主动公开政
        府信息情况、其他需要报告的事项。本报告所列数据的统计期限自2020年1月1日起至2020年12月
        31日止。
        """)
    #expect(report.meta.title == "海州市发展和改革委员会2020年政府信息公开工作年度报告")
  }

  /// Title lines as the scan reader handed them over from browser-printed portal pages
  /// (brwV threeline s33, rows s11): a side box's cut-off link run into the title, and the
  /// title beside a box's text across a wide gap (a tab).
  @Test(
    "a scan's title line shared with a portal's side box gives the report's own title, agency and year",
    arguments: [
      ("青石县人民政府2022年政府信息 江城市生态环境局2020 年政府信息公开工作年度报告", "江城市生态环境局2020年政府信息公开工作年度报告", "江城市生态环境局", 2020),
      ("人ARam2oo2sanaa\t东海省交通运输厅2020 年政府信息公开工作年度报告", "东海省交通运输厅2020年政府信息公开工作年度报告", "东海省交通运输厅", 2020),
      ("某某局2021年度政府信息公开工作年度报告", "某某局2021年度政府信息公开工作年度报告", "某某局", 2021),
      // A related-links box whose two whole titles run together is no title; the report's is below.
      (
        "相关文章东湖镇人民政府2022年政府信息公开工作年度报告东湖镇人民政府2021年政府信息公开工作年度报告\n临江区人民政府2019年政府信息公开工作年度报告", "临江区人民政府2019年政府信息公开工作年度报告",
        "临江区人民政府", 2019
      ),
      // Read from scans of browser-printed pages (s18brw sets 1501/1502): the browser's header
      // (date and time lost their colon, the page title its _site name) is no title; the
      // report's own title is further down beside a side box.
      (
        "12/2126, .891AM 西岭师范学院2024年政府信息公开工作年度报告临江区人民政府\n中国政府网\t西岭师范学院2024年政府信息公开工作年度报告",
        "西岭师范学院2024年政府信息公开工作年度报告", "西岭师范学院", 2024
      ),
      // A banner's ornament read into the title; the title in large type below split at its gaps.
      (
        "放立信SS贞青山县中医医院2019年政府信息公开工作年度报告\n\t\t\t\t青山 县中医医院\t\t201\t9\t\t年政府信息公开工作年 度报告",
        "青山县中医医院2019年政府信息公开工作年度报告", "青山县中医医院", 2019
      ),
      // The title split before its 年, a side box's link after it.
      (
        "云溪市人力资源和社会保障局2024\t年政府信息公开工作年度报告\t信息公开指南", "云溪市人力资源和社会保障局2024年政府信息公开工作年度报告",
        "云溪市人力资源和社会保障局", 2024
      ),
      // A related report's cut-off link after the title, with a 。 read between them.
      (
        "高新技术产业开发区管理委员会2020年政府信息公开工作年度报告。 海州市人民政府2022年政府信息",
        "高新技术产业开发区管理委员会2020年政府信息公开工作年度报告", "高新技术产业开发区管理委员会", 2020
      ),
      // A garbled title (、 in the body's name) is passed over for the catalogue's 名称 field.
      (
        "、江南理工、大 要学2020年政府信息公开工作年度报告 信息公开指南\n名 。”称:\t江南理工大学2020年政府信息公开工作年度报告",
        "江南理工大学2020年政府信息公开工作年度报告", "江南理工大学", 2020
      ),
    ])
  func titleBesideSideBox(line: String, title: String, agency: String, year: Int) throws {
    let report = try parsed(titledBy: line + "\n公开工作年度报告")
    #expect(report.meta.title == title)
    #expect(report.meta.agency == agency)
    #expect(report.meta.year == year)
  }

  @Test("a title wrapped before its 报告 is found, not the statistics period a scan split from its 本")
  func wrappedTitleBeforeSplitPeriod() throws {
    let report = try parsed(
      titledBy: """
        海州市发展和改革委员会2022 年政府信息公开工作年度
        报告
        本报告根据《中华人民共和国政府信息公开条例》要求编制。全文包括总体情况、其他需要报告的事项。本
        报告所列数据的统计期限自2022年1 月 1 日起至2022年12月 31日止。
        """)
    #expect(report.meta.title == "海州市发展和改革委员会2022年政府信息公开工作年度报告")
    #expect(report.meta.agency == "海州市发展和改革委员会")
  }

  @Test("a title naming two years with no title cut off between them is kept whole")
  func twoYearsOneTitle() throws {
    let title = "某某局2020年度和2021年度政府信息公开工作年度报告"
    let report = try parsed(titledBy: title)
    #expect(report.meta.title == title)
    #expect(report.meta.year == 2020)
  }

  @Test("without a year in the title, the overview's first year-like figure is not mistaken for one")
  func noYearInTitle() throws {
    let text = report2019(
      requestsTable: "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1",
      narrative: "共有12345年度以前的档案，2020年全年公开信息100条。"
    ).replacingOccurrences(of: "某某局2020年政府信息公开工作年度报告", with: "某某局政府信息公开工作年度报告")
    let report = try Fixtures.report(ofText: text)
    #expect(report.meta.year == 2020)
  }
}

@Suite("Amounts")
struct AmountTests {
  /// A 2019-form report whose 政府集中采购 row has `cell` as its amount under `header`.
  static func procurementText(header: String, cell: String) -> String {
    let table = "一、本年新收政府信息公开申请数量\t1\t2\t0\t0\t0\t0\t3"
    return report2019(requestsTable: table).replacingOccurrences(
      of: "规范性文件\t2\t2\t2", with: "规范性文件\t2\t2\t2\n信息内容\t采购项目数量\t\(header)\n政府集中采购\t3\t\(cell)")
  }

  @Test(
    "amounts with their unit written in many ways are normalised to yuan exactly",
    arguments: [
      ("63.79 万元", "637900"), ("63.79万元", "637900"), ("63.79（万元）", "637900"), ("63.79(万元)", "637900"),
      ("5万", "50000"), ("7920元", "7920"), ("7920(元)", "7920"), ("1,234.5元", "1234.5"), ("7920", "7920"),
    ])
  func amount(cell: String, yuan: String) throws {
    let text = Self.procurementText(header: "采购总金额", cell: cell)
    let report = try Fixtures.report(ofText: text)
    guard case .amount(let amount)?? = report.proactive.cell("procurement", "amount") else {
      Issue.record("\(cell): no amount read")
      return
    }
    #expect(amount.yuan.description == yuan)
    #expect(amount.raw == cell)
  }

  @Test(
    "a bare amount under a header that names its unit is in that unit",
    arguments: [
      ("采购总金额（万元）", "48.01", "480100"), ("采购总金额(单位:万元)", "5", "50000"), ("采购总金额（元）", "7920", "7920"),
      ("采购总金额", "7920", "7920"), ("采购总金额", "48.01万元", "480100"),
      // As a 300-dpi photocopy was read (scan set 6, s17): the unit's characters out of order.
      ("本年收费金额（单位万:元）", "69.62", "696200"),
    ])
  func headerUnit(header: String, cell: String, yuan: String) throws {
    let text = Self.procurementText(header: header, cell: cell)
    let report = try Fixtures.report(ofText: text)
    guard case .amount(let amount)?? = report.proactive.cell("procurement", "amount") else {
      Issue.record("\(cell) under \(header): no amount read")
      return
    }
    #expect(amount.yuan.description == yuan)
  }

  @Test(
    "a scan's decimal amount with no unit in its cell or header is null with ocr_low_confidence (a 万元 may be lost)",
    arguments: [("48.01", "采购总金额", nil), ("48.01", "采购总金额（万元）", "480100"), ("7920", "采购总金额", "7920")])
  func scanAmountUnitLost(cell: String, header: String, yuan: String?) throws {
    let text = Self.procurementText(header: header, cell: cell)
    let scan = try ReportPipeline().report(
      text: text,
      source: SourceInfo(
        file: "scan.pdf", sha256: SHA256.hexDigest(Array(text.utf8)), kind: .pdf, pages: 3, textLayer: .ocr))
    let flagged = scan.findings.contains {
      $0.rule == "ocr_low_confidence" && $0.location == "proactive.procurement.amount"
    }
    if let yuan {
      guard case .amount(let amount)?? = scan.proactive.cell("procurement", "amount") else {
        Issue.record("\(cell) under \(header): no amount read")
        return
      }
      #expect(amount.yuan.description == yuan)
      #expect(!flagged)
    } else {
      #expect(scan.proactive.cell("procurement", "amount") == .some(nil))
      #expect(flagged)
      // The same text from a text export keeps its number: only a scan's reader can lose the unit.
      let text = try Fixtures.report(ofText: text)
      guard case .amount(let amount)?? = text.proactive.cell("procurement", "amount") else {
        Issue.record("text export: no amount read")
        return
      }
      #expect(amount.raw == cell)
    }
  }
}

@Suite("Label numbering")
struct LabelNumberingTests {
  /// As a sealed 2019 scan was read (seal seed 1100, shadedgrey-2019-a-v33): （二）部分公开's
  /// label garbled so that only 其他 and 处理 of （六）其他处理 stood out.
  @Test("a garbled label like another row by a few pairs but numbering its own row is not taken for the other row")
  func numberingBeatsLikeness() throws {
    let table = """
      一、本年新收政府信息公开申请数量\t21\t6\t1\t2\t2\t1\t33
      （一）予以公开\t9\t2\t1\t1\t1\t0\t14
      （二）部乡情形，不广\ti公开（区分处理，只计这的一-其他情形）\t3\t1\t0\t0\t0\t0\t4
      """
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("other", "natural_person") == .some(nil))
    #expect(report.requests.cell("other", "total") == .some(nil))
    #expect(report.requests.cell("partially_granted", "natural_person") == .some(.count(3)))
    #expect(report.requests.cell("partially_granted", "total") == .some(.count(4)))
  }

  @Test("a group cell's numbering in another style does not keep a sub-row's likeness from naming it")
  func groupNumberingOtherStyle() throws {
    let table = """
      一、本年新收政府信息公开申请数量\t21\t6\t1\t2\t2\t1\t33
      三、本年度办理结果\t（一）予以公幵\t9\t2\t1\t1\t1\t0\t14
      """
    let report = try Fixtures.report(ofText: report2019(requestsTable: table))
    #expect(report.requests.cell("granted", "natural_person") == .some(.count(9)))
    #expect(report.requests.cell("granted", "total") == .some(.count(14)))
  }
}

@Suite("Garbled heading numerals")
struct GarbledNumeralTests {
  /// A report around `tables`, lines as a scan reader gave them.
  private static func report(around tables: String) -> String {
    """
    某某局2019年政府信息公开工作年度报告
    一、总体情况
    本机关认真做好政府信息公开工作。
    \(tables)
    四、政府信息公开行政复议、行政诉讼情况
    0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0
    五、存在的主要问题及改进情况
    无。
    六、其他需要报告的事项
    无。
    """
  }

  /// Table 三's counts (in the form's column order) as the page prints them.
  /// Cells in `misread` (row.column) are left out: the text misreads them and carries no
  /// confidence, which marks them only on the scan's own path.
  private static func expectMatches(
    _ report: Report, _ printed: [String: [Int]], atLeast: Int, misread: Set<String> = []
  ) {
    let columns = [
      "natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total",
    ]
    var right = 0
    for (row, values) in printed {
      for (column, value) in zip(columns, values) where !misread.contains("\(row).\(column)") {
        let cell = report.requests.cell(row, column)
        // Every number printed must be the page's: read, or null.
        #expect(cell == .some(.count(value)) || cell == .some(nil), "\(row).\(column): \(String(describing: cell))")
        if cell == .some(.count(value)) { right += 1 }
      }
    }
    #expect(right >= atLeast, "\(right) cells right")
  }

  @Test(
    "a section heading whose numeral a scan garbled into marks is still found",
    arguments: ["“、主动公开政府信息情况", "=、收到和处理政府信息公开申请情况", "=-、收到和处理政府信息公开申请情况"])
  func garbledNumeral(heading: String) {
    #expect(SectionSplitterProbe().isHeading(heading))
  }

  @Test(
    "a piece of a sentence listing the parts is no heading, whatever stands before its 、",
    arguments: ["况、收到和处理政府信息公开申请情况", "、收到和处理政府信息公开申请情况", "=-、主动公开政府信息情况、收到和处理政府信息公开申请情况"])
  func listPiece(line: String) {
    #expect(!SectionSplitterProbe().isHeading(line))
  }

  /// Tables 二 and 三 of a browser-printed 2019 report as the scan reader read its photocopy
  /// (make_browser_variants.py --seed 2150, make_scan_variants.py --seed 2150: the
  /// labels_spaces+num_fullwidth+border_threeline+…+font_notoserif…-2019-s1-g2156 scan):
  /// headings 二 and 三 read “、 and =、, labels 人、本年新收…, = 上年结转…, 人 多以公开.
  @Test("tables under headings with garbled numerals are read, every row its own (browser scan g2156)")
  func browserScanThreeLine() throws {
    let tables = """
      “、主动公开政府信息情况
      规章\t0\t0\t0
      规范性文件\t24\t24\t261
      行政许可\t281\t-7\t7816
      其他对外管理服务事项\t139\t3\t31
      守二
      行政处罚\t3\t2\t766
      行政强制\t359\t9\t9
      行政事业性收费 26 -3
      政府集中采购 71 48.75万元
      =、收到和处理政府信息公开申请情况
      人
      人 二
      人、本年新收政府信息公开申请数量\t34\t7\t1\t2\t0\t1\t45
      = 上年结转政府信息公开申请数量\t2\t0\t0\t1\t0\t1\t4
      人 多以公开\t2\t0\t0\t0\t0\t0\t2
      本年
      度办 （二）部分公开（区分处理的, 只计这一情 0 0 0 0 0 0 0
      理结“形，不计其他情形）
      果
      1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0
      2.其他法律行政法规茜止公开\t0\t0\t0\t0\t0\t0\t0
      3. 危及三安全一稳”\t0\t0\t0\t0\t0\t0\t0
      “ 定\t\t\t\t\t\t\t
      （三）不 4.保护第三方合法权益 6 0 0 0 0 0 6
      多公开
      5. 属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0
      6. 属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0
      7.属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0
      8.属于行政查询事项\t0\t7\t0\t0\t0\t2\t9
      1.本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0
      （四）无
      2. 没有现成信息需要另行制作 0 0 0 1 0 0 1
      法提供
      3.补正后申请内容仍不明确 0 0 0 0 0 0 0
      \t1.信访举报投诉类申请\t0\t0\t0\t0\t0\t0\t0
      \t2.重复申请\t0\t0\t0\t0\t0\t0\t0
      （五）不\t3.要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0
      包处理
      4. 无正当理由大量反复申请\t0\t0\t1\t1\t0\t0\t2
      5.要求行政机关确认或重新出\t0\t0\t0\t0\t0\t0\t0
      具已获取信息
      （六）其他处理\t25\t0\t0\t0\t0\t0\t25
      （七）总计\t33\t7\t1\t2\t0\t2\t45
      四、结转下年度继续办理\t3\t0\t0\t1\t0\t0\t4
      """
    let report = try Fixtures.report(ofText: Self.report(around: tables))
    #expect(report.proactive.cell("normative_documents", "total") == .some(.count(261)))
    #expect(report.proactive.cell("licensing", "decisions") == .some(.count(7816)))
    Self.expectMatches(report, Self.printedG2156, atLeast: 150)
  }

  /// Table 三 of a browser-printed 2019 report as the scan reader read its photocopy
  /// (the amount_wan+border_attr+rule_dark+head_darkblue+font_uming…-2019-s7-g2151 scan of the
  /// same set): heading =-、收到和处理…, labels ' 必本年新收…, :、上年结转…, a page's
  /// footer URL inside the table. Three 0s are read 11, 11 and 1: with the scan's
  /// confidences two are null by the arithmetic and one flagged, but this text has none.
  @Test("a table under a heading with a garbled numeral is read, every row its own (browser scan g2151)")
  func browserScanAttrBorders() throws {
    let tables = """
      =-、收到和处理政府信息公开申请情况
      四 肘国轩且天省
      ' 必本年新收政府信息公开申请数量\t42\t\t2\t2\t\t1\t57
      :、上年结转政府信息公开申请数量\t0\t1\t0\t\t0\t1\t2
      三\\本年度办理结果\t（一）予以公开\t0\t0\t0\t0\t0\t0\t0
      \t（二）部分公开【区分处理的,只计这一情胶，不计其他情形）\t0\t\t0\t\t0\t\t0
      \t（三）不予公开\t1. 属于国家秘密\t\t0\t0\t0\t0\t0\t0
      \t\t2. 其他法律行政法规茜止公开\t0\t0\t0\t0\t0\t0\t11
      \t\t3. 危及�三安全 定一稳”\t0\t0\t0\t0\t0\t1\t1
      \t\t上.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0
      \t\t5. 属于三类内部事务信息\t0\t0\t\t0\t�\t�\t
      \t\t6. 属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0
      \t\t7. 属于行政执法案卷\t\t0\t0\t0\t�\t0\t3
      \t\t8. 属于行政查询事项\t\t0\t\t0\t0\t1\t1
      \t（四）无法提供\t1. 本机关不掌握相关政府信息\t0\t6\t0\t0\t0\t0\t6
      \t\t2.没有现成信息需要另行制作\t0\t0\t\t0\t\t0\t0
      \t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t
      \t（五）不予处理\t1.信访举报投诉类申请\t41\t11\t0\t0\t0\t0\t�
      http://www-.jiangcheng.gov.cn/colcol8480/art/2021/art_881213.html?from=share 2/3
      \t\t2.重复申请\t0\t0\t0\t0\t0\t0\t1
      \t\t3.要求提供公开出版物\t0\t0\t0\t0\t�\t\t0
      \t\t4. 无正当理由大量反复申请\t0\t�\t0\t0\t0\t�\t0
      \t\t5.要求行政机关确认或重新出具已获取信息\t\t口\t\t\t\t日\t
      \t（六）其他处理\t0\t\t0\t0\t0\t0\t0
      \t（七）总计\t41\t\t0\t\t3\t2\t
      、结转下年度继续办理\t1\t\t2\t2\t2\t0\t7
      """
    let report = try Fixtures.report(ofText: Self.report(around: tables))
    Self.expectMatches(
      report, Self.printedG2151, atLeast: 110,
      misread: ["denied_prohibited_by_law.total", "rejected_petition.commercial", "rejected_duplicate.total"])
  }

  private static let printedG2156: [String: [Int]] = [
    "new": [34, 7, 1, 2, 0, 1, 45],
    "carried_over": [2, 0, 0, 1, 0, 1, 4],
    "granted": [2, 0, 0, 0, 0, 0, 2],
    "partially_granted": [0, 0, 0, 0, 0, 0, 0],
    "denied_state_secret": [0, 0, 0, 0, 0, 0, 0],
    "denied_prohibited_by_law": [0, 0, 0, 0, 0, 0, 0],
    "denied_security_stability": [0, 0, 0, 0, 0, 0, 0],
    "denied_third_party": [6, 0, 0, 0, 0, 0, 6],
    "denied_internal_affairs": [0, 0, 0, 0, 0, 0, 0],
    "denied_process_info": [0, 0, 0, 0, 0, 0, 0],
    "denied_enforcement_files": [0, 0, 0, 0, 0, 0, 0],
    "denied_administrative_query": [0, 7, 0, 0, 0, 2, 9],
    "unable_not_held": [0, 0, 0, 0, 0, 0, 0],
    "unable_needs_creation": [0, 0, 0, 1, 0, 0, 1],
    "unable_unclear": [0, 0, 0, 0, 0, 0, 0],
    "rejected_petition": [0, 0, 0, 0, 0, 0, 0],
    "rejected_duplicate": [0, 0, 0, 0, 0, 0, 0],
    "rejected_publication": [0, 0, 0, 0, 0, 0, 0],
    "rejected_excessive": [0, 0, 1, 1, 0, 0, 2],
    "rejected_confirmation": [0, 0, 0, 0, 0, 0, 0],
    "other": [25, 0, 0, 0, 0, 0, 25],
    "results_total": [33, 7, 1, 2, 0, 2, 45],
    "carried_forward": [3, 0, 0, 1, 0, 0, 4],
  ]

  private static let printedG2151: [String: [Int]] = [
    "new": [42, 5, 2, 2, 5, 1, 57],
    "carried_over": [0, 1, 0, 0, 0, 1, 2],
    "granted": [0, 0, 0, 0, 0, 0, 0],
    "partially_granted": [0, 0, 0, 0, 0, 0, 0],
    "denied_state_secret": [0, 0, 0, 0, 0, 0, 0],
    "denied_prohibited_by_law": [0, 0, 0, 0, 0, 0, 0],
    "denied_security_stability": [0, 0, 0, 0, 0, 1, 1],
    "denied_third_party": [0, 0, 0, 0, 0, 0, 0],
    "denied_internal_affairs": [0, 0, 0, 0, 0, 0, 0],
    "denied_process_info": [0, 0, 0, 0, 0, 0, 0],
    "denied_enforcement_files": [0, 0, 0, 0, 3, 0, 3],
    "denied_administrative_query": [0, 0, 0, 0, 0, 1, 1],
    "unable_not_held": [0, 6, 0, 0, 0, 0, 6],
    "unable_needs_creation": [0, 0, 0, 0, 0, 0, 0],
    "unable_unclear": [0, 0, 0, 0, 0, 0, 0],
    "rejected_petition": [41, 0, 0, 0, 0, 0, 41],
    "rejected_duplicate": [0, 0, 0, 0, 0, 0, 0],
    "rejected_publication": [0, 0, 0, 0, 0, 0, 0],
    "rejected_excessive": [0, 0, 0, 0, 0, 0, 0],
    "rejected_confirmation": [0, 0, 0, 0, 0, 0, 0],
    "other": [0, 0, 0, 0, 0, 0, 0],
    "results_total": [41, 6, 0, 0, 3, 2, 52],
    "carried_forward": [1, 0, 2, 2, 2, 0, 7],
  ]
}
