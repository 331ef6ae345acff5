import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

@testable import GongkaiOCR

/// Where the sample PDFs live.
enum Samples {
  /// The repository's root folder (three levels up from this file).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// Samples/scan: image-only PDFs made by scripts/fixtures/make-scan-fixtures.py.
  static let scanFolder = root.appendingPathComponent("Samples/scan")
  /// Samples/pdf: the PDFs the scans were made from.
  static let pdfFolder = root.appendingPathComponent("Samples/pdf")

  static func scan(_ name: String) -> String { scanFolder.appendingPathComponent("\(name).pdf").path }
  static func pdf(_ name: String) -> String { pdfFolder.appendingPathComponent("\(name).pdf").path }

  /// The scan reader's text of the PDF at `path` under Samples/scan (`pages/NAME.pdf`), every
  /// page read at 300 dpi on one thread, as the page tests read their pages.
  static func scannedText(of path: String) throws -> String {
    try scanResult(of: path).text
  }

  /// The scan reader's whole result for the PDF at `path` under Samples/scan, read as
  /// ``scannedText(of:)`` reads it: its text and the cells it doubts.
  static func scanResult(of path: String) throws -> ScanResult {
    let document = try PDFDocument(path: scanFolder.appendingPathComponent(path).path)
    return try ScanReader.read(pdf: document, dpi: 300, jobs: 1)
  }

  /// The cells of the first row of ``scannedText(of:)`` of `page` whose first cell holds
  /// `label` (is `label`, when `exactly`), blanks taken out; nil when no such row is read.
  static func scannedRow(labelled label: String, onPage page: String, exactly: Bool = false) throws -> [String]? {
    row(labelled: label, in: try scannedText(of: page), exactly: exactly)
  }

  /// The cells of the first row of the scanned `text` whose first cell holds `label` (is
  /// `label`, when `exactly`), blanks taken out; nil when there is none.
  static func row(labelled label: String, in text: String, exactly: Bool = false) -> [String]? {
    let rows = text.split(separator: "\n").map { line in
      line.split(separator: "\t").map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
    }
    return rows.first { row in row.first.map { exactly ? $0 == label : $0.contains(label) } == true }
  }

  static func scanExpected(_ name: String) throws -> Data {
    try Data(contentsOf: scanFolder.appendingPathComponent("\(name).expected.json"))
  }

  /// The pages of the source PDF (by its text layer) from the start of table 三 to the end
  /// of table 四: what the OCR tests read.
  static func tablePages(source name: String) throws -> [Int] {
    let document = try PDFDocument(path: pdf(name))
    let texts = try (1...document.pageCount).map { try document.page($0).text.filter { !$0.isWhitespace } }
    guard let first = texts.firstIndex(where: { $0.contains("申请人情况") }),
      let last = texts.lastIndex(where: { $0.contains("复议后起诉") })
    else { return [] }
    return Array((first + 1)...(last + 1))
  }
}

extension ScanResult {
  /// The first line of the text matching `predicate` (its 0-based index) and its
  /// tab-separated fields, blanks kept; nil when none matches.
  func fields(ofLineWhere predicate: (Substring) -> Bool) -> (index: Int, fields: [String])? {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    guard let index = lines.firstIndex(where: predicate) else { return nil }
    return (index, lines[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init))
  }

  /// The reader's doubt about field `field` of line `index` (0-based), if it has one.
  func doubt(line index: Int, field: Int) -> LowConfidenceCell? {
    lowConfidence.first { $0.line == index + 1 && $0.field == field }
  }
}

/// A temporary folder removed when the value goes away.
final class TemporaryFolder {
  let url: URL
  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-ocr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }
  deinit { try? FileManager.default.removeItem(at: url) }
}

extension Trait where Self == TimeLimitTrait {
  /// The time limit of a suite that reads pages: a guard against a hang, not a speed test.
  /// Its clock also runs while the test waits for a thread behind other tests' page reads,
  /// so it stands well above the whole test run (about 10 minutes optimized on 2 cores).
  static var hangGuard: Self { .timeLimit(.minutes(25)) }
}

extension GreyBitmap {
  /// A grey 300-dpi page `width` by `height` px: paper 188 to 212, a fixed noise sequence
  /// from `seed` (as a scanner's grey paper).
  static func noisyPaper(width: Int, height: Int, seed: UInt32) -> GreyBitmap {
    var page = GreyBitmap(blankWidth: width, height: height, dpi: 300)
    var state = seed
    for y in 0..<height {
      for x in 0..<width {
        state = state &* 1_103_515_245 &+ 12345
        page[x, y] = UInt8(188 + Int((state >> 16) % 25))
      }
    }
    return page
  }

  /// The page with the pixels of `xs` by `ys` made `depth` levels darker (a faint rule).
  mutating func darken(xs: ClosedRange<Int>, ys: ClosedRange<Int>, by depth: Int) {
    for y in ys {
      for x in xs { self[x, y] = UInt8(max(0, Int(self[x, y]) - depth)) }
    }
  }
}
