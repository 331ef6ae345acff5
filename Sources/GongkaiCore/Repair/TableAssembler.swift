/// Rebuilds a table from its cell stream: text cells since the last row are the next
/// row's label (matched against the template's labels), the values after it are its
/// cells, as many as the row has columns. Values without a recognisable label go to the
/// next row in form order, and each such decision is recorded.
struct TableAssembler {
  /// A row the assembler can fill: its key, official label and width.
  struct RowSpec {
    var key: String
    var label: String
    var width: Int
    /// Whether the row stands in for others some reports merge (the single （六） row):
    /// only its own label names it, never the order of the form.
    var standsIn = false
    /// The keys of the rows it stands in for (its numbered sub-rows).
    var replaces: [String] = []
  }

  let rows: [RowSpec]
  let matcher: LabelMatcher
  /// The widths the rows have (a blank row has as many empty cells as one of them).
  var widths: Set<Int> { Set(rows.map(\.width)) }
  /// Normalised labels of the table's columns (自然人, 商业企业, …, 其他, 总计): two of them side
  /// by side on a line are the header's cells, even where the last is also a row's label
  /// (其他 and 3.其他).
  var columnLabels: Set<String> = []
  /// Normalised labels of subtotal rows the form does not have (a merged group cell such
  /// as （三）不予公开 given its own numbers, or 小计): their values are passed over.
  var subtotalLabels: Set<LabelKey> = []

  private struct OpenRow {
    var index: Int
    var cells: [CellText?] = []
    var origins: [AssembledTable.CellOrigin?] = []
    var pendingBlanks = 0
    /// Empty cells between the label and the first value: blank cells of the row, or what
    /// is left of a label cell merged over two columns. The form's width tells which.
    var leadingBlanks = 0
    /// Of the pending empty cells, those on the line of the row's last value: only these
    /// can be the row's trailing blank cells (a later line's empty cells belong to it).
    var trailingBlanks = 0
    /// The line of the row's last value.
    var trailingLine = -1
    var line: Int
    /// Whether a value came from running text (and may hold several cells).
    var severable = false
    /// How many values stand on the line of the row's first value, from it on (see
    /// ``TableAssembler/runs(_:)``).
    var lineValues = 0
    /// Whether text came after the row's last value on that value's line.
    var endsAtText = false
    /// The label cell on the line of the row's first value, when it ends in digits (its
    /// first value run into it), and those digits.
    var labelDigits: (label: String, digits: String)?

    /// An empty row with room for `width` cells.
    init(index: Int, width: Int, line: Int) {
      self.index = index
      self.line = line
      cells.reserveCapacity(width)
      origins.reserveCapacity(width)
    }
  }

  /// Rebuilds the rows of `tokens`.
  func assemble(_ tokens: [CellToken], repairs: inout [Repair]) -> AssembledTable {
    var state = Assembly(assembler: self, extraColumn: extraColumn(in: tokens))
    if let extraColumn = state.extraColumn {
      state.deviations.append(
        "table has \(rows[0].width + 1) columns where the form has \(rows[0].width); the extra column \(extraColumn + 1) (a subtotal) was left out"
      )
      repairs.append(
        Repair(
          kind: "column_dropped",
          detail: "extra column \(extraColumn + 1) of \(rows[0].width + 1) (a subtotal) left out of every row",
          line: tokens.first?.line ?? 0))
    }
    (state.valuesAhead, state.valuesOnLine, state.severableRun) = Self.runs(tokens)
    state.tokens = tokens
    for (index, token) in tokens.enumerated() {
      state.index = index
      state.take(token, repairs: &repairs)
    }
    if state.current == nil { state.openBlankRow(repairs: &repairs) }
    state.close(repairs: &repairs)
    state.unsandwich(line: tokens.last?.line ?? 0, repairs: &repairs)
    state.settleStandIns(repairs: &repairs)
    if let first = state.ignored.first {
      repairs.append(
        Repair(
          kind: "values_ignored",
          detail:
            "\(state.ignored.count) value(s) after the last row of the table ignored: \(state.ignored.map(\.0).prefix(8).joined(separator: " "))",
          line: first.1))
      // More values than the form's rows hold, the surplus after its last row: that row's
      // values may be shifted (a number read as two, 90 as 9 and 0), so they are not trusted.
      // Not when the surplus is marks alone (`-`, no number) after text naming no row: a
      // heading the split missed with a seal's stroke at its end, no piece of a number.
      let last = rows.count - 1
      if state.previous == last, let row = state.found[last], row.unresolved == nil, first.1 >= row.line,
        state.ignoredNumber || !state.firstIgnoredAfterText,
        row.cells.contains(where: { $0 != nil })
      {
        state.leaveUnread(
          last,
          detail:
            "\(state.ignored.count) value(s) after \(rows[last].label), the table's last row: which values are the row's cannot be told",
          line: first.1, repairs: &repairs)
      }
    }
    var table = AssembledTable(
      rows: state.found.compactMap { $0 }, deviantRows: state.deviant,
      deviations: state.deviations, runs: state.runs)
    table.passedOver = state.passedOver
    table.unreadTextLines = state.unreadTextLines
    table.garbledRowLines = state.textWords.filter { line, words in
      !state.valueLines.contains(line) && words.count >= 3 && words[0].count >= 2
        && words.dropFirst().allSatisfy { $0.count == 1 }
    }.keys.sorted()
    return table
  }

  /// For each token: how many values follow from it (itself included) before the next
  /// label text, how many of those stand on its own line, and whether a value between the
  /// two label texts came from running text (where one run of digits may hold several
  /// cells, which the digit splitter decides).
  static func runs(_ tokens: [CellToken]) -> (ahead: [Int], onLine: [Int], severable: [Bool]) {
    var ahead = [Int](repeating: 0, count: tokens.count)
    var onLine = [Int](repeating: 0, count: tokens.count)
    var severable = [Bool](repeating: false, count: tokens.count)
    var index = tokens.count - 1
    while index >= 0 {
      let token = tokens[index]
      if case .text = token.content {
        index -= 1
        continue
      }
      let isValue: Bool
      if case .value = token.content { isValue = true } else { isValue = false }
      // The run goes on while the next token is a value or an empty cell.
      var continues = false
      if index + 1 < tokens.count {
        if case .text = tokens[index + 1].content {} else { continues = true }
      }
      ahead[index] = (isValue ? 1 : 0) + (continues ? ahead[index + 1] : 0)
      let sameLine = continues && tokens[index + 1].line == token.line
      onLine[index] = (isValue ? 1 : 0) + (sameLine ? onLine[index + 1] : 0)
      severable[index] = (isValue && token.mayHoldSeveral) || (continues && severable[index + 1])
      index -= 1
    }
    // Severable holds for the whole run: carry it forward from the run's first token too.
    var runSeverable = false
    for index in tokens.indices {
      if case .text = tokens[index].content {
        runSeverable = false
        continue
      }
      runSeverable = runSeverable || severable[index]
      severable[index] = runSeverable
    }
    return (ahead, onLine, severable)
  }

