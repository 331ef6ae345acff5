import CPoppler
import GongkaiLayout

/// One page of an open ``PDFDocument``: its size, its text layer and its image.
public final class PDFPage {
  /// The owned `PopplerPage *` (one reference, released in `deinit`).
  let handle: OpaquePointer
  /// Keeps the document alive as long as the page is used.
  private let document: PDFDocument
  /// 1-based page number.
  public let number: Int

  init(handle: OpaquePointer, number: Int, document: PDFDocument) {
    self.handle = handle
    self.number = number
    self.document = document
  }

  deinit {
    PopplerLock.run { g_object_unref(UnsafeMutableRawPointer(handle)) }
  }

  /// Width and height in points, as displayed (page rotation applied).
  public var size: (width: Double, height: Double) {
    var width = 0.0
    var height = 0.0
    PopplerLock.run { poppler_page_get_size(handle, &width, &height) }
    return (width, height)
  }

  /// The plain text of the page in poppler's reading order.
  public var text: String {
    PopplerLock.run {
      guard let raw = poppler_page_get_text(handle) else { return "" }
      defer { g_free(raw) }
      return String(cString: raw)
    }
  }

  /// Every character of the text layer with its box, in poppler's order.
  ///
  /// poppler gives one rectangle per Unicode scalar of ``text`` (line breaks and the spaces
  /// it inserts between words included), so scalars and rectangles are paired by index.
  /// Line breaks are left out of the result; spaces are kept.
  public var characters: [PositionedCharacter] {
    PopplerLock.run { readCharacters() }
  }

  private func readCharacters() -> [PositionedCharacter] {
    guard let raw = poppler_page_get_text(handle) else { return [] }
    defer { g_free(raw) }
    var rectangles: UnsafeMutablePointer<PopplerRectangle>? = nil
    var count: guint = 0
    guard poppler_page_get_text_layout(handle, &rectangles, &count) != 0, let rectangles else {
      if let rectangles { g_free(rectangles) }
      return []
    }
    defer { g_free(rectangles) }
    let scalars = String(cString: raw).unicodeScalars
    let pairs = min(scalars.count, Int(count))
    var result: [PositionedCharacter] = []
    result.reserveCapacity(pairs)
    var index = 0
    for scalar in scalars {
      guard index < pairs else { break }
      let rect = rectangles[index]
      index += 1
      if scalar == "\n" || scalar == "\r" { continue }
      let box = PageRect(
        minX: min(rect.x1, rect.x2), minY: min(rect.y1, rect.y2),
        maxX: max(rect.x1, rect.x2), maxY: max(rect.y1, rect.y2))
      result.append(PositionedCharacter(character: Character(scalar), box: box))
    }
    return result
  }

  /// The page rendered by poppler and cairo to an 8-bit grey bitmap at `dpi`, in memory.
  ///
  /// Very large pages are rendered at a lower resolution so the bitmap stays under about
  /// 64 million pixels; the bitmap's `dpi` says what was used.
  public func render(dpi: Double) throws -> GreyBitmap {
    try PopplerLock.run { try PageRenderer(page: self).render(dpi: dpi) }
  }

  /// The page's characters and painted paths, read in one pass over its content stream by
  /// poppler's core (the characters are those of ``characters``, without a second pass).
  public func drawing() throws -> PageDrawing {
    try PopplerLock.run { try document.drawing().page(number) }
  }

  /// The page as layout input, from one pass over its content: size, characters, the ruling
  /// lines and shaded areas of its drawing.
  public func positionedPage(finder: DrawnRulingFinder = DrawnRulingFinder()) throws
    -> PositionedPage
  {
    let drawing = try self.drawing()
    let (rulings, fills) = finder.read(drawing)
    return PositionedPage(
      number: number, width: drawing.width, height: drawing.height,
      characters: drawing.characters, rulings: rulings, fills: fills)
  }

  /// The page as layout input with the ruling lines found on a rendering at `rulingDPI`
  /// (`nil`: none) instead of its drawing: the route for rules that exist only as pixels.
  ///
  /// The page is rendered before its text is read: poppler collects the text layer while
  /// rendering, so the page's content is interpreted once, not twice.
  public func positionedPage(rulingDPI: Double?, finder: RulingLineFinder = RulingLineFinder())
    throws -> PositionedPage
  {
    let (width, height) = size
    let (bitmap, characters) = try PopplerLock.run {
      (try rulingDPI.map { try render(dpi: $0) }, self.characters)
    }
    let rulings = bitmap.map { finder.lines(in: $0) } ?? []
    return PositionedPage(
      number: number, width: width, height: height, characters: characters, rulings: rulings)
  }
}
