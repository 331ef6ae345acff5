/// One official report form (2019 or 2021) as read from Models/templates/: its sections,
/// tables, labels, columns and arithmetic checks.
public struct ReportTemplate: Sendable {
  /// The years a form is meant for.
  public struct Years: Sendable {
    /// First year reported on with this form.
    public var first: Int
    /// Last year, or nil while the form is current.
    public var last: Int?

    /// Whether a report on `year` should use this form.
    public func contains(_ year: Int) -> Bool {
      year >= first && (last.map { year <= $0 } ?? true)
    }
  }

  /// A numbered part of the report (一 … 六).
  public struct Section: Sendable {
    /// Contract key: overview, proactive, requests, appeals, problems, other.
    public var key: String
    /// Its Chinese numeral.
    public var number: String
    /// Its title without the numeral.
    public var title: String
    /// The table the section holds, if any.
    public var table: String?
  }

  /// What a column holds.
  public enum ColumnKind: String, Sendable {
    /// A count that cannot be negative.
    case count
    /// A count that may be negative (本年增/减).
    case signed
    /// Money.
    case amount
  }

  /// A column of a table.
  public struct Column: Sendable {
    /// Contract key.
    public var key: String
    /// Official header text.
    public var label: String
    /// Count, signed count or amount; counts when absent.
    public var kind: ColumnKind?
    /// The unit a bare number is in (`万元`); yuan when absent.
    public var unit: String?
  }

  /// A row of a table.
  public struct Row: Sendable {
    /// Contract key.
    public var key: String
    /// The merged cell the row sits under, e.g. （三）不予公开.
    public var group: String?
    /// Official label text, with its numbering.
    public var label: String
    /// Column keys of this row, for tables whose rows differ (table 二).
    public var columns: [String]?
    /// A row the form does not require; null without a `missing` finding.
    public var optional: Bool?
    /// Rows this one stands in for when a report merges them (the single （六） row).
    public var replaces: [String]?
    /// Why using this row departs from the official form.
    public var deviation: String?
    /// Labels that map to this row but depart from the official form.
    public var deviantLabels: [String]?
  }

  /// A table whose rows are listed with their columns.
  public struct Table: Sendable {
    /// All columns the table's rows use.
    public var columns: [Column]
    /// The rows in form order.
    public var rows: [Row]
    /// Labels of subtotal rows some reports add and the form does not have.
    public var subtotalLabels: [String]?

    /// The column with `key`.
    public func column(_ key: String) -> Column? { columns.first { $0.key == key } }

    /// The column keys of `row`: its own list, or every column.
    public func columnKeys(of row: Row) -> [String] { row.columns ?? columns.map(\.key) }
  }

  /// Table 四: groups by columns.
  public struct Appeals: Sendable {
    /// The five result columns.
    public var columns: [Column]
    /// The three groups (复议, 直接起诉, 复议后起诉).
    public var groups: [Column]
  }

  /// Along which direction a sum check runs.
  public enum CheckAxis: String, Sendable {
    /// Sums cells across the columns of each row.
    case columns
    /// Sums rows, column by column.
    case rows
  }

  /// An arithmetic rule: sum(parts) == sum(totals), for every row or every column.
  public struct Check: Sendable {
    /// The finding's rule name.
    public var rule: String
    /// `requests` or `appeals`.
    public var table: String
    /// What is summed.
    public var across: CheckAxis
    /// Keys summed on one side.
    public var parts: [String]
    /// Keys summed on the other side.
    public var totals: [String]
    /// The key the finding points at.
    public var reportAt: String
    /// What the rule means, for messages.
    public var description: String
  }

  /// `2019` or `2021`.
  public var id: String
  /// The circular that set the form.
  public var name: String
  /// The years the form is for.
  public var years: Years
  /// Header words only this form uses, for telling the forms apart.
  public var cues: [String]
  /// The six parts.
  public var sections: [Section]
  /// Table 二.
  public var proactive: Table
  /// Table 三.
  public var requests: Table
  /// Table 四.
  public var appeals: Appeals
  /// Arithmetic rules.
  public var checks: [Check]

  /// The table 三 row with `key`.
  public func requestRow(_ key: String) -> Row? { requests.rows.first { $0.key == key } }
}

// Reading the form from its Models/templates/ file (see ModelObject).
extension ReportTemplate {
  /// The form in the JSON object `model`.
  init(model: ModelObject) throws(ModelError) {
    id = try model.string("id")
    name = try model.string("name")
    years = try Years(model: model.object("years"))
    cues = try model.strings("cues")
    sections = try model.objects("sections").map { (section) throws(ModelError) in try Section(model: section) }
    proactive = try Table(model: model.object("proactive"))
    requests = try Table(model: model.object("requests"))
    appeals = try Appeals(model: model.object("appeals"))
    checks = try model.objects("checks").map { (check) throws(ModelError) in try Check(model: check) }
  }
}

extension ReportTemplate.Years {
  init(model: ModelObject) throws(ModelError) {
    first = try model.int("first")
    last = try model.optionalInt("last")
  }
}

extension ReportTemplate.Section {
  init(model: ModelObject) throws(ModelError) {
    key = try model.string("key")
    number = try model.string("number")
    title = try model.string("title")
    table = try model.optionalString("table")
  }
}

extension ReportTemplate.Column {
  init(model: ModelObject) throws(ModelError) {
    key = try model.string("key")
    label = try model.string("label")
    if let kind = try model.optionalString("kind") {
      guard let known = ReportTemplate.ColumnKind(rawValue: kind) else {
        throw ModelError(file: "", reason: "\(model.place("kind")): unknown kind \(kind)")
      }
      self.kind = known
    } else {
      kind = nil
    }
    unit = try model.optionalString("unit")
  }

  /// The columns in the list `key` of `model`.
  static func list(_ key: String, of model: ModelObject) throws(ModelError) -> [Self] {
    try model.objects(key).map { (column) throws(ModelError) in try Self(model: column) }
  }
}

extension ReportTemplate.Row {
  init(model: ModelObject) throws(ModelError) {
    key = try model.string("key")
    group = try model.optionalString("group")
    label = try model.string("label")
    columns = try model.optionalStrings("columns")
    optional = try model.optionalBool("optional")
    replaces = try model.optionalStrings("replaces")
    deviation = try model.optionalString("deviation")
    deviantLabels = try model.optionalStrings("deviantLabels")
  }
}

extension ReportTemplate.Table {
  init(model: ModelObject) throws(ModelError) {
    columns = try ReportTemplate.Column.list("columns", of: model)
    rows = try model.objects("rows").map { (row) throws(ModelError) in try ReportTemplate.Row(model: row) }
    subtotalLabels = try model.optionalStrings("subtotalLabels")
  }
}

extension ReportTemplate.Appeals {
  init(model: ModelObject) throws(ModelError) {
    columns = try ReportTemplate.Column.list("columns", of: model)
    groups = try ReportTemplate.Column.list("groups", of: model)
  }
}

extension ReportTemplate.Check {
  init(model: ModelObject) throws(ModelError) {
    rule = try model.string("rule")
    table = try model.string("table")
    let axis = try model.string("across")
    guard let known = ReportTemplate.CheckAxis(rawValue: axis) else {
      throw ModelError(file: "", reason: "\(model.place("across")): unknown axis \(axis)")
    }
    across = known
    parts = try model.strings("parts")
    totals = try model.strings("totals")
    reportAt = try model.string("reportAt")
    description = try model.string("description")
  }
}
