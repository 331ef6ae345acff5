/// A figure the narrative may state, and the table cells it must agree with
/// (Models/narrative-figures.json).
public struct NarrativeFigureRule: Sendable {
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
  /// Whether the figure is read in every sentence beside the rule that decides it (a
  /// sentence listing 行政许可决定N件、行政处罚决定N件 states each), never stopping other rules.
  public var alongside: Bool
}

extension NarrativeFigureRule {
  /// The rule in the JSON object `model` of Models/narrative-figures.json.
  init(model: ModelObject) throws(ModelError) {
    id = try model.string("id")
    what = try model.string("what")
    pattern = try model.string("pattern")
    value = try model.optionalInt("value")
    compare = try model.stringLists("compare")
    requires = try model.optionalStrings("requires")
    alongside = try model.optionalBool("alongside") ?? false
  }
}
