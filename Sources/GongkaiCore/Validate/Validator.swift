/// Checks a report against its form: every template cell present, counts not negative,
/// the form's arithmetic (勾稽关系) from Models/, the form against the year, and the
/// narrative's figures against the tables.
public struct Validator: Sendable {
  private let catalog: TemplateCatalog
  private let narrative: NarrativeChecker
  /// Each form's checked tables as grids expect them, by form id and table name.
  private let layouts: [String: [String: CountGrid.Layout]]
  /// Each form's checks with the positions of their keys in those layouts, in order.
  private let plans: [String: [CheckPlan]]
  /// Whether a check with null cells on one side only is checked as a bound: the counts
  /// read on that side already larger than the other, complete side. The nulls can only
  /// add, so the table cannot add up whatever they are. ``ReportPipeline`` validates the
  /// reports it gives out with it (a misprint beside an unread cell is still found);
  /// ``ReadingChooser`` weighs doubtful reads both with it and without it.
  var bounds = false

  /// A check with the grid positions of the keys it sums, worked out once per form.
  private struct CheckPlan: Sendable {
    var partPositions: [Int]
    var totalPositions: [Int]
  }

  /// Creates a validator for the catalog's forms.
  public init(catalog: TemplateCatalog = .standard) {
    self.init(catalog: catalog, narrative: NarrativeChecker(catalog: catalog))
  }

  /// A validator sharing `narrative` (built for `catalog`) with the repairer.
  init(catalog: TemplateCatalog, narrative: NarrativeChecker) {
    self.catalog = catalog
    self.narrative = narrative
    var layouts: [String: [String: CountGrid.Layout]] = [:]
    var plans: [String: [CheckPlan]] = [:]
    for template in catalog.templates {
      let forTemplate = [
        "requests": CountGrid.Layout(
          rowKeys: template.requests.rows.map(\.key), columnKeys: template.requests.columns.map(\.key)),
        "appeals": CountGrid.Layout(
          rowKeys: template.appeals.groups.map(\.key), columnKeys: template.appeals.columns.map(\.key)),
      ]
      layouts[template.id] = forTemplate
      plans[template.id] = template.checks.map { check in
        let layout = forTemplate[check.table]
        return CheckPlan(
          partPositions: Self.positions(of: check.parts, across: check.across, in: layout),
          totalPositions: Self.positions(of: check.totals, across: check.across, in: layout))
      }
    }
    self.layouts = layouts
    self.plans = plans
  }

  /// Where `keys` sit along the axis a check sums over.
  private static func positions(of keys: [String], across: ReportTemplate.CheckAxis, in layout: CountGrid.Layout?)
    -> [Int]
  {
    guard let layout else { return [] }
    return keys.compactMap { across == .columns ? layout.columnIndex[$0] : layout.rowIndex[$0] }
  }

  /// The message of a `missing` finding with no more specific reason.
  static let genericMissing = "the report gives no value for this cell"

  /// Rules whose findings come from the source text and cannot be recomputed from a
  /// report's data; `validate` keeps such findings as they are.
  public static let sourceRules: Set<String> = ["placeholder", "ocr_low_confidence", "template_deviation"]

  /// The report with its findings recomputed: findings of `sourceRules` kept, every
  /// other rule checked anew.
  public func validate(_ report: Report) -> Report {
    var result = report
    // A `missing` finding that says why its cell is null (digits no split decided) is
    // kept while the cell is still null; the generic one is not repeated for it.
    let explained = report.findings.filter {
      $0.rule == "missing" && $0.message != Self.genericMissing && report.isNull(at: $0.location)
    }
    let kept = report.findings.filter { Self.sourceRules.contains($0.rule) && !$0.isMergedSixthRowNote } + explained
    result.findings =
      kept
      + findings(
        for: report,
        exempt: Set(
          kept.filter { $0.rule == "placeholder" || $0.rule == "ocr_low_confidence" || $0.rule == "missing" }.map(
            \.location)))
    return result
  }

