import Foundation
import Testing

@testable import GongkaiPDF

/// Pages read on two threads through two poppler documents (`PageReader`) give what one
/// thread gives.
@Suite("Parallel pages")
struct ParallelPagesTests {
  /// Every PDF under Samples/ but the 300-page one (read below), scans included (their rules
  /// come from a rendering made while the other thread reads), and the scanned-with-text
  /// fixture.
  static let files: [String] = {
    let samples = Samples.root.appendingPathComponent("Samples")
    var files: [String] = []
    if let walker = FileManager.default.enumerator(at: samples, includingPropertiesForKeys: nil) {
      for case let url as URL in walker where url.pathExtension == "pdf" && url.lastPathComponent != "pages-300.pdf" {
        files.append(url.path)
      }
    }
    files.append(
      Samples.root.appendingPathComponent("Tests/GongkaiPDFTests/Fixtures/scanned-with-text.pdf").path)
    return files.sorted()
  }()

  @Test("text, pages without text, title and placement as on one thread, or the same error, for every sample PDF")
  func sameAsOneThread() throws {
    #expect(Self.files.count >= 60)
    var one = PDFTextExtractor.Options()
    one.parallelPages = false
    one.placement = true
    var two = one
    two.parallelPages = true
    for path in Self.files {
      let sequential = Result { try PDFTextExtractor.extract(path: path, options: one) }
      let parallel = Result { try PDFTextExtractor.extract(path: path, options: two) }
      switch (sequential, parallel) {
      case (.success(let a), .success(let b)): #expect(a == b, "\(path)")
      case (.failure(let a), .failure(let b)): #expect("\(a)" == "\(b)", "\(path)")
      default: Issue.record("\(path): one thread \(sequential), two threads \(parallel)")
      }
    }
  }

  @Test("every page once, in order, read on two threads when the process has two cores")
  func everyPageOnceInOrder() throws {
    let document = try PDFDocument(path: Samples.bad("pages-300.pdf"))
    let reader = PageReader(document: document, helper: true) { page, drawing in
      ReadBy(page: page.number, thread: pthread_self(), characters: drawing.characters.count)
    }
    defer { reader.close() }
    var values: [ReadBy] = []
    for number in 1...document.pageCount { values.append(try reader.value(ofPage: number)) }
    #expect(values.map(\.page) == Array(1...300))
    #expect(values.allSatisfy { $0.characters > 0 })
    let threads = Set(values.map(\.thread))
    if ProcessInfo.processInfo.activeProcessorCount > 1 { #expect(threads.count == 2) }
  }

  @Test("a page that fails throws at its turn, the pages before it are given, and closing does not hang")
  func failureAtItsTurn() throws {
    struct PageFailed: Error, Equatable { let page: Int }
    let document = try PDFDocument(path: Samples.bad("pages-300.pdf"))
    let reader = PageReader(document: document, helper: true) { page, _ in
      if page.number == 40 { throw PageFailed(page: 40) }
      return page.number
    }
    for number in 1..<40 { #expect(try reader.value(ofPage: number) == number) }
    #expect(throws: PageFailed(page: 40)) { try reader.value(ofPage: 40) }
    reader.close()
    reader.close()
  }
}

/// Which thread read a page.
private struct ReadBy: Sendable {
  let page: Int
  let thread: pthread_t
  let characters: Int
}
