/// Finds tables drawn without lines: runs of lines split by wide gaps into aligned columns.
public struct AlignedTableFinder: Sendable {
  /// The fewest consecutive split lines that make a table.
  public var minimumRows = 2
  /// Lines further apart than this many font sizes end a table.
  public var maximumRowGap = 2.5

  /// Creates a finder.
  public init() {}

  /// Replaces runs of split lines in `blocks` with tables whose cells follow the columns
  /// the runs line up on; other blocks pass through unchanged. `rules`: the page's drawn
  /// horizontal rules outside ruled tables, which bound the rows of tables ruled across.
  public func apply(to blocks: [PageLayout.Block], rules: [RulingLine] = []) -> [PageLayout.Block] {
    var result: [PageLayout.Block] = []
    var run: [TextLine] = []
    func flush() {
      // Lone pieces of wrapped numbers belong to a table only between its rows, or just
      // above its first row (the upper piece of that row's number).
      var trailing: [TextLine] = []
      while let last = run.last, last.segments.count < 2 {
        trailing.insert(run.removeLast(), at: 0)
      }
      var leading = 0
      while leading < run.count, run[leading].segments.count < 2 { leading += 1 }
      if leading < run.count, leading > 0,
        run[leading].box.minY - run[leading - 1].box.maxY > 0.5 * run[leading].fontSize
      {
        result.append(contentsOf: run.prefix(leading).map { .line($0) })
        run.removeFirst(leading)
      }
      defer { result.append(contentsOf: trailing.map { .line($0) }) }
      if run.count >= minimumRows {
        result.append(.table(table(from: run, headsPage: result.isEmpty)))
      } else {
        result.append(contentsOf: run.map { .line($0) })
      }
      run.removeAll()
    }
    for block in Self.separatingGroupText(Self.joiningSplitNumberLines(Self.boundingRows(blocks, rules: rules))) {
      // A line holding only a number's digits is a piece of a number wrapped in a narrow
      // column (13 as 1 above the row's line and 3 below it): within a run it stays in
      // the table, where the rows take their pieces back.
      let isPiece: Bool = {
        guard case .line(let line) = block, line.segments.count == 1 else { return false }
        return Self.isNumberPiece(line.text)
      }()
      guard case .line(let line) = block, line.segments.count >= 2 || isPiece else {
        flush()
        result.append(block)
        continue
      }
      if let last = run.last, line.box.minY - last.box.maxY > maximumRowGap * last.fontSize {
        flush()
      }
      run.append(line)
    }
    flush()
    return result
  }

