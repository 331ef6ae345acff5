import GongkaiCore
import Testing

/// A consistent 2021 report (seed 003, all tables filled) to break one rule at a time.
private func cleanReport() throws -> Report {
  try Fixtures.report(ofSample: "003_d1513ee4e846cccb.txt")
}

private func findings(_ report: Report, rule: String) -> [Finding] {
  ReportPipeline().revalidate(report).findings.filter { $0.rule == rule }
}

@Suite("Validation rules")
struct ValidationTests {
  @Test("the clean sample has no findings")
  func cleanSampleHasNoFindings() throws {
    #expect(ReportPipeline().revalidate(try cleanReport()).findings.isEmpty)
  }

  @Test("missing: a null cell of the form is an error, placeholders and absent rows are not")
  func missing() throws {
    var report = try cleanReport()
    report.appeals.set("review", "pending", nil)
    let found = findings(report, rule: "missing")
    #expect(found.map(\.location) == ["appeals.review.pending"])
    #expect(found.first?.severity == .error)
  }

  @Test("row_total: 总计 must equal the six applicant cells")
  func rowTotal() throws {
    var report = try cleanReport()
    report.requests.set("granted", "natural_person", .count(2))
    report.requests.set("granted", "total", .count(3))
    #expect(findings(report, rule: "row_total").map(\.location) == ["requests.granted.total"])
    #expect(findings(report, rule: "row_total").first?.message.contains("= 2") == true)
  }

