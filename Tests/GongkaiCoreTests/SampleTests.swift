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

/// The samples damaged the way real exports are (Windows line ends, page markers between
/// any two lines, full-width digits, trailing blanks, cells apart by spaces or on lines of
/// their own, blank lines lost or doubled): the tables and meta read must not change. A
/// guard for inputs no fixture has seen.
@Suite("Damaged samples")
struct DamagedSampleTests {
  /// A way of damaging a text export.
  enum Damage: String, CaseIterable, CustomTestStringConvertible {
    case windowsLineEnds, pageMarkers, fullWidthDigits, trailingBlanks, tabsAsSpaces
    case noLeadingTabs, cellPerLine, noBlankLines, doubledBlankLines

    var testDescription: String { rawValue }

    func apply(to text: String) -> String {
      let lines = text.components(separatedBy: "\n")
      switch self {
      case .windowsLineEnds:
        return lines.joined(separator: "\r\n")
      case .pageMarkers:
        // Markers of several styles every eleven lines, mid-table included.
        let styles = ["— %d —", "- %d -", "第%d页", "-%d-", "第 %d 页 共 12 页"]
        var result: [String] = []
        for (index, line) in lines.enumerated() {
          result.append(line)
          if index % 11 == 10 { result.append(String(format: styles[(index / 11) % styles.count], index / 11 + 1)) }
        }
        return result.joined(separator: "\n")
      case .fullWidthDigits:
        return String(
          String.UnicodeScalarView(
            text.unicodeScalars.map { ("0"..."9").contains($0) ? Unicode.Scalar($0.value + 0xFEE0) ?? $0 : $0 }))
      case .trailingBlanks:
        return lines.map { $0.isEmpty ? $0 : $0 + "  \u{3000}" }.joined(separator: "\n")
      case .tabsAsSpaces:
        // As a copy from a web page or `pdftotext -layout` gives table rows.
        return text.replacingOccurrences(of: "\t", with: "    ")
      case .noLeadingTabs:
        // One cell per line, without the tab some browsers put before each.
        return lines.map { $0.hasPrefix("\t") ? String($0.drop { $0 == "\t" }) : $0 }.joined(separator: "\n")
      case .cellPerLine:
        return text.replacingOccurrences(of: "\t", with: "\n")
      case .noBlankLines:
        return lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n")
      case .doubledBlankLines:
        return lines.joined(separator: "\n\n")
      }
    }
  }

  @Test(
    "damaged samples parse to the same tables and meta",
    arguments: Fixtures.textInputsWithExpectations(), Damage.allCases)
  func damagedSample(name: String, damage: Damage) throws {
    let original = try Fixtures.report(ofSample: name)
    let damaged = try Fixtures.report(ofText: damage.apply(to: try Fixtures.text(ofSample: name)), file: name)
    #expect(damaged.meta == original.meta)
    #expect(damaged.proactive == original.proactive)
    #expect(damaged.requests == original.requests)
    #expect(damaged.appeals == original.appeals)
  }
}
