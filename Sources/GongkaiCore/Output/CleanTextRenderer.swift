/// Renders a repaired document as clean text: the narrative as paragraphs, each table
/// row as one tab-separated line under a header line. Feeding this text back to Gongkai
/// gives the same report.
public enum CleanTextRenderer {
  /// The clean text of `document`.
  public static func render(_ document: RepairedDocument) -> String {
    let template = document.template
    var lines: [String] = document.preamble
    for section in template.sections {
      guard let heading = document.headings[section.key] else { continue }
      if !lines.isEmpty { lines.append("") }
      lines.append(heading)
      switch section.table {
      case "proactive": lines += proactive(document.proactive, template)
      case "requests": lines += requests(document.requests, template)
      case "appeals": lines += appeals(document.appeals, template)
      default: if let text = document.narrative[section.key] { lines += text.split(separator: "\n").map(String.init) }
      }
    }
    if let agency = document.signatureAgency { lines += ["", agency] }
    if let date = document.signatureDate {
      if document.signatureAgency == nil { lines.append("") }
      lines.append(date)
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The row's cells as text; a cell the report lacks is an empty field.
  private static func cells(_ row: AssembledTable.Row?, width: Int) -> [String] {
    (0..<width).map { index in
      guard let cells = row?.cells, index < cells.count, let cell = cells[index] else { return "" }
      return cell.raw
    }
  }

  private static func proactive(_ table: AssembledTable?, _ template: ReportTemplate) -> [String] {
    guard let table else { return [] }
    var lines: [String] = []
    var lastGroup: String?
    for row in template.proactive.rows {
      guard let found = table.row(row.key) else { continue }
      let columns = template.proactive.columnKeys(of: row)
      if row.group != lastGroup {
        lastGroup = row.group
        lines.append(
          ([row.group ?? "信息内容"] + columns.map { template.proactive.column($0)?.label ?? $0 }).joined(separator: "\t"))
      }
      lines.append(([row.label] + cells(found, width: columns.count)).joined(separator: "\t"))
    }
    return lines
  }

  private static func requests(_ table: AssembledTable?, _ template: ReportTemplate) -> [String] {
    guard let table else { return [] }
    let width = template.requests.columns.count
    var lines = [(["", "申请人情况"] + template.requests.columns.map(\.label)).joined(separator: "\t")]
    for row in template.requests.rows {
      // A row the report does not have is left out: an empty field would read back as a
      // blank cell of the grid (a placeholder), not as a cell the report lacks.
      guard let found = table.row(row.key) else { continue }
      lines.append(([row.group ?? "", row.label] + cells(found, width: width)).joined(separator: "\t"))
    }
    return lines
  }

  private static func appeals(_ table: AssembledTable?, _ template: ReportTemplate) -> [String] {
    guard let table else { return [] }
    let width = template.appeals.columns.count
    var lines = [([""] + template.appeals.columns.map(\.label)).joined(separator: "\t")]
    for group in template.appeals.groups {
      guard let found = table.row(group.key) else { continue }
      lines.append(([group.label] + cells(found, width: width)).joined(separator: "\t"))
    }
    return lines
  }
}
