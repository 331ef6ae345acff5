import CPoppler

/// Bytes collected from cairo's stream writer.
private final class ByteSink {
  var bytes: [UInt8] = []
}

/// An owned cairo RGB24 image surface, destroyed in `deinit`.
final class ImageSurface {
  let api: GongkaiPopplerAPI
  let pointer: OpaquePointer
  let width: Int
  let height: Int

  init(width: Int, height: Int, api: GongkaiPopplerAPI) {
    self.api = api
    self.width = width
    self.height = height
    // cairo returns an error surface (never NULL) when it cannot allocate.
    pointer = api.cairo_image_surface_create(
      Int32(GONGKAI_CAIRO_FORMAT_RGB24), Int32(width), Int32(height))
  }

  /// The image of the PNG file at `path`; nil when cairo cannot read it.
  init?(pngPath path: String, api: GongkaiPopplerAPI) {
    let surface = api.cairo_image_surface_create_from_png(path)
    guard api.cairo_surface_status(surface) == Int32(GONGKAI_CAIRO_STATUS_SUCCESS) else {
      api.cairo_surface_destroy(surface)
      return nil
    }
    self.api = api
    pointer = surface
    width = Int(api.cairo_image_surface_get_width(surface))
    height = Int(api.cairo_image_surface_get_height(surface))
  }

  deinit { api.cairo_surface_destroy(pointer) }

  var isValid: Bool { api.cairo_surface_status(pointer) == Int32(GONGKAI_CAIRO_STATUS_SUCCESS) }

  /// Runs `body` with a cairo context on the surface; the context is destroyed afterwards.
  func draw(_ body: (OpaquePointer) -> Void) {
    guard let context = api.cairo_create(pointer) else { return }
    defer { api.cairo_destroy(context) }
    body(context)
    api.cairo_surface_flush(pointer)
  }

  /// The surface as a PNG file, written by cairo into memory; nil when encoding fails.
  func pngBytes() -> [UInt8]? {
    let sink = ByteSink()
    let context = Unmanaged.passUnretained(sink).toOpaque()
    let status = api.cairo_surface_write_to_png_stream(
      pointer,
      { closure, data, length in
        guard let closure, let data else { return Int32(GONGKAI_CAIRO_STATUS_WRITE_ERROR) }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return Int32(GONGKAI_CAIRO_STATUS_SUCCESS)
      }, context)
    return withExtendedLifetime(sink) { status == Int32(GONGKAI_CAIRO_STATUS_SUCCESS) ? sink.bytes : nil }
  }

  /// How much redder than green and blue a pixel must be to count as red ink.
  static let redInkMargin: UInt32 = 48

  /// The surface as grey levels (ITU-R 601 luma of the native-endian xRGB words). With `droppingRedInk`, a clearly red pixel (a seal's ink:
  /// red well above green and blue) takes its red channel lightened by its redness instead: the
  /// seal fades to paper while black print under it, dark in every channel, stays.
  func greyPixels(droppingRedInk: Bool = false) -> [UInt8] {
    greyAndRedPixels(droppingRedInk: droppingRedInk, keepingRed: false).grey
  }

  /// ``greyPixels(droppingRedInk:)``, and with `keepingRed` the red ink it dropped: each clearly
  /// red pixel's luma (as a grey copy would have it), paper white elsewhere; `nil` without
  /// `keepingRed` or when no pixel is red.
  func greyAndRedPixels(droppingRedInk: Bool, keepingRed: Bool) -> (grey: [UInt8], red: [UInt8]?) {
    var result = [UInt8](repeating: 255, count: width * height)
    var red = [UInt8](repeating: 255, count: keepingRed && droppingRedInk ? width * height : 0)
    var anyRed = false
    guard let data = api.cairo_image_surface_get_data(pointer) else { return (result, nil) }
    let stride = Int(api.cairo_image_surface_get_stride(pointer))
    let width = self.width
    red.withUnsafeMutableBufferPointer { redOut in
      result.withUnsafeMutableBufferPointer { target in
        guard let targetBase = target.baseAddress else { return }
        for row in 0..<height {
          let line = UnsafeRawPointer(data + row * stride)
          let out = targetBase + row * width
          let words = line.assumingMemoryBound(to: UInt32.self)
          // A plain loop over native-endian xRGB words; the optimizer vectorizes it.
          for column in 0..<width {
            let word = words[column]
            let red = (word >> 16) & 0xFF
            let green = (word >> 8) & 0xFF
            let blue = word & 0xFF
            let luma = red &* 77 &+ green &* 150 &+ blue &* 29
            out[column] = UInt8(truncatingIfNeeded: luma >> 8)
            if droppingRedInk, red >= max(green, blue) &+ Self.redInkMargin {
              // Lighter by as much as it is red: the seal's full red goes to paper white.
              out[column] = UInt8(truncatingIfNeeded: min(255, red &+ (red &- max(green, blue))))
              if !redOut.isEmpty {
                redOut[row * width + column] = UInt8(truncatingIfNeeded: luma >> 8)
                anyRed = true
              }
            }
          }
        }
      }
    }
    return (result, anyRed ? red : nil)
  }
}
