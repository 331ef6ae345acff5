/// The cells of a form's three tables numbered as slots, and its checks instantiated over
/// them once (every row for a check across columns, every column for one across rows),
/// so that splitting digits per report looks up integers instead of keys.
struct DigitGrid: Sendable {
  /// The tables, in slot order.
  static let tableNames = ["proactive", "requests", "appeals"]

  /// A check over slots: sum(parts) == sum(totals).
  struct Equation: Sendable {
    var parts: [Int]
    var totals: [Int]
  }

  /// Row keys of each table, by table position.
  let rowKeys: [[String]]
  /// Each table's row positions by key.
  let rowIndex: [[String: Int]]
  /// The first slot of each row, by table then row.
  let rowBase: [[Int]]
  /// Column keys of each row, by table then row.
  let columnKeys: [[[String]]]
  /// How many slots there are.
  let slotCount: Int
  /// For each slot, its table and row positions.
  let rowOfSlot: [(table: Int, row: Int)]
  /// For each slot, whether its row is one the form lets a report leave out.
  let isOptional: [Bool]
  /// The form's checks over slots.
  let equations: [Equation]

  /// Lays out `template`.
  init(template: ReportTemplate) {
    let appealColumns = template.appeals.columns.map(\.key)
    let requestColumns = template.requests.columns.map(\.key)
    let tables: [[(key: String, columns: [String])]] = [
      template.proactive.rows.map { ($0.key, template.proactive.columnKeys(of: $0)) },
      template.requests.rows.map { ($0.key, requestColumns) },
      template.appeals.groups.map { ($0.key, appealColumns) },
    ]
    var optionalRows = Set<String>()
    for row in template.requests.rows where row.optional == true {
      optionalRows.insert(row.key)
      optionalRows.formUnion(row.replaces ?? [])
    }
    var base: [[Int]] = []
    var slots = 0
    var rowOfSlot: [(Int, Int)] = []
    var isOptional: [Bool] = []
    for (tableIndex, rows) in tables.enumerated() {
      var bases: [Int] = []
      for (rowIndex, row) in rows.enumerated() {
        bases.append(slots)
        slots += row.columns.count
        for _ in row.columns {
          rowOfSlot.append((tableIndex, rowIndex))
          isOptional.append(tableIndex == 1 && optionalRows.contains(row.key))
        }
      }
      base.append(bases)
    }
    rowKeys = tables.map { $0.map(\.key) }
    rowIndex = tables.map { rows in Dictionary(rows.enumerated().map { ($1.key, $0) }, uniquingKeysWith: { a, _ in a })
    }
    rowBase = base
    columnKeys = tables.map { $0.map(\.columns) }
    slotCount = slots
    self.rowOfSlot = rowOfSlot
    self.isOptional = isOptional
    var equations: [Equation] = []
    for check in template.checks {
      guard let table = Self.tableNames.firstIndex(of: check.table) else { continue }
      let rows = tables[table]
      func slot(_ row: String, _ column: String) -> Int? {
        guard let rowIndex = rows.firstIndex(where: { $0.key == row }),
          let columnIndex = rows[rowIndex].columns.firstIndex(of: column)
        else { return nil }
        return base[table][rowIndex] + columnIndex
      }
      if check.across == .columns {
        for row in rows {
          equations.append(
            Equation(
              parts: check.parts.compactMap { slot(row.key, $0) }, totals: check.totals.compactMap { slot(row.key, $0) }
            ))
        }
      } else {
        for column in Array(Set(rows.flatMap(\.columns))).sorted() {
          equations.append(
            Equation(
              parts: check.parts.compactMap { slot($0, column) }, totals: check.totals.compactMap { slot($0, column) }))
        }
      }
    }
    self.equations = equations.filter { !($0.parts.isEmpty && $0.totals.isEmpty) }
  }

  /// The slot of a cell named by table, row key and column key, if the form has it.
  func slot(table: String, row: String, column: String) -> Int? {
    guard let tableIndex = Self.tableNames.firstIndex(of: table), let rowIndex = rowIndex[tableIndex][row],
      let columnIndex = columnKeys[tableIndex][rowIndex].firstIndex(of: column)
    else { return nil }
    return rowBase[tableIndex][rowIndex] + columnIndex
  }
}
