import CPoppler
import Foundation
import GongkaiLayout

/// One page of an open ``PDFDocument``: its size, its text layer, its drawing and its image.
public final class PDFPage {
  /// Keeps the document alive as long as the page is used.
  private let document: PDFDocument
  /// poppler-glib's `PopplerPage *` (one reference, released in `deinit`), on first use.
  private var glibHandle: OpaquePointer?
  /// 1-based page number.
  public let number: Int

  init(number: Int, document: PDFDocument) {
    self.number = number
    self.document = document
  }

  deinit {
    guard let glibHandle else { return }
    PopplerLock.run {
      if let glib = try? document.glibDocument() {
        glib.api.g_object_unref(UnsafeMutableRawPointer(glibHandle))
      }
    }
  }

  /// poppler-glib's page and functions, the page fetched on first use. Call under ``PopplerLock``.
  func glibPage() throws -> (api: GongkaiPopplerAPI, page: OpaquePointer) {
    let glib = try document.glibDocument()
    if let glibHandle { return (glib.api, glibHandle) }
    guard let page = glib.api.poppler_document_get_page(glib.handle, Int32(number - 1)) else {
      throw PDFError.pageOutOfRange(page: number, pageCount: document.pageCount)
    }
    glibHandle = page
    return (glib.api, page)
  }

  /// Width and height in points, as displayed (page rotation applied).
  public var size: (width: Double, height: Double) {
    PopplerLock.run { document.core.size(ofPage: number) }
  }

  /// The plain text of the page in poppler's reading order (poppler-glib's
  /// `poppler_page_get_text`; empty if poppler-glib cannot be loaded).
  public var text: String {
    PopplerLock.run {
      guard let (api, page) = try? glibPage(), let raw = api.poppler_page_get_text(page) else {
        return ""
      }
      defer { api.g_free(raw) }
      return String(cString: raw)
    }
  }

  /// Every character of the text layer with its box, in poppler's order, as poppler-glib
  /// gives them (``drawing()`` gives the same in its one pass; empty if poppler-glib cannot
  /// be loaded).
  ///
  /// poppler gives one rectangle per Unicode scalar of ``text`` (line breaks and the spaces
  /// it inserts between words included), so scalars and rectangles are paired by index.
  /// Line breaks are left out of the result; spaces are kept.
  public var characters: [PositionedCharacter] {
    PopplerLock.run { readCharacters() }
  }

  private func readCharacters() -> [PositionedCharacter] {
    guard let (api, page) = try? glibPage(), let raw = api.poppler_page_get_text(page) else {
      return []
    }
    defer { api.g_free(raw) }
    var rectangles: UnsafeMutablePointer<PopplerRectangle>? = nil
    var count: UInt32 = 0
    guard api.poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else {
      if let rectangles { api.g_free(rectangles) }
      return []
    }
    defer { api.g_free(rectangles) }
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

  /// The page rendered like ``render(dpi:)``, with red ink (a seal, 公章) turned light by its
  /// colour: a clearly red pixel takes its red channel, lightened by its redness, instead of its
  /// luma, so black print under a seal stays dark and the seal's ring and characters fade.
  /// For reading by OCR.
  public func render(dpi: Double, droppingRedInk: Bool) throws -> GreyBitmap {
    try PopplerLock.run { try PageRenderer(page: self).render(dpi: dpi, droppingRedInk: droppingRedInk) }
  }

  /// The page rendered like ``render(dpi:droppingRedInk:)`` with red ink dropped, and the red
  /// ink dropped as its own bitmap: each clearly red pixel's grey level (its luma, as a grey copy
  /// shows it), paper white elsewhere; `nil` when no pixel is red. A red seal's ring can be
  /// found in it, and the print under the seal read as a grey copy shows it.
  public func renderSeparatingRedInk(dpi: Double) throws -> (page: GreyBitmap, redInk: GreyBitmap?) {
    try PopplerLock.run { try PageRenderer(page: self).renderSeparatingRedInk(dpi: dpi) }
  }

  /// The page rendered by poppler and cairo as a colour PNG file at `dpi`, in memory (for
  /// showing the page, e.g. in a review page).
  /// Only the drawing holds the process-wide poppler lock; pages can be encoded in parallel.
  public func pngImage(dpi: Double) throws -> [UInt8] {
    let surface = try PopplerLock.run { try PageRenderer(page: self).colourSurface(dpi: dpi) }
    guard let png = surface.pngBytes() else {
      throw PDFError.renderFailed(page: number, detail: "cairo could not encode the page as PNG")
    }
    return png
  }

  /// The page's characters and painted paths, read in one pass over its content stream by
  /// poppler's core (the characters are those of ``characters``, without a second pass).
  public func drawing() throws -> PageDrawing {
    try PopplerLock.run { try document.core.page(number) }
  }

  /// The page as layout input, from one pass over its content: size, characters, the ruling
  /// lines and shaded areas of its drawing. A scanned page under a text layer, which draws no
  /// rule, has its rules looked for on a rendering instead (`scanRulings`; `nil`: never).
  public func positionedPage(
    finder: DrawnRulingFinder = DrawnRulingFinder(), scanRulings: ScanRulings? = ScanRulings()
  ) throws -> PositionedPage {
    try positionedPage(drawing: drawing(), finder: finder, scanRulings: scanRulings)
  }

  /// The page as layout input from its `drawing`, read already (``positionedPage(finder:scanRulings:)``).
  func positionedPage(drawing: PageDrawing, finder: DrawnRulingFinder, scanRulings: ScanRulings?)
    throws -> PositionedPage
  {
    var (rulings, fills) = finder.read(drawing)
    if let scanRulings, scanRulings.applies(to: drawing, rulings: rulings),
      let bitmap = try? render(dpi: scanRulings.dpi)
    {
      rulings = RulingLineFinder(options: scanRulings.finder).lines(in: bitmap)
      fills = []
    }
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
