import CPoppler
import GongkaiLayout

/// Renders one page through poppler into a cairo image surface and converts it to grey.
struct PageRenderer {
  /// The largest bitmap rendered, in pixels; bigger pages get a lower resolution.
  static let maximumPixels = 64_000_000
  /// The largest side cairo accepts.
  static let maximumSide = 32_000

  let page: PDFPage

  func render(dpi requested: Double, droppingRedInk: Bool = false) throws -> GreyBitmap {
    let (surface, dpi) = try draw(dpi: requested)
    let pixels = surface.greyPixels(droppingRedInk: droppingRedInk)
    guard let bitmap = GreyBitmap(width: surface.width, height: surface.height, dpi: dpi, pixels: pixels)
    else {
      throw PDFError.renderFailed(page: page.number, detail: "the rendered image has the wrong size")
    }
    return bitmap
  }

  /// The page as ``render(dpi:droppingRedInk:)`` draws it with red ink dropped, and the red ink
  /// dropped (each red pixel's luma, paper white elsewhere; `nil` when the page has none).
  func renderSeparatingRedInk(dpi requested: Double) throws -> (page: GreyBitmap, redInk: GreyBitmap?) {
    let (surface, dpi) = try draw(dpi: requested)
    let (pixels, red) = surface.greyAndRedPixels(droppingRedInk: true, keepingRed: true)
    guard let bitmap = GreyBitmap(width: surface.width, height: surface.height, dpi: dpi, pixels: pixels)
    else {
      throw PDFError.renderFailed(page: page.number, detail: "the rendered image has the wrong size")
    }
    return (bitmap, red.flatMap { GreyBitmap(width: surface.width, height: surface.height, dpi: dpi, pixels: $0) })
  }

  /// The page drawn in colour at `dpi`, to be encoded as PNG (``ImageSurface/pngBytes()``,
  /// which needs no poppler lock).
  func colourSurface(dpi requested: Double) throws -> ImageSurface {
    try draw(dpi: requested).0
  }

  /// The page drawn on a white surface at `dpi` (lowered for huge pages), and the dpi used.
  func draw(dpi requested: Double) throws -> (ImageSurface, Double) {
    let (width, height) = page.size
    guard width > 0, height > 0, width.isFinite, height.isFinite else {
      throw PDFError.renderFailed(page: page.number, detail: "the page has no size")
    }
    var dpi = requested > 0 && requested.isFinite ? requested : 72
    let area = width * height * (dpi / 72) * (dpi / 72)
    if area > Double(Self.maximumPixels) { dpi *= (Double(Self.maximumPixels) / area).squareRoot() }
    let longest = max(width, height) * dpi / 72
    if longest > Double(Self.maximumSide) { dpi *= Double(Self.maximumSide) / longest }
    let pixelWidth = max(1, Int((width * dpi / 72).rounded(.up)))
    let pixelHeight = max(1, Int((height * dpi / 72).rounded(.up)))

    let (api, glibPage): (GongkaiPopplerAPI, OpaquePointer)
    do {
      (api, glibPage) = try page.glibPage()
    } catch let error as PDFError {
      throw PDFError.renderFailed(page: page.number, detail: error.errorDescription ?? "\(error)")
    }
    let surface = ImageSurface(width: pixelWidth, height: pixelHeight, api: api)
    guard surface.isValid else {
      throw PDFError.renderFailed(
        page: page.number, detail: "cairo could not make a \(pixelWidth)×\(pixelHeight) surface")
    }
    surface.draw { context in
      // Unhinted glyphs load faster and do not matter for finding rules or reading text.
      if let fontOptions = api.cairo_font_options_create() {
        api.cairo_font_options_set_hint_style(fontOptions, Int32(GONGKAI_CAIRO_HINT_STYLE_NONE))
        api.cairo_font_options_set_hint_metrics(fontOptions, Int32(GONGKAI_CAIRO_HINT_METRICS_OFF))
        api.cairo_set_font_options(context, fontOptions)
        api.cairo_font_options_destroy(fontOptions)
      }
      api.cairo_set_source_rgb(context, 1, 1, 1)
      api.cairo_paint(context)
      api.cairo_scale(context, dpi / 72, dpi / 72)
      api.poppler_page_render(glibPage, context)
    }
    return (surface, dpi)
  }
}
