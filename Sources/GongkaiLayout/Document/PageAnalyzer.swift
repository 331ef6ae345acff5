/// Reads one page into lines and tables from the geometry of its characters and rulings.
public struct PageAnalyzer: Sendable {
  /// Finds tables drawn with lines.
  public var ruledTables = RuledTableFinder()
  /// Groups the remaining characters into lines.
  public var lineBuilder = LineBuilder()

  /// Creates an analyzer.
  public init() {}

  /// The page's ruled tables and lines of text, top to bottom.
  public func layout(of page: PositionedPage) -> PageLayout {
    let found = ruledTables.tables(on: page)
    var taken = [Bool](repeating: false, count: page.characters.count)
    for entry in found {
      for index in entry.characters where page.characters.indices.contains(index) { taken[index] = true }
    }
    let rest = page.characters.indices.filter { !taken[$0] }.map { page.characters[$0] }
    var blocks = lineBuilder.lines(from: rest).map { PageLayout.Block.line($0) }
    blocks += found.filter { !$0.table.rows.isEmpty }.map { .table($0.table) }
    blocks.sort { ($0.box.minY, $0.box.minX) < ($1.box.minY, $1.box.minX) }
    // Drawn horizontal rules that no ruled table took: the row edges of tables ruled
    // across only (the aligned-table finder bounds their rows by them).
    let tableBoxes = found.map(\.table.box)
    let rules = page.rulings.filter { rule in
      rule.axis == .horizontal && rule.source == .line
        && !tableBoxes.contains { box in
          rule.position >= box.minY - 2 && rule.position <= box.maxY + 2 && rule.start < box.maxX && rule.end > box.minX
        }
    }.sorted { $0.position < $1.position }
    return PageLayout(number: page.number, width: page.width, height: page.height, blocks: blocks, rules: rules)
  }
}
