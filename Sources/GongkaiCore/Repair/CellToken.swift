/// One piece of a table as it comes out of the text: label text, a value, or an empty cell.
struct CellToken: Sendable, Equatable {
  /// What the piece holds.
  enum Content: Sendable, Equatable {
    /// Label or header text.
    case text(String)
    /// A number or placeholder.
    case value(CellText)
    /// An empty cell (only tab-separated exports show these).
    case blank
  }

  /// What the piece holds.
  var content: Content
  /// Raw line it started on.
  var line: Int
  /// Its tab-separated field in that line, when the line had tabs.
  var field: Int? = nil
  /// Where its text stands when that is not `line` and `field`: a value on a later line
  /// joined into a cell opened by a tab (for provenance only; repairs keep `line`).
  var origin: AssembledTable.CellOrigin? = nil

  /// Where the piece's text stands.
  var position: AssembledTable.CellOrigin { origin ?? AssembledTable.CellOrigin(line: line, field: field) }
}
