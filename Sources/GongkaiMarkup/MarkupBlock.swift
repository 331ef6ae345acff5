/// A piece of a document in reading order, as the markup front ends find it.
public enum MarkupBlock: Sendable, Equatable {
  /// A paragraph or heading: one line of text, and the 1-based line of the input it
  /// starts on when the front end knows it (Markdown), else 0.
  case paragraph(String, line: Int = 0)
  /// A table.
  case table(TableGrid)
}

/// Where a line of the text handed to the pipeline came from, for table rows: which
/// table and which row of its expanded grid, and the grid column of each tab-separated
/// field.
public struct GridLineOrigin: Sendable, Equatable {
  /// 1-based line of the text.
  public var line: Int
  /// 1-based table in document order.
  public var table: Int
  /// 1-based row of that table's grid.
  public var row: Int
  /// 1-based grid column of each field of the line.
  public var columns: [Int]
}

/// Where a line of the text handed to the pipeline came from in an input read line by
/// line (Markdown): the 1-based input line each tab-separated field starts on (a
/// paragraph has one field).
public struct InputLineOrigin: Sendable, Equatable {
  /// 1-based line of the text.
  public var line: Int
  /// 1-based input line of each field of the line.
  public var inputLines: [Int]
}

/// The text a markup front end hands the pipeline: paragraphs as lines, each table row
/// one line of tab-separated cells, a blank line around every table.
public struct MarkupText: Sendable {
  /// The text.
  public var text: String
  /// Where each table line came from.
  public var origins: [GridLineOrigin]
  /// For inputs read line by line (Markdown): the input lines each line of the text came
  /// from; empty when the blocks do not say.
  public var inputLines: [InputLineOrigin]
  /// A title the document states outside its body (a web page's <title>), if any.
  public var titleHint: String?
  /// Things the reader noticed that the user should know, one line each (without the
  /// file name).
  public var warnings: [String] = []

  /// Writes `blocks` as text.
  public init(blocks: [MarkupBlock], titleHint: String? = nil) {
    var text = ""
    var origins: [GridLineOrigin] = []
    var inputLines: [InputLineOrigin] = []
    var line = 1
    var table = 0
    for (position, block) in blocks.enumerated() {
      switch block {
      case .paragraph(let paragraph, let source):
        // A bare page number between two parts of a table (a converter keeps the page's
        // footer where the page broke the table) is no cell: a table's cells are in its rows.
        if Self.isPageNumber(paragraph), position > 0, position + 1 < blocks.count,
          case .table = blocks[position - 1], case .table = blocks[position + 1]
        {
          continue
        }
        text += paragraph
        text += "\n"
        if source > 0 { inputLines.append(InputLineOrigin(line: line, inputLines: [source])) }
        line += 1
      case .table(let grid):
        table += 1
        text += "\n"
        line += 1
        for (index, row) in grid.lines().enumerated() {
          guard row.fields.contains(where: { !$0.isEmpty }) else { continue }
          var fields = row.fields
          // A row of one cell (a full-width row such as 第二十条第（一）项) is a line of its own.
          while fields.count > 1, fields.last?.isEmpty == true { fields.removeLast() }
          text += fields.joined(separator: "\t")
          text += "\n"
          origins.append(
            GridLineOrigin(
              line: line, table: table, row: index + 1, columns: row.columns.prefix(fields.count).map { $0 + 1 }))
          if !row.inputLines.isEmpty {
            inputLines.append(InputLineOrigin(line: line, inputLines: Array(row.inputLines.prefix(fields.count))))
          }
          line += 1
        }
        text += "\n"
        line += 1
      }
    }
    self.text = text
    self.origins = origins
    self.inputLines = inputLines
    self.titleHint = titleHint
  }

  /// Whether `paragraph` is only a page number: one to three digits, blanks around. Narrower
  /// than GongkaiLayout's `PageFurniture.isPageNumber` on purpose: a marked page number
  /// (—2—, 第2页) stays a line of its own, so the core removes it and records the repair.
  static func isPageNumber(_ paragraph: String) -> Bool {
    let digits = paragraph.unicodeScalars.filter { $0 != " " && $0 != "\u{3000}" }
    return (1...3).contains(digits.count) && digits.allSatisfy { ("0"..."9").contains($0) }
  }
}
