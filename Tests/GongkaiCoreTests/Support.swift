import Foundation
import GongkaiCore

/// Paths and helpers shared by the core tests.
enum Fixtures {
  /// The package's root folder.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Samples/text.
  static let textSamples = root.appending(path: "Samples/text")

  /// Samples/crawler: one-line pages as crawlers keep them.
  static let crawlerSamples = root.appending(path: "Samples/crawler")

  /// The text inputs of Samples/text that have an expected file, sorted.
  static func textInputsWithExpectations() -> [String] { inputsWithExpectations(in: textSamples) }

  /// The text inputs of `folder` that have an expected file, sorted.
  static func inputsWithExpectations(in folder: URL) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
    return names.filter { $0.hasSuffix(".txt") && names.contains(expectedName(for: $0)) }.sorted()
  }

  /// The report of the bytes of a file, decoded as the command line decodes them (repairs
  /// made in decoding kept).
  static func report(ofData data: Data, file: String) throws -> Report {
    let decoded = try TextDecoder.decodeReporting(data, file: file)
    return try ReportPipeline().report(
      text: decoded.text, source: SourceInfo(file: file, sha256: SHA256.hexDigest(data), kind: .text),
      inputRepairs: decoded.repairs)
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
