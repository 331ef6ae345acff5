/// Walks a parsed HTML page into blocks in reading order: paragraphs (block elements,
/// <br>) and tables (rows and cells with their spans), each marked when it sits inside
/// site furniture. Scripts, styles and other non-text elements are skipped.
struct HTMLBlockReader {
  /// A block and whether it sits inside furniture.
  struct Entry {
    var block: MarkupBlock
    var isFurniture: Bool
  }

  /// Elements that end a line of text.
  static let blockElements: Set<String> = [
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "section", "article",
    "main", "header", "footer", "aside", "blockquote", "pre", "center", "address", "hr", "tr", "td", "th",
    "caption", "form", "fieldset", "figure", "figcaption", "body", "html", "tbody", "thead", "tfoot",
  ]
  /// How deep the walk follows nested elements with structure; deeper content is read
  /// as plain text, so a page nested 100,000 tags deep costs no stack.
  static let maximumDepth = 200

  private let nodes: UnsafeBufferPointer<HTMLPage.Node>
  private let text: UnsafeBufferPointer<UInt8>
  /// Each text node's input line, when the page kept them (an HTML block in Markdown).
  private let textLines: [Int32: Int]
  /// The input line of the line being gathered (its first text's), 0 when not known.
  private var lineStart = 0
  /// The page was pruned of furniture: only content outside furniture is read, and
  /// what lies inside furniture is left out rather than marked.
  private let contentOnly: Bool
  private(set) var entries: [Entry] = []
  private var line = TextCollector()
  private var furnitureDepth = 0

  private init(
    nodes: UnsafeBufferPointer<HTMLPage.Node>, text: UnsafeBufferPointer<UInt8>, textLines: [Int32: Int],
    contentOnly: Bool
  ) {
    self.nodes = nodes
    self.text = text
    self.textLines = textLines
    self.contentOnly = contentOnly
  }

  /// The blocks of `page` in reading order, each marked when it sits inside furniture (a
  /// pruned page gives only those outside furniture).
  static func entries(of page: HTMLPage) -> [Entry] {
    guard let root = page.root else { return [] }
    return page.nodes.withUnsafeBufferPointer { nodes in
      page.text.withUnsafeBufferPointer { text in
        var reader = HTMLBlockReader(
          nodes: nodes, text: text, textLines: page.textLines, contentOnly: page.isPruned)
        reader.walk(root, depth: 0)
        reader.endLine()
        return reader.entries
      }
    }
  }

  private var isSkippingFurniture: Bool { contentOnly && furnitureDepth > 0 }

