/// A value the text source is unsure of (an OCR read with low confidence), located by
/// where it stands in the extracted text.
public struct UncertainCell: Sendable, Hashable {
  /// 1-based line of the extracted text.
  public var line: Int
  /// 0-based tab-separated field of that line.
  public var field: Int
  /// The value as read.
  public var value: String
  /// The reader's confidence, 0–100.
  public var confidence: Double
  /// Other readings of the same glyphs (another model, segmentation, scale or threshold):
  /// when the table does not add up, the validator may prefer one of them.
  public var alternatives: [String]

  /// Creates an uncertain cell.
  public init(line: Int, field: Int, value: String, confidence: Double, alternatives: [String] = []) {
    self.line = line
    self.field = field
    self.value = value
    self.confidence = confidence
    self.alternatives = alternatives
  }
}
