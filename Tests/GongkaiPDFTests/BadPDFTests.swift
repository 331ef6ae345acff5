import Foundation
import GongkaiPDF
import Testing

/// Inputs that are not good PDFs: each gives a typed error or a result, never a crash or hang.
// The limit turns a hang into a failure. It is wide because on 2 cores the OCR suites hold the
// test pool's threads for many minutes and a started test's clock runs while it waits (CI run of
// 7b89613: every test here timed out at 2 minutes, none of them slow).
@Suite("Bad and unusual PDFs", .hangGuard)
struct BadPDFTests {
  /// Extraction from bytes, as a result either way.
  func outcome(_ data: Data) -> Result<ExtractedPDF, any Error> {
    Result { try PDFTextExtractor.extract(data: data, source: "test.pdf") }
  }

  func sample() throws -> Data {
    let name = try #require(Samples.generated.first { $0.hasPrefix("gen-2021") })
    return try Data(contentsOf: URL(fileURLWithPath: Samples.pdf(name)))
  }

  @Test("not a PDF: a typed error that names the file")
  func notAPDF() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-pdf-tests-\(getpid())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = folder.appendingPathComponent("report.pdf")
    try Data("一、总体情况\n这不是PDF。\n".utf8).write(to: text)
    #expect(throws: PDFError.notAPDF(source: text.path)) { try PDFTextExtractor.extract(path: text.path) }
    let empty = folder.appendingPathComponent("empty.pdf")
    try Data().write(to: empty)
    #expect(throws: PDFError.notAPDF(source: empty.path)) { try PDFTextExtractor.extract(path: empty.path) }
    let message = PDFError.notAPDF(source: "report.pdf").localizedDescription
    #expect(message.contains("report.pdf") && message.contains("not a PDF"))
  }

  @Test("a missing file is unreadable, not a crash")
  func missing() {
    #expect(throws: PDFError.self) { try PDFTextExtractor.extract(path: "/nonexistent/gongkai/none.pdf") }
    do {
      _ = try PDFTextExtractor.extract(path: "/nonexistent/gongkai/none.pdf")
    } catch let error as PDFError {
      guard case .unreadable(let source, _) = error else {
        Issue.record("expected .unreadable, got \(error)")
        return
      }
      #expect(source == "/nonexistent/gongkai/none.pdf")
    } catch {
      Issue.record("untyped error \(error)")
    }
  }

  @Test("a truncated file is reported as damaged")
  func truncated() throws {
    let data = try sample()
    let cut = outcome(data.prefix(data.count / 3))
    guard case .failure(let error) = cut, case .damaged(let source, _) = error as? PDFError else {
      Issue.record("expected PDFError.damaged, got \(cut)")
      return
    }
    #expect(source == "test.pdf")
  }

  @Test("any truncation: a typed error or a result", arguments: [8, 100, 1_000, 10_000, 40_000, -2_000, -200, -20])
  func truncatedAnywhere(cut: Int) throws {
    let data = try sample()
    let keep = cut > 0 ? cut : data.count + cut
    switch outcome(data.prefix(keep)) {
    case .success(let extracted): #expect(extracted.pageCount >= 1)
    case .failure(let error): #expect(error is PDFError, "untyped error \(error)")
    }
  }

  @Test("corrupted bytes: a typed error or a result", arguments: [7, 97, 1_009])
  func corrupted(every: Int) throws {
    var bytes = [UInt8](try sample())
    var index = 1_500
    while index < bytes.count - 1_500 {
      bytes[index] ^= 0x5A
      index += every
    }
    switch outcome(Data(bytes)) {
    case .success(let extracted): #expect(extracted.pageCount >= 1)
    case .failure(let error): #expect(error is PDFError, "untyped error \(error)")
    }
  }

  @Test("encrypted: says so, and opens with its password")
  func encrypted() throws {
    let path = Samples.bad("encrypted.pdf")
    #expect(throws: PDFError.encrypted(source: path, passwordGiven: false)) {
      try PDFTextExtractor.extract(path: path)
    }
    var wrong = PDFTextExtractor.Options()
    wrong.password = "not-it"
    #expect(throws: PDFError.encrypted(source: path, passwordGiven: true)) {
      try PDFTextExtractor.extract(path: path, options: wrong)
    }
    #expect(PDFError.encrypted(source: "x.pdf", passwordGiven: false).localizedDescription.contains("encrypted"))
    var right = PDFTextExtractor.Options()
    right.password = "user-secret"
    let opened = try PDFTextExtractor.extract(path: path, options: right)
    #expect(opened.pageCount == 3)
    #expect(opened.text.contains("一、本年新收政府信息公开申请数量\t"))
  }

  @Test("no pages: a typed error")
  func zeroPages() {
    let path = Samples.bad("zero-pages.pdf")
    #expect(throws: PDFError.noPages(source: path)) { try PDFTextExtractor.extract(path: path) }
  }

  @Test("an image-only page is reported as a page without text")
  func imageOnly() throws {
    let extracted = try PDFTextExtractor.extract(path: Samples.bad("image-only.pdf"))
    #expect(extracted.pageCount == 1)
    #expect(extracted.pagesWithoutText == [1])
    #expect(extracted.text.isEmpty)
    #expect(!extracted.hasFullTextLayer)
    // The page is still there to be rendered for OCR: it is a picture of a table.
    let bitmap = try PDFDocument(path: Samples.bad("image-only.pdf")).page(1).render(dpi: 72)
    #expect(bitmap.pixels.contains { $0 < 64 })
  }

  @Test("asking for a page that does not exist")
  func pageOutOfRange() throws {
    let document = try PDFDocument(data: try sample(), source: "test.pdf")
    #expect(throws: PDFError.pageOutOfRange(page: 0, pageCount: document.pageCount)) { try document.page(0) }
    #expect(throws: PDFError.pageOutOfRange(page: 99, pageCount: document.pageCount)) { try document.page(99) }
  }
}
