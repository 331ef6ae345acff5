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
  /// The narrative's figures, a second reader of the cells they state on their own.
  var narrative: NarrativeChecker?
  /// At most this many cells are changed together.
  var maximumChanges = 2
  /// Past this many doubtful cells the search is not tried (a scan too poor to be mended).
  var maximumDoubts = 16

  /// `report` (validated) with each doubtful count the narrative states on its own
  /// (“作出行政强制决定42件” for 行政强制's decisions) settled by that statement, and the
  /// doubtful entries the narrative settled, which the tables' arithmetic then leaves alone.
  /// A count the narrative confirms stays; where another reading of the same glyphs gives
  /// the narrative's figure, that reading is taken (an `ocr_correction` repair naming both);
  /// otherwise the doubtful read's only evidence contradicts it and the cell is left null, its
  /// `ocr_low_confidence` finding saying why. Only statements whose one applicable
  /// alternative is that single cell count, and only when the narrative states one figure
  /// for it; the narrative's figure itself is never written in. `stated` is
  /// ``statedFigures(in:)`` of `report`.
  func settlingByNarrative(
    _ report: Report, stated: [String: Set<Int>], doubtful: [(path: String, cell: UncertainCell)]
  ) -> (report: Report, settled: Set<String>) {
    guard !stated.isEmpty else { return (report, []) }
    var result = report
    var settled: Set<String> = []
    var corrected: [(path: String, cell: UncertainCell, from: Int, to: Int)] = []
    var nulled: [String: Int] = [:]
    for (path, cell) in doubtful {
      let parts = path.split(separator: ".").map(String.init)
      guard parts.count == 3, let figures = stated[path], figures.count == 1, let figure = figures.first,
        case .count(let current)?? = result.table(named: parts[0])?.cell(parts[1], parts[2])
      else { continue }
      settled.insert(path)
      guard current != figure else { continue }
      if Int(cell.value) == current, cell.alternatives.contains(where: { Int($0) == figure }) {
        result.set(parts[0], parts[1], parts[2], .count(figure))
        corrected.append((path, cell, current, figure))
      } else {
        result.set(parts[0], parts[1], parts[2], nil)
        nulled[path] = figure
      }
    }
    guard !corrected.isEmpty || !nulled.isEmpty else { return (report, settled) }
    result = validator.validate(result)
    for change in corrected {
      result.repairs.append(
        Repair(
          kind: "ocr_correction",
          detail:
            "\(change.path): read \(change.from) (confidence \(Int(change.cell.confidence.rounded()))) and \(change.to) from the same glyphs; the narrative states \(change.to)",
          line: change.cell.line))
    }
    result.provenance?.removeAll { nulled[$0.path] != nil }
    for index in result.findings.indices where result.findings[index].rule == "ocr_low_confidence" {
      guard let figure = nulled[result.findings[index].location] else { continue }
      result.findings[index].message += "; the narrative states \(figure), so the cell is left null"
    }
    return (result, settled)
  }

  /// The figures the narrative states for single cells, by path (`requests.new.total`):
  /// only statements whose one applicable alternative is that cell.
  func statedFigures(in report: Report) -> [String: Set<Int>] {
    guard let narrative else { return [:] }
    let statements = narrative.statements(in: report.sections.all.compactMap(\.text))
    var stated: [String: Set<Int>] = [:]
    for statement in statements {
      let applicable = statement.alternatives.filter { cells in
        cells.allSatisfy { report.table(named: $0.table)?.cell($0.row, $0.column) != nil }
      }
      guard applicable.count == 1, let cells = applicable.first, cells.count == 1, let cell = cells.first else {
        continue
      }
      stated["\(cell.table).\(cell.row).\(cell.column)", default: []].insert(statement.figure)
    }
    return stated
  }

  /// `report` (validated) with the reading that makes its tables add up, when one does.
  func choose(_ report: Report, doubtful: [(path: String, cell: UncertainCell)]) -> Report {
    let errors = Self.arithmeticErrors(report)
    guard !errors.isEmpty else { return report }
    let doubts = doubtful.compactMap { entry -> Doubt? in
      let parts = entry.path.split(separator: ".").map(String.init)
      // Only where the cell holds the read itself: the readings of a part of a number (16 of
      // 168 wrapped in its cell) are no readings of the whole.
      guard parts.count == 3, parts[0] != "proactive",
        case .count(let current)?? = report.table(named: parts[0])?.cell(parts[1], parts[2]),
        Int(entry.cell.value) == current
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

  /// `report` (validated, readings already chosen) with the doubtful counts the tables'
  /// arithmetic contradicts left null. Under a seal or smudge a digit read from the darkest
  /// ink, or from ink mixed with the seal's, is as likely wrong as right; a null with a finding
  /// is better than a wrong number. While arithmetic errors remain, the doubtful count whose
  /// removal clears the most of them goes. When several clear the very same errors the sums
  /// cannot tell which is wrong, and no confidence can (a seal joined to a digit reads
  /// confidently): those that another check, still adding up, does not vouch for all go, and
  /// those vouched for stay; a doubtful count is vouched for when some check holding now would
  /// fail with it changed (a row whose 总计 adds up with it). Of groups clearing as many
  /// errors, the one holding the least confident read is taken first. Where no one count's
  /// removal clears an error, two that only together explain it go (``clearingPair``). Its
  /// `ocr_low_confidence` finding stays and says so, and the errors it caused go. Only
  /// doubtful reads are ever nulled, never a cell read with confidence, and nothing is filled
  /// in: a report whose printed numbers do not add up keeps its errors where no doubtful read
  /// explains them.
  ///
  /// Checks with null cells count as bounds here (``Validator/bounds``): a doubtful 10 in a
  /// column whose 总计 is 7 cannot be right whatever the null cells beside it are.
  func droppingContradicted(_ report: Report, doubtful: [(path: String, cell: UncertainCell)]) -> Report {
    var checker = validator
    checker.bounds = true
    var current = checker.validate(report)
    guard !Self.arithmeticErrors(current).isEmpty else { return report }
    var left = doubtful.filter { $0.path.split(separator: ".").count == 3 && !$0.path.hasPrefix("proactive.") }
    var dropped: Set<String> = []
    while true {
      let errors = Self.errorKeys(current)
      guard !errors.isEmpty else { break }
      // What nulling each doubtful count clears.
      var clearing: [(index: Int, cleared: Set<String>)] = []
      for (index, entry) in left.enumerated() {
        let parts = entry.path.split(separator: ".").map(String.init)
        guard case .count?? = current.table(named: parts[0])?.cell(parts[1], parts[2]) else { continue }
        var trial = current
        trial.set(parts[0], parts[1], parts[2], nil)
        let cleared = errors.subtracting(Self.errorKeys(checker.validate(trial)))
        if !cleared.isEmpty { clearing.append((index, cleared)) }
      }
      let alike: [Int]
      if let most = clearing.map(\.cleared.count).max() {
        let leading = clearing.filter { $0.cleared.count == most }
        guard
          let first = leading.min(by: { left[$0.index].cell.confidence < left[$1.index].cell.confidence })
        else { break }
        alike = leading.filter { $0.cleared == first.cleared }.map(\.index)
      } else {
        // No one doubtful count explains an error: two misreads in one sum (结转 and 总计 each
        // read 1 for 0 where the column adds to 0) each still break it alone.
        guard let pair = clearingPair(current, left: left, errors: errors, checker: checker) else { break }
        alike = pair
      }
      var going = alike
      if alike.count > 1 {
        // Vouched for by a check that adds up as printed, never by a bound: a column at its
        // bound with a cell null says only that the null would be 0.
        going = alike.filter { !isVouchedFor(left[$0].path, in: current, errors: errors) }
      } else {
        // One alone clears the errors, but a check of sure cells adds up with it (a 总计 the
        // sum of its row's sure six): the error lies elsewhere, a misprint the report keeps.
        going = alike.filter { !isVouchedForBySureCells(left[$0].path, in: current, doubtful: left) }
      }
      if going.isEmpty {
        // Each is vouched for by a check that adds up: the error lies elsewhere, they stay.
        let kept = Set(alike.map { left[$0].path })
        left.removeAll { kept.contains($0.path) }
        continue
      }
      var next = current
      for index in going {
        let parts = left[index].path.split(separator: ".").map(String.init)
        next.set(parts[0], parts[1], parts[2], nil)
        dropped.insert(left[index].path)
      }
      current = checker.validate(next)
      let gone = Set(going.map { left[$0].path })
      left.removeAll { gone.contains($0.path) }
    }
    guard !dropped.isEmpty else { return report }
    // The report's own findings: bounds are no errors of it.
    current = validator.validate(current)
    current.provenance?.removeAll { dropped.contains($0.path) }
    for index in current.findings.indices
    where current.findings[index].rule == "ocr_low_confidence" && dropped.contains(current.findings[index].location) {
      current.findings[index].message +=
        "; the table's arithmetic contradicts it, so the cell is left null"
    }
    return current
  }

  /// The doubtful counts of `left` that go in pairs where no one count's removal clears any
  /// of `errors`: of the pairs whose removal together clears the most, every count in one
  /// (the sums cannot tell which pair is misread; the vouched-for test then keeps some).
  /// `nil` when no pair clears any, or when pairs clearing as many clear different errors.
  func clearingPair(
    _ report: Report, left: [(path: String, cell: UncertainCell)], errors: Set<String>, checker: Validator
  ) -> [Int]? {
    let counts = left.indices.filter { index in
      let parts = left[index].path.split(separator: ".").map(String.init)
      if case .count?? = report.table(named: parts[0])?.cell(parts[1], parts[2]) { return true }
      return false
    }
    var clearing: [(pair: [Int], cleared: Set<String>)] = []
    for (position, first) in counts.enumerated() {
      for second in counts[(position + 1)...] {
        var trial = report
        for index in [first, second] {
          let parts = left[index].path.split(separator: ".").map(String.init)
          trial.set(parts[0], parts[1], parts[2], nil)
        }
        let cleared = errors.subtracting(Self.errorKeys(checker.validate(trial)))
        if !cleared.isEmpty { clearing.append(([first, second], cleared)) }
      }
    }
    guard let most = clearing.map(\.cleared.count).max() else { return nil }
    let leading = clearing.filter { $0.cleared.count == most }
    guard let cleared = leading.first?.cleared, leading.allSatisfy({ $0.cleared == cleared }) else { return nil }
    return Array(Set(leading.flatMap(\.pair))).sorted()
  }

  /// Whether the count at `path` takes part in a check that adds up in `report` (whose
  /// arithmetic errors are `errors`): with it one more, a new error appears.
  func isVouchedFor(_ path: String, in report: Report, errors: Set<String>) -> Bool {
    let parts = path.split(separator: ".").map(String.init)
    guard case .count(let value)?? = report.table(named: parts[0])?.cell(parts[1], parts[2]) else { return false }
    var trial = report
    trial.set(parts[0], parts[1], parts[2], .count(value + 1))
    return !Self.errorKeys(validator.validate(trial)).isSubset(of: errors)
  }

  /// Whether the count at `path` takes part in a check whose other cells are all sure and
  /// that adds up in `report`: with every other `doubtful` count null (a check with a null is
  /// not made), it one more, a new error appears. A misread that makes such a check add up
  /// would be a coincidence of the print; a misread vouched for by other doubtful reads is
  /// not ruled out that way.
  func isVouchedForBySureCells(
    _ path: String, in report: Report, doubtful: [(path: String, cell: UncertainCell)]
  ) -> Bool {
    let parts = path.split(separator: ".").map(String.init)
    guard case .count(let value)?? = report.table(named: parts[0])?.cell(parts[1], parts[2]) else { return false }
    var sure = report
    for other in doubtful where other.path != path {
      let place = other.path.split(separator: ".").map(String.init)
      guard place.count == 3 else { continue }
      sure.set(place[0], place[1], place[2], nil)
    }
    let holding = Self.errorKeys(validator.validate(sure))
    sure.set(parts[0], parts[1], parts[2], .count(value + 1))
    return !Self.errorKeys(validator.validate(sure)).isSubset(of: holding)
  }

  /// Each arithmetic error of `report` as its rule and place (the message names the sums,
  /// which change with any cell).
  static func errorKeys(_ report: Report) -> Set<String> {
    Set(arithmeticErrors(report).map { "\($0.rule) \($0.location)" })
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
