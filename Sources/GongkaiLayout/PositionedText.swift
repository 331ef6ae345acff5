/// A rectangle on a page in points, with the origin at the page's top-left corner.
public struct PageRect: Sendable, Hashable {
  public var minX: Double
  public var minY: Double
  public var maxX: Double
  public var maxY: Double

  /// Creates a rectangle from its edges.
  public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
    self.minX = minX
    self.minY = minY
    self.maxX = maxX
    self.maxY = maxY
  }

  /// The horizontal extent.
  public var width: Double { maxX - minX }
  /// The vertical extent.
  public var height: Double { maxY - minY }
  /// The horizontal centre.
  public var midX: Double { (minX + maxX) / 2 }
  /// The vertical centre.
  public var midY: Double { (minY + maxY) / 2 }
}

/// One character with its box, as a PDF text layer or OCR delivers it.
public struct PositionedCharacter: Sendable, Hashable {
  /// The character itself (a space or line break may appear; layout ignores them).
  public var character: Character
  /// Where it sits on the page.
  public var box: PageRect

  /// Creates a positioned character.
  public init(character: Character, box: PageRect) {
    self.character = character
    self.box = box
  }
}

/// A straight ruling line of a drawn table grid, read from the page's drawing or found on a
/// rendering of it.
public struct RulingLine: Sendable, Hashable {
  /// Which way a ruling line runs.
  public enum Axis: Sendable, Hashable {
    /// Runs left to right; `position` is its y.
    case horizontal
    /// Runs top to bottom; `position` is its x.
    case vertical
  }

  /// What on the page makes the line.
  public enum Source: Sendable, Hashable {
    /// A drawn line: a stroke, a thin filled rectangle, or ink on a rendering.
    case line
    /// The edge of a filled (shaded) area where no line is drawn: a boundary the eye sees
    /// between a shaded cell, row or column and what is around it.
    case fillEdge
  }

  /// Which way the line runs.
  public var axis: Axis
  /// Its y (horizontal) or x (vertical), in points.
  public var position: Double
  /// Where it starts along its axis, in points.
  public var start: Double
  /// Where it ends along its axis, in points.
  public var end: Double
  /// A drawn line or the edge of a filled area.
  public var source: Source

  /// Creates a ruling line.
  public init(axis: Axis, position: Double, start: Double, end: Double, source: Source = .line) {
    self.axis = axis
    self.position = position
    self.start = start
    self.end = end
    self.source = source
  }
}

/// Everything the layout step needs to know about one page.
public struct PositionedPage: Sendable {
  /// 1-based page number.
  public var number: Int
  /// Page width in points.
  public var width: Double
  /// Page height in points.
  public var height: Double
  /// The characters of the page's text, in the order the source gave them.
  public var characters: [PositionedCharacter]
  /// Ruling lines found on the page (empty when none were looked for or found).
  public var rulings: [RulingLine]
  /// Areas painted in a colour that stands out from the paper (shaded cells, rows, columns),
  /// in painting order; empty when the page's drawing was not read.
  public var fills: [FilledArea]

  /// Creates a page.
  public init(
    number: Int, width: Double, height: Double, characters: [PositionedCharacter],
    rulings: [RulingLine] = [], fills: [FilledArea] = []
  ) {
    self.number = number
    self.width = width
    self.height = height
    self.characters = characters
    self.rulings = rulings
    self.fills = fills
  }
}
