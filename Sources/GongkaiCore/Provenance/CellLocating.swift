/// Turns a place in the text a front end handed the pipeline into a place in its input:
/// the side data a front end keeps beside its text (page boxes, table grid positions).
public protocol CellLocating: Sendable {
  /// Where the cell read at `position` with text `raw` came from; nil when unknown.
  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin?

  /// Where the cell came from, and its text as the input spells it when that differs from
  /// `raw` (the repairs narrow full-width digits; provenance's `raw` is the input's).
  func located(_ position: AssembledTable.CellOrigin, raw: String) -> (origin: CellProvenance.Origin, raw: String?)?

  /// Whether the locator tells equal values on a line apart by `position.occurrence`
  /// (counting them costs time, so it is done only for locators that use it).
  var needsOccurrence: Bool { get }

  /// Whether every cell's origin is its line of the text (the text is the input): the
  /// parser's entries already say so, and nothing is looked up per cell.
  var originIsTextLine: Bool { get }
}

extension CellLocating {
  /// By default, occurrences are not needed.
  public var needsOccurrence: Bool { false }

  /// By default, each cell is looked up.
  public var originIsTextLine: Bool { false }

  /// By default, the origin alone: the text the parser read is the input's.
  public func located(_ position: AssembledTable.CellOrigin, raw: String) -> (
    origin: CellProvenance.Origin, raw: String?
  )? {
    origin(of: position, raw: raw).map { ($0, nil) }
  }
}

/// The locator of a text input: the text is the input, so a cell's line is its origin.
public struct LineLocator: CellLocating {
  /// Creates the locator.
  public init() {}

  /// The text is the input.
  public var originIsTextLine: Bool { true }

  /// The line the cell starts on.
  public func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    .line(position.line)
  }
}
