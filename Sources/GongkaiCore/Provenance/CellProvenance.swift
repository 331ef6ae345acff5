/// Where one non-null cell of a report was read: its raw text and its place in the input.
public struct CellProvenance: Sendable, Hashable {
  /// A place in the input, in the terms of the input's kind.
  public enum Origin: Sendable, Hashable {
    /// A PDF page (text layer or OCR): 1-based page, box in points from the page's
    /// top-left corner, `[x0, y0, x1, y1]`.
    case page(Int, box: [Double])
    /// A table of an HTML or Word document: 1-based table, row and column of its grid
    /// after merged cells are expanded.
    case table(Int, row: Int, column: Int)
    /// A 1-based line of a text or Markdown input as decoded.
    case line(Int)
  }

  /// The cell's path, e.g. `requests.new.total`.
  public var path: String
  /// The text as read, before normalisation.
  public var raw: String
  /// Where it was read.
  public var origin: Origin
  /// Where it stood in the text the front end handed the pipeline (not written to JSON;
  /// the review page uses it to mark the cell in that text).
  public var textPosition: AssembledTable.CellOrigin?

  /// Creates a provenance entry.
  public init(path: String, raw: String, origin: Origin, textPosition: AssembledTable.CellOrigin? = nil) {
    self.path = path
    self.raw = raw
    self.origin = origin
    self.textPosition = textPosition
  }
}
