/// A table's counts as a plain grid with row and column positions, so arithmetic checks
/// read integers instead of walking rows of strings.
struct CountGrid {
  /// Row and column keys with their positions; the validator builds one per form and
  /// table, and a grid reuses it when the table has that layout.
  struct Layout: Sendable {
    /// Row keys in order.
    let rowKeys: [String]
    /// Column keys in order.
    let columnKeys: [String]
    /// Position of each row key.
    let rowIndex: [String: Int]
    /// Position of each column key.
    let columnIndex: [String: Int]

    /// A layout of these keys.
    init(rowKeys: [String], columnKeys: [String]) {
      self.rowKeys = rowKeys
      self.columnKeys = columnKeys
      var rows: [String: Int] = [:]
      for (index, key) in rowKeys.enumerated() { rows[key] = index }
      var columns: [String: Int] = [:]
      for (index, key) in columnKeys.enumerated() { columns[key] = index }
      rowIndex = rows
      columnIndex = columns
    }
  }

  /// The grid's rows and columns.
  let layout: Layout
  /// Whether `layout` is the one the grid was offered (the form's).
  let hasExpectedLayout: Bool
  /// Counts by row then column; nil for a null cell or an amount.
  private let counts: [[Int?]]

  /// Reads `table`; `expected` is used when the table's rows and columns are its keys.
  init(_ table: DataTable, expected: Layout? = nil) {
    let columnSource = table.rows.first { !$0.isAbsentByDesign }?.cells ?? []
    if let expected, table.rows.count == expected.rowKeys.count,
      zip(table.rows, expected.rowKeys).allSatisfy({ $0.key == $1 }),
      columnSource.count == expected.columnKeys.count,
      zip(columnSource, expected.columnKeys).allSatisfy({ $0.key == $1 })
    {
      layout = expected
      hasExpectedLayout = true
    } else {
      layout = Layout(rowKeys: table.rows.map(\.key), columnKeys: columnSource.map(\.key))
      hasExpectedLayout = false
    }
    counts = table.rows.map { row in row.cells.map { $0.value?.count } }
  }

  /// The cell at a position: nil when the row has no such cell, `.some(nil)` when null.
  func value(_ row: Int, _ column: Int) -> Int?? {
    let cells = counts[row]
    return column < cells.count ? .some(cells[column]) : nil
  }
}
