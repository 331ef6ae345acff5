/// Walks word/document.xml into blocks: paragraphs with their automatic numbering put in
/// front, tables with `w:gridSpan` and `w:vMerge` turned into spans. Deleted text, field
/// codes, drawings and text boxes are left out.
struct DOCXBlockReader {
  /// Elements whose content is not body text.
  static let skipped: Set<String> = [
    "del", "delText", "instrText", "AlternateContent", "drawing", "pict", "object", "txbxContent", "footnoteReference",
    "endnoteReference", "commentReference", "rPr", "pPr", "tblPr", "trPr", "tcPr", "sectPr", "fldData",
  ]
  /// How deep nested tables and content controls are followed.
  static let maximumDepth = 60

  private(set) var blocks: [MarkupBlock] = []
  private var numbering: WordNumbering

  init(numbering: WordNumbering) {
    self.numbering = numbering
  }

  /// Reads the document element's body.
  mutating func read(_ document: MarkupNode) {
    guard let body = document.child("body") else { return }
    readContent(body, depth: 0)
  }

  /// Paragraphs and tables under `node` (a body, a content control, a cell).
  private mutating func readContent(_ node: MarkupNode, depth: Int) {
    for child in node.children where child.isElement {
      if child.named("p") {
        let text = paragraphText(child)
        if !text.isEmpty { blocks.append(.paragraph(text)) }
      } else if child.named("tbl") {
        if depth < Self.maximumDepth { readTable(child, depth: depth + 1) }
      } else if child.named("sdt") || child.named("sdtContent") || child.named("customXml")
        || child.named("smartTag")
      {
        if depth < Self.maximumDepth { readContent(child, depth: depth + 1) }
      }
    }
  }

  /// A paragraph's text, its numbering label in front.
  private mutating func paragraphText(_ paragraph: MarkupNode) -> String {
    var collector = TextCollector()
    if let label = numbering.label(for: paragraph.child("pPr")) { collector.append(label) }
    Self.runText(paragraph, into: &collector, depth: 0)
    return collector.take()
  }

  /// The text of runs under `node`: w:t, tabs as spaces, breaks as soft breaks.
  private static func runText(_ node: MarkupNode, into collector: inout TextCollector, depth: Int) {
    for child in node.children where child.isElement {
      if child.named("t") {
        for text in child.children where text.isText { text.withTextBytes { collector.append($0) } }
      } else if child.named("tab") {
        collector.append(" ")
      } else if child.named("br") || child.named("cr") {
        collector.softBreak()
      } else if !skipped.contains(child.name), depth < maximumDepth {
        runText(child, into: &collector, depth: depth + 1)
      }
    }
  }

  // MARK: Tables

  private struct RawCell {
    var column: Int
    var span: Int
    var merge: Merge
    var text: String
    var nestedTable: MarkupNode?
  }

  private enum Merge { case none, restart, `continue` }

  private mutating func readTable(_ table: MarkupNode, depth: Int) {
    var raw: [[RawCell]] = []
    for row in table.children where row.isElement && row.named("tr") {
      var cells: [RawCell] = []
      var column = row.child("trPr")?.child("gridBefore")?.attribute("val").flatMap { Int($0) } ?? 0
      for cell in row.children where cell.isElement && cell.named("tc") {
        let properties = cell.child("tcPr")
        let span = max(properties?.child("gridSpan")?.attribute("val").flatMap { Int($0) } ?? 1, 1)
        var merge = Merge.none
        if let vMerge = properties?.child("vMerge") {
          merge = vMerge.attribute("val") == "restart" ? .restart : .continue
        }
        var collector = TextCollector()
        var nested: MarkupNode?
        for content in cell.children where content.isElement {
          if content.named("p") {
            collector.softBreak()
            let text = paragraphText(content)
            collector.append(text)
          } else if content.named("tbl") {
            nested = nested ?? content
          }
        }
        cells.append(RawCell(column: column, span: span, merge: merge, text: collector.take(), nestedTable: nested))
        column += span
      }
      raw.append(cells)
    }
    // A cell holding a table beside its own text: the layout of a page, read as content.
    if raw.contains(where: { $0.contains { $0.nestedTable != nil && !$0.text.isEmpty } }) {
      for row in table.children where row.isElement && row.named("tr") {
        for cell in row.children where cell.isElement && cell.named("tc") { readContent(cell, depth: depth + 1) }
      }
      return
    }
    var rows: [[TableGrid.Cell]] = []
    for (index, row) in raw.enumerated() {
      var cells: [TableGrid.Cell] = []
      var nestedRows: [[TableGrid.Cell]] = []
      var nestedAt: Int?
      for cell in row where cell.merge != .continue {
        var rowSpan = 1
        if cell.merge == .restart {
          for below in raw[(index + 1)...] {
            guard let same = below.first(where: { $0.column == cell.column }), same.merge == .continue else { break }
            rowSpan += 1
          }
        }
        if let nested = cell.nestedTable, nestedAt == nil {
          var inner = DOCXBlockReader(numbering: numbering)
          inner.readTable(nested, depth: depth + 1)
          numbering = inner.numbering
          if case .table(let grid)? = inner.blocks.first {
            nestedRows = grid.rows
            nestedAt = cells.count
            continue
          }
        }
        cells.append(TableGrid.Cell(text: cell.text, columnSpan: cell.span, rowSpan: rowSpan))
      }
      if let nestedAt, let first = nestedRows.first {
        let extra = nestedRows.count - 1
        let spanned = cells.map {
          TableGrid.Cell(text: $0.text, columnSpan: $0.columnSpan, rowSpan: $0.rowSpan + extra)
        }
        rows.append(Array(spanned[..<nestedAt]) + first + Array(spanned[nestedAt...]))
        rows.append(contentsOf: nestedRows.dropFirst())
      } else {
        rows.append(cells)
      }
    }
    if !rows.isEmpty { blocks.append(.table(TableGrid(rows: rows))) }
  }
}
