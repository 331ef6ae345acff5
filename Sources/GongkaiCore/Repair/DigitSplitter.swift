/// Splits runs of digits that hold several cells (`640020470` for 64 0 0 2 0 4 70) by the
/// table's own arithmetic: the form's checks (Models/templates, `checks`) tie the cells
/// of a row and of a column together, and a split is kept only when the whole table can
/// satisfy every check with it. A backtracking search over the runs, the most
/// constrained first, prunes on partial sums (no count is negative, so a side of a check
/// already summed bounds the other) and on digit counts.
///
/// A run is filled when every consistent assignment of the table agrees on it; else its
/// cells stay null and the row says why (the run, how many splits fit).
struct DigitSplitter {
  /// The most digits one count may have; longer runs must hold several cells.
  static let maximumDigits = 12
  /// The search stops counting consistent tables after this many.
  static let solutionLimit = 256
  /// And gives up after this many steps (a run no check ties down can have many splits).
  static let stepLimit = 400_000

  /// A cell of a check: a run's cell to decide, or a known value.
  private enum Term {
    case variable(Int)
    case known(Int)
  }

  /// One instance of a check: sum(parts) == sum(totals) over variables, plus constants.
  private struct Equation {
    var parts: [Int] = []
    var totals: [Int] = []
    var partsConstant = 0
    var totalsConstant = 0
  }

  /// A run to split, with its variables (one per cell, in order).
  private struct RunInfo {
    var table: String
    var index: Int
    var pieces: [[UInt8]]
    var variables: [Int]
    var structuralCount: Int
  }

  private let grid: DigitGrid
  private var runs: [RunInfo] = []
  private var equations: [Equation] = []
  /// For each variable, the equations it is in and on which side (true: parts).
  private var membership: [[(equation: Int, isPart: Bool)]] = []

  /// Search state.
  private var values: [Int?] = []
  private var partSums: [Int] = []
  private var totalSums: [Int] = []
  private var openParts: [Int] = []
  private var openTotals: [Int] = []
  /// Each run's cells chosen so far, as packed (piece, start, end) offsets.
  private var current: [[Int]] = []
  private var seen: [Set<[Int]>] = []
  private var solutions = 0
  private var steps = 0
  /// The consistent tables found for the component being solved: each run's split, by run.
  private var found: [[Int: [Int]]] = []
  /// The runs of the component being solved, searched or set beforehand.
  private var recorded: [Int] = []
  /// Figures the narrative states.
  private var narrative: [NarrativeChecker.Statement] = []
  /// Slot → variable (-1: none), and each variable's run and cell.
  private var variableAt: [Int] = []
  private var cellOf: [(run: Int, cell: Int)] = []
  /// Known counts by slot.
  private var known: [Int?] = []
  /// Runs whose split only the narrative's figures decided.
  private var byNarrative = Set<Int>()

  private init(grid: DigitGrid) { self.grid = grid }

  /// Splits the runs of `tables` (by name: proactive, requests, appeals) in place,
  /// recording a `split_digits` repair for each run split.
  /// Where several splits satisfy the checks, the figures the narrative states
  /// (`narrative`) may leave one.
  static func resolve(
    _ tables: inout [String: AssembledTable], grid: DigitGrid,
    narrative: [NarrativeChecker.Statement] = [], repairs: inout [Repair]
  ) {
    guard tables.values.contains(where: { !$0.runs.isEmpty }) else { return }
    var splitter = DigitSplitter(grid: grid)
    splitter.narrative = narrative
    splitter.build(tables)
    splitter.solveAll(&tables, repairs: &repairs)
  }

  // MARK: - Building the equations

