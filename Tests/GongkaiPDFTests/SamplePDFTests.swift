import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

/// Extraction of the LibreOffice-generated sample reports, checked against their expected files.
@Suite("Generated sample PDFs")
struct SamplePDFTests {
  @Test("the samples are there")
  func samplesExist() {
    #expect(Samples.generated.count >= 5, "expected gen-*.pdf with .expected.json in Samples/pdf")
  }

  @Test("page count, text layer and title", arguments: Samples.generated)
  func basics(name: String) throws {
    let extracted = try Samples.extracted(name)
    let expected = try Samples.expected(name)
    let source = expected["source"] as? [String: Any]
    let meta = expected["meta"] as? [String: Any]
    #expect(extracted.pageCount == source?["pages"] as? Int)
    #expect(extracted.pagesWithoutText.isEmpty)
    #expect(extracted.title == meta?["title"] as? String)
    // The report title is the first line of text, broken title lines joined.
    let firstLine = extracted.lines.first?.compact
    #expect(firstLine == (meta?["title"] as? String)?.compact)
  }

  @Test("every table-三 row is one tab-separated line with its 7 numbers", arguments: Samples.generated)
  func requestRows(name: String) throws {
    let extracted = try Samples.extracted(name)
    let requests = try #require(try Samples.expected(name)["requests"] as? [String: Any])
    var checked = 0
    for (key, label) in requestLabels {
      guard let cells = requests[key] as? [String: Any] else { continue }  // null: not in this template
      let expected = applicantKeys.map { cells[$0] as? Int }
      let matches = extracted.rows.filter { row in
        row.contains { $0.compact.hasPrefix(label) && (label != "3.其他" || $0.compact == label) }
      }
      try #require(matches.count == 1, "\(name) \(key): \(matches.count) lines start a cell with \(label)")
      let row = matches[0]
      let numbers = row.suffix(7).map { Int($0) }
      #expect(numbers == expected, "\(name) \(key): \(row)")
      // Label cells come first, then the seven values.
      #expect(row.dropLast(7).contains { $0.compact.hasPrefix(label) })
      checked += 1
    }
    #expect(checked >= 23)
  }

  @Test("merged group cells come out once, in the first row they span", arguments: Samples.generated)
  func mergedCellsOnce(name: String) throws {
    let extracted = try Samples.extracted(name)
    for label in ["三、本年度办理结果", "（三）不予公开", "（四）无法提供", "（五）不予处理"] {
      let cells = extracted.rows.flatMap { $0 }.filter { $0.compact == label }
      #expect(cells.count == 1, "\(name): \(label) appears \(cells.count) times as a cell")
    }
    // The row after a merged label's first row leaves that column empty.
    let partly = try #require(extracted.lines.first { $0.compact.contains("（二）部分公开") })
    #expect(partly.hasPrefix("\t"))
    let granted = try #require(extracted.lines.first { $0.compact.contains("（一）予以公开") })
    #expect(granted.compact.hasPrefix("三、本年度办理结果（一）予以公开"))
  }

  /// The first and last page on which table 三 appears (its header, its last row).
  func tablePages(_ name: String) throws -> (first: Int, last: Int) {
    let document = try PDFDocument(path: Samples.pdf(name))
    let texts = try (1...document.pageCount).map { try document.page($0).text.compact }
    let first = try #require(texts.firstIndex { $0.contains("申请人情况") })
    let last = try #require(texts.lastIndex { $0.contains("四、结转下年度继续办理") })
    return (first + 1, last + 1)
  }

  @Test("some samples break table 三 across pages, so stitching is exercised")
  func someTablesBreak() throws {
    let broken = try Samples.generated.filter { name in
      let pages = try tablePages(name)
      return pages.first < pages.last
    }
    #expect(broken.count >= 2, "table 三 breaks across pages only in \(broken)")
  }

