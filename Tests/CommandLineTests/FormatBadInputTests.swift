import Foundation
import GongkaiCore
import Testing
import ZIPFoundation

/// Runs `gongkai parse FILE` and checks the outcome is a report (exit 0) or exactly one
/// error line naming the file (exit 2) containing `reason`; returns the run.
@discardableResult
private func expectReportOrOneLine(_ file: URL, reason: String? = nil, report: Bool? = nil) throws
  -> CommandRunner.Result
{
  let result = try CommandRunner.run(["parse", file.path()])
  #expect([0, 2].contains(result.status), "\(file.lastPathComponent): status \(result.status)")
  if let report { #expect((result.status == 0) == report, "\(file.lastPathComponent): \(result.standardError)") }
  if result.status == 2 {
    let lines = result.standardError.split(separator: "\n").filter { $0.hasPrefix("gongkai:") }
    #expect(lines.count == 1, "\(result.standardError)")
    #expect(lines.first?.contains(file.lastPathComponent) == true)
    if let reason { #expect(lines.first?.contains(reason) == true, "\(result.standardError)") }
  }
  return result
}

/// A ZIP archive at `url` holding `parts` (path → text).
private func writeZip(_ url: URL, parts: [String: String]) throws {
  let archive = try Archive(url: url, accessMode: .create)
  for (path, text) in parts.sorted(by: { $0.key < $1.key }) {
    let data = Data(text.utf8)
    try archive.addEntry(
      with: path, type: .file, uncompressedSize: Int64(data.count),
      provider: { position, size in data.subdata(in: Int(position)..<Int(position) + size) })
  }
}

@Suite("Web pages, Word files and Markdown: bad input")
struct FormatBadInputTests {
  @Test("a truncated .docx: one line naming the file, exit 2")
  func truncatedDOCX() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let original = try Data(contentsOf: CommandRunner.root.appending(path: "Samples/docx/gen-2021-a.docx"))
    let file = folder.appending(path: "truncated.docx")
    try original.prefix(original.count / 2).write(to: file)
    try expectReportOrOneLine(file, reason: "damaged or truncated", report: false)
  }

  @Test("a .docx that is not a report, and a ZIP that is not a Word file: one line each, exit 2")
  func notAReport() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let notice = folder.appending(path: "notice.docx")
    try writeZip(
      notice,
      parts: [
        "word/document.xml":
          """
        <?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>关于召开年度工作会议的通知</w:t></w:r></w:p></w:body></w:document>
        """
      ])
    try expectReportOrOneLine(notice, reason: "no 政府信息公开工作年度报告 found", report: false)
    let sheet = folder.appending(path: "sheet.docx")
    try writeZip(sheet, parts: ["xl/workbook.xml": "<workbook/>"])
    try expectReportOrOneLine(sheet, reason: "not a Word document", report: false)
  }

  @Test("a legacy .doc or .wps (OLE2): exit 2 saying to save it as .docx or PDF")
  func legacyWord() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var bytes: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    bytes += [UInt8](repeating: 0, count: 4096)
    for name in ["report.doc", "report.wps"] {
      let file = folder.appending(path: name)
      try Data(bytes).write(to: file)
      try expectReportOrOneLine(file, reason: "save it as .docx or PDF", report: false)
    }
  }

  @Test("an HTML page with no report: exit 2 naming the file")
  func pageWithoutReport() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appending(path: "news.html")
    try Data("<html><body><h1>县政府召开常务会议</h1><p>会议研究了有关事项。</p></body></html>".utf8).write(to: file)
    try expectReportOrOneLine(file, reason: "no 政府信息公开工作年度报告 found", report: false)
  }

  @Test("a file's kind comes from its content: a PDF named .html, a text export named .docx")
  func kindFromContent() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let fakeHTML = folder.appending(path: "report.html")
    try Data(contentsOf: CommandRunner.root.appending(path: "Samples/pdf/gen-2021-a.pdf")).write(to: fakeHTML)
    let pdf = try expectReportOrOneLine(fakeHTML, report: true)
    #expect(try JSONReader.parse(pdf.standardOutput)["source"]?["kind"]?.stringValue == "pdf")
    let fakeDOCX = folder.appending(path: "report.docx")
    try Data(contentsOf: CommandRunner.root.appending(path: "Samples/text/nonzero-2019.txt")).write(to: fakeDOCX)
    let text = try expectReportOrOneLine(fakeDOCX, report: true)
    #expect(try JSONReader.parse(text.standardOutput)["source"]?["kind"]?.stringValue == "text")
  }

  @Test("a 50 MB page (the report inside 50 MB of furniture) and a page nested 100,000 tags deep: a report, no crash")
  func hugeAndDeepPages() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let page = try String(
      contentsOf: CommandRunner.root.appending(path: "Samples/html/gen-2021-a.clean.html"), encoding: .utf8)
    guard let bodyStart = page.range(of: "<body>"), let bodyEnd = page.range(of: "</body>") else {
      Issue.record("the sample page has no body")
      return
    }
    let report = String(page[bodyStart.upperBound..<bodyEnd.lowerBound])
    let link = "<li class=\"nav-item\"><a href=\"/col/col1234/index.html\" style=\"color:#333\">政务公开</a></li>\n"
    let padding = String(repeating: link, count: 25 * 1024 * 1024 / link.utf8.count)
    let huge = folder.appending(path: "huge.html")
    try Data(
      ("<html><head><meta charset=\"utf-8\"></head><body><ul class=\"nav\">" + padding + "</ul>" + report
        + "<div class=\"footer\"><ul>" + padding + "</ul></div></body></html>").utf8
    ).write(to: huge)
    #expect(try FileManager.default.attributesOfItem(atPath: huge.path())[.size] as? Int ?? 0 > 50_000_000)
    let hugeResult = try expectReportOrOneLine(huge, report: true)
    #expect(try JSONReader.parse(hugeResult.standardOutput)["requests"]?["new"]?["total"] == .number("17"))

    let depth = 100_000
    let deep = folder.appending(path: "deep.html")
    try Data(
      (String(repeating: "<div><span>", count: depth) + report + String(repeating: "</span></div>", count: depth)).utf8
    ).write(to: deep)
    let deepResult = try expectReportOrOneLine(deep, report: true)
    #expect(try JSONReader.parse(deepResult.standardOutput)["requests"]?["new"]?["total"] == .number("17"))
  }

  @Test("a corpus folder picks up .html, .htm, .docx and .md; source.kind from the content; a .doc is an error record")
  func corpusFolder() throws {
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let inputs = folder.appending(path: "in")
    try FileManager.default.createDirectory(at: inputs, withIntermediateDirectories: true)
    let copies = [
      ("Samples/html/gen-2021-a.portal.html", "a.html"), ("Samples/html/gen-2019-b.clean.html", "b.htm"),
      ("Samples/docx/gen-2021-b.docx", "c.docx"), ("Samples/markdown/gen-2019-a.marker.md", "d.md"),
    ]
    for (source, name) in copies {
      try Data(contentsOf: CommandRunner.root.appending(path: source)).write(to: inputs.appending(path: name))
    }
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)).write(
      to: inputs.appending(path: "e.doc"))
    try Data("ignored".utf8).write(to: inputs.appending(path: "notes.odt"))
    let output = folder.appending(path: "out.jsonl")
    let result = try CommandRunner.run(["parse", inputs.path(), "--jobs", "2", "-o", output.path()])
    #expect(result.status == 2, "the .doc gives an error record")
    let records = try String(contentsOf: output, encoding: .utf8).split(separator: "\n").map {
      try JSONReader.parse(String($0))
    }
    var kinds: [String: String?] = [:]
    for record in records {
      if let file = record["source"]?["file"]?.stringValue { kinds[file] = record["source"]?["kind"]?.stringValue }
    }
    #expect(kinds == ["a.html": "html", "b.htm": "html", "c.docx": "docx", "d.md": "markdown", "e.doc": nil])
    #expect(records.contains { $0["error"]?["message"]?.stringValue?.contains("save it as .docx or PDF") == true })
    #expect(records.count == 5)
  }
}