  /// The state of one table being rebuilt, token by token. (A struct with mutating
  /// methods rather than closures over local variables, which Swift would box.)
  private struct Assembly {
    let assembler: TableAssembler
    let extraColumn: Int?
    var segments: [(text: String, line: Int)] = []
    var previous = -1
    /// Rows already filled, by index (an array: these are looked up for every row).
    var taken: [Bool]
    /// Rows filled by order alone (values whose label was not recognised, put under the
    /// next row of the form): a label recognised later still claims its row, and the values
    /// put there by order are dropped, so no value stays in another row.
    var realigned: [Bool]
    var current: OpenRow?
    var found: [AssembledTable.Row?]
    var deviant: [String] = []
    var deviations: [String] = []
    var ignored: [(String, Int)] = []
    /// Lines of values passed over under text naming no row (``AssembledTable/passedOver``).
    var passedOver: [Int] = []
    /// Lines of label text holding marks the scan could not read (``AssembledTable/unreadTextLines``).
    var unreadTextLines: [Int] = []
    /// The words of each line's text cells, and the lines holding values
    /// (``AssembledTable/garbledRowLines``).
    var textWords: [Int: [Substring]] = [:]
    var valueLines: Set<Int> = []
    /// Whether text naming no row of the form stood before the first value ignored (a
    /// heading the split missed, with a seal's mark after it), and whether a number (not a
    /// placeholder) was among the values ignored.
    var firstIgnoredAfterText = false
    var ignoredNumber = false
    var skipping = 0
    var runs: [AssembledTable.DigitRun] = []
    /// Empty cells since the last label text, before the row's first value: blank cells
    /// of the row that label opens.
    var labelBlanks = 0
    /// The line of the first of those empty cells.
    var labelBlankLine = 0
    /// Values ahead of each token, on its line, and whether its run may hold several
    /// cells (see ``TableAssembler/runs(_:)``); the token being taken.
    var valuesAhead: [Int] = []
    var valuesOnLine: [Int] = []
    var severableRun: [Bool] = []
    var index = 0
    /// The row last filled to its width, and the line of its last value.
    var lastFull: (index: Int, line: Int)?
    /// The row last opened, when only a likeness named it and its label stood on a line
    /// above its values (a scan's merged label cell): the values of another row may be its.
    var guessedAbove: Int?
    /// The row last placed by order under a label unlike its own (a garbled label cell):
    /// kept only when the next row opened is the one after it, named by its own label, so
    /// that it is the only row of the form the values can be.
    var sandwiched: Int?
    /// All the tokens (to name values passed over).
    var tokens: [CellToken] = []
    /// The line of the last empty first field (a label cell read as nothing, or a label
    /// column merged from the row above).
    var emptyLabelLine = -1

    /// The raw text of the first `count` values from the token being taken on.
    func valuesFromHere(_ count: Int) -> String {
      var raws: [String] = []
      for token in tokens[min(index, tokens.count)...] where raws.count < count {
        if case .value(let value) = token.content { raws.append(value.raw) }
      }
      return raws.joined(separator: " ")
    }

    init(assembler: TableAssembler, extraColumn: Int?) {
      self.assembler = assembler
      self.extraColumn = extraColumn
      taken = Array(repeating: false, count: assembler.rows.count)
      realigned = Array(repeating: false, count: assembler.rows.count)
      found = Array(repeating: nil, count: assembler.rows.count)
    }

    private var rows: [RowSpec] { assembler.rows }

    mutating func take(_ token: CellToken, repairs: inout [Repair]) {
      switch token.content {
      case .text(let text):
        textWords[token.line, default: []] += text.split(separator: " ")
        if takesLabelGlyphs(text, line: token.line, repairs: &repairs) { return }
        if takesGarbledValueCell(text, token: token, repairs: &repairs) { return }
        if current == nil { openBlankRow(repairs: &repairs) }
        if let row = current, !row.cells.isEmpty, token.line == row.trailingLine { current?.endsAtText = true }
        close(repairs: &repairs)
        lastFull = nil
        skipping = 0
        labelBlanks = 0
        segments.append((text, token.line))
      case .blank:
        // A leading tab is the label column merged from the row above, never a value cell.
        if token.field == 0 {
          emptyLabelLine = token.line
          return
        }
        if let row = current, !row.cells.isEmpty {
          current?.pendingBlanks += 1
          if token.line == row.trailingLine { current?.trailingBlanks += 1 }
        } else if current != nil {
          // A row opened with no value yet (its label cell's digits passed over): a blank
          // cell before its first value.
          current?.leadingBlanks += 1
        } else if current == nil, !segments.isEmpty {
          if labelBlanks == 0 { labelBlankLine = token.line }
          labelBlanks += 1
        }
      case .value(let value):
        valueLines.insert(token.line)
        if skipping > 0 {
          skipping -= 1
          return
        }
        if current == nil, segments.isEmpty, let full = lastFull, token.line == full.line, !hasSeveralInRun {
          // More values on the line than the row it fills has columns.
          let count = rows[full.index].width + (extraColumn == nil ? 0 : 1) + valuesOnLine[index]
          unresolve(full.index, values: count, line: token.line, repairs: &repairs)
          skipping = valuesOnLine[index] - 1
          return
        }
        if current == nil, passesOverValueInLabel(token, repairs: &repairs) { return }
        if current == nil {
          let afterText = !segments.isEmpty
          guard let row = open(line: token.line, repairs: &repairs) else {
            // Values passed over after a row placed by order: they may be its own (a number
            // wrapped below its row), so it is not the only row they can be.
            unsandwich(line: token.line, repairs: &repairs)
            if skipping > 0 {
              skipping -= 1
              return
            }
            if ignored.isEmpty { firstIgnoredAfterText = afterText }
            if case .number = value { ignoredNumber = true }
            ignored.append((value.raw, token.line))
            return
          }
          current = row
          current?.leadingBlanks = labelBlanks
          labelBlanks = 0
          previous = row.index
          taken[row.index] = true
          if passesOverLabelCellDigits(token, row: row.index, repairs: &repairs) { return }
        }
        guard var row = current else { return }
        current = nil
        let width = rows[row.index].width + (extraColumn == nil ? 0 : 1)
        // Empty fields are blank cells only when the row's values do not fill it already.
        while row.pendingBlanks > 0, row.cells.count < width - 1, row.lineValues < width {
          row.cells.append(.blankCell)
          row.origins.append(nil)
          row.pendingBlanks -= 1
        }
        row.pendingBlanks = 0
        row.cells.append(value)
        row.origins.append(token.position)
        row.severable = row.severable || token.mayHoldSeveral
        row.trailingLine = token.line
        row.trailingBlanks = 0
        current = row
        if row.cells.count >= width {
          close(repairs: &repairs)
          lastFull = (row.index, token.line)
        }
      }
    }

