import CPoppler
import Foundation

/// An open PDF, read through poppler. Safe to use from any thread: calls into poppler are
/// serialized by one process-wide lock.
public final class PDFDocument {
  /// The owned `PopplerDocument *` (one reference, released in `deinit`).
  let handle: OpaquePointer
  /// The document's bytes (a `GBytes`): poppler-glib reads them unless a password made it
  /// open the file by name, and poppler's core reads them for ``PDFPage/drawing()``.
  private let bytes: OpaquePointer
  /// The password the document was opened with, for the second opening in poppler's core.
  private let password: String?
  /// poppler's core opened on the same bytes, on first use (guarded by ``PopplerLock``).
  private var drawingDocument: DrawingDocument?
  /// The name used in error messages (the path, or what the caller called the bytes).
  public let source: String

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

    // Map the file rather than let poppler read it in small pieces: no copy, no syscalls.
    var gError: UnsafeMutablePointer<GError>? = nil
    guard let mapped = g_mapped_file_new(url.path, 0, &gError) else {
      throw PDFError.unreadable(source: path, reason: Self.takeMessage(gError))
    }
    let gBytes = g_mapped_file_get_bytes(mapped)
    g_mapped_file_unref(mapped)
    guard let gBytes else { throw PDFError.unreadable(source: path, reason: "cannot map the file") }
    if password != nil {
      try self.init(openingFile: url.path, source: path, password: password, bytes: gBytes)
      return
    }
    try self.init(bytes: gBytes, source: path)
  }

  /// Opens a PDF held in memory; `source` names it in error messages.
  public convenience init(data: Data, source: String = "<memory>", password: String? = nil) throws {
    guard Self.hasPDFHeader(data.prefix(1024)) else { throw PDFError.notAPDF(source: source) }
    let gBytes = data.withUnsafeBytes { raw in
      g_bytes_new(raw.baseAddress, gsize(raw.count))
    }
    guard let gBytes else { throw PDFError.unreadable(source: source, reason: "out of memory") }
    if password != nil {
      // poppler 22's from-bytes/from-data openers crash on a wrong password (their retry
      // with the password as UTF-8 loses the stream), so a password goes through a file.
      let temporary = FileManager.default.temporaryDirectory
        .appendingPathComponent("gongkai-\(UUID().uuidString).pdf")
      do {
        try data.write(to: temporary)
      } catch {
        g_bytes_unref(gBytes)
        throw PDFError.unreadable(source: source, reason: "cannot write a temporary copy")
      }
      defer { try? FileManager.default.removeItem(at: temporary) }
      try self.init(openingFile: temporary.path, source: source, password: password, bytes: gBytes)
      return
    }
    try self.init(bytes: gBytes, source: source)
  }

  /// Opens bytes without a password; takes over the reference to `gBytes`.
  private convenience init(bytes gBytes: OpaquePointer, source: String) throws {
    var gError: UnsafeMutablePointer<GError>? = nil
    let document = PopplerLock.run { poppler_document_new_from_bytes(gBytes, nil, &gError) }
    do {
      try self.init(opened: document, error: gError, bytes: gBytes, source: source, password: nil)
    } catch {
      g_bytes_unref(gBytes)
      throw error
    }
  }

  /// Opens a file by name with a password (poppler's file opener handles wrong ones);
  /// `gBytes`, the same file's bytes, is taken over.
  private convenience init(
    openingFile path: String, source: String, password: String?, bytes gBytes: OpaquePointer
  ) throws {
    var gError: UnsafeMutablePointer<GError>? = nil
    guard let uri = g_filename_to_uri(path, nil, &gError) else {
      g_bytes_unref(gBytes)
      throw PDFError.unreadable(source: source, reason: Self.takeMessage(gError))
    }
    defer { g_free(uri) }
    let document = PopplerLock.run {
      password.withOptionalCString { passwordPointer in
        poppler_document_new_from_file(uri, passwordPointer, &gError)
      }
    }
    do {
      try self.init(opened: document, error: gError, bytes: gBytes, source: source, password: password)
    } catch {
      g_bytes_unref(gBytes)
      throw error
    }
  }

  private init(
    opened document: OpaquePointer?, error gError: UnsafeMutablePointer<GError>?,
    bytes: OpaquePointer, source: String, password: String?
  ) throws {
    guard let document else {
      throw Self.mapOpenError(gError, source: source, passwordGiven: password != nil)
    }
    if let gError { g_error_free(gError) }
    guard PopplerLock.run({ poppler_document_get_n_pages(document) }) > 0 else {
      PopplerLock.run { g_object_unref(UnsafeMutableRawPointer(document)) }
      throw PDFError.noPages(source: source)
    }
    self.handle = document
    self.bytes = bytes
    self.password = password
    self.source = source
  }

  deinit {
    PopplerLock.run {
      // poppler's core reads the bytes in place: close it before they go.
      drawingDocument = nil
      g_object_unref(UnsafeMutableRawPointer(handle))
      g_bytes_unref(bytes)
    }
  }

  /// poppler's core opened on the document's bytes (opened on first use). Call under
  /// ``PopplerLock``.
  func drawing() throws -> DrawingDocument {
    if let drawingDocument { return drawingDocument }
    var length: gsize = 0
    guard let pointer = g_bytes_get_data(bytes, &length) else {
      throw PDFError.damaged(source: source, detail: "the document has no bytes")
    }
    let opened = try DrawingDocument(
      bytes: pointer, length: Int(length), password: password, source: source)
    drawingDocument = opened
    return opened
  }

  /// The number of pages (at least 1).
  public var pageCount: Int { PopplerLock.run { Int(poppler_document_get_n_pages(handle)) } }

  /// The document title from its metadata, or `nil` when it has none.
  public var title: String? {
    let raw: String? = PopplerLock.run {
      guard let raw = poppler_document_get_title(handle) else { return nil }
      defer { g_free(raw) }
      return String(cString: raw)
    }
    guard let raw else { return nil }
    let title = raw.trimmingCharacters(in: .whitespacesAndNewlines)
    return title.isEmpty ? nil : title
  }

  /// The page with 1-based number `number`.
  public func page(_ number: Int) throws -> PDFPage {
    let count = pageCount
    guard number >= 1, number <= count,
      let page = PopplerLock.run({ poppler_document_get_page(handle, Int32(number - 1)) })
    else { throw PDFError.pageOutOfRange(page: number, pageCount: count) }
    return PDFPage(handle: page, number: number, document: self)
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

  static func takeMessage(_ gError: UnsafeMutablePointer<GError>?) -> String {
    guard let gError else { return "unknown error" }
    defer { g_error_free(gError) }
    guard let message = gError.pointee.message else { return "unknown error" }
    return String(cString: message)
  }

  static func mapOpenError(
    _ gError: UnsafeMutablePointer<GError>?, source: String, passwordGiven: Bool
  ) -> PDFError {
    guard let gError else { return .damaged(source: source, detail: "poppler gave no reason") }
    let domain = gError.pointee.domain
    let code = gError.pointee.code
    let message = takeMessage(gError)
    if domain == poppler_error_quark() {
      if code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
        return .encrypted(source: source, passwordGiven: passwordGiven)
      }
      return .damaged(source: source, detail: message)
    }
    if domain == g_file_error_quark() {
      return .unreadable(source: source, reason: message)
    }
    return .damaged(source: source, detail: message)
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
