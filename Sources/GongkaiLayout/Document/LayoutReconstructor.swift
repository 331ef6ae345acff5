/// Turns the positioned pages of one document into its text in reading order.
///
/// Lines of running text come out as plain lines, with lines that wrap at the right margin
/// joined into their paragraph; every table row comes out as one line of tab-separated
/// cells. Page numbers and running heads are dropped, and a table broken across pages is
/// stitched back together (a header row repeated on the next page is dropped).
public struct LayoutReconstructor: Sendable {
  /// Reads single pages.
  public var analyzer = PageAnalyzer()
  /// Drops headers and footers.
  public var furniture = PageFurniture()
  /// Reads tables drawn without lines.
  public var alignedTables = AlignedTableFinder()

  /// Creates a reconstructor.
  public init() {}

  /// The layouts of `pages`, headers and footers removed, line-less tables found.
  public func layouts(of pages: [PositionedPage]) -> [PageLayout] {
    layouts(ofAnalyzed: pages.map { analyzer.layout(of: $0) })
  }

  /// The layouts of pages already read one by one with `analyzer` (in page order), headers
  /// and footers removed, line-less tables found.
  public func layouts(ofAnalyzed analyzed: [PageLayout]) -> [PageLayout] {
    furniture.removing(from: analyzed).map { page in
      var page = page
      page.blocks = alignedTables.apply(to: page.blocks, rules: page.rules)
      return page
    }
  }

  /// The document's text: paragraphs and tab-separated table rows, one per line.
  public func text(of pages: [PositionedPage]) -> String {
    render(layouts(of: pages))
  }

  /// The text of already analysed pages.
  public func render(_ pages: [PageLayout]) -> String {
    var placement: TextPlacement? = nil
    return render(pages, placement: &placement)
  }

  /// The text of already analysed pages; when `placement` is given, each line's place on
  /// the pages is appended to it (the characters are the caller's to add).
  public func render(_ pages: [PageLayout], placement: inout TextPlacement?) -> String {
    let margins = Margins(pages)
    var output: [String] = []
    var previousLine: TextLine? = nil
    var previousLineEndsPage = false
    var previousTable: Table? = nil
    var previousTableEndsPage = false

    for page in pages {
      // Whether every block so far on this page continued the table the last page ended
      // with (the rest of a label a page break cut off).
      var continuing = true
      for (index, block) in page.blocks.enumerated() {
        let isFirst = continuing
        continuing = false
        let isLast = index == page.blocks.count - 1
        switch block {
        case .line(let line):
          if let before = previousTable, previousTableEndsPage, isFirst, !output.isEmpty,
            let merged = Self.continuingLabel(of: before, with: line)
          {
            // The rest of the last row's label, cut off by the page break.
            output[output.count - 1] = merged.line
            previousTable?.rows[before.rows.count - 1] = merged
            continuing = true
            previousTableEndsPage = true
            continue
          }
          if let before = previousLine,
            margins.continues(before, with: line, acrossPages: previousLineEndsPage && isFirst)
              || margins.continuesHeading(before, with: line, pageWidth: page.width),
            let last = output.popLast()
          {
            output.append(Self.join(last, line.text))
            if placement != nil, var joined = placement?.lines.popLast() {
              joined.pieces.append(TextPlacement.Piece(page: page.number, box: line.box))
              placement?.lines.append(joined)
            }
          } else {
            output.append(line.text)
            placement?.lines.append(
              TextPlacement.Line(pieces: [TextPlacement.Piece(page: page.number, box: line.box)], isTableRow: false))
          }
          previousLine = line
          previousLineEndsPage = isLast
          previousTable = nil
        case .table(let table):
          var rows = table.rows
          var current = table
          if let before = previousTable, previousTableEndsPage, isFirst,
            Self.sameColumns(before, table)
          {
            // The same table continued on a new page: stitch the two parts together.
            rows = Self.droppingRepeatedHeader(rows, of: before)
            if let last = before.rows.last, let first = rows.first,
              let merged = Self.joiningSplitRow(last, first), !output.isEmpty
            {
              output[output.count - 1] = merged.line
              rows.removeFirst()
              if placement != nil, var joined = placement?.lines.popLast() {
                joined.pieces = Self.pieces(of: merged, page: joined.pieces.first?.page ?? page.number)
                placement?.lines.append(joined)
              }
              current.rows = before.rows.dropLast() + [merged] + rows
            } else {
              current.rows = before.rows + rows
            }
          } else if let before = previousTable, previousTableEndsPage, isFirst, let last = before.rows.last,
            let first = rows.first, abs(before.box.maxX - table.box.maxX) <= 6,
            let merged = Self.joiningPiecesByPlace(last, first), !output.isEmpty
          {
            // The rest of numbers a page break cut, heading a table whose label columns
            // differ from the last page's (the next row's label starts further left).
            output[output.count - 1] = merged.line
            rows.removeFirst()
            current.rows = rows
          }
          output.append(contentsOf: rows.map(\.line))
          if placement != nil {
            for row in rows {
              placement?.lines.append(
                TextPlacement.Line(pieces: Self.pieces(of: row, page: page.number), isTableRow: true))
            }
          }
          previousTable = current
          previousTableEndsPage = isLast
          previousLine = nil
        }
      }
    }
    return output.joined(separator: "\n") + (output.isEmpty ? "" : "\n")
  }