  private mutating func build(_ tables: [String: AssembledTable]) {
    variableAt = Array(repeating: -1, count: grid.slotCount)
    known = Array(repeating: nil, count: grid.slotCount)
    // Rows found empty (no value, no run): an optional one counts as nothing.
    var emptyRows: [[Bool]] = grid.rowKeys.map { Array(repeating: true, count: $0.count) }
    var variableCount = 0
    for (tableIndex, name) in DigitGrid.tableNames.enumerated() {
      guard let table = tables[name] else { continue }
      for row in table.rows {
        guard let rowIndex = grid.rowIndex[tableIndex][row.key] else { continue }
        let base = grid.rowBase[tableIndex][rowIndex]
        let width = grid.columnKeys[tableIndex][rowIndex].count
        if row.unresolved != nil || row.cells.contains(where: { $0 != nil }) { emptyRows[tableIndex][rowIndex] = false }
        for (column, cell) in row.cells.enumerated() where column < width {
          if case .number(let number, _, _)? = cell, let count = number.integerValue { known[base + column] = count }
        }
      }
      for (index, run) in table.runs.enumerated() {
        var variables: [Int] = []
        for (cell, position) in run.cells.enumerated() {
          if let rowIndex = grid.rowIndex[tableIndex][position.row] {
            variableAt[grid.rowBase[tableIndex][rowIndex] + position.column] = variableCount
            emptyRows[tableIndex][rowIndex] = false
          }
          cellOf.append((runs.count, cell))
          variables.append(variableCount)
          variableCount += 1
        }
        let pieces = run.pieces.map { Array($0.utf8) }
        runs.append(
          RunInfo(
            table: name, index: index, pieces: pieces, variables: variables,
            structuralCount: Self.countSplits(pieces, cells: variables.count)))
      }
    }
    membership = Array(repeating: [], count: variableCount)
    for planned in grid.equations {
      var equation = Equation()
      var usable = true
      for (slots, isPart) in [(planned.parts, true), (planned.totals, false)] {
        for slot in slots {
          let variable = variableAt[slot]
          if variable >= 0 {
            if isPart { equation.parts.append(variable) } else { equation.totals.append(variable) }
          } else if let value = known[slot] {
            if isPart { equation.partsConstant += value } else { equation.totalsConstant += value }
          } else {
            let (table, row) = grid.rowOfSlot[slot]
            if !(grid.isOptional[slot] && emptyRows[table][row]) { usable = false }
          }
          if !usable { break }
        }
        if !usable { break }
      }
      guard usable, !(equation.parts.isEmpty && equation.totals.isEmpty) else { continue }
      let index = equations.count
      equations.append(equation)
      for variable in equation.parts { membership[variable].append((index, true)) }
      for variable in equation.totals { membership[variable].append((index, false)) }
    }
  }

  // MARK: - Solving

  private mutating func solveAll(_ tables: inout [String: AssembledTable], repairs: inout [Repair]) {
    let variableCount = membership.count
    values = Array(repeating: nil, count: variableCount)
    partSums = equations.map(\.partsConstant)
    totalSums = equations.map(\.totalsConstant)
    openParts = equations.map(\.parts.count)
    openTotals = equations.map(\.totals.count)
    current = Array(repeating: [], count: runs.count)
    seen = Array(repeating: [], count: runs.count)
    // Runs tied by an equation are solved together; the others alone.
    var runOf = [Int](repeating: 0, count: variableCount)
    for (index, run) in runs.enumerated() { for variable in run.variables { runOf[variable] = index } }
    var parent = Array(runs.indices)
    func root(_ index: Int) -> Int {
      var index = index
      while parent[index] != index {
        parent[index] = parent[parent[index]]
        index = parent[index]
      }
      return index
    }
    for equation in equations {
      let involved = (equation.parts + equation.totals).map { runOf[$0] }
      for other in involved.dropFirst() { parent[root(other)] = root(involved[0]) }
    }
    var components: [Int: [Int]] = [:]
    for index in runs.indices { components[root(index), default: []].append(index) }
    for key in components.keys.sorted() {
      // The most constrained runs first: fewest splits, then most equations.
      let order = (components[key] ?? []).sorted {
        let left = runs[$0]
        let right = runs[$1]
        if left.structuralCount != right.structuralCount { return left.structuralCount < right.structuralCount }
        return left.variables.count > right.variables.count
      }
      // A run alone that no check and no narrative figure ties: its splits are only
      // counted (a table 二 row in most reports).
      if order.count == 1, let only = order.first, isFree(only) {
        apply(only, exhausted: true, free: true, tables: &tables, repairs: &repairs)
        continue
      }
      solutions = 0
      steps = 0
      found = []
      // Runs the digit count alone splits are set first; the search goes over the others.
      var consistent = true
      for index in order where runs[index].structuralCount == 1 {
        guard let packed = Self.firstSplitPacked(runs[index].pieces, cells: runs[index].variables.count) else {
          continue
        }
        current[index] = packed
        for (variable, cell) in zip(runs[index].variables, packed) where !assign(variable, value(of: cell, in: index)) {
          consistent = false
        }
      }
      recorded = order
      if consistent { search(order.filter { runs[$0].structuralCount != 1 }, 0) }
      let exhausted = solutions < Self.solutionLimit && steps < Self.stepLimit
      if exhausted, !narrative.isEmpty, order.contains(where: { seen[$0].count > 1 }) {
        narrow(order, tables: tables)
      }
      for index in order {
        apply(index, exhausted: exhausted, free: false, tables: &tables, repairs: &repairs)
      }
    }
  }