  /// A row's numbers set larger than its label and wrapped in narrow columns, on lines of
  /// their own: the upper pieces (`107   107`), the row's other numbers (`0 2 0 0 0`), the
  /// lower pieces (`6   8`), maybe with the rest of a group cell's label between them (公开),
  /// or beside both the middle and lower lines, left of every number (`（五）不  0 0 8 4 0`
  /// / `予处理  5  7`). Told by the columns and the centring: the first and last lines are
  /// digits in the same columns, the middle line numbers in none of those, the three
  /// touch, and the middle line sits halfway between the other two. They become one line
  /// of whole numbers (1076 0 2 0 0 0 1078) where the upper pieces were, the label's rest
  /// after it.
  static func joiningSplitNumberLines(_ blocks: [PageLayout.Block]) -> [PageLayout.Block] {
    func numberLine(_ block: PageLayout.Block, digitsOnly: Bool) -> TextLine? {
      guard case .line(let line) = block, !line.segments.isEmpty,
        line.segments.allSatisfy({ digitsOnly ? isNumberPiece($0.text) : isNumber($0.text) })
      else { return nil }
      return line
    }
    // A line's numbers and the group cell's text left of them (none when `leftOf` is nil):
    // text without digits, ending before `leftOf`, then numbers only.
    func numbers(_ block: PageLayout.Block, digitsOnly: Bool, textLeftOf: Double?) -> (
      text: [LineSegment], numbers: TextLine
    )? {
      guard case .line(let line) = block else { return nil }
      let text = line.segments.prefix { !isNumber($0.text) && !$0.text.contains(where: \.isWholeNumberDigit) }
      guard text.isEmpty || textLeftOf.map({ edge in text.allSatisfy { $0.box.maxX < edge } }) == true else {
        return nil
      }
      let rest = Array(line.segments.dropFirst(text.count))
      guard !rest.isEmpty, rest.allSatisfy({ digitsOnly ? isNumberPiece($0.text) : isNumber($0.text) }) else {
        return nil
      }
      let box = rest.dropFirst().reduce(rest[0].box) { $0.union($1.box) }
      return (
        Array(text),
        TextLine(text: rest.map(\.text).joined(separator: " "), box: box, fontSize: line.fontSize, segments: rest)
      )
    }
    func overlaps(_ a: LineSegment, _ b: LineSegment) -> Bool { a.box.horizontalOverlap(b.box) > 0 }
    var result: [PageLayout.Block] = []
    var index = 0
    while index < blocks.count {
      defer { index += 1 }
      guard let upper = numberLine(blocks[index], digitsOnly: true), index + 2 < blocks.count,
        let firstPiece = upper.segments.first
      else {
        result.append(blocks[index])
        continue
      }
      // The rest of a group cell's label may sit between the upper pieces and the numbers.
      var between: PageLayout.Block? = nil
      var middleIndex = index + 1
      if case .line(let text) = blocks[middleIndex], numberLine(blocks[middleIndex], digitsOnly: false) == nil,
        text.segments.count == 1, text.box.maxX < firstPiece.box.minX
      {
        between = blocks[middleIndex]
        middleIndex += 1
      }
      let size = upper.fontSize
      // With nothing between, the group cell's text may stand beside the middle and lower lines.
      let textEdge = between == nil ? firstPiece.box.minX : nil
      guard middleIndex + 1 < blocks.count,
        let (middleText, middle) = numbers(blocks[middleIndex], digitsOnly: false, textLeftOf: textEdge),
        let (lowerText, lower) = numbers(blocks[middleIndex + 1], digitsOnly: true, textLeftOf: textEdge),
        // A group cell's text wraps beside both lines; text beside the middle line alone is
        // the row's own label, whose numbers the other finders read.
        middleText.isEmpty == lowerText.isEmpty,
        lower.segments.count == upper.segments.count,
        zip(upper.segments, lower.segments).allSatisfy({ overlaps($0.0, $0.1) }),
        !middle.segments.contains(where: { piece in upper.segments.contains { overlaps($0, piece) } }),
        upper.box.minY < middle.box.minY, middle.box.minY < lower.box.minY,
        middle.box.minY - upper.box.maxY <= 0.5 * size, lower.box.minY - middle.box.maxY <= 0.5 * size,
        abs(upper.box.midY + lower.box.midY - 2 * middle.box.midY) <= 0.3 * size
      else {
        result.append(blocks[index])
        continue
      }
      var segments = middle.segments
      for (top, bottom) in zip(upper.segments, lower.segments) {
        segments.append(LineSegment(text: top.text + bottom.text, box: top.box.union(bottom.box)))
      }
      segments.sort { $0.box.minX < $1.box.minX }
      let box = upper.box.union(middle.box).union(lower.box)
      result.append(
        .line(
          TextLine(
            text: segments.map(\.text).joined(separator: " "), box: box, fontSize: middle.fontSize, segments: segments))
      )
      if let between { result.append(between) }
      let groupText = middleText + lowerText
      if let first = groupText.first {
        let groupBox = groupText.dropFirst().reduce(first.box) { $0.union($1.box) }
        let text = groupText.map(\.text).joined()
        result.append(
          .line(
            TextLine(
              text: text, box: groupBox, fontSize: middle.fontSize,
              segments: [LineSegment(text: text, box: groupBox)])))
      }
      index = middleIndex + 1
    }
    return result
  }

  /// A row's label on a line of its own (3.要求提供公开出版物) with its numbers on the line
  /// just under it, beside a group cell's label left of the row labels' column
  /// (`（五）不予处理  0 0 0 0 0 0 0`): read as one line, the numbers would be the group's.
  /// The group's text goes to a line of its own after the numbers, as where a group cell's
  /// rest stands between a row's lines.
  static func separatingGroupText(_ blocks: [PageLayout.Block]) -> [PageLayout.Block] {
    var result: [PageLayout.Block] = []
    var index = 0
    while index < blocks.count {
      defer { index += 1 }
      result.append(blocks[index])
      guard case .line(let label) = blocks[index], label.segments.count == 1,
        LayoutReconstructor.startsWithNumberedItem(label.text), index + 1 < blocks.count,
        case .line(let line) = blocks[index + 1], line.segments.count >= 3, let group = line.segments.first,
        Margins.startsWithEnumerator(group.text), !group.text.contains(where: \.isWholeNumberDigit),
        group.box.maxX < label.box.minX,
        line.segments.dropFirst().allSatisfy({ isNumber($0.text) }),
        line.box.minY - label.box.maxY <= 0.5 * label.fontSize, line.box.minY > label.box.minY
      else { continue }
      let numbers = Array(line.segments.dropFirst())
      let box = numbers.dropFirst().reduce(numbers[0].box) { $0.union($1.box) }
      result.append(
        .line(
          TextLine(
            text: numbers.map(\.text).joined(separator: " "), box: box, fontSize: line.fontSize, segments: numbers)))
      result.append(.line(TextLine(text: group.text, box: group.box, fontSize: line.fontSize, segments: [group])))
      index += 1
    }
    return result
  }

