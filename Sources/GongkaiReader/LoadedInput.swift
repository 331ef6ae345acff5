import GongkaiCore
import GongkaiMarkup

/// One input read by a front end: the text the core parses (paragraphs as lines, each
/// table row one line of tab-separated cells), where it came from, and what the reader
/// noticed on the way.
public struct LoadedInput: Sendable {
  /// The text handed to the pipeline.
  public var text: String
  /// File name, digest, kind, pages.
  public var source: SourceInfo
  /// A title the document states outside its text (PDF metadata), if any.
  public var titleHint: String?
  /// Values the reader doubts (low-confidence OCR), located in `text`.
  public var uncertain: [UncertainCell]
  /// For web pages and Word files: the table and grid cell each table line came from.
  public var gridLines: [GridLineOrigin]
  /// For Markdown: the input line each field of a line of `text` came from.
  public var inputLines: [InputLineOrigin]
  /// Things the user should know that did not stop the reading (pages skipped), one line each.
  public var warnings: [String]
  /// Traces cells from `text` back to the input (page boxes, table grid positions, lines);
  /// present only when `ReadOptions.provenance` asked for it.
  public var locator: (any CellLocating)?
  /// Changes made while reading (bytes that did not decode), kept with the report's repairs.
  public var repairs: [Repair]

  /// Creates a loaded input.
  public init(
    text: String, source: SourceInfo, titleHint: String? = nil, uncertain: [UncertainCell] = [],
    warnings: [String] = [], gridLines: [GridLineOrigin] = [], inputLines: [InputLineOrigin] = [],
    repairs: [Repair] = [], locator: (any CellLocating)? = nil
  ) {
    self.gridLines = gridLines
    self.inputLines = inputLines
    self.text = text
    self.source = source
    self.titleHint = titleHint
    self.uncertain = uncertain
    self.warnings = warnings
    self.locator = locator
    self.repairs = repairs
  }
}
