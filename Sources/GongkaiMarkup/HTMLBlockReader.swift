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

  /// What an element is to the walk.
  private enum ElementKind {
    case skipped, lineBreak, table, block, inline
  }

  let furniture: WebFurniture
  private(set) var entries: [Entry] = []
  /// Element kinds by name address (names are interned per tree), so each name is looked
  /// up once per page rather than once per element.
  private var kinds: [UnsafeRawPointer: ElementKind] = [:]
  private var line = TextCollector()
  private var furnitureDepth = 0

  init(furniture: WebFurniture) {
    self.furniture = furniture
  }

  /// Reads the page under `root`.
  mutating func read(_ root: MarkupNode) {
    walk(root, depth: 0)
    endLine()
  }

  private mutating func endLine() {
    guard !line.isEmpty else { return }
    let text = line.take()
    if !text.isEmpty { entries.append(Entry(block: .paragraph(text), isFurniture: furnitureDepth > 0)) }
  }

  private mutating func kind(of node: MarkupNode) -> ElementKind {
    guard let address = node.nameAddress else { return .inline }
    if let known = kinds[address] { return known }
    let name = node.name
    let kind: ElementKind =
      furniture.skipElements.contains(name)
      ? .skipped
      : name == "br" ? .lineBreak : name == "table" ? .table : Self.blockElements.contains(name) ? .block : .inline
    kinds[address] = kind
    return kind
  }

  private func marksFurniture(_ node: MarkupNode) -> Bool {
    if node.named("footer") { return true }
    if let value = node.attribute("class"), furniture.isFurniture(classOrID: value) { return true }
    if let value = node.attribute("id"), furniture.isFurniture(classOrID: value) { return true }
    return false
  }

  private mutating func walk(_ node: MarkupNode, depth: Int) {
    for child in node.children {
      if child.isText {
        child.withTextBytes { line.append($0) }
        continue
      }
      guard child.isElement else { continue }
      if depth >= Self.maximumDepth {
        flatWalk(child)
        continue
      }
      let kind = kind(of: child)
      if kind == .skipped { continue }
      if kind == .lineBreak {
        endLine()
        continue
      }
      // Site furniture is a block (a div, list, table, footer): the class and id of inline
      // elements (links, spans, fonts — most elements of a page) are not read.
      let isFurniture = kind != .inline && marksFurniture(child)
      if isFurniture { furnitureDepth += 1 }
      if kind == .table {
        endLine()
        readTable(child, depth: depth + 1)
      } else if kind == .block {
        endLine()
        walk(child, depth: depth + 1)
        endLine()
      } else {
        walk(child, depth: depth + 1)
      }
      if isFurniture { furnitureDepth -= 1 }
    }
  }

  // MARK: Tables

  /// One cell of a table being read: the element, its text (nested tables left out), and
  /// the tables nested in it.
  private struct RawCell {
    var node: MarkupNode
    var text: String
    var nestedTables: [MarkupNode]
    var columnSpan: Int
    var rowSpan: Int
  }

  /// The rows of `table` (its own, not those of tables nested in it), cells in order.
  private mutating func rawRows(of table: MarkupNode, depth: Int) -> [[RawCell]] {
    var rows: [[RawCell]] = []
    func takeRows(_ parent: MarkupNode) {
      for child in parent.children where child.isElement {
        if child.named("tr") {
          var cells: [RawCell] = []
          for cell in child.children where cell.isElement && (cell.named("td") || cell.named("th")) {
            var collector = TextCollector()
            var nested: [MarkupNode] = []
            cellText(cell, into: &collector, nested: &nested, depth: depth)
            cells.append(
              RawCell(
                node: cell, text: collector.take(), nestedTables: nested,
                columnSpan: Int(cell.attribute("colspan")?.trimmingSpaces ?? "") ?? 1,
                rowSpan: Int(cell.attribute("rowspan")?.trimmingSpaces ?? "") ?? 1))
          }
          rows.append(cells)
        } else if child.named("thead") || child.named("tbody") || child.named("tfoot") {
          takeRows(child)
        }
      }
    }
    takeRows(table)
    return rows
  }

  /// The text of a cell with <br> and block elements as soft breaks, and the tables
  /// nested in it (not read here).
  private mutating func cellText(
    _ node: MarkupNode, into collector: inout TextCollector, nested: inout [MarkupNode], depth: Int
  ) {
    for child in node.children {
      if child.isText {
        child.withTextBytes { collector.append($0) }
        continue
      }
      guard child.isElement else { continue }
      let kind = kind(of: child)
      if kind == .table {
        nested.append(child)
        collector.softBreak()
        continue
      }
      if kind == .skipped { continue }
      if kind == .lineBreak {
        collector.softBreak()
        continue
      }
      if depth >= Self.maximumDepth {
        Self.gatherText(child, into: &collector, skipping: furniture.skipElements)
        continue
      }
      if kind == .block { collector.softBreak() }
      cellText(child, into: &collector, nested: &nested, depth: depth + 1)
      if kind == .block { collector.softBreak() }
    }
  }

  /// Reads a table: a data table becomes one grid (a cell holding just a table takes
  /// that table's rows in place); a layout table (a cell with a table beside other
  /// text, several tables, or a long text) is read cell by cell as page content.
  private mutating func readTable(_ table: MarkupNode, depth: Int) {
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
          let isFurniture = marksFurniture(cell.node)
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
  private mutating func gridRows(_ rows: [[RawCell]], depth: Int) -> [[TableGrid.Cell]] {
    var result: [[TableGrid.Cell]] = []
    for row in rows {
      guard let nestedIndex = row.firstIndex(where: { $0.nestedTables.count == 1 }),
        depth < Self.maximumDepth
      else {
        result.append(row.map { TableGrid.Cell(text: $0.text, columnSpan: $0.columnSpan, rowSpan: $0.rowSpan) })
        continue
      }
      let inner = gridRows(rawRows(of: row[nestedIndex].nestedTables[0], depth: depth + 1), depth: depth + 1)
      let extra = max(inner.count - 1, 0)
      let before = row[..<nestedIndex].map {
        TableGrid.Cell(text: $0.text, columnSpan: $0.columnSpan, rowSpan: $0.rowSpan + extra)
      }
      let after = row[(nestedIndex + 1)...].map {
        TableGrid.Cell(text: $0.text, columnSpan: $0.columnSpan, rowSpan: $0.rowSpan + extra)
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
  private mutating func flatWalk(_ node: MarkupNode) {
    var stack: [(node: MarkupNode, leaving: Bool)] = [(node, false)]
    while let (current, leaving) = stack.popLast() {
      if leaving {
        endLine()
        continue
      }
      if current.isText {
        current.withTextBytes { line.append($0) }
        continue
      }
      guard current.isElement else { continue }
      let kind = kind(of: current)
      if kind == .skipped { continue }
      if kind == .lineBreak {
        endLine()
        continue
      }
      if current.named("td") || current.named("th") {
        line.appendTab()
      } else if kind == .block || kind == .table {
        endLine()
        stack.append((current, true))
      }
      var children: [MarkupNode] = []
      var child = current.firstChild
      while let next = child {
        children.append(next)
        child = next.next
      }
      for child in children.reversed() { stack.append((child, false)) }
    }
  }

  /// The text under `node` without recursion (for content nested deeper than the walk
  /// follows): every text node in document order, skipped elements left out.
  static func gatherText(_ node: MarkupNode, into collector: inout TextCollector, skipping: Set<String>) {
    var stack: [MarkupNode] = [node]
    while let current = stack.popLast() {
      if current.isText {
        current.withTextBytes { collector.append($0) }
        continue
      }
      guard current.isElement, !skipping.contains(current.name) else { continue }
      if current.named("br") || current.named("p") || current.named("div") { collector.softBreak() }
      var children: [MarkupNode] = []
      var child = current.firstChild
      while let next = child {
        children.append(next)
        child = next.next
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