  /// One table from split lines: columns are the x ranges the segments of rows with
  /// numbers cover; other rows' text goes to the column it overlaps most.
  /// `headsPage`: the table is the first thing on its page, so a piece row it starts with
  /// may be the rest of a number the page break cut.
  func table(from lines: [TextLine], headsPage: Bool = false) -> Table {
    // Rows with a number lay out the columns; a header cell over several columns would
    // join them. Header text then goes to the column it overlaps most.
    let dataLines = lines.filter { $0.segments.contains { Self.isNumber($0.text) } }
    var columns = Self.overlapColumns((dataLines.isEmpty ? lines : dataLines).flatMap(\.segments).flatMap(\.cells))
    var grid: [[String]] = []
    var tops: [[Double]] = []
    for line in lines {
      var cells = [String](repeating: "", count: columns.count)
      var cellTops = [Double](repeating: .infinity, count: columns.count)
      for segment in line.segments.flatMap(\.cells) {
        let index = Self.column(of: segment.box, in: columns)
        cells[index] = cells[index].isEmpty ? segment.text : cells[index] + " " + segment.text
        cellTops[index] = min(cellTops[index], segment.box.minY)
      }
      grid.append(cells)
      tops.append(cellTops)
    }
    let fontSize = lines.map(\.fontSize).min() ?? 0
    let boxes: [PageRect]
    (grid, boxes) = Self.joiningCentredRows(grid, tops: tops, boxes: lines.map(\.box), fontSize: fontSize)
    (columns, grid) = Self.mergingDisjointColumns(columns, grid)
    var rows = zip(grid, boxes).map { cells, box in
      TableRow(
        cells: cells, box: box,
        cellBoxes: columns.map { PageRect(minX: $0.0, minY: box.minY, maxX: $0.1, maxY: box.maxY) })
    }
    rows = Self.joiningWrappedNumbers(rows, fontSize: fontSize, headsPage: headsPage)
    rows = Self.joiningNumbersUnderLabel(rows, fontSize: fontSize)
    let box = lines.dropFirst().reduce(lines[0].box) { $0.union($1.box) }
    let edges = columns.map(\.0) + (columns.last.map { [$0.1] } ?? [])
    return Table(rows: rows, box: box, columnEdges: edges, isRuled: false)
  }