  /// Whether no equation and no figure of the narrative involves a cell of run `index`.
  private func isFree(_ index: Int) -> Bool {
    let variables = runs[index].variables
    guard variables.allSatisfy({ membership[$0].isEmpty }) else { return false }
    let own = Set(variables)
    for statement in narrative {
      for cells in statement.alternatives {
        for cell in cells {
          if let slot = grid.slot(table: cell.table, row: cell.row, column: cell.column), own.contains(variableAt[slot])
          {
            return false
          }
        }
      }
    }
    return true
  }

  /// Keeps, of the consistent tables found, those the narrative's figures agree with,
  /// when there are some: a run they all split alike is decided by them.
  private mutating func narrow(_ order: [Int], tables: [String: AssembledTable]) {
    let agreeing = found.filter { splits in
      narrative.allSatisfy { statement in
        var sums: [Int] = []
        for cells in statement.alternatives {
          var sum = 0
          var isKnown = true
          for cell in cells {
            guard let slot = grid.slot(table: cell.table, row: cell.row, column: cell.column) else {
              isKnown = false
              break
            }
            let variable = variableAt[slot]
            if variable >= 0 {
              let (run, index) = cellOf[variable]
              guard let packed = splits[run]?[safe: index], let value = value(of: packed, in: run) else {
                isKnown = false
                break
              }
              sum += value
            } else if let value = known[slot] {
              sum += value
            } else {
              isKnown = false
              break
            }
          }
          if isKnown { sums.append(sum) }
        }
        return sums.isEmpty || sums.contains(statement.figure)
      }
    }
    guard !agreeing.isEmpty, agreeing.count < found.count else { return }
    for index in order where seen[index].count > 1 {
      let splits = Set(agreeing.compactMap { $0[index] })
      if splits.count == 1 {
        seen[index] = splits
        byNarrative.insert(index)
      }
    }
  }

  /// Depth-first over the runs of `order`, from `position`.
  private mutating func search(_ order: [Int], _ position: Int) {
    guard solutions < Self.solutionLimit, steps < Self.stepLimit else { return }
    guard position < order.count else {
      solutions += 1
      var splits: [Int: [Int]] = [:]
      for index in recorded {
        seen[index].insert(current[index])
        splits[index] = current[index]
      }
      found.append(splits)
      return
    }
    let run = order[position]
    cut(run, piece: 0, offset: 0, cell: 0, order: order, position: position)
  }

