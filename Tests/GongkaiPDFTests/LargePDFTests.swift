import Foundation
import GongkaiLayout
import GongkaiPDF
import Testing

/// A 300-page document (one sample repeated 75 times, made by make-bad-pdfs.sh).
// Wide for the same reason as BadPDFTests: a started test's clock runs while the OCR suites hold the pool.
@Suite("Large PDFs", .hangGuard)
struct LargePDFTests {
  @Test("300 pages: every copy of table 三 read, no page markers")
  func threeHundredPages() throws {
    let started = ContinuousClock.now
    let extracted = try PDFTextExtractor.extract(path: Samples.bad("pages-300.pdf"))
    let elapsed = ContinuousClock.now - started
    #expect(extracted.pageCount == 300)
    #expect(extracted.pagesWithoutText.isEmpty)
    let newRows = extracted.rows.filter { $0.first?.compact.hasPrefix("一、本年新收") == true }
    #expect(newRows.count == 75)
    #expect(Set(newRows.map { $0.suffix(7) }).count == 1)
    let totals = extracted.rows.filter { $0.contains("（七）总计") }
    #expect(totals.count == 75)
    #expect(!extracted.lines.contains { !$0.contains("\t") && PageFurniture.isPageNumber($0) })
    // Generous even for a debug build on a busy machine; release does this in about 2 s.
    #expect(elapsed < .seconds(90))
  }
}
