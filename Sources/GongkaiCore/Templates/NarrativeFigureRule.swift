/// A figure the narrative may state, and the table cells it must agree with
/// (Models/narrative-figures.json).
public struct NarrativeFigureRule: Sendable, Decodable {
  /// Short name.
  public var id: String
  /// What the figure counts, for messages.
  public var what: String
  /// Regular expression run on each sentence; group 1 is the figure unless `value` is set.
  public var pattern: String
  /// The figure for patterns that state none (e.g. 0 for "未收到…申请").
  public var value: Int?
  /// Alternatives: lists of cell paths whose sum the figure may equal.
  public var compare: [[String]]
  /// Words a sentence must contain (any one) before the pattern is tried.
  public var requires: [String]?
}

/// The file Models/narrative-figures.json.
struct NarrativeFigureFile: Decodable {
  var figures: [NarrativeFigureRule]
}
