/// A report after repair: its form, the narrative parts as clean text, the three tables
/// rebuilt row by row, the signature, and every change made on the way.
public struct RepairedDocument: Sendable {
  /// The form the tables follow.
  public var template: ReportTemplate
  /// Non-blank lines before the first heading (title, preface), trimmed.
  public var preamble: [String]
  /// The 1-based line in the raw extracted text of each `preamble` line.
  public var preambleLineNumbers: [Int] = []
  /// Narrative text by section key (overview, problems, other); absent when not found.
  public var narrative: [String: String]
  /// The official or found heading line of each section found, by key.
  public var headings: [String: String]
  /// Table 二, if its section was found.
  public var proactive: AssembledTable?
  /// Table 三, if its section was found.
  public var requests: AssembledTable?
  /// Table 四, if its section was found.
  public var appeals: AssembledTable?
  /// The agency line of the signature block, if any.
  public var signatureAgency: String?
  /// The signing date as ISO text, if any.
  public var signatureDate: String?
  /// What the repair layer changed.
  public var repairs: [Repair]
  /// The fields of a crawler's header block (标题, 发布时间, 发布机构 …), empty when the
  /// text has none.
  public var sourceHeader: [String: String] = [:]
}
