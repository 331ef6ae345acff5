/// A kind of line that belongs to the page a report was printed from, not to the report:
/// a portal's banner, navigation, breadcrumb, publication line, catalogue box or footer, or
/// a browser's header and footer (`lines` of Models/web-furniture.json).
public struct FurnitureRule: Sendable {
  /// Short name, used in the repair that records the dropped line.
  public var id: String
  /// ICU regular expression searched in the line.
  public var pattern: String
  /// How many different matches the line must hold inside the report (1 when absent);
  /// before its title and after its signing date one is enough.
  public var minimum: Int?
  /// Longer lines are never furniture (80 characters when absent).
  public var maxLength: Int?
  /// Words a line must contain (any one) before the pattern is tried.
  public var requires: [String]?
  /// Text that makes a line the report's own (sentence punctuation): the rule does not apply.
  public var excludes: [String]?
  /// Whether the rule applies to lines with tabs (a catalogue box drawn as a table).
  public var tabs: Bool?
  /// False for what only sits around a report (banner, navigation, site footer): the rule
  /// is not applied between the report's title and its end.
  public var inside: Bool?
}

extension FurnitureRule {
  /// The rule in the JSON object `model` (an element of `lines` of Models/web-furniture.json).
  init(model: ModelObject) throws(ModelError) {
    id = try model.string("id")
    pattern = try model.string("pattern")
    minimum = try model.optionalInt("minimum")
    maxLength = try model.optionalInt("maxLength")
    requires = try model.optionalStrings("requires")
    excludes = try model.optionalStrings("excludes")
    tabs = try model.optionalBool("tabs")
    inside = try model.optionalBool("inside")
  }
}