    mutating func close(repairs: inout [Repair]) {
      guard var row = current else { return }
      current = nil
      if let extraColumn, extraColumn < row.cells.count {
        row.cells.remove(at: extraColumn)
        row.origins.remove(at: extraColumn)
      }
      let width = rows[row.index].width
      if row.severable,
        let run = AssembledTable.DigitRun(cells: row.cells, row: rows[row.index].key, width: width, line: row.line)
      {
        runs.append(run)
        row.cells = []
        row.origins = []
      } else if let run = labelDigitRun(row, width: width) {
        // A row one value short on one line after a label ending in digits: the digits
        // may be its first value, run into the label; the form's checks decide.
        runs.append(run)
        row.cells = []
        row.origins = []
      } else {
        // A row short of values takes its leading empty cells as blank cells first (a
        // label merged over two columns leaves one more empty cell than the row is short).
        let leading = min(row.leadingBlanks, max(0, width - row.cells.count))
        if leading > 0 {
          row.cells.insert(contentsOf: repeatElement(.blankCell, count: leading), at: 0)
          row.origins.insert(contentsOf: repeatElement(nil, count: leading), at: 0)
        }
        // Empty cells after the row's last value are blank cells of the grid.
        let blanks = min(row.trailingBlanks, max(0, width - row.cells.count))
        if blanks > 0 {
          row.cells += repeatElement(.blankCell, count: blanks)
          row.origins += repeatElement(nil, count: blanks)
        }
      }
      // A grid row on one line short of the form's cells with a blank among them: cells were
      // lost (a column rule missed, two numbers in one cell read as nothing), and a blank says
      // no more than a lost cell where they were, so no value is placed by its position.
      if row.cells.count < width, row.line == row.trailingLine, width >= 3,
        row.cells.contains(where: { $0 == .blankCell }), row.cells.contains(where: { $0 != .blankCell })
      {
        leaveUnread(
          row.index,
          detail:
            "\(row.cells.count) cells, some blank, on one line where the form's row \(rows[row.index].label) has \(width): which value is which column cannot be told",
          line: row.line, repairs: &repairs)
        return
      }
      if row.cells.count < width {
        row.cells += Array(repeating: nil, count: width - row.cells.count)
        row.origins += Array(repeating: nil, count: width - row.origins.count)
      }
      found[row.index] = AssembledTable.Row(
        key: rows[row.index].key, cells: row.cells, line: row.line, origins: row.origins,
        endsAtText: row.endsAtText)
    }

    /// The run that puts the digits row's label ends in before its values, when the row is
    /// exactly one count short on one line with no empty cell: nil otherwise.
    func labelDigitRun(_ row: OpenRow, width: Int) -> AssembledTable.DigitRun? {
      guard let (label, digits) = row.labelDigits, row.cells.count == width - 1, row.line == row.trailingLine,
        row.leadingBlanks == 0, row.trailingBlanks == 0
      else { return nil }
      var pieces = [digits]
      for cell in row.cells {
        guard case .number(let number, nil, let raw)? = cell, number.integerValue != nil,
          raw.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        pieces.append(raw)
      }
      return AssembledTable.DigitRun(
        pieces: pieces, unit: nil,
        cells: (0..<width).map { AssembledTable.DigitRun.Position(row: rows[row.index].key, column: $0) },
        line: row.line, label: label)
    }

    /// A scan's label character read as a digit (申 as 3: `一、本年新收政府信息公开 | 3 请数量 |
    /// 11 5 3 …`): the open row took the digit as its first value, then its label goes on,
    /// and a full row of values follows on the same line. The digit was the label's; the
    /// values after it are the row's. Only where the text names no row of the form itself and
    /// the values after it are exactly the row's width; the digit is passed over with a repair.
    mutating func takesLabelGlyphs(_ text: String, line: Int, repairs: inout [Repair]) -> Bool {
      guard let row = current, (1...2).contains(row.cells.count), row.line == line,
        row.origins.allSatisfy({ $0?.line == line }), index + 1 < tokens.count,
        case .value = tokens[index + 1].content, tokens[index + 1].line == line
      else { return false }
      let width = rows[row.index].width + (extraColumn == nil ? 0 : 1)
      guard valuesOnLine[index + 1] >= 3, !severableRun[index + 1] else { return false }
      let key = LabelText.key(text)
      if assembler.matcher.match(count: 1, key: { _ in key }, after: previous, isTaken: { [taken] in taken[$0] }) != nil
      {
        return false
      }
      guard valuesOnLine[index + 1] == width else {
        // Not a full row after it: the digit may be the label's or the row's, and which of
        // the values after it are the row's cannot be told. The row is unread.
        current = nil
        unresolve(row.index, values: row.cells.count + valuesOnLine[index + 1], line: line, repairs: &repairs)
        return false
      }
      let glyphs = row.cells.compactMap { $0?.raw }.joined(separator: " ")
      if rows[row.index].standsIn, numbersSubRow(glyphs, text: text, over: row.index, line: line, repairs: &repairs) {
        return true
      }
      repairs.append(
        Repair(
          kind: "values_ignored",
          detail:
            "\(glyphs) inside the label of \(rows[row.index].label) (before \"\(text.prefix(20))\", a full row of values after it) passed over: read from the label's characters",
          line: line))
      current?.cells = []
      current?.origins = []
      current?.pendingBlanks = 0
      current?.severable = false
      current?.lineValues = width
      return true
    }

    /// A number in the label's own field, after its text, on a line whose later fields are
    /// exactly the row's cells (values and blanks, no text): `（六）其他处理 7 | 6 | 1 | 0 …`.
    /// Every cell of the row has its field, so the number is ink in the label's cell (a
    /// seal's ring read as 7 or 1, a stroke of the label), not a value: taken as the row's
    /// first value it moved every value one column on. It is passed over with a repair.
    /// `false`: the value is no such number.
    mutating func passesOverLabelCellDigits(_ token: CellToken, row rowIndex: Int, repairs: inout [Repair]) -> Bool {
      guard let field = token.field, index > 0, case .value(let value) = token.content,
        case .text(let label) = tokens[index - 1].content, tokens[index - 1].line == token.line,
        tokens[index - 1].field == field
      else { return false }
      var fields: Set<Int> = []
      var valuesAfter = 0
      for later in tokens[(index + 1)...] {
        guard later.line == token.line else { break }
        guard let laterField = later.field, laterField > field else { return false }
        switch later.content {
        case .text: return false
        case .value: valuesAfter += 1
        case .blank: break
        }
        fields.insert(laterField)
      }
      let width = rows[rowIndex].width + (extraColumn == nil ? 0 : 1)
      guard fields.count == width, valuesAfter > 0 else { return false }
      repairs.append(
        Repair(
          kind: "values_ignored",
          detail:
            "\(value.raw) in the label cell of \(rows[rowIndex].label) (\"\(label.suffix(12))\", a cell for each of the row's \(width) columns after it) passed over: ink in the label's cell, not a value",
          line: token.line))
      current?.lineValues = valuesAfter
      return true
    }

    /// A lone value between label texts on one line, the text after it a later line of a
    /// wrapped label (no row's start): ink in a label or group cell (a character of
    /// （六）其他处理 read as 0 beside 费通知要求缴纳费), not the row's first value. Opening the
    /// row there gave it that one value and left its own values to no row. It is passed over
    /// with a repair, and the label text goes on. `false`: the value is no such number.
    mutating func passesOverValueInLabel(_ token: CellToken, repairs: inout [Repair]) -> Bool {
      guard !segments.isEmpty, index < valuesAhead.count, valuesAhead[index] == 1, index + 1 < tokens.count,
        tokens[index + 1].line == token.line, case .text(let next) = tokens[index + 1].content,
        case .value(let value) = token.content,
        assembler.matcher.continuesLabel(LabelText.key(next))
      else { return false }
      repairs.append(
        Repair(
          kind: "values_ignored",
          detail:
            "\(value.raw) between label texts (before \"\(next.prefix(12))\", a later line of a wrapped label) passed over: ink in a label's cell, not a value",
          line: token.line))
      return true
    }

