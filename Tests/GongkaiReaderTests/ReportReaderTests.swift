import Foundation
import GongkaiReader
import Testing

private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent()

@Suite("The library's front door")
struct ReportReaderTests {
  @Test("the README's example compiles (this file is it) and reads a PDF and a web page of the same report")
  func readmeExample() throws {
    let example = try String(
      contentsOf: root.appending(path: "Tests/GongkaiReaderTests/ReadmeExample.swift"), encoding: .utf8)
    let readme = try String(contentsOf: root.appending(path: "README.md"), encoding: .utf8)
    #expect(
      readme.contains(example.trimmingCharacters(in: .whitespacesAndNewlines)),
      "README.md must show ReadmeExample.swift as it is")
    let lines = summarize([
      root.appending(path: "Samples/pdf/gen-2021-a.pdf").path(),
      root.appending(path: "Samples/html/gen-2021-a.portal.html").path(),
    ])
    #expect(lines == Array(repeating: "青石县自然资源局2021年政府信息公开工作年度报告 2021: 17", count: 2))
  }

  @Test("bytes in, a report out; source.kind from the content, whatever the name says")
  func bytes() throws {
    let data = try Data(contentsOf: root.appending(path: "Samples/markdown/gen-2019-b.docling.md"))
    let report = try ReportReader().report(data: data, name: "export.txt")
    #expect(report.source.kind == .markdown)
    #expect(report.source.file == "export.txt")
    #expect(report.requests.cell("new", "total")??.count == 7)
  }

  @Test("a loaded web page says where each table line came from: table, grid row, grid columns")
  func gridOrigins() throws {
    let input = try InputLoader.load(root.appending(path: "Samples/html/gen-2021-a.clean.html").path())
    let lines = input.text.split(separator: "\n", omittingEmptySubsequences: false)
    let new = try #require(input.gridLines.first { lines[$0.line - 1].hasPrefix("一、本年新收") })
    #expect(new.table == 2)
    #expect(new.row == 4)
    #expect(new.columns == [1, 4, 5, 6, 7, 8, 9, 10])
  }
}
