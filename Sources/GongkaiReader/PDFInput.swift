import Foundation
import GongkaiCore
import GongkaiLayout
import GongkaiOCR
import GongkaiPDF

/// The PDF front end: the text layer laid out by geometry, scanned pages read by OCR, and
/// the two put together in page order for the text pipeline.
enum PDFInput {
  /// Reads a PDF; errors are one line naming the file and what to do. `sha256` gives the
  /// input's digest, asked for once the text is read.
  static func load(path: String, data: Data, name: String, sha256: () -> String, options: ReadOptions)
    throws(InputError)
    -> LoadedInput
  {
    do {
      let document = try PDFDocument(data: data, source: path, password: options.password)
      var extractOptions = PDFTextExtractor.Options()
      extractOptions.password = options.password
      extractOptions.placement = options.provenance
      extractOptions.parallelPages = options.parallelPages
      var native = try PDFTextExtractor.extract(document, options: extractOptions)
      let allPages = Array(1...document.pageCount)
      let scanPages = options.ocr == .always ? allPages : options.ocr == .auto ? native.pagesWithoutText : []
      if options.ocr == .always { native.text = "" }
      var warnings: [String] = []
      if options.ocr == .never, !native.pagesWithoutText.isEmpty {
        guard native.pagesWithoutText.count < document.pageCount else {
          throw InputError(
            file: path, kind: .notAReport,
            reason: "no page has a text layer (a scanned or image-only PDF); run with --ocr auto to read it by OCR")
        }
        let pages = native.pagesWithoutText.map(String.init).joined(separator: ", ")
        warnings.append("\(path): page(s) \(pages) have no text layer and were skipped (--ocr never)")
      }
      var text = native.text
      var uncertain: [UncertainCell] = []
      var layer = SourceInfo.TextLayer.native
      var placement = native.placement
      if !scanPages.isEmpty {
        let scan = try ScanReader.read(pdf: document, pages: scanPages, dpi: options.dpi, jobs: options.ocrJobs)
        // Scanned pages before the first page with text go first; otherwise after it.
        let firstNative = allPages.first { !scanPages.contains($0) }
        let scanFirst = firstNative.map { first in scanPages.allSatisfy { $0 < first } } ?? true
        let nativeText = native.text.isEmpty || native.text.hasSuffix("\n") ? native.text : native.text + "\n"
        let offset = scanFirst ? 0 : nativeText.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        text = scanFirst ? scan.text + (scan.text.hasSuffix("\n") ? "" : "\n") + native.text : nativeText + scan.text
        uncertain = scan.lowConfidence.map {
          UncertainCell(
            line: $0.line + offset, field: $0.field, value: $0.value, confidence: $0.confidence,
            alternatives: $0.alternatives)
        }
        layer = scanPages.count == document.pageCount ? .ocr : .mixed
        if options.provenance {
          var nativePlacement = native.placement ?? TextPlacement()
          if options.ocr == .always { nativePlacement = TextPlacement() }
          let scanLines = scan.text.split(separator: "\n", omittingEmptySubsequences: false).count
          var joined = TextPlacement()
          if scanFirst {
            joined.append(scan.placement)
            joined.appendUnplaced(scanLines - (scan.text.hasSuffix("\n") ? 1 : 0) - scan.placement.lines.count)
            joined.append(nativePlacement)
          } else {
            joined.append(nativePlacement)
            joined.appendUnplaced(offset - nativePlacement.lines.count)
            joined.append(scan.placement)
          }
          placement = joined
        }
      }
      return LoadedInput(
        text: text,
        source: SourceInfo(file: name, sha256: sha256(), kind: .pdf, pages: document.pageCount, textLayer: layer),
        titleHint: native.title, uncertain: uncertain, warnings: warnings,
        locator: placement.map(PlacementLocator.init))
    } catch let error as InputError {
      throw error
    } catch let error as PDFError {
      throw InputError(file: path, kind: .pdf, reason: reason(error, path: path))
    } catch let error as OCRError {
      throw InputError(file: path, kind: .pdf, reason: error.errorDescription ?? "\(error)")
    } catch {
      throw InputError(file: path, kind: .pdf, reason: "\(error)")
    }
  }

  /// The PDF module's message without its leading file name (the caller adds it), and
  /// with the command's own way to give a password.
  private static func reason(_ error: PDFError, path: String) -> String {
    if case .encrypted(_, let passwordGiven) = error {
      return passwordGiven
        ? "the PDF is encrypted and the password given does not open it; check --password"
        : "the PDF is encrypted; give its password with --password"
    }
    let message = error.errorDescription ?? "\(error)"
    let prefix = "\(path): "
    return message.hasPrefix(prefix) ? String(message.dropFirst(prefix.count)) : message
  }
}