  /// The findings of every data rule; `exempt` cells are null for a known reason.
  func findings(for report: Report, exempt: Set<String>) -> [Finding] {
    guard let template = catalog.template(id: report.meta.template) else {
      return [
        Finding(
          rule: "template_year", severity: .warning, location: "meta.template",
          message: "unknown template \(report.meta.template)")
      ]
    }
    var findings: [Finding] = []
    let absent = absentByDesign(report, template)
    for (name, table) in [("proactive", report.proactive), ("requests", report.requests), ("appeals", report.appeals)] {
      for row in table.rows where !absent.contains(row.key) || name != "requests" {
        for cell in row.cells {
          guard let value = cell.value else {
            let path = "\(name).\(row.key).\(cell.key)"
            if !exempt.contains(path) {
              findings.append(
                Finding(
                  rule: "missing", severity: .error, location: path, message: Self.genericMissing)
              )
            }
            continue
          }
          if let count = value.count, count < 0, kind(of: cell.key, in: name, template) != .signed {
            findings.append(
              Finding(
                rule: "negative", severity: .error, location: "\(name).\(row.key).\(cell.key)",
                message: "\(count) is negative; this count cannot be"))
          }
        }
      }
    }
    var grids: [String: CountGrid] = [:]
    let expected = layouts[template.id] ?? [:]
    let templatePlans = plans[template.id] ?? []
    for (index, check) in template.checks.enumerated() {
      guard let table = report.table(named: check.table) else { continue }
      let grid = grids[check.table] ?? CountGrid(table, expected: expected[check.table])
      grids[check.table] = grid
      // The positions worked out for the form hold when the table has the form's layout.
      let plan = grid.hasExpectedLayout && index < templatePlans.count ? templatePlans[index] : nil
      findings += evaluate(check, grid: grid, absent: check.table == "requests" ? absent : [], plan: plan)
    }
    if let year = report.meta.year, !template.years.contains(year) {
      let fitting = catalog.template(forYear: year)?.id ?? "another"
      findings.append(
        Finding(
          rule: "template_year", severity: .warning, location: "meta.template",
          message:
            "the tables follow the \(template.id) form (\(template.name)) but the report is on \(year), for which the \(fitting) form is due"
        ))
    }
    for row in template.requests.rows where row.replaces != nil && !absent.contains(row.key) {
      findings.append(
        Finding(
          rule: "template_deviation", severity: .warning, location: "requests.\(row.key)",
          message: row.deviation ?? "the row stands in for \(row.replaces?.joined(separator: ", ") ?? "")"))
    }
    findings += narrative.findings(for: report)
    return findings
  }

  /// Rows of table 三 that are null because the report follows the other way of the
  /// form: the optional merged row when the sub-rows are given, or the sub-rows when the
  /// merged row is.
  func absentByDesign(_ report: Report, _ template: ReportTemplate) -> Set<String> {
    Self.rowsAbsentByDesign(in: report.requests, template: template)
  }

  /// The rows of `requests` that are absent by design (see `absentByDesign`).
  static func rowsAbsentByDesign(in requests: DataTable, template: ReportTemplate) -> Set<String> {
    var absent = Set<String>()
    for row in template.requests.rows where row.optional == true {
      let replaced = row.replaces ?? []
      if requests.isEmpty(row: row.key) {
        absent.insert(row.key)
      } else if replaced.allSatisfy({ requests.isEmpty(row: $0) }) {
        absent.formUnion(replaced)
      }
    }
    return absent
  }

  /// Sets `isAbsentByDesign` on the rows of table 三 that the form lets a report leave out.
  public static func markRowsAbsentByDesign(in rows: inout [DataTable.Row], template: ReportTemplate) {
    let absent = rowsAbsentByDesign(in: DataTable(rows: rows), template: template)
    for index in rows.indices {
      rows[index].isAbsentByDesign = absent.contains(rows[index].key)
      if rows[index].isAbsentByDesign {
        rows[index].cells = template.requests.columns.map { DataTable.Cell(key: $0.key, value: nil) }
      }
    }
  }

