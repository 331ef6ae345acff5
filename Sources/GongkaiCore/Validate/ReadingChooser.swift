/// The tables' arithmetic as a second reader of OCR'd counts.
///
/// When a report's rows or columns do not add up and some of the cells were read with low
/// confidence, the other readings of those same glyphs (another model, segmentation, scale
/// or threshold) are tried: when exactly one smallest set of them makes every arithmetic
/// error go away, it is taken and recorded as an `ocr_correction` repair naming both
/// readings. Nothing else is ever tried, so a report whose printed numbers do not add up
/// keeps its errors.
struct ReadingChooser: Sendable {
  /// One doubtful cell placed in a table, with the counts its other readings give.
  struct Doubt {
    var table: String
    var row: String
    var column: String
    var cell: UncertainCell
    var current: Int
    var others: [Int]
  }

  let validator: Validator
  /// At most this many cells are changed together.
  var maximumChanges = 2
  /// Past this many doubtful cells the search is not tried (a scan too poor to be mended).
  var maximumDoubts = 16

  /// `report` (validated) with the reading that makes its tables add up, when one does.
  func choose(_ report: Report, doubtful: [(path: String, cell: UncertainCell)]) -> Report {
    let errors = Self.arithmeticErrors(report)
    guard !errors.isEmpty else { return report }
    let doubts = doubtful.compactMap { entry -> Doubt? in
      let parts = entry.path.split(separator: ".").map(String.init)
      guard parts.count == 3, parts[0] != "proactive",
        case .count(let current)?? = report.table(named: parts[0])?.cell(parts[1], parts[2])
      else { return nil }
      var seen: Set<Int> = [current]
      let others = entry.cell.alternatives.compactMap { Int($0) }.filter { seen.insert($0).inserted }
      guard !others.isEmpty else { return nil }
      return Doubt(table: parts[0], row: parts[1], column: parts[2], cell: entry.cell, current: current, others: others)
    }
    guard !doubts.isEmpty, doubts.count <= maximumDoubts else { return report }
    let missing = report.findings.filter { $0.rule == "missing" }.count
    for size in 1...min(maximumChanges, doubts.count) {
      var solutions: [(changes: [(Doubt, Int)], report: Report)] = []
      for group in Self.combinations(of: doubts.count, size: size) {
        for values in Self.product(group.map { doubts[$0].others }) {
          var trial = report
          let changes = zip(group, values).map { (doubts[$0.0], $0.1) }
          for (doubt, value) in changes { trial.set(doubt.table, doubt.row, doubt.column, .count(value)) }
          let checked = validator.validate(trial)
          if Self.arithmeticErrors(checked).isEmpty, checked.findings.filter({ $0.rule == "missing" }).count == missing
          {
            solutions.append((changes, checked))
          }
        }
      }
      // Two different ways to make the table add up: the arithmetic cannot tell which is
      // printed, so the doubtful readings stay (with their errors).
      if solutions.count > 1 { return report }
      if let solution = solutions.first {
        var chosen = solution.report
        let rules = Set(errors.map(\.rule)).sorted().joined(separator: ", ")
        for (doubt, value) in solution.changes {
          chosen.repairs.append(
            Repair(
              kind: "ocr_correction",
              detail:
                "\(doubt.table).\(doubt.row).\(doubt.column): read \(doubt.current) (confidence \(Int(doubt.cell.confidence.rounded()))) and \(value) from the same glyphs; \(value) makes the table add up (\(rules))",
              line: doubt.cell.line))
        }
        return chosen
      }
    }
    return report
  }

