import Foundation
import GongkaiCore
import Testing

/// The browser-printed portal pages of Samples/pdf-browser, parsed in one run.
private let browserReports: [String: JSONValue] = {
  let folder = CommandRunner.root.appending(path: "Samples/pdf-browser")
  let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? [])
    .filter { $0.hasSuffix(".pdf") }.sorted()
  guard let run = try? CommandRunner.run(["parse", "--format", "jsonl"] + names.map { "Samples/pdf-browser/\($0)" })
  else { return [:] }
  var reports: [String: JSONValue] = [:]
  for line in run.standardOutput.split(separator: "\n") where !line.isEmpty {
    if let report = try? JSONReader.parse(String(line)), let file = report["source"]?["file"]?.stringValue {
      reports[(file as NSString).lastPathComponent] = report
    }
  }
  return reports
}()

/// Text of a portal page or a browser that is never part of a report.
private let furnitureText = [
  "浏览次数：", "当前位置", "您现在的位置", "网站标识码：", "ICP备0", "分享到", "返回顶部", "http://", "【打印", "【关闭",
  "索引号", "发布机构：", "English", "Copyright", "PM",
]

@Suite("Browser-printed portal pages")
struct BrowserPageTests {
  @Test("no furniture is left in the sections or meta; report text in furniture's words is kept")
  func furnitureDroppedTextKept() throws {
    let folder = CommandRunner.root.appending(path: "Samples/pdf-browser")
    let expectedFiles = try FileManager.default.contentsOfDirectory(atPath: folder.path())
      .filter { $0.hasSuffix(".expected.json") }.sorted()
    #expect(expectedFiles.count >= 13)
    for file in expectedFiles {
      let name = String(file.dropLast(".expected.json".count))
      let report = try #require(browserReports[name + ".pdf"], "\(name): not parsed")
      let expected = try JSONReader.parse(String(contentsOf: folder.appending(path: file), encoding: .utf8))
      var text: [String] = (report["sections"]?.objectMembers ?? []).compactMap { $0.1.stringValue }
      text += (report["meta"]?.objectMembers ?? []).compactMap { $0.1.stringValue }
      for words in furnitureText {
        #expect(!text.contains { $0.contains(words) }, "\(name): furniture \(words) left")
      }
      let kinds = (report["repairs"]?.arrayElements ?? []).compactMap { $0["kind"]?.stringValue }
      #expect(kinds.contains("page_furniture"), "\(name): no page_furniture repair")
      // sections given in the expected file (report text using furniture's words) word for word
      if let sections = expected["sections"] {
        let differences = ReportExpectation.differences(actual: report, expected: .object([("sections", sections)]))
        #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
      }
    }
  }

  @Test("there are pages whose report text uses furniture's words, of both forms")
  func textInFurnitureWords() throws {
    let folder = CommandRunner.root.appending(path: "Samples/pdf-browser")
    let withSections = try FileManager.default.contentsOfDirectory(atPath: folder.path())
      .filter { $0.hasSuffix(".expected.json") }
      .filter {
        (try? String(contentsOf: folder.appending(path: $0), encoding: .utf8).contains("\"sections\"")) == true
      }
    #expect(withSections.contains { $0.contains("2019") } && withSections.contains { $0.contains("2021") })
  }
}