  /// A row whose numbers wrapped onto two lines in some columns (1600 in a narrow column
  /// is 160 over 0) while its other cells, centred in the row, sit between the two pieces:
  /// the row's label and first pieces on one line, its other numbers on the next, the
  /// second pieces on that line too but lower (`tops`: each cell's top) or on a third line
  /// of their own. Told by the columns: the first line has numbers in some columns and
  /// none in the others, the next line numbers exactly in those others (and at most a
  /// label's rest before them), the second pieces digits in exactly the first line's
  /// number columns. The lines become one row, each number whole.
  static func joiningCentredRows(_ grid: [[String]], tops: [[Double]], boxes: [PageRect], fontSize: Double) -> (
    [[String]], [PageRect]
  ) {
    // Pieces: digits, maybe with thousands separators (1,02 over 7 is 1,027).
    func isDigits(_ text: String) -> Bool { isNumberPiece(text) }
    func numberColumns(_ row: [String]) -> Set<Int> { Set(row.indices.filter { isNumber(row[$0]) }) }
    var rows: [[String]] = []
    var rowBoxes: [PageRect] = []
    let labelColumns = Self.labelColumnCount(grid)
    var index = 0
    while index < grid.count {
      var row = grid[index]
      var box = boxes[index]
      defer {
        rows.append(row)
        rowBoxes.append(box)
      }
      guard index + 1 < grid.count else {
        index += 1
        continue
      }
      if let joined = joiningUpperPieces(
        row, grid[index + 1], tops: (tops[index], tops[index + 1]), boxes: (box, boxes[index + 1]),
        labelColumns: labelColumns, fontSize: fontSize)
      {
        row = joined
        box = box.union(boxes[index + 1])
        index += 2
        continue
      }
      let first = numberColumns(row)
      let next = grid[index + 1]
      let nextNumbers = numberColumns(next)
      let others = nextNumbers.subtracting(first)
      let start = first.union(nextNumbers).min() ?? 0
      // A first piece is no lone 0 (a count has no leading zero: 0 over 1 is two numbers).
      guard !first.isEmpty, !others.isEmpty, first.allSatisfy({ isDigits(row[$0]) && !row[$0].hasPrefix("0") }),
        row.prefix(start).contains(where: { !$0.isEmpty }),
        next.indices.allSatisfy({ $0 < start || nextNumbers.contains($0) || next[$0].isEmpty }),
        boxes[index + 1].minY - box.maxY <= 0.5 * fontSize
      else {
        index += 1
        continue
      }
      var pieces: [String]?
      var used = 2
      if nextNumbers == first.union(others), first.allSatisfy({ isDigits(next[$0]) }) {
        // The second pieces on the middle line, lower than its own numbers.
        let pieceTop = first.map { tops[index + 1][$0] }.min() ?? 0
        let ownTop = others.map { tops[index + 1][$0] }.max() ?? 0
        if pieceTop - ownTop >= 0.3 * fontSize { pieces = next }
      } else if nextNumbers == others, index + 2 < grid.count {
        // The second pieces on a third line of their own, maybe beside the rest of the
        // row's label wrapped in its own cell (仍不明确 04 04 under 3.补正后申请内容 19 19).
        let last = grid[index + 2]
        let filled = Set(last.indices.filter { !last[$0].isEmpty })
        let labelRest = filled.filter { $0 < start }
        if filled.subtracting(labelRest) == first, first.allSatisfy({ isDigits(last[$0]) }),
          // A label's rest starts no numbered label of its own (6.属于四类… is the next row).
          labelRest.allSatisfy({
            !isNumber(last[$0]) && !row[$0].isEmpty && !LayoutReconstructor.startsWithNumberedItem(last[$0])
              && !Margins.startsWithEnumerator(last[$0])
          }),
          boxes[index + 2].minY - boxes[index + 1].maxY <= 0.5 * fontSize
        {
          pieces = last
          used = 3
        }
      }
      guard let pieces else {
        index += 1
        continue
      }
      for column in row.indices {
        if first.contains(column) {
          row[column] += pieces[column]
        } else if column < start, used == 3, !pieces[column].isEmpty {
          // A label's lines read on, top to bottom.
          row[column] += next[column] + pieces[column]
        } else if !next[column].isEmpty {
          row[column] = row[column].isEmpty ? next[column] : row[column] + " " + next[column]
        }
      }
      box = (index..<(index + used)).reduce(box) { $0.union(boxes[$1]) }
      index += used
    }
    return (rows, rowBoxes)
  }

  /// How many columns stand left of every column that holds a number: the label columns.
  static func labelColumnCount(_ grid: [[String]]) -> Int {
    grid.compactMap { row in row.indices.first { isNumber(row[$0]) } }.min() ?? 0
  }

  /// The upper pieces of numbers wrapped in narrow columns on a line of their own (`6`
  /// over `5.属于三类内部事务信息 0 0 … 2`), the lower pieces on the row's line but set
  /// lower than its other numbers (the cell is centred): `upper` holds digits only, in
  /// number columns where `row` holds digits set at least 0.3 font sizes below the row's
  /// other numbers, and the row's numbers sit halfway between the two pieces. The row with
  /// those numbers whole (62), or `nil`.
  static func joiningUpperPieces(
    _ upper: [String], _ row: [String], tops: ([Double], [Double]), boxes: (PageRect, PageRect),
    labelColumns: Int, fontSize: Double
  ) -> [String]? {
    let pieces = Set(upper.indices.filter { !upper[$0].isEmpty })
    guard labelColumns > 0, !pieces.isEmpty, pieces.allSatisfy({ $0 >= labelColumns && isNumberPiece(upper[$0]) }),
      row.prefix(labelColumns).contains(where: { !$0.isEmpty && !isNumber($0) }),
      pieces.allSatisfy({ isNumberPiece(row[$0]) }),
      boxes.1.minY - boxes.0.maxY <= 0.5 * fontSize
    else { return nil }
    let own = Set(row.indices.filter { $0 >= labelColumns && isNumber(row[$0]) }).subtracting(pieces)
    guard !own.isEmpty else { return nil }
    let upperTop = pieces.map { tops.0[$0] }.max() ?? 0
    let lowerTop = pieces.map { tops.1[$0] }.min() ?? 0
    let ownTops = own.map { tops.1[$0] }
    guard let ownTop = ownTops.max(), let ownLowest = ownTops.min(), ownTop - ownLowest < 0.3 * fontSize,
      lowerTop - ownTop >= 0.3 * fontSize, abs(upperTop + lowerTop - 2 * ownTop) <= 0.3 * fontSize
    else { return nil }
    var joined = row
    for column in pieces { joined[column] = upper[column] + row[column] }
    return joined
  }

