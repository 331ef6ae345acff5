/// One line of text: characters that share a baseline, read left to right.
public struct TextLine: Sendable, Hashable {
  /// The characters, with runs of spaces collapsed to one and the ends trimmed.
  public var text: String
  /// The union of the characters' boxes.
  public var box: PageRect
  /// The typical character height, a stand-in for the font size.
  public var fontSize: Double
  /// The pieces of the line separated by wide gaps (about two characters or more).
  public var segments: [LineSegment]

  /// Creates a line.
  public init(text: String, box: PageRect, fontSize: Double, segments: [LineSegment] = []) {
    self.text = text
    self.box = box
    self.fontSize = fontSize
    self.segments = segments
  }
}

/// A piece of a line between wide gaps, such as one cell of a table drawn without lines.
public struct LineSegment: Sendable, Hashable {
  /// The piece's text.
  public var text: String
  /// Where it sits.
  public var box: PageRect
  /// The piece split where a number stands a word space apart from Chinese text (`数量 6`),
  /// which in a table row are two cells; empty when there is no such split.
  public var parts: [LineSegment] = []

  /// The pieces a table row takes as cells: the parts, or the segment itself.
  public var cells: [LineSegment] { parts.isEmpty ? [self] : parts }

  /// Creates a segment.
  public init(text: String, box: PageRect) {
    self.text = text
    self.box = box
  }
}

extension PageRect {
  /// The smallest rectangle holding both.
  public func union(_ other: PageRect) -> PageRect {
    PageRect(
      minX: min(minX, other.minX), minY: min(minY, other.minY),
      maxX: max(maxX, other.maxX), maxY: max(maxY, other.maxY))
  }

  /// The length of the overlap of the two vertical extents (0 when apart).
  func verticalOverlap(_ other: PageRect) -> Double {
    max(0, min(maxY, other.maxY) - max(minY, other.minY))
  }

  /// The length of the overlap of the two horizontal extents (0 when apart).
  func horizontalOverlap(_ other: PageRect) -> Double {
    max(0, min(maxX, other.maxX) - max(minX, other.minX))
  }

  /// Whether the point lies inside (edges included).
  public func contains(x: Double, y: Double) -> Bool {
    x >= minX && x <= maxX && y >= minY && y <= maxY
  }
}
