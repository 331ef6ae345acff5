/// A kind of line that belongs to the page a report was printed from, not to the report:
/// a portal's banner, navigation, breadcrumb, publication line or footer, or a browser's
/// header and footer (Models/page-furniture.json).
public struct FurnitureRule: Sendable, Decodable {
  /// Short name, used in the repair that records the dropped line.
  public var id: String
  /// ICU regular expression searched in the line.
  public var pattern: String
  /// How many different matches the line must hold (1 when absent).
  public var minimum: Int?
  /// Longer lines are never furniture (80 characters when absent).
  public var maxLength: Int?
  /// Words a line must contain (any one) before the pattern is tried.
  public var requires: [String]?
}

/// The file Models/page-furniture.json.
struct FurnitureFile: Decodable {
  var lines: [FurnitureRule]
}
