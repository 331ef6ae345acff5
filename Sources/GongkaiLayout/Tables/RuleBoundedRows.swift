extension AlignedTableFinder {
  /// The lines of tables drawn with horizontal rules between their rows (no vertical
  /// lines, so no ruled grid), each row read as one line: the rules, not the baselines,
  /// bound the rows. Everything between two rules that reach the table's right end is one
  /// row: a label wrapped over lines is one label, a number wrapped in a narrow column
  /// (1 / 0 / 6) is one number (106), whatever the baselines of the pieces. A cell merged
  /// over rows (a group cell such as （三）不予公开) has no rules across it; its text goes to
  /// the first row it spans, as in a ruled grid.
  ///
  /// A band between two rules is read as one row only when it can be nothing else: it holds
  /// a number; at most one of its lines has both label text and numbers; text stacked in one
  /// place starts at most one label (`1.`, `（二）`); numbers stacked in one place are digit
  /// pieces that make no count starting with 0; no place stacks text with numbers; no line
  /// without numbers has text in two places reaching where the numbers stand. A band
  /// that fails (the body of a three-line table, where one band holds many rows; a header)
  /// keeps its lines as they are, and so does a band where a rule's end cuts a piece of
  /// text (the rules are no cell edges there).
  static func boundingRows(_ blocks: [PageLayout.Block], rules: [RulingLine]) -> [PageLayout.Block] {
    let lines: [(block: Int, line: TextLine)] = blocks.indices.compactMap { index in
      guard case .line(let line) = blocks[index], !line.segments.isEmpty else { return nil }
      return (index, line)
    }
    guard !lines.isEmpty, rules.count >= 2 else { return blocks }
    let size = lines.map(\.line.fontSize).min() ?? 0
    let tolerance = max(2, 0.3 * size)
    // The row edges: rules merged where they are drawn twice (within a point).
    var edges: [RulingLine] = []
    for rule in rules.sorted(by: { $0.position < $1.position }) where rule.end - rule.start > 4 * size {
      if let last = edges.last, rule.position - last.position <= 1, abs(rule.end - last.end) <= tolerance {
        edges[edges.count - 1].start = min(last.start, rule.start)
      } else {
        edges.append(rule)
      }
    }
    guard edges.count >= 2 else { return blocks }

    // A piece of a line: where it sits and which band of rules holds it.
    struct Piece {
      var line: Int
      var segment: LineSegment
      var isNumber: Bool
      /// The band (index of the rule above) its cell starts in: the row it goes to.
      var row: Int
      /// Whether its cell spans more than the band it lies in (a group cell).
      var spans: Bool
    }
    var pieces: [Piece] = []
    // Pieces of lines no band holds, by line.
    var free: [Int: [LineSegment]] = [:]
    // Bands whose rules cut a piece of text.
    var blocked = Set<Int>()
    for (number, entry) in lines.enumerated() {
      for segment in entry.line.segments.flatMap(\.cells) {
        let middle = segment.box.midY
        // The rules across this piece's place (from its left end to the table's right end).
        let within = edges.indices.filter { index in
          let rule = edges[index]
          return rule.start <= segment.box.minX + tolerance && rule.end >= segment.box.maxX - tolerance
        }
        // A number spans no rows: one between rules that do not cross it is left as it is.
        guard let above = within.last(where: { edges[$0].position <= middle }),
          let below = within.first(where: { edges[$0].position > middle }),
          below == above + 1 || !isNumber(segment.text)
        else {
          free[number, default: []].append(segment)
          continue
        }
        // The nearest rules: one that starts or ends inside the piece cuts a cell, so the
        // rules do not bound the cells there.
        let near = [edges.lastIndex { $0.position <= middle }, edges.firstIndex { $0.position > middle }]
        let cut = near.compactMap { $0 }.contains { index in
          [edges[index].start, edges[index].end].contains { end in
            end > segment.box.minX + tolerance && end < segment.box.maxX - tolerance
          }
        }
        if cut {
          blocked.insert(above)
          near.compactMap { $0 }.forEach { blocked.insert($0) }
        }
        pieces.append(
          Piece(line: number, segment: segment, isNumber: isNumber(segment.text), row: above, spans: below != above + 1)
        )
      }
    }
    guard !pieces.isEmpty else { return blocks }

    // Each band, top to bottom: its pieces clustered by place (overlapping horizontally),
    // read as one row when it passes the checks.
    var rows: [Int: TextLine] = [:]
    var firstLine: [Int: Int] = [:]
    // The band each line's own pieces lie in.
    var lineBand: [Int: Int] = [:]
    for piece in pieces where !piece.spans { lineBand[piece.line] = piece.row }
    // Pieces of cells over rows whose first row was not read as one: they went with their line.
    var adopted = Set<Int>()
    for band in Set(pieces.map(\.row)).subtracting(blocked).sorted() {
      // The band's pieces, with those of its lines that no band holds (beside the table's
      // rules) or whose merged cell's first row was not read: they stay with their line,
      // as a baseline reading keeps them.
      let ownLines = Set(lineBand.filter { $0.value == band }.keys)
      var members = pieces.filter { $0.row == band }
      var adopting: [Int] = []
      for (index, piece) in pieces.enumerated()
      where piece.spans && piece.row < band && ownLines.contains(piece.line) && rows[piece.row] == nil {
        adopting.append(index)
        members.append(
          Piece(line: piece.line, segment: piece.segment, isNumber: piece.isNumber, row: band, spans: false))
      }
      for line in ownLines {
        for segment in free[line] ?? [] {
          members.append(Piece(line: line, segment: segment, isNumber: isNumber(segment.text), row: band, spans: false))
        }
      }
      guard members.contains(where: \.isNumber) else { continue }
      let own = members.filter { !$0.spans }
      let labelledNumberLines = Set(own.map(\.line)).filter { line in
        own.contains { $0.line == line && !$0.isNumber } && own.contains { $0.line == line && $0.isNumber }
      }
      guard labelledNumberLines.count <= 1 else { continue }
      // A line without numbers that has text in two places, one of them where the band's
      // numbers stand, is a header row (信息内容 采购项目数量 采购总金额 under the next
      // block's 第二十条 row, the rule under it the band's end), not the rest of a label:
      // labels wrap in their own column.
      let numberLines = Set(own.filter(\.isNumber).map(\.line))
      if let firstNumber = own.filter(\.isNumber).map(\.segment.box.minX).min() {
        let headerLine = Set(own.map(\.line)).subtracting(numberLines).contains { line in
          let texts = own.filter { $0.line == line && !$0.isNumber }
          return texts.count >= 2 && texts.contains { $0.segment.box.maxX > firstNumber }
        }
        if headerLine { continue }
      }
      // Places: pieces overlapping horizontally, joined transitively.
      var clusters: [[Piece]] = []
      for piece in members.sorted(by: { $0.segment.box.minX < $1.segment.box.minX }) {
        if let last = clusters.last,
          piece.segment.box.minX < last.map(\.segment.box.maxX).max() ?? -.infinity
        {
          clusters[clusters.count - 1].append(piece)
        } else {
          clusters.append([piece])
        }
      }
      var cells: [LineSegment] = []
      var readable = true
      for cluster in clusters {
        let ordered = cluster.sorted { ($0.line, $0.segment.box.minX) < ($1.line, $1.segment.box.minX) }
        guard Set(ordered.map(\.line)).count == ordered.count,
          ordered.allSatisfy({ $0.isNumber == ordered[0].isNumber })
        else {
          readable = false
          break
        }
        let text = ordered.map(\.segment.text).joined()
        if ordered[0].isNumber, ordered.count > 1 {
          guard ordered.allSatisfy({ isNumberPiece($0.segment.text) }), text.first != "0", text.first != "０" else {
            readable = false
            break
          }
        }
        if !ordered[0].isNumber,
          ordered.dropFirst().contains(where: {
            Margins.startsWithEnumerator($0.segment.text)
              || LayoutReconstructor.startsWithNumberedItem($0.segment.text)
          })
        {
          readable = false
          break
        }
        let box = ordered.dropFirst().reduce(ordered[0].segment.box) { $0.union($1.segment.box) }
        cells.append(LineSegment(text: text, box: box))
      }
      guard readable else { continue }
      let box = cells.dropFirst().reduce(cells[0].box) { $0.union($1.box) }
      let fontSize = Set(members.map(\.line)).map { lines[$0].line.fontSize }.min() ?? size
      rows[band] = TextLine(
        text: cells.map(\.text).joined(separator: " "), box: box, fontSize: fontSize, segments: cells)
      firstLine[band] = members.map(\.line).min()
      adopted.formUnion(adopting)
    }
    guard !rows.isEmpty else { return blocks }

    // The page again: each row where its first line stood, the pieces it took out of their
    // lines, what is left of those lines as it was.
    var taken: [Int: [LineSegment]] = [:]
    for (index, piece) in pieces.enumerated() where rows[piece.row] == nil && !adopted.contains(index) {
      taken[piece.line, default: []].append(piece.segment)
    }
    // Free pieces of lines read into a row went with it.
    for (line, band) in lineBand where rows[band] != nil { free[line] = nil }
    let rowAt = Dictionary(grouping: rows.keys.sorted(), by: { firstLine[$0] ?? 0 })
    var result: [PageLayout.Block] = []
    var number = 0
    for (index, block) in blocks.enumerated() {
      guard number < lines.count, lines[number].block == index else {
        result.append(block)
        continue
      }
      defer { number += 1 }
      let line = lines[number].line
      for band in rowAt[number] ?? [] {
        if let row = rows[band] { result.append(.line(row)) }
      }
      let kept = (free[number] ?? []) + (taken[number] ?? [])
      let all = line.segments.flatMap(\.cells)
      if kept.count == all.count {
        result.append(block)
      } else if !kept.isEmpty {
        let rest = all.filter { segment in kept.contains(segment) }
        let box = rest.dropFirst().reduce(rest[0].box) { $0.union($1.box) }
        result.append(
          .line(
            TextLine(
              text: rest.map(\.text).joined(separator: " "), box: box, fontSize: line.fontSize, segments: rest)))
      }
    }
    return result
  }
}
