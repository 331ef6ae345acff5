extension ReportParser {
  /// The shares that make a scanned row noise: more than half of its cells unread, read as
  /// text or doubted, in a table of which fewer than half the cells hold a number.
  static let noisyRowShare = 0.5
  static let unreadTableShare = 0.5

  /// `table` (a scan's) with the numbers of its noisy rows left null: where the reader made
  /// noise of a table (light print fallen apart at the page's ink level, read as 上 下 和 1 …)
  /// the few numbers in it are pieces of the noise as likely as printed values (上年结转's
  /// 4 4 where the page prints 5 1, a lone 18 where it prints 0). A row counts as noise when
  /// more than half of its cells hold an unread mark, text where a number stands, or a doubted
  /// read, and only in a table of which fewer than half the cells hold a number: a seal over
  /// the right end of a well-read table, or grey print read unsure, leaves its rows alone. Each
  /// number so left gets an `ocr_low_confidence` finding (a doubted read keeps its own), and
  /// its provenance goes with it.
  static func doubtingNoisyRows(
    _ table: inout DataTable, name: String, doubted: Set<String>, findings: inout [Finding],
    provenance: inout [CellProvenance]
  ) {
    let flagged = Set(findings.filter { $0.rule == "ocr_low_confidence" }.map(\.location))
    func path(_ row: DataTable.Row, _ cell: DataTable.Cell) -> String { "\(name).\(row.key).\(cell.key)" }
    func isNoise(_ row: DataTable.Row, _ cell: DataTable.Cell) -> Bool {
      let at = path(row, cell)
      return cell.value == nil ? flagged.contains(at) : doubted.contains(at)
    }
    let rows = table.rows.filter { !$0.isAbsentByDesign }
    let cells = rows.reduce(0) { $0 + $1.cells.count }
    // Doubted reads count as read here: grey print a scan reads unsure all over is still a table.
    let read = rows.reduce(0) { $0 + $1.cells.filter { $0.value != nil }.count }
    guard cells > 0, Double(read) < unreadTableShare * Double(cells) else { return }
    var nulled: Set<String> = []
    for index in table.rows.indices where !table.rows[index].isAbsentByDesign {
      let row = table.rows[index]
      let noise = row.cells.filter { isNoise(row, $0) }.count
      guard Double(noise) > noisyRowShare * Double(row.cells.count),
        row.cells.contains(where: { $0.value != nil })
      else { continue }
      for column in row.cells.indices where row.cells[column].value != nil {
        let cell = row.cells[column]
        let at = path(row, cell)
        table.rows[index].cells[column].value = nil
        nulled.insert(at)
        if !doubted.contains(at) {
          findings.append(
            Finding(
              rule: "ocr_low_confidence", severity: .warning, location: at,
              message:
                "the scan reads \(noise) of this row's \(row.cells.count) cells as unread marks, text or doubtful digits,"
                + " so its other numbers are doubtful too and the cell is left null; check the row against the scan"))
        }
      }
    }
    if !nulled.isEmpty { provenance.removeAll { nulled.contains($0.path) } }
  }
}