  /// The place of each cell of `row` on `page` (the row's box where cells are not known).
  static func pieces(of row: TableRow, page: Int) -> [TextPlacement.Piece] {
    row.cells.indices.map { index in
      TextPlacement.Piece(page: page, box: index < row.cellBoxes.count ? row.cellBoxes[index] : row.box)
    }
  }

  /// Joins a wrapped line to its paragraph (a space only between two Latin words).
  static func join(_ head: String, _ tail: String) -> String {
    if let last = head.last, let first = tail.first, last.isASCIIWordCharacter,
      first.isASCIIWordCharacter
    {
      return head + " " + tail
    }
    return head + tail
  }

  /// Whether two tables on consecutive pages have the same outer edges.
  static func sameColumns(_ first: Table, _ second: Table) -> Bool {
    abs(first.box.minX - second.box.minX) <= 6 && abs(first.box.maxX - second.box.maxX) <= 6
  }

  /// The row `last` completed by `first` when a page break split it: `first` holds only
  /// the rest of labels begun in `last` (no numbers, nothing that starts a new label such
  /// as `1.` or `（二）`), or only the lower pieces of numbers wrapped in narrow columns
  /// (`14` at the foot of one page, `2` at the head of the next: 142); `nil` otherwise.
  static func joiningSplitRow(_ last: TableRow, _ first: TableRow) -> TableRow? {
    guard last.cells.count == first.cells.count else { return nil }
    if let wrapped = joiningWrappedNumbers(last, first) { return wrapped }
    var cells = last.cells
    var joined = false
    for (index, piece) in first.cells.enumerated() where !piece.isEmpty {
      let head = last.cells[index]
      guard !head.isEmpty, !Self.isNumeric(head), !Self.isNumeric(piece),
        !Margins.startsWithEnumerator(piece), !Self.startsWithNumberedItem(piece)
      else { return nil }
      cells[index] = head + piece
      joined = true
    }
    guard joined else { return nil }
    let box = last.box.union(first.box)
    return TableRow(cells: cells, box: box, cellBoxes: last.cellBoxes)
  }

  /// `last` completed by `first` when `first` holds nothing but digits, each under a
  /// number of `last`, and no label: a row of the form always has its label (or its
  /// sub-label) in the row, so a label-less row of digit pieces at the head of the
  /// continued table is the rest of numbers a page break cut (the upper piece first). A
  /// row without a label takes them only when they leave some of its numbers whole.
  static func joiningWrappedNumbers(_ last: TableRow, _ first: TableRow) -> TableRow? {
    // A row of numbers alone (table 四's one row has no label) is continued only by pieces
    // that leave some of its numbers whole (1 over nothing, 2 over 9): a row of its own
    // would have a number in every column.
    guard
      last.cells.contains(where: { !$0.isEmpty && !Self.isNumeric($0) })
        || first.cells.indices.contains(where: { first.cells[$0].isEmpty && Self.isNumeric(last.cells[$0]) })
    else { return nil }
    var cells = last.cells
    var joined = false
    for (index, piece) in first.cells.enumerated() where !piece.isEmpty {
      let head = last.cells[index]
      guard Self.continuesNumber(head, with: piece) else { return nil }
      cells[index] = head + piece
      joined = true
    }
    guard joined else { return nil }
    return TableRow(cells: cells, box: last.box.union(first.box), cellBoxes: last.cellBoxes)
  }