  private func kind(of column: String, in table: String, _ template: ReportTemplate) -> ReportTemplate.ColumnKind {
    switch table {
    case "proactive": return template.proactive.column(column)?.kind ?? .count
    case "requests": return template.requests.column(column)?.kind ?? .count
    default: return template.appeals.columns.first { $0.key == column }?.kind ?? .count
    }
  }

  /// Runs one arithmetic rule over a table already read into a grid.
  private func evaluate(_ check: ReportTemplate.Check, grid: CountGrid, absent: Set<String>, plan: CheckPlan?)
    -> [Finding]
  {
    var findings: [Finding] = []
    let byColumns = check.across == .columns
    // Positions of the summed keys along the other axis, once.
    let partPositions =
      plan?.partPositions ?? Self.positions(of: check.parts, across: check.across, in: grid.layout)
    let totalPositions =
      plan?.totalPositions ?? Self.positions(of: check.totals, across: check.across, in: grid.layout)
    let absentRows = Set(absent.compactMap { grid.layout.rowIndex[$0] })
    /// The sum at `positions` along line `line`, nil when a needed cell is null.
    func sum(_ positions: [Int], line: Int) -> Int? {
      var total = 0
      for position in positions {
        let (row, column) = byColumns ? (line, position) : (position, line)
        guard let present = grid.value(row, column) else { continue }
        guard let number = present else {
          if absentRows.contains(row) { continue }
          return nil
        }
        total += number
      }
      return total
    }
    /// The sum of the cells read at `positions` along `line`, nulls left out; nil when one
    /// is negative (no bound then).
    func knownSum(_ positions: [Int], line: Int) -> Int? {
      var total = 0
      for position in positions {
        let (row, column) = byColumns ? (line, position) : (position, line)
        guard let present = grid.value(row, column), let number = present else { continue }
        guard number >= 0 else { return nil }
        total += number
      }
      return total
    }
    let lines =
      byColumns
      ? grid.layout.rowKeys.indices.filter { !absentRows.contains($0) } : Array(grid.layout.columnKeys.indices)
    for line in lines {
      let lineKey = byColumns ? grid.layout.rowKeys[line] : grid.layout.columnKeys[line]
      let location =
        byColumns ? "\(check.table).\(lineKey).\(check.reportAt)" : "\(check.table).\(check.reportAt).\(lineKey)"
      let partsText = check.parts.count > 4 ? "the \(check.parts.count) parts" : check.parts.joined(separator: " + ")
      let (partSum, totalSum) = (sum(partPositions, line: line), sum(totalPositions, line: line))
      if bounds, (partSum == nil) != (totalSum == nil), let known = knownSum(partPositions, line: line),
        let knownTotals = knownSum(totalPositions, line: line),
        partSum == nil ? known > knownTotals : knownTotals > known
      {
        findings.append(
          Finding(
            rule: check.rule, severity: .error, location: location,
            message:
              "\(check.description): the cells read of \(partsText) = \(known) and of \(check.totals.joined(separator: " + ")) = \(knownTotals), the side with null cells already the larger"
          ))
        continue
      }
      guard let parts = partSum, let totals = totalSum, parts != totals else { continue }
      findings.append(
        Finding(
          rule: check.rule, severity: .error, location: location,
          message:
            "\(check.description): \(partsText) = \(parts), but \(check.totals.joined(separator: " + ")) = \(totals)"))
    }
    return findings
  }
}

extension Finding {
  /// The merged-（六） deviation is recomputed from the data, not kept from the source.
  var isMergedSixthRowNote: Bool { rule == "template_deviation" && location.hasPrefix("requests.") }
}

extension Report {
  /// Whether the cell at a dotted path (`requests.new.total`) exists and is null.
  func isNull(at path: String) -> Bool {
    let parts = path.split(separator: ".")
    guard parts.count == 3, let table = table(named: String(parts[0])),
      let row = table.rows.first(where: { $0.key == parts[1] }),
      let cell = row.cells.first(where: { $0.key == parts[2] })
    else { return false }
    return cell.value == nil
  }
}