  private func textBytes(_ node: HTMLPage.Node) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: text[Int(node.first)..<Int(node.first) + Int(node.second)])
  }

  /// Adds text node `index` to the line being gathered.
  private mutating func appendText(_ index: Int32) {
    if lineStart == 0, !textLines.isEmpty { lineStart = textLines[index] ?? 0 }
    line.append(textBytes(nodes[Int(index)]))
  }

  private mutating func endLine() {
    defer { lineStart = 0 }
    guard !line.isEmpty else { return }
    let text = line.take()
    if !text.isEmpty, !isSkippingFurniture {
      entries.append(Entry(block: .paragraph(text, line: lineStart), isFurniture: furnitureDepth > 0))
    }
  }

  private mutating func walk(_ parent: Int32, depth: Int) {
    if isSkippingFurniture { return }
    var next = nodes[Int(parent)].firstChild
    while next >= 0 {
      let index = next
      let child = nodes[Int(index)]
      next = child.next
      if child.kind == .text {
        appendText(index)
        continue
      }
      if depth >= Self.maximumDepth {
        flatWalk(index)
        continue
      }
      let kind = child.kind
      if kind == .skipped { continue }
      if kind == .lineBreak {
        endLine()
        continue
      }
      // Site furniture is a block (a div, list, table, footer): the class and id of inline
      // elements (links, spans, fonts — most elements of a page) are not read.
      let isFurniture = kind != .inline && child.isFurniture
      if isFurniture { furnitureDepth += 1 }
      if kind == .table {
        endLine()
        readTable(index, depth: depth + 1)
      } else if kind == .block {
        endLine()
        walk(index, depth: depth + 1)
        endLine()
      } else {
        walk(index, depth: depth + 1)
      }
      if isFurniture { furnitureDepth -= 1 }
    }
  }

  // MARK: Tables

  /// One cell of a table being read: the element, its text (nested tables left out), and
  /// the tables nested in it.
  private struct RawCell {
    var node: Int32
    var text: String
    var nestedTables: [Int32]
    var columnSpan: Int
    var rowSpan: Int
    /// The input line of its first text, when the page kept lines; else 0.
    var line: Int
  }

  /// The rows of `table` (its own, not those of tables nested in it), cells in order.
  private func rawRows(of table: Int32, depth: Int) -> [[RawCell]] {
    var rows: [[RawCell]] = []
    var collector = TextCollector()
    func takeRows(_ parent: Int32) {
      var next = nodes[Int(parent)].firstChild
      while next >= 0 {
        let child = nodes[Int(next)]
        defer { next = child.next }
        guard child.kind != .text else { continue }
        if child.tag == .row {
          var cells: [RawCell] = []
          var nextCell = child.firstChild
          while nextCell >= 0 {
            let index = nextCell
            let cell = nodes[Int(index)]
            nextCell = cell.next
            guard cell.kind != .text, cell.tag == .cell else { continue }
            var nested: [Int32] = []
            var line = 0
            cellText(index, into: &collector, nested: &nested, line: &line, depth: depth)
            cells.append(
              RawCell(
                node: index, text: collector.take(), nestedTables: nested, columnSpan: Int(cell.first),
                rowSpan: Int(cell.second), line: line))
          }
          rows.append(cells)
        } else if child.tag == .rowGroup {
          takeRows(next)
        }
      }
    }
    takeRows(table)
    return rows
  }

  /// The text of a cell with <br> and block elements as soft breaks, the tables nested
  /// in it (not read here), and the input line of its first text (when the page kept lines).
  private func cellText(
    _ parent: Int32, into collector: inout TextCollector, nested: inout [Int32], line: inout Int, depth: Int
  ) {
    var next = nodes[Int(parent)].firstChild
    while next >= 0 {
      let index = next
      let child = nodes[Int(index)]
      next = child.next
      if child.kind == .text {
        if line == 0, !textLines.isEmpty { line = textLines[index] ?? 0 }
        collector.append(textBytes(child))
        continue
      }
      let kind = child.kind
      if kind == .table {
        nested.append(index)
        collector.softBreak()
        continue
      }
      if kind == .skipped { continue }
      if kind == .lineBreak {
        collector.softBreak()
        continue
      }
      if depth >= Self.maximumDepth {
        gatherText(index, into: &collector)
        continue
      }
      if kind == .block { collector.softBreak() }
      cellText(index, into: &collector, nested: &nested, line: &line, depth: depth + 1)
      if kind == .block { collector.softBreak() }
    }
  }

  /// Reads a table: a data table becomes one grid (a cell holding just a table takes
  /// that table's rows in place); a layout table (a cell with a table beside other
  /// text, several tables, or a long text) is read cell by cell as page content.
  private mutating func readTable(_ table: Int32, depth: Int) {
    if isSkippingFurniture { return }
    let rows = rawRows(of: table, depth: depth)
    let isLayout = rows.contains { row in
      row.contains { cell in
        cell.nestedTables.count > 1 || (cell.nestedTables.count == 1 && !cell.text.isEmpty)
          || cell.text.utf8.count > 600
      }
    }
    if isLayout {
      for row in rows {
        for cell in row {
          let isFurniture = nodes[Int(cell.node)].isFurniture
          if isFurniture { furnitureDepth += 1 }
          endLine()
          walk(cell.node, depth: depth + 1)
          endLine()
          if isFurniture { furnitureDepth -= 1 }
        }
      }
      return
    }
    let grid = TableGrid(rows: gridRows(rows, depth: depth))
    guard !grid.rows.isEmpty else { return }
    entries.append(Entry(block: .table(grid), isFurniture: furnitureDepth > 0))
  }

  /// The grid rows of a data table; a row with a cell that holds only a table becomes
  /// that table's rows, the row's other cells spanning all of them.
  private func gridRows(_ rows: [[RawCell]], depth: Int) -> [[TableGrid.Cell]] {
    var result: [[TableGrid.Cell]] = []
    for row in rows {
      guard let nestedIndex = row.firstIndex(where: { $0.nestedTables.count == 1 }),
        depth < Self.maximumDepth
      else {
        result.append(
          row.map { TableGrid.Cell(text: $0.text, columnSpan: $0.columnSpan, rowSpan: $0.rowSpan, line: $0.line) })
        continue
      }
      let inner = gridRows(rawRows(of: row[nestedIndex].nestedTables[0], depth: depth + 1), depth: depth + 1)
      let extra = max(inner.count - 1, 0)
      let before = row[..<nestedIndex].map {
        TableGrid.Cell(text: $0.text, columnSpan: $0.columnSpan, rowSpan: $0.rowSpan + extra, line: $0.line)
      }
      let after = row[(nestedIndex + 1)...].map {
        TableGrid.Cell(text: $0.text, columnSpan: $0.columnSpan, rowSpan: $0.rowSpan + extra, line: $0.line)
      }
      guard let first = inner.first else {
        result.append(before + after)
        continue
      }
      result.append(before + first + after)
      result.append(contentsOf: inner.dropFirst())
    }
    return result
  }

  /// Reads content nested deeper than the walk follows, without recursion: block
  /// elements and table rows end lines, table cells are separated by tabs (merged cells
  /// are not expanded there), furniture is not told apart.
  private mutating func flatWalk(_ start: Int32) {
    var stack: [(node: Int32, leaving: Bool)] = [(start, false)]
    var children: [Int32] = []
    while let (index, leaving) = stack.popLast() {
      if leaving {
        endLine()
        continue
      }
      let current = nodes[Int(index)]
      if current.kind == .text {
        appendText(index)
        continue
      }
      let kind = current.kind
      if kind == .skipped { continue }
      if kind == .lineBreak {
        endLine()
        continue
      }
      if current.tag == .cell {
        line.appendTab()
      } else if kind == .block || kind == .table {
        endLine()
        stack.append((index, true))
      }
      children.removeAll(keepingCapacity: true)
      var child = current.firstChild
      while child >= 0 {
        children.append(child)
        child = nodes[Int(child)].next
      }
      for child in children.reversed() { stack.append((child, false)) }
    }
  }

  /// The text under `start` without recursion (for content nested deeper than the walk
  /// follows): every text node in document order.
  private func gatherText(_ start: Int32, into collector: inout TextCollector) {
    var stack: [Int32] = [start]
    var children: [Int32] = []
    while let index = stack.popLast() {
      let current = nodes[Int(index)]
      if current.kind == .text {
        collector.append(textBytes(current))
        continue
      }
      guard current.kind != .skipped else { continue }
      if current.kind == .lineBreak || current.tag == .paragraph || current.tag == .division { collector.softBreak() }
      children.removeAll(keepingCapacity: true)
      var child = current.firstChild
      while child >= 0 {
        children.append(child)
        child = nodes[Int(child)].next
      }
      stack.append(contentsOf: children.reversed())
    }
  }
}

extension String {
  /// The string without spaces at either end.
  var trimmingSpaces: Substring {
    var slice = self[...]
    while slice.first?.isWhitespace == true { slice.removeFirst() }
    while slice.last?.isWhitespace == true { slice.removeLast() }
    return slice
  }
}