  /// A row's label on a line of its own, beside a line of a group cell's label, and its
  /// numbers on the next line, beside the group label's next line (`办  1.属于国家秘密` over
  /// `理  5 0 0 0 0 0 5`, the numbers centred in a row that the group's lines make tall):
  /// read as two rows, the group's text would stand between the label and its numbers.
  /// Told by the columns: the first row has text in the row-label column and no number,
  /// the second numbers only, nothing in the row-label column and only short text without
  /// digits in the group's columns, the two touch, and the numbers sit nearer the first
  /// row's line than the next row's. They become one row, the group's text read on.
  static func joiningNumbersUnderLabel(_ rows: [TableRow], fontSize: Double) -> [TableRow] {
    let labelColumns = labelColumnCount(rows.map(\.cells))
    guard labelColumns >= 2 else { return rows }
    let labelColumn = labelColumns - 1
    var result: [TableRow] = []
    var index = 0
    while index < rows.count {
      defer { index += 1 }
      let label = rows[index]
      guard index + 1 < rows.count else {
        result.append(label)
        continue
      }
      let numbers = rows[index + 1]
      let labelText = label.cells[labelColumn]
      let group = numbers.cells.prefix(labelColumn).filter { !$0.isEmpty }
      let values = numbers.cells.dropFirst(labelColumns)
      let nearer: Bool = {
        guard index + 2 < rows.count else { return true }
        let after = rows[index + 2]
        return (after.box.midY - numbers.box.midY) - (numbers.box.midY - label.box.midY) >= 0.2 * fontSize
      }()
      guard !labelText.isEmpty, !isNumber(labelText),
        label.cells.dropFirst(labelColumns).allSatisfy(\.isEmpty),
        numbers.cells[labelColumn].isEmpty, !group.isEmpty,
        group.allSatisfy({ $0.count <= 4 && !$0.contains(where: \.isWholeNumberDigit) }),
        values.contains(where: { !$0.isEmpty }), values.allSatisfy({ $0.isEmpty || isNumber($0) }),
        numbers.box.minY - label.box.maxY <= 0.5 * fontSize, numbers.box.minY > label.box.minY, nearer
      else {
        result.append(label)
        continue
      }
      var joined = label
      for column in 0..<labelColumn where !numbers.cells[column].isEmpty {
        joined.cells[column] += numbers.cells[column]
      }
      for column in labelColumns..<joined.cells.count { joined.cells[column] = numbers.cells[column] }
      joined.box = label.box.union(numbers.box)
      let box = joined.box
      joined.cellBoxes = joined.cellBoxes.map { PageRect(minX: $0.minX, minY: box.minY, maxX: $0.maxX, maxY: box.maxY) }
      result.append(joined)
      index += 1
    }
    return result
  }

