import GongkaiLayout

/// The bitmap route for rules that exist only as pixels: a page with a text layer that draws
/// no rule but holds a large image is a scan under an (often invisible) OCR text layer, and
/// its table rules are looked for on a rendering of the page.
public struct ScanRulings: Sendable, Equatable {
  /// An image with at least this many pixels (e.g. 700 × 700) makes a page a scan.
  public var minimumImagePixels = 500_000
  /// The resolution the page is rendered at.
  public var dpi = 72.0
  /// Tuning of the rule finder on the rendering.
  public var finder = RulingLineFinder.Options()

  /// The defaults.
  public init() {}

  /// Whether `drawing`, which gave `rulings`, needs the bitmap route.
  func applies(to drawing: PageDrawing, rulings: [RulingLine]) -> Bool {
    rulings.isEmpty && drawing.largestImagePixels >= minimumImagePixels
      && drawing.characters.contains { !$0.character.isBlank }
  }
}
