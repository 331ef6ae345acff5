import CPopplerDrawing
import Foundation
import GongkaiLayout

/// A PDF opened in poppler's core, for the one pass per page that collects characters and
/// painted paths together (see `CPopplerDrawing`), and for page count, sizes and title.
///
/// It reads its bytes in place and keeps them alive. Calls are made under ``PopplerLock``,
/// except by ``PageDrawingReader``'s helper thread on the second document it opens for itself
/// (two documents may read pages on two threads at once: CPopplerDrawing.h).
final class DrawingDocument {
  /// The owned `GKDrawingDocument *`, closed in `deinit`.
  private let handle: OpaquePointer
  /// The bytes poppler reads, released after the document is closed.
  let bytes: PDFBytes
  /// The document's name in error messages.
  private let source: String

  /// Opens `bytes` with `password`.
  init(bytes: PDFBytes, password: String?, source: String) throws {
    var status = GKDrawingOpenOK
    var code: Int32 = 0
    let opened = password.withOptionalCString { secret in
      gk_drawing_open(
        bytes.pointer.assumingMemoryBound(to: CChar.self), bytes.count, secret, &status, &code)
    }
    guard let opened else {
      if status == GKDrawingOpenEncrypted {
        throw PDFError.encrypted(source: source, passwordGiven: password != nil)
      }
      throw PDFError.damaged(source: source, detail: Self.reason(code))
    }
    handle = opened
    self.bytes = bytes
    self.source = source
  }

  // poppler's core shares state between documents: close under the lock, whoever releases it.
  deinit { PopplerLock.run { gk_drawing_close(handle) } }

  /// poppler's error codes (ErrorCodes.h) in words.
  static func reason(_ code: Int32) -> String {
    switch code {
    case 1: return "poppler could not open it"
    case 2: return "its catalog (the root of its objects) is missing or broken"
    case 3: return "poppler found it damaged"
    case 10: return "reading it failed"
    default: return "poppler could not read it (error \(code))"
    }
  }

  /// Lets this document, opened on the same bytes as `other`, take the font programs `other`
  /// decodes and give it its own (each is inflated once per file). Call before reading a page.
  func shareFontPrograms(with other: DrawingDocument) {
    gk_drawing_share_font_programs(other.handle, handle)
  }

  /// The number of pages.
  var pageCount: Int { Int(gk_drawing_page_count(handle)) }

  /// The title from the information dictionary, or `nil`.
  var title: String? {
    guard let raw = gk_drawing_title(handle) else { return nil }
    defer { free(raw) }
    return String(cString: raw)
  }

  /// The displayed size of page `number` (1-based), in points.
  func size(ofPage number: Int) -> (width: Double, height: Double) {
    var width = 0.0
    var height = 0.0
    _ = gk_drawing_page_size(handle, Int32(number - 1), &width, &height)
    return (width, height)
  }

  /// Page `number` (1-based): its characters and paths, copied into Swift values.
  func page(_ number: Int) throws -> PageDrawing {
    var raw = GKPageDrawing()
    guard gk_drawing_read_page(handle, Int32(number - 1), &raw) == 0 else {
      throw PDFError.damaged(source: source, detail: "the content of page \(number) could not be read")
    }
    defer { gk_drawing_page_free(&raw) }
    return PageDrawing(
      width: raw.width, height: raw.height, characters: Self.characters(raw),
      paths: Self.paths(raw), pathsTruncated: raw.paths_truncated != 0,
      largestImagePixels: Int(clamping: raw.largest_image_pixels))
  }

  private static func characters(_ raw: GKPageDrawing) -> [PositionedCharacter] {
    guard let base = raw.characters else { return [] }
    var result: [PositionedCharacter] = []
    result.reserveCapacity(raw.character_count)
    for entry in UnsafeBufferPointer(start: base, count: raw.character_count) {
      if entry.codepoint == 0x0A || entry.codepoint == 0x0D { continue }
      // A code poppler could not map (a lone surrogate, past U+10FFFF) reads as U+FFFD.
      let scalar = Unicode.Scalar(entry.codepoint) ?? "\u{FFFD}"
      let box = PageRect(
        minX: min(entry.x0, entry.x1), minY: min(entry.y0, entry.y1),
        maxX: max(entry.x0, entry.x1), maxY: max(entry.y0, entry.y1))
      result.append(PositionedCharacter(character: Character(scalar), box: box))
    }
    return result
  }

  private static func paths(_ raw: GKPageDrawing) -> [DrawnPath] {
    guard let pathBase = raw.paths, let subpathBase = raw.subpaths, let pointBase = raw.points
    else { return [] }
    let subpaths = UnsafeBufferPointer(start: subpathBase, count: raw.subpath_count)
    let points = UnsafeBufferPointer(start: pointBase, count: raw.point_count)
    var result: [DrawnPath] = []
    result.reserveCapacity(raw.path_count)
    for path in UnsafeBufferPointer(start: pathBase, count: raw.path_count) {
      let first = Int(path.first_subpath)
      let last = min(first + Int(path.subpath_count), subpaths.count)
      guard first < last else { continue }
      var pieces: [DrawnPath.Subpath] = []
      pieces.reserveCapacity(last - first)
      for subpath in subpaths[first..<last] {
        let start = Int(subpath.first_point)
        let end = min(start + Int(subpath.point_count), points.count)
        guard start < end else { continue }
        pieces.append(
          DrawnPath.Subpath(
            points: points[start..<end].map { PagePoint(x: $0.x, y: $0.y) },
            closed: subpath.closed != 0, curved: subpath.curved != 0))
      }
      result.append(
        DrawnPath(
          paint: path.paint == GKPaintStroke ? .stroke : .fill, lineWidth: path.line_width,
          colour: RGBColour(red: path.red, green: path.green, blue: path.blue),
          opacity: path.opacity,
          clip: PageRect(
            minX: min(path.clip_x0, path.clip_x1), minY: min(path.clip_y0, path.clip_y1),
            maxX: max(path.clip_x0, path.clip_x1), maxY: max(path.clip_y0, path.clip_y1)),
          subpaths: pieces))
    }
    return result
  }
}