    /// Text among a row's values on a line with tabs (the fields of a scan's grid or stream
    /// row): a cell whose number read in part as text (−4 as 一4 beside a wide 144 read as
    /// 1 4 4, all in one field, and 783 in the next). By order the row would take the first
    /// values as its columns and the text would open a row of its own whose values are
    /// passed over: wrong numbers without a finding. Text in the field of the row's last value,
    /// naming no row of the form, with values after it on the line or a digit in it, says the
    /// line holds more pieces than the row has columns or a cell read apart: which value is
    /// which column cannot be told. The row is unread (null with a finding) and the line's
    /// later values are passed over. `false`: the text is no such piece. (Text in a field of
    /// its own may be the next row's label, numbered: 11.信访举报投诉类申请 after a row's values
    /// run into its label cell.)
    mutating func takesGarbledValueCell(_ text: String, token: CellToken, repairs: inout [Repair]) -> Bool {
      guard let field = token.field else { return false }
      let rowIndex: Int
      let placed: Int
      let lastOrigin: AssembledTable.CellOrigin?
      if let row = current, !row.cells.isEmpty, row.trailingLine == token.line {
        (rowIndex, placed, lastOrigin) = (row.index, row.cells.count, row.origins.last ?? nil)
      } else if let full = lastFull, full.line == token.line, let row = found[full.index], row.unresolved == nil {
        (rowIndex, placed, lastOrigin) = (full.index, row.cells.count, row.origins.last ?? nil)
      } else {
        return false
      }
      guard let lastOrigin, lastOrigin.line == token.line, let lastField = lastOrigin.field else { return false }
      let inValueCell = lastField == field
      let hasDigit = text.unicodeScalars.contains { ("0"..."9").contains(LabelText.narrow($0)) }
      var following = 0
      for later in tokens[min(index + 1, tokens.count)...] {
        guard later.line == token.line else { break }
        if case .value = later.content { following += 1 }
      }
      guard inValueCell, following > 0 || hasDigit else { return false }
      let key = LabelText.key(text)
      if !key.isEmpty,
        assembler.matcher.match(count: 1, key: { _ in key }, after: previous, isTaken: { [taken] in taken[$0] }) != nil
      {
        return false
      }
      current = nil
      lastFull = nil
      let width = rows[rowIndex].width + (extraColumn == nil ? 0 : 1)
      leaveUnread(
        rowIndex,
        detail:
          "\(placed + following) values and text \"\(text.prefix(12))\" among them on one line where the form's row \(rows[rowIndex].label) has \(width) columns: which value belongs to which column cannot be told",
        line: token.line, repairs: &repairs)
      skipping = following
      return true
    }

