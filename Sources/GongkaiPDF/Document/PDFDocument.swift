import CPoppler
import Foundation

/// An open PDF, read through poppler. Safe to use from any thread: calls into poppler are
/// serialized by one process-wide lock.
///
/// The document is opened in poppler's core, which gives its pages, title and each page's
/// text and drawing in one pass (``PDFPage/drawing()``). poppler-glib opens the same bytes
/// only when a page is rendered or its glib text is asked for.
public final class PDFDocument {
  /// poppler's core on the document's bytes (it keeps them alive).
  let core: DrawingDocument
  /// The password the document was opened with, for poppler-glib's opening (and
  /// ``PageDrawingReader``'s second document).
  let password: String?
  /// The file the bytes were mapped from (`nil` for bytes given in memory).
  private let path: String?
  /// poppler-glib's document, opened on first use (guarded by ``PopplerLock``).
  private var glib: GlibDocument?
  /// The name used in error messages (the path, or what the caller called the bytes).
  public let source: String
  /// The number of pages (at least 1).
  public let pageCount: Int

  /// Opens the PDF at `path`, with `password` for encrypted documents.
  public convenience init(path: String, password: String? = nil) throws {
    let url = URL(fileURLWithPath: path)
    let handle: FileHandle
    do {
      handle = try FileHandle(forReadingFrom: url)
    } catch {
      let reason = FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file"
      throw PDFError.unreadable(source: path, reason: reason)
    }
    let head: Data
    do {
      head = try handle.read(upToCount: 1024) ?? Data()
      try handle.close()
    } catch {
      throw PDFError.unreadable(source: path, reason: "\(error.localizedDescription)")
    }
    guard Self.hasPDFHeader(head) else { throw PDFError.notAPDF(source: path) }
    let bytes = try PDFBytes(mapping: url.path, source: path)
    try self.init(bytes: bytes, source: path, password: password, path: url.path)
  }

  /// Opens a PDF held in memory; `source` names it in error messages.
  public convenience init(data: Data, source: String = "<memory>", password: String? = nil) throws {
    guard Self.hasPDFHeader(data.prefix(1024)) else { throw PDFError.notAPDF(source: source) }
    try self.init(bytes: PDFBytes(copying: data), source: source, password: password, path: nil)
  }

  private init(bytes: PDFBytes, source: String, password: String?, path: String?) throws {
    let core = try PopplerLock.run {
      try DrawingDocument(bytes: bytes, password: password, source: source)
    }
    let count = PopplerLock.run { core.pageCount }
    guard count > 0 else { throw PDFError.noPages(source: source) }
    self.core = core
    self.pageCount = count
    self.password = password
    self.path = path
    self.source = source
  }

  /// The document title from its metadata, or `nil` when it has none.
  public var title: String? {
    guard let raw = PopplerLock.run({ core.title }) else { return nil }
    let title = raw.trimmingWhitespaceAndNewlines
    return title.isEmpty ? nil : title
  }

  /// The page with 1-based number `number`.
  public func page(_ number: Int) throws -> PDFPage {
    guard number >= 1, number <= pageCount else {
      throw PDFError.pageOutOfRange(page: number, pageCount: pageCount)
    }
    return PDFPage(number: number, document: self)
  }

  /// poppler-glib's document on the same bytes, opened on first use. Call under ``PopplerLock``.
  func glibDocument() throws -> GlibDocument {
    if let glib { return glib }
    let opened = try GlibDocument(
      bytes: core.bytes, password: password, path: path, source: source)
    glib = opened
    return opened
  }

  static func hasPDFHeader<Bytes: Collection>(_ head: Bytes) -> Bool where Bytes.Element == UInt8 {
    // The header may follow some junk (the PDF spec allows it within the first 1024 bytes).
    let signature: [UInt8] = Array("%PDF-".utf8)
    let bytes = Array(head.prefix(1024))
    guard bytes.count >= signature.count else { return false }
    for start in 0...(bytes.count - signature.count)
    where bytes[start..<(start + signature.count)].elementsEqual(signature) {
      return true
    }
    return false
  }

}

extension Optional where Wrapped == String {
  /// Calls `body` with a C string for the value, or `nil`.
  func withOptionalCString<Result>(_ body: (UnsafePointer<CChar>?) -> Result) -> Result {
    switch self {
    case .some(let string): return string.withCString { body($0) }
    case .none: return body(nil)
    }
  }
}

extension String {
  /// The string without leading and trailing white space and line breaks, scalar by scalar:
  /// what `trimmingCharacters(in: .whitespacesAndNewlines)` gives, without building
  /// Foundation's character set on the way (its first use costs more than the PDF's title).
  var trimmingWhitespaceAndNewlines: String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { !$0.isWhitespaceOrNewline }),
      let last = scalars.lastIndex(where: { !$0.isWhitespaceOrNewline })
    else { return "" }
    return String(scalars[first...last])
  }
}

extension Unicode.Scalar {
  /// A member of Foundation's `CharacterSet.whitespacesAndNewlines`: space separators, tab
  /// and the zero-width space (its `whitespaces`), U+000A–U+000D, NEL and the line and
  /// paragraph separators (its `newlines`).
  var isWhitespaceOrNewline: Bool {
    switch value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
      return true
    default:
      return false
    }
  }
}
