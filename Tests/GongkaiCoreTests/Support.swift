import Foundation
import GongkaiCore

/// Paths and helpers shared by the core tests.
enum Fixtures {
  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Samples/text.
  static let textSamples = root.appending(path: "Samples/text")

  /// The text inputs of Samples/text that have an expected file, sorted.
  static func textInputsWithExpectations() -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: textSamples.path())) ?? []
    return names.filter { $0.hasSuffix(".txt") && names.contains(expectedName(for: $0)) }.sorted()
  }

  /// `NAME.expected.json` for `NAME.txt`.
  static func expectedName(for input: String) -> String {
    (input as NSString).deletingPathExtension + ".expected.json"
  }

  /// The report of a sample file through the whole text pipeline.
  static func report(ofSample name: String) throws -> Report {
    let data = try Data(contentsOf: textSamples.appending(path: name))
    let text = try TextDecoder.decode(data, file: name)
    return try ReportPipeline().report(
      text: text, source: SourceInfo(file: name, sha256: SHA256.hexDigest(data), kind: .text))
  }

  /// The report of a text given inline.
  static func report(ofText text: String, file: String = "inline.txt") throws -> Report {
    try ReportPipeline().report(
      text: text, source: SourceInfo(file: file, sha256: SHA256.hexDigest(Array(text.utf8)), kind: .text))
  }

  /// A seed sample's text.
  static func text(ofSample name: String) throws -> String {
    try String(contentsOf: textSamples.appending(path: name), encoding: .utf8)
  }
}

/// Compares a report's JSON with an expected file as Samples/README.md describes.
enum ExpectedReport {
  /// Every difference between `actual` and what `expected` states; empty when they agree.
  static func differences(actual: JSONValue, expected: JSONValue) -> [String] {
    var found: [String] = []
    for (key, value) in expected.objectMembers ?? [] {
      switch key {
      case "findings":
        let want = Set((value.arrayElements ?? []).map(findingKey))
        let have = Set((actual["findings"]?.arrayElements ?? []).map(findingKey))
        for missing in want.subtracting(have).sorted() { found.append("finding expected but absent: \(missing)") }
        for extra in have.subtracting(want).sorted() { found.append("finding not expected: \(extra)") }
      case "repairs_include":
        let kinds = Set((actual["repairs"]?.arrayElements ?? []).compactMap { $0["kind"]?.stringValue })
        for kind in (value.arrayElements ?? []).compactMap(\.stringValue) where !kinds.contains(kind) {
          found.append("no repair of kind \(kind)")
        }
      default:
        compare(actual[key], value, path: key, into: &found)
      }
    }
    return found
  }

  private static func findingKey(_ finding: JSONValue) -> String {
    [finding["rule"], finding["severity"], finding["where"]].map { $0?.stringValue ?? "?" }.joined(separator: " ")
  }

  private static func compare(_ actual: JSONValue?, _ expected: JSONValue, path: String, into found: inout [String]) {
    guard let actual else {
      found.append("\(path): absent, expected \(JSONWriter(pretty: false).string(from: expected))")
      return
    }
    if let members = expected.objectMembers, actual.objectMembers != nil,
      !(expected["yuan"] != nil && expected["raw"] != nil)
    {
      for (key, value) in members { compare(actual[key], value, path: "\(path).\(key)", into: &found) }
      return
    }
    if actual != expected {
      let writer = JSONWriter(pretty: false)
      found.append(
        "\(path): got \(writer.string(from: actual).prefix(160)), expected \(writer.string(from: expected).prefix(160))"
      )
    }
  }
}
