/// A colour as red, green and blue in 0…1.
public struct RGBColour: Sendable, Hashable {
  /// Red, 0…1.
  public var red: Double
  /// Green, 0…1.
  public var green: Double
  /// Blue, 0…1.
  public var blue: Double

  /// Creates a colour.
  public init(red: Double, green: Double, blue: Double) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// White, the colour of paper.
  public static let white = RGBColour(red: 1, green: 1, blue: 1)

  /// How light the colour looks, 0 (black) … 1 (white): ITU-R BT.601 luma.
  public var luminance: Double { 0.299 * red + 0.587 * green + 0.114 * blue }
}

/// An area of a page filled with a colour: a shaded cell, row or column of a table.
public struct FilledArea: Sendable, Hashable {
  /// Where it is, in points (clipped to what is visible).
  public var box: PageRect
  /// The colour it is painted in (opacity already blended onto white paper).
  public var colour: RGBColour

  /// Creates a filled area.
  public init(box: PageRect, colour: RGBColour) {
    self.box = box
    self.colour = colour
  }
}
