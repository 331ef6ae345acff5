import GongkaiLayout

/// What one content-stream pass over a page gives: its characters and the paths it paints,
/// in points with the origin at the top-left corner, the page rotation applied.
public struct PageDrawing: Sendable {
  /// Page width in points, as displayed.
  public var width: Double
  /// Page height in points, as displayed.
  public var height: Double
  /// The text layer, character by character, in poppler's reading order, with the spaces
  /// poppler inserts between words (line breaks left out), as ``PDFPage/characters`` gives it.
  public var characters: [PositionedCharacter]
  /// Every stroked or filled path, in painting order.
  public var paths: [DrawnPath]
  /// Whether the page painted more path points than are kept (the rest were dropped).
  public var pathsTruncated: Bool
  /// The pixel count of the largest image the page's resources hold (0: none): a page
  /// scanned under an invisible OCR text layer has its rules only as pixels.
  public var largestImagePixels: Int

  /// Creates a page drawing.
  public init(
    width: Double, height: Double, characters: [PositionedCharacter], paths: [DrawnPath],
    pathsTruncated: Bool = false, largestImagePixels: Int = 0
  ) {
    self.width = width
    self.height = height
    self.characters = characters
    self.paths = paths
    self.pathsTruncated = pathsTruncated
    self.largestImagePixels = largestImagePixels
  }
}

/// A point on a page in points, top-left origin.
public struct PagePoint: Sendable, Hashable {
  /// Distance from the left edge.
  public var x: Double
  /// Distance from the top edge.
  public var y: Double

  /// Creates a point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}

/// One path as the page paints it.
public struct DrawnPath: Sendable, Hashable {
  /// How a path is painted.
  public enum Paint: Sendable, Hashable {
    /// Its outline is stroked with a pen of ``DrawnPath/lineWidth``.
    case stroke
    /// Its inside is filled.
    case fill
  }

  /// One connected piece of a path.
  public struct Subpath: Sendable, Hashable {
    /// Its points in order (for a curve, control points included).
    public var points: [PagePoint]
    /// Whether it was closed (back to its first point).
    public var closed: Bool
    /// Whether it has Bézier curves (then it is no straight line).
    public var curved: Bool

    /// Creates a subpath.
    public init(points: [PagePoint], closed: Bool, curved: Bool = false) {
      self.points = points
      self.closed = closed
      self.curved = curved
    }
  }

  /// Stroked or filled.
  public var paint: Paint
  /// The pen width in points for strokes (0 is the thinnest line the device can draw).
  public var lineWidth: Double
  /// The paint colour.
  public var colour: RGBColour
  /// The paint's opacity, 0…1.
  public var opacity: Double
  /// The bounding box of the clip region it was painted through.
  public var clip: PageRect
  /// Its pieces.
  public var subpaths: [Subpath]

  /// Creates a path.
  public init(
    paint: Paint, lineWidth: Double = 0, colour: RGBColour, opacity: Double = 1, clip: PageRect,
    subpaths: [Subpath]
  ) {
    self.paint = paint
    self.lineWidth = lineWidth
    self.colour = colour
    self.opacity = opacity
    self.clip = clip
    self.subpaths = subpaths
  }

  /// The colour as it looks on white paper (opacity blended in).
  public var visibleColour: RGBColour {
    let alpha = max(0, min(1, opacity))
    return RGBColour(
      red: 1 - alpha * (1 - colour.red), green: 1 - alpha * (1 - colour.green),
      blue: 1 - alpha * (1 - colour.blue))
  }
}
