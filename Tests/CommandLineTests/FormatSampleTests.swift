import Foundation
import GongkaiCore
import Testing

/// Web pages, Word files and converter Markdown (Samples/html, docx, markdown).
private let formatSamples =
  CommandRunner.fixtures(in: "html", ext: "html") + CommandRunner.fixtures(in: "docx", ext: "docx")
  + CommandRunner.fixtures(in: "markdown", ext: "md")

@Suite("Web pages, Word files and Markdown end to end")
struct FormatSampleTests {
  @Test("gongkai parse reads the fixture cell for cell as its expected file says", arguments: formatSamples)
  func matchesExpectation(path: String) throws {
    let check = try CommandRunner.expectationDifferences(forFixture: path)
    #expect(check.status == 0, "\(check.standardError)")
    #expect(check.differences.isEmpty, "\(path):\n\(check.differences.joined(separator: "\n"))")
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
