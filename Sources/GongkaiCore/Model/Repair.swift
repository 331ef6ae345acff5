/// One change the repair layer made to the extracted text.
public struct Repair: Sendable, Hashable {
  /// The kind of change, e.g. `page_marker`, `joined_cell`, `label_variant`.
  public var kind: String
  /// What was changed, before → after.
  public var detail: String
  /// The 1-based line of the raw extracted text where it happened.
  public var line: Int

  /// Creates a repair record.
  public init(kind: String, detail: String, line: Int) {
    self.kind = kind
    self.detail = detail
    self.line = line
  }
}
