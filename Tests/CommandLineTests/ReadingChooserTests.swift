import Foundation
import GongkaiCore
import GongkaiReader
import Testing

/// The tables' arithmetic as a second reader of OCR'd numbers: a doubtful cell's other
/// reading is taken only when it makes the table add up, a doubtful read the sums contradict
/// goes null with its finding, and printed faults read with confidence stay errors.
@Suite("Reading chooser")
struct ReadingChooserTests {
  /// The text layer of a generated 2021 report (tab-separated table rows) with the 予以公开
  /// row's 自然人 cell (printed 3, the row's total 5) replaced by `misread`, and where it is.
  static func misreadText(_ misread: String) throws -> (text: String, line: Int, field: Int, source: SourceInfo) {
    let input = try InputLoader.load(CommandRunner.root.appending(path: "Samples/pdf/gen-2021-a.pdf").path())
    var lines = input.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let index = try #require(lines.firstIndex { $0.contains("予以公开") && $0.contains("\t") })
    var fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    let field = fields.count - 7
    try #require(fields[field] == "3" && fields[fields.count - 1] == "5", "\(fields)")
    fields[field] = misread
    lines[index] = fields.joined(separator: "\t")
    return (lines.joined(separator: "\n"), index + 1, field, input.source)
  }

  /// The same text with cells of rows named by a label part replaced: `column` counts the
  /// row's seven value fields from the left (0: 自然人, 1: 商业企业), and where each is.
  static func editedText(_ edits: [(row: String, column: Int, value: String)]) throws -> (
    text: String, places: [(line: Int, field: Int)], source: SourceInfo
  ) {
    let input = try InputLoader.load(CommandRunner.root.appending(path: "Samples/pdf/gen-2021-a.pdf").path())
    var lines = input.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var places: [(line: Int, field: Int)] = []
    for edit in edits {
      let index = try #require(lines.firstIndex { $0.contains(edit.row) && $0.contains("\t") })
      var fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let field = fields.count - 7 + edit.column
      fields[field] = edit.value
      lines[index] = fields.joined(separator: "\t")
      places.append((index + 1, field))
    }
    return (lines.joined(separator: "\n"), places, input.source)
  }

  static func errors(_ report: Report) -> [String] {
    report.findings.filter { $0.severity == .error }.map { "\($0.rule) \($0.location)" }.sorted()
  }

