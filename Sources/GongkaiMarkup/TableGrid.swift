/// A table as its rows of cells, merged cells given once with their spans, and the way
/// the text pipeline wants it: each row one line of tab-separated cells, a cell merged
/// across rows (a group label such as 三、本年度办理结果) repeated on every row it spans,
/// a cell merged across columns given once.
public struct TableGrid: Sendable, Equatable {
  /// One cell as the document gives it.
  public struct Cell: Sendable, Equatable {
    /// The cell's text, whitespace normalised.
    public var text: String
    /// Columns it covers (at least 1).
    public var columnSpan: Int
    /// Rows it covers (at least 1).
    public var rowSpan: Int
    /// The 1-based input line its text starts on, when the front end reads its input line
    /// by line (Markdown); 0 otherwise.
    public var line: Int

    /// Creates a cell; spans are clamped to 1…1000.
    public init(text: String, columnSpan: Int = 1, rowSpan: Int = 1, line: Int = 0) {
      self.text = text
      self.columnSpan = min(max(columnSpan, 1), 1000)
      self.rowSpan = min(max(rowSpan, 1), 1000)
      self.line = line
    }
  }

  /// The rows, each with its cells that start in it.
  public var rows: [[Cell]]

  /// Creates a grid from its rows.
  public init(rows: [[Cell]]) {
    self.rows = rows
  }

  /// One row of the expanded grid: the text of each field and the grid column it came from.
  public struct Line: Sendable, Equatable {
    /// Field texts, in order.
    public var fields: [String]
    /// The 0-based grid column of each field.
    public var columns: [Int]
    /// The input line of each field's cell (see `Cell.line`).
    public var inputLines: [Int]
  }

  /// The rows expanded: a cell continuing from a row above is repeated when it is a
  /// label and left empty when it is a value (a number spanning rows belongs to one of
  /// them, which the grid cannot say); a cell continuing from the left is left out.
  public func lines() -> [Line] {
    var lines: [Line] = []
    lines.reserveCapacity(rows.count)
    // Cells carried down from rows above: column → (cell, rows still to cover).
    var carried: [Int: (cell: Cell, remaining: Int)] = [:]
    for row in rows {
      var line = Line(fields: [], columns: [], inputLines: [])
      line.fields.reserveCapacity(row.count + carried.count)
      var column = 0
      var next = row.startIndex
      while next < row.endIndex || carried.keys.contains(where: { $0 >= column }) {
        if let (cell, remaining) = carried[column] {
          line.fields.append(Self.isValueLike(cell.text) ? "" : cell.text)
          line.columns.append(column)
          line.inputLines.append(cell.line)
          carried[column] = remaining > 1 ? (cell, remaining - 1) : nil
          column += cell.columnSpan
          continue
        }
        guard next < row.endIndex else {
          column += 1
          continue
        }
        let cell = row[next]
        next += 1
        line.fields.append(cell.text)
        line.columns.append(column)
        line.inputLines.append(cell.line)
        if cell.rowSpan > 1 { carried[column] = (cell, cell.rowSpan - 1) }
        column += cell.columnSpan
      }
      lines.append(line)
    }
    return lines
  }

  /// Whether a cell's text reads as a value (a number, possibly signed or with a unit),
  /// rather than a label.
  /// Full-width digits (０–９) and signs (－ ＋ −) count as their ASCII forms.
  static func isValueLike(_ text: String) -> Bool {
    guard let first = text.unicodeScalars.first else { return true }
    return ("0"..."9").contains(first) || ("\u{FF10}"..."\u{FF19}").contains(first)
      || ("-+\u{FF0D}\u{FF0B}\u{2212}".unicodeScalars.contains(first) && text.unicodeScalars.count > 1)
  }
}
