import GongkaiLayout

/// A number cell read with low confidence, located in the text the scan reader produced.
public struct LowConfidenceCell: Sendable, Hashable {
  /// The 1-based line of ``ScanResult/text`` holding the cell (a table row).
  public var line: Int
  /// The 0-based index of the cell among the line's tab-separated fields.
  public var field: Int
  /// The value read (and written into the text).
  public var value: String
  /// How sure the reading is, 0 to 100 (tesseract's scale).
  public var confidence: Double
  /// The 1-based page the cell is on.
  public var page: Int
  /// Other values read from the same glyphs (other model, segmentation, scale, threshold).
  public var alternatives: [String]

  /// Creates an entry.
  public init(line: Int, field: Int, value: String, confidence: Double, page: Int, alternatives: [String] = []) {
    self.line = line
    self.field = field
    self.value = value
    self.confidence = confidence
    self.page = page
    self.alternatives = alternatives
  }
}

/// The text of scanned pages, shaped like the PDF text layer's, with the cells to check.
public struct ScanResult: Sendable, Equatable {
  /// Running text as lines (wrapped lines joined into paragraphs), each table row one line
  /// of tab-separated cells, page numbers removed; ends with a line break unless empty.
  public var text: String
  /// Number cells a person should check, in text order.
  public var lowConfidence: [LowConfidenceCell]
  /// The 1-based numbers of the pages read, ascending.
  public var pagesRead: [Int]
  /// The rotation found and taken out of each page read, in degrees (counter-clockwise
  /// positive), in the order of ``pagesRead``.
  public var skew: [Double]
  /// Where each line of ``text`` sits on the pages, boxes turned back to the unstraightened page.
  public var placement = TextPlacement()

  /// Creates a result.
  public init(
    text: String, lowConfidence: [LowConfidenceCell], pagesRead: [Int], skew: [Double],
    placement: TextPlacement = TextPlacement()
  ) {
    self.text = text
    self.lowConfidence = lowConfidence
    self.pagesRead = pagesRead
    self.skew = skew
    self.placement = placement
  }
}