  @Test("a doubtful 8 whose other reading is 3 becomes 3, recorded as ocr_correction")
  func takesTheReadingThatAddsUp() throws {
    let (text, line, field, source) = try Self.misreadText("8")
    let doubt = UncertainCell(line: line, field: field, value: "8", confidence: 41, alternatives: ["6", "3"])
    let report = try ReportPipeline().report(text: text, source: source, uncertain: [doubt])
    #expect(report.requests.cell("granted", "natural_person") == .some(.count(3)))
    #expect(Self.errors(report).isEmpty, "\(Self.errors(report))")
    let repair = try #require(report.repairs.first { $0.kind == "ocr_correction" })
    #expect(repair.detail.contains("8") && repair.detail.contains("3") && repair.line == line, "\(repair.detail)")
    #expect(
      report.findings.contains { $0.rule == "ocr_low_confidence" && $0.location == "requests.granted.natural_person" })
  }

  @Test("a doubtful read that no other reading makes add up is not kept: null, with the value read named for a person")
  func nullsDoubtfulReadWhenNoReadingAddsUp() throws {
    let (text, line, field, source) = try Self.misreadText("8")
    let doubt = UncertainCell(line: line, field: field, value: "8", confidence: 41, alternatives: ["6", "9"])
    let report = try ReportPipeline().report(text: text, source: source, uncertain: [doubt])
    #expect(report.requests.cell("granted", "natural_person") == .some(nil))
    let finding = try #require(
      report.findings.first { $0.rule == "ocr_low_confidence" && $0.location == "requests.granted.natural_person" })
    #expect(finding.message.contains("8"), "\(finding.message)")
    #expect(!report.repairs.contains { $0.kind == "ocr_correction" })
  }

  @Test("a misprint beside a blank cell is still an error where the cells read already sum past the total")
  func boundErrorBesideBlankCell() throws {
    // 予以公开's 总计 misprinted 50 for 5, 部分公开's 总计 printed as /: the 总计 column's
    // result rows read already sum past (七)总计 whatever the / stands for.
    let (text, _, source) = try Self.editedText([("予以公开", 6, "50"), ("部分公开", 6, "/")])
    let report = try ReportPipeline().report(text: text, source: source)
    #expect(
      Self.errors(report) == ["results_total requests.results_total.total", "row_total requests.granted.total"],
      "\(Self.errors(report))")
    let bound = try #require(report.findings.first { $0.rule == "results_total" })
    #expect(bound.message.contains("null cells"), "\(bound.message)")
  }

  @Test("the readings of a part of a number are no readings of the whole; the finding names both")
  func partReadingsAreNotWholeReadings() throws {
    // The cell holds 8 but the doubtful read is 1, a part of it (as 16 of a 168 wrapped in its
    // cell and joined by the layout). Its other reading 3 would make the table add up, but it
    // reads the part: the 8 is contradicted and goes null, with no correction.
    let (text, line, field, source) = try Self.misreadText("8")
    let doubt = UncertainCell(line: line, field: field, value: "1", confidence: 30, alternatives: ["3"])
    let report = try ReportPipeline().report(text: text, source: source, uncertain: [doubt])
    #expect(report.requests.cell("granted", "natural_person") == .some(nil))
    #expect(!report.repairs.contains { $0.kind == "ocr_correction" })
    let finding = try #require(
      report.findings.first { $0.rule == "ocr_low_confidence" && $0.location == "requests.granted.natural_person" })
    #expect(finding.message.hasPrefix("read as 8, its part 1 with confidence 30"), "\(finding.message)")
  }

  @Test("a printed fault read with confidence keeps its errors")
  func printedFaultStays() throws {
    let (text, _, _, source) = try Self.misreadText("8")
    let report = try ReportPipeline().report(text: text, source: source)
    #expect(
      Self.errors(report) == [
        "results_total requests.results_total.natural_person", "row_total requests.granted.total",
      ])
    #expect(!report.repairs.contains { $0.kind == "ocr_correction" })
  }

  /// The doubtful reads of the two tie tests: 予以公开's 自然人 read 8 with confidence 90 at
  /// `places[0]`, its 商业企业 read 1 with confidence 40 at `places[1]`.
  static func eightAndOne(at places: [(line: Int, field: Int)], first: String = "8") -> [UncertainCell] {
    [
      UncertainCell(line: places[0].line, field: places[0].field, value: first, confidence: 90),
      UncertainCell(line: places[1].line, field: places[1].field, value: "1", confidence: 40),
    ]
  }

  @Test("of doubtful reads clearing the same error, one a check that adds up vouches for stays and the other goes")
  func vouchedForReadStays() throws {
    // 予以公开's 自然人 printed 3 read 8 (confidently), its 商业企业 1 read unsure; with
    // 部分公开's 自然人 unread, only the row's 总计 sees the 8, and nulling either cell clears it.
    // 商业企业's column still adds up with its 1: the 8 goes, though read with more confidence.
    let (text, places, source) = try Self.editedText([
      ("予以公开", 0, "8"), ("予以公开", 1, "1"), ("部分公开", 0, "/"),
    ])
    let doubts = Self.eightAndOne(at: places)
    let report = try ReportPipeline().report(text: text, source: source, uncertain: doubts)
    #expect(report.requests.cell("partially_granted", "natural_person") == .some(nil))
    #expect(report.requests.cell("granted", "natural_person") == .some(nil))
    #expect(report.requests.cell("granted", "commercial") == .some(.count(1)))
    #expect(Self.errors(report).allSatisfy { $0.hasPrefix("missing ") }, "\(Self.errors(report))")
  }

  @Test("a lone doubtful read whose row of sure cells adds up to it stays; the misprint elsewhere keeps its errors")
  func readVouchedForBySureCellsStays() throws {
    // 予以公开's 总计 misprinted 7 for 5 (read with confidence); (七)总计's 总计 read doubtful
    // as printed. Nulling the doubtful total alone clears the 总计 column's results_total
    // error, but its own row's six sure cells add up to it: the error is the misprint's.
    // The sample prints (七)总计's 总计 20 (11 5 1 1 1 1; Samples/pdf/gen-2021-a.expected.json).
    let total = 20
    let (text, places, source) = try Self.editedText([("予以公开", 6, "7"), ("（七）总计", 6, "\(total)")])
    let doubt = UncertainCell(line: places[1].line, field: places[1].field, value: "\(total)", confidence: 0)
    let report = try ReportPipeline().report(text: text, source: source, uncertain: [doubt])
    #expect(report.requests.cell("results_total", "total") == .some(.count(total)))
    #expect(
      Self.errors(report) == ["results_total requests.results_total.total", "row_total requests.granted.total"],
      "\(Self.errors(report))")
  }

  @Test("doubtful reads that clear the same error, none vouched for by a check that adds up, all go")
  func indistinguishableReadsAllGo() throws {
    // As above, with 部分公开's 商业企业 unread too, and 自然人's 3 read 4: no sum tells the 4
    // from the 1 (自然人's column, one cell null, is one short of its 总计's 11 without the
    // 部分公开 1 it lacks, not over it).
    let (text, places, source) = try Self.editedText([
      ("予以公开", 0, "4"), ("予以公开", 1, "1"), ("部分公开", 0, "/"), ("部分公开", 1, "/"),
    ])
    let doubts = Self.eightAndOne(at: places, first: "4")
    let report = try ReportPipeline().report(text: text, source: source, uncertain: doubts)
    #expect(report.requests.cell("granted", "natural_person") == .some(nil))
    #expect(report.requests.cell("granted", "commercial") == .some(nil))
    #expect(!Self.errors(report).contains("row_total requests.granted.total"), "\(Self.errors(report))")
  }

  @Test("a doubtful read that puts a column with a null cell over its 总计 goes; the read no sum contradicts stays")
  func boundTellsReadsApart() throws {
    // 予以公开's 自然人 printed 3 read 8, its 商业企业 1 unsure, 部分公开's 自然人 and 商业企业
    // unread. The 自然人 column without the null cell (1 printed) is already 16 > 11, whatever
    // the null is: only the 8 can be wrong. Before, nulls silenced every column check and the
    // two were a tie.
    let (text, places, source) = try Self.editedText([
      ("予以公开", 0, "8"), ("予以公开", 1, "1"), ("部分公开", 0, "/"), ("部分公开", 1, "/"),
    ])
    let report = try ReportPipeline().report(text: text, source: source, uncertain: Self.eightAndOne(at: places))
    #expect(report.requests.cell("granted", "natural_person") == .some(nil))
    #expect(report.requests.cell("granted", "commercial") == .some(.count(1)))
    #expect(Self.errors(report).allSatisfy { $0.hasPrefix("missing ") }, "\(Self.errors(report))")
    let finding = try #require(
      report.findings.first { $0.rule == "ocr_low_confidence" && $0.location == "requests.granted.natural_person" })
    #expect(finding.message.contains("contradicts"), "\(finding.message)")
  }

  @Test("two doubtful reads that break one sum only together both go; read with confidence they stay errors")
  func doubtfulPairGoes() throws {
    // 科研机构: 一 new 1, (七)总计 printed 1 read 2, 四、结转 printed 0 read 2; the column's
    // 1 and both rows' 总计 unread. 1 ≠ 2 + 2 (balance), and nulling either alone still leaves
    // 1 < 2: only the two together explain it.
    let (text, places, source) = try Self.editedText([
      ("1.本机关不掌握", 2, "/"), ("（七）总计", 2, "2"), ("（七）总计", 6, "/"), ("四、结转", 2, "2"), ("四、结转", 6, "/"),
    ])
    let doubts = [
      UncertainCell(line: places[1].line, field: places[1].field, value: "2", confidence: 27),
      UncertainCell(line: places[3].line, field: places[3].field, value: "2", confidence: 34),
    ]
    let report = try ReportPipeline().report(text: text, source: source, uncertain: doubts)
    #expect(report.requests.cell("results_total", "research") == .some(nil))
    #expect(report.requests.cell("carried_forward", "research") == .some(nil))
    #expect(Self.errors(report).allSatisfy { $0.hasPrefix("missing ") }, "\(Self.errors(report))")
    let printed = try ReportPipeline().report(text: text, source: source)
    #expect(printed.requests.cell("carried_forward", "research") == .some(.count(2)))
    #expect(Self.errors(printed).contains { $0.hasPrefix("balance ") }, "\(Self.errors(printed))")
  }

  /// The text layer of Samples/pdf/gen-2021-a.pdf, whose narrative states 行政强制决定 5 件,
  /// with table 二's 行政强制 value (printed 5) replaced by `misread`, and where it is.
  static func enforcementText(_ misread: String) throws -> (text: String, line: Int, field: Int, source: SourceInfo) {
    let input = try InputLoader.load(CommandRunner.root.appending(path: "Samples/pdf/gen-2021-a.pdf").path())
    var lines = input.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    try #require(input.text.contains("行政强制决定 5 件"))
    let index = try #require(lines.firstIndex { $0.hasPrefix("行政强制\t") }, "\(input.text)")
    var fields = lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
    let field = fields.count - 1
    try #require(fields[field] == "5", "\(fields)")
    fields[field] = misread
    lines[index] = fields.joined(separator: "\t")
    return (lines.joined(separator: "\n"), index + 1, field, input.source)
  }

  @Test("the narrative as a second reader: a doubtful 3 read 5 as well becomes the 5 the text states")
  func narrativeChoosesTheReading() throws {
    let (text, line, field, source) = try Self.enforcementText("3")
    let doubt = UncertainCell(line: line, field: field, value: "3", confidence: 0, alternatives: ["5"])
    let report = try ReportPipeline().report(text: text, source: source, uncertain: [doubt])
    #expect(report.proactive.cell("enforcement", "decisions") == .some(.count(5)))
    let repair = try #require(report.repairs.first { $0.kind == "ocr_correction" })
    #expect(repair.detail.contains("read 3") && repair.detail.contains("narrative states 5"), "\(repair.detail)")
    #expect(!report.findings.contains { $0.rule == "narrative_mismatch" }, "\(report.findings)")
  }

  @Test("a doubtful read the narrative contradicts, with no reading of its glyphs agreeing, is null with its finding")
  func narrativeContradictsDoubtfulRead() throws {
    let (text, line, field, source) = try Self.enforcementText("3")
    let doubt = UncertainCell(line: line, field: field, value: "3", confidence: 0, alternatives: ["8"])
    let report = try ReportPipeline().report(text: text, source: source, uncertain: [doubt])
    #expect(report.proactive.cell("enforcement", "decisions") == .some(nil))
    let finding = try #require(
      report.findings.first { $0.rule == "ocr_low_confidence" && $0.location == "proactive.enforcement.decisions" })
    #expect(
      finding.message.contains("read as 3") && finding.message.contains("narrative states 5"), "\(finding.message)")
    #expect(!report.repairs.contains { $0.kind == "ocr_correction" })
    // Read with confidence the 3 stays, and the text's 5 is a narrative_mismatch.
    let printed = try ReportPipeline().report(text: text, source: source)
    #expect(printed.proactive.cell("enforcement", "decisions") == .some(.count(3)))
    #expect(printed.findings.contains { $0.rule == "narrative_mismatch" }, "\(printed.findings)")
  }
}
