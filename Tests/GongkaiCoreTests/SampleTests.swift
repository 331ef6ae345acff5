import Foundation
import GongkaiCore
import Testing

/// Every text sample in Samples/text through the whole pipeline, compared with the
/// values read off the document (its `.expected.json`).
@Suite("Samples")
struct SampleTests {
  @Test("sample parses to its expected values", arguments: Fixtures.textInputsWithExpectations())
  func sampleMatchesExpectation(name: String) throws {
    let report = try Fixtures.report(ofSample: name)
    let expected = try JSONReader.parse(
      String(contentsOf: Fixtures.textSamples.appending(path: Fixtures.expectedName(for: name)), encoding: .utf8))
    let differences = ReportExpectation.differences(actual: ReportJSON.encode(report), expected: expected)
    #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
  }

  @Test("the five seed exports are all present with expectations")
  func seedSamplesAreCovered() {
    let seeds = Fixtures.textInputsWithExpectations().filter { $0.first?.isNumber == true }
    #expect(seeds.count == 5)
  }

  @Test("clean text parses back to the same data", arguments: Fixtures.textInputsWithExpectations())
  func cleanTextRoundTrips(name: String) throws {
    let pipeline = ReportPipeline()
    let original = try Fixtures.report(ofSample: name)
    let clean = CleanTextRenderer.render(pipeline.repair(try Fixtures.text(ofSample: name)))
    let again = try Fixtures.report(ofText: clean, file: name)
    #expect(again.meta == original.meta)
    #expect(again.proactive == original.proactive)
    #expect(again.requests == original.requests)
    #expect(again.appeals == original.appeals)
    #expect(again.sections == original.sections)
    #expect(Set(again.findings.map(\.location)) == Set(original.findings.map(\.location)))
  }
}
