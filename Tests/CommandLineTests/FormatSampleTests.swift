import Foundation
import GongkaiCore
import Testing

/// The fixtures of `folder` under Samples/ with extension `ext` that have an expected file.
private func samples(_ folder: String, _ ext: String) -> [String] {
  let path = CommandRunner.root.appending(path: "Samples/\(folder)").path()
  let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
  return names.filter {
    $0.hasSuffix(".\(ext)") && names.contains(($0 as NSString).deletingPathExtension + ".expected.json")
  }
  .sorted().map { "\(folder)/\($0)" }
}

/// Web pages, Word files and converter Markdown (Samples/html, docx, markdown).
private let formatSamples = samples("html", "html") + samples("docx", "docx") + samples("markdown", "md")

@Suite("Web pages, Word files and Markdown end to end")
struct FormatSampleTests {
  @Test("gongkai parse reads the fixture cell for cell as its expected file says", arguments: formatSamples)
  func matchesExpectation(path: String) throws {
    let result = try CommandRunner.run(["parse", "Samples/\(path)"])
    #expect(result.status == 0, "\(result.standardError)")
    let expected = try JSONReader.parse(
      String(
        contentsOf: CommandRunner.root.appending(
          path: "Samples/\((path as NSString).deletingPathExtension).expected.json"),
        encoding: .utf8))
    let differences = ReportExpectation.differences(
      actual: try JSONReader.parse(result.standardOutput), expected: expected)
    #expect(differences.isEmpty, "\(path):\n\(differences.joined(separator: "\n"))")
  }

  @Test("every kind has fixtures of both forms")
  func bothForms() {
    for folder in ["html", "docx", "markdown"] {
      let names = formatSamples.filter { $0.hasPrefix(folder + "/") }
      #expect(names.contains { $0.contains("2019") }, "\(folder)")
      #expect(names.contains { $0.contains("2021") }, "\(folder)")
    }
  }
}
