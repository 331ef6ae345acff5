import Foundation
import GongkaiCore
import Testing

// report2021, proactiveRows and appealRow: GridCellTests.swift
private let appealValues = appealRow.split(separator: "\t").map(String.init)
/// The report with table 三 given as `requests` (tables 二 and 四 as GridCellTests has them).
private func reportWith(requests: String) throws -> Report {
  try Fixtures.report(
    ofText: report2021(proactive: proactiveRows, appeals: appealValues.joined(separator: "\t"), requests: requests))
}

private let appealHeader = "行政复议\t行政诉讼\n\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计"

private func locations(_ report: Report, rule: String) -> Set<String> {
  Set(report.findings.filter { $0.rule == rule }.map(\.location))
}

/// Table 四 read from its line of values (`appealRow`'s fifteen), the strays among the header's
/// words passed over with a repair.
private func expectValueLineTaken(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) {
  #expect(report.appeals.cell("review", "upheld") == .some(.count(1)), sourceLocation: sourceLocation)
  #expect(report.appeals.cell("review", "total") == .some(.count(5)), sourceLocation: sourceLocation)
  #expect(report.appeals.cell("litigation_after_review", "total") == .some(.count(9)), sourceLocation: sourceLocation)
  #expect(
    !report.findings.contains { $0.severity == .error && $0.location.hasPrefix("appeals.") },
    sourceLocation: sourceLocation)
  #expect(
    report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("header lines of table 四") },
    sourceLocation: sourceLocation)
}

/// Every cell of table 四 null.
private func expectAppealsUnread(_ report: Report, sourceLocation: SourceLocation = #_sourceLocation) {
  for group in ["review", "litigation_direct", "litigation_after_review"] {
    for cell in ["upheld", "corrected", "other", "pending", "total"] {
      #expect(report.appeals.cell(group, cell) == .some(nil), "\(group).\(cell)", sourceLocation: sourceLocation)
    }
  }
}

