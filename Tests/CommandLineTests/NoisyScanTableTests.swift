import Foundation
import GongkaiCore
import GongkaiOCR
import GongkaiPDF
import Testing

@Suite("A scanned table read as noise")
struct NoisyScanTableTests {
  /// Table 三's rows as page 2 of the g2413 scan prints them (read from the page image).
  static let printed: [String: [Int]] = [
    "new": [17, 11, 0, 2, 2, 3, 35], "carried_over": [5, 1, 0, 1, 0, 0, 7],
    "granted": [0, 0, 0, 0, 0, 0, 0], "partially_granted": [0, 0, 0, 0, 0, 0, 0],
    "denied_state_secret": [0, 0, 0, 0, 0, 0, 0], "denied_prohibited_by_law": [1, 0, 0, 0, 0, 0, 1],
    "denied_security_stability": [0, 0, 0, 0, 0, 0, 0], "denied_third_party": [0, 0, 0, 0, 0, 0, 0],
    "denied_internal_affairs": [0, 0, 0, 0, 0, 0, 0], "denied_process_info": [0, 0, 0, 0, 0, 0, 0],
    "denied_enforcement_files": [0, 0, 0, 0, 0, 0, 0], "denied_administrative_query": [13, 0, 0, 0, 0, 0, 13],
    "unable_not_held": [1, 0, 0, 1, 0, 0, 2], "unable_needs_creation": [0, 0, 0, 0, 0, 3, 3],
    "unable_unclear": [0, 0, 0, 0, 0, 0, 0], "rejected_petition": [0, 0, 0, 0, 0, 0, 0],
    "rejected_duplicate": [0, 0, 0, 0, 0, 0, 0], "rejected_publication": [0, 12, 0, 0, 0, 0, 12],
    "rejected_excessive": [1, 0, 0, 0, 1, 0, 2], "rejected_confirmation": [3, 0, 0, 1, 0, 0, 4],
    "other_no_correction": [0, 0, 0, 0, 0, 0, 0],
  ]

  @Test("lone numbers in a table the scan read as noise are null with a finding, never printed")
  func loneNumbersInNoiseAreDoubtful() throws {
    // Page 2 of `make_browser_variants.py --seed 2410`'s variant s4 (border_cellspacing,
    // rule_black, head_grey, AR PL UMing 12 px, A4 at 95%) scanned by `make_scan_variants.py
    // --seed 2411` (g2413, 300 dpi, look scan), the JPEG as generated (qpdf), 161 KB. A solid
    // black band across the page's foot pulls the page's ink level (Otsu) below the light
    // print, and table 三 falls apart into noise (上 下 和 1 …). The whole report printed
    // 上年结转 4 4, granted 1 and 2.其他法律行政法规禁止公开 18 with no finding on them,
    // beside 58 unread cells: pieces of the noise, not the page's 5 1, 0 and 0.
    var options = ScanReader.Options()
    options.jobs = 1
    let path = CommandRunner.root.appending(path: "Samples/scan/pages/browser-cellspacing-2021-scan300-g2413-page2.pdf")
    let scan = try ScanReader(options: options).read(pdf: try PDFDocument(path: path.path()))
    let uncertain = scan.lowConfidence.map {
      UncertainCell(
        line: $0.line, field: $0.field, value: $0.value, confidence: $0.confidence, alternatives: $0.alternatives)
    }
    let report = try ReportPipeline().report(
      text: scan.text, source: SourceInfo(file: "page2.pdf", sha256: "", kind: .pdf, pages: 1, textLayer: .ocr),
      uncertain: uncertain)
    let flagged = Set(report.findings.map(\.location))
    var numbers = 0
    for row in report.requests.rows {
      guard let values = Self.printed[row.key] else { continue }
      for (cell, value) in zip(row.cells, values) {
        let path = "requests.\(row.key).\(cell.key)"
        guard case .count(let read)? = cell.value else { continue }
        numbers += 1
        // A number the page does not print must not go out, and a doubted one has its finding.
        #expect(read == value, "\(path): \(read), printed \(value)\n\(scan.text)")
      }
    }
    // The noise is flagged, not silently dropped.
    #expect(flagged.contains { $0.hasPrefix("requests.") }, "\(report.findings)")
    _ = numbers
  }
}