  @Test("table 三 is stitched: nothing between its rows, wherever the page breaks", arguments: Samples.generated)
  func tableStitched(name: String) throws {
    let lines = try Samples.extracted(name).lines
    let start = try #require(lines.firstIndex { $0.compact.contains("申请人情况") })
    let end = try #require(lines.firstIndex { $0.compact.hasPrefix("四、结转下年度") })
    #expect(start < end)
    for line in lines[start...end] {
      #expect(line.contains("\t"), "\(name): a non-row line inside table 三: \(line)")
    }
    // Header rows are not repeated after the break.
    #expect(lines.filter { $0.compact.contains("申请人情况") }.count == 1)
  }

  @Test("page numbers and footers are gone", arguments: Samples.generated)
  func footersGone(name: String) throws {
    let extracted = try Samples.extracted(name)
    for line in extracted.lines where !line.contains("\t") {
      #expect(!PageFurniture.isPageNumber(line), "\(name): page marker left: \(line)")
    }
    for number in 1...extracted.pageCount {
      for marker in ["—\(number)—", "-\(number)-", "第\(number)页"] {
        #expect(!extracted.lines.contains { $0.compact == marker })
      }
    }
    // The markers really are in the PDF: the test would catch them.
    let raw = try PDFDocument(path: Samples.pdf(name)).page(1).text
    #expect(raw.split(separator: "\n").contains { PageFurniture.isPageNumber(String($0)) })
  }

  @Test("table 四: vertical header labels read whole, one row of 15 numbers", arguments: Samples.generated)
  func appealsTable(name: String) throws {
    let extracted = try Samples.extracted(name)
    let appeals = try #require(try Samples.expected(name)["appeals"] as? [String: Any])
    var expected: [Int?] = []
    for group in ["review", "litigation_direct", "litigation_after_review"] {
      let cells = appeals[group] as? [String: Any]
      expected += ["upheld", "corrected", "other", "pending", "total"].map { cells?[$0] as? Int }
    }
    let numeric = extracted.rows.filter { $0.count == 15 && $0.allSatisfy { Int($0) != nil } }
    #expect(numeric.count == 1)
    #expect(numeric.first?.map { Int($0) } == expected)
    let header = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
    #expect(extracted.rows.contains { Array($0.prefix(5)) == header }, "\(name): vertical labels")
  }

  @Test("table 二 rows carry their counts", arguments: Samples.generated)
  func proactiveRows(name: String) throws {
    let extracted = try Samples.extracted(name)
    let expected = try Samples.expected(name)
    let proactive = try #require(expected["proactive"] as? [String: Any])
    let template = (expected["meta"] as? [String: Any])?["template"] as? String
    let rows: [(key: String, label: String, cells: [String])] =
      template == "2021"
      ? [
        ("rules", "规章", ["issued", "repealed", "in_force"]),
        ("normative_documents", "行政规范性文件", ["issued", "repealed", "in_force"]),
        ("licensing", "行政许可", ["decisions"]), ("penalties", "行政处罚", ["decisions"]),
        ("enforcement", "行政强制", ["decisions"]),
      ]
      : [
        ("rules", "规章", ["made", "published", "total"]),
        ("normative_documents", "规范性文件", ["made", "published", "total"]),
        ("licensing", "行政许可", ["previous", "change", "decisions"]),
        ("penalties", "行政处罚", ["previous", "change", "decisions"]),
        ("enforcement", "行政强制", ["previous", "change", "decisions"]),
      ]
    for (key, label, cells) in rows {
      let values = proactive[key] as? [String: Any]
      let want = cells.map { values?[$0] as? Int }
      let line = extracted.rows.first { $0.first?.compact == label }
      #expect(line.map { $0.dropFirst().map { Int($0) } } == want, "\(name) \(key)")
    }
  }

  @Test("the same text from the file and from its bytes")
  func pathAndBytesAgree() throws {
    let name = try #require(Samples.generated.first)
    let data = try Data(contentsOf: URL(fileURLWithPath: Samples.pdf(name)))
    let fromBytes = try PDFTextExtractor.extract(data: data, source: name)
    #expect(fromBytes == (try Samples.extracted(name)))
  }
}
