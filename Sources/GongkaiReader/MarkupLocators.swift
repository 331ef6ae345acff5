import GongkaiCore
import GongkaiMarkup

/// Locators of the markup front ends, built from what they know of their text.
enum MarkupLocators {
  /// HTML and Word: each tab-separated field of a table line traced to its table, grid
  /// row and grid column.
  static func grid(_ lines: [GridLineOrigin]) -> GridLocator { GridLocator(lines: lines) }

  /// Markdown: each field of a line of the text traced to the input line the front end
  /// read it from (a pipe-table row, the line of an HTML table's cell, a paragraph).
  static func markdown(_ lines: [InputLineOrigin]) -> InputLineLocator { InputLineLocator(lines: lines) }
}

/// The Markdown front end's locator: a cell's line and field traced to the input line the
/// front end read its text from (a field's own line, else the line's first).
struct InputLineLocator: CellLocating {
  /// The lines the front end listed, by line of the text (a line listed twice: the last).
  private let byLine: [Int: InputLineOrigin]

  init(lines: [InputLineOrigin]) {
    byLine = Dictionary(lines.map { ($0.line, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The input line of the cell's field; nil for a line the front end did not list.
  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    guard let inputLines = byLine[position.line]?.inputLines else { return nil }
    if let field = position.field, field >= 0, field < inputLines.count, inputLines[field] > 0 {
      return .line(inputLines[field])
    }
    return inputLines.first { $0 > 0 }.map(CellProvenance.Origin.line)
  }
}

/// The HTML and Word front ends' locator: a cell's line and field traced to the table,
/// grid row and grid column the front end took them from (a table per line, not per cell:
/// fields are looked up only for the cells that are read).
struct GridLocator: CellLocating {
  /// The table lines the front end listed, by line of the text (a line listed twice: the last).
  private let byLine: [Int: GridLineOrigin]

  init(lines: [GridLineOrigin]) {
    byLine = Dictionary(lines.map { ($0.line, $0) }, uniquingKeysWith: { _, last in last })
  }

  /// The table, grid row and grid column of the cell's field; nil outside tables.
  func origin(of position: AssembledTable.CellOrigin, raw: String) -> CellProvenance.Origin? {
    guard let field = position.field, let line = byLine[position.line] else { return nil }
    guard field >= 0, field < line.columns.count else { return nil }
    return .table(line.table, row: line.row, column: line.columns[field])
  }
}
