/// An 8-bit grey image of a rendered or scanned page: 0 is black, 255 is white.
public struct GreyBitmap: Sendable, Equatable {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// Resolution in pixels per inch; one PDF point is `dpi / 72` pixels.
  public let dpi: Double
  /// Row-major pixel values, `width * height` of them, top row first.
  public private(set) var pixels: [UInt8]

  /// Creates a bitmap; `nil` when the pixel count is not `width * height` or a size is not positive.
  public init?(width: Int, height: Int, dpi: Double, pixels: [UInt8]) {
    guard width > 0, height > 0, dpi > 0, pixels.count == width * height else { return nil }
    self.width = width
    self.height = height
    self.dpi = dpi
    self.pixels = pixels
  }

  /// Creates an all-white bitmap of the given size (at least one pixel each way).
  public init(blankWidth width: Int, height: Int, dpi: Double) {
    self.width = max(1, width)
    self.height = max(1, height)
    self.dpi = dpi > 0 ? dpi : 72
    self.pixels = [UInt8](repeating: 255, count: self.width * self.height)
  }

  /// Pixels per PDF point.
  public var pixelsPerPoint: Double { dpi / 72 }

  /// The value at column `x`, row `y`; white outside the image.
  public subscript(x: Int, y: Int) -> UInt8 {
    get {
      guard x >= 0, y >= 0, x < width, y < height else { return 255 }
      return pixels[y * width + x]
    }
    set {
      guard x >= 0, y >= 0, x < width, y < height else { return }
      pixels[y * width + x] = newValue
    }
  }

  /// Paints a filled rectangle given in pixels (clipped to the image).
  public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, value: UInt8) {
    let x0 = max(0, x)
    let y0 = max(0, y)
    let x1 = min(width, x + w)
    let y1 = min(height, y + h)
    guard x0 < x1, y0 < y1 else { return }
    for row in y0..<y1 {
      let base = row * width
      for col in x0..<x1 { pixels[base + col] = value }
    }
  }
}
