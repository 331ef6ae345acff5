/// One of the report's tables as ordered rows of ordered cells, keyed as the contract
/// names them; a cell the report does not give holds nil.
public struct DataTable: Sendable, Equatable {
  /// One cell: its column key and value.
  public struct Cell: Sendable, Equatable {
    /// The column key, e.g. `natural_person`.
    public var key: String
    /// The value, nil when the report does not give it or it could not be read.
    public var value: CellValue?

    /// Creates a cell.
    public init(key: String, value: CellValue?) {
      self.key = key
      self.value = value
    }
  }

  /// One row: its key and cells.
  public struct Row: Sendable, Equatable {
    /// The row key, e.g. `granted`.
    public var key: String
    /// The cells in template order.
    public var cells: [Cell]
    /// The row is null as a whole: the report follows the form's other way of giving it
    /// (the single （六） row versus its three sub-rows), so its cells are not missing.
    public var isAbsentByDesign: Bool

    /// Creates a row.
    public init(key: String, cells: [Cell], isAbsentByDesign: Bool = false) {
      self.key = key
      self.cells = cells
      self.isAbsentByDesign = isAbsentByDesign
    }
  }

  /// The rows in template order.
  public var rows: [Row]

  /// Creates a table.
  public init(rows: [Row]) {
    self.rows = rows
  }

  /// The cell at `row` and `column`: nil when the table has no such cell, `.some(nil)`
  /// when the cell exists and is empty.
  public func cell(_ row: String, _ column: String) -> CellValue?? {
    guard let found = rows.first(where: { $0.key == row }),
      let cell = found.cells.first(where: { $0.key == column })
    else { return nil }
    return .some(cell.value)
  }

  /// Whether every cell of `row` is nil (or the row does not exist).
  public func isEmpty(row: String) -> Bool {
    guard let found = rows.first(where: { $0.key == row }) else { return true }
    return found.cells.allSatisfy { $0.value == nil }
  }

  /// Sets the value at `row`, `column`, if that cell exists.
  public mutating func set(_ row: String, _ column: String, _ value: CellValue?) {
    guard let rowIndex = rows.firstIndex(where: { $0.key == row }),
      let cellIndex = rows[rowIndex].cells.firstIndex(where: { $0.key == column })
    else { return }
    rows[rowIndex].cells[cellIndex].value = value
  }
}