  /// `last` completed by `first` when the two come from tables with different columns (a
  /// page break between them) but the same number columns: `first` holds digits only, no
  /// label, each piece in a cell that lies under one cell of `last` holding a number it
  /// can continue (most of the narrower of the two overlapping), not under all of them;
  /// `last` has a label. The pieces go on the numbers they are under, upper piece first.
  static func joiningPiecesByPlace(_ last: TableRow, _ first: TableRow) -> TableRow? {
    guard last.cellBoxes.count == last.cells.count, first.cellBoxes.count == first.cells.count,
      last.cells.contains(where: { !$0.isEmpty && !Self.isNumeric($0) }),
      let firstPiece = first.cells.firstIndex(where: { !$0.isEmpty }), firstPiece > 0
    else { return nil }
    var cells = last.cells
    var used: Set<Int> = []
    for (index, piece) in first.cells.enumerated() where !piece.isEmpty {
      let box = first.cellBoxes[index]
      guard
        let target = last.cellBoxes.indices.max(by: {
          last.cellBoxes[$0].horizontalOverlap(box) < last.cellBoxes[$1].horizontalOverlap(box)
        }),
        last.cellBoxes[target].horizontalOverlap(box) > 0.5 * min(last.cellBoxes[target].width, box.width),
        !used.contains(target), Self.continuesNumber(last.cells[target], with: piece)
      else { return nil }
      used.insert(target)
      cells[target] = last.cells[target] + piece
    }
    // Pieces under every number would rather be a row of numbers of its own.
    guard !used.isEmpty, last.cells.indices.contains(where: { !used.contains($0) && Self.isNumeric(last.cells[$0]) })
    else { return nil }
    return TableRow(cells: cells, box: last.box.union(first.box), cellBoxes: last.cellBoxes)
  }

  /// Whether digits `piece` can be the rest of the number `head` a page break cut: `head`
  /// digits (maybe signed), or a count cut after a thousands separator (2,98 and 1 are
  /// 2,981: the last group comes to three digits).
  static func continuesNumber(_ head: String, with piece: String) -> Bool {
    guard !head.isEmpty, !piece.isEmpty, piece.allSatisfy(\.isWholeNumberDigit),
      head.allSatisfy({ $0.isWholeNumberDigit || $0 == "-" || $0 == "," })
    else { return false }
    guard let comma = head.lastIndex(of: ",") else { return true }
    let group = head[head.index(after: comma)...].count
    return group < 3 && group + piece.count == 3
  }

  /// The last row of `table` with `line` added to its label in the column the line sits
  /// in, when the line is the rest of that label cut off by a page break: a line at the
  /// head of the next page, inside one column of the table, whose cell in the last row is
  /// label text; the line holds no number and starts no new label (`2.`, `（二）`, `四、`).
  static func continuingLabel(of table: Table, with line: TextLine) -> TableRow? {
    guard let last = table.rows.last, table.columnEdges.count == last.cells.count + 1,
      !line.text.isEmpty, !isNumeric(line.text), !Margins.startsWithEnumerator(line.text),
      !startsWithNumberedItem(line.text)
    else { return nil }
    let edges = table.columnEdges
    guard
      let column = last.cells.indices.first(where: { index in
        line.box.minX >= edges[index] - 2 && line.box.maxX <= edges[index + 1] + 2
      }),
      !last.cells[column].isEmpty, !isNumeric(last.cells[column])
    else { return nil }
    var row = last
    row.cells[column] += line.text
    row.box = row.box.union(line.box)
    return row
  }

  /// Whether a cell holds a number (digits with an optional sign, separators or unit).
  static func isNumeric(_ text: String) -> Bool {
    guard let first = text.first, first.isWholeNumberDigit || first == "-" else { return false }
    return text.filter { $0.isWholeNumberDigit }.count * 2 >= text.count
  }

  /// Whether the text starts like `1.` or `2、`.
  static func startsWithNumberedItem(_ text: String) -> Bool {
    let digits = text.prefix { $0.isWholeNumberDigit }
    guard !digits.isEmpty else { return false }
    let after = text.dropFirst(digits.count).first
    return after == "." || after == "、" || after == "．"
  }

  /// Drops the rows at the top of a continued table that repeat the first table's header.
  static func droppingRepeatedHeader(_ rows: [TableRow], of first: Table) -> [TableRow] {
    var count = 0
    while count < rows.count, count < first.rows.count,
      rows[count].cells == first.rows[count].cells,
      !rows[count].cells.contains(where: { $0.first?.isWholeNumberDigit == true })
    {
      count += 1
    }
    return Array(rows.dropFirst(count))
  }
}