  /// Rows that are only pieces of numbers wrapped in a narrow column: a row with no label
  /// and only numbers, touching a labelled row, whose cells in those columns are empty.
  /// The pieces go back into that row, the upper piece first (a number holds no space:
  /// `14` over `3` beside the row is 143). A number wrapped over three lines keeps its
  /// middle piece on the row's own line: one piece row just above and one just below, in
  /// the same columns and as far from the row's middle (the cell is centred), join it too
  /// (1 / 0 / 5 is 105). A piece row under a row that is also the upper piece of the next
  /// row's numbers, wrapped around that row's line, goes to the next row; where both
  /// readings are centred it joins neither. No piece goes on after a 0 (a count has no
  /// leading zero: 0 over 195 is two numbers). A piece row that joins no row leaves the
  /// numbers it touches in those columns unread (empty): which row it belongs to is not
  /// known, and a number without its piece would be a wrong number.
  static func joiningWrappedNumbers(_ rows: [TableRow], fontSize: Double, headsPage: Bool = false) -> [TableRow] {
    // A row that is only pieces of numbers: no label, only digits.
    func isPlainPiece(_ row: TableRow) -> Bool {
      guard let first = row.cells.first, first.isEmpty else { return false }
      let filled = row.cells.filter { !$0.isEmpty }
      return !filled.isEmpty && filled.allSatisfy { isNumberPiece($0) }
    }
    // The label columns: left of every column that holds a number.
    let labelColumns =
      rows.compactMap { row in row.cells.indices.first { isNumber(row.cells[$0]) } }.min() ?? 0
    func numberColumns(_ row: TableRow) -> Set<Int> {
      Set(row.cells.indices.filter { $0 >= labelColumns && !row.cells[$0].isEmpty })
    }
    // Pieces beside a line of a group cell's label (本年 ５ ５ beside 三、/本年/度办/理结/果):
    // text only in the group's column, none in the row label's column, a short piece of a
    // narrow cell or text that starts no label (四、 1. （一）), and digits in some number
    // columns, not all.
    func isGroupPiece(_ row: TableRow) -> Bool {
      guard labelColumns >= 2, row.cells.count > labelColumns, row.cells[labelColumns - 1].isEmpty else {
        return false
      }
      let group = row.cells.prefix(labelColumns - 1).filter { !$0.isEmpty }
      guard !group.isEmpty,
        !group.contains(where: {
          isNumber($0)
            || ($0.count > 4 && (Margins.startsWithEnumerator($0) || LayoutReconstructor.startsWithNumberedItem($0)))
        })
      else { return false }
      let numbers = numberColumns(row)
      return !numbers.isEmpty && numbers.count < row.cells.count - labelColumns
        && numbers.allSatisfy { isNumberPiece(row.cells[$0]) }
    }
    func isPiece(_ row: TableRow) -> Bool { isPlainPiece(row) || isGroupPiece(row) }
    // A labelled row: text in a label column (a label may sit in the second or third
    // column, beside a group cell; a header's text over the number columns is no label).
    func isLabelled(_ row: TableRow) -> Bool {
      !isGroupPiece(row) && row.cells.prefix(labelColumns).contains { !$0.isEmpty && !isNumber($0) }
    }
    func touches(_ piece: TableRow, _ row: TableRow) -> Bool {
      piece.box.minY <= row.box.maxY + 0.3 * fontSize && piece.box.maxY >= row.box.minY - 0.3 * fontSize
    }
    // A number cut after a thousands separator (1,32: a group of fewer than three digits)
    // goes on below.
    func isOpen(_ text: String) -> Bool {
      guard isNumberPiece(text), let comma = text.lastIndex(of: ",") else { return false }
      return text[text.index(after: comma)...].count < 3
    }
    // Pieces below a row may also finish its `open` numbers (1,32 over or on the row's
    // line, 1 a little below `openBox`, the row with its pieces above: an open number goes
    // on, so a wider gap leaves no doubt).
    func fits(_ piece: TableRow, into row: TableRow, open: Set<Int> = [], openBox: PageRect? = nil) -> Bool {
      let columns = numberColumns(piece)
      let completes = !columns.isDisjoint(with: open)
      let near = completes ? piece.box.minY <= (openBox ?? row.box).maxY + 0.6 * fontSize : touches(piece, row)
      return isLabelled(row) && near && columns.isDisjoint(with: numberColumns(row).subtracting(open))
    }
    func filled(_ row: TableRow) -> Set<Int> { numberColumns(row) }
    // One piece row above and one below, centred on the row, in the same columns, where the
    // row holds digits or nothing.
    func centred(_ above: TableRow, _ row: TableRow, _ below: TableRow) -> Bool {
      guard isLabelled(row), touches(above, row), touches(below, row), filled(above) == filled(below)
      else { return false }
      guard filled(above).allSatisfy({ row.cells[$0].isEmpty || isNumberPiece(row.cells[$0]) }) else { return false }
      return abs(above.box.midY + below.box.midY - 2 * row.box.midY) <= 0.3 * fontSize
    }
    // The upper piece of the next row's number, wrapped around that row's line (`195` /
    // `3.补正后申请内容仍不明确 0 4 0` / `7`, 1957 centred in a narrow cell): the labelled
    // row after the piece row holds nothing in its columns, and a piece row under it in the
    // same columns is as far below its middle. Under a row whose numbers stand on a line
    // of their own, the piece could also be read as that row's lower piece.
    func wrapsNextRow(_ position: Int) -> Bool {
      guard position + 2 < rows.count, isPiece(rows[position + 2]) else { return false }
      let piece = rows[position]
      let row = rows[position + 1]
      return centred(piece, row, rows[position + 2]) && filled(piece).allSatisfy { row.cells[$0].isEmpty }
    }
    // Piece rows (indices into `rows`) that two rows can claim alike: joined to neither.
    var unsure: Set<Int> = []
    var unsurePositions: Set<Int> = []
    var result: [TableRow] = []
    var index = 0
    while index < rows.count {
      var row = rows[index]
      if unsure.contains(index) {
        unsurePositions.insert(result.count)
        result.append(row)
        index += 1
        continue
      }
      // Pieces above the row, already emitted, that touch it come back into it.
      var above: [TableRow] = []
      while let last = result.last, isPiece(last), !unsurePositions.contains(result.count - 1), fits(last, into: row) {
        above.insert(result.removeLast(), at: 0)
      }
      var below: [TableRow] = []
      var next = index + 1
      // Below, the numbers the row and the pieces above leave open (1,32 over the label).
      let open = Set(
        row.cells.indices.filter { column in isOpen((above.map { $0.cells[column] } + [row.cells[column]]).joined()) })
      let upperBox = above.reduce(row.box) { $0.union($1.box) }
      // A count has no leading zero: a piece under a 0 (the row's zeros on a line of their
      // own above its label's rest) is no part of that number.
      while next < rows.count, isPiece(rows[next]), fits(rows[next], into: row, open: open, openBox: upperBox),
        !filled(rows[next]).contains(where: { column in
          (above.map { $0.cells[column] } + [row.cells[column]]).joined().hasPrefix("0")
        })
      {
        if wrapsNextRow(next) {
          // Read as this row's lower piece only where that is as plain: pieces above
          // and below this row, centred on it, too. Then whose number it is is unsure.
          if let last = above.last, centred(last, row, rows[next]) { unsure.insert(next) }
          break
        }
        below.append(rows[next])
        next += 1
      }
      if above.isEmpty, below.isEmpty, let last = result.last, isPiece(last),
        !unsurePositions.contains(result.count - 1), next < rows.count, isPiece(rows[next]),
        centred(last, row, rows[next])
      {
        if wrapsNextRow(next) {
          unsure.insert(next)
          result.append(row)
          index += 1
          continue
        }
        above = [result.removeLast()]
        below = [rows[next]]
        next += 1
      }
      guard !above.isEmpty || !below.isEmpty else {
        result.append(row)
        index += 1
        continue
      }
      for column in row.cells.indices {
        let pieces = (above.map { $0.cells[column] } + [row.cells[column]] + below.map { $0.cells[column] })
        row.cells[column] = pieces.joined()
      }
      row.box = (above + below).reduce(row.box) { $0.union($1.box) }
      let box = row.box
      row.cellBoxes = row.cellBoxes.map { PageRect(minX: $0.minX, minY: box.minY, maxX: $0.maxX, maxY: box.maxY) }
      result.append(row)
      index = next
    }
    // The rest of a row's label on a line of its own, beside the lower pieces of the row's
    // numbers wrapped in narrow columns (量 35 1 56 under 一、本年新收…申请数 22 21 … 25): in a
    // table of many number columns (三, 四), text that starts no label with digits in at most
    // half the columns, each under a number of the row above. The pieces complete those
    // numbers when the row below needs none there and none of them is a lone 0; otherwise
    // whose pieces they are is unsure, and the numbers they touch are left unread.
    let numberColumnCount = (rows.first?.cells.count ?? 0) - labelColumns
    if labelColumns >= 1, numberColumnCount >= 5 {
      for position in result.indices.dropFirst() {
        let rest = result[position]
        let row = result[position - 1]
        let text = rest.cells.prefix(labelColumns).filter { !$0.isEmpty }
        let columns = numberColumns(rest)
        guard !text.isEmpty,
          !text.contains(where: {
            isNumber($0) || Margins.startsWithEnumerator($0) || LayoutReconstructor.startsWithNumberedItem($0)
          }),
          !columns.isEmpty, columns.count * 2 <= numberColumnCount,
          columns.allSatisfy({ isNumberPiece(rest.cells[$0]) }),
          isLabelled(row), touches(rest, row), columns.allSatisfy({ isNumberPiece(row.cells[$0]) })
        else { continue }
        let below = position + 1 < result.count && touches(result[position + 1], rest) ? position + 1 : nil
        let whole =
          columns.allSatisfy { row.cells[$0] != "0" }
          && (below.map { next in columns.allSatisfy { isNumberPiece(result[next].cells[$0]) } } ?? true)
        for column in columns {
          if whole {
            result[position - 1].cells[column] += rest.cells[column]
          } else {
            result[position - 1].cells[column] = ""
            if let below, isLabelled(result[below]) { result[below].cells[column] = "" }
          }
          result[position].cells[column] = ""
        }
      }
    }
    // Piece rows left over (but the first row of a table heading its page: the rest of a
    // number the page break cut, which the page's stitching joins): the numbers they touch
    // in their columns are unsure. Pieces beside a group cell's line keep only that text,
    // so that their digits are not read as a row's values.
    for (position, piece) in result.enumerated() where (position > 0 || !headsPage) && isPiece(piece) {
      for neighbour in [position - 1, position + 1] where result.indices.contains(neighbour) {
        guard isLabelled(result[neighbour]), touches(piece, result[neighbour]) else { continue }
        for column in filled(piece) where isNumberPiece(result[neighbour].cells[column]) {
          result[neighbour].cells[column] = ""
        }
      }
      if isGroupPiece(piece) {
        for column in filled(piece) { result[position].cells[column] = "" }
      }
    }
    return result
  }