    /// The digit `glyphs` the open row `group`, a row standing in for others (（六）其他处理),
    /// took before label `text` and a full row of values: the numbering of one of its sub-rows
    /// whose dot the scan lost (（六）其他处理 2 申请人逾期未按收费通知要求缴纳费). The values are
    /// that sub-row's when the text names it (``numberedSubRow(_:)``); when it names none
    /// surely, which row they are cannot be told and they are passed over. `false`: the digit
    /// numbers no open sub-row.
    mutating func numbersSubRow(
      _ glyphs: String, text: String, over group: Int, line: Int, repairs: inout [Repair]
    ) -> Bool {
      let digits = glyphs.unicodeScalars.map(LabelText.narrow)
      guard (1...2).contains(digits.count), digits.allSatisfy({ ("0"..."9").contains($0) }),
        let first = text.unicodeScalars.first(where: { !$0.properties.isWhitespace }),
        first.properties.isIdeographic
      else { return false }
      let numbered = [(text: String(String.UnicodeScalarView(digits)) + "." + text, line: line)]
      guard namesSubRow(numbered) else { return false }
      taken[group] = false
      guard let sub = numberedSubRow(numbered) else {
        let width = rows[group].width + (extraColumn == nil ? 0 : 1)
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "\(width) value(s) under \"\(glyphs) \(text.prefix(30))\" passed over: \(glyphs) numbers a row \(rows[group].label) stands in for, but the label names none surely: \(valuesFromHere(min(width, 8)))",
            line: line))
        current = nil
        skipping = width
        return true
      }
      assembler.record(sub, segments: [(glyphs + " " + text, line)], line: line, repairs: &repairs)
      var row = OpenRow(index: sub.index, width: rows[sub.index].width + 1, line: line)
      row.lineValues = rows[sub.index].width + (extraColumn == nil ? 0 : 1)
      current = row
      previous = sub.index
      taken[sub.index] = true
      return true
    }

    /// A row whose label is followed only by empty cells, as many as the row has columns
    /// (a row left blank in a drawn grid): its cells are blank, not missing. Only a label
    /// the matcher knows for certain opens one; a header's empty corner cells do not.
    mutating func openBlankRow(repairs: inout [Repair]) {
      defer { labelBlanks = 0 }
      guard labelBlanks > 0, !segments.isEmpty, assembler.widths.contains(labelBlanks) else { return }
      let texts = segments
      let key = { (index: Int) in LabelText.key(texts[index].text) }
      guard
        let match = assembler.matcher.knownMatch(
          count: texts.count, key: key, after: previous, isTaken: { [taken] in taken[$0] }
        ).0,
        match.kind == .exact || match.kind == .variant,
        labelBlanks == rows[match.index].width
      else { return }
      segments.removeAll(keepingCapacity: true)
      assembler.record(match, segments: texts, line: labelBlankLine, repairs: &repairs)
      previous = match.index
      taken[match.index] = true
      let width = rows[match.index].width
      found[match.index] = AssembledTable.Row(
        key: rows[match.index].key, cells: Array(repeating: .blankCell, count: width), line: labelBlankLine,
        origins: Array(repeating: nil, count: width))
    }

    mutating func open(line: Int, repairs: inout [Repair]) -> OpenRow? {
      defer { segments.removeAll(keepingCapacity: true) }
      // Keys are worked out only as the matcher asks for them: the last label or two
      // usually decide, and a table's header cells before its first row need none.
      let texts = segments
      var keys = [String?](repeating: nil, count: texts.count)
      func key(_ index: Int) -> String {
        if let known = keys[index] { return known }
        let computed = LabelText.key(texts[index].text)
        keys[index] = computed
        return computed
      }
      if let last = segments.last, assembler.subtotalLabels.contains(LabelKey(normalized: key(texts.count - 1))) {
        skipping = rows[0].width + (extraColumn == nil ? 0 : 1)
        deviations.append("an extra subtotal row \(last.text) that the form does not have was left out")
        repairs.append(
          Repair(kind: "row_dropped", detail: "subtotal row \(last.text) left out (not in the form)", line: last.line))
        return nil
      }
      let ahead = index < valuesAhead.count ? valuesAhead[index] : 0
      let onLine = index < valuesOnLine.count ? valuesOnLine[index] : 0
      let extra = extraColumn == nil ? 0 : 1
      if texts.count >= 2, texts[texts.count - 2].line == texts[texts.count - 1].line,
        assembler.columnLabels.contains(key(texts.count - 1)), assembler.columnLabels.contains(key(texts.count - 2)),
        rows.contains(where: { LabelText.key($0.label) == key(texts.count - 1) })
      {
        // Column headers side by side (…法律服务机构 | 其他 on the first row's line of a scan):
        // the last is no label of a row (其他 is also 3.其他's), and the values after them
        // are under no row of the form.
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "\(ahead) value(s) after the column headers \(texts[texts.count - 2].text) \(texts[texts.count - 1].text), no row of the form, passed over: \(valuesFromHere(min(ahead, 8)))",
            line: line))
        passedOver.append(line)
        skipping = ahead
        return nil
      }
      if let back = takenBack(count: texts.count, key: key), !contradicted(back, texts: texts) {
        return opened(back, segments: texts, lineValues: onLine, line: line, repairs: &repairs)
      }
      if var match = assembler.matcher.match(
        count: texts.count, key: key, after: previous, isTaken: { [taken, realigned] in taken[$0] && !realigned[$0] }),
        !contradicted(match, texts: texts)
      {
        if !texts.isEmpty, let others = namesOtherRows(match, ownKey: key(texts.count - 1)) {
          passOver(rows: [match.index] + others, texts: texts, ahead: ahead, line: line, repairs: &repairs)
          return nil
        }
        // Likeness of all the text since the last row can take a group cell interleaved
        // with the row's own label for the group's single-row form (also out of order,
        // where it is all there); the row's own label piece, the start or abbreviation
        // of exactly one later row, says which row it is.
        var byLikeness = match.index <= previous
        if case .similar = match.kind { byLikeness = true }
        // So can a group cell's whole label (（六）其他处理) in the cell before the row's own
        // label where the group's single-row form stands in for its sub-rows: the text holds
        // it exactly, but the row's own (abbreviated) label names a sub-row.
        if rows[match.index].standsIn { byLikeness = true }
        if byLikeness {
          let pieces = texts.suffix(2).flatMap { $0.text.split(separator: " ").map(String.init) }
          let closed = Set(rows.indices.filter { taken[$0] && !realigned[$0] })
          if let own = assembler.matcher.ownLabel(pieces: pieces, after: previous, taken: closed),
            own.index != match.index
          {
            match = own
          } else if rows[match.index].standsIn, let sub = numberedSubRow(texts) {
            match = sub
          } else if rows[match.index].standsIn, namesSubRow(texts) {
            // Likeness chose the group's single row, yet the text numbers one of its
            // sub-rows (他处理 2. 申请人请期未缴纳费用): which row the values are is unknown.
            repairs.append(
              Repair(
                kind: "values_ignored",
                detail:
                  "\(ahead) value(s) under \"\(texts.map(\.text).joined(separator: " ").prefix(40))\" passed over: likeness names \(rows[match.index].label), a row standing in for others, but the text numbers one of them: \(valuesFromHere(min(ahead, 8)))",
                line: line))
            skipping = ahead
            return nil
          }
        }
        return opened(match, segments: texts, lineValues: onLine, line: line, repairs: &repairs)
      }
      // A label cell of space-aligned text may hold a group label and the row's own label
      // (（六）其 1.申请人无正当理由逾期不补), or a group cell's piece stand glued before the
      // row's numbered label (年度办（二）部分公开): tried again as separate cells.
      if let last = texts.last, case let split = LabelText.pieces(last.text), split.count > 1 {
        let parts = texts.dropLast() + split.map { (text: $0, line: last.line) }
        if let match = assembler.matcher.match(
          count: parts.count, key: { LabelText.key(parts[$0].text) }, after: previous,
          isTaken: { [taken, realigned] in taken[$0] && !realigned[$0] }),
          !contradicted(match, texts: Array(parts))
        {
          return opened(match, segments: Array(parts), lineValues: onLine, line: line, repairs: &repairs)
        }
      }
      // A label wrapped over many lines whose first lines come before the values: its start
      // names the row (a row standing in for others is no guess then, nor is the order).
      let pieces = texts.flatMap { LabelText.pieces($0.text) }
      if let match = assembler.matcher.wrappedLabelStart(
        pieces: pieces, after: previous, isTaken: { [taken, realigned] in taken[$0] && !realigned[$0] })
      {
        return opened(match, segments: texts, lineValues: onLine, line: line, repairs: &repairs)
      }
      if let sub = numberedSubRow(texts) {
        return opened(sub, segments: texts, lineValues: onLine, line: line, repairs: &repairs)
      }
      let next = previous + 1
      guard next < rows.count, !taken[next] else { return nil }
      // Values under an unrecognised label never go to a row standing in for others by
      // order: its sub-rows follow it in the form, and which one the values are is unknown.
      if rows[next].standsIn {
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "\(ahead) value(s) under \"\(segments.map(\.text).joined(separator: " ").prefix(40))\" passed over: not put under \(rows[next].label) by order, a row standing in for the rows after it: \(valuesFromHere(min(ahead, 8)))",
            line: line))
        skipping = ahead
        return nil
      }
      // The label cell right before the values is a label of its own, naming a later row
      // (（（七七）总计）种 after a label-only line 3. 其他): the values are never the next
      // row's by order. Theirs is the one row it names, or none (unread, null with a finding).
      let isOpen = { [taken, realigned] (index: Int) in !(taken[index] && !realigned[index]) }
      if let last = texts.last, let named = assembler.laterRowsNamed(by: last.text, after: next, isOpen: isOpen) {
        // Its numbering decides which: a bare name may be a column's header (总计).
        if named.byOrdinal.count == 1, let index = named.byOrdinal.first, named.byName.isSubset(of: named.byOrdinal),
          ahead == rows[index].width + extra
        {
          let coverage = min(
            1,
            Double(assembler.matcher.canonicalKey(at: index).unicodeScalars.count)
              / Double(max(key(texts.count - 1).unicodeScalars.count, 1)))
          let match = LabelMatcher.Match(index: index, key: rows[index].key, kind: .similar(coverage: coverage))
          return opened(match, segments: texts, lineValues: onLine, line: line, repairs: &repairs)
        }
        let names = named.byOrdinal.union(named.byName).sorted().map { rows[$0].label }.joined(separator: ", ")
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "\(ahead) value(s) under \"\(last.text.prefix(40))\" passed over: the label names \(names), not \(rows[next].label), the next row of the form: \(valuesFromHere(min(ahead, 8)))",
            line: line))
        skipping = ahead
        return nil
      }
      // Values under no label the form knows go to the form's next row only when they are
      // exactly that row's values (a label lost or garbled); more or fewer, and which value
      // is which cell would be a guess.
      if ahead > rows[next].width + extra || (texts.isEmpty && ahead != rows[next].width + extra)
        || !assembler.resembles(texts.map(\.text), row: next)
      {
        // Before the table's first row the text is its header's; only a row whose own label
        // cell is empty (its values on one line after it, the header's text on lines above)
        // is then placed by order, and kept only when the label after it names the row after.
        let emptyLabelCell =
          emptyLabelLine == line && onLine == ahead && texts.allSatisfy { $0.line < line }
        if !texts.isEmpty, ahead == rows[next].width + extra, !hasSeveralInRun, guessedAbove == nil, sandwiched == nil,
          previous >= 0 ? !realigned[previous] : emptyLabelCell
        {
          // Exactly the next row's values under a garbled label after a row named by its
          // own: theirs if the label after them names the row after (checked in ``opened``),
          // unread otherwise. (Before the first row, a header's text could be anything: only
          // an empty label cell of the values' own line is taken for a lost label there.)
          repairs.append(
            Repair(
              kind: "row_realigned",
              detail: previous >= 0
                ? "label \"\(segments.map(\.text).joined(separator: " ").prefix(40))\" not recognised; values placed under \(rows[next].label), the only row between the rows named before and after them"
                : "values under an empty label cell after the table's header placed under \(rows[next].label), the form's first row, before the row named after them",
              line: line))
          realigned[next] = true
          sandwiched = next
          var row = OpenRow(index: next, width: rows[next].width + 1, line: line)
          row.lineValues = onLine
          return row
        }
        if texts.isEmpty, lastFull != nil, labelFollows(onLine: line) {
          // Values before a label on its own line stand left of the label column (a group
          // cell's glyph read as a digit: 理 as 19), never a number wrapped below a value
          // cell of the row above: passed over, the row above keeps its values.
          repairs.append(
            Repair(
              kind: "values_ignored",
              detail:
                "\(ahead) value(s) before the label on their line, after a full row, passed over (left of the label column): \(valuesFromHere(min(ahead, 8)))",
              line: line))
        } else if texts.isEmpty, let full = lastFull, !hasSeveralInRun {
          // Pieces after a full row (a number wrapped onto the next line): that row's
          // numbers are not known for sure either.
          unresolve(full.index, values: rows[full.index].width + extra + ahead, line: line, repairs: &repairs)
        } else {
          repairs.append(
            Repair(
              kind: "values_ignored",
              detail:
                "\(ahead) value(s) under \"\(segments.map(\.text).joined(separator: " ").prefix(40))\", no row of the form, passed over: \(valuesFromHere(min(ahead, 8)))",
              line: line))
          passedOver.append(line)
          if let guessed = guessedAbove, found[guessed] != nil, ahead == rows[guessed].width + extra {
            doubt(guessed, line: line, repairs: &repairs)
          }
        }
        skipping = ahead
        return nil
      }
      let seen = segments.map(\.text).joined(separator: " ")
      repairs.append(
        Repair(
          kind: "row_realigned",
          detail: seen.isEmpty
            ? "values without a label placed under \(rows[next].label), the next row of the form"
            : "label \"\(seen.prefix(40))\" not recognised; values placed under \(rows[next].label), the next row of the form",
          line: line))
      unsandwich(line: line, repairs: &repairs)
      realigned[next] = true
      guessedAbove = nil
      var row = OpenRow(index: next, width: rows[next].width + 1, line: line)
      row.lineValues = onLine
      return row
    }

    /// The open rows besides `match`'s that its own label cell (`ownKey`, the last text's
    /// normalised key) names in full, when there are any: a scan whose rule between two rows was lost reads both
    /// labels as one cell (行政许可其他对外管理服务事项), and which row the values after it are
    /// cannot be told. Rows standing in for others are left to their own checks (their
    /// sub-rows' labels stand beside theirs).
    func namesOtherRows(_ match: LabelMatcher.Match, ownKey: String) -> [Int]? {
      guard !rows[match.index].standsIn else { return nil }
      let others = assembler.matcher.otherRowsNamed(in: ownKey, besides: match.index).filter {
        !rows[$0].standsIn && !(taken[$0] && !realigned[$0])
      }
      return others.isEmpty ? nil : others
    }

    /// Rows `indices`, all named by one label cell, left unread: their cells null with a
    /// finding saying why, and the values up to the next label text passed over (none
    /// goes to a row by order either).
    mutating func passOver(
      rows indices: [Int], texts: [(text: String, line: Int)], ahead: Int, line: Int, repairs: inout [Repair]
    ) {
      let names = indices.sorted().map { rows[$0].label }.joined(separator: ", ")
      let seen = texts.last.map { String($0.text.prefix(40)) } ?? ""
      repairs.append(
        Repair(
          kind: "values_ignored",
          detail:
            "\(ahead) value(s) under \"\(seen)\" passed over: the cell names several rows (\(names)): \(valuesFromHere(min(ahead, 8)))",
          line: line))
      let detail = "one label cell names several rows (\(names)): which values are this row's cannot be told"
      for index in indices {
        markUnread(index, detail: detail, line: line)
        taken[index] = true
        realigned[index] = false
      }
      previous = max(previous, indices.max() ?? previous)
      guessedAbove = nil
      skipping = ahead
      unsandwich(line: line, repairs: &repairs)
    }

    /// The row placed by order under a garbled label (``sandwiched``), when the next row
    /// opened is not the one after it: left unread, its values being some other row's or none.
    mutating func unsandwich(line: Int, repairs: inout [Repair]) {
      guard let placed = sandwiched else { return }
      sandwiched = nil
      guard realigned[placed] else { return }
      let detail =
        "values put under \(rows[placed].label) by order, under a label unlike its own, are not followed by the next row's label: which row they are cannot be told"
      leaveUnread(placed, detail: detail, line: line, repairs: &repairs)
    }

    /// A row standing in for others (the single （六）其他处理 row) found beside any of the
    /// rows it stands in for is no row of this table: its values are a sub-row's whose label
    /// went unrecognised (a group cell's lines read into it), or a subtotal the form does
    /// not have. They are passed over, and each sub-row not found is left unread, its values
    /// perhaps those passed over: no value lands in another row.
    mutating func settleStandIns(repairs: inout [Repair]) {
      for index in rows.indices where rows[index].standsIn {
        guard let standIn = found[index] else { continue }
        let subRows = rows.indices.filter { rows[index].replaces.contains(rows[$0].key) }
        guard subRows.contains(where: { found[$0] != nil }) else { continue }
        found[index] = nil
        let values = standIn.cells.compactMap { $0?.raw }.joined(separator: " ")
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "values under \(rows[index].label), found beside the rows it stands in for, passed over: \(values)",
            line: standIn.line))
        for sub in subRows where found[sub] == nil {
          markUnread(
            sub,
            detail:
              "\(rows[sub].label) was not found beside the rows of its group; the values under \(rows[index].label) may be its",
            line: standIn.line)
        }
      }
    }

    /// Whether `match`, a likeness, is contradicted by the numbering the label text reads
    /// (see ``TableAssembler/contradictsNumbering(_:row:)``): the text is then taken as a
    /// label the form does not know, as when nothing matched.
    func contradicted(_ match: LabelMatcher.Match, texts: [(text: String, line: Int)]) -> Bool {
      guard case .similar = match.kind else { return false }
      return assembler.contradictsNumbering(texts.map(\.text), row: match.index)
    }

    /// The row `match` names, opened for its values after its label `segments`
    /// (`lineValues` of them on the first value's line).
    mutating func opened(
      _ match: LabelMatcher.Match, segments: [(text: String, line: Int)], lineValues: Int, line: Int,
      repairs: inout [Repair]
    ) -> OpenRow {
      if realigned[match.index] {
        realigned[match.index] = false
        let dropped = found[match.index]?.cells.compactMap { $0?.raw } ?? []
        repairs.append(
          Repair(
            kind: "values_ignored",
            detail:
              "\(dropped.count) value(s) put under \(rows[match.index].label) by order taken back: its own label comes later: \(dropped.prefix(8).joined(separator: " "))",
            line: found[match.index]?.line ?? line))
      }
      if let placed = sandwiched, match.index == placed + 1 || match.index == placed {
        sandwiched = nil
      }
      unsandwich(line: line, repairs: &repairs)
      for segment in segments where segment.text.contains(CellText.unread) && unreadTextLines.last != segment.line {
        unreadTextLines.append(segment.line)
      }
      assembler.record(match, segments: segments, line: line, repairs: &repairs)
      if match.kind == .deviant { deviant.append(match.key) }
      guessedAbove = nil
      if case .similar = match.kind, let labelLine = segments.last?.line, labelLine < line {
        guessedAbove = match.index
      }
      var row = OpenRow(index: match.index, width: rows[match.index].width + 1, line: line)
      row.lineValues = lineValues
      if let last = segments.last, last.line == line, let digits = LabelText.trailingDigits(last.text) {
        row.labelDigits = (last.text, digits)
      }
      return row
    }

    /// A row filled by order just before (its label not recognised: a header's noise read
    /// as a row) that `count` label segments (keys by `key`) name better than any later
    /// row: the label comes after the values put there by order, so likeness or the known
    /// spelling of the following rows, which starts after it, would otherwise take a
    /// row's values for the next row (计 一、本年新收… read as 二、上年结转…).
    func takenBack(count: Int, key: (Int) -> String) -> LabelMatcher.Match? {
      var anchor = previous
      while anchor >= 0, realigned[anchor] { anchor -= 1 }
      guard anchor < previous else { return nil }
      let last = previous
      guard
        let back = assembler.matcher.match(
          count: count, key: key, after: anchor,
          isTaken: { [realigned] in !($0 > anchor && $0 <= last && realigned[$0]) }),
        back.index > anchor, back.index <= last
      else { return nil }
      let forward = assembler.matcher.match(
        count: count, key: key, after: previous, isTaken: { [taken, realigned] in taken[$0] && !realigned[$0] })
      func strength(_ match: LabelMatcher.Match) -> Double {
        if case .similar(let coverage) = match.kind { return coverage }
        return 2
      }
      // A tie (政府信息公开申请数量 alone) keeps the form's order.
      if let forward, forward.index > last, strength(forward) >= strength(back) { return nil }
      return back
    }

    /// The rows some row stands in for (the （六） group's numbered sub-rows), by index.
    var subRowIndices: [Int] {
      let keys = Set(rows.flatMap(\.replaces))
      return rows.indices.filter { keys.contains(rows[$0].key) }
    }

    /// The label pieces of `texts`, a bare numbering (2.) joined to the piece after it when
    /// that piece has text: of a group cell's numbering and a row's side by side
    /// (（六） 1. 申请人…), the row's own is the one its text follows.
    static func numberedPieces(_ texts: [(text: String, line: Int)]) -> [String] {
      let pieces = texts.flatMap { LabelText.pieces($0.text) }
      var joined: [String] = []
      var index = 0
      while index < pieces.count {
        let piece = pieces[index]
        if LabelText.key(piece).isEmpty, !LabelText.numbering(piece).isEmpty, index + 1 < pieces.count,
          !LabelText.key(pieces[index + 1]).isEmpty
        {
          joined.append(piece + pieces[index + 1])
          index += 2
        } else {
          joined.append(piece)
          index += 1
        }
      }
      return joined
    }

    /// The one open sub-row of a row standing in for others that a piece of `texts`
    /// names by its numbering and at least 60% of the piece's character pairs (at least
    /// four characters after the number): 1. 申请人无正当理由让期不补正 beside the group
    /// cell's 息 （六）其, which no official spelling or likeness of all the text finds.
    func numberedSubRow(_ texts: [(text: String, line: Int)]) -> LabelMatcher.Match? {
      let open = subRowIndices.filter { $0 > previous && !(taken[$0] && !realigned[$0]) }
      guard !open.isEmpty else { return nil }
      for piece in Self.numberedPieces(texts).reversed() {
        let numbering = LabelText.numbering(piece)
        let key = LabelText.key(piece)
        guard !numbering.isEmpty, key.unicodeScalars.count >= 4 else { continue }
        let pairs = LabelText.bigrams(Array(key.unicodeScalars))
        let named = open.filter { index in
          guard LabelText.numbering(rows[index].label) == numbering else { return false }
          let wanted = Set(LabelText.bigrams(Array(assembler.matcher.canonicalKey(at: index).unicodeScalars)))
          return Double(pairs.filter(wanted.contains).count) >= 0.6 * Double(pairs.count)
        }
        guard named.count == 1, let index = named.first else { continue }
        let coverage =
          Double(pairs.count) / Double(max(1, assembler.matcher.canonicalKey(at: index).unicodeScalars.count))
        return LabelMatcher.Match(index: index, key: rows[index].key, kind: .similar(coverage: min(1, coverage)))
      }
      return nil
    }

    /// Whether a piece of `texts` starts with the numbering of an open sub-row (2. 申请人…)
    /// and has text after it.
    func namesSubRow(_ texts: [(text: String, line: Int)]) -> Bool {
      let numberings = Set(
        subRowIndices.filter { $0 > previous && !taken[$0] }.map { LabelText.numbering(rows[$0].label) })
      return Self.numberedPieces(texts).contains { piece in
        let numbering = LabelText.numbering(piece)
        return !numbering.isEmpty && numberings.contains(numbering) && LabelText.key(piece).unicodeScalars.count >= 2
          && ("0"..."9").contains(numbering.unicodeScalars.first ?? " ")
      }
    }

    /// The row at `index` got more values than the form gives it columns (a stray number,
    /// a number wrapped into two): which value is which cell cannot be told, so its cells
    /// are null with a finding saying why, and the extra values are passed over (none
    /// spills into the next row). They may be the next row's, its label unread (under a
    /// seal): the line counts as values passed over (``passedOver``).
    mutating func unresolve(_ index: Int, values: Int, line: Int, repairs: inout [Repair]) {
      let width = rows[index].width + (extraColumn == nil ? 0 : 1)
      let detail =
        "\(values) values where the form's row \(rows[index].label) has \(width); which value belongs to which column cannot be told"
      leaveUnread(index, detail: detail, line: line, repairs: &repairs)
      passedOver.append(line)
      lastFull = nil
    }

    /// The row at `index`, named only by a likeness on a line above its values, is followed by
    /// a row's worth of values under no label the form knows: which of the two the label
    /// names cannot be told, so its cells are null with a finding saying why.
    mutating func doubt(_ index: Int, line: Int, repairs: inout [Repair]) {
      let detail =
        "the label of \(rows[index].label), read only in part on the line above its values, may name the next row of values instead: which row is \(rows[index].label) cannot be told"
      leaveUnread(index, detail: detail, line: line, repairs: &repairs)
      guessedAbove = nil
    }

    /// Row `index` with every cell null and `detail` as the reason (its findings' message),
    /// recorded as values ignored.
    mutating func leaveUnread(_ index: Int, detail: String, line: Int, repairs: inout [Repair]) {
      repairs.append(Repair(kind: "values_ignored", detail: detail, line: line))
      markUnread(index, detail: detail, line: line)
    }

    /// Row `index` with every cell null and `detail` as the reason, no repair recorded.
    mutating func markUnread(_ index: Int, detail: String, line: Int) {
      found[index] = AssembledTable.Row(
        key: rows[index].key, cells: Array(repeating: nil, count: rows[index].width), line: line,
        origins: Array(repeating: nil, count: rows[index].width), unresolved: detail)
    }

    /// Whether the next label text after the token being taken stands on `line`.
    func labelFollows(onLine line: Int) -> Bool {
      for token in tokens[min(index, tokens.count)...] {
        guard token.line == line else { return false }
        if case .text = token.content { return true }
      }
      return false
    }

    /// Whether a value of the current run came from running text (one run of digits may
    /// hold several cells: the digit splitter decides, not the count).
    var hasSeveralInRun: Bool { index < severableRun.count && severableRun[index] }
  }

  /// The position of a column the table has beyond the form's, when most rows carry one
  /// value more than the form has columns (a subtotal such as 法人或其他组织小计): the
  /// position whose removal makes each row's last cell the sum of the others most often.
  func extraColumn(in tokens: [CellToken]) -> Int? {
    guard let width = rows.first?.width, width >= 3, rows.allSatisfy({ $0.width == width }) else { return nil }
    // A first pass counts the values in each run between labels; most tables have no
    // extra column, and this tells so without building the runs.
    var longRuns = 0
    var wideRuns = 0
    var length = 0
    func endRun() {
      if length >= width - 2 { longRuns += 1 }
      if length == width + 1 { wideRuns += 1 }
      length = 0
    }
    for token in tokens {
      switch token.content {
      case .text: endRun()
      case .blank: continue
      case .value: length += 1
      }
    }
    endRun()
    guard wideRuns >= 3, wideRuns * 2 > longRuns else { return nil }
    var runs: [[Int?]] = []
    var run: [Int?] = []
    for token in tokens {
      switch token.content {
      case .text:
        if !run.isEmpty { runs.append(run) }
        run = []
      case .blank: continue
      case .value(let value):
        if case .number(let number, _, _) = value { run.append(number.integerValue) } else { run.append(nil) }
      }
    }
    if !run.isEmpty { runs.append(run) }
    let long = runs.filter { $0.count >= width - 2 }
    let wide = long.filter { $0.count == width + 1 }
    guard wide.count >= 3, wide.count * 2 > long.count else { return nil }
    var best = (index: width - 1, score: -1)
    for candidate in 0...width {
      let score = wide.filter { values in
        var kept = values
        kept.remove(at: candidate)
        let numbers = kept.compactMap { $0 }
        guard numbers.count == kept.count, let total = numbers.last else { return false }
        return numbers.dropLast().reduce(0, +) == total
      }.count
      // Ties (all zeros) keep the column just before 总计, where the subtotal usually sits.
      if score > best.score || (score == best.score && candidate == width - 1) { best = (candidate, score) }
    }
    return best.index
  }

  /// Whether `texts`, which only a likeness gives row `index`, number another row in the
  /// row's own style and never the row's own numbering (（二）部分公开… given （六）其他处理
  /// for 其他 and 处理 in its wording): a numbering read is better evidence than a few
  /// character pairs. Rows without a numbering, and texts numbering nothing in the row's
  /// style (a group cell's 三、 before a sub-row's own (一)), never contradict.
  func contradictsNumbering(_ texts: [String], row index: Int) -> Bool {
    let own = rows[index].label
    let numbering = LabelText.numbering(own)
    guard !numbering.isEmpty, let style = NumberingStyle(own) else { return false }
    let numberings = texts.flatMap(LabelText.pieces).filter { NumberingStyle($0) == style }.map(LabelText.numbering)
      .filter { !$0.isEmpty }
    return !numberings.isEmpty && !numberings.contains(numbering)
  }

  /// How a label's numbering is written: bracketed （二）, digits 1. or 1、, or a Chinese
  /// numeral with 、 (三、).
  enum NumberingStyle: Equatable {
    case bracketed, digits, numeral

    /// The style of the numbering `text` starts with; nil when it starts with none.
    init?(_ text: String) {
      guard let first = text.unicodeScalars.first(where: { $0 != " " && $0 != "\t" }).map(LabelText.narrow) else {
        return nil
      }
      if first == "(" {
        self = .bracketed
      } else if ("0"..."9").contains(first) {
        self = .digits
      } else if LabelText.isChineseNumeral(first) {
        self = .numeral
      } else {
        return nil
      }
    }
  }

  /// The open rows after `next` that `text`, a label cell the matcher did not recognise,
  /// names as its own (by its numbering, by its name), or nil when it names none: a bracketed ordinal (（七）, also read
  /// doubled as （（七七）) numbering a later row so numbered, or the whole label of a later
  /// row that no other row's label holds (总计, not 其他 of 其他处理), unless the cell is
  /// like the next row's label too. A cell naming a later row is that row's label, never
  /// the next row's garbled one.
  func laterRowsNamed(by text: String, after next: Int, isOpen: (Int) -> Bool) -> (
    byOrdinal: Set<Int>, byName: Set<Int>
  )? {
    let later = rows.indices.filter { $0 > next && isOpen($0) && !rows[$0].standsIn }
    // A cell that also holds much of the next row's own label is that label with a
    // header's word glued on (总计、本年新收政府信), not another row's.
    guard !later.isEmpty, !resembles([text], row: next) else { return nil }
    var byOrdinal = Set<Int>()
    var byName = Set<Int>()
    for ordinal in Self.bracketedOrdinals(in: text) {
      for index in later
      where NumberingStyle(rows[index].label) == .bracketed && LabelText.numbering(rows[index].label) == ordinal {
        byOrdinal.insert(index)
      }
    }
    let key = LabelText.key(text)
    let nextKey = matcher.canonicalKey(at: next)
    for index in later {
      let canonical = matcher.canonicalKey(at: index)
      guard canonical.unicodeScalars.count >= 2, key.contains(canonical), !nextKey.contains(canonical) else {
        continue
      }
      // A name other rows' labels also hold (其他) names no row for sure.
      let shared = rows.indices.contains { $0 != index && matcher.canonicalKey(at: $0).contains(canonical) }
      if !shared { byName.insert(index) }
    }
    return byOrdinal.isEmpty && byName.isEmpty ? nil : (byOrdinal, byName)
  }

  /// The numerals of the bracketed ordinals in `text` (七 of （七）总计), a numeral read
  /// doubled taken once (（（七七）总计）种 → 七).
  static func bracketedOrdinals(in text: String) -> [String] {
    let scalars = text.unicodeScalars.map(LabelText.narrow)
    var result: [String] = []
    var index = 0
    while index < scalars.count {
      guard scalars[index] == "(" else {
        index += 1
        continue
      }
      var cursor = index + 1
      var numerals = String.UnicodeScalarView()
      while cursor < scalars.count, LabelText.isChineseNumeral(scalars[cursor]) {
        if numerals.last != scalars[cursor] { numerals.append(scalars[cursor]) }
        cursor += 1
      }
      if cursor < scalars.count, scalars[cursor] == ")", !numerals.isEmpty, numerals.count <= 3 {
        result.append(String(numerals))
      }
      index = cursor
    }
    return result
  }

  /// Whether `texts` (a label the matcher did not recognise) shares at least a third of
  /// the row's official label (its character pairs): a garbled or cut label of that row,
  /// not some other text. No text at all (a lost label) passes.
  func resembles(_ texts: [String], row index: Int) -> Bool {
    let joined = texts.map { LabelText.key($0) }.joined()
    guard !joined.isEmpty else { return true }
    let wanted = LabelText.bigrams(Array(matcher.canonicalKey(at: index).unicodeScalars))
    guard !wanted.isEmpty else { return true }
    let present = Set(LabelText.bigrams(Array(joined.unicodeScalars)))
    return Double(wanted.filter(present.contains).count) >= Double(wanted.count) / 3
  }

  /// Records a label that was not the official one.
  fileprivate func record(
    _ match: LabelMatcher.Match, segments: [(text: String, line: Int)], line: Int, repairs: inout [Repair]
  ) {
    let label = rows[match.index].label
    let seen = segments.last?.text ?? ""
    switch match.kind {
    case .exact: return
    case .variant, .deviant:
      repairs.append(Repair(kind: "label_variant", detail: "\(seen) → \(label)", line: segments.last?.line ?? line))
    case .similar(let coverage):
      let seenText = segments.suffix(2).map(\.text).joined(separator: " ")
      repairs.append(
        Repair(
          kind: "label_variant",
          detail: "\(seenText) → \(label) (\(Int((coverage * 100).rounded()))% alike)",
          line: segments.last?.line ?? line))
    }
  }
}
