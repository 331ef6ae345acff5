import Foundation

/// Why a PDF could not be read; every message names the input and says what to do.
public enum PDFError: Error, LocalizedError, Equatable, Sendable {
  /// The file does not exist or cannot be read.
  case unreadable(source: String, reason: String)
  /// The input does not start like a PDF (no `%PDF-` header).
  case notAPDF(source: String)
  /// The input looks like a PDF but poppler cannot parse it (truncated or corrupted).
  case damaged(source: String, detail: String)
  /// The document is protected by a password and none (or a wrong one) was given.
  case encrypted(source: String, passwordGiven: Bool)
  /// The document opened but has no pages.
  case noPages(source: String)
  /// A page number outside `1...pageCount` was asked for.
  case pageOutOfRange(page: Int, pageCount: Int)
  /// Rendering a page to a bitmap failed.
  case renderFailed(page: Int, detail: String)

  /// A one-line explanation naming the input, the problem and what to do about it.
  public var errorDescription: String? {
    switch self {
    case .unreadable(let source, let reason):
      return "\(source): cannot read the file (\(reason)); check the path and its permissions."
    case .notAPDF(let source):
      return "\(source): not a PDF (it does not start with %PDF-); pass a PDF, or a text export as text."
    case .damaged(let source, let detail):
      return "\(source): the PDF is damaged or truncated (\(detail)); get a complete copy of the file."
    case .encrypted(let source, let passwordGiven):
      return passwordGiven
        ? "\(source): the PDF is encrypted and the password given does not open it; check the password."
        : "\(source): the PDF is encrypted and needs a password; remove the protection first (e.g. qpdf --decrypt --password=PASSWORD in.pdf out.pdf)."
    case .noPages(let source):
      return "\(source): the PDF has no pages; there is nothing to extract."
    case .pageOutOfRange(let page, let pageCount):
      return "page \(page) does not exist (the document has \(pageCount) pages); ask for 1...\(pageCount)."
    case .renderFailed(let page, let detail):
      return "page \(page) could not be rendered (\(detail)); the page may be too large or memory short."
    }
  }
}
