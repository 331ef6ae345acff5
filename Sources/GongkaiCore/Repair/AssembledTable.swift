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
    /// Why the row's null cells are null when the text had digits for them that could
    /// not be split into cells (see `DigitRun`); nil otherwise.
    public var unresolved: String? = nil
    /// Whether text stood after the row's last value on that value's line (a seal's marks
    /// or an unreadable cell read as text): the row's values stop there, in their places.
    public var endsAtText = false
  }

  /// Digits read from running text that hold more cells than they have separators:
  /// `pieces` (the runs between separators, in order) must be cut into the cells at
  /// `cells`, which the table's arithmetic decides.
  public struct DigitRun: Sendable, Equatable {
    /// One cell a run fills: its row key and column index.
    public struct Position: Sendable, Hashable {
      /// The row key.
      public var row: String
      /// The column index in the row.
      public var column: Int
    }

    /// The runs of digits between separators, as printed (a decimal point and unit kept).
    public var pieces: [String]
    /// The unit written after the last piece, if any.
    public var unit: String?
    /// The cells the pieces fill, in order.
    public var cells: [Position]
    /// Raw line of the run.
    public var line: Int
    /// The label cell's text when the first piece is the digits it ends in (a row one value
    /// short, its first value run into its label): that piece is a value only where the
    /// form's checks confirm it, and the row's cells stay null otherwise.
    public var label: String? = nil
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
  /// Runs of digits still to be split into cells (running text only).
  public var runs: [DigitRun] = []
  /// The unit of money the table's own header gives its amounts (`采购总金额（万元）`), if any:
  /// a bare number under it is in that unit, whatever the form's header says.
  public var headerMoneyUnit: String? = nil
  /// The lines of values passed over under text naming no row of the form (a label read as
  /// 人): a row of the form found nowhere between the rows around them may be theirs.
  public var passedOver: [Int] = []
  /// The lines of label text before a row's values holding marks the scan could not read
  /// (U+FFFD): a row of the form found nowhere between the rows around them may be there.
  public var unreadTextLines: [Int] = []
  /// The lines of text only shaped like a row whose cells were read as characters: a label
  /// of two characters or more, then two single characters or more (规章 0 0 0 read as
  /// 好杜 日 日). A row of the form found nowhere between the rows around them may be there.
  public var garbledRowLines: [Int] = []

  /// The row with `key`, if found.
  public func row(_ key: String) -> Row? { rows.first { $0.key == key } }
}

extension AssembledTable.DigitRun {
  /// The run a row read from running text leaves to the arithmetic, or nil when its
  /// values are its cells as they stand: as many numbers as the row has cells, none too
  /// long to be one. `cells` are the values found, in order.
  init?(cells: [CellText?], row: String, width: Int, line: Int) {
    var pieces: [String] = []
    var unit: String?
    var tooLong = false
    for cell in cells {
      guard case .number(_, let cellUnit, let raw)? = cell else { return nil }
      var digits = raw
      if let cellUnit, digits.hasSuffix(cellUnit) { digits = digits.dropLast(cellUnit.count).trimmingSpaces }
      if cellUnit != nil { unit = cellUnit }
      let integerDigits = digits.prefix { $0 != "." }.count
      if integerDigits > DigitSplitter.maximumDigits { tooLong = true }
      pieces.append(digits)
    }
    guard !pieces.isEmpty, pieces.count < width || tooLong else { return nil }
    self.init(
      pieces: pieces, unit: unit, cells: (0..<width).map { Position(row: row, column: $0) }, line: line)
  }
}