  @Test("results_total: （七）总计 must equal the sum of the result rows, per column")
  func resultsTotal() throws {
    var report = try cleanReport()
    report.requests.set("other_other", "commercial", .count(1))
    report.requests.set("other_other", "total", .count(1))
    #expect(
      findings(report, rule: "results_total").map(\.location) == [
        "requests.results_total.commercial", "requests.results_total.total",
      ])
  }

  @Test("balance: 一 + 二 = 三（七） + 四, per column")
  func balance() throws {
    var report = try cleanReport()
    report.requests.set("new", "research", .count(2))
    report.requests.set("new", "total", .count(2))
    let locations = findings(report, rule: "balance").map(\.location)
    #expect(locations == ["requests.carried_forward.research", "requests.carried_forward.total"])
    #expect(findings(report, rule: "row_total").isEmpty)
  }

  @Test("appeals_total: 总计 = 维持 + 纠正 + 其他 + 尚未审结")
  func appealsTotal() throws {
    var report = try cleanReport()
    report.appeals.set("litigation_direct", "upheld", .count(10))
    report.appeals.set("litigation_after_review", "corrected", .count(1))
    #expect(
      findings(report, rule: "appeals_total").map(\.location) == [
        "appeals.litigation_direct.total", "appeals.litigation_after_review.total",
      ])
  }

  @Test("the real case: 总计 0 under 10 + 1 复议 cases")
  func appealsTotalZeroUnderCases() throws {
    var report = try cleanReport()
    report.appeals.set("review", "upheld", .count(10))
    report.appeals.set("review", "corrected", .count(1))
    let found = findings(report, rule: "appeals_total")
    #expect(found.count == 1)
    #expect(found.first?.message.contains("= 11") == true)
  }

  @Test("negative: a count below zero is an error, 本年增/减 may be negative")
  func negative() throws {
    var report = try cleanReport()
    report.requests.set("granted", "natural_person", .count(-1))
    #expect(findings(report, rule: "negative").map(\.location) == ["requests.granted.natural_person"])
    var older = try Fixtures.report(ofSample: "000_9c86ffa99e553fb9.txt")
    older.proactive.set("licensing", "change", .count(-2))
    #expect(findings(older, rule: "negative").isEmpty)
  }

  @Test("template_year: a 2019 form on a report for 2021, and the reverse")
  func templateYear() throws {
    var report = try cleanReport()
    report.meta.year = 2020
    #expect(findings(report, rule: "template_year").map(\.location) == ["meta.template"])
    report.meta.year = 2023
    #expect(findings(report, rule: "template_year").isEmpty)
  }

  @Test("template_deviation: a single （六） row in a 2021 table counts in results_total")
  func mergedSixthRow() throws {
    var report = try cleanReport()
    for key in ["other_no_correction", "other_unpaid_fee", "other_other"] {
      guard let index = report.requests.rows.firstIndex(where: { $0.key == key }) else { continue }
      report.requests.rows[index].cells = report.requests.rows[index].cells.map { .init(key: $0.key, value: nil) }
    }
    guard let otherIndex = report.requests.rows.firstIndex(where: { $0.key == "other" }) else {
      Issue.record("no other row")
      return
    }
    report.requests.rows[otherIndex].isAbsentByDesign = false
    report.requests.rows[otherIndex].cells = report.requests.rows[otherIndex].cells.map {
      .init(key: $0.key, value: .count(0))
    }
    report.requests.set("other", "natural_person", .count(1))
    report.requests.set("other", "total", .count(1))
    let revalidated = ReportPipeline().revalidate(report)
    #expect(revalidated.findings.filter { $0.rule == "template_deviation" }.map(\.location) == ["requests.other"])
    #expect(revalidated.findings.filter { $0.rule == "missing" }.isEmpty)
    // The merged row is part of the results: 1 more result than （七） says.
    #expect(
      revalidated.findings.filter { $0.rule == "results_total" }.map(\.location) == [
        "requests.results_total.natural_person", "requests.results_total.total",
      ])
  }

  @Test("placeholder: / and — give null with a warning instead of a missing error")
  func placeholder() throws {
    let report = try Fixtures.report(ofSample: "rule-placeholder.txt")
    #expect(report.findings.filter { $0.rule == "placeholder" }.count == 2)
    #expect(report.findings.filter { $0.rule == "missing" }.isEmpty)
    // Re-validating the JSON keeps them: the reason for the null is not in the data.
    let again = ReportPipeline().revalidate(report)
    #expect(again.findings.filter { $0.rule == "placeholder" }.count == 2)
    #expect(again.findings.filter { $0.rule == "missing" }.isEmpty)
  }

  @Test("narrative_mismatch: the text says 17 applications, the table 95")
  func narrativeMismatch() throws {
    var report = try cleanReport()
    report.requests.set("new", "natural_person", .count(95))
    report.requests.set("new", "total", .count(95))
    report.sections.overview = "2021年，本机关全年共收到政府信息公开申请17件，均按时答复。"
    let found = findings(report, rule: "narrative_mismatch")
    #expect(found.map(\.location) == ["sections.overview"])
    #expect(found.first?.message.contains("17") == true)
    #expect(found.first?.message.contains("95") == true)
    report.sections.overview = "2021年，本机关全年共收到政府信息公开申请95件，均按时答复。"
    #expect(findings(report, rule: "narrative_mismatch").isEmpty)
  }

  @Test("narrative_mismatch: the 2019 form's normative documents made and public in all, stated in one sentence")
  func narrativeNormativeDocuments() throws {
    // 全年新制作规范性文件5件，新公开5件，对外公开规范性文件总数38件；…
    var report = try Fixtures.report(ofSample: "gen-2019-a.raw.txt")
    #expect(findings(report, rule: "narrative_mismatch").isEmpty)
    report.proactive.set("normative_documents", "total", .count(37))
    let total = findings(report, rule: "narrative_mismatch")
    #expect(total.count == 1 && total.first?.message.contains("38") == true, "\(total)")
    report.proactive.set("normative_documents", "total", .count(38))
    report.proactive.set("normative_documents", "made", .count(4))
    let made = findings(report, rule: "narrative_mismatch")
    #expect(made.count == 1 && made.first?.message.contains("5") == true, "\(made)")
  }

  @Test("narrative_mismatch: 'no applications' against a table that has some")
  func narrativeZero() throws {
    var report = try cleanReport()
    report.sections.overview = "2021年无公民、法人和其他组织向我镇提出政府信息公开申请。"
    #expect(findings(report, rule: "narrative_mismatch").isEmpty)
    report.requests.set("new", "natural_person", .count(2))
    report.requests.set("new", "total", .count(2))
    #expect(findings(report, rule: "narrative_mismatch").count == 1)
  }
}

@Suite("Uncertain cells")
struct UncertainCellTests {
  @Test("ocr_low_confidence: a doubtful value is reported at the cell it landed in")
  func lowConfidence() throws {
    let text = try Fixtures.text(ofSample: "001_f54858a1ba3b72c6.txt")
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    // The row 其他对外管理服务事项 → 473 → 0 → 412 sits on one line; 412 is field 3.
    let number = try #require(lines.firstIndex { $0.hasPrefix("其他对外管理服务事项") }) + 1
    let report = try ReportPipeline().report(
      text: text, source: SourceInfo(file: "001.txt", sha256: "", kind: .text),
      uncertain: [UncertainCell(line: number, field: 3, value: "412", confidence: 41)])
    let found = report.findings.filter { $0.rule == "ocr_low_confidence" }
    #expect(found.map(\.location) == ["proactive.other_services.decisions"])
    #expect(found.first?.message.contains("412") == true)
    #expect(found.first?.severity == .warning)
  }
}
