/// A table found on a page, as rows of cell texts in reading order.
public struct Table: Sendable, Hashable {
  /// The rows, top to bottom; each holds its cells left to right.
  public var rows: [TableRow]
  /// Where the table sits on its page.
  public var box: PageRect
  /// The x positions of its column edges, left to right (empty when not known).
  public var columnEdges: [Double]
  /// Whether the table came from drawn ruling lines (otherwise from aligned text).
  public var isRuled: Bool

  /// Creates a table.
  public init(rows: [TableRow], box: PageRect, columnEdges: [Double], isRuled: Bool) {
    self.rows = rows
    self.box = box
    self.columnEdges = columnEdges
    self.isRuled = isRuled
  }
}

/// One row of a table.
public struct TableRow: Sendable, Hashable {
  /// The cell texts, left to right. A cell merged over several rows has its text in the
  /// first row it spans and an empty field in the others; an empty cell is an empty field.
  public var cells: [String]
  /// Where the row sits.
  public var box: PageRect
  /// The area of each cell, left to right (empty when not known).
  public var cellBoxes: [PageRect]

  /// Creates a row.
  public init(cells: [String], box: PageRect, cellBoxes: [PageRect] = []) {
    self.cells = cells
    self.box = box
    self.cellBoxes = cellBoxes
  }

  /// The row as one line of tab-separated cells.
  public var line: String { cells.joined(separator: "\t") }

  /// Whether every cell is empty.
  public var isEmpty: Bool { cells.allSatisfy(\.isEmpty) }
}
