/// A money amount normalised to yuan, with the text it was read from.
public struct Amount: Sendable, Hashable {
  /// The amount in yuan, exact.
  public var yuan: ExactDecimal
  /// The cell's text as printed, e.g. `63.79 万元`.
  public var raw: String

  /// Creates an amount.
  public init(yuan: ExactDecimal, raw: String) {
    self.yuan = yuan
    self.raw = raw
  }
}

/// The value of one table cell: a count or an amount of money.
public enum CellValue: Sendable, Hashable {
  /// An integer count (may be negative only where the column allows it).
  case count(Int)
  /// An amount of money.
  case amount(Amount)

  /// The count, or nil for an amount.
  public var count: Int? {
    if case .count(let value) = self { return value }
    return nil
  }
}