  /// Chooses the next cell of run `run`: a prefix of what is left of piece `piece` from `offset`.
  private mutating func cut(_ run: Int, piece: Int, offset: Int, cell: Int, order: [Int], position: Int) {
    let info = runs[run]
    let cells = info.variables.count
    if piece == info.pieces.count {
      if cell == cells { search(order, position + 1) }
      return
    }
    steps += 1
    guard steps < Self.stepLimit, solutions < Self.solutionLimit else { return }
    let bytes = info.pieces[piece]
    let rest = bytes.count - offset
    let piecesAfter = info.pieces.count - piece - 1
    let cellsLeftAfterThis = cells - cell - 1
    guard cellsLeftAfterThis >= piecesAfter else { return }
    let point = bytes[offset...].firstIndex(of: 46)
    for length in 1...rest {
      let end = offset + length
      let wholePiece = end == bytes.count
      // Each later piece needs a cell; what is left of this one needs one more.
      if !wholePiece && cellsLeftAfterThis < piecesAfter + 1 { continue }
      if !wholePiece, let point, end > point - 1 { continue }  // a decimal keeps an integer digit and its fraction
      let text = bytes[offset..<end]
      let integerDigits = point.map { $0 < end ? $0 - offset : length } ?? length
      if integerDigits > Self.maximumDigits { break }
      if text.count > 1, text.first == 48, text.dropFirst().first != 46 { break }  // no leading zero
      // Digits left after this cell must fill the cells left, one each at least.
      let digitsAfter = rest - length + info.pieces[(piece + 1)...].reduce(0) { $0 + $1.count }
      if digitsAfter < cellsLeftAfterThis { break }
      let value: Int? = point.map { $0 < end } == true ? nil : Self.integer(text)
      let variable = info.variables[cell]
      guard assign(variable, value) else {
        unassign(variable, value)
        continue
      }
      current[run].append(Self.pack(piece: piece, start: offset, end: end))
      if wholePiece {
        cut(run, piece: piece + 1, offset: 0, cell: cell + 1, order: order, position: position)
      } else {
        cut(run, piece: piece, offset: end, cell: cell + 1, order: order, position: position)
      }
      current[run].removeLast()
      unassign(variable, value)
    }
  }

  /// Sets `variable` and checks the equations it is in; false when one cannot hold.
  private mutating func assign(_ variable: Int, _ value: Int?) -> Bool {
    values[variable] = value
    var consistent = true
    for (equation, isPart) in membership[variable] {
      // A cell in a check must be a count.
      guard let value else {
        consistent = false
        continue
      }
      if isPart {
        partSums[equation] += value
        openParts[equation] -= 1
      } else {
        totalSums[equation] += value
        openTotals[equation] -= 1
      }
      if openParts[equation] == 0 && openTotals[equation] == 0 {
        if partSums[equation] != totalSums[equation] { consistent = false }
      } else if openTotals[equation] == 0 {
        if partSums[equation] > totalSums[equation] { consistent = false }
      } else if openParts[equation] == 0 {
        if totalSums[equation] > partSums[equation] { consistent = false }
      }
    }
    return consistent
  }

  private mutating func unassign(_ variable: Int, _ value: Int?) {
    values[variable] = nil
    guard let value else { return }
    for (equation, isPart) in membership[variable] {
      if isPart {
        partSums[equation] -= value
        openParts[equation] += 1
      } else {
        totalSums[equation] -= value
        openTotals[equation] += 1
      }
    }
  }

