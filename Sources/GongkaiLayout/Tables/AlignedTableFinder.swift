/// Finds tables drawn without lines: runs of lines split by wide gaps into aligned columns.
public struct AlignedTableFinder: Sendable {
  /// The fewest consecutive split lines that make a table.
  public var minimumRows = 2
  /// Lines further apart than this many font sizes end a table.
  public var maximumRowGap = 2.5

  /// Creates a finder.
  public init() {}

  /// Replaces runs of split lines in `blocks` with tables whose cells follow the columns
  /// the runs line up on; other blocks pass through unchanged.
  public func apply(to blocks: [PageLayout.Block]) -> [PageLayout.Block] {
    var result: [PageLayout.Block] = []
    var run: [TextLine] = []
    func flush() {
      if run.count >= minimumRows {
        result.append(.table(table(from: run)))
      } else {
        result.append(contentsOf: run.map { .line($0) })
      }
      run.removeAll()
    }
    for block in blocks {
      guard case .line(let line) = block, line.segments.count >= 2 else {
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

  /// One table from split lines: columns are the x ranges the segments cover.
  func table(from lines: [TextLine]) -> Table {
    var columns: [(Double, Double)] = []
    for segment in lines.flatMap(\.segments).sorted(by: { $0.box.minX < $1.box.minX }) {
      if let last = columns.last, segment.box.minX <= last.1 {
        columns[columns.count - 1].1 = max(last.1, segment.box.maxX)
      } else {
        columns.append((segment.box.minX, segment.box.maxX))
      }
    }
    var rows: [TableRow] = []
    for line in lines {
      var cells = [String](repeating: "", count: columns.count)
      for segment in line.segments {
        let index =
          columns.firstIndex { segment.box.midX >= $0.0 && segment.box.midX <= $0.1 } ?? 0
        cells[index] = cells[index].isEmpty ? segment.text : cells[index] + " " + segment.text
      }
      let cellBoxes = columns.map { PageRect(minX: $0.0, minY: line.box.minY, maxX: $0.1, maxY: line.box.maxY) }
      rows.append(TableRow(cells: cells, box: line.box, cellBoxes: cellBoxes))
    }
    let box = lines.dropFirst().reduce(lines[0].box) { $0.union($1.box) }
    let edges = columns.map(\.0) + (columns.last.map { [$0.1] } ?? [])
    return Table(rows: rows, box: box, columnEdges: edges, isRuled: false)
  }
}
