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
    for check in template.checks {
      guard let table = report.table(named: check.table) else { continue }
      findings += evaluate(check, table: table, absent: check.table == "requests" ? absent : [])
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
    Self.rowsAbsentByDesign(in: DataTable(rows: report.requests.rows), template: template)
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

  /// Runs one arithmetic rule over every row (or column) of `table`.
  func evaluate(_ check: ReportTemplate.Check, table: DataTable, absent: Set<String>) -> [Finding] {
    var findings: [Finding] = []
    // Row and column positions once, so each sum is a few array reads.
    var rowIndex: [String: Int] = [:]
    for (index, row) in table.rows.enumerated() { rowIndex[row.key] = index }
    let columnKeys = table.rows.first { !$0.isAbsentByDesign }?.cells.map(\.key) ?? []
    var columnIndex: [String: Int] = [:]
    for (index, key) in columnKeys.enumerated() { columnIndex[key] = index }
    /// The sum of `keys` along the line `line`, nil when a needed cell is null.
    func sum(_ keys: [String], line: String) -> Int? {
      var total = 0
      for key in keys {
        let (rowKey, columnKey) = check.across == .columns ? (line, key) : (key, line)
        guard let row = rowIndex[rowKey], let column = columnIndex[columnKey], column < table.rows[row].cells.count
        else { continue }
        guard let number = table.rows[row].cells[column].value?.count else {
          if absent.contains(rowKey) { continue }
          return nil
        }
        total += number
      }
      return total
    }
    let lines: [String] =
      check.across == .columns ? table.rows.map(\.key).filter { !absent.contains($0) } : columnKeys
    for line in lines {
      guard let parts = sum(check.parts, line: line), let totals = sum(check.totals, line: line), parts != totals
      else { continue }
      let location =
        check.across == .columns
        ? "\(check.table).\(line).\(check.reportAt)" : "\(check.table).\(check.reportAt).\(line)"
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

extension Finding {
  /// The merged-（六） deviation is recomputed from the data, not kept from the source.
  var isMergedSixthRowNote: Bool { rule == "template_deviation" && location.hasPrefix("requests.") }
}