  /// `report` (validated, readings already chosen) with each doubtful count that the
  /// tables' arithmetic does not confirm left null: a cell whose value, taken out, clears an
  /// arithmetic error (contradicted), or one that takes part in no sum the cells read surely
  /// let be checked (a value one higher breaks nothing: its row and column hold nulls or other
  /// doubtful reads). Its
  /// `ocr_low_confidence` finding stays and says so, and the errors it caused go. Under a
  /// seal or smudge a digit read from the darkest ink, or from ink mixed with the seal's, is
  /// as likely wrong as right; a null with a finding is better than a wrong number. Every
  /// doubtful cell is tried against the same report, so all cells in a failing sum go, not
  /// only the first tried.
  func droppingUnconfirmed(_ report: Report, doubtful: [(path: String, cell: UncertainCell)]) -> Report {
    let errors = Self.arithmeticErrors(report).count
    let counted = doubtful.compactMap { entry -> (entry: (path: String, cell: UncertainCell), parts: [String], value: Int)? in
      let parts = entry.path.split(separator: ".").map(String.init)
      guard parts.count == 3, parts[0] != "proactive",
        case .count(let value)?? = report.table(named: parts[0])?.cell(parts[1], parts[2])
      else { return nil }
      return (entry, parts, value)
    }
    var dropped: [(path: String, cell: UncertainCell)] = []
    for (index, doubt) in counted.enumerated() {
      let (table, row, column) = (doubt.parts[0], doubt.parts[1], doubt.parts[2])
      var trial = report
      trial.set(table, row, column, nil)
      let contradicted = errors > 0 && Self.arithmeticErrors(validator.validate(trial)).count < errors
      // Confirmed only by cells read surely: two doubtful reads of one misread (1 as 10 in a
      // row's cell and its total) agree with each other.
      var sure = report
      for (other, otherDoubt) in counted.enumerated() where other != index {
        sure.set(otherDoubt.parts[0], otherDoubt.parts[1], otherDoubt.parts[2], nil)
      }
      let sureErrors = Self.arithmeticErrors(validator.validate(sure)).count
      sure.set(table, row, column, .count(doubt.value + 1))
      let confirmed = Self.arithmeticErrors(validator.validate(sure)).count > sureErrors
      if contradicted || !confirmed { dropped.append(doubt.entry) }
    }
    guard !dropped.isEmpty else { return report }
    var result = report
    for entry in dropped {
      let parts = entry.path.split(separator: ".").map(String.init)
      result.set(parts[0], parts[1], parts[2], nil)
    }
    let paths = Set(dropped.map(\.path))
    result.provenance?.removeAll { paths.contains($0.path) }
    result = validator.validate(result)
    for index in result.findings.indices
    where result.findings[index].rule == "ocr_low_confidence" && paths.contains(result.findings[index].location) {
      result.findings[index].message +=
        "; the table's arithmetic does not confirm it, so the cell is left null"
    }
    return result
  }

  /// The error findings the tables' arithmetic (and signs) give, not the missing cells.
  static func arithmeticErrors(_ report: Report) -> [Finding] {
    report.findings.filter { $0.severity == .error && $0.rule != "missing" }
  }

  /// Every choice of `size` indices out of `count`, ascending.
  static func combinations(of count: Int, size: Int) -> [[Int]] {
    guard size > 0 else { return [[]] }
    guard size <= count else { return [] }
    var result: [[Int]] = []
    func extend(_ prefix: [Int], from start: Int) {
      if prefix.count == size {
        result.append(prefix)
        return
      }
      for index in start..<count { extend(prefix + [index], from: index + 1) }
    }
    extend([], from: 0)
    return result
  }

  /// Every way to pick one value from each list.
  static func product(_ lists: [[Int]]) -> [[Int]] {
    lists.reduce([[]]) { partial, list in partial.flatMap { prefix in list.map { prefix + [$0] } } }
  }
}

extension Report {
  /// Sets the value of a cell of table `table` (`proactive`, `requests` or `appeals`).
  mutating func set(_ table: String, _ row: String, _ column: String, _ value: CellValue?) {
    switch table {
    case "proactive": proactive.set(row, column, value)
    case "requests": requests.set(row, column, value)
    case "appeals": appeals.set(row, column, value)
    default: break
    }
  }
}
