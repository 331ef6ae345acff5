import Foundation
import GongkaiCore
import Testing

@Suite("Provenance of text inputs")
struct ProvenanceTests {
  /// Every path of a non-null cell of `report`.
  static func nonNullPaths(_ report: Report) -> Set<String> {
    var paths: Set<String> = []
    for (name, table) in [("proactive", report.proactive), ("requests", report.requests), ("appeals", report.appeals)] {
      for row in table.rows {
        for cell in row.cells where cell.value != nil { paths.insert("\(name).\(row.key).\(cell.key)") }
      }
    }
    return paths
  }

  /// Every text input with an expected file: Samples/text and the crawler pages of
  /// Samples/crawler, as paths under the project.
  static let textInputs =
    Fixtures.textInputsWithExpectations().map { "Samples/text/\($0)" }
    + Fixtures.inputsWithExpectations(in: Fixtures.crawlerSamples).map { "Samples/crawler/\($0)" }

  /// The report of `data` (a text input called `name`) with provenance, after checking that
  /// every non-null cell has one entry whose line of the input, read here at line feeds,
  /// holds its raw text; each entry's path and line.
  static func checkedLines(_ data: Data, name: String) throws -> [String: Int] {
    let text = try TextDecoder.decode(data, file: name)
    let report = try ReportPipeline().report(
      text: text, source: SourceInfo(file: name, sha256: SHA256.hexDigest(data), kind: .text), locator: LineLocator())
    let provenance = try #require(report.provenance)
    #expect(Set(provenance.map(\.path)) == Self.nonNullPaths(report), "\(name): cells without provenance")
    #expect(Set(provenance.map(\.path)).count == provenance.count)
    // Lines as a reader counts them: split at line feeds of the decoded input (a carriage
    // return before one is a blank, squeezed out below).
    let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    func squeezed(_ text: some StringProtocol) -> String {
      String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }
    var found: [String: Int] = [:]
    for entry in provenance {
      guard case .line(let line) = entry.origin else {
        Issue.record("\(name) \(entry.path): not a line origin")
        continue
      }
      found[entry.path] = line
      #expect(line >= 1 && line <= lines.count)
      guard line >= 1, line <= lines.count else { continue }
      // Raw is the text as the input prints it: full-width digits stay full-width.
      #expect(
        squeezed(lines[line - 1]).contains(squeezed(entry.raw)),
        "\(name) \(entry.path): \"\(entry.raw)\" not on line \(line): \(lines[line - 1].prefix(80))")
    }
    return found
  }

  @Test(
    "every non-null cell of a text or crawler sample points at an input line that holds its raw text",
    arguments: textInputs)
  func linesHoldRawText(path: String) throws {
    let data = try Data(contentsOf: Fixtures.root.appending(path: path))
    let lines = try Self.checkedLines(data, name: (path as NSString).lastPathComponent)
    #expect(lines.count >= 100)
  }

  @Test(
    "a text input with CRLF line ends gives every cell the line it has with LF",
    arguments: [
      "Samples/text/gen-2021-a.layout.txt", "Samples/crawler/crawl-000-mixed.txt",
      "Samples/crawler/crawl-gen-2019-a-glued.txt",
    ])
  func crlfLines(path: String) throws {
    let data = try Data(contentsOf: Fixtures.root.appending(path: path))
    var crlf = Data()
    for byte in data {
      if byte == 0x0A { crlf.append(0x0D) }
      crlf.append(byte)
    }
    let name = (path as NSString).lastPathComponent
    #expect(try Self.checkedLines(crlf, name: name) == Self.checkedLines(data, name: name))
  }

  @Test(
    "a text input printed in full-width digits gives each cell's raw as printed (１３６２, not the repairs' 1362)",
    arguments: ["Samples/text/gen-2021-a.layout.txt", "Samples/crawler/crawl-gen-2019-a-glued.txt"])
  func fullWidthRaw(path: String) throws {
    let data = try Data(contentsOf: Fixtures.root.appending(path: path))
    let text = try TextDecoder.decode(data, file: path)
    var wide = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      let digit = ("0"..."9").contains(scalar)
      wide.append(digit ? Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar : scalar)
    }
    let name = (path as NSString).lastPathComponent
    let lines = try Self.checkedLines(Data(String(wide).utf8), name: name)
    #expect(lines.count >= 100)
    let report = try ReportPipeline().report(
      text: String(wide), source: SourceInfo(file: name, sha256: "", kind: .text), locator: LineLocator())
    let narrowed = (report.provenance ?? []).filter { $0.raw.unicodeScalars.contains { ("0"..."9").contains($0) } }
    #expect(narrowed.isEmpty, "\(name): \(narrowed.count) raw values narrowed, e.g. \(narrowed.first?.raw ?? "")")
  }

  @Test("without a locator the report has no provenance and its JSON no provenance key")
  func absentByDefault() throws {
    let report = try Fixtures.report(ofSample: "000_9c86ffa99e553fb9.txt")
    #expect(report.provenance == nil)
    #expect(ReportJSON.encode(report)["provenance"] == nil)
  }

  @Test("provenance is written as OUTPUT.md says, passes the schema and reads back")
  func jsonShapes() throws {
    let name = "000_9c86ffa99e553fb9.txt"
    let data = try Data(contentsOf: Fixtures.textSamples.appending(path: name))
    var report = try ReportPipeline().report(
      text: try TextDecoder.decode(data, file: name),
      source: SourceInfo(file: name, sha256: SHA256.hexDigest(data), kind: .text), locator: LineLocator())
    let json = ReportJSON.encode(report)
    let first = try #require(json["provenance"]?.objectMembers?.first)
    #expect(first.1.objectMembers?.map(\.0) == ["raw", "line"])
    // The other two shapes, as the PDF and HTML/DOCX front ends give them.
    report.provenance? += [
      CellProvenance(path: "appeals.review.total", raw: "1,362", origin: .page(3, box: [72.5, 100, 90.25, 112.125])),
      CellProvenance(path: "appeals.review.upheld", raw: "12", origin: .table(2, row: 5, column: 8)),
    ]
    let encoded = ReportJSON.encode(report)
    let text = JSONWriter(pretty: false).string(from: encoded)
    #expect(text.contains(#""appeals.review.total":{"raw":"1,362","page":3,"box":[72.5,100,90.25,112.13]}"#))
    #expect(text.contains(#""appeals.review.upheld":{"raw":"12","table":2,"row":5,"column":8}"#))
    let schema = try JSONReader.parse(
      String(contentsOf: Fixtures.root.appending(path: "Models/report.schema.json"), encoding: .utf8))
    #expect(SchemaValidator(schema: schema).violations(of: encoded).isEmpty)
    let broken = text.replacingOccurrences(of: "[72.5,100,90.25,112.13]", with: "[72.5,100,90.25]")
    #expect(!SchemaValidator(schema: schema).violations(of: try JSONReader.parse(broken)).isEmpty)
    let back = try ReportJSON.decode(try JSONReader.parse(text))
    #expect(back.provenance?.count == report.provenance?.count)
    #expect(back.provenance?.last == report.provenance?.last)
  }

  @Test("the report's JSON text with provenance written entry by entry is the text of its JSON value")
  func directTextMatchesValue() throws {
    let name = "000_9c86ffa99e553fb9.txt"
    let data = try Data(contentsOf: Fixtures.textSamples.appending(path: name))
    var report = try ReportPipeline().report(
      text: try TextDecoder.decode(data, file: name),
      source: SourceInfo(file: name, sha256: SHA256.hexDigest(data), kind: .text), locator: LineLocator())
    let long = String(repeating: "一二三四五六七八九十", count: 120)
    // Every origin, and text that needs escapes or is too long for the writer's buffer.
    report.provenance? += [
      CellProvenance(path: "appeals.review.total", raw: "1,362", origin: .page(3, box: [72.5, 100, 90.25, 112.125])),
      CellProvenance(path: "appeals.review.upheld", raw: "-0.004", origin: .page(12, box: [-3.25, 0.05, 1e300, -0.5])),
      CellProvenance(path: "appeals.review.corrected", raw: "12", origin: .table(2, row: 5, column: 8)),
      CellProvenance(path: "appeals.review.other", raw: "say \"7\"\t\\", origin: .line(Int.max)),
      CellProvenance(path: "appeals.review.unfinished", raw: "7\u{2028}——", origin: .line(-40)),
      CellProvenance(path: "appeals.litigation.\u{1}", raw: long, origin: .table(0, row: Int.min, column: 10)),
      CellProvenance(path: "appeals.litigation.total", raw: "", origin: .page(1, box: [])),
    ]
    for writer in [JSONWriter(pretty: true), JSONWriter(pretty: false)] {
      #expect(ReportJSON.text(report, writer: writer) == writer.string(from: ReportJSON.encode(report)))
      var empty = report
      empty.provenance = []
      #expect(ReportJSON.text(empty, writer: writer) == writer.string(from: ReportJSON.encode(empty)))
      empty.provenance = nil
      #expect(ReportJSON.text(empty, writer: writer) == writer.string(from: ReportJSON.encode(empty)))
      // Reports in an array, as `gongkai parse` writes several.
      var array: [UInt8] = [UInt8(ascii: "[")]
      for (index, item) in [report, empty].enumerated() {
        writer.separator(before: index, level: 0, into: &array)
        ReportJSON.write(item, writer: writer, level: 1, into: &array)
      }
      writer.close(UInt8(ascii: "]"), level: 0, isEmpty: false, into: &array)
      let expected = writer.string(from: .array([ReportJSON.encode(report), ReportJSON.encode(empty)]))
      #expect(String(decoding: array, as: UTF8.self) == expected)
    }
  }
}