  /// The x ranges that `segments` cover, overlapping ones joined, left to right.
  static func overlapColumns(_ segments: [LineSegment]) -> [(Double, Double)] {
    var columns: [(Double, Double)] = []
    for segment in segments.sorted(by: { $0.box.minX < $1.box.minX }) {
      if let last = columns.last, segment.box.minX <= last.1 {
        columns[columns.count - 1].1 = max(last.1, segment.box.maxX)
      } else {
        columns.append((segment.box.minX, segment.box.maxX))
      }
    }
    return columns
  }

  /// The column a piece of text belongs to: the one it overlaps most, else the nearest.
  static func column(of box: PageRect, in columns: [(Double, Double)]) -> Int {
    var best = 0
    var bestScore = -Double.infinity
    for (index, column) in columns.enumerated() {
      let overlap = min(box.maxX, column.1) - max(box.minX, column.0)
      // Without overlap the score is minus the distance.
      if overlap > bestScore {
        best = index
        bestScore = overlap
      }
    }
    return best
  }

  /// Whether the text is a piece of a count wrapped in a narrow column: digits, maybe with
  /// thousands separators (`1,89` over `4` is 1,894).
  static func isNumberPiece(_ text: String) -> Bool {
    guard let first = text.first, first.isWholeNumberDigit else { return false }
    return text.allSatisfy { $0.isWholeNumberDigit || $0 == "," }
  }

