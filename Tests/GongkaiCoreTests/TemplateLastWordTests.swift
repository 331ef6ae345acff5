import Foundation
import GongkaiCore
import Testing

// report2021, proactiveRows and appealRow: GridCellTests.swift
private let appealValues = appealRow.split(separator: "\t").map(String.init)
/// The report with table 三 given as `requests` (tables 二 and 四 as GridCellTests has them).
private func reportWith(requests: String) throws -> Report {
  try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: appealRow, requests: requests))
}

/// The report with table 二 given as `proactive` (tables 三 and 四 as GridCellTests has them).
private func reportWith(proactive: String) throws -> Report {
  try Fixtures.report(ofText: report2021(proactive: proactive, appeals: appealRow))
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

  /// As a 300-dpi photocopy of a browser print was read (brwV rows s30): thirteen cells, four
  /// of them unreadable, where the form has fifteen.
  @Test(
    "table 四: a line of values and unreadable cells short of fifteen → every cell null, none slid into another column")
  func appealsShortWithUnreadCells() throws {
    let row = ["0", "0", "1", "1", "\u{FFFD}", "1", "\u{FFFD}", "1", "\u{FFFD}", "8", "0", "\u{FFFD}", "0"]
      .joined(separator: "\t")
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: appealHeader + "\n" + row))
    expectAppealsUnread(report)
  }

  /// As a 200-dpi scan of a WPS report was read (wps-2021-c, table 四 on its own page): the
  /// first cell, 2 and 0 run together where the column rule between them was lost, read as
  /// nothing, then the thirteen other values of 2 0 1 1 4 1 1 0 0 2 1 0 0 1 2.
  @Test("table 四: a blank first cell and thirteen values, short of fifteen → every cell null, none slid")
  func appealsShortWithBlankCell() throws {
    let row = "\t" + ["1", "1", "4", "1", "1", "0", "0", "2", "1", "0", "0", "1", "2"].joined(separator: "\t")
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: appealHeader + "\n" + row))
    expectAppealsUnread(report)
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

  @Test(
    "table 四: fewer values than cells and a cell among them read as text → the cells from it on are unread, none slides"
  )
  func appealsTextCellAmongValues() throws {
    // A WPS 200-dpi scan (scan set 5, wps-2019 s7): the column rules inside two value cells
    // lost, "0 6" and "2 8" each one cell read as text; by order 1 2 3 slid into
    // 直接起诉's 尚未审结 and 总计 and 复议后起诉's 结果维持 (1 for 0, 2 for 6, 3 for 1).
    let printed = ["2", "3", "0", "1", "6", "1", "3", "2", "0", "6", "1", "2", "3", "2", "8"]
    let read = printed[0..<8] + ["� 手"] + printed[10..<13] + ["�OF8"]
    let report = try Fixtures.report(
      ofText: report2021(proactive: proactiveRows, appeals: appealHeader + "\n" + read.joined(separator: "\t")))
    let cells = ["upheld", "corrected", "other", "pending", "total"]
    for (index, cell) in cells.enumerated() {
      #expect(report.appeals.cell("review", cell) == .some(.count(Int(printed[index]) ?? -1)), "review.\(cell)")
    }
    for (index, cell) in cells.prefix(3).enumerated() {
      #expect(
        report.appeals.cell("litigation_direct", cell) == .some(.count(Int(printed[5 + index]) ?? -1)),
        "litigation_direct.\(cell)")
    }
    for cell in cells.dropFirst(3) {
      #expect(report.appeals.cell("litigation_direct", cell) == .some(nil), "litigation_direct.\(cell)")
    }
    for cell in cells {
      #expect(report.appeals.cell("litigation_after_review", cell) == .some(nil), "litigation_after_review.\(cell)")
    }
    #expect(report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("reads as no number") })
    // The same line starting with the header's words (header and values one cell on a
    // scan): which cell its first value is in cannot be told either, every cell unread.
    let runTogether = try Fixtures.report(
      ofText: report2021(
        proactive: proactiveRows, appeals: appealHeader + "\n结 果 维 持\t" + read.joined(separator: "\t")))
    expectAppealsUnread(runTogether)
    // A header line ending in the first two values (wps-2019-b: 结 结 其果 … 0 0 | 尚未审结0),
    // the rest of the row below with a cell read as text: no value has a known cell.
    let twoLines = try Fixtures.report(
      ofText: report2021(
        proactive: proactiveRows,
        appeals: "行政复议\t行政诉讼\n结 结 其果 |果 他维 \(printed[0]) \(printed[1])\t尚未审结\n"
          + (printed[2..<8] + ["� 手"] + printed[10...]).joined(separator: "\t")))
    expectAppealsUnread(twoLines)
    // All fifteen read, a stray mark between two of them: the form's fifteen cells are
    // filled in order as before.
    let full = try Fixtures.report(
      ofText: report2021(
        proactive: proactiveRows,
        appeals: appealHeader + "\n" + (printed[0..<8] + ["|"] + printed[8...]).joined(separator: "\t")))
    #expect(full.appeals.cell("litigation_after_review", "total") == .some(.count(8)))
    #expect(full.appeals.cell("litigation_direct", "pending") == .some(.count(0)))
  }

  @Test(
    "table 四: a value among the header's words, a cell of the row of values read as text → no value has a known cell"
  )
  func appealsHeaderValueBrokenRow() throws {
    // A browser print scanned (brwV, separate borders): a header cell read as 和=到: 4, and
    // the row of values with cells read as text; by order the 4 took 复议's 结果维持 (4 for 2)
    // and every value slid. The 4 may be a stray or the row's first value: nothing placed.
    // Printed: 2 2 3 3 10 | 1 1 3 0 5 | 0 0 0 2 2; read as the scan gave it (ten values).
    let header = "行政复议\t行政诉讼\n和=到:\t4"
    let read = ["2", "? |", "3", "10", "| ! |", "1工", "3", "0", "5", "o|", "0", "o|", "2", "2"]
    let report = try Fixtures.report(
      ofText: report2021(proactive: proactiveRows, appeals: header + "\n" + read.joined(separator: "\t")))
    expectAppealsUnread(report)
  }

  @Test("table 四: the one line of fifteen cells, a few read as marks, is the row; the marks are unread in place")
  func appealsValueLineWithMarks() throws {
    // A shadedblue 200-dpi copy (s5001 g5001): table 四 split by a page break, its header's
    // words wrapped a character a line. The first four values sat on the rule the break left
    // through them, read as nothing and 之 区 攻, and three header glyphs read as 1 88 +6. By
    // order those three took 复议's cells and every value after them slid: seven wrong numbers
    // and two false appeals_total errors.
    let printed = ["0", "2", "2", "3", "7", "3", "3", "2", "0", "8", "2", "3", "3", "0", "8"]
    let valueLine = ([""] + ["之", "区", "攻"] + printed[4...]).joined(separator: "\t")
    let headers = [
      "行政复议\t行政诉讼\n结\t结\t其\t尚\t\t未经复议直接起诉\t复议后起诉\n果\t果\t他\t未\t\t结\t结\t其\t1\t88\t结\t结\t其\t尚\t总\n维持0\t+6\t结\t审",
      "行政复议\t行政诉讼\n结\t结\t其\t尚\t\t未经复议直接起诉\t复议后起诉",
    ]
    for header in headers {
      let report = try Fixtures.report(
        ofText: report2021(proactive: proactiveRows, appeals: header + "\n" + valueLine))
      let cells = ["upheld", "corrected", "other", "pending", "total"]
      for (group, offset) in [("litigation_direct", 5), ("litigation_after_review", 10)] {
        for (index, cell) in cells.enumerated() {
          #expect(
            report.appeals.cell(group, cell) == .some(.count(Int(printed[offset + index]) ?? -1)), "\(group).\(cell)")
        }
      }
      #expect(report.appeals.cell("review", "total") == .some(.count(7)))
      for cell in cells.dropLast() {
        #expect(report.appeals.cell("review", cell) == .some(nil), "review.\(cell)")
        #expect(report.findings.contains { $0.location == "appeals.review.\(cell)" }, "review.\(cell)")
      }
      #expect(!report.findings.contains { $0.rule == "appeals_total" }, "\(report.findings)")
      #expect(report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("之 区 攻") })
    }
  }

  /// As a photocopied browser print was read (session 22's set sb2203, its g2203): table 四's
  /// header and row garbled into lines of text and values, more values than cells. By order
  /// they filled the fifteen cells (three left over): seven wrong numbers, no finding.
  @Test("table 四: more values than cells from running text with text among them → every cell null")
  func appealsGarbledRunningText() throws {
    let appeals = """
      下 和
      2 于 昌
      http://www.nanling.gov.cn/art/2025/1/24/art_2506_469083.html 5/6
      下
      \t\t\t\t和 人 和 3 人2 1 攻 1 5 \u{FFFD} 1 全 0 6
      0\t2\t0\t1\t\t3 |
      """
    let report = try Fixtures.report(ofText: report2021(proactive: proactiveRows, appeals: appeals))
    expectAppealsUnread(report)
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
    let report = try reportWith(proactive: table)
    for cell in ["issued", "repealed", "in_force"] {
      #expect(report.proactive.cell("rules", cell) == .some(nil), "rules.\(cell)")
    }
    #expect(locations(report, rule: "missing").isSuperset(of: ["proactive.rules.issued", "proactive.rules.in_force"]))
    #expect(report.proactive.cell("normative_documents", "issued") == .some(.count(3)))
    #expect(report.proactive.cell("normative_documents", "in_force") == .some(.count(20)))
    #expect(!report.repairs.contains { $0.kind == "row_realigned" })
  }

  /// As a 200-dpi scan of a 2019 report in AR PL UKai was read (s21text sg2161 g2165): the grid
  /// cell over 上一年项目数量 and 本年增/减 (the rule between lost) read as text, the wide 144
  /// as 1 4 4 and −4 as 一4, 783 in the next field. By order the row took 1 4 4 and 783 was
  /// passed over under "一4" as a label: three wrong numbers, no finding.
  @Test("text among a row's values on a tab line (1 4 4 一4 | 783): the row is null with a finding, not filled by order")
  func textAmongRowValues() throws {
    // The lines of table 二 as the scan reader handed them to the core, verbatim.
    let table = """
      第二十条第（五）项
      信息内容 上一年项目数量 本年增/减\t处理决定数量
      行政许可\t93\t7\t4190
      其他对外管理服务事项\t72\t-1\t27
      第二十条第（六）项
      信息内容 上一年项目数量 本年增/减\t处理决定数量
      行政处罚\t1 4 4 一4\t783
      行政强制\t83\t\t\t3\t3
      """
    let report = try reportWith(proactive: table)
    for cell in ["previous", "change", "decisions"] {
      #expect(report.proactive.cell("penalties", cell) == .some(nil), "penalties.\(cell)")
      let missing = report.findings.filter { $0.rule == "missing" && $0.location == "proactive.penalties.\(cell)" }
      #expect(missing.first?.message.contains("cannot be told") == true, "penalties.\(cell)")
    }
    #expect(report.proactive.cell("licensing", "decisions") == .some(.count(4190)))
    #expect(report.proactive.cell("other_services", "change") == .some(.count(-1)))
    #expect(report.proactive.cell("enforcement", "previous") == .some(.count(83)))
    // A row whose values come first and nothing after them keeps them.
    let plain = try reportWith(
      proactive: table.replacingOccurrences(of: "行政处罚\t1 4 4 一4\t783", with: "行政处罚\t144\t-4\t783"))
    #expect(plain.proactive.cell("penalties", "previous") == .some(.count(144)))
    #expect(plain.proactive.cell("penalties", "decisions") == .some(.count(783)))
  }

  /// As a 200-dpi scan of a browser print was read (s21grey s4 g2142): a row's values ran into
  /// its label cell, the next row's numbered label (1. read 11.) in the field after them.
  @Test("a numbered label in the field after a row's values names the next row: neither row is unread")
  func numberedLabelAfterRowValues() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t50\t3\t1\t0\t5\t4\t63
      \t\t2. 没有现成信息需要另行制作\t0\t0\t0\t0\t0\t0\t0
      \t\t3.补正后申请内容仍不明确\t0\t0\t0\t0\t2\t0\t2
      \t（五）不了3. 要求提供公开出版物 0 0 0 0 0 1 1\t11.信访举报投诉类申请|重和请\t0\t0\t0\t0\t1\t0\t1
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("rejected_publication", "other_org") == .some(.count(1)))
    #expect(report.requests.cell("rejected_publication", "total") == .some(.count(1)))
    #expect(report.requests.cell("rejected_petition", "legal_services") == .some(.count(1)))
    #expect(report.requests.cell("rejected_petition", "total") == .some(.count(1)))
  }

  @Test("values under a label that is nothing like the form's next row are not put there")
  func unknownLabelNotRealigned() throws {
    let table = proactiveRows.replacingOccurrences(of: "规章\t1\t0\t5", with: "附注说明\t1\t0\t5")
    let report = try reportWith(proactive: table)
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

  @Test("a scan's numbering 1. read as 工. numbers the label: a short label still names its row")
  func numberingOneReadAsLookAlike() throws {
    // A scan (browser print, AR PL UKai, labels_abbrev, photocopy 200 dpi): the short label
    // 1.申请人无正当理由逾期不补正 read 工.申请人…, matched no row, and the row's seven 0s were
    // null with seven false `missing` errors.
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t1\t0\t0\t0\t0\t2
      \t（六）其他处理\t工.申请人无正当理由逾期不补正\t0\t1\t0\t0\t0\t0\t1
      \t\t2.申请人逾期未按收费通知要求缴纳费用\t0\t0\t0\t0\t0\t0\t0
      \t\t3.其他\t0\t0\t0\t0\t0\t0\t0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other_no_correction", "commercial") == .some(.count(1)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(1)))
    #expect(LabelText.key("l.申请人无正当理由") == LabelText.key("1.申请人无正当理由"))
    #expect(LabelText.key("工.63") != LabelText.key("63"))
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

  @Test("a group cell's numbering beside the row's own (（六） 1. 申请人…) leaves the row's to name it")
  func groupNumberingBesideRowNumbering() throws {
    // A scan (browser print ruled across only, AR PL UKai 16 px, photocopy 300 dpi,
    // make_browser_variants seed 4900 s2): the group cell's lines interleave with the row's
    // label, 逾 read 依. （六） took the row's 1. as its own, the row matched no sub-row, and
    // its values went to （六）其他处理's single-row form: a wrong row and seven false errors.
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
      5.要求行政机关确认或 0 0 0 0 0 0 0
      重新出具已获取信息
      （六） 1. 申请人无正当理由依
      其他处”期不补正、行政机关不
      1\t0\t0\t0\t0\t0\t1
      理 再处理其政府信息公开
      申请
      2.申请人逾期未按收费
      通知要求缴纳费用、行
      0 0 0 0 0 0 0
      政机关不再处理其政府
      信息公开申请
      3. 其他\t0\t0\t0\t0\t0\t0\t0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other_no_correction", "natural_person") == .some(.count(1)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(1)))
    #expect(report.requests.cell("other_unpaid_fee", "total") == .some(.count(0)))
    #expect(report.requests.isEmpty(row: "other"))
  }

  @Test("a lone value between a wrapped label's lines is ink in its cell, not the row's first value")
  func loneValueBetweenLabelLines() throws {
    // A scan (browser print with cell spacing, AR PL UMing 14 px, 300 dpi; make_browser_variants
    // seed 3400 s0 scanned with seed 3401): a character of the group cell （六）其他处理 read as
    // 0 at the start of the label's second line. The row opened there with that one value, and
    // its own seven 0s, under the label's later lines, went to no row.
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
      1. 申请人无正当理由
      逾期不补正、行政机
      关不再处理其政府信 1 0 0 0 0 0 1
      息公开申请
      （六）\t2. 申请人和逾期未按收\t\t\t\t\t\t\t
      0\t费通知要求缴纳费\t\t\t\t\t\t\t
      \t用、行政机关不再处\t0\t0\t0\t0\t0\t0\t0
      理其政府信息公开申
      请
      3. 其他 0 0 0 0 0 0 0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other_unpaid_fee", "natural_person") == .some(.count(0)))
    #expect(report.requests.cell("other_unpaid_fee", "total") == .some(.count(0)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(1)))
    #expect(report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("费通知要求缴纳费") })
  }

  @Test("the single （六）其他处理 row found beside its sub-rows is passed over, its values in no row")
  func standInBesideItsSubRows() throws {
    // Whatever took the first sub-row's values for the single-row form (a garbled label), the
    // other sub-rows show the table has them: the values are the unfound sub-row's, or a
    // subtotal, and which is not known. Never （六）'s own cells beside its sub-rows'.
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
      （六）其他处理\t1\t0\t0\t0\t0\t0\t1
      2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0
      3.其他\t0\t0\t0\t0\t0\t0\t0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.isEmpty(row: "other"))
    #expect(report.requests.cell("other_no_correction", "natural_person") == .some(nil))
    #expect(report.requests.cell("other_unpaid_fee", "total") == .some(.count(0)))
    #expect(
      report.findings.contains {
        $0.location == "requests.other_no_correction.total" && $0.message.contains("may be its")
      })
    #expect(report.repairs.contains { $0.kind == "values_ignored" && $0.detail.contains("stands in for") })
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

  /// As a 200-dpi scan of a 9-pt grid was read (scan set 6, s22): the 行政强制 label, half read,
  /// stood on a line of its own above the 行政处罚 values; the 行政强制 values followed under
  /// a garbled label.
  @Test("a label read in part above its values, followed by a row's worth of values under no known label, names no row")
  func guessedLabelAboveTwoValueRows() throws {
    let table =
      proactiveRows + """

        第二十条第（六）项\t本年处理决定数量
        \t内容了政强制UN 项\t\t
        \t\t542
        第三十条多\t\t81
        """
    let report = try reportWith(proactive: table)
    #expect(report.proactive.cell("enforcement", "decisions") == .some(nil))
    #expect(report.proactive.cell("penalties", "decisions") == .some(nil))
    let missing = report.findings.filter { $0.rule == "missing" && $0.location == "proactive.enforcement.decisions" }
    #expect(missing.first?.message.contains("cannot be told") == true)
    #expect(report.proactive.cell("normative_documents", "in_force") == .some(.count(20)))
  }

  /// As scans of 2019 and 2021 reports were read (scan set 1307 s13, s14): （一）予以公开 garbled
  /// past recognising (全是到勾公天) between two rows read right.
  @Test("a row's values under a garbled label are its own when the labels before and after name the rows around it")
  func garbledLabelBetweenNamedRows() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t41\t2\t3\t1\t2\t1\t50
      二、上年结转政府信息公开申请数量\t5\t1\t0\t0\t0\t1\t7
      三、本年度办\t全是到勾公天\t0\t0\t1\t0\t0\t0\t1
      \t（二）部分公开\t0\t2\t0\t0\t0\t0\t2
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("granted", "research") == .some(.count(1)))
    #expect(report.requests.cell("granted", "total") == .some(.count(1)))
    #expect(report.requests.cell("partially_granted", "commercial") == .some(.count(2)))
    // The label after names a later row: the garbled row could be either, so it stays unread.
    let skipped = try reportWith(
      requests: requests.replacingOccurrences(of: "（二）部分公开", with: "1.属于国家秘密"))
    #expect(skipped.requests.cell("granted", "total") == .some(nil))
    #expect(skipped.requests.cell("partially_granted", "total") == .some(nil))
    // Digits passed over after it (the rest of numbers wrapped below the row, s23 (七)总计):
    // its numbers may be cut short, so it stays unread too.
    let wrapped = try reportWith(
      requests: requests.replacingOccurrences(of: "\t（二）部分公开", with: "噪声\t7\t3\n\t（二）部分公开"))
    #expect(wrapped.requests.cell("granted", "total") == .some(nil))
  }

  /// As a scan of a 2021 report was read (scan set 1307 s2): the group cell's 理 of （五）不予处理
  /// read as 19, on the line of the next row's label, left of it.
  @Test("a value before a label on its line after a full row is a label glyph, not the row's wrapped number")
  func valueLeftOfLabelAfterFullRow() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t44\t6\t3\t2\t3\t1\t59
      \t（五）不予处\t3. 要求提供公开出版物\t0\t0\t0\t0\t0\t0\t0
      \t19\t4. 无正当理由大量反复申请\t0\t1\t0\t0\t0\t0\t1
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("rejected_publication", "total") == .some(.count(0)))
    #expect(report.requests.cell("rejected_excessive", "commercial") == .some(.count(1)))
    // Below the values of the row, the same digits are a wrapped number: the row is unread.
    let below = try reportWith(
      requests: requests.replacingOccurrences(of: "\t19\t4. 无正当", with: "\t\t\t\t\t\t\t\t19\n4. 无正当"))
    #expect(below.requests.cell("rejected_publication", "total") == .some(nil))
  }

  /// As a scan of a 2019 report was read (scan set 1307 s17): 90 of the last row read as 9
  /// and 0, filling both its cells, and its 68.64 万元 left over under a repeated header cell.
  @Test("values left over after the table's last row leave that row unread")
  func surplusAfterLastRow() throws {
    let fees = """
      第二十条第（八）项\t本年收费金额（单位：万元）
      行政事业性收费\t9
      """
    let table = proactiveRows + "\n" + fees
    let clean = try reportWith(proactive: table)
    guard case .amount(let amount)?? = clean.proactive.cell("fees", "amount") else {
      Issue.record("no amount read for 行政事业性收费")
      return
    }
    #expect(amount.yuan.description == "90000")
    let surplus = try reportWith(proactive: table + "\n收费金额\n68.64")
    #expect(surplus.proactive.cell("fees", "amount") == .some(nil))
    let missing = surplus.findings.filter { $0.rule == "missing" && $0.location == "proactive.fees.amount" }
    #expect(missing.first?.message.contains("after 行政事业性收费") == true)
  }

  /// As a scan of a 2019 report was read (scan set 1307 s17, light grey grid at 200 dpi): two
  /// column rules lost over the whole table, so a cell held three numbers read as one, and the
  /// stacked 23 and 37 read as nothing; by position 3 landed under 社会公益组织 (0 there).
  @Test("a grid row on one line short of the form's cells with a blank among them is unread whole")
  func shortGridRowWithBlank() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t\t4\t\t3\t
      二、上年结转政府信息公开申请数量\t3\t1\t0\t\t1\t1\t7
      """
    let report = try reportWith(requests: requests)
    for column in ["natural_person", "commercial", "research", "social_welfare", "total"] {
      #expect(report.requests.cell("new", column) == .some(nil), "\(column)")
    }
    let missing = report.findings.filter { $0.rule == "missing" && $0.location == "requests.new.commercial" }
    #expect(missing.first?.message.contains("cannot be told") == true)
    // A full row keeps its blank as a placeholder and every value in its column.
    #expect(report.requests.cell("carried_over", "social_welfare") == .some(nil))
    #expect(report.requests.cell("carried_over", "legal_services") == .some(.count(1)))
    #expect(report.requests.cell("carried_over", "total") == .some(.count(7)))
  }

  @Test("a label cell that names two rows leaves both unread: the values after it are passed over")
  func labelCellNamingTwoRows() throws {
    // scan7 s17-g1311 (light grey grid at 200 dpi, the rule between two rows lost): both
    // labels read as one cell, the first row's values beside it and the second row's below;
    // the later label took the first row's numbers (378 for 196), with no finding.
    for labels in ["行政处罚行政强制第二十条第（八）项", "信息行行政政处处罚罚行政强制"] {
      let table =
        proactiveRows + """

          第二十条第（五）项\t本年处理决定数量
          行政许可\t12
          第二十条第（六）项\t本年处理决定数量
          \(labels)\t542
          \t81
          第二十条第（八）项\t本年收费金额（单位：万元）
          行政事业性收费\t3.5
          """
      let report = try reportWith(proactive: table)
      #expect(report.proactive.cell("penalties", "decisions") == .some(nil), "\(labels)")
      #expect(report.proactive.cell("enforcement", "decisions") == .some(nil), "\(labels)")
      let missing = report.findings.filter { $0.rule == "missing" && $0.location == "proactive.enforcement.decisions" }
      #expect(missing.first?.message.contains("names several rows") == true, "\(labels)")
      #expect(report.proactive.cell("licensing", "decisions") == .some(.count(12)))
    }
  }

  @Test("a label cell led by the previous row's short label (（七）总计 + 结转…) names both rows: both unread")
  func labelCellLedByShortLabel() throws {
    // A WPS 300-dpi scan (s5001 g5006): the rule between （七）总计 and 四、结转下年度继续办理 lost
    // in the label column, both labels read as one cell, 四、结's characters outside the grid:
    // 总计转下年度继续办理, likest the second row. The first line of values went to it and the
    // second was passed over; (七)总计 was missing, seven false `missing` errors.
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1
      （七）总计转下年度继续办理\t23\t1\t0\t3\t1\t0\t28
      \t2\t2\t0\t0\t2\t2\t8
      """
    let report = try reportWith(requests: requests)
    for row in ["results_total", "carried_forward"] {
      #expect(report.requests.cell(row, "total") == .some(nil), "\(row)")
      #expect(
        report.findings.contains {
          $0.location == "requests.\(row).natural_person" && $0.message.contains("names several rows")
        }, "\(row)")
    }
    // A label that only holds (七)总计 stays that row's.
    let plain = try reportWith(
      requests: "一、本年新收政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n（七）总计\t23\t1\t0\t3\t1\t0\t28")
    #expect(plain.requests.cell("results_total", "total") == .some(.count(28)))
  }

  @Test(
    "a row filled by order under a header's noise is taken back by its own label after it; the next row keeps its own")
  func headerNoiseRowTakenBack() throws {
    // brwV s33-g1623 (a browser print, dark header photocopied): the header's words read as
    // noise with two stray numbers, put under 一、本年新收… by order; the row's own label
    // came after, and likeness gave it (and its 49 … 67) to 二、上年结转….
    let requests = """
      表一: 收到和处理政府信息公开申请情况
      E
      昌p 日
      5\t1\tE\t洒\t1\t2
      计
      一、本年新收政府信息公开申请数量\t49\t11\t1\t2\t3\t1\t67
      二、上年结转政府信息公开申请数量\t6\t0\t0\t1\t1\t0\t8
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("new", "natural_person") == .some(.count(49)))
    #expect(report.requests.cell("new", "total") == .some(.count(67)))
    #expect(report.requests.cell("carried_over", "natural_person") == .some(.count(6)))
    #expect(report.requests.cell("carried_over", "total") == .some(.count(8)))
    // The label garbled (一 read as 飞, brwV s30-g1624): likeness of the whole label still names it.
    let garbled = try reportWith(requests: requests.replacingOccurrences(of: "一、本年新收", with: "| 飞本年新收"))
    #expect(garbled.requests.cell("new", "natural_person") == .some(.count(49)))
    #expect(garbled.requests.cell("carried_over", "natural_person") == .some(.count(6)))
  }

  @Test("a sub-row's numbered label beside the group cell's pieces names the sub-row, never the single （六） row")
  func numberedSubRowBesideGroupPieces() throws {
    // scan5 s3-g1306 (threeline, abbreviated labels, photocopy): 逾期 read as 让期 / 请期, so
    // no spelling or start names the rows; likeness of 他处理 + the label took the second
    // line for （六）其他处理 and gave it the sub-row's zeros.
    let requests = """
      一、本年新收政府信息公开申请数量\t28\t5\t2\t1\t0\t1\t37
      5.要求确认或重新出具已获取信
      0 0 0 0 0 0 0
      息
      （六）其\t1. 申请人无正当理由让期不补正\t0\t0\t0\t0\t0\t1\t1
      他处理\t2. 申请人请期未缴纳费用\t0\t0\t0\t0\t0\t0\t0
      \t3.其他\t0\t0\t0\t0\t0\t0\t0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other", "natural_person") == .some(nil))
    #expect(report.requests.cell("other", "total") == .some(nil))
    #expect(report.requests.cell("other_no_correction", "other_org") == .some(.count(1)))
    #expect(report.requests.cell("other_no_correction", "total") == .some(.count(1)))
    #expect(report.requests.cell("other_unpaid_fee", "total") == .some(.count(0)))
    // Its label unreadable past the number: the values go nowhere rather than to （六）.
    let unnumbered = try reportWith(
      requests: requests.replacingOccurrences(of: "2. 申请人请期未缴纳费用", with: "2. 甲乙"))
    #expect(unnumbered.requests.cell("other", "total") == .some(nil))
  }

  @Test("a sub-row's number whose dot the scan lost (（六）其他处理 2 申请人…) names the sub-row, never the single （六） row")
  func subRowNumberWithoutMark() throws {
    // A browser-printed 2021 report photocopied at 200 dpi (make_browser_variants.py seed
    // 1931, border_rows…-s11, scan seed 1933), as the scan reader gave it: the group cell's
    // （六）其他处理 in the second sub-row's label cell, its 2. read as a bare 2 and 逾期 as
    // 斋期, so no spelling or start named the row; likeness took the line for the
    // 2019-style single row （六）其他处理 and gave it the sub-row's zeros.
    let requests = """
      一、本年新收政府信息公开申请数量\t2\t1\t0\t2\t1\t3\t9
      \t5.要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0
      1. 申请人无正当理由适期不补正、行政机关不再
      0 0 0 0 0 0 0
      处理其政府信息公开申请
      （六）其他处理 2 申请人斋期未按收费通知要求缴纳费 、行政 0 0 0 0 0 0 0
      机关不再处理其政府信息公开申请
      3. 其他\t0\t0\t0\t0\t0\t0\t0
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("other", "natural_person") == .some(nil))
    #expect(report.requests.cell("other", "total") == .some(nil))
    #expect(report.requests.cell("other_unpaid_fee", "natural_person") == .some(.count(0)))
    #expect(report.requests.cell("other_unpaid_fee", "total") == .some(.count(0)))
    #expect(report.requests.cell("other_other", "total") == .some(.count(0)))
  }

  /// As a 300-dpi scan of a narrow label column was read (scan set 1, s1 2021): every label
  /// wrapped, its rest on the line after the values; row 7 was placed by order, then the line
  /// `法案卷 8. 属于行政查` (row 7's rest, row 8's start) was like row 7 by its pairs.
  @Test("a row placed by order is not taken back by a label whose numbering names a later row")
  func numberingKeepsRowFromTakeBack() throws {
    let requests = """
      一、本年新收政府信息公开申请数量 50 0 0 0 0 0 50
      （三）不予公开 1.属于国家秘密 0 0 0 0 0 0 0
      部事务信息
      6. 属于四类过
      0 0 0 0 0 0 0
      程性信息
      7. 属于行政执
      0 0 0 0 0 0 0
      法案卷
      8. 属于行政查
      45 0 0 0 0 0 45
      询事项
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("denied_enforcement_files", "natural_person") != .some(.count(45)))
    #expect(report.requests.cell("denied_administrative_query", "natural_person") == .some(.count(45)))
    #expect(report.requests.cell("denied_administrative_query", "total") == .some(.count(45)))
  }

  /// As a 300-dpi scan (browser print, 2021 form, fresh set sb g2313) was read: table 三's
  /// （七）总计 read doubled as （（七七）总计）种, matching no row, after the label-only line of
  /// 3. 其他 (its zeros read O O). The values are （七）总计's, never 3. 其他's by order.
  @Test("values after a garbled label numbering a later row (（（七七）总计）种) are not the label-only row's before it")
  func garbledLaterLabelKeepsValuesFromLabelOnlyRow() throws {
    let requests = """
      一、本年新收政府信息公开申请数量\t1\t12\t3\t3\t3\t1\t23
      二、上年结转政府信息公开申请数量\t0\t0\t0\t1\t1\t1\t3
      本年度办理结有果\t（一）予以公开\t0\t0\t0\t1\t0\t0\t1
      \t（二）部分公开�区分处理的�只计这一情形�不计其他情形�\t0\t0\t0\t0\t0\t0\t0
      \t（三）不子公开\t1. 属于国家秘密\t0\t0\t0\t0\t0\t0\t0
      \t\t2. 其他法律行政法规禁止公开\t0\t0\t0\t0\t0\t0\t0
      \t\t稳安全及\t0\t0\t0\t0\t1\t0\t1
      \t\t4.保护第三方合法权益\t0\t0\t0\t0\t0\t0\t0
      \t\t5. 属于三类内部事务信息\t0\t0\t0\t0\t0\t0\t0
      \t\t6. 属于四类过程性信息\t0\t0\t0\t0\t0\t0\t0
      \t\t7. 属于行政执法案卷\t0\t0\t0\t0\t0\t0\t0
      \t\t8. 属于行政查询事项\t0\t0\t0\t0\t0\t0\t0
      人7同交5二
      人
      \t下汪国\t本到
      之\t光\t2
      人
      要用环3|疙
      用 攻|
      （四�无法提供\t1. 本机关不掌握相关政府信息\t0\t0\t0\t0\t0\t0\t0
      \t2.没有现成信息需要另行制作\t0\t0\t1\t0\t0\t0\t1
      \t3.补正后申请内容仍不明确\t0\t0\t0\t0\t0\t0\t0
      《五）不子处\t1.信访举报投诉类申请\t0\t0\t0\t0\t2\t0\t2
      \t2.重复申请\t0\t0\t0\t0\t0\t0\t0
      \t3. 要求提供公开出版物\t0\t3\t0\t0\t0\t0\t3
      理\t4.无正当理由大量反复申请\t0\t1\t0\t0\t0\t0\t1
      \t5. 要求行政机关确认或重新出具已获取信息\t0\t0\t0\t0\t0\t0\t0
      （六）其他处理\t1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t0\t8\t0\t0\t0\t0\t8
      \t2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0
      人
      了 丙 村
      了
      人
      国 医）
      和
      3. 其他 O O
      \t（（七七）总计）种\t0\t12\t1\t4\t3\t0\t20
      四、结转下年度继续办理\t1\t0\t2\t0\t1\t2\t6
      """
    let report = try reportWith(requests: requests)
    for cell in ["natural_person", "commercial", "research", "social_welfare", "legal_services", "other_org", "total"] {
      #expect(report.requests.cell("other_other", cell) == .some(nil), "other_other.\(cell)")
    }
    #expect(report.requests.cell("results_total", "natural_person") == .some(.count(0)))
    #expect(report.requests.cell("results_total", "commercial") == .some(.count(12)))
    #expect(report.requests.cell("results_total", "total") == .some(.count(20)))
    #expect(report.requests.cell("carried_forward", "total") == .some(.count(6)))
    #expect(locations(report, rule: "missing").contains("requests.other_other.total"))
  }

  /// As a 200-dpi photocopy (narrow label column, 2019 form, set sg2161 g2161) was read: the
  /// header's 总计 glued before the first row's wrapped label start. The cell names （七）总计
  /// but is mostly the next row's own label: the values stay 一、本年新收's.
  @Test("a header's 总计 glued before the next row's own label start (总计、本年新收政府信) names no later row")
  func headerNameGluedToOwnLabelKeepsRow() throws {
    let requests = """
      申请人情况
      《本列数据的勾稽关系为:第一项加第二\t然鼎\t法人或其他组织we\t
      项之和，加第四等于项之和第=项）\t愉\t商业企业科研机构公会大务。组织机其他，\t总计、本年新收政府信
      2 2 1 0 2 0 7
      息公开申请数量
      二、上年结转政府信 0 1 1 0 1 1 4
      """
    let report = try reportWith(requests: requests)
    #expect(report.requests.cell("new", "natural_person") == .some(.count(2)))
    #expect(report.requests.cell("new", "total") == .some(.count(7)))
    #expect(report.requests.cell("carried_over", "total") == .some(.count(4)))
  }
}
