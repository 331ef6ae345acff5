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

  @Test(
    "source.sha256 is the input's SHA-256 by every route: the CPU's SHA instructions where there are any, else portable code or OpenSSL for large inputs, beside a PDF's extraction"
  )
  func digests() throws {
    /// The digest coreutils gives for `data`, as an independent reference.
    func reference(_ data: Data) throws -> String {
      let file = FileManager.default.temporaryDirectory.appending(path: "gongkai-digest-\(UUID().uuidString)")
      try data.write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
      process.arguments = [file.path]
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      return String(text.prefix(64))
    }
    // FIPS 180-2's one million "a": below the size that goes through OpenSSL (without SHA instructions).
    let million = Data(repeating: UInt8(ascii: "a"), count: 1_000_000)
    #expect(
      try InputLoader.load(data: million, path: "a.txt").source.sha256
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    // Above it: OpenSSL's digest (the portable one if libcrypto is missing) must agree.
    let large = Data((0..<(3 << 19)).map { UInt8(ascii: "a") + UInt8($0 % 26) })
    #expect(try InputLoader.load(data: large, path: "large.txt").source.sha256 == reference(large))
    let pdf = try Data(contentsOf: root.appending(path: "Samples/pdf/gen-2021-a.pdf"))
    #expect(try InputLoader.load(data: pdf, path: "gen-2021-a.pdf").source.sha256 == reference(pdf))
  }

  @Test("bytes in, a report out; source.kind from the content, whatever the name says")
  func bytes() throws {
    let data = try Data(contentsOf: root.appending(path: "Samples/markdown/gen-2019-b.docling.md"))
    let report = try ReportReader().report(data: data, name: "export.txt")
    #expect(report.source.kind == .markdown)
    #expect(report.source.file == "export.txt")
    #expect(report.requests.cell("new", "total")??.count == 7)
  }

  @Test("Markdown with Windows line ends (CRLF) reads as its LF copy does: tables, findings, repairs")
  func markdownLineEnds() throws {
    let folder = root.appending(path: "Samples/markdown")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path()).filter { $0.hasSuffix(".md") }
    #expect(!names.isEmpty)
    for name in names.sorted() {
      let lf = try Data(contentsOf: folder.appending(path: name))
      let crlf = Data(String(decoding: lf, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
      let expected = try ReportReader().report(data: lf, name: name)
      let report = try ReportReader().report(data: crlf, name: name)
      #expect(report.requests == expected.requests, "\(name)")
      #expect(report.proactive == expected.proactive, "\(name)")
      #expect(report.appeals == expected.appeals, "\(name)")
      #expect(report.findings == expected.findings, "\(name)")
      #expect(report.repairs == expected.repairs, "\(name)")
    }
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