  /// Whether a segment is a number (digits with separators, a sign, a decimal point, a unit).
  static func isNumber(_ text: String) -> Bool {
    guard let first = text.first, first.isWholeNumberDigit || first == "-" else { return false }
    return text.allSatisfy { $0.isWholeNumberDigit || ".,-%".contains($0) || "万元件个".contains($0) || $0 == " " }
      && text.contains { $0.isWholeNumberDigit }
  }

  /// Neighbouring columns that no row fills both of are one column whose cells are aligned
  /// differently (a centred header over left-aligned numbers): they are joined, left to
  /// right, so that an empty field is an empty cell and not a gap between alignments.
  static func mergingDisjointColumns(_ columns: [(Double, Double)], _ grid: [[String]]) -> (
    [(Double, Double)], [[String]]
  ) {
    guard columns.count > 1 else { return (columns, grid) }
    var keptColumns = [columns[0]]
    var keptCells = grid.map { [$0[0]] }
    for index in 1..<columns.count {
      let last = keptColumns.count - 1
      let disjoint = grid.indices.allSatisfy { keptCells[$0][last].isEmpty || grid[$0][index].isEmpty }
      let filled = grid.indices.contains { !grid[$0][index].isEmpty }
      // Two columns that both hold numbers are two fields, even where no row fills both
      // (a few rows of a table, the pieces of numbers wrapped in narrow columns on lines
      // of their own): joined, a piece would go into its neighbour's number.
      let bothNumbers =
        grid.indices.contains { isNumber(keptCells[$0][last]) } && grid.indices.contains { isNumber(grid[$0][index]) }
      if disjoint, filled, !bothNumbers, grid.indices.contains(where: { !keptCells[$0][last].isEmpty }) {
        keptColumns[last].1 = columns[index].1
        for row in grid.indices where !grid[row][index].isEmpty { keptCells[row][last] = grid[row][index] }
      } else {
        keptColumns.append(columns[index])
        for row in grid.indices { keptCells[row].append(grid[row][index]) }
      }
    }
    return (keptColumns, keptCells)
  }
}
