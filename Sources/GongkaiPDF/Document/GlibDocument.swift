import CPoppler
import Foundation

/// The same PDF opened in poppler-glib, for rendering pages and for poppler-glib's own text
/// functions. Its handle is released in `deinit`, under ``PopplerLock``.
final class GlibDocument {
  /// The loaded functions.
  let api: GongkaiPopplerAPI
  /// The owned `PopplerDocument *`.
  let handle: OpaquePointer
  /// The bytes poppler-glib reads in place, kept alive with it.
  private let bytes: PDFBytes

  /// Opens `bytes`; with a password, by the file name `path` (or a temporary copy), since
  /// poppler 22's from-bytes opener loses the stream when it retries a password.
  init(bytes: PDFBytes, password: String?, path: String?, source: String) throws {
    let api: GongkaiPopplerAPI
    do {
      api = try PopplerGlib.api()
    } catch {
      throw PDFError.damaged(source: source, detail: error.message)
    }
    var gError: UnsafeMutablePointer<GError>? = nil
    let document: OpaquePointer?
    if let password {
      let file: String
      var temporary: URL? = nil
      if let path {
        file = path
      } else {
        let copy = FileManager.default.temporaryDirectory
          .appendingPathComponent("gongkai-\(UUID().uuidString).pdf")
        do {
          try Data(bytes: bytes.pointer, count: bytes.count).write(to: copy)
        } catch {
          throw PDFError.unreadable(source: source, reason: "cannot write a temporary copy")
        }
        file = copy.path
        temporary = copy
      }
      defer { if let temporary { try? FileManager.default.removeItem(at: temporary) } }
      guard let uri = api.g_filename_to_uri(file, nil, &gError) else {
        throw PDFError.unreadable(source: source, reason: Self.takeMessage(gError, api: api))
      }
      defer { api.g_free(uri) }
      document = password.withCString { api.poppler_document_new_from_file(uri, $0, &gError) }
    } else {
      guard let gBytes = api.g_bytes_new_static(bytes.pointer, bytes.count) else {
        throw PDFError.unreadable(source: source, reason: "out of memory")
      }
      // The document takes its own reference to the GBytes.
      document = api.poppler_document_new_from_bytes(gBytes, nil, &gError)
      api.g_bytes_unref(gBytes)
    }
    guard let document else {
      throw Self.mapOpenError(gError, source: source, passwordGiven: password != nil, api: api)
    }
    if let gError { api.g_error_free(gError) }
    self.api = api
    self.handle = document
    self.bytes = bytes
  }

  deinit { PopplerLock.run { api.g_object_unref(UnsafeMutableRawPointer(handle)) } }

  static func takeMessage(_ gError: UnsafeMutablePointer<GError>?, api: GongkaiPopplerAPI) -> String {
    guard let gError else { return "unknown error" }
    defer { api.g_error_free(gError) }
    guard let message = gError.pointee.message else { return "unknown error" }
    return String(cString: message)
  }

  static func mapOpenError(
    _ gError: UnsafeMutablePointer<GError>?, source: String, passwordGiven: Bool,
    api: GongkaiPopplerAPI
  ) -> PDFError {
    guard let gError else { return .damaged(source: source, detail: "poppler gave no reason") }
    let domain = gError.pointee.domain
    let code = gError.pointee.code
    let message = takeMessage(gError, api: api)
    if domain == api.poppler_error_quark() {
      if code == Int32(GONGKAI_POPPLER_ERROR_ENCRYPTED) {
        return .encrypted(source: source, passwordGiven: passwordGiven)
      }
      return .damaged(source: source, detail: message)
    }
    if domain == api.g_file_error_quark() {
      return .unreadable(source: source, reason: message)
    }
    return .damaged(source: source, detail: message)
  }
}
