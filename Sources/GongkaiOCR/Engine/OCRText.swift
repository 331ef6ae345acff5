/// A rectangle in pixels of a bitmap, origin at the top-left corner.
public struct PixelRect: Sendable, Hashable {
  /// Left edge.
  public var x: Int
  /// Top edge.
  public var y: Int
  /// Width (positive for a non-empty rectangle).
  public var width: Int
  /// Height (positive for a non-empty rectangle).
  public var height: Int

  /// Creates a rectangle.
  public init(x: Int, y: Int, width: Int, height: Int) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// One past the right edge.
  public var maxX: Int { x + width }
  /// One past the bottom edge.
  public var maxY: Int { y + height }
  /// Whether it covers no pixel.
  public var isEmpty: Bool { width <= 0 || height <= 0 }

  /// The part inside `other` (empty when they do not overlap).
  public func intersection(_ other: PixelRect) -> PixelRect {
    let left = max(x, other.x)
    let top = max(y, other.y)
    let right = min(maxX, other.maxX)
    let bottom = min(maxY, other.maxY)
    return PixelRect(x: left, y: top, width: max(0, right - left), height: max(0, bottom - top))
  }

  /// The smallest rectangle holding both.
  public func union(_ other: PixelRect) -> PixelRect {
    let left = min(x, other.x)
    let top = min(y, other.y)
    return PixelRect(x: left, y: top, width: max(maxX, other.maxX) - left, height: max(maxY, other.maxY) - top)
  }

  /// Whether `other` lies wholly inside.
  public func contains(_ other: PixelRect) -> Bool {
    other.x >= x && other.y >= y && other.maxX <= maxX && other.maxY <= maxY
  }

  /// The rectangle grown by `amount` pixels on every side (shrunk for a negative amount).
  public func insetBy(_ amount: Int) -> PixelRect {
    PixelRect(x: x + amount, y: y + amount, width: width - 2 * amount, height: height - 2 * amount)
  }
}

/// A piece of recognised text (a word or one character) with its box and confidence.
public struct OCRItem: Sendable, Hashable {
  /// The text as tesseract read it.
  public var text: String
  /// Where it is, in pixels of the image given to the engine.
  public var box: PixelRect
  /// tesseract's confidence, 0 to 100.
  public var confidence: Double

  /// Creates an item.
  public init(text: String, box: PixelRect, confidence: Double) {
    self.text = text
    self.box = box
    self.confidence = confidence
  }
}

/// What one recognition call read.
public struct OCRText: Sendable, Hashable {
  /// The whole text, lines separated by line breaks, ends trimmed.
  public var text: String
  /// The words, in reading order.
  public var words: [OCRItem]
  /// The single characters, in reading order.
  public var symbols: [OCRItem]

  /// Creates a result.
  public init(text: String, words: [OCRItem], symbols: [OCRItem]) {
    self.text = text
    self.words = words
    self.symbols = symbols
  }

  /// The lowest word confidence (0 when nothing was read).
  public var confidence: Double { words.map(\.confidence).min() ?? 0 }
}
