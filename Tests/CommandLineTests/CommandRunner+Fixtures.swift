import Foundation
import GongkaiCore

extension CommandRunner {
  /// The fixtures in Samples/`folder` ending in `.ext` that have an expected file beside
  /// them, as paths relative to Samples/, sorted.
  static func fixtures(in folder: String, ext: String) -> [String] {
    let path = root.appending(path: "Samples/\(folder)").path()
    let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
    return names.filter {
      $0.hasSuffix(".\(ext)") && names.contains(($0 as NSString).deletingPathExtension + ".expected.json")
    }
    .sorted().map { "\(folder)/\($0)" }
  }

  /// How `gongkai parse` of the fixture at Samples/`path` differs from its expected file
  /// (empty when it matches); the exit status must be 0.
  static func expectationDifferences(forFixture path: String) throws -> (
    status: Int32, standardError: String, differences: [String]
  ) {
    let result = try run(["parse", "Samples/\(path)"])
    let expected = try JSONReader.parse(
      String(
        contentsOf: root.appending(path: "Samples/\((path as NSString).deletingPathExtension).expected.json"),
        encoding: .utf8))
    let differences = ReportExpectation.differences(
      actual: try JSONReader.parse(result.standardOutput), expected: expected)
    return (result.status, result.standardError, differences)
  }
}
