import CPopplerDrawing
import GongkaiLayout

/// The same PDF opened in poppler's C++ core, for the one pass per page that collects
/// characters and painted paths together (see `CPopplerDrawing`).
///
/// It reads the bytes of its ``PDFDocument`` in place; the document keeps them alive and
/// closes this one first. Calls are made under ``PopplerLock``.
final class DrawingDocument {
  /// The owned `GKDrawingDocument *`, closed in `deinit`.
  private let handle: OpaquePointer
  /// The document's name in error messages.
  private let source: String

  /// Opens `length` bytes at `bytes` (not copied) with `password`.
  init(bytes: UnsafeRawPointer, length: Int, password: String?, source: String) throws {
    var status = GKDrawingOpenOK
    let opened = password.withOptionalCString { secret in
      gk_drawing_open(bytes.assumingMemoryBound(to: CChar.self), length, secret, &status)
    }
    guard let opened else {
      if status == GKDrawingOpenEncrypted {
        throw PDFError.encrypted(source: source, passwordGiven: password != nil)
      }
      throw PDFError.damaged(source: source, detail: "poppler's core could not open it")
    }
    handle = opened
    self.source = source
  }

  deinit { gk_drawing_close(handle) }

  /// Page `number` (1-based): its characters and paths, copied into Swift values.
  func page(_ number: Int) throws -> PageDrawing {
    var raw = GKPageDrawing()
    guard gk_drawing_read_page(handle, Int32(number - 1), &raw) == 0 else {
      throw PDFError.damaged(source: source, detail: "the content of page \(number) could not be read")
    }
    defer { gk_drawing_page_free(&raw) }
    return PageDrawing(
      width: raw.width, height: raw.height, characters: Self.characters(raw),
      paths: Self.paths(raw), pathsTruncated: raw.paths_truncated != 0)
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
