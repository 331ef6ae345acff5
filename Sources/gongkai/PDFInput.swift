import Foundation
import GongkaiCore
import GongkaiPDF

/// The PDF front end: the text layer laid out by geometry, ready for the text pipeline.
enum PDFInput {
  /// Reads a PDF's text layer; errors are one line naming the file and what to do.
  static func load(path: String, data: Data, name: String, sha256: String, password: String?) throws(InputError)
    -> LoadedInput
  {
    var options = PDFTextExtractor.Options()
    options.password = password
    let extracted: ExtractedPDF
    do {
      extracted = try PDFTextExtractor.extract(data: data, source: path, options: options)
    } catch let error as PDFError {
      throw InputError(file: path, kind: .pdf, reason: reason(error, path: path))
    } catch {
      throw InputError(file: path, kind: .pdf, reason: "\(error)")
    }
    if extracted.pagesWithoutText.count == extracted.pageCount {
      throw InputError(
        file: path, kind: .notAReport,
        reason: "no page has a text layer (a scanned or image-only PDF); it needs OCR, which this build cannot do yet")
    }
    if !extracted.pagesWithoutText.isEmpty {
      let pages = extracted.pagesWithoutText.map(String.init).joined(separator: ", ")
      printError("\(path): page(s) \(pages) have no text layer and were skipped; their values will be missing")
    }
    return LoadedInput(
      text: extracted.text,
      source: SourceInfo(file: name, sha256: sha256, kind: .pdf, pages: extracted.pageCount, textLayer: .native),
      titleHint: extracted.title)
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
