import GongkaiLayout

/// Reads PNG files back through cairo (to check rendered or captured images).
public enum PNGReader {
  /// The PNG file at `path` as grey levels, or nil when it cannot be read.
  public static func greyBitmap(path: String, dpi: Double = 72) -> GreyBitmap? {
    guard let api = try? PopplerGlib.api(), let surface = ImageSurface(pngPath: path, api: api),
      surface.width > 0, surface.height > 0
    else { return nil }
    return GreyBitmap(width: surface.width, height: surface.height, dpi: dpi, pixels: surface.greyPixels())
  }
}
