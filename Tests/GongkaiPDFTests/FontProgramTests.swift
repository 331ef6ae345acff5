import Foundation
import GongkaiLayout
import Testing

@testable import GongkaiPDF

/// Font programs decoded once per file (CPopplerDrawing keeps a Type 1 or CFF program
/// inflated and shares it with the second document on the same bytes): every page still
/// gives poppler-glib's characters, whichever document and thread decoded the program.
@Suite("Font programs decoded once")
struct FontProgramTests {
  /// LibreOffice exports (Type 1 fonts from CJK OpenType fonts, TrueType fonts) and the WPS
  /// report (CID TrueType fonts).
  static let files: [String] = {
    let samples = Samples.root.appendingPathComponent("Samples")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: samples.appendingPathComponent("pdf").path)) ?? []
    let generated = names.filter { $0.hasPrefix("gen-") && $0.hasSuffix(".pdf") }.sorted()
      .map { samples.appendingPathComponent("pdf").appendingPathComponent($0).path }
    return generated + [samples.appendingPathComponent("real/huaian-city-2024.pdf").path]
  }()

  @Test("two documents sharing their programs, reading on two threads from both ends, give glib's characters")
  func sharedOnTwoThreads() throws {
    #expect(Self.files.count >= 6)
    for path in Self.files {
      let document = try PDFDocument(path: path)
      let glib = try (1...document.pageCount).map { try document.page($0).characters }
      let first = try DrawingDocument(bytes: document.core.bytes, password: nil, source: path)
      let second = try DrawingDocument(bytes: document.core.bytes, password: nil, source: path)
      second.shareFontPrograms(with: first)
      let helperDocument = Unchecked(second)
      let count = document.pageCount
      let results = ReadPages(count: count)
      // Both start at once on different pages that name the same fonts; each then reads
      // every page, so each page is read by both documents, one of them from the program the
      // other decoded.
      let helper = Thread {
        for number in (1...count).reversed() {
          results.record(number, by: 1, try? helperDocument.value.page(number).characters)
        }
        results.finish()
      }
      helper.start()
      for number in 1...count { results.record(number, by: 0, try? first.page(number).characters) }
      results.waitForHelper()
      for number in 1...count {
        #expect(results.characters(number, by: 0) == glib[number - 1], "\(path) page \(number), first document")
        #expect(results.characters(number, by: 1) == glib[number - 1], "\(path) page \(number), second document")
      }
    }
  }
}

/// Characters read by two threads, page by page.
private final class ReadPages: @unchecked Sendable {
  private let condition = NSCondition()
  private var pages: [[[PositionedCharacter]?]]
  private var helperDone = false

  init(count: Int) { pages = Array(repeating: Array(repeating: nil, count: count + 1), count: 2) }

  func record(_ number: Int, by reader: Int, _ characters: [PositionedCharacter]?) {
    condition.lock()
    pages[reader][number] = characters
    condition.unlock()
  }

  func finish() {
    condition.lock()
    helperDone = true
    condition.broadcast()
    condition.unlock()
  }

  func waitForHelper() {
    condition.lock()
    while !helperDone { condition.wait() }
    condition.unlock()
  }

  func characters(_ number: Int, by reader: Int) -> [PositionedCharacter]? {
    condition.lock()
    defer { condition.unlock() }
    return pages[reader][number]
  }
}

/// A value handed to the helper thread, which alone uses it.
private final class Unchecked<Value>: @unchecked Sendable {
  let value: Value
  init(_ value: Value) { self.value = value }
}
