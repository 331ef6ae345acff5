/// Checks a report against its form: every template cell present, counts not negative,
/// the form's arithmetic (勾稽关系) from Models/, the form against the year, and the
/// narrative's figures against the tables.
public struct Validator: Sendable {
  private let catalog: TemplateCatalog
  private let narrative: NarrativeChecker

  /// Creates a validator for the catalog's forms.
  public init(catalog: TemplateCatalog = .standard) {
    self.catalog = catalog
    narrative = NarrativeChecker(catalog: catalog)
  }

  /// Rules whose findings come from the source text and cannot be recomputed from a
  /// report's data; `validate` keeps such findings as they are.
  public static let sourceRules: Set<String> = ["placeholder", "ocr_low_confidence", "template_deviation"]

  /// The report with its findings recomputed: findings of `sourceRules` kept, every
  /// other rule checked anew.
  public func validate(_ report: Report) -> Report {
    var result = report
    let kept = report.findings.filter { Self.sourceRules.contains($0.rule) && !$0.isMergedSixthRowNote }
    result.findings =
      kept
      + findings(
        for: report,
        exempt: Set(kept.filter { $0.rule == "placeholder" || $0.rule == "ocr_low_confidence" }.map(\.location)))
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
                  rule: "missing", severity: .error, location: path, message: "the report gives no value for this cell")
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
    for check in template.checks {
      guard let table = report.table(named: check.table) else { continue }
      let grid = grids[check.table] ?? CountGrid(table)
      grids[check.table] = grid
      findings += evaluate(check, grid: grid, absent: check.table == "requests" ? absent : [])
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
  func evaluate(_ check: ReportTemplate.Check, grid: CountGrid, absent: Set<String>) -> [Finding] {
    var findings: [Finding] = []
    let byColumns = check.across == .columns
    // Positions of the summed keys along the other axis, once.
    let partPositions = check.parts.compactMap { byColumns ? grid.columnIndex[$0] : grid.rowIndex[$0] }
    let totalPositions = check.totals.compactMap { byColumns ? grid.columnIndex[$0] : grid.rowIndex[$0] }
    let absentRows = Set(absent.compactMap { grid.rowIndex[$0] })
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
    let lines = byColumns ? grid.rowKeys.indices.filter { !absentRows.contains($0) } : Array(grid.columnKeys.indices)
    for line in lines {
      guard let parts = sum(partPositions, line: line), let totals = sum(totalPositions, line: line), parts != totals
      else { continue }
      let lineKey = byColumns ? grid.rowKeys[line] : grid.columnKeys[line]
      let location =
        byColumns ? "\(check.table).\(lineKey).\(check.reportAt)" : "\(check.table).\(check.reportAt).\(lineKey)"
      let partsText = check.parts.count > 4 ? "the \(check.parts.count) parts" : check.parts.joined(separator: " + ")
      findings.append(
        Finding(
          rule: check.rule, severity: .error, location: location,
          message:
            "\(check.description): \(partsText) = \(parts), but \(check.totals.joined(separator: " + ")) = \(totals)"))
    }
    return findings
  }
}

/// A table's counts as a plain grid with row and column positions, so arithmetic checks
/// read integers instead of walking rows of strings.
struct CountGrid {
  /// Row keys in order.
  let rowKeys: [String]
  /// Column keys in order (those of the first row that has cells).
  let columnKeys: [String]
  /// Position of each row key.
  let rowIndex: [String: Int]
  /// Position of each column key.
  let columnIndex: [String: Int]
  /// Counts by row then column; nil for a null cell or an amount.
  private let counts: [[Int?]]

  /// Reads `table`.
  init(_ table: DataTable) {
    rowKeys = table.rows.map(\.key)
    columnKeys = table.rows.first { !$0.isAbsentByDesign }?.cells.map(\.key) ?? []
    var rows: [String: Int] = [:]
    for (index, key) in rowKeys.enumerated() { rows[key] = index }
    var columns: [String: Int] = [:]
    for (index, key) in columnKeys.enumerated() { columns[key] = index }
    rowIndex = rows
    columnIndex = columns
    counts = table.rows.map { row in row.cells.map { $0.value?.count } }
  }

  /// The cell at a position: nil when the row has no such cell, `.some(nil)` when null.
  func value(_ row: Int, _ column: Int) -> Int?? {
    let cells = counts[row]
    return column < cells.count ? .some(cells[column]) : nil
  }
}

extension Finding {
  /// The merged-（六） deviation is recomputed from the data, not kept from the source.
  var isMergedSixthRowNote: Bool { rule == "template_deviation" && location.hasPrefix("requests.") }
}
