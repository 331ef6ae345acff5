import GongkaiCore

/// The Markdown front end, for what PDF converters write (MinerU, Docling, marker):
/// `#` headings, pipe tables (separator rows dropped, `\|` kept as a pipe, `<br>` in
/// cells), and tables written as HTML blocks, read by the HTML front end. A converter
/// that repeats a merged cell in every column it covers (Docling) is undone where the
/// table's header shows the merge; cells a converter left empty stay empty.
///
/// With `tracingLines`, every paragraph and table cell carries the input line its text
/// starts on, so the text's lines trace back to the input's (`MarkupText.inputLines`).
public enum MarkdownInput {
  /// The report text of Markdown `text`; with `tracingLines`, where each of its lines came
  /// from (for provenance: without it nothing is recorded).
  public static func read(_ text: String, tracingLines: Bool = false) -> MarkupText {
    var blocks: [MarkupBlock] = []
    var tableRows: [[String]] = []
    /// The input line of each row in `tableRows`.
    var tableLines: [Int] = []
    var html: [Substring] = []
    /// The input line the HTML block in `html` starts on.
    var htmlStart = 0
    var inFence = false

    var ambiguous = 0
    func endTable() {
      guard !tableRows.isEmpty else { return }
      let table = grid(tableRows, lines: tableLines)
      blocks.append(.table(table.grid))
      ambiguous += table.ambiguous
      tableRows.removeAll()
      tableLines.removeAll()
    }

    for (index, line) in text.inputLines().enumerated() {
      // The input line, 0 when lines are not traced.
      let number = tracingLines ? index + 1 : 0
      let trimmed = line.drop { $0 == " " || $0 == "\t" }
      if !html.isEmpty {
        html.append(line)
        if closesHTMLBlock(trimmed) {
          blocks.append(contentsOf: HTMLInput.blocks(ofFragment: html.joined(separator: "\n"), firstLine: htmlStart))
          html.removeAll()
        }
        continue
      }
      if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
        inFence.toggle()
        endTable()
        continue
      }
      if !inFence, trimmed.hasPrefix("|") {
        let cells = pipeCells(trimmed)
        if !isSeparator(cells) {
          tableRows.append(cells)
          tableLines.append(number)
        }
        continue
      }
      endTable()
      if !inFence, opensHTMLBlock(trimmed) {
        html.append(line)
        htmlStart = number
        if closesHTMLBlock(trimmed) {
          blocks.append(contentsOf: HTMLInput.blocks(ofFragment: String(line), firstLine: number))
          html.removeAll()
        }
        continue
      }
      let paragraph = inFence ? String(trimmed) : plainText(trimmed)
      if !paragraph.isEmpty { blocks.append(.paragraph(paragraph, line: number)) }
    }
    endTable()
    if !html.isEmpty {
      blocks.append(contentsOf: HTMLInput.blocks(ofFragment: html.joined(separator: "\n"), firstLine: htmlStart))
    }
    var result = MarkupText(blocks: blocks)
    if ambiguous > 0 {
      result.warnings.append(
        "\(ambiguous) run(s) of equal values in a table whose converter repeats merged cells have no header row to tell one merged value from equal values; they are left out (null with a placeholder finding)"
      )
    }
    return result
  }

  /// Tags that open an HTML block inside Markdown.
  private static let blockTags = ["<table", "<html", "<body", "<div", "<thead", "<tbody", "<tr"]

  private static func opensHTMLBlock(_ line: Substring) -> Bool {
    let start = line.prefix(8).lowercased()
    return blockTags.contains { start.hasPrefix($0) }
  }

  private static let closingTags = ["</table>", "</html>", "</div>"].map(ByteNeedle.init)

  private static func closesHTMLBlock(_ line: Substring) -> Bool {
    guard line.utf8.contains(UInt8(ascii: "<")) else { return false }
    let lower = line.lowercased()
    return closingTags.contains { $0.occurs(in: lower) }
  }

  /// A heading's text without its `#`s, a paragraph without emphasis markers and images.
  static func plainText(_ line: Substring) -> String {
    var text = line
    if text.hasPrefix("#") {
      let hashes = text.prefix { $0 == "#" }.count
      if hashes <= 6, text.dropFirst(hashes).first == " " || text.count == hashes {
        text = text.dropFirst(hashes).drop { $0 == " " }
        while text.hasSuffix("#") || text.hasSuffix(" ") { text = text.dropLast() }
      }
    }
    if text.hasPrefix("!["), text.hasSuffix(")") { return "" }
    return cellText(text)
  }

  /// The cells of a pipe-table line: split at pipes not escaped by a backslash, the
  /// outer pipes' empty ends dropped.
  static func pipeCells(_ line: Substring) -> [String] {
    var cells: [String] = []
    var current = ""
    var escaped = false
    for character in line {
      if escaped {
        if character != "|" { current.append("\\") }
        current.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == "|" {
        cells.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    if escaped { current.append("\\") }
    cells.append(current)
    // "| a | b |" splits into "", " a ", " b ", "": the ends are not cells.
    if cells.first?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { cells.removeFirst() }
    if cells.count > 1, cells.last?.allSatisfy({ $0 == " " || $0 == "\t" }) == true { cells.removeLast() }
    return cells.map { cellText($0[...]) }
  }

  /// Whether the cells are a separator row (`---`, `:--:`).
  static func isSeparator(_ cells: [String]) -> Bool {
    !cells.isEmpty
      && cells.allSatisfy { cell in
        !cell.isEmpty && cell.contains("-") && cell.allSatisfy { $0 == "-" || $0 == ":" || $0 == " " }
      }
  }

  /// A cell or paragraph's text: `<br>` as a break, bold/italic markers and &nbsp; gone,
  /// white space as a browser shows it.
  static func cellText(_ text: Substring) -> String {
    var text = String(text)
    let special = text.utf8.contains {
      $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_")
    }
    guard special else {
      var collector = TextCollector()
      collector.append(text)
      return collector.take()
    }
    if text.contains("<") {
      for tag in ["<br>", "<br/>", "<br />", "<BR>"] { text = text.replacingOccurrences(of: tag, with: "\n") }
    }
    if text.contains("&") {
      for (entity, character) in [("&nbsp;", " "), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&#124;", "|")] {
        text = text.replacingOccurrences(of: entity, with: character)
      }
    }
    if text.contains("**") { text = text.replacingOccurrences(of: "**", with: "") }
    if text.contains("__") { text = text.replacingOccurrences(of: "__", with: "") }
    var collector = TextCollector()
    collector.append(text)
    return collector.take()
  }

  /// The placeholder an ambiguous run of values becomes: the core reads it as no value
  /// and names the cell in a `placeholder` finding.
  static let ambiguous = "—"

  /// A pipe table's grid, and how many runs of values could not be placed.
  ///
  /// A run of equal cells is one merged cell written out in every column it covers when
  /// it is a label, or when it is a value and the nearest row of labels above shows a
  /// merged header over the same columns (the same run, or a label followed by empty
  /// cells): such a run is given once, its other columns left out. A run of equal values
  /// under distinct headers is kept: those are equal values. A run that the header cuts
  /// into merged spans and columns of their own gives one value for each. In a table whose converter
  /// repeats merged cells (a row of labels has a run) a run of equal values with no
  /// header to tell is ambiguous — one merged value, or equal values — and becomes one
  /// placeholder cell: null with a finding rather than numbers in the wrong cells.
  /// `lines`: the input line of each row (0 when not known).
  static func grid(_ rows: [[String]], lines: [Int] = []) -> (grid: TableGrid, ambiguous: Int) {
    func isLabelRow(_ row: [String]) -> Bool {
      row.contains { !$0.isEmpty } && row.allSatisfy { $0.isEmpty || !TableGrid.isValueLike($0) }
    }
    let repeatsMergedCells = rows.contains { isLabelRow($0) && !equalRuns($0).isEmpty }
    var result: [[TableGrid.Cell]] = []
    var header: (row: [String], spans: [Range<Int>])?
    // Columns with a label in the header rows above (the rows of labels just passed): an
    // empty cell there continues that label downwards, not the label to its left.
    var labelledAbove: Set<Int> = []
    var ambiguousRuns = 0
    for (rowIndex, row) in rows.enumerated() {
      let line = rowIndex < lines.count ? lines[rowIndex] : 0
      let runs = equalRuns(row)
      var cells: [TableGrid.Cell] = []
      var index = 0
      while index < row.count {
        let run = runs.first { $0.lowerBound == index } ?? index..<(index + 1)
        let text = row[index]
        guard run.count > 1, !text.isEmpty else {
          cells.append(TableGrid.Cell(text: text, line: line))
          index += 1
          continue
        }
        if !TableGrid.isValueLike(text) || header?.spans.contains(run) == true {
          cells.append(TableGrid.Cell(text: text, columnSpan: run.count, line: line))
        } else if !repeatsMergedCells || header.map({ Self.hasDistinctHeaders($0.row, $0.spans, over: run) }) == true {
          cells.append(contentsOf: run.map { TableGrid.Cell(text: row[$0], line: line) })
        } else if let header, let groups = Self.headerGroups(header.row, header.spans, over: run) {
          // The header splits the run: one value under each merged header, one under each
          // header of its own (3 | 3 | 3 under 上一年项目数量 | 本年增/减 | 本年增/减 is 3, 3).
          cells.append(contentsOf: groups.map { TableGrid.Cell(text: text, columnSpan: $0.count, line: line) })
        } else {
          ambiguousRuns += 1
          cells.append(TableGrid.Cell(text: ambiguous, columnSpan: run.count, line: line))
        }
        index = run.upperBound
      }
      if isLabelRow(row) {
        header = (row, runs + spansOfEmptyNeighbours(row, labelledAbove: labelledAbove))
        for (column, text) in row.enumerated() where !text.isEmpty { labelledAbove.insert(column) }
      } else {
        labelledAbove.removeAll()
      }
      result.append(cells)
    }
    return (TableGrid(rows: result), ambiguousRuns)
  }

  /// Whether the header row has its own non-empty cell over every column of `run`, none
  /// of them part of a merged span.
  private static func hasDistinctHeaders(_ row: [String], _ spans: [Range<Int>], over run: Range<Int>) -> Bool {
    run.upperBound <= row.count && run.allSatisfy { !row[$0].isEmpty }
      && !spans.contains { $0.overlaps(run) }
  }

  /// The run cut where the header row's cells are: each merged header span inside the run
  /// one group, each other column (with a header of its own) one group; `nil` when a span
  /// reaches out of the run or a column has no header, so that the header does not tell.
  private static func headerGroups(_ row: [String], _ spans: [Range<Int>], over run: Range<Int>) -> [Range<Int>]? {
    guard run.upperBound <= row.count else { return nil }
    var groups: [Range<Int>] = []
    var index = run.lowerBound
    while index < run.upperBound {
      if let span = spans.first(where: { $0.contains(index) }) {
        guard span.lowerBound == index, span.upperBound <= run.upperBound else { return nil }
        groups.append(span)
        index = span.upperBound
      } else {
        guard !row[index].isEmpty else { return nil }
        groups.append(index..<(index + 1))
        index += 1
      }
    }
    return groups
  }

  /// The spans of a label followed by empty cells: a merged header cell as a converter
  /// that leaves the merged columns empty (marker) writes it.
  /// An empty cell under a label of a header row above (`labelledAbove`) is that label
  /// continued downwards (总计 over two header rows), not part of a span.
  private static func spansOfEmptyNeighbours(_ row: [String], labelledAbove: Set<Int>) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    var index = 0
    while index < row.count {
      var end = index + 1
      while end < row.count, row[end].isEmpty, !labelledAbove.contains(end) { end += 1 }
      if !row[index].isEmpty, end - index > 1 { spans.append(index..<end) }
      index = end
    }
    return spans
  }

  /// The runs of two or more equal non-empty neighbouring cells.
  private static func equalRuns(_ row: [String]) -> [Range<Int>] {
    var runs: [Range<Int>] = []
    var start = 0
    for index in 1...row.count {
      if index == row.count || row[index] != row[start] {
        if index - start > 1, !row[start].isEmpty { runs.append(start..<index) }
        start = index
      }
    }
    return runs
  }
}