  /// Writes run `index`'s cells when the search decided them, or the reason they stay null.
  private func apply(
    _ index: Int, exhausted: Bool, free: Bool, tables: inout [String: AssembledTable], repairs: inout [Repair]
  ) {
    let info = runs[index]
    // The table is changed in place in `tables` (a copy taken out would copy its rows).
    guard let run = tables[info.table]?.runs[info.index], let rowKeys = tables[info.table]?.rows.map(\.key)
    else { return }
    let shown = run.pieces.joined(separator: " ")
    var chosen: [String]?
    var reason: String?
    let found = seen[index]
    if run.label != nil {
      // The label's digits are a value only when the checks say so: the row then adds up
      // with them in its first cell, and nothing else in the table contradicts that.
      if !free, exhausted, found.count == 1, let only = found.first {
        chosen = only.map { text(of: $0, in: index) }
      } else {
        reason =
          "the row gives \(run.cells.count - 1) values after a label ending in \(run.pieces.first ?? ""), and the form's checks do not confirm that digit(s) as its first cell"
      }
    } else if free {
      if info.structuralCount == 1 {
        chosen = Self.firstSplit(info.pieces, cells: run.cells.count)
      } else {
        let count = info.structuralCount >= 1000 ? "at least 1000" : "\(info.structuralCount)"
        reason =
          info.structuralCount == 0
          ? "the digits \(shown) cannot be \(run.cells.count) cells"
          : "the digits \(shown) stand with no separator and no check of the form ties these \(run.cells.count) cells: \(count) splits are possible"
      }
    } else if found.count == 1, exhausted || info.structuralCount == 1, let only = found.first {
      chosen = only.map { text(of: $0, in: index) }
    } else if found.isEmpty, info.structuralCount == 1, let only = Self.firstSplit(info.pieces, cells: run.cells.count)
    {
      // The checks fail whatever the split, but the digit count allows only this one:
      // the report's arithmetic is off, which the validator reports.
      chosen = only
    } else if found.isEmpty {
      reason =
        info.structuralCount == 0
        ? "the digits \(shown) cannot be \(run.cells.count) cells"
        : "no split of the digits \(shown) into \(run.cells.count) cells satisfies the form's checks (\(info.structuralCount) split(s) possible)"
    } else {
      let count = exhausted ? "\(found.count)" : "more than \(found.count - 1)"
      let checked = info.variables.contains { !membership[$0].isEmpty }
      reason =
        checked
        ? "the digits \(shown) stand with no separator and \(count) splits into \(run.cells.count) cells fit the form's checks"
        : "the digits \(shown) stand with no separator and no check of the form ties these \(run.cells.count) cells: \(count) splits are possible"
    }
    if let chosen {
      for (position, text) in zip(run.cells, chosen) {
        guard let rowIndex = rowKeys.firstIndex(of: position.row) else { continue }
        let isLast = position == run.cells.last
        let unit = isLast ? run.unit : nil
        let number = ExactDecimal(text) ?? ExactDecimal(significand: 0)
        let count = tables[info.table]?.rows[rowIndex].cells.count ?? 0
        if count <= position.column {
          tables[info.table]?.rows[rowIndex].cells += Array(repeating: nil, count: position.column + 1 - count)
        }
        tables[info.table]?.rows[rowIndex].cells[position.column] =
          .number(number, unit: unit, raw: unit.map { text + $0 } ?? text)
        // The cell's origin is where its run of digits stands (the run's line).
        let origins = tables[info.table]?.rows[rowIndex].origins.count ?? 0
        if origins <= position.column {
          tables[info.table]?.rows[rowIndex].origins += Array(repeating: nil, count: position.column + 1 - origins)
        }
        tables[info.table]?.rows[rowIndex].origins[position.column] = AssembledTable.CellOrigin(
          line: run.line, field: nil)
      }
      if let label = run.label {
        repairs.append(
          Repair(
            kind: "split_digits",
            detail:
              "\(label) \(run.pieces.dropFirst().joined(separator: " ")) → \(chosen.joined(separator: " ")): the digits the label ends in are the row's first cell (the only reading that satisfies the form's checks)",
            line: run.line))
      } else if chosen.count > run.pieces.count {
        let why =
          info.structuralCount == 1
          ? "the only split into \(run.cells.count) cells"
          : byNarrative.contains(index)
            ? "the only split that satisfies the form's checks and the figures the narrative states"
            : "the only split that satisfies the form's checks"
        repairs.append(
          Repair(kind: "split_digits", detail: "\(shown) → \(chosen.joined(separator: " ")) (\(why))", line: run.line))
      }
    } else if let reason {
      for key in Set(run.cells.map(\.row)) {
        if let rowIndex = rowKeys.firstIndex(of: key) { tables[info.table]?.rows[rowIndex].unresolved = reason }
      }
    }
  }

  /// Three offsets in one integer: which piece, and where the cell starts and ends in it.
  static func pack(piece: Int, start: Int, end: Int) -> Int { piece << 32 | start << 16 | end }

  /// The text of a packed cell of run `run`.
  private func text(of packed: Int, in run: Int) -> String {
    let piece = runs[run].pieces[packed >> 32]
    return String(decoding: piece[(packed >> 16 & 0xFFFF)..<(packed & 0xFFFF)], as: UTF8.self)
  }

