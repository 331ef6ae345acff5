/// A table rebuilt from the cell stream: for each row the template names, the cell texts
/// found for it, in column order (nil where the report gives nothing).
public struct AssembledTable: Sendable, Equatable {
  /// One rebuilt row.
  public struct Row: Sendable, Equatable {
    /// The row key.
    public var key: String
    /// Cell texts in column order; nil where no cell was found.
    public var cells: [CellText?]
    /// Raw line of the row's first value.
    public var line: Int
    /// Where each cell came from: its line and tab-separated field (nil when unknown).
    public var origins: [CellOrigin?] = []
  }

  /// The place in the extracted text a cell was read from.
  public struct CellOrigin: Sendable, Hashable {
    /// 1-based line of the extracted text.
    public var line: Int
    /// 0-based tab-separated field of that line, nil for space-aligned text.
    public var field: Int?
    /// For space-aligned text: how many values with the same text stand before it on the
    /// line (set only when provenance is traced).
    public var occurrence: Int? = nil

    /// Creates a position: 1-based line, 0-based field (nil for space-aligned text).
    public init(line: Int, field: Int?, occurrence: Int? = nil) {
      self.line = line
      self.field = field
      self.occurrence = occurrence
    }
  }

  /// Rows found, in template order.
  public var rows: [Row]
  /// Keys of rows reached through a label that departs from the official form.
  public var deviantRows: [String]
  /// Other ways the table departs from the form (extra subtotal rows or columns).
  public var deviations: [String] = []

  /// The row with `key`, if found.
  public func row(_ key: String) -> Row? { rows.first { $0.key == key } }
}