/// The form as the last word: a row never gets more values than the form gives it, and
/// values are never moved to another row on a guess (OUTPUT.md: null with a finding).
@Suite("Template as the last word")
struct TemplateLastWordTests {
  @Test("table 四: fifteen values fill the fifteen cells in order, whatever empty fields stand before them")
  func appealsIgnoreEmptyFieldsWhenFull() throws {
    // A header's empty corners carried onto the line of values by a page break.
    let row = "\t\t\t\t" + appealValues.joined(separator: "\t")
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: appealHeader + "\n" + row))
    #expect(report.appeals.cell("review", "upheld") == .some(.count(1)))
    #expect(report.appeals.cell("review", "total") == .some(.count(5)))
    #expect(report.appeals.cell("litigation_after_review", "total") == .some(.count(9)))
    #expect(locations(report, rule: "placeholder").isEmpty)
    #expect(!report.findings.contains { $0.severity == .error && $0.location.hasPrefix("appeals.") })
  }

  @Test("table 四: more than fifteen values → every cell null with a finding saying why, no guess")
  func appealsOverfull() throws {
    let row = (appealValues + ["3"]).joined(separator: "\t")
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: appealHeader + "\n" + row))
    expectAppealsUnread(report)
    let missing = report.findings.filter { $0.rule == "missing" && $0.location.hasPrefix("appeals.") }
    #expect(missing.count == 15)
    #expect(missing.allSatisfy { $0.message.contains("16") })
  }

  @Test("table 四: a stray value among the header's words, the fifteen on a line of their own → that line is the row")
  func appealsStrayHeaderValue() throws {
    // A scan's header cells read as text: a stroke read as 1 among them.
    let header = "行政复议\t行政诉讼\n\t\t\t\t\t结果维持\t结果纠正\t1 结\t尚未审结\t总计"
    let row = appealValues.joined(separator: "\t")
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: header + "\n" + row))
    expectValueLineTaken(report)
    // Sixteen on the line of values: still no line that is the row, every cell null.
    let overfull = try Fixtures.report(
      ofText: report2021(proactive: proactiveRows, appeals: header + "\n" + row + "\t3"))
    #expect(overfull.appeals.cell("review", "upheld") == .some(nil))
  }

  @Test(
    "table 四: its header at a page's foot, the fifteen values apart by spaces atop the next page → that line is the row"
  )
  func appealsRunningValueLine() throws {
    // A scan: the one-character-per-line header read as text with a stroke as 2, and the row
    // of values on the next page laid out as running text (spaces, no tabs).
    let header = "行政复议\t行政诉讼\n2\t维\t纠\t结\t审计\t维纠\t结\t审\t计\n\t持\t正\t果\t结\t持 正\t果\t结\t"
    // The header's last field is empty, so the line of values is joined into its cell.
    let row = appealValues.joined(separator: " ")
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: header + "\n" + row))
    expectValueLineTaken(report)
    // A value lost from the line (fourteen, the stray makes fifteen): the stray must not fill a cell.
    let short = try Fixtures.report(
      ofText: report2021(
        proactive: proactiveRows, appeals: header + "\n" + appealValues.dropLast().joined(separator: " ")))
    expectAppealsUnread(short)
    #expect(short.findings.filter { $0.location.hasPrefix("appeals.") && $0.severity == .error }.count == 15)
  }

  @Test("a label character read as a digit inside the label (政府信息公开 | 3 请数量 | the row) is no value of the row")
  func digitInsideLabel() throws {
    let requests = """
      一、本年新收政府信息公开\t3 请数量\t11\t5\t3\t1\t0\t0\t20
      二、上年结转政府信息公开\t3 请数量\t1\t1\t0\t1\t0\t0\t3
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("new", "natural_person") == .some(.count(11)))
    #expect(report.requests.cell("new", "total") == .some(.count(20)))
    #expect(report.requests.cell("carried_over", "natural_person") == .some(.count(1)))
    #expect(report.requests.cell("carried_over", "total") == .some(.count(3)))
    #expect(report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("inside the label") })
    // Fewer values after the text than the row's width: nothing says the digit is the label's.
    let short = try reportWith(requests: "一、本年新收政府信息公开\t3 请数量\t11\t5\t3\t1\t0\t20")
    #expect(short.requests.cell("new", "natural_person") == .some(nil))
    #expect(short.requests.cell("new", "total") == .some(nil))
    #expect(!short.repairs.contains { $0.detail.contains("inside the label") })
  }

  @Test("a row with more values than its columns is null with a finding; nothing spills into the next row")
  func rowOverfull() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "规章\t1\t0\t5\t7")
    let report = try Fixtures.report(
      ofText: report2021(proactive: table, appeals: appealValues.joined(separator: "\t")))
    for cell in ["issued", "repealed", "in_force"] {
      #expect(report.proactive.cell("rules", cell) == .some(nil), "rules.\(cell)")
    }
    #expect(locations(report, rule: "missing").isSuperset(of: ["proactive.rules.issued", "proactive.rules.in_force"]))
    #expect(report.proactive.cell("normative_documents", "issued") == .some(.count(3)))
    #expect(report.proactive.cell("normative_documents", "in_force") == .some(.count(20)))
    #expect(!report.repairs.contains { $0.kind == "row_realigned" })
  }

  @Test("values under a label that is nothing like the form's next row are not put there")
  func unknownLabelNotRealigned() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "附注说明\t1\t0\t5")
    let report = try Fixtures.report(
      ofText: report2021(proactive: table, appeals: appealValues.joined(separator: "\t")))
    #expect(report.proactive.cell("rules", "issued") != .some(.count(1)))
    #expect(report.proactive.cell("normative_documents", "in_force") == .some(.count(20)))
    #expect(!report.repairs.contains { $0.kind == "row_realigned" })
    #expect(
      report.repairs.contains {
        $0.kind == "values_ignored" && $0.detail.contains("附注说明") && $0.detail.contains("1 0 5")
      })
  }

  @Test("a sub-row's number standing apart from its dot (1 . 申请人…) numbers the label, no value of the group")
  func labelNumberApartFromMark() throws {
    // A scan (lightgrey 2021, photocopy 300 dpi): 1. read with a space before the dot, and
    // the 1 taken as the only value of （六）其他处理's single-row form.
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t0\t2
      \t\t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0
      \t（六）其他处理\t1 . 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t1\t0\t0\t0\t0\t1
      \t\t2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0
      \t\t3. 其他\t0\t0\t0\t0\t0\t0\t0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other", "natural_person") != .some(.count(1)))
    #expect(report.requests.cell("other_no_correction", "commercial") == .some(.count(1)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(1)))
  }

  @Test("a label cell holding a group label and the row's own label (space-aligned) names the row")
  func groupAndRowLabelInOneCell() throws {
    let requests = """
      一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1
      （六）其 1.申请人无正当理由逾期不补 1 0 0 0 0 0 1
      正、行政机关不再处理其政府信息公开申请
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other_no_correction", "natural_person") == .some(.count(1)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(1)))
    #expect(report.requests.cell("other", "natural_person") == .some(nil))
  }
  @Test(
    "a group cell's whole label (（六）其他处理) before the row's abbreviated label names the sub-row, not the single-row form"
  )
  func wholeGroupLabelBeforeAbbreviatedLabel() throws {
    // A table ruled across only, read row by row between its rules: the group cell's two
    // lines （六）其他 / 处理 come out whole in the row's label cell. Read before as the
    // 2019-style single row （六）其他处理 (its label is in the text exactly).
    let requests = """
      一、本年新收政府信息公开申请数量 1 0 0 0 0 0 1
      (六)其他处理 1.申请人无正当理由逾期不补正\t3\t0\t0\t0\t0\t0\t3
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other_no_correction", "natural_person") == .some(.count(3)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(3)))
    #expect(report.requests.cell("other", "natural_person") == .some(nil))
  }

  @Test("a label wrapped over many lines, its values beside a middle line, is named by its first lines")
  func labelStartBeforeValues() throws {
    // A narrow label column (make_general_variants labelw:narrow, hrules): the previous
    // row's rest, then the row's first lines, justified (1. 申请人无正), then its values.
    let requests = """
      一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9
      4.无正当理由大量反复申请 0 0 0 0 0 0 0
      5. 要求行政机
      关确认或重新
      2 0 0 0 0 0 2
      出具已获取信
      息
      1. 申请人无正
      当理由逾期不
      补正、行政机
      3 0 0 0 0 0 3
      关不再处理其
      政府信息公开
      （六申请
      ）其 2. 申请人逾期
      他处未按收费通知
      理要求缴纳费
      用、行政机关 4 0 0 0 0 0 4
      不再处理其政
      府信息公开申
      请
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("rejected_confirmation", "natural_person") == .some(.count(2)))
    #expect(report.requests.cell("other_no_correction", "natural_person") == .some(.count(3)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(3)))
    #expect(report.requests.cell("other_unpaid_fee", "natural_person") == .some(.count(4)))
    #expect(report.requests.cell("other", "natural_person") == .some(nil))
  }

  @Test("a label's first line names its row past a group cell's pieces after it (1.申请人无正当 / （六）")
  func labelStartBeforeGroupPiece() throws {
    let requests = """
      一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9
      5.要求确认或重
      新出具已获取信 1 0 0 0 0 0 1
      息
      1.申请人无正当
      （六 0 0 0 2 0 0 2
      理由逾期不补正
      ）其
      2.申请人逾期未
      他处 0 0 0 0 5 0 5
      缴纳费用
      理
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other_no_correction", "social_welfare") == .some(.count(2)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(2)))
    #expect(report.requests.cell("other_unpaid_fee", "legal_services") == .some(.count(5)))
    #expect(report.requests.cell("other", "total") == .some(nil))
  }

  @Test(
    "a label's first lines name its row even where likeness of all the text since the last row names the row before")
  func labelStartBeatsPreviousRowRest() throws {
    // Narrow 2019-style label column: 4.无正当理由大量反复申请's rest (理由大量反复 / 申请)
    // stands before 5.要求行政机关…'s first lines; the 4 row's first line is short but numbered.
    let requests = """
      一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9
      2.重复申请 0 0 0 0 0 0 0
      不 3.要求提供
      2 0 0 0 0 0 2
      予公开出版物
      处 4.无正当理 3 0 0 0 0 0 3
      理由大量反复
      申请
      5.要求行政
      机关确认或
      4 0 0 0 0 0 4
      重新出具已
      获取信息
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("rejected_publication", "natural_person") == .some(.count(2)))
    #expect(report.requests.cell("rejected_excessive", "natural_person") == .some(.count(3)))
    #expect(report.requests.cell("rejected_excessive", "total") == .some(.count(3)))
    #expect(report.requests.cell("rejected_confirmation", "natural_person") == .some(.count(4)))
    #expect(report.requests.cell("rejected_confirmation", "total") == .some(.count(4)))
  }

  @Test("a group cell's piece glued before the row's numbered label (年度办（二）部分公开) leaves the row its label")
  func groupPieceGluedBeforeNumberedLabel() throws {
    let requests = """
      一、本年新收申请数量 10 4 2 0 1 0 17
      二、上年结转申请数量 5 1 0 1 1 0 8
      三、本（一）予以公开 14 0 0 0 0 0 14
      年度办（二）部分公开 1 0 0 0 0 0 1
      理结果 1.属于国家秘密 0 0 0 0 0 0 0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("granted", "natural_person") == .some(.count(14)))
    #expect(report.requests.cell("partially_granted", "natural_person") == .some(.count(1)))
    #expect(report.requests.cell("partially_granted", "total") == .some(.count(1)))
    #expect(report.requests.cell("denied_state_secret", "total") == .some(.count(0)))
  }

  @Test("label pieces: split at spaces and before a numbering glued to a group cell's piece, not inside 第（一）项 or 63.79")
  func labelPieces() {
    #expect(LabelText.pieces("年度办（二）部分公开") == ["年度办", "（二）部分公开"])
    #expect(LabelText.pieces("理结果1.属于国家秘密") == ["理结果", "1.属于国家秘密"])
    #expect(LabelText.pieces("（六 1. 申请人无正当") == ["（六", "1.", "申请人无正当"])
    #expect(LabelText.pieces("第二十条第（一）项") == ["第二十条第（一）项"])
    #expect(LabelText.pieces("金额63.79万元") == ["金额63.79万元"])
    #expect(LabelText.numbering("4.无正当理") == "4")
    #expect(LabelText.numbering("三、（一）予以公开") == "一")
    #expect(LabelText.numbering("处4.无正当理") == "")
  }

  @Test("the rest of the previous row's label names no row: values under it alone are not placed")
  func previousLabelRestNamesNoRow() throws {
    // 不再处理其政府信息公开申请 ends both （六）1 and 2: it starts no label of the form.
    let requests = """
      一、本年新收政府信息公开申请数量 9 0 0 0 0 0 9
      5.要求行政机关确认或重新出具已获取信息 1 0 0 0 0 0 1
      不再处理其政府信息公开申请
      3 0 0 0 0 0 3
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other_no_correction", "natural_person") != .some(.count(3)))
    #expect(report.requests.cell("other_unpaid_fee", "natural_person") != .some(.count(3)))
  }

  @Test("a label cut short names its row even after a header repeated by a page break")
  func cutLabelAfterRepeatedHeader() throws {
    let requests = """
      一、本年新收政府信息公开申请数量 143 21 1 0 4 2 171
      申请人情况
      法人或其他组织
      自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计
      （二）部分公开（区分处理的，只
      18 3 0 0 0 0 21
      计这一情形，不计其他情形）
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("partially_granted", "natural_person") == .some(.count(18)))
    #expect(report.requests.cell("partially_granted", "total") == .some(.count(21)))
    #expect(report.requests.cell("other", "natural_person") == .some(nil))
  }
  @Test("pieces of numbers on the line after a full row make that row unsure, not the next row's values")
  func piecesAfterFullRow() throws {
    let requests = """
      一、本年新收政府信息公开申请数量 14 21 1 0 4 2 17
      3 1
      二、上年结转政府信息公开申请数量 6 1 0 0 0 0 7
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("new", "natural_person") == .some(nil))
    #expect(report.requests.cell("new", "total") == .some(nil))
    #expect(report.requests.cell("carried_over", "natural_person") == .some(.count(6)))
    #expect(report.requests.cell("carried_over", "total") == .some(.count(7)))
    let missing = report.findings.filter { $0.rule == "missing" && $0.location == "requests.new.total" }
    #expect(missing.first?.message.contains("cannot be told") == true)
  }
}