  /// The count a packed cell of run `run` holds, nil for a decimal.
  private func value(of packed: Int, in run: Int) -> Int? {
    let piece = runs[run].pieces[packed >> 32]
    let digits = piece[(packed >> 16 & 0xFFFF)..<(packed & 0xFFFF)]
    return digits.contains(46) ? nil : Self.integer(digits)
  }

  // MARK: - Splits without the checks

  /// The value of ASCII digits, nil when too long.
  private static func integer(_ digits: ArraySlice<UInt8>) -> Int? {
    guard digits.count <= maximumDigits else { return nil }
    return digits.reduce(0) { $0 * 10 + Int($1 - 48) }
  }

  /// Whether `text` can be one cell: no leading zero, not too long, a decimal point only
  /// with digits on both sides.
  private static func isCell(_ text: ArraySlice<UInt8>) -> Bool {
    guard let first = text.first else { return false }
    let point = text.firstIndex(of: 46)
    let integerDigits = point.map { $0 - text.startIndex } ?? text.count
    if integerDigits == 0 || integerDigits > maximumDigits { return false }
    if first == 48, integerDigits > 1 { return false }
    return true
  }

  /// How many splits of `pieces` into `cells` cells there are (each piece at least one
  /// cell), counting at most a thousand.
  static func countSplits(_ pieces: [[UInt8]], cells: Int) -> Int {
    guard cells > 0 else { return pieces.isEmpty ? 1 : 0 }
    // ways[c]: splits of the pieces so far into c cells.
    var ways = [Int](repeating: 0, count: cells + 1)
    ways[0] = 1
    var next = ways
    var ends: [Int] = []
    for piece in pieces {
      // ends[i * (cells + 1) + k]: ways to cut piece[..<i] into k cells.
      let stride = cells + 1
      ends.removeAll(keepingCapacity: true)
      ends.append(contentsOf: repeatElement(0, count: (piece.count + 1) * stride))
      ends[0] = 1
      let point = piece.firstIndex(of: 46)
      for start in 0..<piece.count {
        for k in 0..<cells where ends[start * stride + k] > 0 {
          for end in (start + 1)...piece.count {
            if let point, end < piece.count, end > point - 1 { continue }
            if !isCell(piece[start..<end]) { continue }
            ends[end * stride + k + 1] = min(1000, ends[end * stride + k + 1] + ends[start * stride + k])
          }
        }
      }
      for c in 0...cells { next[c] = 0 }
      for c in 0...cells where ways[c] > 0 {
        for k in 1...cells where c + k <= cells {
          let inPiece = ends[piece.count * stride + k]
          if inPiece > 0 { next[c + k] = min(1000, next[c + k] + ways[c] * inPiece) }
        }
      }
      swap(&ways, &next)
    }
    return ways[cells]
  }

  /// The first split of `pieces` into `cells` cells, checks aside.
  static func firstSplit(_ pieces: [[UInt8]], cells: Int) -> [String]? {
    firstSplitPacked(pieces, cells: cells)?.map { packed in
      String(decoding: pieces[packed >> 32][(packed >> 16 & 0xFFFF)..<(packed & 0xFFFF)], as: UTF8.self)
    }
  }

  /// The first split of `pieces` into `cells` cells, checks aside, as packed offsets.
  static func firstSplitPacked(_ pieces: [[UInt8]], cells: Int) -> [Int]? {
    var result: [Int] = []
    func walk(_ piece: Int, _ offset: Int) -> Bool {
      if piece == pieces.count { return result.count == cells }
      let bytes = pieces[piece]
      for end in (offset + 1)...bytes.count {
        let text = bytes[offset..<end]
        if let point = bytes.firstIndex(of: 46), end < bytes.count, end > point - 1 { continue }
        guard isCell(text) else { continue }
        result.append(pack(piece: piece, start: offset, end: end))
        if result.count <= cells, end == bytes.count ? walk(piece + 1, 0) : walk(piece, end) { return true }
        result.removeLast()
      }
      return false
    }
    return walk(0, 0) ? result : nil
  }
}

extension Array {
  /// The element at `index`, or nil when out of range.
  subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
