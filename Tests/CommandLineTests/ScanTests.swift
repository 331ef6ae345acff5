import Foundation
import GongkaiCore
import Testing

/// The scanned PDFs in Samples/scan that have an expected file.
private let scanSamples: [String] = {
  let folder = CommandRunner.root.appending(path: "Samples/scan")
  let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path())) ?? []
  return names.filter {
    $0.hasSuffix(".pdf") && names.contains(($0 as NSString).deletingPathExtension + ".expected.json")
  }
  .sorted()
}()

@Suite("Scanned reports end to end")
struct ScanTests {
  @Test("gongkai parse reads a scan by OCR: every table and the meta as expected", arguments: scanSamples)
  func scanMatchesExpectation(name: String) throws {
    let result = try CommandRunner.run(["parse", "Samples/scan/\(name)"])
    #expect(result.status == 0, "\(result.standardError)")
    let actual = try JSONReader.parse(result.standardOutput)
    let expected = try JSONReader.parse(
      String(
        contentsOf: CommandRunner.root.appending(
          path: "Samples/scan/\((name as NSString).deletingPathExtension).expected.json"),
        encoding: .utf8))
    #expect(actual["source"]?["text_layer"]?.stringValue == "ocr")
    var partial: [(String, JSONValue)] = []
    for key in ["meta", "proactive", "requests", "appeals", "findings"] {
      if let value = expected[key] { partial.append((key, value)) }
    }
    let differences = ReportExpectation.differences(actual: actual, expected: .object(partial))
    #expect(differences.isEmpty, "\(name):\n\(differences.joined(separator: "\n"))")
  }

  @Test("there are scans of both forms")
  func bothForms() {
    #expect(scanSamples.contains { $0.contains("2019") })
    #expect(scanSamples.contains { $0.contains("2021") })
  }

  /// A shared library that is not tesseract, to stand in for a broken install.
  static let someOtherLibrary: URL? = ["/lib", "/usr/lib"].flatMap { base in
    ["x86_64-linux-gnu", "aarch64-linux-gnu", ""].map { URL(fileURLWithPath: base).appending(path: $0) }
  }.map { $0.appending(path: "libz.so.1") }.first { FileManager.default.fileExists(atPath: $0.path()) }

  @Test(
    "without a usable libtesseract a scan gives a one-line error naming the package, and text PDFs still parse",
    .enabled(if: someOtherLibrary != nil))
  func tesseractUnusable() throws {
    guard let library = Self.someOtherLibrary else { return }
    let folder = try CommandRunner.temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // Found first under tesseract's name, it loads but has none of tesseract's functions.
    try FileManager.default.copyItem(
      at: library.resolvingSymlinksInPath(), to: folder.appending(path: "libtesseract.so.5"))
    var environment = ProcessInfo.processInfo.environment
    environment["LD_LIBRARY_PATH"] = folder.path()
    let scan = try CommandRunner.run(["parse", "Samples/scan/\(scanSamples[0])"], environment: environment)
    #expect(scan.status == 2)
    #expect(scan.standardError.contains("libtesseract5"), "\(scan.standardError)")
    #expect(scan.standardError.split(separator: "\n").count == 1)
    let text = try CommandRunner.run(["parse", "Samples/pdf/gen-2019-a.pdf"], environment: environment)
    #expect(text.status == 0, "\(text.standardError)")
  }

  @Test("--ocr never refuses an image-only PDF with a hint to use OCR")
  func ocrNever() throws {
    let result = try CommandRunner.run(["parse", "--ocr", "never", "Samples/pdf/bad/image-only.pdf"])
    #expect(result.status == 2)
    #expect(result.standardError.contains("--ocr auto"))
  }
}
